#!/usr/bin/env bash
# What a user sees from the CLI: exit statuses, one-line errors on bad input,
# configuration, parallel determinism, and never writing into the tree.
#   cli-tests.sh <modlife> <source dir>
set -uo pipefail
modlife="$1" src="$2"
mock="$src/testdata/include/linux-2.4"
args=(-nostdinc -isystem "$mock" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$src/tests/testlib.sh"

one_line() { # the error output must be exactly one line
  local name="$1" out="$2"
  if [ "$(printf '%s' "$out" | grep -c .)" -ne 1 ]; then
    echo "FAIL: $name: expected a one-line error, got:"; echo "$out"; failures=$((failures+1))
  else passed=$((passed+1)); echo "ok: $name is one line"; fi
}

write_sleeping_open "$work/open.c"
cp "$work/open.c" "$work/open2.c"

out="$("$modlife" --quiet "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "finding gives status 1" 1 $st "$out" "open.c:8:6: warning: 'request_irq' may sleep before 'MOD_INC_USE_COUNT' pins the module \[modlife-sleep-before-inc\]"

out="$("$modlife" --quiet --checks='-*,modlife-missing-release-on-error' "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "--checks filters" 0 $st

# A renamed check: its former name still selects it in --checks and
# suppresses it in NOLINT; findings carry the current name.
leak="$src/testdata/checks/modlife-missing-release-on-error/return-after-inc.c"
out="$("$modlife" --quiet --checks='-*,modlife-missing-dec-on-error' "$leak" -- "${args[@]}" 2>&1)"; st=$?
check "former check name selects the check" 1 $st "$out" "return-after-inc.c:22:3: warning: .*\[modlife-missing-release-on-error\]"
out="$("$modlife" --quiet --checks='-*,modlife-missing-release-on-error,-modlife-missing-dec-on-error' "$leak" -- "${args[@]}" 2>&1)"; st=$?
check "former check name disables the check" 0 $st
sed 's|return -ENODEV;|return -ENODEV; /* NOLINT(modlife-missing-dec-on-error) */|' "$leak" > "$work/leak-nolint.c"
out="$("$modlife" --quiet --checks='-*,modlife-missing-release-on-error' "$work/leak-nolint.c" -- "${args[@]}" 2>&1)"; st=$?
check "NOLINT with the former check name suppresses" 0 $st

out="$("$modlife" "$work/nosuch.c" -- "${args[@]}" 2>&1)"; st=$?
check "missing file" 2 $st "$out" "no such file"

printf 'modlife-rule-pack: 1\nname: bad\nsleeps:\n  - { function: f, flgs: 1 }\n' > "$work/bad.yaml"
out="$("$modlife" --rules "$work/bad.yaml" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "malformed rule pack" 2 $st "$out" "bad.yaml:4:[0-9]+: error: unknown key 'flgs'"
one_line "malformed rule pack" "$out"

printf 'modlife-rule-pack: 1\nname: [oops\n' > "$work/broken.yaml"
out="$("$modlife" --rules "$work/broken.yaml" "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "invalid YAML rule pack" 2 $st "$out" "broken.yaml:[0-9]+:[0-9]+: error: invalid YAML"
one_line "invalid YAML rule pack" "$out"

out="$("$modlife" --checks='modlife-sleep-before-incc' "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "unknown check name" 2 $st "$out" "unknown check 'modlife-sleep-before-incc'"

mkdir -p "$work/baddb"
printf '[{"directory": "/tmp", "file": ' > "$work/baddb/compile_commands.json"
out="$("$modlife" -p "$work/baddb" "$work/open.c" 2>&1)"; st=$?
check "malformed compile database" 2 $st "$out" "compile_commands.json"
one_line "malformed compile database" "$out"

printf '\x7fELF\x01\x00garbage ]]] {{{ int int int ;;; \n%%%% @@@\n' > "$work/garbage.c"
out="$("$modlife" "$work/garbage.c" -- "${args[@]}" 2>&1)"; st=$?
check "garbage C" 2 $st "$out" "no function that could be analyzed"

# A legacy file that does not compile cleanly: a generated header is
# missing and one function uses things that do not exist. The functions that
# parse are still analyzed, and the error count is reported.
cat > "$work/legacy.c" <<'C'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/autoconf-generated.h>
static int foo_ioctl(struct inode *inode, struct file *file, unsigned int cmd, unsigned long arg)
{
	return foo_undeclared_helper(cmd) + inode->i_no_such_field;
}
static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs) { }
static int foo_open(struct inode *inode, struct file *file)
{
	if (request_irq(5, foo_interrupt, 0, "foo", NULL))
		return -EBUSY;
	MOD_INC_USE_COUNT;
	return 0;
}
static struct file_operations foo_fops = { open: foo_open, ioctl: foo_ioctl, };
C
out="$("$modlife" "$work/legacy.c" -- "${args[@]}" 2>&1)"; st=$?
check "broken TU still gets its findings" 1 $st "$out" "legacy.c:13:6: warning: 'request_irq' may sleep"
check "broken TU reports its error count" 1 $st "$out" "legacy.c: note: 2 compiler errors; the functions that parsed were analyzed"

