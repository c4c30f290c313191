# The CI lint step (integrations/ci) and the parsers that read modlife's text
# format. include()d from tests/CMakeLists.txt, which defines MODLIFE_BIN and
# MOCK_ARGS_6. The two Python checks are written into the build tree from
# here, so that the fragment is the whole of these tests.
#   ci/text-format-parsers  Vim's quickfix (and Emacs's compilation-mode)
#                           read the text output as modlife wrote it
#   ci/templates-parse      the YAML templates parse, with the keys their
#                           services read, and shell steps that parse
#   ci/sarif-to-codequality the Code Quality converter on a real SARIF
# Exit status 77 is a skip: no vim, or no PyYAML. Nothing is installed here.

set(MODLIFE_CI_TEST_DIR ${CMAKE_CURRENT_BINARY_DIR}/ci-tests)

# tests/CMakeLists.txt may still register this one itself.
if(NOT TEST ci/text-format-parsers)
  add_test(NAME ci/text-format-parsers
    COMMAND ${CMAKE_SOURCE_DIR}/tests/text-format-parsers.sh ${MODLIFE_BIN} ${CMAKE_SOURCE_DIR})
  set_tests_properties(ci/text-format-parsers PROPERTIES SKIP_RETURN_CODE 77)
endif()

file(WRITE ${MODLIFE_CI_TEST_DIR}/templates_parse.py [==[
# Generated from tests/ci-templates.cmake; edit it there.
# The three templates parse as YAML and hold what GitHub, GitLab and
# pre-commit read; their shell steps parse. Each check is also run on a
# broken copy and must object, so that it can fail.
#   templates_parse.py <source root>
import copy, os, shutil, subprocess, sys
try:
    import yaml
except ImportError:
    print("skipped: PyYAML is not installed (python3-yaml)")
    sys.exit(77)

root = sys.argv[1]
ci = os.path.join(root, "integrations", "ci")


def load(name):
    with open(os.path.join(ci, name)) as f:
        return yaml.safe_load(f)


def shell_ok(shell, script):
    """Syntax only (-n): nothing runs."""
    r = subprocess.run([shell, "-n"], input=script, text=True, capture_output=True)
    return r.returncode == 0, r.stderr.strip()


GH_TOP = {"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"}
GH_STEP = {"name", "id", "if", "uses", "run", "with", "env", "shell", "continue-on-error",
           "timeout-minutes", "working-directory"}


def github(doc):
    p = []
    # PyYAML reads YAML 1.1, where the key `on` is the boolean true.
    on = doc.get("on", doc.get(True)) or {}
    keys = {("on" if k is True else k) for k in doc}
    p += ["unknown top-level key %r" % k for k in keys - GH_TOP]
    p += ["missing top-level key %r" % k for k in {"name", "on", "permissions", "jobs"} - keys]
    p += ["not run on %s" % e for e in ("pull_request", "push") if e not in on]
    if (doc.get("permissions") or {}).get("security-events") != "write":
        p.append("upload-sarif needs permissions: security-events: write")
    job = (doc.get("jobs") or {}).get("modlife") or {}
    steps = job.get("steps") or []
    if not job.get("runs-on") or not steps:
        p.append("job modlife needs runs-on and steps")
    for s in steps:
        p += ["step %r: unknown key %r" % (s.get("name"), k) for k in set(s) - GH_STEP]
        if ("uses" in s) == ("run" in s):
            p.append("step %r needs exactly one of uses and run" % s.get("name"))
        if "run" in s:
            if "${{" in s["run"]:
                p.append("step %r: expressions in run scripts (use env)" % s.get("name"))
            ok, err = shell_ok("bash", s["run"])
            if not ok:
                p.append("step %r does not parse: %s" % (s.get("name"), err))
    uses = [s for s in steps if "uses" in s]
    if not any(s["uses"].startswith("actions/checkout@") and (s.get("with") or {}).get("repository")
               and (s.get("with") or {}).get("path") for s in uses):
        p.append("no checkout of modlife (with repository: and path:)")
    upload = [s for s in uses if s["uses"] == "github/codeql-action/upload-sarif@v3"]
    if not upload or (upload[0].get("with") or {}).get("category") != "modlife":
        p.append("no upload-sarif@v3 step with category: modlife")
    runs = "\n".join(s.get("run", "") for s in steps)
    for flag in ("--format=sarif", "--output modlife.sarif", "--source-root", "--baseline",
                 "--diff-filter=AM"):
        if flag not in runs:
            p.append("no step passes %s" % flag)
    ids = {s.get("id") for s in steps}
    if "modlife" not in ids or not any("steps.modlife.outputs.status" in str(s.get("if"))
                                       for s in steps):
        p.append("no step fails the job on modlife's status")
    return p


GL_JOB = {"image", "stage", "rules", "variables", "before_script", "script", "after_script",
          "artifacts", "cache", "tags", "needs", "allow_failure", "interruptible",
          "timeout", "retry", "services", "extends", "when", "dependencies", "environment"}


def gitlab(doc):
    p = []
    job = doc.get("modlife")
    if not isinstance(job, dict):
        return ["no job modlife"]
    p += ["job modlife: unknown key %r" % k for k in set(job) - GL_JOB]
    if "merge_request_event" not in str(job.get("rules")):
        p.append("not run on merge requests")
    script = job.get("script") or []
    if not script:
        p.append("no script")
    text = "\n".join(job.get("before_script", []) + script)
    for word in ("$CI_MERGE_REQUEST_DIFF_BASE_SHA", "--format=sarif", "--baseline",
                 "sarif-to-codequality.py"):
        if word not in text:
            p.append("the script does not use %s" % word)
    ok, err = shell_ok(shutil.which("dash") or "sh", text)
    if not ok:
        p.append("the script does not parse as POSIX sh: %s" % err)
    art = job.get("artifacts") or {}
    if (art.get("reports") or {}).get("codequality") != "gl-code-quality-report.json":
        p.append("no codequality report artifact")
    if art.get("when") != "always" or "modlife.sarif" not in (art.get("paths") or []):
        p.append("modlife.sarif is not kept when the job fails")
    return p


PC_KEYS = {"id", "name", "entry", "language", "files", "exclude", "types", "types_or",
           "exclude_types", "always_run", "fail_fast", "verbose", "pass_filenames",
           "require_serial", "description", "language_version", "minimum_pre_commit_version",
           "args", "stages", "additional_dependencies", "log_file"}


def precommit(doc):
    if not isinstance(doc, list) or not doc or not isinstance(doc[0], dict):
        return ["not a list of hooks"]
    h = doc[0]
    p = ["unknown hook key %r" % k for k in set(h) - PC_KEYS]
    p += ["missing hook key %r" % k for k in ("id", "name", "entry", "language") if k not in h]
    if h.get("id") != "modlife" or h.get("language") not in ("system", "script"):
        p.append("hook is not id modlife with language system or script")
    if "c" not in (h.get("types") or []):
        p.append("hook is not for types: [c]")
    entry = os.path.join(root, str(h.get("entry")))
    if not os.access(entry, os.X_OK):
        p.append("entry %s is not an executable file of the repository" % h.get("entry"))
    return p


CHECKS = [("github-actions.yml", github, lambda d: d["jobs"]["modlife"]["steps"].pop()),
          ("gitlab-ci.yml", gitlab, lambda d: d["modlife"]["artifacts"].pop("reports")),
          ("pre-commit-hooks.yaml", precommit, lambda d: d[0].pop("types"))]


def problems(name, check, doc):
    try:
        return check(doc)
    except (AttributeError, KeyError, IndexError, TypeError) as e:  # a wrong shape
        return ["unexpected structure: %s: %s" % (type(e).__name__, e)]


failed = False
for name, check, damage in CHECKS:
    try:
        doc = load(name)
    except (OSError, yaml.YAMLError) as e:
        print("FAIL: %s is not valid YAML: %s" % (name, " ".join(str(e).split())))
        failed = True
        continue
    found = problems(name, check, doc)
    for problem in found:
        print("FAIL: %s: %s" % (name, problem))
    failed = failed or bool(found)
    # Only a template that passes can show that the check fails.
    if not found:
        broken = copy.deepcopy(doc)
        damage(broken)
        if not problems(name, check, broken):
            print("FAIL: %s: the check accepted a damaged copy" % name)
            failed = True
# The parser must be able to fail too.
try:
    yaml.safe_load("jobs:\n  modlife:\n    steps: [\n")
    print("FAIL: PyYAML accepted broken YAML")
    failed = True
except yaml.YAMLError:
    pass
if failed:
    sys.exit(1)
print("ok: the GitHub, GitLab and pre-commit templates parse and hold what their services read")
]==])

