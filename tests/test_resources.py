"""resources.data_path: the shipped data beside the package as imported, or beside the file it links to."""

from __future__ import annotations

import os

from tfdind_lint import resources


def _package(root, *, data: bool):
    """A directory holding a copy of resources.py, with a ``policies`` directory beside it when ``data``."""
    root.mkdir(parents=True)
    (root / "resources.py").write_text("")
    if data:
        (root / "policies").mkdir()
    return root


def test_the_data_beside_the_package_as_imported(tmp_path, monkeypatch):
    package = _package(tmp_path / "site" / "tfdind_lint", data=True)
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    assert resources.data_path("policies") == str(package / "policies")


def test_a_source_checkout_has_it_at_the_top_level(tmp_path, monkeypatch):
    package = _package(tmp_path / "repo" / "tfdind_lint", data=False)
    (tmp_path / "repo" / "pyproject.toml").write_text("")
    (tmp_path / "repo" / "policies").mkdir()
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    assert resources.data_path("policies") == str(tmp_path / "repo" / "policies")


def test_a_linked_module_finds_the_data_beside_its_target(tmp_path, monkeypatch):
    """A package whose files are links into a checkout (some packagers install so): the data is where they lead."""
    target = _package(tmp_path / "real" / "tfdind_lint", data=True)
    linked = tmp_path / "links" / "tfdind_lint"
    linked.mkdir(parents=True)
    os.symlink(target / "resources.py", linked / "resources.py")
    monkeypatch.setattr(resources, "__file__", str(linked / "resources.py"))
    assert resources.data_path("policies") == str(target / "policies")
