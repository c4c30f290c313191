#!/usr/bin/env bash
# The demo must report exactly the findings listed in testdata/demo/EXPECTED.txt
# ("file:line: check-name: reason"), no more and no fewer.
#   check-demo.sh <modlife> <demo dir> <compile args...>
set -euo pipefail
modlife="$1" demo="$2"
shift 2
status=0
out="$("$modlife" --quiet "$demo"/*.c -- "$@")" || status=$?
if [ "$status" -ne 1 ]; then
  echo "FAIL: expected exit status 1 (findings), got $status" >&2
  exit 1
fi
got="$(printf '%s\n' "$out" | grep ': warning: ' |
  sed -E 's|^.*/([^/]+):([0-9]+):[0-9]+: warning: .*\[([a-z0-9-]+)\]$|\1:\2: \3|' | sort)"
want="$(grep -v '^#' "$demo/EXPECTED.txt" | grep . | cut -d: -f1-3 | sort)"
if [ "$got" != "$want" ]; then
  echo "FAIL: demo findings differ from EXPECTED.txt" >&2
  diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") >&2 || true
  exit 1
fi
echo "ok: $(printf '%s\n' "$got" | wc -l) demo findings as expected"

# Every demo finding has a fix-it; the fixed drivers compile and are clean.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$demo"/*.c "$demo"/*.h "$scratch/"
"$modlife" --quiet --fix "$scratch"/*.c -- "$@" >/dev/null || true
for f in "$scratch"/*.c; do clang-19 -fsyntax-only "$@" "$f"; done
if ! "$modlife" --quiet "$scratch"/*.c -- "$@"; then
  echo "FAIL: the demo still has findings after --fix" >&2
  exit 1
fi
echo "ok: the demo re-analyzes clean after --fix"
