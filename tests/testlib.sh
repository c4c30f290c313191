# Shared by the CLI test scripts: sourced, not run.
#   check NAME WANT_STATUS GOT_STATUS [OUTPUT PATTERN]
#     passes when the status matches and OUTPUT matches the extended regex.
#   finish NAME  prints the tally and returns non-zero on any failure.
failures=0 passed=0

check() {
  local name="$1" want="$2" got="$3"
  if [ "$want" != "$got" ]; then
    echo "FAIL: $name: exit status $got, expected $want"; echo "${4:-}" | tail -5
    failures=$((failures+1)); return
  fi
  if [ $# -ge 5 ] && ! grep -qE -- "$5" <<<"$4"; then
    echo "FAIL: $name: output does not match /$5/:"; echo "$4" | tail -8
    failures=$((failures+1)); return
  fi
  passed=$((passed+1)); echo "ok: $name"
}

# The 2.4-era open() that sleeps before MOD_INC_USE_COUNT: a file with one
# known finding, at open.c:8:6.
write_sleeping_open() { # path
  cat > "$1" <<'C'
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

finish() { # name
  echo "$1: $passed passed, $failures failed"
  [ "$failures" -eq 0 ]
}
