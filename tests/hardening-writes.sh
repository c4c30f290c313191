#!/usr/bin/env bash
# Nothing written elsewhere: every file of an analyzed tree is hashed before
# and after full runs whose compile database asks the compiler to write
# (-MD, -MF, -Wp,-MMD, -o, -save-temps, -ftime-trace,
# --serialize-diagnostics). Without --fix nothing in the tree changes; with
# --fix only the files with fixes do. Reports, baselines and summary stores
# land only where the options point: not in the tree, the working directory
# or TMPDIR.
#   hardening-writes.sh <modlife> <source dir>
KNOWN_FAIL=""
source "$(dirname "$0")/hardening-lib.sh"

tree="$work/tree" out="$work/out" run="$work/run" tmp="$work/tmp"
mkdir -p "$tree/drivers/lumen" "$tree/drivers/misc" "$out" "$run" "$tmp"
cp "$src"/testdata/demo/*.c "$src"/testdata/demo/*.h "$tree/drivers/lumen/"
fixable24 > "$tree/drivers/misc/foo.c"
printf '#include <linux/module.h>\nint clean_helper(int x) { return x + 1; }\n' > "$tree/drivers/misc/clean.c"
files=("$tree"/drivers/lumen/*.c "$tree"/drivers/misc/*.c)
python3 - "$tree" "$mock24" "${files[@]}" <<'PY'
import json, os, sys
tree, mock, files = sys.argv[1], sys.argv[2], sys.argv[3:]
entries = []
for f in files:
    rel = os.path.relpath(f, tree)
    base = os.path.splitext(rel)[0]
    d, n = os.path.split(base)
    entries.append({"directory": tree, "file": rel, "arguments": [
        "clang", "-c", "-nostdinc", "-isystem", mock, "-D__KERNEL__", "-DMODULE",
        "-std=gnu89", "-Wno-gnu-designator",
        "-Wp,-MMD,%s/.%s.o.d" % (d, n), "-MD", "-MF", base + ".d", "-MJ", base + ".json",
        "-save-temps=obj", "-save-temps", "-ftime-trace", "-ftime-trace=" + base + ".trace.json",
        "--serialize-diagnostics", base + ".dia", "-o", base + ".o", rel]})
json.dump(entries, open(os.path.join(tree, "compile_commands.json"), "w"), indent=1)
PY

tree_hashes() { (cd "$tree" && find . -type f -o -type l | LC_ALL=C sort | xargs -d '\n' sha256sum); }
listing() { (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | tr '\n' ' '); }
# unchanged NAME: the tree is as it was, and the working directory and
# TMPDIR are empty.
unchanged() {
  local now; now="$(tree_hashes)"
  if [ "$now" != "$before" ]; then
    fail "$1: the tree is unchanged" "changes:" "$(diff <(echo "$before") <(echo "$now"))"
  else ok "$1: the tree is unchanged"; fi
  if [ -n "$(listing "$run")$(listing "$tmp")" ]; then
    fail "$1: nothing in the working directory or TMPDIR" "found:" "$(listing "$run") $(listing "$tmp")"
  else ok "$1: nothing in the working directory or TMPDIR"; fi
}
in_run() { (cd "$run" && TMPDIR="$tmp" "$modlife" "$@"); }

before="$(tree_hashes)"

# A full run: cross-file, two jobs, a summary store, a baseline and a SARIF
# report, all pointed outside the tree.
outp="$(in_run -j 2 -p "$tree" --summaries "$out/modlife.db" --write-baseline "$out/baseline.json" \
  --format=sarif --output "$out/report.sarif" "${files[@]}" 2>&1)"; st=$?
check "full run over the tree" 1 $st "$outp"
unchanged "full run with --summaries, --write-baseline, --output"
got="$(listing "$out")"
want="./baseline.json ./modlife.db ./report.sarif "
if [ "$got" = "$want" ]; then ok "only the files the options name are written"
else fail "only the files the options name are written" "out/ holds: $got, expected: $want"; fi

# Incremental re-run from the store, against the baseline, JSON report.
outp="$(in_run -j 2 -p "$tree" --summaries "$out/modlife.db" --baseline "$out/baseline.json" \
  --format=json --output "$out/new.json" "${files[@]}" 2>&1)"; st=$?
check "re-run from the store against the baseline" 0 $st "$outp"
unchanged "re-run with --summaries and --baseline"

# Phases apart, as in sharded CI.
outp="$(in_run -p "$tree" --phase=summarize --summaries "$out/phases.db" "${files[@]}" 2>&1)"; st=$?
check "--phase=summarize" 0 $st "$outp"
outp="$(in_run -p "$tree" --phase=analyze --summaries "$out/phases.db" --format=json --output "$out/phases.json" "${files[@]}" 2>&1)"; st=$?
check "--phase=analyze" 1 $st "$outp"
unchanged "--phase=summarize, then --phase=analyze"
got="$(listing "$out")"
want="./baseline.json ./modlife.db ./new.json ./phases.db ./phases.json ./report.sarif "
if [ "$got" = "$want" ]; then ok "the phases write only their store and report"
else fail "the phases write only their store and report" "out/ holds: $got, expected: $want"; fi

# Text to stdout, in one process (no workers), from the tree's own root.
outp="$(cd "$tree" && TMPDIR="$tmp" "$modlife" --isolate=false -p . "${files[@]}" 2>&1)"; st=$?
check "a run from inside the tree" 1 $st "$outp"
unchanged "a run from inside the tree, in one process"

# Output flags given with -extra-arg are stripped too (-MD would write a
# .d file next to each object, in the tree or the working directory).
outp="$(cd "$tree" && TMPDIR="$tmp" "$modlife" -p . -extra-arg=-MD -extra-arg=-save-temps "${files[@]}" 2>&1)"; st=$?
check "a run with -extra-arg=-MD -extra-arg=-save-temps" 1 $st "$outp"
unchanged "a run with output flags in -extra-arg"

# --fix: exactly the files that have fixes change, and nothing appears.
in_run -p "$tree" --format=json --output "$out/all.json" "${files[@]}" >/dev/null 2>&1
# all.json names files relative to the run directory.
want_changed="$(cd "$run" && python3 - "$out/all.json" "$tree" <<'PY'
import json, os, sys
files = set()
for f in json.load(open(sys.argv[1]))["findings"]:
    for x in f.get("fixes", []):
        files.add("./" + os.path.relpath(os.path.realpath(x["file"]), sys.argv[2]))
print("\n".join(sorted(files)))
PY
)"
if [ "$(grep -c . <<<"$want_changed")" -ge 3 ]; then ok "the tree has fixes in several files"
else fail "the tree has fixes in several files" "files with fixes:" "$want_changed"; fi
outp="$(in_run -j 2 -p "$tree" --fix "${files[@]}" 2>&1)"; st=$?
after="$(tree_hashes)"
got_changed="$(diff <(echo "$before") <(echo "$after") | sed -n 's/^> [0-9a-f]*  //p' | LC_ALL=C sort)"
appeared="$(diff <(echo "$before" | sed 's/^[0-9a-f]*  //') <(echo "$after" | sed 's/^[0-9a-f]*  //') | sed -n 's/^> //p')"
if [ -z "$appeared" ] && [ "$got_changed" = "$want_changed" ]; then ok "--fix changes exactly the files with fixes"
else fail "--fix changes exactly the files with fixes" "changed: $(echo $got_changed); expected: $(echo $want_changed); new files: $(echo $appeared)" "$outp"; fi
if [ -z "$(listing "$run")$(listing "$tmp")" ]; then ok "--fix: nothing in the working directory or TMPDIR"
else fail "--fix: nothing in the working directory or TMPDIR" "found: $(listing "$run") $(listing "$tmp")"; fi

finish
