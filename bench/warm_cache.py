"""Warm-cache runs of this checkout against another revision, alternated in one run (docs/benchmarks.md, "Cache").

    python bench/warm_cache.py REVISION [--rounds 11]

The revision's tree is exported with ``git archive`` under ``bench/out/``; both run on the generated
1,000-template tree (the ``warm1000`` case of bench/run.py) and on one of its files (a pre-commit run), each
with its own cache filled by an untimed run, then alternately.  Every process uses compiled bytecode
(``PYTHONPYCACHEPREFIX`` under ``bench/out/``, whatever ``PYTHONDONTWRITEBYTECODE`` says).  Printed: the
median wall and CPU time (user + system) of each, and whether their reports are identical.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
sys.path.insert(0, HERE)

import generate  # noqa: E402


def run(root: str, cache: str, target: str) -> tuple[float, float, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=root, TFDIND_LINT_CACHE_DIR=cache, PYTHONPYCACHEPREFIX=os.path.join(OUT, "pycache"),
               NO_COLOR="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tfdind_lint", "--format", "json", target], env=env,
                          capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision to compare with (e.g. the commit before a change)")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    other = os.path.join(OUT, "revision")
    shutil.rmtree(other, ignore_errors=True)
    os.makedirs(other)
    archive = subprocess.run(["git", "archive", args.revision], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", other], input=archive, check=True)
    tree = os.path.join(OUT, "tree-1000")
    if not os.path.isdir(tree):
        generate.generate(1000, tree)
    single = sorted(os.path.join(d, f) for d, _, files in os.walk(tree) for f in files if f == "main.tf")[0]
    variants = {args.revision: other, "this checkout": ROOT}
    for label, target in (("1,000 templates", tree), ("one file", single)):
        caches = {name: os.path.join(OUT, f"cache-compare-{i}") for i, name in enumerate(variants)}
        reports = set()
        for name, root in variants.items():
            shutil.rmtree(caches[name], ignore_errors=True)
            run(root, caches[name], target)  # fills the cache (and compiles the bytecode)
            reports.add(run(root, caches[name], target)[2])
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for i in range(args.rounds):
            order = list(variants.items()) if i % 2 == 0 else list(reversed(variants.items()))
            for name, root in order:
                times[name].append(run(root, caches[name], target)[:2])
        print(f"{label}, warm cache ({args.rounds} rounds; reports identical: {len(reports) == 1})")
        for name, samples in times.items():
            wall = statistics.median(w for w, _ in samples)
            cpu = statistics.median(c for _, c in samples)
            print(f"  {name}: median wall {wall:.3f} s, median CPU {cpu:.3f} s")


if __name__ == "__main__":
    main()
