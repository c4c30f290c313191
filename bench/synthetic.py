#!/usr/bin/env python3
"""Worst cases for the path-sensitive dataflow, timed against the parse.

  synthetic.py [--modlife BIN] [--smoke]

Generates, with our mock kernel headers:
  goto-ladder-N   one open() that takes try_module_get and then has N
                  sequential `if (err) goto out_N;` unwind steps;
  long-function   one function of about 5,000 lines of straight-line and
                  branching code around a module reference;
and prints the time of `clang-19 -fsyntax-only` and of modlife on each.
Growth should be near-linear: N=300 may take at most a little over twice
N=150's analysis time. --smoke generates small sizes and checks only that
modlife reports the expected finding.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARGS = ["-nostdinc", "-isystem", os.path.join(ROOT, "testdata/include/linux-6"),
        "-D__KERNEL__", "-DMODULE", '-DKBUILD_MODNAME="mock"', "-std=gnu11"]
HEAD = """#include <linux/module.h>
#include <linux/fs.h>
#include <linux/errno.h>
struct part { struct module *owner; };
extern int step(int i);
extern void undo(int i);
"""


def goto_ladder(n):
    """N unwind steps; the last failure path forgets module_put (a finding)."""
    body = ["int ladder_open(struct part *p)", "{", "\tint err;",
            "\tif (!try_module_get(p->owner))", "\t\treturn -ENODEV;"]
    for i in range(n):
        body += ["\terr = step(%d);" % i, "\tif (err)", "\t\tgoto out_%d;" % i]
    body += ["\treturn 0;"]
    for i in reversed(range(n)):
        body += ["out_%d:" % i, "\tundo(%d);" % i]
    body += ["\treturn err;", "}", ""]
    # The bug: every path to 'return err' keeps the reference.
    return HEAD + "\n".join(body)


def long_function(lines):
    body = ["int long_open(struct part *p, int x)", "{", "\tint acc = 0;",
            "\tif (!try_module_get(p->owner))", "\t\treturn -ENODEV;"]
    i = 0
    while len(body) < lines:
        body += ["\tacc += step(%d) * x;" % i,
                 "\tif (acc > %d)" % (i * 7), "\t\tacc -= %d;" % i,
                 "\telse", "\t\tacc ^= x;"]
        i += 1
    body += ["\tif (acc < 0)", "\t\treturn -EINVAL;", "\tmodule_put(p->owner);",
             "\treturn acc;", "}", ""]
    return HEAD + "\n".join(body)


def timed(argv):
    start = time.monotonic()
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return time.monotonic() - start, p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--modlife", default=os.path.join(ROOT, "build/bin/modlife"))
    ap.add_argument("--smoke", action="store_true")
    a = ap.parse_args()
    cases = [("goto-ladder-%d" % n, goto_ladder(n)) for n in ((10, 20) if a.smoke else (75, 150, 300))]
    cases.append(("long-function", long_function(200 if a.smoke else 5000)))
    work = tempfile.mkdtemp(prefix="modlife-synthetic")
    print("| case | lines | parse (s) | modlife (s) | analysis (s) |")
    print("|---|---:|---:|---:|---:|")
    failed = False
    for name, text in cases:
        path = os.path.join(work, name + ".c")
        with open(path, "w") as f:
            f.write(text)
        parse, _, _ = timed(["clang-19", "-fsyntax-only", "-w"] + ARGS + [path])
        total, status, out = timed([a.modlife, "--quiet", path, "--"] + ARGS)
        # The ladder's every failure path keeps the reference; the long
        # function's -EINVAL return does too.
        if status != 1 or "modlife-missing-release-on-error" not in out:
            print("error: %s: expected a missing-release-on-error finding, got status %d:\n%s"
                  % (name, status, out[-2000:]), file=sys.stderr)
            failed = True
        print("| %s | %d | %.2f | %.2f | %.2f |" % (name, text.count("\n"), parse, total,
                                                   max(0.0, total - parse)), flush=True)
    sys.exit(1 if failed else 0)


main()
