#!/usr/bin/env python3
"""modlife against the parse floor, on real kernel translation units.

Runs, over the same TUs from a compile database and with the same number of
parallel jobs:
  floor              clang-19 -fsyntax-only with each TU's compile command
  modlife            the modlife CLI, one process per TU
  modlife -j         the modlife CLI, one process for all TUs (how it is used)
  tidy+plugin        clang-tidy-19 --load=<plugin> --checks='-*,modlife-*'
  tidy linuxkernel   clang-tidy-19 --checks='-*,linuxkernel-*' (make clang-tidy)
  coccinelle         spatch with bench/coccinelle/module-refs.cocci, if installed
and reports wall time and peak memory (max RSS of any one process) as
ratios to the floor. Then scaling: modlife's time against the number of TUs
for 1 and 2 jobs, and synthetic worst cases (bench/synthetic.py).

  run-bench.py --db DIR [--per-dir 60] [--jobs 2] [--modlife BIN]
               [--plugin SO] [--json OUT] [--smoke]

--smoke runs every tool on a handful of TUs and checks that each worked; it
is what CTest runs. Timings from it mean nothing.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_db(db_dir):
    with open(os.path.join(db_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    for e in entries:
        if "arguments" not in e:
            e["arguments"] = shlex.split(e["command"])
    return entries


def sample(entries, per_dir):
    """A deterministic sample: every k-th TU of each top-level directory."""
    by_dir = collections.defaultdict(list)
    for e in entries:
        rel = os.path.relpath(e["file"], e["directory"])
        by_dir[rel.split(os.sep)[0]].append(e)
    chosen = []
    for d in sorted(by_dir):
        tus = sorted(by_dir[d], key=lambda e: e["file"])
        step = max(1, len(tus) // per_dir)
        chosen += tus[::step][:per_dir]
    return chosen


def syntax_only(entry):
    """The TU's compile command as a parse that writes nothing."""
    args = entry["arguments"]
    out = ["clang-19"]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a == "-c" or a.startswith("-Wp,-M") or a in ("-MD", "-MMD"):
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-w"]


def run_one(argv, cwd):
    """Runs argv; returns (seconds, max RSS in MiB, exit status)."""
    start = time.monotonic()
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_maxrss / 1024.0, p.returncode


def run_tool(name, commands, jobs):
    """commands: [(argv, cwd)]; runs them `jobs` at a time."""
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda c: run_one(*c), commands))
    wall = time.monotonic() - start
    return {"tool": name, "wall": wall, "cpu_sum": sum(r[0] for r in results),
            "peak_mib": max(r[1] for r in results),
            "statuses": collections.Counter(r[2] for r in results)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--per-dir", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--modlife", default=os.path.join(ROOT, "build/bin/modlife"))
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build/lib/modlife-clang-tidy-llvm19.so"))
    ap.add_argument("--json")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--no-scaling", action="store_true")
    a = ap.parse_args()

    # clang-tidy only warns when a plugin fails to load and then runs
    # without it; a benchmark of that would time the wrong thing.
    listed = subprocess.run(["clang-tidy-19", "--load=" + a.plugin, "--checks=-*,modlife-*",
                             "--list-checks"], capture_output=True, text=True).stdout
    if "modlife-" not in listed:
        sys.exit("error: clang-tidy-19 did not load the modlife plugin %s" % a.plugin)

    tus = sample(load_db(a.db), 2 if a.smoke else a.per_dir)
    files = [e["file"] for e in tus]
    print("%d TUs (%s), %d jobs" % (len(tus), ", ".join(
        "%s %d" % kv for kv in sorted(collections.Counter(
            os.path.relpath(e["file"], e["directory"]).split(os.sep)[0] for e in tus).items())),
        a.jobs), flush=True)

    tools = [
        ("floor: clang-19 -fsyntax-only", [(syntax_only(e), e["directory"]) for e in tus], a.jobs),
        ("modlife, a process per TU", [([a.modlife, "--quiet", "-p", a.db, f], None) for f in files], a.jobs),
        ("modlife -j%d, one process" % a.jobs,
         [([a.modlife, "--quiet", "-j", str(a.jobs), "-p", a.db] + files, None)], 1),
        ("clang-tidy-19 + modlife plugin",
         [(["clang-tidy-19", "--quiet", "--load=" + a.plugin, "--checks=-*,modlife-*", "-p", a.db, f],
           None) for f in files], a.jobs),
        ("clang-tidy-19 linuxkernel-*",
         [(["clang-tidy-19", "--quiet", "--checks=-*,linuxkernel-*", "-p", a.db, f], None)
          for f in files], a.jobs),
    ]
    # Coccinelle, a peer point: semantic patches for two of the same shapes
    # (bench/coccinelle/), on the same files, when spatch is installed.
    if shutil.which("spatch"):
        cocci = os.path.join(HERE, "coccinelle", "module-refs.cocci")
        tools.append(("coccinelle (spatch)",
                      [(["spatch", "--very-quiet", "--sp-file", cocci, f], None) for f in files],
                      a.jobs))
    results = []
    for name, commands, jobs in tools:
        r = run_tool(name, commands, jobs)
        results.append(r)
        print("  %-34s %8.1f s  %7.0f MiB  exit statuses %s" % (
            name, r["wall"], r["peak_mib"], dict(r["statuses"])), flush=True)

    floor = results[0]
    print("\n| tool | wall (s) | x floor | peak RSS (MiB) | x floor |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print("| %s | %.1f | %.2f | %.0f | %.2f |" % (
            r["tool"], r["wall"], r["wall"] / floor["wall"], r["peak_mib"],
            r["peak_mib"] / floor["peak_mib"]))

    scaling = []
    if not a.no_scaling and not a.smoke:
        print("\nmodlife -jN over the first K TUs of the sample:")
        print("| TUs | -j1 (s) | -j2 (s) |")
        print("|---:|---:|---:|")
        for k in (25, 50, 100, len(files)):
            row = [k]
            for j in (1, 2):
                r = run_tool("scale", [([a.modlife, "--quiet", "-j", str(j), "-p", a.db] + files[:k],
                                        None)], 1)
                row.append(r["wall"])
            scaling.append(row)
            print("| %d | %.1f | %.1f |" % tuple(row), flush=True)

    if a.json:
        with open(a.json, "w") as f:
            json.dump({"tus": files, "jobs": a.jobs, "results": results, "scaling": scaling}, f,
                      indent=1, default=dict)
    # Smoke: every tool must have run; status 0 or 1 (findings) is success
    # for modlife; clang-tidy exits 1 on compiler errors in kernel code it
    # cannot fully parse, which is not a tool failure.
    bad = [r["tool"] for r in results if set(r["statuses"]) - {0, 1}]
    if bad:
        print("error: these tools failed: %s" % ", ".join(bad), file=sys.stderr)
        sys.exit(1)


main()
