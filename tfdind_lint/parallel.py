"""Checking the pieces of a run (pieces.py): from the cache, in this process, or in worker processes.

Every file is read once here first: its text shows the local module calls that
tie units into pieces, and its digest keys the cache.  Pieces the cache does not
have are checked in this process when there is little to do, else by this process
and a pool of worker processes, one process per core the tool may use (``--jobs``
caps it): this process takes tasks from the end while the workers start and take
them from the beginning.
Workers are started with ``spawn`` on every platform (macOS's default, and the
only method that inherits nothing): a worker builds its own settings from the
same arguments (``_recipe``), and loads the parser once.  Results come back in
run order, so the report is the same byte for byte whatever the number of
processes.  Should a parsed module call a directory the plan put in another piece
(a call its text hid from the scan), the run is checked again as one piece.
"""

from __future__ import annotations

import os

from . import record
from .config import Configuration
from .pieces import UnitResult, UnitSpec, check_piece, crossing, local_sources, lock_path, plan, tune_collector
from .settings import RunSettings
from .sources import SourceError
from .sources.text import current_limit, read_source, set_limit

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from .cache import Cache

#: Below this many bytes left to check (about 30 templates: a pre-commit run, a small repository),
#: starting workers costs more than it saves; measured with bench/ (docs/benchmarks.md).
PARALLEL_MIN_BYTES = 250_000
#: How fast tasks shrink toward the point where the processes meet: a task is at most the distance to that
#: point over this many times the number of processes, so no process waits long for the last large task
#: (docs/benchmarks.md).
TASK_SHRINK = 4


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def check(specs: list[UnitSpec], settings: RunSettings, project_rules: frozenset[str], jobs: int | None,
          cache: Cache | None, progress=None) -> list[UnitResult]:
    """The result of every unit, in run order; ``progress(files_done, files_total)`` is called as pieces finish."""
    advance = _Advance(specs, progress)
    sources: dict[int, list[str]] = {}
    digests: dict[int, str] = {}
    sizes: dict[int, int] = {}
    for spec in specs:
        sizes[spec.index], sources[spec.index], digests[spec.index] = _read(spec, cache is not None)
    pieces = plan(specs, sources)
    whole = len(pieces) == 1  # the piece is the run: it may leave out project-scoped rules (pieces.py, _gathering)
    results: dict[int, UnitResult] = {}
    todo: list[tuple[list[UnitSpec], str | None]] = []
    for piece in pieces:
        key = cache.key(piece, digests, settings, project_rules, whole) if cache is not None else None
        cached = cache.get(key) if key is not None else None
        if cached is not None and len(cached) == len(piece):  # the same units, perhaps at other places in another run
            results.update((spec.index, record.replace(r, index=spec.index)) for spec, r in zip(piece, cached))
        else:
            todo.append((piece, key))
            continue
        advance(piece)
    fresh = _run([piece for piece, _ in todo], settings, project_rules, jobs,
                 sum(sizes[s.index] for piece, _ in todo for s in piece), advance, whole)
    checked = {r.index: r for piece_results in fresh for r in piece_results}
    if crossing(pieces, {**results, **checked}):
        return check_piece(specs, settings, project_rules, whole=True)
    results.update(checked)
    if cache is not None:
        for (_, key), piece_results in zip(todo, fresh):
            cache.put(key, piece_results)
        cache.trim()
    return [results[spec.index] for spec in specs]


def _read(spec: UnitSpec, digest: bool) -> tuple[int, list[str], str | None]:
    """A unit's size in bytes, the local module sources in its text, and (for the cache) a digest of its files."""
    hasher = None
    if digest:
        from .cache import sha256  # noqa: PLC0415  (without hashlib: cache.py says why)

        hasher = sha256()
    size = 0
    sources: list[str] = []
    paths = (*spec.files, lock_path(spec.path)) if spec.kind == "terraform" else spec.files
    for path in paths:
        try:
            data = read_source(path) if os.path.lexists(path) else None  # never blocks on a FIFO, bounded size
        except SourceError:
            data = None
        if hasher is not None:
            # a file not read: its TDL000 names the size limit, which is part of the key then
            hasher.update(f"{path}\0{-current_limit() if data is None else len(data)}\0".encode())
            hasher.update(data or b"")
        if data is not None:
            size += len(data)
            if spec.kind == "terraform":
                sources += local_sources(data)
    return size, sources, hasher.hexdigest() if hasher is not None else None


