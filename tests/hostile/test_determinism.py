"""The same input gives byte-identical output across runs, PYTHONHASHSEED values and directory listing orders.

The input is the good corpus with every light hostile case next to it (FIFOs, links,
broken files...), so the skipped list and the TDL000 findings are covered too.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from conftest import ROOT
from harness import make_tree
from tfdind_lint import cli

FORMATS = ("text", "json", "sarif")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("determinism") / "tree"
    make_tree(root)
    return root


def outputs(tree, out) -> dict[str, bytes]:
    here = os.getcwd()
    os.chdir(tree)
    try:
        for fmt in FORMATS:
            cli.main([".", "--verbose", "--format", fmt, "--output", str(out / f"report.{fmt}")])
    finally:
        os.chdir(here)
    return {fmt: (out / f"report.{fmt}").read_bytes() for fmt in FORMATS}


@pytest.fixture(scope="module")
def reference(tree, tmp_path_factory):
    return outputs(tree, tmp_path_factory.mktemp("reference"))


def test_the_same_run_twice(tree, reference, tmp_path):
    assert outputs(tree, tmp_path) == reference
    assert b"TDL000" in reference["text"] and b"skipped: " in reference["text"]


class _Listing:
    """``os.scandir`` with its entries in another order."""

    def __init__(self, entries):
        self.entries = iter(entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.entries)

    def close(self):
        pass


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_directory_listing_order_does_not_matter(tree, reference, tmp_path, monkeypatch, order):
    real_scandir, real_listdir = os.scandir, os.listdir
    shuffle = random.Random(8).shuffle

    def reorder(items: list) -> list:
        if order == "reversed":
            return items[::-1]
        shuffle(items)
        return items

    def scandir(path="."):
        with real_scandir(path) as it:
            return _Listing(reorder(list(it)))

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", lambda path=".": reorder(real_listdir(path)))
    assert outputs(tree, tmp_path) == reference


def test_hash_seeds_do_not_matter(tree, reference, tmp_path):
    """Three interpreters with different PYTHONHASHSEED values (run side by side) write the same bytes as this one."""
    script = "import json, sys; from tfdind_lint.cli import main\nfor arguments in json.loads(sys.argv[1]): main(arguments)\n"
    processes = {}
    for seed in ("0", "1", "4242"):
        out = tmp_path / seed
        out.mkdir()
        runs = [[".", "--verbose", "--format", fmt, "--output", str(out / f"report.{fmt}")] for fmt in FORMATS]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        processes[seed] = subprocess.Popen([sys.executable, "-c", script, json.dumps(runs)], cwd=tree, env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for seed, process in processes.items():
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        written = {fmt: (tmp_path / seed / f"report.{fmt}").read_bytes() for fmt in FORMATS}
        assert written == reference, f"PYTHONHASHSEED={seed}"