add_test(NAME ci/templates-parse
  COMMAND python3 ${MODLIFE_CI_TEST_DIR}/templates_parse.py ${CMAKE_SOURCE_DIR})
set_tests_properties(ci/templates-parse PROPERTIES SKIP_RETURN_CODE 77)

file(WRITE ${MODLIFE_CI_TEST_DIR}/sarif_to_codequality.py [==[
# Generated from tests/ci-templates.cmake; edit it there.
# integrations/ci/sarif-to-codequality.py on modlife's real SARIF: one issue
# per result with every field GitLab reads, the fingerprint modlife's own,
# the same on a second run and after the lines above the findings move; and
# status 2 for what is not modlife SARIF.
#   sarif_to_codequality.py <modlife> <source root> <compile args...>
import json, os, shutil, subprocess, sys, tempfile

modlife, root, args = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
convert_py = os.path.join(root, "integrations", "ci", "sarif-to-codequality.py")
case = os.path.join(root, "testdata", "checks", "modlife-unverified-request-module",
                    "stale-lookup.c")
scratch = tempfile.mkdtemp()


def fail(msg):
    print("FAIL: " + msg)
    shutil.rmtree(scratch)
    sys.exit(1)


def convert(path):
    r = subprocess.run([sys.executable, convert_py, path], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def run(source):
    """modlife's SARIF and its Code Quality report for drv.c holding source."""
    with open(os.path.join(scratch, "drv.c"), "w") as f:
        f.write(source)
    r = subprocess.run([modlife, "--quiet", "--format=sarif", "--output", "run.sarif",
                        "drv.c", "--", *args], cwd=scratch, capture_output=True, text=True)
    if r.returncode != 1:
        fail("modlife exited %d, expected 1 (findings): %s" % (r.returncode, r.stderr))
    status, out, err = convert(os.path.join(scratch, "run.sarif"))
    if status != 0:
        fail("the converter exited %d: %s" % (status, err))
    with open(os.path.join(scratch, "run.sarif")) as f:
        return json.load(f), json.loads(out)


source = open(case).read()
sarif, issues = run(source)
results = [r for run_ in sarif["runs"] for r in run_["results"]]
if len(issues) != len(results) or len(results) < 2:
    fail("%d issues for %d SARIF results" % (len(issues), len(results)))
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
for issue, result in zip(issues, results):
    loc = issue.get("location") or {}
    if not (isinstance(issue.get("description"), str) and issue["description"]
            and issue.get("check_name") == result["ruleId"]
            and issue.get("severity") in SEVERITIES
            and loc.get("path") == "drv.c"
            and loc.get("lines", {}).get("begin")
                == result["locations"][0]["physicalLocation"]["region"]["startLine"]):
        fail("an issue lacks a field or misstates it: %s" % json.dumps(issue))
    if issue.get("fingerprint") != result["partialFingerprints"]["modlifeFinding/v1"]:
        fail("the fingerprint is not modlife's: %s" % json.dumps(issue))
if len({i["fingerprint"] for i in issues}) != len(issues):
    fail("two issues share a fingerprint")

_, again = run(source)
if again != issues:
    fail("a second run gave another report")
_, shifted = run("/* two lines\n   above */\n" + source)
if [i["fingerprint"] for i in shifted] != [i["fingerprint"] for i in issues]:
    fail("the fingerprints changed when the findings moved down two lines")
if [i["location"]["lines"]["begin"] for i in shifted] != \
        [i["location"]["lines"]["begin"] + 2 for i in issues]:
    fail("the lines did not move with the findings")

# What the GitLab job writes when no .c file changed: an empty report.
empty = os.path.join(scratch, "empty.sarif")
with open(empty, "w") as f:
    f.write('{"version": "2.1.0", "runs": []}')
if convert(empty)[:2] != (0, "[]\n"):
    fail("an empty SARIF did not give an empty report")
# Not modlife SARIF: status 2 with one line, not a traceback.
bad = os.path.join(scratch, "bad.sarif")
with open(bad, "w") as f:
    f.write('{"runs": [{"results": [{"ruleId": "x"}]}]}')
status, _, err = convert(bad)
if status != 2 or len(err.strip().splitlines()) != 1:
    fail("a result without a location gave status %d and %r" % (status, err))
shutil.rmtree(scratch)
print("ok: %d issues for %d SARIF results, all fields, fingerprints stable across runs "
      "and line shifts" % (len(issues), len(results)))
]==])

add_test(NAME ci/sarif-to-codequality
  COMMAND python3 ${MODLIFE_CI_TEST_DIR}/sarif_to_codequality.py ${MODLIFE_BIN}
          ${CMAKE_SOURCE_DIR} ${MOCK_ARGS_6})
