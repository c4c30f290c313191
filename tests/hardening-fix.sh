#!/usr/bin/env bash
# Safe --fix: atomic writes that keep mode and owner, a file changed since
# analysis refused, overlapping fixes reported, a second --fix a no-op, and a
# fix that would break the file left out and reported as failed.
#   hardening-fix.sh <modlife> <source dir>
KNOWN_FAIL=""
source "$(dirname "$0")/hardening-lib.sh"

hash_of() { sha256sum "$@" | cut -d' ' -f1; }

# Atomic: the fixed file is a new inode (a temporary file renamed over the
# old one), with the old file's mode and owner, and nothing left beside it.
mkdir -p "$work/atomic"
fixable24 > "$work/atomic/drv.c"
chmod 640 "$work/atomic/drv.c"
owner_case=0
if [ "$(id -u)" = 0 ] && chown 65534:65534 "$work/atomic/drv.c" 2>/dev/null; then owner_case=1; fi
ino_before=$(stat -c %i "$work/atomic/drv.c")
out="$("$modlife" --quiet --fix "$work/atomic/drv.c" -- "${args24[@]}" 2>&1)"; st=$?
check "--fix of a file with one fixable finding" 0 $st "$out"
if grep -q 'MOD_DEC_USE_COUNT' "$work/atomic/drv.c"; then ok "--fix wrote the fix"
else fail "--fix wrote the fix" "drv.c has no MOD_DEC_USE_COUNT" "$(cat "$work/atomic/drv.c")"; fi
if [ "$(stat -c %i "$work/atomic/drv.c")" != "$ino_before" ]; then ok "--fix replaces the file by rename (new inode)"
else fail "--fix replaces the file by rename (new inode)" "same inode: written in place"; fi
if [ "$(stat -c %a "$work/atomic/drv.c")" = 640 ]; then ok "--fix keeps the file's mode"
else fail "--fix keeps the file's mode" "mode is $(stat -c %a "$work/atomic/drv.c"), was 640"; fi
if [ $owner_case = 1 ]; then
  if [ "$(stat -c %u:%g "$work/atomic/drv.c")" = 65534:65534 ]; then ok "--fix as root keeps the file's owner"
  else fail "--fix as root keeps the file's owner" "owner is $(stat -c %u:%g "$work/atomic/drv.c"), was 65534:65534"; fi
else skip "--fix as root keeps the file's owner" "not root, cannot give a file away"; fi
left="$(ls -A "$work/atomic")"
if [ "$left" = drv.c ]; then ok "--fix leaves no temporary file"
else fail "--fix leaves no temporary file" "directory holds:" "$left"; fi

# Through a symbolic link the file it names is fixed; the link stays a link.
mkdir -p "$work/link/real"
fixable24 > "$work/link/real/drv.c"
ln -s real/drv.c "$work/link/drv.c"
out="$("$modlife" --quiet --fix "$work/link/drv.c" -- "${args24[@]}" 2>&1)"; st=$?
if [ -L "$work/link/drv.c" ] && grep -q MOD_DEC_USE_COUNT "$work/link/real/drv.c"; then
  ok "--fix through a symbolic link fixes its target and keeps the link"
else fail "--fix through a symbolic link fixes its target and keeps the link" \
  "link: $(stat -c %F "$work/link/drv.c"), target fixed: $(grep -c MOD_DEC_USE_COUNT "$work/link/real/drv.c")" "$out"; fi

# A read-only file is not rewritten behind its owner's back.
mkdir -p "$work/ro"
fixable24 > "$work/ro/drv.c"; chmod 444 "$work/ro/drv.c"
h=$(hash_of "$work/ro/drv.c")
out="$("$modlife" --quiet --fix "$work/ro/drv.c" -- "${args24[@]}" 2>&1 >/dev/null)"; st=$?
if [ "$(hash_of "$work/ro/drv.c")" = "$h" ] && [ "$(stat -c %a "$work/ro/drv.c")" = 444 ]; then
  check "--fix refuses a read-only file, naming it" 1 $st "$out" "ro/drv.c' is read-only; its fixes were not applied"
