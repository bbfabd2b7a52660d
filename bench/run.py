"""The benchmark: tfdind-lint against checkov and against the floor of parsing, on generated template trees.

    python bench/run.py --all          # every case; writes docs/benchmarks.md (about 30 minutes with checkov)
    python bench/run.py --all --repeat 1 --no-page   # a quick look, printed only

Each case lints the same inputs with tfdind-lint and, when it is installed, checkov
(in its own virtual environment: ``python -m venv ~/.venvs/checkov &&
~/.venvs/checkov/bin/pip install checkov``; found through ``--checkov``, ``$CHECKOV``
or ``PATH``; run offline with ``--skip-download``), alternating the two, after one
untimed warm-up run of each (but checkov on 1,000 templates, warmed by the smaller cases).  Reported: the median wall time, the median CPU time
(user + system, the process and every process it waited for) and the median peak
memory (the sum of the proportional set sizes of the process and its descendants,
sampled every 50 ms; the main process's maximum resident size when it ends sooner).  Ratios compare medians measured in the same run.

Before every run the harness waits (up to a minute) until no other process wants a
CPU, since the machine may be shared.  Every process runs with the bytecode of the installed form (``PYTHONPYCACHEPREFIX``
under ``bench/out/``, compiled by the warm-up run), whatever ``PYTHONDONTWRITEBYTECODE``
says.  tfdind-lint runs cold with ``--no-cache``, except in the warm case, which
reruns an unchanged tree with the cache (``TFDIND_LINT_CACHE_DIR`` under ``bench/out/``).
Generated inputs go to ``bench/out/`` (ignored by git).
"""

from __future__ import annotations

import argparse
import datetime
import os
import pickle
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)

import generate  # noqa: E402

OUT = os.path.join(HERE, "out")
PAGE = os.path.join(ROOT, "docs", "benchmarks.md")
RESULTS = os.path.join(OUT, "results.pickle")
MIB = 1024 * 1024


# ------------------------------------------------------------------------------------------------
# Measuring one process tree
# ------------------------------------------------------------------------------------------------

@dataclass
class Sample:
    wall: float
    cpu: float
    peak: int  # bytes
    code: int


def _tree_memory(root: int) -> int:
    """The memory of a process and its descendants: the sum of their proportional set sizes (PSS).

    PSS shares each page among the processes that map it, so forked workers (checkov's) are not counted twice.
    """
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except OSError:
                continue
    total = 0
    for pid in parents:
        p = pid
        while p > 1 and p != root:
            p = parents.get(p, 0)
        if p != root:
            continue
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
                for line in handle:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def runnable() -> int:
    """How many processes want a CPU right now (the harness itself is one of them)."""
    with open("/proc/loadavg", encoding="ascii") as handle:
        return int(handle.read().split()[3].split("/")[0])


def settle(limit: float = 60.0) -> float:
    """Wait (up to ``limit`` seconds) until no other process is busy: the machine is shared. Returns the wait."""
    start = time.perf_counter()
    quiet = 0
    while quiet < 5 and time.perf_counter() - start < limit:
        quiet = quiet + 1 if runnable() <= 1 else 0
        time.sleep(0.1)
    return time.perf_counter() - start


def measure(command: list[str], env: dict, cwd: str = ROOT) -> Sample:
    settle()
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _tree_memory(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, cpu, peak or usage.ru_maxrss * 1024, process.returncode)


@dataclass
class Result:
    name: str
    samples: list[Sample] = field(default_factory=list)
    load: tuple[float, float] = (0.0, 0.0)  # the 1-minute load average before and after the case: other tenants

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak(self) -> float:
        return statistics.median(s.peak for s in self.samples) / MIB


def alternate(runs: dict[str, tuple[list[str], dict]], repeat: int, log, cold: tuple[str, ...] = ()) -> dict[str, Result]:
    """Each command once untimed (but those in ``cold``: warmed by earlier cases), then ``repeat`` rounds of all."""
    results = {name: Result(name) for name in runs}
    before = os.getloadavg()[0]
    for name, (command, env) in runs.items():
        if name not in cold:
            measure(command, env)
    for round_ in range(repeat):
        order = list(runs) if round_ % 2 == 0 else list(reversed(runs))
        for name in order:
            command, env = runs[name]
            sample = measure(command, env)
            results[name].samples.append(sample)
            log(f"    {name}: {sample.wall:.2f} s wall, {sample.cpu:.2f} s CPU, {sample.peak / MIB:.0f} MiB (exit {sample.code})")
    for result in results.values():
        result.load = (before, os.getloadavg()[0])
    return results


