#!/usr/bin/env bash
# pre-commit entry: modlife on the staged .c files that pre-commit passes.
#   MODLIFE                       the modlife binary (default: modlife on PATH)
#   MODLIFE_COMPILE_COMMANDS_DIR  the directory holding compile_commands.json;
#       by default the nearest one found going up from the current directory
#       to the top of the repository, in each directory itself or its build/.
#       (Not MODLIFE_BUILD_DIR: that is modlife's own build script's variable,
#       and would point the hook at modlife's compile database.)
# A .modlife-baseline.json at the top of the repository is honoured. Exit
# status is modlife's: 1 (findings) blocks the commit, 2 is an error.
set -euo pipefail
# pre-commit filters by type; keep only .c files here too, for runs by hand.
files=()
for f in "$@"; do
  case "$f" in *.c) files+=("$f") ;; esac
done
[ ${#files[@]} -gt 0 ] || exit 0
modlife="${MODLIFE:-modlife}"
command -v "$modlife" >/dev/null ||
  { echo "modlife: '$modlife' not found; set MODLIFE to the binary" >&2; exit 2; }
top="$(git rev-parse --show-toplevel)"
db="${MODLIFE_COMPILE_COMMANDS_DIR:-}"
if [ -z "$db" ]; then
  # Never above the repository: a stray database there belongs to something else.
  d="$(pwd -P)" # physical, as git prints the top
  while :; do
    for c in "$d" "$d/build"; do
      [ -f "$c/compile_commands.json" ] && { db="$c"; break 2; }
    done
    if [ "$d" = "$top" ] || [ "$d" = / ]; then break; fi
    d="$(dirname "$d")"
  done
fi
if [ -z "$db" ]; then
  echo "modlife: no compile_commands.json from $PWD up to $top (or their build/);" \
    "set MODLIFE_COMPILE_COMMANDS_DIR" >&2
  exit 2
fi
baseline=()
[ -f "$top/.modlife-baseline.json" ] && baseline=(--baseline "$top/.modlife-baseline.json")
exec "$modlife" -p "$db" --source-root "$top" "${baseline[@]}" "${files[@]}"
