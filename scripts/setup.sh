#!/usr/bin/env bash
# Installs the Debian 12 packages modlife needs to build and test. Idempotent,
# and quiet when everything is already there. Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19
  libyaml-cpp-dev libgtest-dev cmake ninja-build ccache python3
  # The cross-file summary store.
  libsqlite3-dev
  # Sanitizer runtimes for the ASan+UBSan build that .ci/run tests.
  libclang-rt-19-dev
  python3-jsonschema python3-yaml
  # Vim's quickfix parser reads the text format in a test.
  vim
  # Another clang-tidy major, for the plugin's version-guard test.
  clang-tidy-14
  # A real editor for the LSP configuration test.
  neovim
)
# npm fetches the SARIF schema for a test; the machine image has it, and
# Debian's package stands in where it does not.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
