"""Rule selection on the command line, exit codes under --fail-on and --exit-zero, --statistics."""

from __future__ import annotations

import json

import pytest

from conftest import SIDECAR_TF, write_tree

#: TDL401 (warning) at main.tf:14 and TDL412 (error) at agent.tf:9, TDL900 (warning) at agent.tf:9
AGENT_TF = """\
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  name       = "dev"
  privileged = true # tfdind-lint: ignore[TDL412]
  command    = ["sh", "-c", coder_agent.main.init_script]
}
"""
DISABLED_POLICY = """\
id: ACME100
name: strict-pinning
severity: note
summary: An optional house rule, off unless selected by its id or name.
origin: custom
enabled: false
files: [terraform]
check: image-pattern
parameters:
  require: ["*@sha256:*"]
help: Pin images by digest.
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    write_tree(tmp_path, {"sidecar/main.tf": SIDECAR_TF, "agent/agent.tf": AGENT_TF, "p/strict.yaml": DISABLED_POLICY})
    monkeypatch.chdir(tmp_path)
    return tmp_path


#: the rules these tests look at (other rules' findings on the same templates are not their business)
WATCHED = {"TDL000", "TDL401", "TDL412", "TDL900", "ACME100"}


def rules_of(out: str) -> list[str]:
    return [f["rule"] for f in json.loads(out)["findings"] if f["suppressed"] is None and f["rule"] in WATCHED]


@pytest.mark.parametrize(("arguments", "expected"), [
    ((), ["TDL412", "TDL900", "TDL401"]),
    (("--select", "TDL401"), ["TDL401"]),
    (("--select", "privileged-sidecar-unacknowledged"), ["TDL401"]),
    (("--select", "TDL4"), ["TDL412", "TDL401"]),
    (("--select", "TDL401,TDL412"), ["TDL412", "TDL401"]),
    (("--select", "TDL401", "--select", "tdl412"), ["TDL412", "TDL401"]),
    (("--ignore", "TDL4"), ["TDL900"]),
    (("--select", "TDL4", "--ignore", "TDL412"), ["TDL401"]),
    (("--select", "TDL900", "--extend-select", "TDL401"), ["TDL900", "TDL401"]),
])
def test_select_ignore_extend_select(repo, cli, arguments, expected):
    code, out, _ = cli("--format", "json", *arguments, ".")
    assert (code, rules_of(out)) == (1, expected)


def test_a_prefix_selects_only_rules_enabled_by_default(repo, cli):
    assert rules_of(cli("--policy-dir", "p", "--format", "json", "--select", "ACME", ".")[1]) == []
    assert rules_of(cli("--policy-dir", "p", "--format", "json", "--select", "ACME100", ".")[1]) == ["ACME100", "ACME100", "ACME100"]
    assert rules_of(cli("--policy-dir", "p", "--format", "json", "--select", "TDL401",
                        "--extend-select", "strict-pinning", ".")[1]) == ["ACME100", "ACME100", "ACME100", "TDL401"]


def test_unknown_selectors_are_usage_errors(repo, cli):
    assert cli("--select", "TDL4,privileged-sidecar", ".") == (
        2, "", "tfdind-lint: error: unknown rule selector `privileged-sidecar`; did you mean "
               "`privileged-sidecar-unacknowledged`? (see `tfdind-lint rules`)\n")


def test_parse_errors_are_always_reported(repo, cli):
    write_tree(repo, {"broken/main.tf": 'resource "x" "y" {\n'})
    code, out, _ = cli("--format", "json", "--select", "TDL401", "broken", "sidecar")
    assert (code, rules_of(out)) == (1, ["TDL000", "TDL401"])


@pytest.mark.parametrize(("arguments", "code"), [
    ((), 1),
    (("--fail-on", "note"), 1),
    (("--fail-on", "warning"), 1),
    (("--fail-on", "error"), 0),  # TDL401 is a warning
    (("--exit-zero",), 0),
])
def test_exit_codes_for_warnings(repo, cli, arguments, code):
    assert cli("--select", "TDL401", *arguments, "sidecar")[0] == code


def test_exit_codes_follow_configured_severities(repo, cli):
    write_tree(repo, {".tfdind-lint.yaml": "select: [TDL401, TDL412]\nfail-on: warning\nrules:\n  TDL401: {severity: note}\n"})
    assert cli("sidecar")[0] == 0  # a note, under fail-on: warning
    assert cli("--fail-on", "note", "sidecar")[0] == 1  # the command line wins
    assert cli("agent")[0] == 1  # TDL412 is an error


def test_statistics(repo, cli):
    code, out, _ = cli("--statistics", "--select", "TDL401,TDL412,TDL900", ".")
    assert (code, out) == (1, "1  TDL401  privileged-sidecar-unacknowledged\n"
                              "1  TDL412  privileged-workspace-container\n"
                              "1  TDL900  invalid-suppression\n"
                              "Found 3 findings (1 error, 2 warnings, 0 notes) in 2 of 2 files.\n")
    code, out, _ = cli("--statistics", "--format", "json", "--select", "TDL4", ".")
    assert json.loads(out) == [{"rule": "TDL401", "name": "privileged-sidecar-unacknowledged", "count": 1},
                               {"rule": "TDL412", "name": "privileged-workspace-container", "count": 1}]
    assert cli("--statistics", "--format", "sarif", ".") == (
        2, "", "tfdind-lint: error: --statistics prints text or json, not sarif\n")