else fail "--fix refuses a read-only file, naming it" "the read-only file was changed" "$out"; fi

# A file edited between analysis and --fix is refused. b.c includes a FIFO:
# with -j 1 its parse starts after a.c's analysis has ended and waits for
# this script, which edits a.c and only then lets the parse go on.
mkdir -p "$work/changed"
fixable24 > "$work/changed/a.c"
mkfifo "$work/changed/slow.h"
printf '#include "slow.h"\nint b(void) { return slow; }\n' > "$work/changed/b.c"
"$modlife" --quiet --cross-file=false -j 1 --fix "$work/changed/a.c" "$work/changed/b.c" \
  -- "${args24[@]}" > "$work/changed.out" 2>&1 &
pid=$!
timeout 60 bash -c 'exec 3>"$1/slow.h"; echo "/* edited after analysis */" >> "$1/a.c"; echo "int slow;" >&3' _ "$work/changed"
writer=$?
wait $pid; st=$?
out="$(cat "$work/changed.out")"
if [ $writer -ne 0 ]; then fail "--fix refuses a file changed since analysis" "the FIFO was never read (timeout)" "$out"
elif grep -q MOD_DEC_USE_COUNT "$work/changed/a.c"; then
  fail "--fix refuses a file changed since analysis" "a.c was rewritten" "$(cat "$work/changed/a.c")"
else check "--fix refuses a file changed since analysis" 1 $st "$out" "changed/a.c' changed since it was analyzed; its fixes were not applied"; fi

