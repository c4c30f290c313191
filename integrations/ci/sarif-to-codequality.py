#!/usr/bin/env python3
"""Converts modlife's SARIF to a GitLab Code Quality report (standard library only).

  sarif-to-codequality.py modlife.sarif > gl-code-quality-report.json

One issue per SARIF result. GitLab tells new findings from old ones by the
fingerprint, so it is modlife's partialFingerprints["modlifeFinding/v1"],
which holds no line number: a finding keeps its identity when unrelated
lines move. Paths are the SARIF's, relative to modlife's --source-root, which
must be the repository's top for GitLab to place them in the diff.
Exit status: 0, or 2 (one line on stderr) when the input is not modlife SARIF.
"""
import json
import sys
import urllib.parse

# Code Quality severities are info, minor, major, critical and blocker.
SEVERITY = {"error": "critical", "warning": "major", "note": "info", "none": "info"}


def path_of(artifact):
    uri = artifact["uri"]
    if uri.startswith("file://"):
        # Outside the source root: an absolute path, which GitLab shows but
        # cannot place in the diff.
        uri = uri[len("file://"):]
    # SARIF URIs are percent-encoded; a plain path passes through unchanged.
    return urllib.parse.unquote(uri)


def convert(sarif):
    issues = []
    for run in sarif["runs"]:
        for result in run.get("results", []):
            loc = result["locations"][0]["physicalLocation"]
            issues.append({
                "description": result["message"]["text"],
                "check_name": result["ruleId"],
                "fingerprint": result["partialFingerprints"]["modlifeFinding/v1"],
                "severity": SEVERITY.get(result.get("level", "warning"), "major"),
                "location": {
                    "path": path_of(loc["artifactLocation"]),
                    "lines": {"begin": int(loc["region"]["startLine"])},
                },
            })
    return issues


def main():
    if len(sys.argv) != 2:
        print("usage: sarif-to-codequality.py <modlife.sarif>", file=sys.stderr)
        sys.exit(2)
    try:
        with open(sys.argv[1]) as f:
            issues = convert(json.load(f))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        print("error: %s is not modlife SARIF: %s: %s" % (sys.argv[1], type(e).__name__, e),
              file=sys.stderr)
        sys.exit(2)
    json.dump(issues, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
