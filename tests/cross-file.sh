#!/usr/bin/env bash
# Cross-file analysis from the CLI: findings whose reason is in another file,
# with notes there; the summary store's incremental re-runs; the phases run
# apart and sharded; and bad stores.
#   cross-file.sh <modlife> <source dir>
set -uo pipefail
modlife="$1" src="$2"
data="$src/testdata/cross-file"
old=(-nostdinc -isystem "$src/testdata/include/linux-2.4" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)
new=(-nostdinc -isystem "$src/testdata/include/linux-6" -D__KERNEL__ -std=gnu11 -DKBUILD_MODNAME=\"mock\" -DMODULE)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0 passed=0
ok() { passed=$((passed+1)); echo "ok: $1"; }
fail() { failures=$((failures+1)); echo "FAIL: $1"; }
expect_eq() { # name, want, got
  if [ "$2" == "$3" ]; then ok "$1"; else
    fail "$1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20; fi
}

# 1. The findings and their notes across files, exactly (paths relative).
got="$("$modlife" --quiet "$data"/pulsar/*.c -- "${old[@]}" | sed "s|$src/||g")"
expect_eq "2.4 module over three files: golden output" "$(cat "$data/pulsar.expected")" "$got"
got="$("$modlife" --quiet "$data"/quasar/*.c "$data"/other/*.c "$data"/third/*.c -- "${new[@]}" |
  sed "s|$src/||g")"
expect_eq "modern modules and an ambiguous name: golden output" "$(cat "$data/modern.expected")" "$got"

# 2. Alone, each file misses the sleeps and misreads the shared failure path.
alone="$("$modlife" --quiet --cross-file=false "$data"/pulsar/*.c -- "${old[@]}" | grep ': warning: ')"
expect_eq "--cross-file=false: no sleep found across files, one false failure-path report" \
  "pulsar_main.c:62:3: modlife-missing-release-on-error" \
  "$(sed -E 's|^.*/([^/]+):([0-9]+):([0-9]+): warning: .*\[([a-z-]+)\]$|\1:\2:\3: \4|' <<<"$alone")"

# Entry points wired in one file and defined in another: nebula_main.c's
# file_operations name nebula_ops.c's functions. Alone, nebula_ops.c has no
# entry point and nebula_main.c cannot see that nebula_open pins the module.
got="$("$modlife" --quiet "$data"/nebula/*.c -- "${old[@]}" | sed "s|$src/||g")"
expect_eq "entry points wired in another file: golden output" "$(cat "$data/nebula.expected")" "$got"
alone="$("$modlife" --quiet --cross-file=false "$data"/nebula/*.c -- "${old[@]}" | grep ': warning: ')"
expect_eq "--cross-file=false: the sleep is missed, a false missing-owner is reported" \
  "nebula_main.c:8:31: modlife-missing-owner" \
  "$(sed -E 's|^.*/([^/]+):([0-9]+):([0-9]+): warning: .*\[([a-z-]+)\]$|\1:\2:\3: \4|' <<<"$alone")"
# With a store: giving the file_operations an owner, in nebula_main.c only,
# re-analyzes nebula_ops.c, whose open() is then pinned by its caller.
neb="$work/nebula"
mkdir -p "$neb" && cp "$data"/nebula/* "$neb/"
"$modlife" --quiet --summaries="$work/n.db" "$neb"/*.c -- "${old[@]}" >/dev/null 2>&1
sed -i '0,/open: nebula_open,/s//owner: THIS_MODULE,\n\topen: nebula_open,/' "$neb/nebula_main.c"
out="$("$modlife" --summaries="$work/n.db" "$neb"/*.c -- "${old[@]}" 2>&1)"
expect_eq "an owner added where the entry point is wired: both files re-analyzed" \
  "1 files summarized, 1 up to date; 2 re-analyzed with other files' facts, 0 up to date" \
  "$(grep '^modlife: summaries' <<<"$out" | sed -E "s|^modlife: summaries in '[^']*': ||")"
if grep -q "warning:" <<<"$out"; then fail "the pinned entry point is still reported"; grep warning <<<"$out"
else ok "the pinned entry point is no longer reported"; fi

# 3. The store: a re-run re-parses only what changed.
tree="$work/tree"
mkdir -p "$tree" && cp "$data"/pulsar/* "$tree/"
db="$work/s.db"
run() { "$modlife" --summaries="$db" "$@" "$tree"/*.c -- "${old[@]}" 2>&1 >"$work/out"; }
stats() { grep '^modlife: summaries' <<<"$1" | sed -E "s|^modlife: summaries in '[^']*': ||"; }
first="$(run)"
expect_eq "first run summarizes all, re-analyzes the one file that calls out" \
  "3 files summarized, 0 up to date; 1 re-analyzed with other files' facts, 0 up to date" "$(stats "$first")"
cp "$work/out" "$work/out.first"
again="$(run)"
expect_eq "unchanged re-run parses nothing" \
  "0 files summarized, 3 up to date; 0 re-analyzed with other files' facts, 1 up to date" "$(stats "$again")"
expect_eq "unchanged re-run reports the same" "$(cat "$work/out.first")" "$(cat "$work/out")"
touch -d '2001-01-01' "$tree/pulsar_hw.c"
touched="$(run)"
expect_eq "a new time with the same contents parses nothing" \
  "0 files summarized, 3 up to date; 0 re-analyzed with other files' facts, 1 up to date" "$(stats "$touched")"
sed -i 's/schedule_timeout(10);/mdelay(1);/; s|#include <linux/sched.h>|#include <linux/delay.h>|' "$tree/pulsar_util.c"
edited="$(run)"
expect_eq "an edited helper: it is re-parsed, and its caller re-analyzed" \
  "1 files summarized, 2 up to date; 1 re-analyzed with other files' facts, 0 up to date" "$(stats "$edited")"
if grep -q "pulsar_hw_settle' may sleep" "$work/out"; then fail "the fixed helper's caller is still reported"
else ok "the fixed helper's caller is no longer reported"; fi
echo "/* a comment */" >>"$tree/pulsar.h"
header="$(run)"
expect_eq "an edited header: every file that includes it is re-parsed" \
  "3 files summarized, 0 up to date; 1 re-analyzed with other files' facts, 0 up to date" "$(stats "$header")"