# Overlapping fixes: two references held at one unbraced return; both fixes
# brace it and insert a put before it. One is applied, the other reported
# (never merged into one edit), and the next --fix applies it.
mkdir -p "$work/overlap"
cat > "$work/overlap/ov.c" <<'C'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
struct foo_ll { struct module *owner; int (*attach)(void); };
int foo_attach(struct foo_ll *a, struct foo_ll *b)
{
	if (!try_module_get(a->owner))
		return -ENODEV;
	if (!try_module_get(b->owner)) {
		module_put(a->owner);
		return -ENODEV;
	}
	if (a->attach() < 0)
		return -EIO;
	return 0;
}
EXPORT_SYMBOL(foo_attach);
C
out="$("$modlife" --quiet --parseable-fixits "$work/overlap/ov.c" -- "${args6[@]}" 2>&1)"
if [ "$(grep -c 'fix-it:.*{14:22-14:22}:" {"' <<<"$out")" = 2 ]; then ok "the overlap case has two findings whose fixes overlap"
else fail "the overlap case has two findings whose fixes overlap" "the premise of the next cases changed" "$out"; fi
out="$("$modlife" --quiet --fix "$work/overlap/ov.c" -- "${args6[@]}" 2>&1 >/dev/null)"; st=$?
check "overlapping fix is reported with its place" 1 $st "$out" "overlap/ov.c:15: fix overlaps another fix; not applied"
n=$(grep -c 'module_put' "$work/overlap/ov.c"); braces=$(grep -c '{$' "$work/overlap/ov.c")
if [ "$n" = 2 ] && [ "$braces" = 3 ] && clang-19 -fsyntax-only "${args6[@]}" "$work/overlap/ov.c" 2>/dev/null; then
  ok "one of two overlapping fixes is applied, alone, and the file compiles"
else fail "one of two overlapping fixes is applied, alone, and the file compiles" \
  "$n module_put (want 2), $braces opening braces at line ends (want 3)" "$(sed -n 14,20p "$work/overlap/ov.c")"; fi
out="$("$modlife" --quiet --fix "$work/overlap/ov.c" -- "${args6[@]}" 2>&1 >/dev/null)"; st=$?
check "the second --fix applies the fix that overlapped" 0 $st "$out"
h=$(hash_of "$work/overlap/ov.c")
"$modlife" --quiet --fix "$work/overlap/ov.c" -- "${args6[@]}" >/dev/null 2>&1
if [ "$(hash_of "$work/overlap/ov.c")" = "$h" ] && clang-19 -fsyntax-only "${args6[@]}" "$work/overlap/ov.c" 2>/dev/null; then
  ok "a third --fix changes nothing, and the file compiles"
else fail "a third --fix changes nothing, and the file compiles" "ov.c changed or does not compile" "$(sed -n 14,22p "$work/overlap/ov.c")"; fi

# --fix twice: the demo and every fix-it case of testdata, several fixes per
# file across several files; the second run changes no byte.
mkdir -p "$work/twice"
cp "$src"/testdata/demo/*.c "$src"/testdata/demo/*.h "$work/twice/"
for f in "$src"/testdata/checks/*/*.fixed.c; do
  c="${f%.fixed.c}.c"
  grep -q -e 'modlife-mock: linux-6' -e 'modlife-mock: freebsd' "$c" && continue
  cp "$c" "$work/twice/$(basename "$(dirname "$c")")-$(basename "$c")"
done
before="$(cd "$work/twice" && sha256sum ./*)"
out="$("$modlife" --quiet -j 2 --fix "$work"/twice/*.c -- "${args24[@]}" 2>&1 >/dev/null)"; st=$?
first="$(cd "$work/twice" && sha256sum ./*)"
changed=$(diff <(echo "$before") <(echo "$first") | grep -c '^>')
if [ "$changed" -ge 5 ]; then ok "the first --fix fixes several files ($changed)"
else fail "the first --fix fixes several files ($changed)" "expected at least 5 changed files" "$out"; fi
out="$("$modlife" --quiet -j 2 --fix "$work"/twice/*.c -- "${args24[@]}" 2>&1 >/dev/null)"; st=$?
second="$(cd "$work/twice" && sha256sum ./*)"
if [ "$first" = "$second" ]; then ok "--fix twice: the second run changes nothing"
else fail "--fix twice: the second run changes nothing" "files changed:" "$(diff <(echo "$first") <(echo "$second"))"; fi
bad=0
for f in "$work"/twice/*.c; do clang-19 -fsyntax-only "${args24[@]}" "$f" 2>/dev/null || { bad=1; echo "    does not compile: $f"; }; done
if [ $bad = 0 ]; then ok "every fixed file compiles"; else fail "every fixed file compiles" "see above"; fi

# A fix that would not compile: a user rule pack spells the release of its
# own reference with a typo (a missing ')'). The file is left as it was, the
# fix is reported as failed with its place, and the other fixes of the file
# are still applied.
mkdir -p "$work/badfix"
cat > "$work/badfix/foo-bus.yaml" <<'Y'
modlife-rule-pack: 1
name: foo-bus
module-refs:
  - function: foo_bus_get
    effect: try-acquire
    module-arg: 0
    release: foo_bus_put({module}
  - function: foo_bus_put
    effect: release
    module-arg: 0
Y
cat > "$work/badfix/bus.c" <<'C'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
int foo_bus_get(struct module *m);
void foo_bus_put(struct module *m);
struct foo_ll { struct module *owner; int (*attach)(void); };
int foo_attach(struct foo_ll *a)
{
	if (!foo_bus_get(a->owner))
		return -ENODEV;
	if (a->attach() < 0)
		return -EIO;
	return 0;
}
EXPORT_SYMBOL(foo_attach);
C
cp "$work/badfix/bus.c" "$work/badfix/bus.orig"
out="$("$modlife" --quiet --rules "$work/badfix/foo-bus.yaml" --parseable-fixits "$work/badfix/bus.c" -- "${args6[@]}" 2>&1)"
if grep -q 'fix-it:.*"foo_bus_put(a->owner;' <<<"$out"; then ok "the rule pack's typo makes a fix that would not compile"
else fail "the rule pack's typo makes a fix that would not compile" "the premise of the next cases changed" "$out"; fi
out="$("$modlife" --rules "$work/badfix/foo-bus.yaml" --fix "$work/badfix/bus.c" -- "${args6[@]}" 2>&1 >/dev/null)"; st=$?
if cmp -s "$work/badfix/bus.c" "$work/badfix/bus.orig"; then
  check "a fix that would not compile is reported failed, with its place" 1 $st "$out" \
    "badfix/bus.c:13: fix failed: the fixed file would not compile \(line 13:[0-9]+ of the fixed text: error: expected '\)'\); not applied"
else fail "a fix that would not compile is reported failed, with its place" "bus.c was changed" "$(diff "$work/badfix/bus.orig" "$work/badfix/bus.c")"; fi
if grep -q "applied fixes for 0 of 1 findings in 0 files; 1 fix failed" <<<"$out"; then ok "the summary counts the failed fix"
else fail "the summary counts the failed fix" "no 'fix failed' in the summary" "$out"; fi
if [ -z "$(ls -A "$work/badfix" | grep -v -e '^bus\.c$' -e '^bus\.orig$' -e '^foo-bus\.yaml$')" ]; then ok "a failed fix leaves no temporary file"
else fail "a failed fix leaves no temporary file" "directory holds:" "$(ls -A "$work/badfix")"; fi
# The same file with a second function whose fix is good.
cat >> "$work/badfix/bus.c" <<'C'
int foo_core_attach(struct foo_ll *ll)
{
	if (!try_module_get(ll->owner))
		return -ENODEV;
	if (ll->attach() < 0)
		return -EIO;
	return 0;
}
EXPORT_SYMBOL(foo_core_attach);
C
out="$("$modlife" --quiet --rules "$work/badfix/foo-bus.yaml" --fix "$work/badfix/bus.c" -- "${args6[@]}" 2>&1 >/dev/null)"; st=$?
if grep -q 'module_put(ll->owner);' "$work/badfix/bus.c" && ! grep -q 'foo_bus_put(a->owner' "$work/badfix/bus.c" &&
   clang-19 -fsyntax-only "${args6[@]}" "$work/badfix/bus.c" 2>/dev/null; then
  check "beside a failed fix, the good fix of the same file is applied" 1 $st "$out" "bus.c:13: fix failed"
else fail "beside a failed fix, the good fix of the same file is applied" "wrong result:" "$(sed -n 8,30p "$work/badfix/bus.c")"; fi

# A legacy file that already has compiler errors is still fixed: a fix fails
# only if it adds errors.
mkdir -p "$work/legacy"
{ echo '#include <linux/autoconf-generated.h>'; fixable24; echo 'static int broken(void) { return undeclared_thing; }'; } > "$work/legacy/drv.c"
out="$("$modlife" --fix "$work/legacy/drv.c" -- "${args24[@]}" 2>&1 >/dev/null)"; st=$?
if grep -q MOD_DEC_USE_COUNT "$work/legacy/drv.c"; then
  check "a file with compiler errors of its own is still fixed" 0 $st "$out" "2 compiler errors"
else fail "a file with compiler errors of its own is still fixed" "not fixed" "$out"; fi

# Through a compile database (relative include path, output flags) the check
# that the fixed file compiles uses the file's own command.
mkdir -p "$work/db/src/inc"
{ echo '#include "local.h"'; fixable24; } > "$work/db/src/drv.c"
echo '#define FOO_LOCAL 1' > "$work/db/src/inc/local.h"
python3 - "$work/db" "$mock24" <<'PY'
import json, os, sys
d, mock = sys.argv[1], sys.argv[2]
json.dump([{"directory": os.path.join(d, "src"), "file": "drv.c",
            "arguments": ["clang", "-c", "-Iinc", "-nostdinc", "-isystem", mock, "-D__KERNEL__",
                          "-DMODULE", "-std=gnu89", "-Wno-gnu-designator", "-MD", "-MF", "drv.d",
                          "-o", "drv.o", "drv.c"]}], open(os.path.join(d, "compile_commands.json"), "w"))
PY
out="$(cd / && "$modlife" --quiet --fix -p "$work/db" "$work/db/src/drv.c" 2>&1 >/dev/null)"; st=$?
if grep -q MOD_DEC_USE_COUNT "$work/db/src/drv.c" && [ ! -e "$work/db/src/drv.d" ] && [ ! -e "$work/db/src/drv.o" ]; then
  check "--fix through a compile database checks with the file's command" 0 $st "$out"
else fail "--fix through a compile database checks with the file's command" "not fixed, or drv.d/drv.o written" "$out"; fi

finish
