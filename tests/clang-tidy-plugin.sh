#!/usr/bin/env bash
# modlife inside the real clang-tidy-19, through the plugin:
#   1. parity: over every testdata case, clang-tidy reports exactly the
#      warnings and notes the modlife CLI reports;
#   2. every fix-it golden is reproduced by clang-tidy --fix, and
#      --export-fixes carries the replacements;
#   3. .clang-tidy CheckOptions reach the checks (a check option, a rule
#      pack), and an option for no known check is an error;
#   4. run-clang-tidy-19 -load over a compile database.
#   clang-tidy-plugin.sh <modlife> <plugin.so> <source root>
set -euo pipefail
modlife="$1" plugin="$2" root="$3"
# A sanitizer build's plugin needs the sanitizer runtime preloaded into the
# (uninstrumented) clang-tidy, and only there: the CLI carries its own.
tidy() { LD_PRELOAD="${MODLIFE_TIDY_PRELOAD:-}" clang-tidy-19 "$@"; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

m24=(-nostdinc -isystem "$root/testdata/include/linux-2.4" -D__KERNEL__ -DMODULE -std=gnu89 -Wno-gnu-designator)
m6=(-nostdinc -isystem "$root/testdata/include/linux-6" -D__KERNEL__ -DMODULE '-DKBUILD_MODNAME="mock"' -std=gnu11)
m6b=(-nostdinc -isystem "$root/testdata/include/linux-6" -D__KERNEL__ '-DKBUILD_MODNAME="mock"' -std=gnu11)
mfb=(-nostdinc -isystem "$root/testdata/include/freebsd" -D_KERNEL -DKLD_MODULE -std=gnu99)
mfbk=("${mfb[@]}" -isystem "$root/testdata/include/freebsd/compat/linuxkpi/common/include")

# The modlife warnings, and the notes that follow each, as sorted lines.
# Compiler errors in deliberately broken cases are not modlife's and are
# left out on both sides.
# clang-tidy merges a renamed check's diagnostics with its alias's, as it
# does for its own aliases ("[modlife-missing-dec-on-error,
# modlife-missing-release-on-error]"); the former name is dropped here.
findings() {
  awk '/: warning: .*\[modlife-[a-z,-]+\]$/ { print; inside = 1; next }
       /: (warning|error): / { inside = 0; next }
       inside && /: note: / { print }' "$1" |
    sed 's/\[modlife-missing-dec-on-error,/[/' | sort
}

# 1. Parity, one clang-tidy and one modlife run per set of mock headers.
declare -A group
for case in "$root"/testdata/checks/*/*.c; do
  case "$case" in *.fixed.c) continue ;; esac
  mock=$(grep -o -m1 'modlife-mock: [a-z0-9.-]*' "$case" || true)
  case "$mock" in
    *freebsd-linuxkpi) group[mfbk]+="$case"$'\n' ;;
    *freebsd) group[mfb]+="$case"$'\n' ;;
    *linux-6-builtin) group[m6b]+="$case"$'\n' ;;
    *linux-6) group[m6]+="$case"$'\n' ;;
    *) group[m24]+="$case"$'\n' ;;
  esac
done
compared=0
for g in m24 m6 m6b mfb mfbk; do
  [ -n "${group[$g]:-}" ] || continue
  mapfile -t files < <(printf '%s' "${group[$g]}")
  declare -n args="$g"
  "$modlife" --quiet "${files[@]}" -- "${args[@]}" >"$scratch/cli.$g" 2>&1 || true
  tidy --load="$plugin" --checks='-*,modlife-*' --quiet "${files[@]}" \
    -- "${args[@]}" >"$scratch/tidy.$g" 2>&1 || true
  findings "$scratch/cli.$g" >"$scratch/cli.sorted"
  findings "$scratch/tidy.$g" >"$scratch/tidy.sorted"
  if ! diff -u --label modlife --label clang-tidy "$scratch/cli.sorted" "$scratch/tidy.sorted"; then
    fail "clang-tidy with the plugin and the modlife CLI disagree ($g mocks)"
  fi
  compared=$((compared + $(grep -c ': warning: ' "$scratch/cli.sorted" || true)))
  unset -n args
done
# Parity of two empty outputs would prove nothing.
[ "$compared" -ge 50 ] || fail "only $compared warnings compared; is the plugin loading?"

# 2. Fix-it goldens through clang-tidy --fix.
fixed=0
for golden in "$root"/testdata/checks/*/*.fixed.c; do
  case="${golden%.fixed.c}.c"
  mock=$(grep -o -m1 'modlife-mock: [a-z0-9.-]*' "$case" || true)
  case "$mock" in
    *freebsd-linuxkpi) args=("${mfbk[@]}") ;;
    *freebsd) args=("${mfb[@]}") ;;
    *linux-6-builtin) args=("${m6b[@]}") ;;
    *linux-6) args=("${m6[@]}") ;;
    *) args=("${m24[@]}") ;;
  esac
  cp "$case" "$scratch/case.c"
  tidy --load="$plugin" --checks='-*,modlife-*' --quiet --fix \
    "$scratch/case.c" -- "${args[@]}" >"$scratch/fix.out" 2>&1 || true
  diff -u --label golden --label clang-tidy-fix "$golden" "$scratch/case.c" ||
    fail "clang-tidy --fix differs from $(basename "$golden")"
  fixed=$((fixed + 1))
