#!/usr/bin/env bash
# Bad input: each case gets one line naming the problem and the place, exit
# status 2, and no report file left behind (every run asks for one with
# --output). Input that is unusual but fine (non-UTF-8 comments, spaces and
# newlines in paths) is analyzed, and its reports stay valid.
#   hardening-input.sh <modlife> <source dir>
KNOWN_FAIL=""
source "$(dirname "$0")/hardening-lib.sh"

n=0
# bad NAME PATTERN [ARGS...]: runs modlife with ARGS and a report file in a
# fresh directory; the bad_input contract must hold.
bad() {
  local name="$1" pattern="$2"; shift 2
  n=$((n+1))
  local rep="$work/reports/$n/report.json"
  mkdir -p "$work/reports/$n"
  local out; out="$("$modlife" --format=json --output "$rep" "$@" 2>&1)"
  bad_input "$name" $? "$out" "$pattern" "$rep"
}

mkdir -p "$work/src"
fixable24 > "$work/src/drv.c"
drv="$work/src/drv.c"

# Compile databases.
db() { # db NAME JSON: a directory holding that compile_commands.json
  mkdir -p "$work/db/$1"; printf '%s' "$2" > "$work/db/$1/compile_commands.json"; echo "$work/db/$1"
}
cmd="\"arguments\": [\"clang\", \"-c\", $(printf '"%s", ' "${args24[@]}") \"drv.c\"]"
d=$(db truncated '[{"directory": "/tmp", "file": ')
bad "compdb-malformed-json" "compile_commands.json.*db/truncated" -p "$d" "$drv"
d=$(db nofile "[{\"directory\": \"$work/src\", $cmd}]")
bad "compdb-missing-file-key" "compile_commands.json.*db/nofile.*\"file\"" -p "$d" "$drv"
d=$(db nodir "[{\"file\": \"$drv\", $cmd}]")
bad "compdb-missing-directory-key" "compile_commands.json.*db/nodir.*\"directory\"" -p "$d" "$drv"
d=$(db reldir "[{\"directory\": \"src\", \"file\": \"drv.c\", $cmd}]")
bad "compdb-relative-directory" "compile_commands.json.*(relative|'src')" -p "$d" "$drv"
d=$(db deleted "[{\"directory\": \"$work/src\", \"file\": \"$work/src/gone.c\", $cmd}]")
bad "compdb-entry-for-deleted-file" "src/gone.c" -p "$d" "$work/src/gone.c"
d=$(db notarray '{"directory": "/tmp"}')
bad "compdb-not-an-array" "compile_commands.json.*db/notarray" -p "$d" "$drv"

# YAML and JSON inputs.
mkdir -p "$work/cfgyaml"; cp "$drv" "$work/cfgyaml/"
printf "Checks: [oops\n" > "$work/cfgyaml/.modlife.yaml"
bad "malformed-yaml-config" "cfgyaml/\.modlife\.yaml:[0-9]+:[0-9]+: error: invalid YAML" "$work/cfgyaml/drv.c" -- "${args24[@]}"
printf 'modlife-rule-pack: 1\nname: [oops\n' > "$work/broken.yaml"
bad "malformed-yaml-rule-pack" "broken\.yaml:[0-9]+:[0-9]+: error: invalid YAML" --rules "$work/broken.yaml" "$drv" -- "${args24[@]}"
printf '{"modlife-baseline": 1, "findings": [' > "$work/baseline.json"
bad "malformed-json-baseline" "baseline.json.*not JSON" --baseline "$work/baseline.json" "$drv" -- "${args24[@]}"
printf '{"version": ' > "$work/part.json"
bad "malformed-json-merge-input" "part\.json.*not a modlife JSON report" --merge "$work/part.json"

# Source files that are not C text.
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00' > "$work/src/blob.c"
head -c 2048 /dev/urandom >> "$work/src/blob.c"
bad "binary-source" "src/blob\.c.*(not C|binary|no function)" "$work/src/blob.c" -- "${args24[@]}"
printf '\xff\xfei\x00n\x00t\x00 \x00x\x00;\x00\n\x00' > "$work/src/utf16.c"
bad "utf16-source" "src/utf16\.c.*(UTF-16|encoding)" "$work/src/utf16.c" -- "${args24[@]}"
: > "$work/src/empty.c"
bad "empty-file" "src/empty\.c.*empty" "$work/src/empty.c" -- "${args24[@]}"

# A 2.4 driver with Latin-1 in its comments (common in old trees) is
# analyzed, and the JSON, SARIF and baseline stay valid UTF-8.
sed 's|^\(.*request_irq.*\)$|\1 /* J\xe9r\xf4me: d\xe9j\xe0 pris \xff */|' "$drv" > "$work/src/latin1.c"
for fmt in json sarif; do
  out="$("$modlife" --quiet --format=$fmt --output "$work/latin1.$fmt" "$work/src/latin1.c" -- "${args24[@]}" 2>&1)"; st=$?
  if [ $st = 1 ] && python3 -c 'import json,sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' "$work/latin1.$fmt"; then
    ok "latin-1 source: $fmt is valid UTF-8 JSON"
  else fail "latin-1 source: $fmt is valid UTF-8 JSON" "exit $st, or not UTF-8 JSON" "$out"; fi
