# Shared by the tests/hardening-*.sh scripts (sourced, not run): arguments,
# mock compile flags, a scratch directory, and the check helpers.
#   hardening-<part>.sh <modlife> <source dir>
#
# A case named in KNOWN_FAIL (set before sourcing) is a failure whose fix is
# still open: it is reported as KNOWN FAIL and listed at the end, and the
# script still fails. A known failure that passes fails too, so that the
# list is kept true.
set -uo pipefail
modlife="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" src="$(cd "$2" && pwd)"
mock24="$src/testdata/include/linux-2.4"
mock6="$src/testdata/include/linux-6"
args24=(-nostdinc -isystem "$mock24" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)
args6=(-nostdinc -isystem "$mock6" -D__KERNEL__ -std=gnu11 '-DKBUILD_MODNAME="mock"' -DMODULE)
work="$(mktemp -d)"
chmod 755 "$work" # the unreadable-file case runs modlife as another user
trap 'rm -rf "$work"' EXIT
failures=0 passed=0 known=0 skipped=0
known_failed=() unexpected_pass=()
: "${KNOWN_FAIL:=}"

is_known() { local list; list=" $(echo $KNOWN_FAIL) "; [[ "$list" == *" $1 "* ]]; }

# ok NAME / fail NAME WHY [DETAIL]: the end of one assertion of case NAME.
ok() {
  if is_known "$1"; then
    echo "UNEXPECTED PASS: $1 (remove it from KNOWN_FAIL)"
    unexpected_pass+=("$1"); failures=$((failures+1))
  else passed=$((passed+1)); echo "ok: $1"; fi
}
fail() {
  if is_known "$1"; then
    echo "KNOWN FAIL: $1: $2"; known=$((known+1)); known_failed+=("$1")
  else echo "FAIL: $1: $2"; failures=$((failures+1)); fi
  if [ $# -ge 3 ] && [ -n "$3" ]; then printf '%s\n' "$3" | head -8 | sed 's/^/    /'; fi
}
skip() { skipped=$((skipped+1)); echo "SKIP: $1: $2"; }

# check NAME WANT GOT [OUTPUT PATTERN]: exit status, then an extended regex
# that some line of OUTPUT must match.
check() {
  local name="$1" want="$2" got="$3"
  if [ "$want" != "$got" ]; then
    fail "$name" "exit status $got, expected $want" "${4:-}"; return 1
  fi
  if [ $# -ge 5 ] && ! grep -qE -- "$5" <<<"$4"; then
    fail "$name" "output does not match /$5/" "$4"; return 1
  fi
  ok "$name"
}

# bad_input NAME STATUS OUTPUT PATTERN [OUTPUT FILE]: the contract for input
# modlife refuses: exit status 2, exactly one line, matching PATTERN (which
# names the problem and the place), and no report file left behind.
bad_input() {
  local name="$1" st="$2" out="$3" pattern="$4" report="${5:-}"
  if [ "$st" != 2 ]; then fail "$name" "exit status $st, expected 2" "$out"; return; fi
  if [ "$(printf '%s' "$out" | grep -c '')" -ne 1 ]; then
    fail "$name" "expected one line, got $(printf '%s' "$out" | grep -c '')" "$out"; return
  fi
  if ! grep -qE -- "$pattern" <<<"$out"; then
    fail "$name" "the line does not match /$pattern/" "$out"; return
  fi
  if [ -n "$report" ] && [ -e "$report" ]; then
    fail "$name" "a report file was left behind: $report" "$(head -c 300 "$report")"; return
  fi
  ok "$name"
}

# same NAME FILE_A FILE_B: byte-identical files.
same() {
  if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "files differ" "$(diff "$2" "$3" | head -8)"; fi
}

# finish: the tally; the script's exit status.
finish() {
  echo "$passed passed, $failures failed, $known known failures, $skipped skipped"
  if [ ${#known_failed[@]} -gt 0 ]; then
    echo "=================================================================="
    echo "KNOWN FAILURES STILL OPEN (this script fails until they are fixed):"
    printf '  %s\n' $(printf '%s\n' "${known_failed[@]}" | sort -u)
    echo "=================================================================="
  fi
  if [ ${#unexpected_pass[@]} -gt 0 ]; then
    echo "Listed in KNOWN_FAIL but passing now: ${unexpected_pass[*]}"
  fi
  [ "$failures" -eq 0 ] && [ "$known" -eq 0 ]
}

# A 2.4 driver with one finding that has a fix-it (sleep-before-inc).
fixable24() {
  cat <<'C'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/errno.h>
static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs) { }
static int foo_open(struct inode *inode, struct file *file)
{
	if (request_irq(5, foo_interrupt, 0, "foo", NULL))
		return -EBUSY;
	MOD_INC_USE_COUNT;
	return 0;
}
static struct file_operations foo_fops = { open: foo_open, };
C
}
