#!/usr/bin/env bash
# The README's first command: sets up, builds, and runs modlife on the bundled
# demo driver set (testdata/demo), then shows what --fix would change, on a
# scratch copy so the repository stays untouched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MODLIFE_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh"
demo="$root/testdata/demo"
args=(-- -nostdinc -isystem "$root/testdata/include/linux-2.4" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)

echo "== modlife on the demo driver set (testdata/demo) =="
status=0
"$build/bin/modlife" "$demo"/*.c "${args[@]}" || status=$?

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$demo"/*.c "$scratch/"
echo
echo "== what --fix changes (applied to a scratch copy) =="
"$build/bin/modlife" --quiet --fix "$scratch"/*.c "${args[@]}" >/dev/null || true
for f in "$demo"/*.c; do
  diff -u --label "a/testdata/demo/$(basename "$f")" --label "b/testdata/demo/$(basename "$f")" \
    "$f" "$scratch/$(basename "$f")" || true
done
echo
echo "== after --fix =="
"$build/bin/modlife" "$scratch"/*.c "${args[@]}" && echo "no findings left"
# Findings are the point of the demo: exit 0 when modlife ran as expected.
[ "$status" -le 1 ]