done
"$modlife" --quiet --write-baseline "$work/latin1-baseline.json" "$work/src/latin1.c" -- "${args24[@]}" >/dev/null 2>&1
out="$("$modlife" --quiet --baseline "$work/latin1-baseline.json" "$work/src/latin1.c" -- "${args24[@]}" 2>&1)"; st=$?
check "latin-1 source: a baseline round trip accepts its finding" 0 $st "$out"

# Paths with spaces: a compile database with a quoted command, an include
# directory and a build directory with spaces; --fix edits the right file.
sp="$work/with space"
mkdir -p "$sp/inc dir" "$sp/build dir"
{ echo '#include "local.h"'; fixable24; } > "$sp/my drv.c"
echo '#define FOO_LOCAL 1' > "$sp/inc dir/local.h"
python3 - "$sp" "$mock24" <<'PY'
import json, shlex, sys
d, mock = sys.argv[1], sys.argv[2]
json.dump([{"directory": d, "file": d + "/my drv.c", "command": shlex.join(
    ["clang", "-c", "-nostdinc", "-isystem", mock, "-I", d + "/inc dir", "-D__KERNEL__", "-DMODULE",
     "-std=gnu89", "-Wno-gnu-designator", "my drv.c"])}], open(d + "/build dir/compile_commands.json", "w"))
PY
out="$("$modlife" --quiet -p "$sp/build dir" "$sp/my drv.c" 2>&1)"; st=$?
check "path with spaces: analyzed through the compile database" 1 $st "$out" "^$sp/my drv.c:9:6: warning: 'request_irq' may sleep"
out="$("$modlife" --quiet --fix -p "$sp/build dir" "$sp/my drv.c" 2>&1)"; st=$?
if grep -q MOD_DEC_USE_COUNT "$sp/my drv.c"; then check "path with spaces: --fix" 0 $st "$out"
else fail "path with spaces: --fix" "not fixed" "$out"; fi
# Newlines: a missing file's error stays one line; an existing file's name
# comes back intact in JSON.
bad "newline-in-missing-path" "no such file.*no\\\\nwhere" "$work/src/no
where.c" -- "${args24[@]}"
nl="$work/src/new
line.c"
cp "$drv" "$nl"
out="$("$modlife" --quiet --format=json --source-root / "$nl" -- "${args24[@]}" 2>&1)"; st=$?
if [ $st = 1 ] && python3 -c '
import json, sys
files = {f["file"] for f in json.loads(sys.stdin.read())["findings"]}
sys.exit(0 if files == {sys.argv[1].lstrip("/")} else 1)' "$nl" <<<"$out"; then
  ok "newline in an existing path: JSON names the file intact"
else fail "newline in an existing path: JSON names the file intact" "exit $st" "$out"; fi

# Links, permissions.
ln -s loop.c "$work/src/loop.c"
bad "symlink-loop" "src/loop\.c.*(symbolic link|loop)" "$work/src/loop.c" -- "${args24[@]}"
ln -s "loop dir" "$work/loop dir"
bad "symlink-loop-build-dir" "compile_commands.json.*loop dir.*symbolic link" -p "$work/loop dir" "$drv"
cp "$drv" "$work/src/secret.c"; chmod 000 "$work/src/secret.c"
if [ "$(id -u)" != 0 ]; then
  bad "unreadable-file" "src/secret\.c.*(ermission denied|cannot read)" "$work/src/secret.c" -- "${args24[@]}"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  # As root, mode 000 does not stop reading: run modlife as nobody.
  mkdir -p "$work/reports/nobody"; chmod 777 "$work/reports/nobody"
  out="$(setpriv --reuid=65534 --regid=65534 --clear-groups "$modlife" --format=json \
    --output "$work/reports/nobody/report.json" "$work/src/secret.c" -- "${args24[@]}" 2>&1)"
  bad_input "unreadable-file" $? "$out" "src/secret\.c.*(ermission denied|cannot read)" "$work/reports/nobody/report.json"
else
  skip "unreadable-file" "running as root without setpriv: mode 000 does not stop root from reading"
fi