# A user pack adds a sleeping primitive on top of the built-in ones.
cat > "$work/local.yaml" <<'Y'
modlife-rule-pack: 1
name: local
sleeps:
  - { function: foo_wait_for_hw, why: "polls the hardware with schedule_timeout" }
Y
cat > "$work/user.c" <<'C'
#include <linux/module.h>
#include <linux/fs.h>
int foo_wait_for_hw(void);
static int foo_open(struct inode *inode, struct file *file)
{
	foo_wait_for_hw();
	MOD_INC_USE_COUNT;
	return 0;
}
static struct file_operations foo_fops = { .open = foo_open };
C
out="$("$modlife" --quiet "$work/user.c" -- "${args[@]}" 2>&1)"; st=$?
check "unknown helper is not a sleeper" 0 $st
out="$("$modlife" --quiet --rules "$work/local.yaml" "$work/user.c" -- "${args[@]}" 2>&1)"; st=$?
check "--rules adds a sleeper" 1 $st "$out" "'foo_wait_for_hw' may sleep: it polls the hardware"

# .modlife.yaml found above the file selects checks.
mkdir -p "$work/cfg/sub"
cp "$work/open.c" "$work/cfg/sub/open.c"
printf "Checks: '-*,modlife-missing-release-on-error'\n" > "$work/cfg/.modlife.yaml"
out="$("$modlife" --quiet "$work/cfg/sub/open.c" -- "${args[@]}" 2>&1)"; st=$?
check ".modlife.yaml disables a check" 0 $st
out="$("$modlife" --quiet --checks='modlife-*' "$work/cfg/sub/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "command line overrides .modlife.yaml" 1 $st
printf "Checks: x\nRulez: []\n" > "$work/cfg/.modlife.yaml"
out="$("$modlife" --quiet "$work/cfg/sub/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "bad .modlife.yaml" 2 $st "$out" "\.modlife\.yaml:2:1: error: unknown key 'Rulez'"

# -j 2 gives byte-identical output to -j 1.
a="$("$modlife" --quiet "$work/open.c" "$work/open2.c" "$work/user.c" -- "${args[@]}" 2>&1)"
b="$("$modlife" --quiet -j 2 "$work/open.c" "$work/open2.c" "$work/user.c" -- "${args[@]}" 2>&1)"
if [ "$a" == "$b" ]; then passed=$((passed+1)); echo "ok: -j 2 output is identical"; else
  echo "FAIL: -j 2 output differs"; failures=$((failures+1)); fi

# Compile commands that would write files must not write into the tree.
mkdir -p "$work/tree"
cp "$work/open.c" "$work/tree/drv.c"
cat > "$work/tree/compile_commands.json" <<J
[{"directory": "$work/tree", "file": "$work/tree/drv.c",
  "arguments": ["clang", "-c", "-Wp,-MMD,$work/tree/.drv.o.d", "-MD", "-MF", "$work/tree/drv.d",
                "-save-temps=obj", "-ftime-trace", "--serialize-diagnostics", "$work/tree/drv.dia",
                $(printf '"%s", ' "${args[@]}") "-o", "$work/tree/drv.o", "drv.c"]}]