# ------------------------------------------------------------------------------------------------
# The tools
# ------------------------------------------------------------------------------------------------

def environment(cache: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=os.path.join(OUT, "pycache"), PYTHONPATH=ROOT, BC_SKIP_MAPPING="TRUE",
               TFDIND_LINT_CACHE_DIR=cache or os.path.join(OUT, "cache-unused"), NO_COLOR="1")
    return env


def tfdind(*args: str) -> list[str]:
    """The ``tfdind-lint`` command as the console script pip 25.2+ and uv write starts it (pre-commit's and CI's;
    an older pip's also imports ``re``: docs/benchmarks.md, "Start-up")."""
    return [sys.executable, "-c", "from tfdind_lint.cli import run; run()", *args]


def find_checkov(given: str | None) -> str | None:
    for candidate in (given, os.environ.get("CHECKOV"), shutil.which("checkov"),
                      os.path.expanduser("~/.venvs/checkov/bin/checkov"), "/work/bench-venvs/checkov/bin/checkov"):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def checkov(binary: str, *args: str) -> list[str]:
    return [binary, *args, "--skip-download", "--quiet", "--compact"]


def version(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, env=environment(), timeout=120).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


# ------------------------------------------------------------------------------------------------
# The cases
# ------------------------------------------------------------------------------------------------

SCALE_BASE = "tfdind-lint on the 1,000 templates, alternated"


def tree(name: str, templates: int, single: int | None = None) -> tuple[str, dict]:
    directory = os.path.join(OUT, name)
    generate.generate(templates, directory, single=single)
    return directory, generate.stats(directory)


def run_all(args, log) -> dict:
    data: dict = {"cases": {}, "inputs": {}}
    binary = None if args.no_checkov else find_checkov(args.checkov)
    data["checkov"] = version([binary, "--version"]) if binary else None
    if binary is None:
        log("checkov: not found (--checkov PATH, $CHECKOV or PATH); its columns stay empty")
    repeat = args.repeat
    env = environment()

    log("single file (the pre-commit case)")
    single_dir, data["inputs"]["single"] = tree("single", 1, single=150)
    (single,) = [os.path.join(d, f) for d, _, fs in os.walk(single_dir) for f in fs if f.endswith(".tf")]
    runs = {"tfdind-lint": (tfdind("--no-cache", single), env)}
    if binary:
        runs["checkov"] = (checkov(binary, "-f", single), env)
    data["cases"]["single"] = alternate(runs, repeat * 4 + 1, log)  # short runs: more of them, a steadier median

    log("a directory of 50 templates")
    dir50, data["inputs"]["dir50"] = tree("tree-50", 50)
    runs = {"tfdind-lint": (tfdind("--no-cache", dir50), env)}
    if binary:
        runs["checkov"] = (checkov(binary, "-d", dir50), env)
    data["cases"]["dir50"] = alternate(runs, repeat + 2, log)

    log("1,000 templates")
    t1000, data["inputs"]["tree1000"] = tree("tree-1000", 1000)
    runs = {"tfdind-lint": (tfdind("--no-cache", t1000), env),
            "floor: hcl2.parses_to_tree": ([sys.executable, os.path.join(HERE, "floor.py"), "tree", t1000], env)}
    if binary:
        runs["checkov"] = (checkov(binary, "-d", t1000), env)
    data["cases"]["tree1000"] = alternate(runs, repeat, log, cold=("checkov",))  # five minutes a run
    log("  floor with python-hcl2's dict conversion (hcl2.load), once")
    data["cases"]["load1000"] = alternate(
        {"floor: hcl2.load": ([sys.executable, os.path.join(HERE, "floor.py"), "load", t1000], env)}, 1, log)

    log("1,000 templates, warm cache")
    cache = os.path.join(OUT, "cache-warm")
    shutil.rmtree(cache, ignore_errors=True)
    warm_env = environment(cache)
    data["cases"]["warm1000"] = alternate({"tfdind-lint, warm cache": (tfdind(t1000), warm_env)}, repeat + 2, log)

    log("2,000 templates")
    t2000, data["inputs"]["tree2000"] = tree("tree-2000", 2000)
    # alternated with the 1,000-template tree, so that the ratio of the two compares runs side by side (the
    # machine's speed drifts over the minutes between this case and the 1,000-template one)
    data["cases"]["tree2000"] = alternate({"tfdind-lint": (tfdind("--no-cache", t2000), env),
                                           SCALE_BASE: (tfdind("--no-cache", t1000), env)}, repeat, log)

    log("serial or parallel, by input size (the threshold)")
    data["sweep"] = sweep(repeat, env, log)
    log("import time")
    data["imports"] = imports(single, env)
    data["machine"] = machine(data["checkov"])
    return data


