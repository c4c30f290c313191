#!/usr/bin/env bash
# A baseline round trip: record the findings of a file, accept them on the
# next run, still accept them after lines above them move, and fail on a
# new one. A file that is no baseline is an input error.
#   baseline.sh <modlife> <case.c> <compile args...>
set -euo pipefail
modlife="$1" case="$2"
shift 2
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$case" "$scratch/case.c"
cd "$scratch"
analyze() { # analyze <expected status> <modlife flags...>
  local want="$1" got=0
  shift
  "$modlife" --quiet "$@" case.c -- "${ARGS[@]}" >"$scratch/out" 2>"$scratch/err" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: modlife $* exited $got, expected $want" >&2
    cat "$scratch/out" "$scratch/err" >&2
    exit 1
  fi
}
ARGS=("$@")
analyze 1 --write-baseline base.json
recorded=$(grep -c '"fingerprint"' base.json)
[ "$recorded" -ge 2 ] || { echo "FAIL: baseline records $recorded findings" >&2; exit 1; }
analyze 0 --baseline base.json
[ ! -s out ] || { echo "FAIL: accepted findings were printed" >&2; cat out >&2; exit 1; }
# Unrelated lines above the findings move them down.
{ printf '/* a new header comment */\n\n\n'; cat "$case"; } > case.c
analyze 0 --baseline base.json
# A second copy of a reported function is a new finding.
sed -n '/^int codec_decode(/,/^}/p' "$case" | sed 's/codec_decode(/codec_decode_again(/' >> case.c
analyze 1 --baseline base.json
new=$(grep -c 'warning:' out)
[ "$new" -eq 1 ] || { echo "FAIL: $new new findings, expected 1" >&2; cat out >&2; exit 1; }
echo '{"not": "a baseline"}' > bad.json
analyze 2 --baseline bad.json
[ "$(wc -l < err)" -eq 1 ] || { echo "FAIL: bad baseline error is not one line" >&2; cat err >&2; exit 1; }
echo "ok: baseline accepts recorded findings across line shifts and fails on new ones"
