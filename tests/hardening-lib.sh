# Shared by the tests/hardening-*.sh scripts (sourced, not run): arguments,
# mock compile flags, a scratch directory, and input/file assertions.
#   hardening-<part>.sh <modlife> <source dir>
# The assertions (check, ok, fail, KNOWN_FAIL, finish) are tests/testlib.sh's.
set -uo pipefail
modlife="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" src="$(cd "$2" && pwd)"
mock24="$src/testdata/include/linux-2.4"
mock6="$src/testdata/include/linux-6"
args24=(-nostdinc -isystem "$mock24" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)
args6=(-nostdinc -isystem "$mock6" -D__KERNEL__ -std=gnu11 '-DKBUILD_MODNAME="mock"' -DMODULE)
work="$(mktemp -d)"
chmod 755 "$work" # the unreadable-file case runs modlife as another user
trap 'rm -rf "$work"' EXIT
. "$src/tests/testlib.sh"

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

# A 2.4 driver with one finding that has a fix-it (sleep-before-inc), on
# standard output.
fixable24() { sleeping_open_text; }