def sweep(repeat: int, env: dict, log) -> list[tuple[int, int, float, float]]:
    """(templates, bytes, serial seconds, parallel seconds) for small trees, parallel forced."""
    forced = ("import sys, tfdind_lint.parallel as p; p.PARALLEL_MIN_BYTES = 0; "
              "from tfdind_lint.cli import main; sys.exit(main(sys.argv[1:]))")
    rows = []
    for templates in (5, 10, 20, 40, 80):
        directory, _ = tree(f"sweep-{templates}", templates)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(directory) for f in fs)
        results = alternate({"serial": (tfdind("--no-cache", "--jobs", "1", directory), env),
                             "parallel": ([sys.executable, "-c", forced, "--no-cache", "--jobs", "2", directory], env)},
                            repeat + 2, log)
        rows.append((templates, size, results["serial"].wall, results["parallel"].wall))
    return rows


def imports(single: str, env: dict) -> dict:
    """``python -X importtime`` of the single-file run: the total and the biggest top-level imports."""
    def run(*args):
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "tfdind_lint", *args], capture_output=True,
                                text=True, env=env, cwd=ROOT)
        rows = []
        for line in result.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
            if m:
                rows.append((int(m.group(2)), len(m.group(3)), m.group(4)))
        return rows

    run("--no-cache", single)  # bytecode
    lint = run("--no-cache", single)
    top = sorted((r for r in lint if r[1] == 1), reverse=True)
    return {"lint_total": sum(r[0] for r in top) / 1000, "top": [(name, us / 1000) for us, _, name in top[:15]],
            "version_total": sum(r[0] for r in run("--version") if r[1] == 1) / 1000,
            "modules": sorted({name.split(".")[0] for _, _, name in lint})}


def machine(checkov_version: str | None) -> dict:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "?")
    except OSError:
        pass
    memory = "?"
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            memory = f"{int(handle.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    from importlib.metadata import version as package_version

    from tfdind_lint import __version__
    from tfdind_lint.parallel import available_cores
    return {"cpu": cpu, "cores": os.cpu_count(), "usable": available_cores(), "memory": memory,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "hcl2": package_version("python-hcl2"), "lark": package_version("lark"), "tool": __version__,
            "checkov": checkov_version or "not installed", "date": datetime.date.today().isoformat()}


# ------------------------------------------------------------------------------------------------
# The page
# ------------------------------------------------------------------------------------------------

def ratio(slow: Result | None, fast: Result) -> float | None:
    return slow.wall / fast.wall if slow is not None else None


