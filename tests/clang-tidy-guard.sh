#!/usr/bin/env bash
# The plugin's version guard: loaded into a clang-tidy of another LLVM
# major, it must print one clear line and exit non-zero, never run silently
# with no checks (exit 0) and never crash. Every other clang-tidy-NN found
# on PATH is tried; with none installed the test is skipped (77).
#   clang-tidy-guard.sh <plugin.so> <built LLVM major> <case.c> <args...>
set -euo pipefail
plugin="$1" major="$2" case="$3"
shift 3
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
others=()
for t in $(compgen -c clang-tidy- | grep -E '^clang-tidy-[0-9]+$' | sort -u); do
  [ "$t" = "clang-tidy-$major" ] || others+=("$t")
done
if [ ${#others[@]} -eq 0 ]; then
  echo "skipped: no clang-tidy of another major on PATH" >&2
  exit 77
fi
for t in "${others[@]}"; do
  other="${t#clang-tidy-}"
  status=0
  LD_PRELOAD="${MODLIFE_TIDY_PRELOAD:-}" "$t" --load="$plugin" --checks='-*,modlife-*' "$case" -- "$@" \
    >"$scratch/out" 2>"$scratch/err" || status=$?
  if [ "$status" -eq 0 ] || [ "$status" -gt 128 ]; then
    echo "FAIL: $t with the LLVM $major plugin exited $status" >&2
    cat "$scratch/out" "$scratch/err" >&2
    exit 1
  fi
  if [ "$(wc -l <"$scratch/err")" -ne 1 ] ||
     ! grep -q "built for LLVM $major but this clang-tidy is LLVM $other" "$scratch/err"; then
    echo "FAIL: $t: the guard's message is not the one line expected" >&2
    cat "$scratch/err" >&2
    exit 1
  fi
  echo "ok: $t refused: $(cat "$scratch/err")"
done
