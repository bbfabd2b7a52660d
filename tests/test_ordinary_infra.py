"""Infrastructure that is not a Coder workspace stays quiet under every default rule (tests/ordinary_infra/README.md)."""

from __future__ import annotations

from conftest import ROOT, TESTS
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings


def test_ordinary_infrastructure_stays_quiet(in_root):
    report = lint([str((TESTS / "ordinary_infra").relative_to(ROOT))], RunSettings())
    assert [f"{f.span}: {f.rule} {f.message}" for f in report.active] == []
    assert report.skipped == []  # `{{ ... }}` in values (Flux, Argo, a ConfigMap) is no reason to skip a file
    assert len([p for p in report.files if p.endswith((".tf", ".yaml"))]) == 7


CHILD = """
resource "docker_container" "box" {
  image      = "ubuntu:24.04"
  name       = "box"
  privileged = true
}
"""


def test_a_local_module_called_from_a_template_is_part_of_the_workspace(tmp_path, monkeypatch):
    """The module alone is ordinary infrastructure; called from a directory that declares an agent, its only
    container is the workspace's."""
    from conftest import write_tree

    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path, {"alone/main.tf": CHILD, "template/box/main.tf": CHILD, "template/main.tf": """
resource "coder_agent" "main" {
  arch = "amd64"
  os   = "linux"
}

module "box" {
  source = "./box"
}
"""})
    report = lint(["."], RunSettings(enabled={"TDL401", "TDL412"}))
    assert [f"{f.span}: {f.rule}" for f in report.active] == ["template/box/main.tf:5:3: TDL412"]