def targets(data: dict) -> list[tuple[str, str, bool | None]]:
    c = data["cases"]
    ours = {name: c[name]["tfdind-lint"] for name in ("single", "dir50", "tree1000", "tree2000")}
    rows = []

    def versus(case, times):
        r = ratio(c[case].get("checkov"), ours[case])
        return (f"{r:.1f}x" if r else "checkov not measured"), (r >= times if r else None)

    text, ok = versus("single", 15)
    rows.append(("One file of ~150 lines: at least 15x faster than `checkov -f`", text, ok))
    text, ok = versus("dir50", 10)
    rows.append(("50 templates: at least 10x faster than `checkov -d`", text, ok))
    text, ok = versus("tree1000", 20)
    rows.append(("1,000 templates: at least 20x faster than checkov", text, ok))
    floor = c["tree1000"]["floor: hcl2.parses_to_tree"]
    rows.append(("1,000 templates: no slower than the bare single-process python-hcl2 parse",
                 f"{ours['tree1000'].wall:.2f} s vs {floor.wall:.2f} s ({floor.wall / ours['tree1000'].wall:.2f}x faster)",
                 ours["tree1000"].wall <= floor.wall))
    base = c["tree2000"].get(SCALE_BASE, ours["tree1000"])
    scale = ours["tree2000"].wall / base.wall
    rows.append(("2,000 templates take at most 2.2x the time of 1,000 (runs alternated)",
                 f"{scale:.2f}x ({ours['tree2000'].wall:.2f} s / {base.wall:.2f} s)", scale <= 2.2))
    rows.append(("1,000 templates: peak memory under 150 MiB", f"{ours['tree1000'].peak:.0f} MiB",
                 ours["tree1000"].peak < 150))
    warm = c["warm1000"]["tfdind-lint, warm cache"]
    speedup = ours["tree1000"].wall / warm.wall
    rows.append(("Warm rerun of the 1,000 templates: at least 5x faster than the cold run", f"{speedup:.1f}x",
                 speedup >= 5))
    # issue 17's start-up goal, in this machine's milliseconds ("Start-up" sets it beside the code the issue measured)
    rows.append(("One file (issue 17): a median of at most 60 ms", f"{ours['single'].wall * 1000:.1f} ms",
                 ours["single"].wall <= 0.060))
    text, ok = versus("single", 35)
    rows.append(("One file (issue 17): at least 35x faster than `checkov -f`", text, ok))
    return rows


