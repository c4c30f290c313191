#!/usr/bin/env bash
# Runs one modlife fuzz target over its seed corpora.
#
#   run-fuzzer.sh smoke  <fuzzer> <target> <source dir> <work dir> <seconds>
#   run-fuzzer.sh long   <fuzzer> <target> <source dir> <work dir> <seconds> [libFuzzer flags...]
#   run-fuzzer.sh replay <fuzzer> <target> <source dir>
#
# smoke: a fresh corpus, a fixed seed, a few seconds of mutation: what CTest
#   runs. Any crash, leak, timeout or out-of-memory fails it.
# long: keeps <work dir>/corpus-<target> between runs, so that a run goes on
#   from where the last one stopped; crashes land in <work dir>/artifacts-<target>/.
# replay: runs every input in fuzz/regressions/<target>/ once.
#
# The seed corpora are read, never written: fuzz/corpus/<target>/, plus for
# the analyzer the testdata drivers with their #include lines removed (the
# fuzzer includes every mock header itself), and for the rule packs rules/.
set -euo pipefail
mode=$1 fuzzer=$2 target=$3 src=$4

case $target in
  analyzer)   max_len=16384 ;;
  rule-pack)  max_len=16384 ;;
  compile-db) max_len=8192 ;;
  config)     max_len=4096 ;;
  *) echo "run-fuzzer.sh: unknown target '$target'" >&2; exit 2 ;;
esac
# A slow input is a finding (a blow-up in the engine), but a loaded machine
# running the sanitizer build is slow too: the limits leave room for that.
common=(-max_len=$max_len -rss_limit_mb=2048 -dict="$src/fuzz/dict/$target.dict"
        -print_final_stats=1)

if [ "$mode" = replay ]; then
  inputs=("$src/fuzz/regressions/$target"/*)
  [ -e "${inputs[0]}" ] || { echo "no regression inputs for $target"; exit 0; }
  exec "$fuzzer" -timeout=60 -rss_limit_mb=2048 "${inputs[@]}"
fi

work=$5 seconds=$6
shift 6
mkdir -p "$work"
seeds=("$src/fuzz/corpus/$target")
case $target in
  analyzer)
    derived="$work/seeds-testdata"
    rm -rf "$derived" && mkdir -p "$derived"
    find "$src/testdata" "$src/fuzz/probes" -name '*.c' | sort | while read -r f; do
      name=${f#"$src/"}
      grep -v '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' "$f" > "$derived/${name//\//_}"
    done
    seeds+=("$derived") ;;
  rule-pack) seeds+=("$src/rules") ;;
esac

corpus="$work/corpus-$target"
artifacts="$work/artifacts-$target"
mkdir -p "$artifacts"
if [ "$mode" = smoke ]; then
  rm -rf "$corpus"
  mkdir -p "$corpus"
  exec "$fuzzer" "${common[@]}" -seed=1 -timeout=60 -max_total_time="$seconds" \
    -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}"
fi
mkdir -p "$corpus"
exec "$fuzzer" "${common[@]}" -timeout=10 -max_total_time="$seconds" \
  -artifact_prefix="$artifacts/" "$@" "$corpus" "${seeds[@]}"
