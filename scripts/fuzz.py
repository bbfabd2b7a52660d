"""Mutation fuzzing of tfdind-lint: mutated fixtures through ``lint()``, failures reduced and kept.

    python scripts/fuzz.py --duration 1800 --seed 7 --output fuzz-out/

Every ``.tf``, ``.tf.json``, YAML and TOML file under ``tests/`` and ``examples/`` is a seed; each
case mutates one (bytes, lines, grammar-aware edits: tests/fuzz/fuzz_mutations.py) and lints it
in process.  A case fails on an exception, an internal error (TDL999), a finding outside the
file, or a run slower than ``--bound`` seconds.  Each distinct failure is reduced and written to
``--output`` (``<id>/`` holds the reduced files, ``original/`` and ``failure.json``); the exit
code is 1 when any was found.  See docs/robustness.md ("Fuzzing").
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "fuzz"), str(ROOT)]

import fuzz_engine  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock; printed)")
    parser.add_argument("--duration", type=float, default=300, help="seconds to run (default 300)")
    parser.add_argument("--cases", type=int, default=None, help="stop after this many cases")
    parser.add_argument("--bound", type=float, default=fuzz_engine.DEFAULT_BOUND,
                        help=f"seconds a case may take before it fails as slow (default {fuzz_engine.DEFAULT_BOUND})")
    parser.add_argument("--output", type=Path, default=Path("fuzz-out"), help="directory for failures (default fuzz-out/)")
    parser.add_argument("--minimise-seconds", type=float, default=60, help="time spent reducing each failure")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    print(f"fuzzing with seed {seed} for {args.duration:.0f} s; failures go to {args.output}/", flush=True)
    session = fuzz_engine.fuzz(seed, cases=args.cases, duration=args.duration, bound=args.bound, output=args.output,
                               minimise_budget=args.minimise_seconds, log=lambda line: print(line, flush=True))
    print(session.summary())
    for signature, (failure, case) in session.failures.items():
        print(f"- {signature}: {', '.join(f'{n} ({len(d)} bytes)' for n, d in case.files.items())}")
    return 1 if session.failures else 0


if __name__ == "__main__":
    sys.exit(main())
