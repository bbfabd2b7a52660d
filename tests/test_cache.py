"""The result cache: a cached run equals an uncached one, and any change that matters misses the cache."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import PADDING_TF, ROOT, SIDECAR_TF, write_tree
from tfdind_lint import cache as cache_module
from tfdind_lint import pieces
from tfdind_lint.cache import Cache, default_directory
from tfdind_lint.finding import Severity
from tfdind_lint.formats import FORMATS, Options, render
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

MAIN = """\
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = var.home
}
"""
VARIABLES = 'variable "home" {\n  default = "/home/coder"\n}\n'


def outputs(paths, settings, **options) -> dict[str, str]:
    report = lint(paths, settings, **options)
    return {name: render(name, report, settings, Options(show_suppressed=True)) for name in FORMATS}


def entries(directory) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, files in os.walk(directory) for f in files)


def test_a_cached_run_equals_an_uncached_one(in_root, tmp_path, monkeypatch):
    paths = ["examples", "tests/policies/TDL302", "tests/policies/TDL505", "tests/clean_templates"]
    uncached = outputs(paths, RunSettings())
    first = outputs(paths, RunSettings(), cache=Cache(str(tmp_path)))
    monkeypatch.setattr("tfdind_lint.parallel.check_piece", None)  # the second run must not check anything
    second = outputs(paths, RunSettings(), cache=Cache(str(tmp_path)))
    assert uncached == first == second


def test_a_changed_sibling_file_invalidates_its_module(tmp_path, monkeypatch):
    write_tree(tmp_path, {"t/main.tf": MAIN, "t/variables.tf": VARIABLES, "other/main.tf": MAIN + VARIABLES})
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "cache")
    assert "TDL001" not in outputs(["t/main.tf"], RunSettings(), cache=Cache(store))["text"]
    (tmp_path / "t/variables.tf").write_text("# moved\n", encoding="utf-8")  # main.tf itself did not change
    assert "t/main.tf:4:10: TDL001" in outputs(["t/main.tf"], RunSettings(), cache=Cache(store))["text"]


def test_a_settings_change_invalidates_the_entries(tmp_path, monkeypatch):
    write_tree(tmp_path, {"t/main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "cache")
    assert "TDL401" in outputs(["t"], RunSettings(), cache=Cache(store))["text"]
    assert "TDL401" not in outputs(["t"], RunSettings(enabled={"TDL402"}), cache=Cache(store))["text"]
    lowered = outputs(["t"], RunSettings(severities={"TDL401": Severity.NOTE}), cache=Cache(store))["json"]
    assert '"severity": "note"' in lowered


def test_corrupt_and_truncated_entries_are_misses_and_are_rewritten(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a/main.tf": SIDECAR_TF, "b/main.tf": MAIN + VARIABLES})
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "cache")
    expected = outputs(["."], RunSettings(), cache=Cache(store))
    first, second = entries(store)
    with open(first, "r+b") as handle:
        handle.truncate(os.path.getsize(first) // 2)
    with open(second, "wb") as handle:
        handle.write(b"\x00not a cache entry")
    assert outputs(["."], RunSettings(), cache=Cache(store)) == expected
    assert Cache(store).get(os.path.basename(first)) is not None  # written again, whole
    assert Cache(store).get(os.path.basename(second)) is not None


def test_concurrent_runs_share_the_cache(tmp_path):
    write_tree(tmp_path, {f"t{i}/main.tf": SIDECAR_TF for i in range(6)})
    env = {**os.environ, "TFDIND_LINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tfdind_lint", "--format", "json", "."]
    runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE) for _ in range(3)]
    outs = [run.communicate()[0] for run in runs]
    assert outs[0] == outs[1] == outs[2] and b"TDL401" in outs[0]
    again = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=False).stdout
    assert again == outs[0]
    assert not [e for e in entries(tmp_path / "cache") if os.path.basename(e).startswith(".tmp-")]


def test_no_cache_writes_nothing(tmp_path):
    write_tree(tmp_path / "repo", {"t/main.tf": SIDECAR_TF, "t/padding.tf": PADDING_TF})
    env = {**os.environ, "TFDIND_LINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    before = entries(tmp_path)
    subprocess.run([sys.executable, "-m", "tfdind_lint", "--no-cache", "."], cwd=tmp_path / "repo", env=env,
                   capture_output=True, check=False)
    assert entries(tmp_path) == before
    subprocess.run([sys.executable, "-m", "tfdind_lint", "."], cwd=tmp_path / "repo", env=env,
                   capture_output=True, check=False)
    assert entries(tmp_path / "cache")  # and by default it does write


def test_the_cache_directory_follows_the_platform(monkeypatch):
    monkeypatch.delenv("TFDIND_LINT_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    assert default_directory() == os.path.join("/x/cache", "tfdind-lint")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_directory() == os.path.expanduser("~/.cache/tfdind-lint")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert default_directory() == os.path.expanduser("~/Library/Caches/tfdind-lint")
    monkeypatch.setenv("TFDIND_LINT_CACHE_DIR", "/elsewhere")
    assert default_directory() == "/elsewhere"


def test_the_least_recently_used_entries_go_first(tmp_path):
    store = Cache(str(tmp_path), max_bytes=4000)
    for i in range(8):
        store.put(f"{i:02d}" + "0" * 62, [pieces.UnitResult(0, files=["x" * 850])])
        path = store._path(f"{i:02d}" + "0" * 62)
        os.utime(path, (1000 + i, 1000 + i))
    store.get("00" + "0" * 62)  # used just now: kept
    store.trim()
    kept = [i for i in range(8) if store.get(f"{i:02d}" + "0" * 62) is not None]
    assert kept == [0, 6, 7]
    assert sum(os.path.getsize(p) for p in entries(tmp_path)) <= 3000


def test_the_key_covers_the_code_of_the_tool(monkeypatch, tmp_path):
    monkeypatch.setattr(cache_module, "_CODE", ["one"])
    spec = pieces.UnitSpec(0, "yaml", "x.yaml", ("x.yaml",))
    a = Cache(str(tmp_path)).key([spec], {0: "digest"}, RunSettings(), frozenset())
    monkeypatch.setattr(cache_module, "_CODE", ["two"])
    assert Cache(str(tmp_path)).key([spec], {0: "digest"}, RunSettings(), frozenset()) != a


def test_the_code_digest_covers_the_yaml_library_found_where_the_import_system_finds_it(monkeypatch, tmp_path):
    import importlib.util

    found = cache_module._package_directory("ruamel", "yaml")
    assert found == os.path.dirname(importlib.util.find_spec("ruamel.yaml").origin)
    assert cache_module._package_directory("no_such_package_tfdind") is None
    library = tmp_path / "site" / "ruamel" / "yaml"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "site"), *sys.path])
    monkeypatch.delitem(sys.modules, "ruamel.yaml", raising=False)
    assert cache_module._package_directory("ruamel", "yaml") == str(library)  # the first on the path, not imported
    monkeypatch.setattr(cache_module, "_CODE", [])
    before = cache_module._code()
    (library / "constructor.py").write_text("X = 1\n")
    monkeypatch.setattr(cache_module, "_CODE", [])
    assert cache_module._code() != before


def test_an_entry_is_written_private_and_whole(tmp_path):
    store = Cache(str(tmp_path))
    key = "ab" + "0" * 62
    store.put(key, [pieces.UnitResult(0, files=["x.tf"])])
    assert entries(tmp_path) == [store._path(key)]  # no temporary file left
    assert os.stat(store._path(key)).st_mode & 0o777 == 0o600
    assert store.get(key)[0].files == ["x.tf"]


def test_a_small_run_does_without_the_cache(tmp_path):
    """Under cli.SMALL_RUN_BYTES of input a run is checked sooner than the cache answers: it neither reads nor
    writes it (the pre-commit hook's usual case), and reports the same; one byte more and it uses it."""
    from tfdind_lint import cli

    write_tree(tmp_path / "repo", {"t/main.tf": SIDECAR_TF})
    env = {**os.environ, "TFDIND_LINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}

    def run(*options):
        return subprocess.run([sys.executable, "-m", "tfdind_lint", "--format", "json", *options, "."],
                              cwd=tmp_path / "repo", env=env, capture_output=True, check=False).stdout

    assert run() == run("--no-cache") and b"TDL401" in run()
    assert not (tmp_path / "cache").exists()
    size = len(SIDECAR_TF.encode())
    (tmp_path / "repo/t/padding.tf").write_text("#" * (cli.SMALL_RUN_BYTES - size - 2) + "\n", encoding="utf-8")
    assert run() == run("--no-cache")
    assert not (tmp_path / "cache").exists()  # one byte short
    (tmp_path / "repo/t/more.tf").write_text("\n", encoding="utf-8")
    assert run() == run("--no-cache")
    assert entries(tmp_path / "cache")
