#!/usr/bin/env bash
# Configures and builds modlife into build/ (or $MODLIFE_BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MODLIFE_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    ${MODLIFE_CMAKE_ARGS:-} >/dev/null
fi
cmake --build "$build" -- -j "${MODLIFE_BUILD_JOBS:-$(nproc)}" | grep -v '^\[' || true
test -x "$build/bin/modlife"
