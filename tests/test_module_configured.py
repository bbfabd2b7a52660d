"""Module.configured: the value a resource's configuration gives the attribute a reference reads."""

from __future__ import annotations

from tfdind_lint.expression import references_in
from tfdind_lint.module import Module
from tfdind_lint.node import Unknown
from tfdind_lint.sources import terraform

TEXT = '''
variable "suffix" {
  default = "docker"
}
data "coder_workspace" "me" {}
resource "docker_volume" "static" {
  name = "cache-${var.suffix}"
}
resource "docker_volume" "per_workspace" {
  name = "coder-${data.coder_workspace.me.id}-docker"
}
resource "docker_volume" "generated" {}
resource "kubernetes_persistent_volume_claim" "home" {
  metadata {
    name = "home"
  }
}
locals {
  static        = docker_volume.static.name
  per_workspace = docker_volume.per_workspace.name
  generated     = docker_volume.generated.name
  legacy_index  = kubernetes_persistent_volume_claim.home.metadata.0.name
  index         = kubernetes_persistent_volume_claim.home.metadata[0].name
  missing       = docker_volume.nowhere.name
  variable      = var.suffix
}
'''


MODULE = Module.build("m", [terraform.parse_file("m/main.tf", TEXT.encode())])


def configured(local: str):
    """What the configuration sets for the one reference of ``local.<local>``."""
    (reference,) = references_in(MODULE.locals[local])
    node = MODULE.configured(reference)
    return None if node is None else node.value


def test_literal_and_evaluated_names():
    assert configured("static") == "cache-docker"
    assert configured("legacy_index") == "home"
    assert configured("index") == "home"


def test_unknown_or_absent():
    value = configured("per_workspace")
    assert isinstance(value, Unknown) and value.text == '"coder-${data.coder_workspace.me.id}-docker"'
    assert configured("generated") is None  # the provider computes it
    assert configured("missing") is None  # no such resource


def test_not_a_resource_reference():
    assert configured("variable") is None