def page(data: dict) -> str:
    m = data["machine"]
    c = data["cases"]
    out = [
        "# Benchmarks",
        "",
        "<!-- Generated by `python bench/run.py --all`; do not edit. -->",
        "",
        "Reproduce everything on this page with one command, from the repository root, in the project's environment",
        "(checkov in a virtual environment of its own, found on `PATH`, through `$CHECKOV` or `--checkov PATH`):",
        "",
        "```sh",
        "python -m venv ~/.venvs/checkov && ~/.venvs/checkov/bin/pip install checkov   # once",
        "python bench/run.py --all    # about 30 minutes; rewrites this page (--page-only: from the last run's data)",
        "```",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores ({m['usable']} usable), {m['memory']} RAM, {m['os']}. "
        f"Python {m['python']}, python-hcl2 {m['hcl2']}, lark {m['lark']}, tfdind-lint {m['tool']}, "
        f"checkov {m['checkov']}. Date: {m['date']}.",
        "",
        "Method (bench/run.py): each case runs every tool once untimed (checkov on 1,000 templates excepted: the smaller",
        "cases warmed it), then alternates them (the 2,000-template case alternates the 2,000 and the 1,000 trees, for",
        "their ratio; the one-file case has 13 rounds, its runs being short); the tables give medians",
        "of wall time, CPU time (user + system of the process and the processes it waited for) and peak memory (the",
        "proportional set sizes of the process and all its descendants, summed, sampled every 50 ms: forked workers'",
        "shared pages count once). Ratios compare medians of",
        "the same run. tfdind-lint runs cold (`--no-cache`) except in the warm case. checkov runs offline",
        "(`--skip-download`, `BC_SKIP_MAPPING=TRUE`) with its default frameworks, as `checkov -f FILE` / `checkov -d DIR`.",
        "Every Python process uses compiled bytecode, as an installed package does. The machine is shared with other",
        "work: before each run the harness waits (up to a minute) until no other process wants a CPU; what load",
        "remained shows in the last column of the results.",
        "",
        "## Inputs",
        "",
        "`bench/generate.py` grows the project's templates (`examples/*/good|bad`, `tests/clean_templates/*`: every",
        "method of the seed page, correct and defective) into trees of any size: variables and resources renamed,",
        "parameters, variables, locals, apps, scripts and metadata added up to 100-600 lines per template (about 290 on",
        "average), a third split over `variables.tf` / `parameters.tf`, the seed's Kubernetes YAML alongside and",
        "sometimes a workspace pod manifest of its own.",
        "",
        "| case | templates | .tf files | YAML files | lines |",
        "|---|---:|---:|---:|---:|",
    ]
    names = {"single": "one file", "dir50": "50 templates", "tree1000": "1,000 templates", "tree2000": "2,000 templates"}
    for key, label in names.items():
        s = data["inputs"][key]
        out.append(f"| {label} | {s['templates']} | {s['tf_files']} | {s['yaml_files']} | {s['lines']:,} |")
    out += ["", "## Results", "",
            "The last column is the machine's 1-minute load average when the case started and ended: above 2 (the",
            "cores), other work shared the machine, and tfdind-lint's two worker processes had less than two cores.", "",
            "| case | tool | runs | wall (median) | CPU (median) | peak memory | checkov / tfdind-lint | load |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    for key, label in [("single", "one file"), ("dir50", "50 templates"), ("tree1000", "1,000 templates"),
                       ("load1000", "1,000 templates"), ("warm1000", "1,000 templates"), ("tree2000", "2,000 templates")]:
        for name, result in c[key].items():
            r = ratio(c[key].get("checkov"), result) if name == "tfdind-lint" else None
            out.append(f"| {label} | {name} | {len(result.samples)} | {result.wall:.2f} s | {result.cpu:.2f} s | "
                       f"{result.peak:.0f} MiB | {f'{r:.1f}x' if r else ''} | {result.load[0]:.1f} / {result.load[1]:.1f} |")
    out += ["", "## Targets (issues 7 and 17)", "", "| target | measured | met |", "|---|---|---|"]
    for text, measured, ok in targets(data):
        out.append(f"| {text} | {measured} | {'yes' if ok else 'no' if ok is False else 'not measured'} |")
    imports_ = data["imports"]
    out += [
        "", "## Cold start", "",
        f"`python -X importtime -m tfdind_lint --no-cache FILE.tf` (the single-file case): {imports_['lint_total']:.0f} ms of",
        f"imports in all; `--version`: {imports_['version_total']:.0f} ms. The biggest top-level imports of the lint run:",
        "", "| module | cumulative |", "|---|---:|",
    ]
    out += [f"| `{name}` | {ms:.1f} ms |" for name, ms in imports_["top"]]
    heavy = [name for name in ("ruamel", "jsonschema", "sarif_om", "multiprocessing", "concurrent") if name in imports_["modules"]]
    out += ["", "Not imported by that run: ruamel.yaml, jsonschema, sarif-om, multiprocessing"
            + (f" (but: {', '.join(heavy)})" if heavy else "") + "; `tests/test_cold_start.py` keeps it so.", ""]
    out += ["## Serial or parallel", "",
            "Small trees checked in one process and in two (forced), to place the threshold below which tfdind-lint",
            "stays in one process (`parallel.PARALLEL_MIN_BYTES`):", "",
            "| templates | bytes | one process | two processes |", "|---:|---:|---:|---:|"]
    out += [f"| {t} | {size:,} | {serial:.2f} s | {par:.2f} s |" for t, size, serial, par in data["sweep"]]
    out += ["", DECISIONS]
    return "\n".join(out).rstrip("\n") + "\n"  # kept_section opens with its own blank line


