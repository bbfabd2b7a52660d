"""Where the fixes of TDL405, TDL406, TDL503 and TDL505 stay away (no fix rather than a wrong one).

The fixed outputs themselves are the fixture pairs of tests/fixes/<rule>/ (test_fixes.py); these are
the cases those pairs cannot show: a finding that keeps its report but gets no fix.
"""

from __future__ import annotations

from conftest import TESTS
from tfdind_lint.linter import Settings, lint

FIXES = TESTS / "fixes"


def findings(tmp_path, rule, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return [f for f in lint([str(tmp_path)], Settings()).active if f.rule == rule]


def test_tdl405_copies_the_network_as_written_and_gives_no_fix_for_two_different_networks(tmp_path):
    simple = (FIXES / "TDL405" / "simple.tf").read_text()
    variable = simple.replace("name = docker_network.private_network.name", "name = var.net")
    [finding] = findings(tmp_path, "TDL405", {"main.tf": variable + 'variable "net" {\n  default = "n"\n}\n'})
    assert [e.text for e in finding.fix.edits] == ["  networks_advanced {\n    name = var.net\n  }\n"]
    other = simple.replace('  name       = "dind-${data.coder_workspace.me.id}"\n',
                           '  name       = "dind-${data.coder_workspace.me.id}"\n'
                           '  networks_advanced {\n    name = "elsewhere"\n  }\n')
    [finding] = findings(tmp_path, "TDL405", {"main.tf": other})
    assert finding.fix is None


def test_tdl405_edits_only_the_findings_file(tmp_path):
    simple = (FIXES / "TDL405" / "simple.tf").read_text()
    at = simple.index('resource "docker_container" "workspace"')
    [finding] = findings(tmp_path, "TDL405", {"main.tf": simple[:at], "workspace.tf": simple[at:]})
    assert finding.span.path.endswith("workspace.tf") and finding.fix is None  # the dind block is in main.tf


def test_tdl406_gives_no_fix_when_a_reference_outlives_the_workspace(tmp_path):
    seed = (FIXES / "TDL406" / "seed_like.tf").read_text()
    [finding] = findings(tmp_path, "TDL406", {"main.tf": seed + 'output "dind" {\n  value = docker_container.dind.name\n}\n'})
    assert finding.fix is None  # `docker_container.dind[0].name` would fail while the workspace is stopped
    [finding] = findings(tmp_path, "TDL406", {"main.tf": seed})
    assert [e.text for e in finding.fix.edits] == ["  count = local.running\n\n", "[0]"]


def test_tdl406_indexes_only_references_from_blocks_with_the_same_count(tmp_path):
    unindexed = (FIXES / "TDL406" / "unindexed.tf").read_text()
    found = findings(tmp_path, "TDL406", {"main.tf": unindexed})
    assert [(f.span.line, f.fix is not None) for f in found] == [(22, True), (33, False)]


def test_tdl503_does_not_quote_a_delimiter_whose_body_expands(tmp_path):
    script = (FIXES / "TDL503" / "startup_script.tf").read_text()
    [finding] = findings(tmp_path, "TDL503", {"main.tf": script.replace("your workspace", "$HOSTNAME")})
    assert finding.fix is None
    [finding] = findings(tmp_path, "TDL503", {"main.tf": script})
    assert [e.text for e in finding.fix.edits] == ["<<-'  MOTD'"]


def test_tdl505_fixes_only_values_written_in_place(tmp_path):
    manifest = """\
variable "handler" {
  default = "runc"
}

resource "kubernetes_manifest" "sysbox" {
  manifest = {
    apiVersion = "node.k8s.io/v1"
    kind       = "RuntimeClass"
    metadata = {
      name = "sysbox-runc"
    }
    handler = var.handler
    scheduling = {
      nodeSelector = {
        "sysbox-runtime" = "off"
      }
    }
  }
}
"""
    found = findings(tmp_path, "TDL505", {"main.tf": manifest})
    assert [(f.attribute, f.fix is not None) for f in found] == [
        ("handler", False), ("scheduling.nodeSelector.sysbox-runtime", True)]
    [edit] = found[1].fix.edits
    assert (edit.span.line, edit.text) == (15, '"running"')


def test_tdl505_quotes_a_yaml_value_that_would_read_as_a_boolean(tmp_path):
    from tfdind_lint.rules.kubernetes.tdl505_sysbox_runtimeclass_definition import _yaml_scalar

    assert [_yaml_scalar(v) for v in ("running", "yes", "On", "a b", "sysbox-runtime")] == [
        "running", '"yes"', '"On"', '"a b"', "sysbox-runtime"]
