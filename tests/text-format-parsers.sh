#!/usr/bin/env bash
# Editors read modlife's text output as they read a compiler's: every
# "file:line:col: warning|note:" line must become a valid entry of Vim's
# quickfix list under Vim's *default* 'errorformat', with the same file,
# line and column, and the warnings must keep their [check] names. A line
# that is not a diagnostic must not become a valid entry (so the test can
# fail). Skipped (77) without vim.
#   text-format-parsers.sh <modlife> <source root>
set -euo pipefail
modlife="$1" root="$2"
command -v vim >/dev/null || { echo "skipped: vim is not installed" >&2; exit 77; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
m6=(-nostdinc -isystem "$root/testdata/include/linux-6" -D__KERNEL__ -DMODULE '-DKBUILD_MODNAME="mock"' -std=gnu11)
"$modlife" "$root"/testdata/checks/modlife-unverified-request-module/*.c \
  -- "${m6[@]}" >"$scratch/out.txt" 2>&1 || true
echo "this line: is not 12: a diagnostic" >>"$scratch/out.txt"

cat >"$scratch/qf.vim" <<VIM
set efm&
cgetfile $scratch/out.txt
let lines = []
for e in getqflist()
  if e.valid
    call add(lines, printf('%s:%d:%d:%s', bufname(e.bufnr), e.lnum, e.col, e.text))
  endif
endfor
call writefile(lines, '$scratch/vim.txt')
qa!
VIM
vim -u NONE -N -es -S "$scratch/qf.vim" </dev/null || true
# What modlife meant, and what Vim understood, in the same shape.
grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|note): ' "$scratch/out.txt" | sort >"$scratch/want"
sort "$scratch/vim.txt" >"$scratch/got"
n=$(wc -l <"$scratch/want")
[ "$n" -ge 10 ] || { echo "FAIL: only $n diagnostics to compare" >&2; exit 1; }
if ! diff -u --label modlife --label vim-quickfix "$scratch/want" "$scratch/got"; then
  echo "FAIL: Vim's default errorformat does not read modlife's output as modlife wrote it" >&2
  exit 1
fi
grep -q 'warning: .*\[modlife-unverified-request-module\]$' "$scratch/got" ||
  { echo "FAIL: check names lost in the quickfix text" >&2; exit 1; }
echo "ok: Vim's default errorformat reads all $n warnings and notes (file, line, column, text)"
