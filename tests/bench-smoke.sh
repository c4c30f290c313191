#!/usr/bin/env bash
# The benchmarks in smoke mode: every tool of bench/run-bench.py runs on a
# few mock-header TUs, and bench/synthetic.py's worst cases still give their
# finding. Timings here mean nothing; docs/performance.md has the real run.
#   bench-smoke.sh <modlife> <plugin.so> <source root>
set -euo pipefail
modlife="$1" plugin="$2" root="$3"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python3 - "$scratch" "$root" <<'PY'
import glob, json, os, sys
out, root = sys.argv[1:3]
args = ["clang-19", "-c", "-nostdinc", "-isystem", os.path.join(root, "testdata/include/linux-6"),
        "-D__KERNEL__", "-DMODULE", '-DKBUILD_MODNAME="mock"', "-std=gnu11", "-o", "/dev/null"]
files = sorted(glob.glob(os.path.join(root, "testdata/checks/modlife-missing-owner/*.c")))
files = [f for f in files if not f.endswith(".fixed.c") and "linux-6" in open(f).read(400)][:3]
json.dump([{"directory": root, "file": f, "arguments": args + [f]} for f in files],
          open(os.path.join(out, "compile_commands.json"), "w"))
PY
python3 "$root/bench/run-bench.py" --smoke --db "$scratch" --modlife "$modlife" --plugin "$plugin"
python3 "$root/bench/synthetic.py" --smoke --modlife "$modlife"
