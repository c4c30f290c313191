#!/usr/bin/env bash
# The CI templates: each parses as YAML with the keys its service reads, and
# the pre-commit entry blocks a commit with findings, and
# the GitLab Code Quality converter turns modlife's SARIF into one issue
# per result, with fingerprints that survive a line shift, and rejects
# what is not modlife SARIF.
#   ci-templates.sh <modlife> <source root> <compile args...>
set -euo pipefail
modlife="$1" root="$2"
shift 2
ci="$root/integrations/ci"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - "$ci" <<'PY'
import sys, yaml
ci = sys.argv[1]
gh = yaml.safe_load(open(ci + "/github-actions.yml"))
steps = gh["jobs"]["modlife"]["steps"]
assert gh["permissions"]["security-events"] == "write", "upload-sarif needs security-events: write"
assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
gl = yaml.safe_load(open(ci + "/gitlab-ci.yml"))
assert gl["modlife"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
hooks = yaml.safe_load(open(ci + "/pre-commit-hooks.yaml"))
assert hooks[0]["id"] == "modlife" and hooks[0]["types"] == ["c"]
PY

case="$root/testdata/checks/modlife-unverified-request-module/stale-lookup.c"
cp "$case" "$scratch/drv.c"
cd "$scratch"
convert() { # convert <out.json>
  "$modlife" --quiet --format=sarif --output run.sarif drv.c -- "$@" || [ $? -eq 1 ]
  python3 "$ci/sarif-to-codequality.py" run.sarif
}
convert "$@" >first.json
{ printf '/* moved */\n\n'; cat "$case"; } >drv.c
convert "$@" >second.json
python3 - <<'PY'
import json
sarif = json.load(open("run.sarif"))
a, b = json.load(open("first.json")), json.load(open("second.json"))
results = sum(len(r["results"]) for r in sarif["runs"])
assert len(b) == results >= 2, (len(b), results)
for i in b:
    assert i["check_name"].startswith("modlife-") and i["location"]["path"] == "drv.c", i
assert [i["fingerprint"] for i in a] == [i["fingerprint"] for i in b], "fingerprints moved"
assert [i["location"]["lines"]["begin"] + 2 for i in a] == [i["location"]["lines"]["begin"] for i in b]
PY
echo '{"runs": [{"results": [{"nothing": 1}]}]}' >bad.sarif
status=0
python3 "$ci/sarif-to-codequality.py" bad.sarif >/dev/null 2>err || status=$?
[ "$status" -eq 2 ] && [ "$(wc -l <err)" -eq 1 ] || fail "a broken SARIF file gave status $status"
# The pre-commit entry, in a repository of its own.
mkdir repo && cd repo && git init -q .
cp "$case" drv.c
cp "$root/testdata/checks/modlife-unverified-request-module/try-then-fix.fixed.c" clean.c
hook() { env -u MODLIFE_COMPILE_COMMANDS_DIR MODLIFE="$modlife" "$ci/pre-commit-modlife.sh" "$@" >hook.out 2>&1; }
status=0; hook drv.c || status=$?
[ "$status" -eq 2 ] || fail "the hook without a compile database gave $status"
python3 - "$PWD" "$@" <<'PY'
import json, os, sys
d, args = sys.argv[1], sys.argv[2:]
json.dump([{"directory": d, "file": os.path.join(d, f), "arguments": ["clang-19", "-c", *args, f]}
           for f in ("drv.c", "clean.c")], open("compile_commands.json", "w"))
PY
status=0; hook drv.c || status=$?
[ "$status" -eq 1 ] && grep -q 'modlife-unverified-request-module' hook.out ||
  { cat hook.out >&2; fail "the hook let a finding through (status $status)"; }
hook clean.c || { cat hook.out >&2; fail "the hook blocked a clean file"; }
echo "ok: templates parse; Code Quality report has stable fingerprints"