J
before="$(cd "$work/tree" && find . -type f | sort | xargs sha256sum)"
"$modlife" --quiet -p "$work/tree" "$work/tree/drv.c" >/dev/null 2>&1; st=$?
after="$(cd "$work/tree" && find . -type f | sort | xargs sha256sum)"
check "analysis through a compile database" 1 $st
# A file the database does not list is analyzed with a neighbour's command,
# as clangd and clang-tidy do, and modlife says so.
cp "$work/open.c" "$work/tree/unlisted.c"
out="$("$modlife" -p "$work/tree" "$work/tree/unlisted.c" 2>&1)"; st=$?
check "a file missing from the database says whose command it got" 1 $st "$out" \
  "unlisted.c: note: not in the compilation database; analyzed with a command inferred from .*drv.c"
rm "$work/tree/unlisted.c"
if [ "$before" == "$after" ]; then passed=$((passed+1)); echo "ok: nothing written into the tree"; else
  echo "FAIL: the tree changed:"; diff <(echo "$before") <(echo "$after"); failures=$((failures+1)); fi

# "-Wp," with nothing after it: clang 19's driver reads uninitialized memory
# on it (a crash in the sanitizer build); modlife drops it and analyzes.
mkdir -p "$work/wp"
cp "$work/open.c" "$work/wp/drv.c"
cat > "$work/wp/compile_commands.json" <<J
[{"directory": "$work/wp", "file": "$work/wp/drv.c",
  "arguments": ["clang", "-c", "-Wp,", "-Wp,,", $(printf '"%s", ' "${args[@]}") "drv.c"]}]
J
out="$("$modlife" --quiet -p "$work/wp" "$work/wp/drv.c" 2>&1)"; st=$?
check "an empty -Wp, in the compile command" 1 $st "$out" "drv.c:8:6: warning: 'request_irq' may sleep"
# A relative file in the compile command is relative to its directory, not
# to where modlife runs: reports name the real file and --fix edits it.
out="$(cd / && "$modlife" --quiet -p "$work/tree" "$work/tree/drv.c" 2>&1)"; st=$?
check "relative compile-command paths are reported absolute" 1 $st "$out" "^$work/tree/drv.c:8:6: warning:"
cp -r "$work/tree" "$work/tree2"
sed -i "s|$work/tree/|$work/tree2/|g" "$work/tree2/compile_commands.json"
out="$(cd "$work" && "$modlife" --quiet --fix -p "$work/tree2" "$work/tree2/drv.c" 2>&1)"; st=$?
if ! cmp -s "$work/tree/drv.c" "$work/tree2/drv.c" && [ ! -e "$work/drv.c" ]; then
  passed=$((passed+1)); echo "ok: --fix edits the compile command's file from another directory"
else echo "FAIL: --fix did not edit $work/tree2/drv.c:"; echo "$out"; failures=$((failures+1)); fi

# --stdin: an editor's unsaved buffer is analyzed, not the file on disk.
out="$(sed 's/^.*request_irq.*$/\tif (0)/' "$work/open.c" | "$modlife" --quiet --stdin "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "--stdin analyzes the buffer, not the disk" 0 $st
out="$("$modlife" --quiet --stdin "$work/open.c" -- "${args[@]}" < "$work/open.c" 2>&1)"; st=$?
check "--stdin with the file's own text" 1 $st "$out" "modlife-sleep-before-inc"
out="$("$modlife" --stdin --fix "$work/open.c" -- "${args[@]}" </dev/null 2>&1)"; st=$?
check "--stdin with --fix is refused" 2 $st "$out" "--stdin takes exactly one source file"
one_line "--stdin with --fix" "$out"

# With -j, each TU resolves relative include paths against its own compile
# directory, even while another TU in another directory starts or ends.
for d in a b; do
  mkdir -p "$work/j$d/inc"
  echo "#define ONLY_IN_$d 1" > "$work/j$d/inc/defs.h"
  for i in 1 2 3 4 5 6 7 8; do
    printf '#include "defs.h"\n#if !ONLY_IN_%s\n#error wrong directory\n#endif\nint f%s%s(void) { return 0; }\n' "$d" "$d" "$i" > "$work/j$d/t$i.c"
  done