class _Advance:
    """Counts the files of finished pieces for a progress callback (a no-op without one)."""

    def __init__(self, specs: list[UnitSpec], progress):
        self.progress = progress
        self.done = 0
        self.total = sum(len(spec.files) for spec in specs)

    def __call__(self, piece: list[UnitSpec]) -> None:
        if self.progress is not None:
            self.done += sum(len(spec.files) for spec in piece)
            self.progress(self.done, self.total)


def _run(pieces: list[list[UnitSpec]], settings: RunSettings, project_rules: frozenset[str], jobs: int | None, size: int,
         advance=lambda piece: None, whole: bool = False) -> list[list[UnitResult]]:
    processes = min(jobs or available_cores(), len(pieces))
    if processes < 2 or size < PARALLEL_MIN_BYTES:
        results = []
        for piece in pieces:
            results.append(check_piece(piece, settings, project_rules, whole))
            advance(piece)
        return results
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    tasks = _tasks(pieces, processes)  # several pieces: none is the whole run
    done: dict[int, list[list[UnitResult]]] = {}

    def here(i: int) -> list[list[UnitResult]]:
        results = []
        for piece in tasks[i]:
            results.append(check_piece(piece, settings, project_rules))
            advance(piece)
        return results

    # this process is one of the processes: while the workers start (a fresh interpreter, imports, parser
    # tables) and then alongside them, it takes tasks from the end, the workers from the start
    with ProcessPoolExecutor(processes - 1, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
                             initargs=(_recipe(settings), project_rules)) as pool:
        futures = [pool.submit(_task, task) for task in tasks]
        for i in reversed(range(len(tasks))):
            if futures[i].cancel():  # not started by a worker yet
                done[i] = here(i)
        for i, future in enumerate(futures):
            if i not in done:
                try:
                    done[i] = future.result()
                except BrokenProcessPool:  # a worker was killed (out of memory, a signal): do its task here
                    done[i] = here(i)
                    continue
                for piece in tasks[i]:
                    advance(piece)
    return [piece_results for i in range(len(tasks)) for piece_results in done[i]]


def _tasks(pieces: list[list[UnitSpec]], processes: int) -> list[list[list[UnitSpec]]]:
    """Consecutive pieces in tasks: large at both ends, small where the processes meet.

    The workers take tasks from the start and this process from the end, so they meet
    about ``(processes - 1) / processes`` of the way through; whoever is done first then
    waits for no more than the small tasks near that point.
    """
    sizes = [sum(len(spec.files) for spec in piece) for piece in pieces]
    total = sum(sizes)
    meet = total * (processes - 1) / processes
    tasks: list[list[list[UnitSpec]]] = [[]]
    files = done = 0
    for piece, size in zip(pieces, sizes):
        if files and files >= abs(done - meet) / (processes * TASK_SHRINK):
            tasks.append([])
            files = 0
        tasks[-1].append(piece)
        files += size
        done += size
    return tasks


def _recipe(settings: RunSettings):
    """What a worker builds its settings from: the same configuration arguments, or the plain settings."""
    if settings.configuration is None:
        return "plain", record.replace(settings, baseline=None)
    configuration = settings.configuration
    return "configuration", configuration.arguments, configuration.loaded(), settings.today


_worker: dict = {}


def _start(recipe, project_rules) -> None:
    """A worker's initializer: its settings, built from the recipe."""
    tune_collector()
    if recipe[0] == "plain":
        settings = recipe[1]
    else:
        _, (paths, arguments), files, today = recipe
        configuration = Configuration(paths, **arguments)
        configuration.load_for(files)
        settings = RunSettings(configuration=configuration, today=today)
    set_limit(settings.max_file_size())
    _worker.update(settings=settings, project_rules=project_rules)


def _task(pieces: list[list[UnitSpec]]) -> list[list[UnitResult]]:
    return [check_piece(piece, _worker["settings"], _worker["project_rules"]) for piece in pieces]
