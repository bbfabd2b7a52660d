"""The fuzz harness: mutated fixtures through the public ``lint()`` API, in process.

A case is one seed file (every ``.tf``, ``.tf.json``, YAML and TOML file under ``tests/`` and
``examples/``) mutated one to three times (fuzz_mutations.py), alone in a directory or, one
time in four, next to another seed file left intact (rules that read several files, and
modules of two files).  A case fails when:

- ``lint()`` or an output format (text, JSON, SARIF) raises;
- the report has an internal error (TDL999);
- a finding points outside the files of the case (a line past the end);
- a warning is issued (a library's warning ends up on the user's stderr);
- the run takes longer than the per-case bound (``slow``), or never ends (a hard limit, by SIGALRM).

A failing case is reduced (lines, then bytes, as long as the same failure remains) and written
to the output directory with what was done to it.  ``scripts/fuzz.py`` runs it from the command
line; ``test_fuzz.py`` runs a short, seeded session in the suite.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import re
import shutil
import signal
import tempfile
import threading
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from fuzz_mutations import mutate

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".tf.json": "json", ".tf": "hcl", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
#: Seeds larger than this are left out: a mutated case must stay quick.
MAX_SEED_BYTES = 64 * 1024
#: How often each kind of file is the one mutated.
KIND_WEIGHTS = {"hcl": 4, "yaml": 4, "json": 2, "toml": 1}
#: A case slower than this fails as ``slow`` (the tool reads the largest seed in well under a second).
DEFAULT_BOUND = 10.0
#: Seconds between two progress lines of a long run.
PROGRESS_EVERY = 300
#: A case still running after this long is stopped and fails as ``hang``.
HARD_LIMIT = 120


def seeds(root: Path = ROOT) -> list[Path]:
    found = []
    for top in ("tests", "examples"):
        for path in sorted((root / top).rglob("*")):
            hostile = "hostile" in path.relative_to(root).parts
            if path.is_file() and _kind(path.name) and path.stat().st_size <= MAX_SEED_BYTES and not hostile:
                found.append(path)
    return found


def _kind(name: str) -> str | None:
    return next((kind for suffix, kind in SUFFIXES.items() if name.endswith(suffix)), None)


@dataclass
class Failure:
    signature: str  # what identifies the bug: the same signature is the same bug
    detail: str  # the traceback or the finding


@dataclass
class Case:
    files: dict[str, bytes]  # file name -> content
    seed: str = ""
    mutations: list[str] = field(default_factory=list)


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: int):
    """Raise ``_Timeout`` after ``seconds`` (main thread only; elsewhere no hard limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def fire(signum, frame):
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


_AT = re.compile(r"\bat (\S+:\d+)")


def run_case(case: Case, directory: Path, bound: float = DEFAULT_BOUND) -> tuple[Failure | None, float]:
    """Lint the case's files in ``directory`` (emptied first): (the failure or None, seconds taken)."""
    from tfdind_lint.formats import Options, render
    from tfdind_lint.linter import lint
    from tfdind_lint.settings import RunSettings

    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    for name, data in case.files.items():
        (directory / name).write_bytes(data)
    settings = RunSettings()
    started = time.perf_counter()
    try:
        with _deadline(HARD_LIMIT), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            report = lint([str(directory)], settings)
            for fmt in ("text", "json", "sarif"):
                render(fmt, report, settings, Options())
    except _Timeout:
        return Failure("hang", f"still running after {HARD_LIMIT} s"), time.perf_counter() - started
    except Exception as exc:  # noqa: BLE001  (any exception is the finding)
        return Failure(f"exception {type(exc).__name__} {_where(exc)}", traceback.format_exc()), time.perf_counter() - started
    elapsed = time.perf_counter() - started
    for warning in caught:  # a library's warning printed on stderr is noise in a user's CI log
        return Failure(f"warning {warning.category.__name__} {Path(warning.filename).name}:{warning.lineno}",
                       str(warning.message)), elapsed
    for finding in report.findings:
        if finding.rule == "TDL999":
            where = _AT.search(finding.message)
            kind = finding.message.split(": ", 1)[-1].split(":", 1)[0] if ": " in finding.message else ""
            return Failure(f"TDL999 {finding.message.split(' (')[0]} {kind} {where.group(1) if where else ''}",
                           finding.message), elapsed
    lines = {str(directory / name): data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
             for name, data in case.files.items()}
    for finding in report.findings:
        span = finding.span
        if span.path in lines and not (1 <= span.line <= lines[span.path] + 1 and span.column >= 1):
            return Failure(f"position {finding.rule}", f"{span} is outside the file ({lines[span.path]} lines)"), elapsed
    if elapsed > bound:
        return Failure("slow", f"{elapsed:.1f} s (bound {bound} s)"), elapsed
    return None, elapsed


def _where(exc: BaseException) -> str:
    """The innermost frame of the tool's own code in a traceback: file:function."""
    where = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if "tfdind_lint" in frame.filename:
            where = f"{Path(frame.filename).name}:{frame.name}"
    return where


def minimise(case: Case, signature: str, directory: Path, budget: float = 60.0) -> Case:
    """A smaller case with the same failure: drop chunks of lines, then of bytes, of each file (ddmin, time-bounded)."""
    deadline = time.monotonic() + budget

    def fails(files: dict[str, bytes]) -> bool:
        if time.monotonic() > deadline:
            return False
        failure, _ = run_case(Case(files), directory)
        return failure is not None and failure.signature == signature

    files = dict(case.files)
    for name in list(files):
        smaller = {k: v for k, v in files.items() if k != name}
        if smaller and fails(smaller):  # the other file is not needed
            files = smaller
    for name in list(files):
        for unit in ("lines", "bytes"):
            pieces = files[name].split(b"\n") if unit == "lines" else [bytes([b]) for b in files[name]]
            join = b"\n".join if unit == "lines" else b"".join
            if unit == "bytes" and len(pieces) > 2000:
                continue
            chunk = max(1, len(pieces) // 2)
            while chunk >= 1 and time.monotonic() < deadline:
                i, removed = 0, False
                while i < len(pieces):
                    trial = pieces[:i] + pieces[i + chunk:]
                    if trial and fails({**files, name: join(trial)}):
                        pieces, removed = trial, True
                    else:
                        i += chunk
                files[name] = join(pieces)
                if not removed:
                    chunk //= 2
    return Case(files, case.seed, case.mutations)


@dataclass
class Session:
    seed: int
    cases: int = 0
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")
    failures: dict[str, tuple[Failure, Case]] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        return (f"seed {self.seed}: {self.cases} cases in {self.seconds:.0f} s ({kinds}); slowest {self.slowest[0]:.2f} s "
                f"({self.slowest[1]}); {len(self.failures)} distinct failure(s)")


def fuzz(seed: int, *, cases: int | None = None, duration: float | None = None, bound: float = DEFAULT_BOUND,
         output: Path | None = None, minimise_budget: float = 60.0, log=None, sources: list[Path] | None = None) -> Session:
    """Run cases until ``cases`` are done or ``duration`` seconds have passed; failures are reduced and kept."""
    rng = random.Random(seed)
    sources = sources if sources is not None else seeds()
    texts = {path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path): path.read_bytes()
             for path in sources}
    by_kind: dict[str, list[str]] = {}
    for name in sorted(texts):
        by_kind.setdefault(_kind(name), []).append(name)
    kinds = [kind for kind in KIND_WEIGHTS if kind in by_kind]
    weights = [KIND_WEIGHTS[kind] for kind in kinds]
    names = sorted(texts)
    session = Session(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tfdind-fuzz-") as scratch:
        directory = Path(scratch) / "case"
        reported = started
        while (cases is None or session.cases < cases) and (duration is None or time.monotonic() - started < duration):
            if log and time.monotonic() - reported > PROGRESS_EVERY:
                reported = time.monotonic()
                session.seconds = reported - started
                log(session.summary())
            kind = rng.choices(kinds, weights)[0]  # by kind first: there are few .tf.json and TOML seeds
            name = rng.choice(by_kind[kind])
            data, done = mutate(rng, texts[name], kind)
            files = {Path(name).name: data}
            if rng.random() < 0.25:
                partner = rng.choice(names)
                files.setdefault("partner-" + Path(partner).name, texts[partner])
            case = Case(files, name, done)
            failure, elapsed = run_case(case, directory, bound)
            session.cases += 1
            session.kinds[kind] = session.kinds.get(kind, 0) + 1
            if elapsed > session.slowest[0]:
                session.slowest = (elapsed, name)
            if failure is not None and failure.signature == "slow":
                again, _ = run_case(case, directory, bound)  # a busy machine: a slow case must be slow twice
                failure = again if again is not None and again.signature == "slow" else None
            if failure is None or failure.signature in session.failures:
                continue
            if log:
                log(f"[{session.cases}] {failure.signature} ({name}: {'; '.join(done)})")
            small = case if failure.signature in ("slow", "hang") else minimise(case, failure.signature, directory,
                                                                                minimise_budget)
            session.failures[failure.signature] = (failure, small)
            if output is not None:
                save(output, failure, case, small)
    session.seconds = time.monotonic() - started
    return session


def save(output: Path, failure: Failure, case: Case, small: Case) -> Path:
    """``output/<hash of the signature>/``: the reduced files, the original ones, and what happened."""
    target = output / hashlib.sha256(failure.signature.encode()).hexdigest()[:12]
    (target / "original").mkdir(parents=True, exist_ok=True)
    for name, data in small.files.items():
        (target / name).write_bytes(data)
    for name, data in case.files.items():
        (target / "original" / name).write_bytes(data)
    (target / "failure.json").write_text(json.dumps({
        "signature": failure.signature, "detail": failure.detail, "seed_file": case.seed, "mutations": case.mutations,
    }, indent=2) + "\n", encoding="utf-8")
    return target