DECISIONS = """## What was changed, and why

The changes of issue 7, in the order they were made; the Lark-based parse described first was replaced by our own
HCL parser in issue 19 ("The HCL parser" below).

Profiling (cProfile, and timing each phase of a run over the 1,000-template tree) showed where the time went
before this work: 53 s and 227 MiB for 1,000 templates in one process; 0.38 s for one file, of which 0.13 s
loading the policies with ruamel.yaml, 0.15 s importing python-hcl2 and building its parser, and 0.08 s
tearing the interpreter down at exit.

- **The parse.** Lark's `propagate_positions`, which python-hcl2 turns on, gives every tree node a position and
  more than doubled the parse time. We need only the positions tokens carry, so `sources/hcl_parser.py` loads
  python-hcl2's own parser tables (its `.lark_cache.bin`, after Lark's check that the grammar files are
  unchanged) without that option, once per process, and `sources/terraform.py` takes spans from first and last
  tokens. The tables are never rebuilt (1.5 s) and nothing is written.
- **Lark's loops.** Lark spends about ten Python calls on each token (the state's lexer, its scanner, the token's
  constructor, the line counter, python-hcl2's post-lexer, `feed_token`), and its LALR loop looked every
  reduction's rule up by `Rule.__hash__` / `Rule.__eq__` (8 million Python calls for 1,000 templates).
  `hcl_parser.py` lexes in one frame with the same per-state expressions, and from a process's fourth file
  shifts and reduces in one frame from a table made of Lark's; anything unusual (a syntax error, the end of
  input) goes to Lark's own code. `tests/test_fast_parser.py` parses every `.tf` file of the repository with
  both and compares every node and token position, and the errors of broken texts. Together: the parse about
  40 % faster. (The lexer also joins consecutive line breaks, which fixed python-hcl2 rejecting a blank or
  comment line before a continuing operator.)
- **Lazy tables.** A file of a few hundred lines reaches a few hundred of the parser's 1,045 states; the parse
  table and the per-state lexers are built state by state on first use (Lark's `_plugins` option), which saves
  a one-file run ~25 ms.
- **Memory and the garbage collector.** The old run kept every parsed unit until the end: memory grew with the
  number of files, and the collector's passes over that heap cost another 7 s. A run is now cut into pieces
  (`pieces.py`), each read, checked and dropped; what survives is findings, the suppressions written in the
  piece's files and, for the three project-scoped rules, small extracts. Two reference cycles (the piece's
  project context naming itself, containers naming their workload) still kept each piece's models until a full
  collection: broken, reference counting frees a piece when it is done (`tests/test_parallel.py` checks it with
  the collector off), and with the young generation at 10,000 objects instead of 700 (`pieces.GC_THRESHOLD`) the
  collector's share of a run fell from 17 % to under 2 %.
- **Smaller things** found with cProfile: the rules of each path memoised (a dictionary lookup per finding was a
  directory walk), each script's commands read once for the three rules that read them, the unit's values walked
  once for TDL302, the pre-parse scans jumping between interesting characters by regular expression, the depth
  check breadth-first, `Span` a named tuple (a million are made), YAML composed by ruamel's safe composer (the
  round-trip one spent a fifth of its time attaching comments we read from the text).
- **Project-scoped rules** (TDL302, TDL304, TDL505) look across files. Each now has a collector
  (`rules.COLLECTORS`) that reads what it needs of one unit (FUSE requests and device plugins, RuntimeClasses and
  the pods that name one, node user data, node-label evidence) where the unit is parsed; the check judges the run
  from the collected extracts (`Context.gather`). No parse tree crosses processes, and cached units still
  contribute.
- **Parallel scale** (`parallel.py`). Above `PARALLEL_MIN_BYTES` of input (250 kB, about 30 templates: the
  sweep above) the pieces are shared between this process and `spawn`ed workers, one process per usable core
  (`os.sched_getaffinity`; `--jobs N` caps it, `--jobs 1` stays in one process). The workers take tasks from the
  start while this process, which needs no start-up, takes them from the end; tasks shrink toward the point where
  the two meet (with even tasks, the first process done waited for up to two: the worker's running one and the one
  the pool had queued for it, 2.4 s of a 2,000-template run); results are put back in run order,
  so the report is byte-identical to a serial run (`tests/test_parallel.py`). Directories joined by local
  `module` calls are one piece (unit checks consult callers and callees); the calls are read from the files'
  text before parsing and checked against the parsed modules afterwards.
- **Cold start.** The built-in policies are read from `tfdind_lint/policy_index.py` (generated from the YAML files,
  used only while the bytes it was made from are theirs, and loaded as bytecode) instead of parsing 58 YAML files; the
  common `check` command lines are read without argparse (`quick_arguments.py`), and `--version` and `--help`
  import nothing past it; ruamel.yaml, jsonschema, the SARIF machinery, multiprocessing, python-hcl2's dict API,
  `regex`, pathlib and importlib.resources are not imported unless a run needs them; the `tfdind-lint` command
  exits without tearing the interpreter down; the YAML, TOML and JSON readers and `datetime` are imported when a
  run reads such a file; a `pyproject.toml` is parsed only when it may hold `[tool.tfdind-lint]`.
- **Cache** (`cache.py`). The result of each piece is stored in the user cache directory
  (`$XDG_CACHE_HOME/tfdind-lint`, `~/.cache/tfdind-lint`, `~/Library/Caches/tfdind-lint`, or
  `$TFDIND_LINT_CACHE_DIR`), keyed by the bytes and paths of every file of the piece (siblings and lock file
  included), the effective rules, severities and parameters of each file, every policy (custom ones included),
  the tool's code, its parsers' and Python's versions. Entries are written atomically, damaged ones are misses and
  are rewritten, and the least recently used go beyond 256 MiB. `--no-cache` neither reads nor writes it: the
  cache is the one thing besides the report that tfdind-lint writes, because this issue asks for it.
  Entries are JSON of plain values (`plain.py`), read back into the tool's classes with every value checked,
  never code (docs/robustness.md, "Threat model"); the span paths of an entry are written once, as are equal
  rule sets. Against the pickled entries they replaced, in one alternated run (`python bench/warm_cache.py
  1286093 --rounds 11`, 2026-12-06, the machine shared with other work: wall times inflated, CPU times
  steadier; reports identical): 1,000 templates warm 4.40 s wall, 1.41 s CPU against 4.29 s and 1.42 s
  (+2.7 % wall, -0.6 % CPU); one file 0.517 s and 0.147 s against 0.520 s and 0.149 s.

## Where the time goes

Estimated from cProfile's shares of a one-process run over the 1,000 templates (`--no-cache --jobs 1 --format
json`, 2026-12-07; a profile inflates call-heavy code, so these are approximate): the unit checks ~31 %, parsing
the `.tf` files with our HCL parser ~29 %, the collectors of the project-scoped rules ~13 %, the YAML files
(ruamel.yaml's composer and our tree) ~10 %, building modules and workloads ~8 %, the report ~4 %; reading,
planning, the project checks and suppressions the rest. Two cores halve that, less a worker's start (~0.3 s)
and the serial ends of a run (reading and planning; project checks, suppressions, sorting and writing the
findings). For one file, "Start-up" below: what is left is mostly loading our own code (unmarshalling its
bytecode, creating its classes), then the parse and the checks.

## Rendering the report (issue 13)

The `full` text format reads each file that has findings once more, after the run (the parse trees are gone by
then, and keeping every file's text through a 1,000-template run would cost memory for the few files with
findings), decoded as the readers decode it. Measured on a busy two-core machine over 60 copies of `examples/`
(1,440 files, 2,820 findings, one process; best of three): `concise` 19 ms, `full` 0.9 s (5.6 MiB of output,
most of it the file reads and the frames; before lines were measured by `isascii` first it took 1.9 s),
`gitlab` 0.5 s and `junit` 0.3 s, against 40 s for linting. A pre-commit run's handful of findings renders
in a few milliseconds.
"""


