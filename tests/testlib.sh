# Shared by the shell test scripts (cli-tests, isolation, hardening-*):
# sourced, not run.
#   check NAME WANT_STATUS GOT_STATUS [OUTPUT PATTERN]
#     passes when the status matches and some line of OUTPUT matches the
#     extended regex.
#   ok NAME / fail NAME WHY [DETAIL] / skip NAME WHY: one result.
#   finish [NAME]  prints the tally; its status is the script's.
#
# A case named in KNOWN_FAIL (set before sourcing) is a failure whose fix is
# still open: it is reported as KNOWN FAIL and listed at the end, and the
# script still fails. A known failure that passes fails too, so that the
# list is kept true.
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

# The 2.4-era open() that sleeps before MOD_INC_USE_COUNT: a file with one
# known finding, at open.c:8:6, that has a fix-it (sleep-before-inc):
# sleeping_open_text prints it, write_sleeping_open PATH writes it.
sleeping_open_text() {
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
write_sleeping_open() { sleeping_open_text > "$1"; } # path

# finish: the tally; the script's exit status.
finish() { # [name]
  echo "${1:+$1: }$passed passed, $failures failed, $known known failures, $skipped skipped"
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

