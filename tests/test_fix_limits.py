"""Where a fix must not be offered (the finding stays, without a fix), and the list edits the fixes build on.

The fixture pairs in tests/fixes/ show what the fixes do; these cases show where they stop.
"""

from __future__ import annotations

from tfdind_lint import edits
from tfdind_lint.linter import lint
from tfdind_lint.node import Node, Span
from tfdind_lint.settings import RunSettings

CODER = 'data "coder_workspace" "me" {}\ndata "coder_workspace_owner" "me" {}\n'


def findings(tmp_path, rule, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return {(f.span.line, f.attribute): f.fix for f in lint([str(tmp_path)], RunSettings(enabled={rule})).findings
            if f.rule == rule}


def test_tdl004_fixes_pod_names_only_not_persistent_objects_claims_or_locals(tmp_path):
    found = findings(tmp_path, "TDL004", {"main.tf": CODER + '''
locals {
  name = "coder-${data.coder_workspace.me.name}"
}

resource "kubernetes_persistent_volume_claim_v1" "home" {
  metadata {
    name = "home-${data.coder_workspace_owner.me.name}"
  }
}

resource "kubernetes_pod" "main" {
  metadata {
    name = local.name
  }
  spec {
    volume {
      name = "home"
      persistent_volume_claim {
        claim_name = "home-${data.coder_workspace_owner.me.name}"
      }
    }
  }
}

resource "kubernetes_pod" "tools" {
  metadata {
    name = "tools-${data.coder_workspace.me.name}"
  }
}
'''})
    assert set(found) == {(10, "metadata.name"), (16, "metadata.name"), (22, "spec.volume.persistent_volume_claim.claim_name"),
                          (30, "metadata.name")}
    assert [key for key, fix in found.items() if fix is not None] == [(30, "metadata.name")]
    assert found[(30, "metadata.name")].edits[0].text == "lower(data.coder_workspace.me.name)"


def test_tdl006_has_no_fix_when_the_container_runs_two_agents_scripts(tmp_path):
    agents = ''.join(f'resource "coder_agent" "{n}" {{\n  os   = "linux"\n  arch = "amd64"\n}}\n' for n in ("a", "b"))
    found = findings(tmp_path, "TDL006", {"main.tf": CODER + agents + '''
resource "docker_container" "both" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", "${coder_agent.a.init_script} & ${coder_agent.b.init_script}"]
}

resource "docker_container" "one" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.b.init_script]
}
'''})
    assert sorted((line, fix is not None) for (line, _), fix in found.items()) == [(12, False), (17, True)]


def test_tdl001_offers_no_fix_when_two_declared_variables_are_unreferenced(tmp_path):
    found = findings(tmp_path, "TDL001", {"main.tf": '''
variable "workspaces_namespace" {}
variable "namespace_prefix" {}

resource "kubernetes_namespace" "ns" {
  metadata {
    name = var.namespace
  }
}
'''})
    assert list(found.values()) == [None]


def test_tdl003_leaves_constraints_of_other_files_and_upper_bounds_below_2_16(tmp_path):
    pod = '''
resource "kubernetes_pod" "main" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
  }
}
'''
    versions = 'terraform {\n  required_providers {\n    kubernetes = {\n      source  = "hashicorp/kubernetes"\n' \
               '      version = "%s"\n    }\n  }\n}\n'
    (tmp_path / "split").mkdir()
    assert list(findings(tmp_path / "split", "TDL003", {"versions.tf": versions % "~> 2.12", "main.tf": pod}).values()) == [None]
    (tmp_path / "capped").mkdir()
    assert list(findings(tmp_path / "capped", "TDL003", {"main.tf": versions % ">= 2.0, < 2.14" + pod}).values()) == [None]
    (tmp_path / "here").mkdir()
    [fix] = findings(tmp_path / "here", "TDL003", {"main.tf": versions % "> 2.1" + pod}).values()
    assert fix.edits[0].text == ">= 2.16.0" and not fix.safe


def test_tdl603_has_no_fix_for_an_export_in_a_script(tmp_path):
    found = findings(tmp_path, "TDL603", {"main.tf": CODER + '''
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "export CODER_AGENT_DEVCONTAINERS_ENABLE=false"
}

resource "coder_devcontainer" "repo" {
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}
'''})
    assert list(found.values()) == [None]


def at(text: edits.Text, start: int, end: int) -> Span:
    return text.span(start, end)


def test_delete_item_takes_the_item_with_one_separator():
    text = edits.Text("f.tf", 'env = ["A=1", "B=2", "C=3"]\n')
    items = [Node(v, at(text, text.text.index(f'"{v}"'), text.text.index(f'"{v}"') + 5)) for v in ("A=1", "B=2", "C=3")]
    listed = Node(items, at(text, 6, 27))

    def without(index):
        edit = edits.delete_item(text, listed, items[index].span)
        start, end = text.range(edit.span)
        return text.text[:start] + edit.text + text.text[end:]

    assert without(0) == 'env = ["B=2", "C=3"]\n'
    assert without(1) == 'env = ["A=1", "C=3"]\n'
    assert without(2) == 'env = ["A=1", "B=2"]\n'
    only = edits.Text("f.tf", 'env = ["A=1"]\n')
    item = Node("A=1", at(only, 7, 12))
    edit = edits.delete_item(only, Node([item], at(only, 6, 13)), item.span)
    assert (edit.span.column, edit.span.end_column, edit.text) == (8, 13, "")


def test_delete_lines_keeps_a_line_shared_with_other_code():
    text = edits.Text("f.tf", "a {\n  b = 1 }\n")
    assert edits.delete_lines(text, Span("f.tf", 2, 3, 2, 8)) is None
    lines = edits.Text("f.tf", "a {\n  b = 1 # why\n  c = 2\n}\n")
    edit = edits.delete_lines(lines, Span("f.tf", 2, 3, 2, 8))
    assert (edit.span.line, edit.span.column, edit.span.end_line, edit.span.end_column) == (2, 1, 3, 1)


def test_tdl603_removes_the_variable_from_the_env_map_of_the_agent_a_container_runs(tmp_path):
    found = findings(tmp_path, "TDL603", {"main.tf": CODER + '''
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    CODER_AGENT_DEVCONTAINERS_ENABLE = "false"
  }
}

resource "coder_devcontainer" "repo" {
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
'''})
    [fix] = found.values()
    [edit] = fix.edits
    assert (edit.span.line, edit.span.end_line, edit.text) == (8, 9, "")
