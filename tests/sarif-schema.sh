#!/usr/bin/env bash
# Validates modlife's SARIF output against the SARIF 2.1.0 JSON schema. The
# schema is the OASIS one that the npm package @microsoft/jest-sarif ships;
# npm fetches it once into CACHE (the build tree), never into the sources.
#   sarif-schema.sh <modlife> <cache dir> <case.c> <compile args...>
set -euo pipefail
modlife="$1" cache="$2" case="$3"
shift 3
schema="$cache/sarif-2.1.0-rtm.5.json"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
if [ ! -s "$schema" ]; then
  (cd "$scratch" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
  tar xzf "$scratch"/microsoft-jest-sarif-*.tgz -C "$scratch" \
    package/lib/schemas/sarif-2.1.0-rtm.5.json
  mkdir -p "$cache"
  cp "$scratch/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
fi
status=0
"$modlife" --quiet --format=sarif --output "$scratch/out.sarif" "$case" -- "$@" || status=$?
if [ "$status" -ne 1 ]; then
  echo "FAIL: expected exit status 1 (findings), got $status" >&2
  exit 1
fi
python3 - "$schema" "$scratch/out.sarif" <<'PY'
import copy, json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
validator = jsonschema.Draft4Validator(schema)
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
for e in errors[:10]:
    print("schema error at /%s: %s" % ("/".join(map(str, e.path)), e.message))
if errors:
    sys.exit(1)
run = log["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
assert run["results"], "no results"
for r in run["results"]:
    assert r["ruleId"] in rules, r["ruleId"]
    assert r["partialFingerprints"], "no fingerprint"
    loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc.get("uriBaseId") == "%SRCROOT%" and not loc["uri"].startswith("/"), loc
assert any("fixes" in r for r in run["results"]), "no fix in the results"
assert any("relatedLocations" in r for r in run["results"]), "no notes"
assert all(r.get("help", {}).get("text") for r in run["tool"]["driver"]["rules"]), \
    "a rule without help"
# The validator must be able to fail: a log without its version is invalid.
broken = copy.deepcopy(log)
del broken["version"]
assert list(validator.iter_errors(broken)), "the schema accepted a broken log"
print("ok: SARIF validates against the 2.1.0 schema")
PY
