#!/usr/bin/env python3
"""Converts modlife's SARIF to a GitLab Code Quality report.

  sarif-to-codequality.py modlife.sarif > gl-code-quality-report.json

GitLab matches findings across pipelines by fingerprint, so it is modlife's
line-free partialFingerprints["modlifeFinding/v1"]: a finding keeps its
identity when unrelated lines move.
"""
import json
import sys


def convert(sarif):
    issues = []
    for run in sarif.get("runs", []):
        for result in run.get("results", []):
            loc = result["locations"][0]["physicalLocation"]
            path = loc["artifactLocation"]["uri"]
            if path.startswith("file://"):
                path = path[len("file://"):]
            issues.append({
                "description": result["message"]["text"],
                "check_name": result["ruleId"],
                "fingerprint": result["partialFingerprints"]["modlifeFinding/v1"],
                "severity": "major",
                "location": {"path": path, "lines": {"begin": loc["region"]["startLine"]}},
            })
    return issues


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sarif-to-codequality.py <modlife.sarif>")
    try:
        with open(sys.argv[1]) as f:
            sarif = json.load(f)
        issues = convert(sarif)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        print("error: %s is not modlife SARIF: %s" % (sys.argv[1], e), file=sys.stderr)
        sys.exit(2)
    json.dump(issues, sys.stdout, indent=2)
    sys.stdout.write("\n")


main()
