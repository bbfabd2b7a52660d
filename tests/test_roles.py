"""model/roles.py: image names, systemd as init, where a command is written, which units are Coder workspaces."""

from __future__ import annotations

from conftest import write_tree
from tfdind_lint.context import Context, Unit
from tfdind_lint.linter import lint
from tfdind_lint.model import roles
from tfdind_lint.module import Module
from tfdind_lint.settings import RunSettings
from tfdind_lint.sources import terraform
from tfdind_lint.workload import from_module


def module_of(tmp_path, text: str) -> Module:
    path = tmp_path / "main.tf"
    path.write_text(text)
    return Module.build(str(tmp_path), [terraform.parse_file(str(path), path.read_bytes())])


def containers_of(tmp_path, text: str) -> dict:
    return {c.display_name: c for w in from_module(module_of(tmp_path, text)) for c in w.containers}


def test_image_names_lose_every_docker_hub_prefix(tmp_path):
    found = containers_of(tmp_path, """
resource "docker_container" "a" {
  image = "index.docker.io/library/docker:27-dind"
}

resource "docker_container" "b" {
  image = "docker.io/nestybox/ubuntu-jammy-systemd-docker"
}
""")
    assert [roles.image_name(c) for c in found.values()] == ["docker:27-dind", "nestybox/ubuntu-jammy-systemd-docker"]
    assert roles.is_dind(found["docker_container.a"])


def test_a_commented_out_init_is_not_systemd(tmp_path):
    found = containers_of(tmp_path, """
resource "docker_container" "commented" {
  image   = "ubuntu:24.04"
  command = ["sh", "-c", "  # exec /sbin/init\\nsleep infinity"]
}

resource "docker_container" "init" {
  image   = "ubuntu:24.04"
  command = ["sh", "-c", "echo starting\\nexec /sbin/init"]
}

resource "docker_container" "plain" {
  image = "ubuntu:24.04"
}
""")
    assert roles.execs_systemd(found["docker_container.commented"]) is None
    assert roles.execs_systemd(found["docker_container.init"]).value == "echo starting\nexec /sbin/init"
    assert roles.command_attribute(found["docker_container.init"]) == "command"
    assert roles.command_attribute(found["docker_container.plain"]) == ""


def coder_workspace(tmp_path, text: str) -> bool:
    module = module_of(tmp_path, text)
    unit = Unit(str(tmp_path), module=module, workloads=from_module(module))
    return roles.is_coder_workspace(Context([unit]), unit)


def test_the_coder_provider_under_any_local_name_or_without_a_source(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    assert coder_workspace(tmp_path / "a", """
terraform {
  required_providers {
    coderv2 = {
      source = "registry.terraform.io/Coder/Coder"
    }
  }
}
""")
    assert coder_workspace(tmp_path / "b", """
terraform {
  required_providers {
    coder = {
      version = ">= 2.0.0"
    }
  }
}
""")
    assert not coder_workspace(tmp_path / "c", """
terraform {
  required_providers {
    docker = {
      source = "kreuzwerker/docker"
    }
  }
}
""")


def test_a_module_called_by_a_directory_that_runs_a_coder_image(tmp_path, monkeypatch):
    """The caller declares nothing of Coder's, but its container runs a Coder workspace image: the module it calls
    is part of the workspace."""
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path, {"template/box/main.tf": """
resource "docker_container" "box" {
  image      = "ubuntu:24.04"
  name       = "box"
  privileged = true
}
""", "template/main.tf": """
resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  name  = "workspace"
}

module "box" {
  source = "./box"
}
"""})
    report = lint(["."], RunSettings(enabled={"TDL412"}))
    assert [f"{f.span}: {f.rule}" for f in report.active] == ["template/box/main.tf:5:3: TDL412"]
