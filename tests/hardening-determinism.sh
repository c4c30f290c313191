#!/usr/bin/env bash
# Determinism: the same inputs give byte-identical text, JSON and SARIF for
# any -j, across runs, and whatever order the files are named in. The input
# is every testdata case and the demo (2.4 and 6.x mocks, each file with its
# own command in one compile database), so most checks have findings, notes
# and fixes, and cross-file facts are in play.
#   hardening-determinism.sh <modlife> <source dir>
KNOWN_FAIL=""
source "$(dirname "$0")/hardening-lib.sh"

tree="$work/tree"
mkdir -p "$tree"
cp "$src"/testdata/demo/*.c "$src"/testdata/demo/*.h "$tree/"
for c in "$src"/testdata/checks/*/*.c; do
  case "$c" in *.fixed.c) continue ;; esac
  cp "$c" "$tree/$(basename "$(dirname "$c")")-$(basename "$c")"
done
python3 - "$tree" "$mock24" "$mock6" <<'PY'
import glob, json, os, sys
tree, m24, m6 = sys.argv[1:]
entries = []
for f in sorted(glob.glob(os.path.join(tree, "*.c"))):
    head = open(f, errors="replace").read(2000)
    if "modlife-mock: linux-6-builtin" in head:
        args = ["-nostdinc", "-isystem", m6, "-D__KERNEL__", '-DKBUILD_MODNAME="mock"', "-std=gnu11"]
    elif "modlife-mock: linux-6" in head:
        args = ["-nostdinc", "-isystem", m6, "-D__KERNEL__", "-DMODULE", '-DKBUILD_MODNAME="mock"', "-std=gnu11"]
    else:
        args = ["-nostdinc", "-isystem", m24, "-D__KERNEL__", "-DMODULE", "-std=gnu89", "-Wno-gnu-designator"]
    entries.append({"directory": tree, "file": f, "arguments": ["clang", "-c"] + args + [f]})
json.dump(entries, open(os.path.join(tree, "compile_commands.json"), "w"), indent=1)
PY
files=("$tree"/*.c)
reversed=()
for ((i = ${#files[@]} - 1; i >= 0; i--)); do reversed+=("${files[$i]}"); done

# run TAG JOBS FILES...: the three formats of one configuration, from the
# tree's directory (reports name files relative to it).
run() {
  local tag="$1" jobs="$2"; shift 2
  (cd "$tree" && "$modlife" --quiet -j "$jobs" -p . --parseable-fixits "$@" > "$work/$tag.txt" 2>"$work/$tag.err")
  (cd "$tree" && "$modlife" --quiet -j "$jobs" -p . --format=json --output "$work/$tag.json" "$@" 2>>"$work/$tag.err")
  (cd "$tree" && "$modlife" --quiet -j "$jobs" -p . --format=sarif --output "$work/$tag.sarif" "$@" 2>>"$work/$tag.err")
}
run j1 1 "${files[@]}"
run j2 2 "${files[@]}"
run j2b 2 "${files[@]}"
run j1b 1 "${files[@]}"
run rev 2 "${reversed[@]}"
run solo 2 --cross-file=false "${files[@]}"
run solob 1 --cross-file=false "${reversed[@]}"

n=$(grep -c ': warning: ' "$work/j1.txt"); checks=$(grep -o '\[modlife-[a-z-]*\]' "$work/j1.txt" | sort -u | wc -l)
fixes=$(grep -c '^fix-it:' "$work/j1.txt")
if [ "$n" -ge 50 ] && [ "$checks" -ge 8 ] && [ "$fixes" -ge 20 ]; then
  ok "the input has findings of many checks ($n findings, $checks checks, $fixes fix-its)"
else fail "the input has findings of many checks" "$n findings, $checks checks, $fixes fix-its" "$(head -5 "$work/j1.err")"; fi
for fmt in txt json sarif; do
  same "$fmt: -j 1 and -j 2 give the same bytes" "$work/j1.$fmt" "$work/j2.$fmt"
  same "$fmt: two runs with -j 2 give the same bytes" "$work/j2.$fmt" "$work/j2b.$fmt"
  same "$fmt: two runs with -j 1 give the same bytes" "$work/j1.$fmt" "$work/j1b.$fmt"
  same "$fmt: the files in reverse order give the same bytes" "$work/j1.$fmt" "$work/rev.$fmt"
  same "$fmt: without cross-file facts, -j 2 and -j 1 in reverse give the same bytes" "$work/solo.$fmt" "$work/solob.$fmt"
done
# JSON and SARIF must be parseable, or comparing them proves little.
if python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' "$work/j1.json" "$work/j1.sarif"; then
  ok "the JSON and SARIF reports parse"
else fail "the JSON and SARIF reports parse" "json.load failed"; fi

finish