done
python3 - "$work" <<'PY'
import json, os, sys
w = sys.argv[1]
json.dump([{"directory": os.path.join(w, "j" + d), "file": os.path.join(w, "j" + d, "t%d.c" % i),
            "arguments": ["clang", "-c", "-I./inc", "t%d.c" % i]}
           for d in "ab" for i in range(1, 9)], open(os.path.join(w, "compile_commands.json"), "w"))
PY
bad=0
for round in 1 2 3; do
  out="$(cd / && "$modlife" -j 2 -p "$work" "$work"/ja/t*.c "$work"/jb/t*.c 2>&1)" || bad=1
  grep -q "compiler errors" <<<"$out" && bad=1
done
if [ $bad -eq 0 ]; then passed=$((passed+1)); echo "ok: -j 2 keeps each TU in its own directory"
else echo "FAIL: -j 2 mixed up compile directories:"; echo "$out" | head -5; failures=$((failures+1)); fi

# SARIF URIs are URI references: a space or '#' in a file name is encoded.
cp "$work/open.c" "$work/with space#1.c"
out="$(cd "$work" && "$modlife" --quiet --format=sarif "with space#1.c" -- "${args[@]}" 2>&1)"; st=$?
check "SARIF percent-encodes file names" 1 $st "$out" '"uri": "with%20space%231.c"'
rm "$work/with space#1.c"

# Sharding and merging: two shards' JSON reports merge into exactly the
# report of one run over all files, in JSON and in SARIF.
cp "$work/open.c" "$work/open3.c"
three=("$work/open.c" "$work/open2.c" "$work/open3.c")
for fmt in json sarif; do
  (cd "$work" && "$modlife" --quiet --format=$fmt --output "full.$fmt" "${three[@]}" -- "${args[@]}" >/dev/null 2>&1)
done
for k in 1 2; do
  out="$(cd "$work" && "$modlife" --quiet --shard $k/2 --format=json --output "shard$k.json" "${three[@]}" -- "${args[@]}" 2>&1)"; st=$?
  check "--shard $k/2" 1 $st
done
n1=$(grep -c '"check"' "$work/shard1.json"); n2=$(grep -c '"check"' "$work/shard2.json")
if [ "$n1" -ge 1 ] && [ "$n2" -ge 1 ] && [ $((n1 + n2)) -eq "$(grep -c '"check"' "$work/full.json")" ]; then
  passed=$((passed+1)); echo "ok: the shards split the files ($n1 + $n2 findings)"
else echo "FAIL: shards have $n1 and $n2 findings"; failures=$((failures+1)); fi
for fmt in json sarif; do
  out="$(cd "$work" && "$modlife" --quiet --merge --format=$fmt --output "merged.$fmt" shard2.json shard1.json 2>&1)"; st=$?
  check "--merge to $fmt" 1 $st
  if cmp -s "$work/full.$fmt" "$work/merged.$fmt"; then passed=$((passed+1)); echo "ok: merged $fmt equals the full run's"
  else echo "FAIL: merged $fmt differs:"; diff "$work/full.$fmt" "$work/merged.$fmt" | head -5; failures=$((failures+1)); fi
done
out="$("$modlife" --shard 3/2 "$work/open.c" -- "${args[@]}" 2>&1)"; st=$?
check "--shard 3/2 is refused" 2 $st "$out" "--shard wants K/N"
one_line "--shard 3/2" "$out"
out="$("$modlife" --merge "$work/open.c" 2>&1)"; st=$?
check "--merge of a non-report" 2 $st "$out" "is not a modlife JSON report"
one_line "--merge of a non-report" "$out"
# A multi-file run ends with the summary table.
out="$("$modlife" "${three[@]}" -- "${args[@]}" 2>&1 >/dev/null)"; st=$?
check "summary table" 1 $st "$out" "findings per check"
check "summary total time" 1 $st "$out" "modlife: 3 files in [0-9.]+ s"

out="$("$modlife" --list-checks 2>&1)"; st=$?
check "--list-checks" 0 $st "$out" "modlife-missing-release-on-error"
check "--list-checks names a former name" 0 $st "$out" "\(formerly modlife-missing-dec-on-error"
out="$("$modlife" --help 2>&1)"; st=$?
check "--help teaches" 0 $st "$out" "Exit status: 0 no findings, 1 findings, 2 usage or input error"

finish cli
