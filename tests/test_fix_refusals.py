"""Findings whose fix would be a guess or would not read as meant get none (TDL203, TDL304, TDL103, TDL104, TDL407).

The fixtures in tests/fixes/ show each fix where it is right; these are the cases next to them where it is not.
"""

from __future__ import annotations

import pytest

from conftest import TESTS, write_tree
from tfdind_lint.linter import Settings, lint


def fixes(root, rule: str, **settings) -> list:
    """The fix of each active finding of ``rule`` (None where it has none), in report order."""
    report = lint([str(root)], Settings(**settings))
    found = [f.fix for f in report.active if f.rule == rule]
    assert found, f"no {rule} finding"
    return found


# TDL203 ----------------------------------------------------------------------------------------

ENVBOX = """\
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
%s
resource "kubernetes_pod" "main" {
  metadata {
    name = "coder-envbox"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:0.6.2"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = %s
      }
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.dev.init_script
      }
    }
  }
}
"""
APP = """
resource "coder_app" "code" {
  agent_id = coder_agent.%s.id
  slug     = "code"
  url      = "http://localhost:8080"
}
"""


@pytest.mark.parametrize(("extra", "token"), [
    ("", "coder_agent.main.token"),  # neither agent used anywhere else: which one is meant is a guess
    (APP % "main" + APP.replace('"code"', '"term"') % "dev", "coder_agent.main.token"),  # both used elsewhere
])
def test_tdl203_has_no_fix_when_the_agent_meant_is_not_clear(tmp_path, extra, token):
    write_tree(tmp_path, {"main.tf": ENVBOX % (extra, token)})
    assert fixes(tmp_path, "TDL203") == [None]


def test_tdl203_fixture_with_two_unused_agents_and_literals_has_no_fix():
    assert fixes(TESTS / "policies" / "TDL203" / "bad", "TDL203") == [None, None, None]


# TDL304 ----------------------------------------------------------------------------------------

PODMAN = """\
apiVersion: v1
kind: Pod
metadata:
  name: podman
spec:
  containers:
    - name: dev
      image: quay.io/podman/stable
"""


def node_class(user_data: str) -> str:
    return ("apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: workspaces\nspec:\n"
            f"  amiFamily: Bottlerocket\n  userData: {user_data}\n---\n{PODMAN}")


@pytest.mark.parametrize("user_data", [
    '>\n    [settings.kubernetes]\n\n    max-pods = 110\n',  # folded: new lines would join the last one
    '"[settings.kubernetes]\\nmax-pods = 110\\n"',  # a quoted string
    '|\n    [settings]\n    kernel = { lockdown = "integrity" }\n',  # an inline table cannot take a sub-table
    '|\n    [settings.kernel.sysctl]\n    "vm.max_map_count" = "262144"\n',  # a sysctl table: its entry, not a table
])
def test_tdl304_has_no_fix_where_an_appended_table_would_not_read_as_meant(tmp_path, user_data):
    write_tree(tmp_path, {"nodes.yaml": node_class(user_data)})
    assert fixes(tmp_path, "TDL304") == [None]


def test_tdl304_fix_in_a_toml_file_appends_the_table_at_its_end(tmp_path):
    write_tree(tmp_path, {"pod.yaml": PODMAN, "user-data.toml": '[settings.kubernetes]\ncluster-name = "coder"'})
    [fix] = fixes(tmp_path, "TDL304")
    assert fix.safe and [edit.text for edit in fix.edits] == [
        '\n\n[settings.kernel.sysctl]\n"user.max_user_namespaces" = "65536"\n']


def test_tdl304_heredoc_in_another_file_gets_no_fix(tmp_path):
    write_tree(tmp_path, {
        "locals.tf": 'locals {\n  settings = <<-EOT\n    [settings.kubernetes]\n    cluster-name = "coder"\n  EOT\n}\n',
        "main.tf": 'resource "aws_launch_template" "br" {\n  user_data = base64encode(local.settings)\n}\n',
        "pod.yaml": PODMAN})
    assert fixes(tmp_path, "TDL304") == [None]


# TDL103, TDL104 --------------------------------------------------------------------------------

SYSBOX_POD = """\
variable "privileged" {
  type    = bool
  default = true
}

locals {
  host = true
}

resource "kubernetes_pod" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    runtime_class_name = "sysbox-runc"
    host_network       = local.host
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      security_context {
        privileged = var.privileged
      }
    }
  }
}
"""


