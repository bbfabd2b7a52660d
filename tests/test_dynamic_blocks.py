"""Dynamic blocks with a known for_each are expanded in the model (Module.expand), for every rule at once."""

from __future__ import annotations

import textwrap

import pytest

from tfdind_lint.module import Module
from tfdind_lint.sources.terraform import parse_file as parse_tf
from tfdind_lint.workload import from_module

HEAD = """
variable "on" {
  default = true
}
variable "off" {
  default = false
}
variable "free" {
  type = list(string)
}
variable "paths" {
  default = ["/a", "/b"]
}
locals {
  sockets = var.on ? toset(["/var/run/docker.sock"]) : toset([])
  named   = { cache = "/cache", home = "/home/coder" }
}
"""


def container(mounts: str):
    text = HEAD + f'resource "docker_container" "w" {{\n  image = "x"\n{textwrap.indent(mounts, "  ")}\n}}\n'
    module = Module.build("m", [parse_tf("m/main.tf", text.encode())])
    (workload,) = from_module(module)
    return workload.containers[0]


def dynamic(for_each: str, source: str = "volumes.value", iterator: str = "") -> str:
    return (f'dynamic "volumes" {{\n  for_each = {for_each}\n{iterator}  content {{\n'
            f'    host_path      = {source}\n    container_path = "/mnt"\n  }}\n}}')


@pytest.mark.parametrize(("for_each", "sources", "open_"), [
    ('["/a"]', ["/a"], False),  # a literal
    ('toset(["/a", "/b"])', ["/a", "/b"], False),
    ("local.sockets", ["/var/run/docker.sock"], True),  # a conditional on a variable's default: known, may change
    ('var.off ? ["/x"] : []', [], True),
    ("var.paths", ["/a", "/b"], True),
    ('concat(["/a"], tolist(["/b"]))', ["/a", "/b"], False),
    ("var.free", [], True),  # unknown: nothing listed, the list is open
    ('[for p in var.paths : p]', [], True),  # a for expression is not evaluated
])
def test_for_each_forms(for_each, sources, open_):
    c = container(dynamic(for_each))
    assert [m.volume.source.value for m in c.mounts] == sources
    assert c.mounts_open is open_


def test_a_map_binds_key_and_value_and_an_iterator_renames_them():
    c = container(dynamic("local.named", source='"${v.key}:${v.value}"', iterator="  iterator = v\n"))
    assert [m.volume.source.value for m in c.mounts] == ["cache:/cache", "home:/home/coder"]
    assert c.mounts[0].span.line == c.mounts[1].span.line  # both point at the dynamic block


def test_a_list_binds_the_index_as_key():
    c = container(dynamic('["/a", "/b"]', source='"${volumes.key}"'))
    assert [m.volume.source.value for m in c.mounts] == ["0", "1"]


def test_an_unbound_iterator_stays_unknown():
    c = container(dynamic('["/a"]', source="other.value"))
    assert c.mounts[0].volume is None or not c.mounts[0].volume.source.known


def test_a_dynamic_block_inside_another_sees_both_iterators():
    text = HEAD + """
resource "kubernetes_pod" "p" {
  metadata {
    name = "p"
  }
  spec {
    dynamic "container" {
      for_each = { dev = ["/var/run/docker.sock"] }
      content {
        name  = container.key
        image = "x"
        dynamic "volume_mount" {
          for_each = container.value
          content {
            name       = "${container.key}-sock"
            mount_path = volume_mount.value
          }
        }
      }
    }
  }
}
"""
    module = Module.build("m", [parse_tf("m/main.tf", text.encode())])
    (workload,) = from_module(module)
    (c,) = workload.containers
    assert c.name.value == "dev"
    inner = next(i for i, line in enumerate(text.split("\n"), 1) if 'dynamic "volume_mount"' in line)
    assert [(m.path.value, m.span.line) for m in c.mounts] == [("/var/run/docker.sock", inner)]
    assert not c.mounts_open
