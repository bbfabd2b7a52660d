"""The sdist and the wheel: policies/, schemas/ and the licence inside, data found through importlib.resources."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


def bare_environment(site) -> dict[str, str]:
    """Only ``site`` on the module path and nothing on PATH; Windows needs SYSTEMROOT to start Python at all."""
    environment = {"PYTHONPATH": str(site), "PATH": ""}
    if "SYSTEMROOT" in os.environ:
        environment["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return environment


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (path,) = out.glob("tfdind_lint-*.whl")
    return path


def test_wheel_contains_policies_and_schemas(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    policies = sorted(p.name for p in (ROOT / "policies").glob("*.yaml"))
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("tfdind_lint/policies/")) == policies
    assert "tfdind_lint/schemas/policy.schema.json" in names
    # the precompiled patterns of every supported CPython (lazy_re.py)
    assert {f"tfdind_lint/pattern_code/cp3{minor}.py" for minor in (10, 11, 12, 13)} <= set(names)
    assert any(n.endswith("entry_points.txt") for n in names)


def test_wheel_carries_the_licence_and_declares_it(wheel):
    archive = zipfile.ZipFile(wheel)
    (info,) = {n.split("/", 1)[0] for n in archive.namelist() if n.split("/", 1)[0].endswith(".dist-info")}
    assert archive.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    metadata = archive.read(f"{info}/METADATA").decode("utf-8")
    assert "License-Expression: MIT" in metadata.splitlines()
    assert "License-File: LICENSE" in metadata.splitlines()
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
    classifiers = [line.split(" :: ", 2)[-1] for line in metadata.splitlines()
                   if line.startswith("Classifier: Programming Language :: Python :: 3.")]
    assert classifiers == ["3.10", "3.11", "3.12", "3.13"]
    assert "Requires-Python: >=3.10" in metadata.splitlines()


def test_sdist_carries_the_licence_changelog_and_what_the_suite_reads(tmp_path):
    pytest.importorskip("hatchling")
    from hatchling.builders.sdist import SdistBuilder

    (path,) = [Path(p) for p in SdistBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])]
    with tarfile.open(path) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "tests/data/sarif/NOTICE.md",
            ".gitattributes", ".github/workflows/ci.yml", ".ci/run", "tests/crlf/dind-docker/main.tf",
            "editors/vscode/package.json", "editors/vscode/package-lock.json", "editors/vscode/test/smoke.js"} <= names
    assert not any(name.startswith((".ci/venv", ".venv", "editors/vscode/node_modules")) for name in names)


def test_installed_wheel_finds_its_data_from_anywhere(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import tfdind_lint, tfdind_lint.resources as r, tfdind_lint.policy as p;"
        "print(tfdind_lint.__file__); print(r.data_dir('policies')); print(r.data_dir('schemas'));"
        "print(len(p.builtin_policies()))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=bare_environment(site),
                            capture_output=True, text=True, check=True)
    package, policies, schemas, count = result.stdout.splitlines()
    assert package.startswith(str(site))
    assert policies == str(site / "tfdind_lint" / "policies")
    assert schemas == str(site / "tfdind_lint" / "schemas")
    assert int(count) == len(list((ROOT / "policies").glob("*.yaml")))


def test_an_installation_without_its_policies_says_so(tmp_path):
    """A package copied without policies/ must not report "No findings" for every file (it did)."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(ROOT / "tfdind_lint", site / "tfdind_lint", ignore=shutil.ignore_patterns("__pycache__"))
    target = ROOT / "examples" / "dind-docker" / "bad"
    for command in (["check", str(target)], ["rules"]):
        result = subprocess.run([sys.executable, "-m", "tfdind_lint", *command], cwd=tmp_path,
                                env=bare_environment(site), capture_output=True, text=True)
        assert result.returncode == 2, result
        assert "the built-in policies are missing" in result.stderr
        assert "Traceback" not in result.stderr