@pytest.mark.parametrize(("rule", "line"), [("TDL103", 21), ("TDL104", 16)])
def test_a_value_from_a_variable_or_local_is_deleted_where_the_object_sets_it_not_where_it_is_declared(tmp_path, rule,
                                                                                                      line):
    write_tree(tmp_path, {"main.tf": SYSBOX_POD})
    [fix] = fixes(tmp_path, rule)
    assert [(e.span.line, e.span.end_line, e.text) for e in fix.edits] == [(line, line + 1, "")]


def test_tdl103_leaves_a_flow_mapping_to_the_user(tmp_path):
    write_tree(tmp_path, {"pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: dev\nspec:\n"
                                      "  runtimeClassName: sysbox-runc\n  containers:\n    - name: dev\n"
                                      "      image: alpine\n      securityContext: {privileged: true}\n"})
    assert fixes(tmp_path, "TDL103") == [None]


def test_tdl103_fix_is_unsafe_and_names_the_setting_as_written():
    report = lint([str(TESTS / "policies" / "TDL103" / "bad" / "k8s.tf")], Settings())
    [fix] = [f.fix for f in report.active if f.rule == "TDL103"]
    assert not fix.safe and fix.title == "Remove `privileged = true`"


def test_tdl304_leaves_a_flow_style_spec_without_user_data_to_the_user(tmp_path):
    write_tree(tmp_path, {"nodes.yaml": "apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n"
                                        "  name: workspaces\nspec: {amiFamily: Bottlerocket, role: nodes}\n---\n" + PODMAN})
    assert fixes(tmp_path, "TDL304") == [None]


# TDL010, TDL305 --------------------------------------------------------------------------------


def test_tdl010_declares_a_data_source_once_in_the_first_file_that_uses_it(tmp_path):
    write_tree(tmp_path, {
        "a.tf": 'resource "docker_volume" "home" {\n  name = "coder-${data.coder_workspace.me.id}-home"\n}\n',
        "b.tf": 'resource "docker_container" "dev" {\n  name  = data.coder_workspace.me.name\n'
                '  image = "codercom/enterprise-base:ubuntu"\n}\n'})
    report = lint([str(tmp_path)], Settings())
    found = [(f.span.path.rsplit("/", 1)[-1], f.fix) for f in report.active if f.rule == "TDL010"]
    assert [(path, fix is not None) for path, fix in found] == [("a.tf", True), ("b.tf", False)]
    assert [(e.span.line, e.text) for e in found[0][1].edits] == [(1, 'data "coder_workspace" "me" {}\n\n')]


def test_tdl010_has_no_fix_when_something_follows_the_sibling_data_source_on_its_line(tmp_path):
    write_tree(tmp_path, {"main.tf": 'data "coder_provisioner" "me" {} /* shared */\n\n'
                                     'resource "docker_volume" "home" {\n'
                                     '  name = "coder-${data.coder_workspace.me.id}-home"\n}\n'})
    assert fixes(tmp_path, "TDL010") == [None]


@pytest.mark.parametrize("name", ["main.tf", "main.tf.json"])
def test_tdl305_toml_in_a_quoted_string_gets_no_fix(tmp_path, name):
    """Its quotes are written ``\\"`` there: a fix would have to escape what it writes (tests/fixes/TDL305 shows a
    heredoc, where the TOML is written as is and a ``\\"`` is TOML's own)."""
    toml = '[settings.kernel.sysctl]\\n\\"vm.max_map_count\\" = 262144\\nuser.max_user_namespaces = \\"65536\\"\\n'
    text = (f'resource "aws_launch_template" "br" {{\n  user_data = "{toml}"\n}}\n' if name == "main.tf" else
            f'{{"resource": {{"aws_launch_template": {{"br": {{"user_data": "{toml}"}}}}}}}}\n')
    write_tree(tmp_path, {name: text})
    assert fixes(tmp_path, "TDL305") == [None, None]


# TDL407 ----------------------------------------------------------------------------------------

def test_tdl407_has_no_fix_when_the_container_already_has_args():
    """Moving `command` to `args` would write `args` twice (tests/policies/TDL407/more)."""
    assert fixes(TESTS / "policies" / "TDL407" / "more", "TDL407") == [None]
