#!/usr/bin/env bash
# pre-commit entry: modlife on the staged .c files pre-commit passes.
# The compile database is $MODLIFE_COMPILE_COMMANDS_DIR, else the first of ./ and
# ./build/ at the top of the repository that has compile_commands.json.
# A .modlife-baseline.json at the top is honoured. Exit status is modlife's:
# 1 (findings) blocks the commit, 2 is an error.
set -euo pipefail
[ $# -gt 0 ] || exit 0
modlife="${MODLIFE:-modlife}"
top="$(git rev-parse --show-toplevel)"
db="${MODLIFE_COMPILE_COMMANDS_DIR:-}"
if [ -z "$db" ]; then
  for d in "$top" "$top/build"; do
    [ -f "$d/compile_commands.json" ] && { db="$d"; break; }
  done
fi
if [ -z "$db" ]; then
  echo "modlife: no compile_commands.json in $top or $top/build; set MODLIFE_COMPILE_COMMANDS_DIR" >&2
  exit 2
fi
baseline=()
[ -f "$top/.modlife-baseline.json" ] && baseline=(--baseline "$top/.modlife-baseline.json")
exec "$modlife" -p "$db" --source-root "$top" "${baseline[@]}" "$@"