other_flags="$("$modlife" --summaries="$db" -extra-arg=-DPULSAR_DEBUG "$tree"/*.c -- "${old[@]}" 2>&1 >/dev/null)"
expect_eq "other compiler flags: every file is re-parsed" \
  "3 files summarized, 0 up to date; 1 re-analyzed with other files' facts, 0 up to date" "$(stats "$other_flags")"

# 4. The phases apart, sharded, then merged, give the one-run report.
"$modlife" --quiet --format=json --source-root="$src" "$data"/pulsar/*.c -- "${old[@]}" >"$work/whole.json"
for k in 1 2; do
  "$modlife" --quiet --phase=summarize --summaries="$work/part$k.db" --shard=$k/2 "$data"/pulsar/*.c -- "${old[@]}" ||
    fail "summarize shard $k"
done
"$modlife" --quiet --merge-summaries --summaries="$work/all.db" "$work/part1.db" "$work/part2.db" ||
  fail "merge-summaries"
for k in 1 2; do
  "$modlife" --quiet --phase=analyze --summaries="$work/all.db" --shard=$k/2 --format=json \
    --source-root="$src" --output="$work/shard$k.json" "$data"/pulsar/*.c -- "${old[@]}"
  [ $? -le 1 ] || fail "analyze shard $k"
done
"$modlife" --quiet --merge --format=json --source-root="$src" "$work"/shard1.json "$work"/shard2.json >"$work/merged.json"
expect_eq "summarize and analyze in shards, merged: the same JSON as one run" \
  "$(cat "$work/whole.json")" "$(cat "$work/merged.json")"
"$modlife" --quiet --merge --source-root="$src" "$work"/shard1.json "$work"/shard2.json >"$work/merged.txt"
expect_eq "the merged report renders notes in other files with their source lines" \
  "$(cat "$data/pulsar.expected")" "$(sed "s|$src/||g" "$work/merged.txt")"

# 5. Bad stores and bad combinations: one line, exit 2.
bad() { # name, pattern, command...
  local name="$1" pattern="$2"; shift 2
  local out status
  out="$("$@" 2>&1 >/dev/null)"; status=$?
  if [ "$status" -ne 2 ]; then fail "$name: exit status $status, expected 2"; return; fi
  if [ "$(printf '%s' "$out" | grep -c .)" -ne 1 ] || ! grep -qE -- "$pattern" <<<"$out"; then
    fail "$name: expected one line matching /$pattern/, got:"; echo "$out"; return; fi
  ok "$name"
}
bad "analyze phase without a summary of the file" "no up-to-date summary of .*pulsar_main.c" \
  "$modlife" --phase=analyze --summaries="$work/part1.db" "$data"/pulsar/*.c -- "${old[@]}"
echo "not a database, just text that is long enough to be read as a header" >"$work/garbage.db"
bad "a store that is no SQLite file" "summary store .*garbage.db" \
  "$modlife" --summaries="$work/garbage.db" "$data"/pulsar/*.c -- "${old[@]}"
python3 - "$work/other.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE notes (x)"); c.commit()
EOF
bad "an SQLite file of something else" "not a modlife summary store" \
  "$modlife" --summaries="$work/other.db" "$data"/pulsar/*.c -- "${old[@]}"
cp "$db" "$work/future.db"
python3 - "$work/future.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE meta SET value='99' WHERE key='version'"); c.commit()
EOF
bad "a store of another format version" "format version 99" \
  "$modlife" --summaries="$work/future.db" "$data"/pulsar/*.c -- "${old[@]}"
bad "--phase without a store" "need a --summaries store" \
  "$modlife" --phase=summarize "$data"/pulsar/*.c -- "${old[@]}"
bad "--merge-summaries of a missing store" "no such summary store" \
  "$modlife" --merge-summaries --summaries="$work/m.db" "$work/missing.db"
bad "--summaries with --stdin" "take no --stdin" \
  "$modlife" --stdin --summaries="$work/x.db" "$data"/pulsar/pulsar_main.c -- "${old[@]}"

# 6. The store is the only file written.
before="$(cd "$tree" && find . -type f -exec sha256sum {} + | sort)"
"$modlife" --quiet --summaries="$work/only.db" "$tree"/*.c -- "${old[@]}" >/dev/null
after="$(cd "$tree" && find . -type f -exec sha256sum {} + | sort)"
expect_eq "nothing but the store is written" "$before" "$after"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