done
[ "$fixed" -ge 10 ] || fail "only $fixed fix-it goldens found"
cp "$root/testdata/checks/modlife-unchecked-try-module-get/ignored-result.c" "$scratch/case.c"
tidy --load="$plugin" --checks='-*,modlife-*' --quiet \
  --export-fixes="$scratch/fixes.yaml" "$scratch/case.c" -- "${m6[@]}" >/dev/null 2>&1 || true
grep -q 'DiagnosticName: *modlife-unchecked-try-module-get' "$scratch/fixes.yaml" ||
  fail "--export-fixes has no modlife diagnostic"
grep -q "ReplacementText: .*ENODEV" "$scratch/fixes.yaml" ||
  fail "--export-fixes has no replacement"

# 3. Options from .clang-tidy.
mkdir "$scratch/opts"
cp "$scratch/case.c" "$scratch/opts/case.c"
cat >"$scratch/opts/.clang-tidy" <<'YAML'
Checks: '-*,modlife-*'
CheckOptions:
  modlife-unchecked-try-module-get.FailureValue: '-EAGAIN'
YAML
tidy --load="$plugin" --quiet --export-fixes="$scratch/opts.yaml" \
  "$scratch/opts/case.c" -- "${m6[@]}" >/dev/null 2>&1 || true
grep -q "ReplacementText: .*EAGAIN" "$scratch/opts.yaml" ||
  fail ".clang-tidy's FailureValue did not reach the check"
# A 2.4 file under the modern pack: MOD_INC_USE_COUNT means nothing to it,
# so the 2.4 sleep finding disappears; under linux-2.4 it is back.
case24="$root/testdata/checks/modlife-sleep-before-inc/keith-open-foo.c"
cp "$case24" "$scratch/opts/old.c"
for pack in linux linux-2.4; do
  printf "Checks: '-*,modlife-*'\nCheckOptions:\n  modlife.RulePacks: '%s'\n" "$pack" >"$scratch/opts/.clang-tidy"
  tidy --load="$plugin" --quiet "$scratch/opts/old.c" -- "${m24[@]}" \
    >"$scratch/pack.$pack" 2>&1 || true
done
grep -q 'modlife-sleep-before-inc' "$scratch/pack.linux-2.4" ||
  fail "modlife.RulePacks=linux-2.4 gave no sleep-before-inc finding"
! grep -q 'modlife-sleep-before-inc' "$scratch/pack.linux" ||
  fail "modlife.RulePacks=linux was ignored"
printf "Checks: '-*,modlife-*'\nCheckOptions:\n  modlife-no-such-check.Option: '1'\n" >"$scratch/opts/.clang-tidy"
tidy --load="$plugin" --quiet "$scratch/opts/case.c" -- "${m6[@]}" \
  >"$scratch/badopt" 2>&1 || true
grep -q "option 'modlife-no-such-check.Option' names no known check" "$scratch/badopt" ||
  { cat "$scratch/badopt" >&2; fail "an option for no known check was accepted"; }

# 4. run-clang-tidy-19 over a compile database.
mkdir "$scratch/db"
cp "$root/testdata/checks/modlife-unchecked-try-module-get/ignored-result.c" \
   "$root/testdata/checks/modlife-missing-owner/fops-designated.c" "$scratch/db/"
python3 - "$scratch/db" "${m6[@]}" <<'PY'
import json, sys, os
d, args = sys.argv[1], sys.argv[2:]
json.dump([{"directory": d, "file": os.path.join(d, f),
            "arguments": ["clang-19", "-c", *args, f]}
           for f in sorted(os.listdir(d)) if f.endswith(".c")],
          open(os.path.join(d, "compile_commands.json"), "w"))
PY
LD_PRELOAD="${MODLIFE_TIDY_PRELOAD:-}" run-clang-tidy-19 -clang-tidy-binary "$(command -v clang-tidy-19)" -load "$plugin" \
  -checks='-*,modlife-*' -quiet -p "$scratch/db" >"$scratch/run.out" 2>&1 || true
for want in modlife-unchecked-try-module-get modlife-missing-owner; do
  grep -q "warning: .*\[$want\]" "$scratch/run.out" ||
    { cat "$scratch/run.out" >&2; fail "run-clang-tidy-19 did not report $want"; }
done
echo "ok: $compared warnings agree with the CLI, $fixed fix goldens match, options and run-clang-tidy work"