# Unknown names.
bad "unknown-check-on-command-line" "unknown check 'modlife-sleep-before-incc'" --checks='-*,modlife-sleep-before-incc' "$drv" -- "${args24[@]}"
mkdir -p "$work/cfgcheck" "$work/cfgopt" "$work/cfgpack"
for d in cfgcheck cfgopt cfgpack; do cp "$drv" "$work/$d/"; done
printf "Checks: 'modlife-*,-modlife-missing-ownr'\n" > "$work/cfgcheck/.modlife.yaml"
bad "unknown-check-in-config" "unknown check 'modlife-missing-ownr'.*cfgcheck/\.modlife\.yaml" "$work/cfgcheck/drv.c" -- "${args24[@]}"
printf "CheckOptions:\n  modlife-sleep-before-incc.NonConstantFlags: no-sleep\n" > "$work/cfgopt/.modlife.yaml"
bad "unknown-check-in-check-options" "cfgopt/\.modlife\.yaml.*modlife-sleep-before-incc" "$work/cfgopt/drv.c" -- "${args24[@]}"
printf "RulePacks: [linux-9]\n" > "$work/cfgpack/.modlife.yaml"
bad "unknown-pack-in-config" "cfgpack/\.modlife\.yaml.*linux-9" "$work/cfgpack/drv.c" -- "${args24[@]}"
bad "unknown-pack-on-command-line" "unknown rule pack 'linux-9'" --packs=linux-9 "$drv" -- "${args24[@]}"
bad "unknown-flag" "Unknown command line argument '--bogus'" --bogus "$drv" -- "${args24[@]}"
# "-j1" as make spells it: accepted like "-j 1", or refused in one line.
out="$("$modlife" --quiet -j1 "$drv" -- "${args24[@]}" 2>&1)"; st=$?
if [ $st = 1 ]; then ok "unknown-flag-j1"; else bad_input "unknown-flag-j1" $st "$out" "-j1"; fi

# Contradictory flags.
bad "merge-with-fix" "--merge.*--fix" --merge --fix "$work/part.json"
bad "stdin-with-two-files" "--stdin takes exactly one source file" --stdin "$drv" "$drv" -- "${args24[@]}"
bad "phase-without-store" "--phase=summarize and --phase=analyze need a --summaries store" --phase=analyze "$drv" -- "${args24[@]}"
bad "summaries-without-cross-file" "--summaries and --phase take no" --summaries "$work/s.db" --cross-file=false "$drv" -- "${args24[@]}"
bad "merge-summaries-without-store" "--merge-summaries" --merge-summaries "$work/a.db"
cp "$drv" "$work/src/phase.c"
bad "fix-with-phase-summarize" "--fix.*--phase=summarize|--phase=summarize.*--fix" --fix --phase=summarize --summaries "$work/p.db" "$work/src/phase.c" -- "${args24[@]}"
# One file as --baseline and --write-baseline: refused, or read before it is
# written; a new finding must never be accepted by the baseline just written.
printf '#include <linux/module.h>\nint clean(void) { return 0; }\n' > "$work/src/clean.c"
"$modlife" --quiet --write-baseline "$work/same.json" "$work/src/clean.c" -- "${args24[@]}" >/dev/null 2>&1
out="$("$modlife" --quiet --baseline "$work/same.json" --write-baseline "$work/same.json" "$drv" -- "${args24[@]}" 2>&1)"; st=$?
if [ $st = 1 ]; then ok "baseline-read-and-written"
else bad_input "baseline-read-and-written" $st "$out" "same\.json"; fi
# The report or baseline aimed at a source file would destroy it.
cp "$drv" "$work/src/victim.c"; h="$(sha256sum < "$work/src/victim.c")"
out="$("$modlife" --quiet --format=json --output "$work/src/victim.c" "$work/src/victim.c" -- "${args24[@]}" 2>&1)"; st=$?
if [ "$(sha256sum < "$work/src/victim.c")" = "$h" ]; then bad_input "output-is-a-source" $st "$out" "victim\.c"
else fail "output-is-a-source" "--output overwrote the source file it analyzed (exit $st)" "$(head -3 "$work/src/victim.c")"; fi
cp "$drv" "$work/src/victim2.c"; h="$(sha256sum < "$work/src/victim2.c")"
out="$("$modlife" --quiet --write-baseline "$work/src/victim2.c" "$work/src/victim2.c" -- "${args24[@]}" 2>&1)"; st=$?
if [ "$(sha256sum < "$work/src/victim2.c")" = "$h" ]; then bad_input "baseline-is-a-source" $st "$out" "victim2\.c"
else fail "baseline-is-a-source" "--write-baseline overwrote the source file it analyzed (exit $st)" "$(head -3 "$work/src/victim2.c")"; fi

# One bad file among good ones: the run says so and fails, and leaves no
# report that looks complete.
rep="$work/reports/partial.json"
out="$("$modlife" --quiet --format=json --output "$rep" "$drv" "$work/src/missing.c" -- "${args24[@]}" 2>&1)"; st=$?
if [ $st = 2 ] && grep -q "missing\.c" <<<"$out" && [ ! -e "$rep" ]; then ok "partial-report-on-input-error"
else fail "partial-report-on-input-error" "exit $st, report file left: $([ -e "$rep" ] && echo yes || echo no)" "$out"; fi

finish
