#!/usr/bin/env bash
# A fix-it golden test: applies --fix to a scratch copy of CASE, compares the
# result with GOLDEN, then requires that the fixed file compiles and that
# modlife finds nothing in it any more.
#   check-fix.sh <modlife> <case.c> <golden.fixed.c> <compile args...>
set -euo pipefail
modlife="$1" case="$2" golden="$3"
shift 3
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$case" "$scratch/case.c"
"$modlife" --quiet --fix "$scratch/case.c" -- "$@" >/dev/null || true
if ! diff -u --label golden --label fixed "$golden" "$scratch/case.c"; then
  echo "FAIL: --fix output differs from $(basename "$golden")" >&2
  exit 1
fi
clang-19 -fsyntax-only -Wall -Wno-unused-function "$@" "$scratch/case.c"
if ! "$modlife" --quiet "$scratch/case.c" -- "$@"; then
  echo "FAIL: the fixed file still has findings" >&2
  exit 1
fi
echo "ok: fix matches golden, compiles, and re-analyzes clean"