def kept_section(path: str) -> str:
    """The page's sections written by other scripts (bench/parser.py, bench/lsp.py: between their markers), kept
    when the page is rewritten."""
    import re  # noqa: PLC0415

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return ""
    found = [m.group(0) for m in re.finditer(r"<!-- bench/(\S+): begin -->.*?<!-- bench/\1: end -->", text, re.S)]
    return "".join("\n" + section + "\n" for section in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="run every case")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds of the large cases (default 3)")
    parser.add_argument("--checkov", metavar="PATH", help="the checkov executable (default: $CHECKOV, then PATH)")
    parser.add_argument("--no-checkov", action="store_true", help="do not run checkov")
    parser.add_argument("--no-page", action="store_true", help="print the page instead of writing docs/benchmarks.md")
    parser.add_argument("--page-only", action="store_true",
                        help="write the page from the last run's measurements (bench/out/results.pickle)")
    args = parser.parse_args()
    if not args.all and not args.page_only:
        parser.error("say --all (every case; it writes docs/benchmarks.md)")
    if not sys.platform.startswith("linux"):
        parser.error("the harness reads /proc: run it on Linux")
    os.makedirs(OUT, exist_ok=True)
    started = time.time()

    def log(text: str) -> None:
        print(f"[{time.time() - started:6.0f} s] {text}", flush=True)

    if args.page_only:  # the page again from the last run's measurements (after editing its text)
        with open(RESULTS, "rb") as handle:
            data = pickle.load(handle)
    else:
        data = run_all(args, log)
        with open(RESULTS, "wb") as handle:
            pickle.dump(data, handle)
    text = page(data) + kept_section(PAGE)
    if args.no_page:
        print(text)
    else:
        with open(PAGE, "w", encoding="utf-8") as handle:
            handle.write(text)
        log(f"wrote {os.path.relpath(PAGE, ROOT)}")


if __name__ == "__main__":
    main()
