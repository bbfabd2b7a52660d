"""Worker processes change nothing in the report: serial and parallel runs are byte-identical in every format."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import write_tree
from tfdind_lint import parallel, pieces
from tfdind_lint.config import Configuration
from tfdind_lint.discover import discover
from tfdind_lint.formats import FORMATS, Options, render
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

TODAY = datetime.date(2026, 1, 1)


@pytest.fixture
def forced(monkeypatch):
    """Go parallel whatever the size of the input."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)


def reports(paths, settings_factory, **parallel_options) -> tuple[dict[str, str], dict[str, str]]:
    """Every format's output of a serial run and of a parallel one."""
    out = []
    for jobs in (1, 2):
        settings = settings_factory()
        report = lint(paths, settings, jobs=jobs, **parallel_options)
        out.append({name: render(name, report, settings, Options(show_suppressed=True)) for name in FORMATS})
    return out[0], out[1]


def test_every_fixture_and_example_gives_the_same_report(in_root, forced):
    everything = set(builtin_policies())  # the rules disabled by default too
    serial, parallel_run = reports(["examples", "tests/policies", "tests/clean_templates"],
                                   lambda: RunSettings(enabled=everything, today=TODAY))
    assert serial == parallel_run
    assert "TDL302" in serial["json"] and "TDL505" in serial["json"]  # project-scoped rules fired in both


def test_configuration_and_custom_policies_are_rebuilt_in_workers(in_root, forced):
    def settings():
        return RunSettings(configuration=Configuration(["tests/custom"], policy_dirs=("tests/custom/policies",)), today=TODAY)

    serial, parallel_run = reports(["tests/custom"], settings)
    assert serial == parallel_run
    assert "ACME00" in serial["text"]


def test_a_configuration_file_reaches_the_workers(tmp_path, monkeypatch, forced):
    from conftest import SIDECAR_TF

    write_tree(tmp_path, {
        ".tfdind-lint.yaml": "rules:\n  TDL401:\n    severity: note\n",
        "a/main.tf": SIDECAR_TF, "b/main.tf": SIDECAR_TF,
    })
    monkeypatch.chdir(tmp_path)
    serial, parallel_run = reports(["."], lambda: RunSettings(configuration=Configuration(["."]), today=TODAY))
    assert serial == parallel_run
    assert "a/main.tf:14:" in serial["text"] and "note" in serial["text"]


def test_modules_that_call_each_other_are_one_piece(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "root/main.tf": 'module "child" {\n  source = "../modules/child"\n}\n',
        "modules/child/main.tf": 'variable "x" {}\n',
        "other/main.tf": 'variable "y" {}\n',
        "manifest.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n",
    })
    monkeypatch.chdir(tmp_path)
    specs = pieces.units(discover(["."]))
    sources = {spec.index: [s for f in spec.files for s in pieces.local_sources(Path(f).read_bytes())]
               for spec in specs if spec.kind == "terraform"}
    planned = [[spec.path for spec in piece] for piece in pieces.plan(specs, sources)]
    assert planned == [["modules/child", "root"], ["other"], ["manifest.yaml"]]


def test_a_module_call_the_scan_misses_is_checked_as_one_piece(in_root, forced, monkeypatch):
    monkeypatch.setattr(parallel, "local_sources", lambda data: [])  # every module alone: calls cross pieces
    everything = set(builtin_policies())
    serial, parallel_run = reports(["tests/policies/TDL003", "tests/policies/TDL007"],
                                   lambda: RunSettings(enabled=everything, today=TODAY))
    assert serial == parallel_run


def test_small_inputs_stay_in_this_process(in_root, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    report = lint(["examples/dind-docker"], jobs=2)
    assert report.findings


def test_tasks_keep_the_order_of_the_pieces_and_shrink_where_the_processes_meet():
    specs = [pieces.UnitSpec(i, "yaml", f"{i}.yaml", (f"{i}.yaml",)) for i in range(1000)]
    tasks = parallel._tasks([[s] for s in specs], 2)
    assert [s.index for task in tasks for piece in task for s in piece] == list(range(1000))
    sizes = [len(task) for task in tasks]
    middle = min(range(len(sizes)), key=lambda i: abs(sum(sizes[:i]) - 500))
    assert 50 <= sizes[0] <= 63 and 50 <= sizes[-2] <= 63  # an eighth of the way to the middle, from either end
    assert max(sizes[middle - 2:middle + 3]) <= 2  # around the middle, a file or two
    assert sizes[:middle] == sorted(sizes[:middle], reverse=True)
    assert sizes[middle:-1] == sorted(sizes[middle:-1])
    assert len(tasks) < 100


def test_a_checked_piece_is_freed_without_the_garbage_collector(in_root, monkeypatch):
    """Reference counting frees each piece's models when the piece is done (a cycle kept every module of
    the run alive until a full collection, which cost 15 % of a large run and 150 MiB)."""
    import gc
    import weakref

    kept = []
    read = pieces._Piece._terraform

    def remember(self, spec, result):
        unit = read(self, spec, result)
        if unit is not None:
            kept.extend(weakref.ref(x) for x in (unit, unit.module, *unit.workloads))
        return unit

    monkeypatch.setattr(pieces._Piece, "_terraform", remember)
    gc.collect()
    gc.disable()
    try:
        report = lint(["examples/dind-docker", "examples/sysbox-kubernetes"], jobs=1)
        alive = [ref() for ref in kept if ref() is not None]
    finally:
        gc.enable()
    assert report.findings and len(kept) >= 6
    assert alive == []
