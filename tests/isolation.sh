#!/usr/bin/env bash
# A whole-tree run survives its worst file: a crash, the per-file time limit
# and the memory limit each cost that file only, say so in one line naming
# it, and give exit status 2, while the other files' findings still come out.
# Results sent back from the child processes equal an in-process run's.
#   isolation.sh <modlife> <source dir>
set -uo pipefail
modlife="$1" src="$2"
mock="$src/testdata/include/linux-2.4"
args=(-nostdinc -isystem "$mock" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$src/tests/testlib.sh"

# A file with a finding, to show the run went on.
write_sleeping_open "$work/open.c"
# clang's own debugging pragma crashes the front end on purpose: the same
# failure a bug in modlife would give, with no test hook in modlife.
cat > "$work/crash.c" <<'C'
#include <linux/module.h>
static int bar(void) { return 0; }
#pragma clang __debug crash
C
# Big enough to take over a second and tens of MiB, in any build.
python3 - "$work/big.c" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("#include <linux/module.h>\n#include <linux/slab.h>\n")
    for i in range(4000):
        f.write(f"int big{i}(int x) {{ void *p = kmalloc(x, GFP_KERNEL); "
                f"if (!p) return -1; if (x > {i}) {{ kfree(p); return x; }} "
                f"kfree(p); return 0; }}\n")
PY
# Eight times that for the time limit: it must run well past the limit,
# while open.c must finish well within it even in a sanitizer build on a
# loaded machine (0.2 s was not enough there).
python3 - "$work/big.c" "$work/huge.c" <<'PY'
import sys
body = open(sys.argv[1]).read().split("\n", 2)
with open(sys.argv[2], "w") as f:
    f.write(body[0] + "\n" + body[1] + "\n")
    for copy in range(8):
        f.write(body[2].replace("int big", "int big%d_" % copy))
PY
finding='open.c:8:6: warning: .request_irq. may sleep before .MOD_INC_USE_COUNT.'

out="$("$modlife" "$work/crash.c" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "crash: reported with its file" 2 $st "$out" "^error: $work/crash.c: the analysis crashed \(.*signal [0-9]+\), a modlife bug"
check "crash: the other file's finding still comes out" 2 $st "$out" "$finding"
check "crash: the summary line says so" 2 $st "$out" "1 file not analyzed: a crash or a limit"
check "crash: the stack dump asks for a modlife report" 2 $st "$out" "PLEASE report this modlife crash"

out="$("$modlife" -j 2 "$work/open.c" "$work/crash.c" -- "${args[@]}" 2>&1)"; st=$?
check "crash with -j 2" 2 $st "$out" "$finding"

# With a summary store, a crashed file gets no row: once it no longer
# crashes, the next run summarizes it instead of taking it as up to date.
db="$work/modlife.db"
"$modlife" --summaries="$db" "$work/crash.c" "$work/open.c" -- "${args[@]}" >/dev/null 2>&1
sed -i '/__debug crash/d' "$work/crash.c"
out="$("$modlife" --summaries="$db" "$work/crash.c" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "crash: not stored as up to date" 1 $st "$out" "1 files summarized, 1 up to date"

out="$("$modlife" --file-timeout=2.5 "$work/huge.c" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "time limit: reported with its file" 2 $st "$out" "^error: $work/huge.c: analysis stopped at the time limit of 2.5 s \(--file-timeout\); the file was skipped"
check "time limit: the other file's finding still comes out" 2 $st "$out" "$finding"

# The huge file needs about 900 MiB; open.c stays near 100 MiB even with
# AddressSanitizer (16 MiB killed it there).
out="$("$modlife" --file-memory-limit=400 "$work/huge.c" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "memory limit: reported with its file" 2 $st "$out" "^error: $work/huge.c: analysis stopped at the memory limit of 400 MiB \(--file-memory-limit\)"
check "memory limit: the other file's finding still comes out" 2 $st "$out" "$finding"

# The same file under generous limits is analyzed: the limits measure, they
# do not just fail everything.
out="$("$modlife" --file-timeout=600 --file-memory-limit=8192 "$work/big.c" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "generous limits: both files analyzed" 1 $st "$out" "1 warning in 2 files(;|$)"

out="$("$modlife" --isolate=false --file-timeout=5 "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "limits without --isolate are refused" 2 $st "$out" "need --isolate"
out="$("$modlife" --file-timeout=-1 "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "negative time limit is refused" 2 $st "$out" "--file-timeout wants seconds >= 0"

# What the child sends back loses nothing: notes, fixes, offsets, and the
# summaries that cross-file linking reads (the pulsar module's findings come
# from helpers in its other files). Same JSON and text as one process.
xf="$src/testdata/cross-file"
demo=("$src"/testdata/demo/lumen_*.c "$xf"/pulsar/*.c)
for fmt in json text; do
  "$modlife" --format=$fmt --parseable-fixits --source-root="$src" "${demo[@]}" -- "${args[@]}" >"$work/iso.$fmt" 2>/dev/null
  "$modlife" --isolate=false --format=$fmt --parseable-fixits --source-root="$src" "${demo[@]}" -- "${args[@]}" >"$work/one.$fmt" 2>/dev/null
  if [ -s "$work/iso.$fmt" ] && cmp -s "$work/iso.$fmt" "$work/one.$fmt"; then
    passed=$((passed+1)); echo "ok: isolated $fmt output equals one process's"
  else
    echo "FAIL: isolated $fmt output differs from one process's"; diff "$work/one.$fmt" "$work/iso.$fmt" | head
    failures=$((failures+1))
  fi
done
if grep -q '"notes"' "$work/iso.json" && grep -q 'pulsar_hw.c' "$work/iso.json"; then
  passed=$((passed+1)); echo "ok: the demo's cross-file notes came through the child"
else
  echo "FAIL: the demo's JSON has no cross-file notes"; failures=$((failures+1))
fi

finish isolation
