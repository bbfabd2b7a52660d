"""Errors and suggestions in one pass: every configuration mistake at once, one "did you mean" everywhere,
suppressions that almost follow the syntax, unknown commands, and explain/rules in the users' words."""

from __future__ import annotations

import pytest

from conftest import SIDECAR_TF, SIDECAR_YAML, write_tree
from tfdind_lint.suggest import closest, distance

SIDECAR = "--select", "TDL401,TDL900"


def test_every_configuration_mistake_is_reported_in_one_run(tmp_path, monkeypatch, cli):
    """Schema errors used to stop the run before the rules and parameters were checked."""
    write_tree(tmp_path, {"main.tf": SIDECAR_TF, ".tfdind-lint.yaml": """\
fail-on: fatal
exlude: [generated]
select: [TDL4, 5, TDL4O1]
rules:
  TDL4O1: {severity: fatal}
  TDL101:
    severity: loud
    parameters:
      runtime: [sysbox-runc]
overrides:
  - ignore: [TDL401]
suppress:
  - rules: [TDL4O2]
"""})
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(".")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "tfdind-lint: error: .tfdind-lint.yaml:1:1: fail-on: `fatal` is not one of: `error`, `warning`, `note`",
        "tfdind-lint: error: .tfdind-lint.yaml:2:1: exlude: unknown key `exlude`; did you mean `exclude`?",
        "tfdind-lint: error: .tfdind-lint.yaml:3:16: select[1]: expected a string, got `5`",
        "tfdind-lint: error: .tfdind-lint.yaml:3:19: select[2]: `TDL4O1` names no rule (an id, a kebab name or a group "
        "prefix such as TDL4); did you mean `TDL401`?",
        "tfdind-lint: error: .tfdind-lint.yaml:5:3: rules.TDL4O1: unknown rule `TDL4O1`; did you mean `TDL401`?",
        "tfdind-lint: error: .tfdind-lint.yaml:5:12: rules.TDL4O1.severity: `fatal` is not one of: `error`, `warning`, `note`",
        "tfdind-lint: error: .tfdind-lint.yaml:7:5: rules.TDL101.severity: `loud` is not one of: `error`, `warning`, `note`",
        "tfdind-lint: error: .tfdind-lint.yaml:9:7: rules.TDL101.parameters.runtime: TDL101 has no parameter `runtime`; "
        "did you mean `runtimes`? (its parameters: docker_default_runtime_is_sysbox, envbox_images, runtimes)",
        "tfdind-lint: error: .tfdind-lint.yaml:11:5: overrides[0]: missing required key `files`",
        "tfdind-lint: error: .tfdind-lint.yaml:13:5: suppress[0]: missing required key `reason`",
        "tfdind-lint: error: .tfdind-lint.yaml:13:13: suppress[0].rules[0]: unknown rule `TDL4O2`; did you mean `TDL402`?",
    ]


def test_did_you_mean_is_nearest_by_edit_distance():
    assert (distance("TDL4O1", "TDL401"), distance("TLD1", "TDL1"), distance("kitten", "sitting")) == (1, 1, 3)
    words = ["TDL401", "TDL411", "TDL402", "privileged-sidecar-unacknowledged", "TDL4"]
    assert closest("tdl4o1", words) == "TDL401"
    assert closest("privileged-sidecar", words) == "privileged-sidecar-unacknowledged"  # a name cut short
    assert closest("privileged-sidecar-unacknowleged", words) == "privileged-sidecar-unacknowledged"
    assert closest("xyz", words) is None


@pytest.mark.parametrize("arguments,message", [
    (("explain", "TDL4O1"), "unknown rule: TDL4O1; did you mean `TDL401`? (see `tfdind-lint rules`)"),
    (("explain", "privileged-sidecar-unacknowleged"),
     "unknown rule: privileged-sidecar-unacknowleged; did you mean `privileged-sidecar-unacknowledged`?"),
    (("--select", "TDL4O1", "."), "unknown rule selector `TDL4O1`; did you mean `TDL401`?"),
    (("--ignore", "TLD4", "."), "unknown rule selector `TLD4`; did you mean `TDL4`?"),
])
def test_did_you_mean_on_the_command_line(tmp_path, monkeypatch, cli, arguments, message):
    write_tree(tmp_path, {"main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(*arguments)
    assert (code, out) == (2, "")
    assert err.startswith(f"tfdind-lint: error: {message}")


SUPPRESSED = SIDECAR_TF.replace("privileged = true", "privileged = true # tfdind-lint: WRITTEN")


REASON_AFTER_HYPHENS = "Suppresses nothing: the reason must follow ` -- `, as in `tfdind-lint: ignore[TDL401] -- build farm`"


@pytest.mark.parametrize("written,message", [
    ("ignore[TDL401] - build farm", REASON_AFTER_HYPHENS),
    ("ignore[TDL401]: build farm", REASON_AFTER_HYPHENS),
    ("ignore[TDL401] \u2014 build farm", REASON_AFTER_HYPHENS),
    ("ignore[TDL4O1] -- build farm", "This suppression names an unknown rule: TDL4O1 (`TDL4O1`: did you mean "
                                     "`TDL401`?; see `tfdind-lint rules`)"),
    ("ignore[TDL4] -- build farm", "`TDL4` is a group prefix, not allowed in a suppression: name the rules, such as "
                                   "`ignore[TDL401] -- <reason>`"),
])
def test_suppressions_that_almost_follow_the_syntax(tmp_path, monkeypatch, cli, written, message):
    write_tree(tmp_path, {"main.tf": SUPPRESSED.replace("WRITTEN", written)})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(*SIDECAR, "--output-format", "concise", ".")
    lines = out.splitlines()
    assert code == 1
    assert f"main.tf:14:21: TDL900 warning: {message}" in lines
    assert any(" TDL401 " in line for line in lines)  # nothing was suppressed


def test_an_annotation_that_almost_follows_the_syntax(tmp_path, monkeypatch, cli):
    text = SIDECAR_YAML.replace("  name: ws\n", "  name: ws\n  annotations:\n    tfdind-lint.io/ignore: \"TDL401: farm\"\n")
    write_tree(tmp_path, {"pod.yaml": text})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(*SIDECAR, "--output-format", "concise", ".")
    assert code == 1
    assert ("pod.yaml:6:5: TDL900 warning: Suppresses nothing: the reason must follow ` -- `, as in "
            "`TDL401 -- farm`") in out.splitlines()


@pytest.mark.parametrize("word", ["help", "init", "lint"])
def test_unknown_commands_list_the_commands(tmp_path, monkeypatch, cli, word):
    monkeypatch.chdir(tmp_path)
    assert cli(word) == (2, "", f"tfdind-lint: error: no such command or path: {word} (commands: check, rules, explain, "
                                "server; a path is linted, as `check PATH` does; see `tfdind-lint --help`)\n")


def test_a_word_that_is_a_command_and_a_path_is_the_command_and_says_so(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"rules/main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("rules")
    assert (code, out.split()[0]) == (0, "TDL000")
    assert err == ("tfdind-lint: note: `rules` is read as the command, not as the path rules; to lint that path, run "
                   "`tfdind-lint check ./rules`\n")
    assert cli("check", *SIDECAR, "./rules")[0] == 1
    assert cli(*SIDECAR, "./rules")[0] == 1


def test_help_lists_the_commands_and_says_a_path_means_check(cli):
    code, out, _ = cli("--help")
    assert code == 0
    assert out.startswith("usage: tfdind-lint [check] [options] [PATH ...]\n       tfdind-lint rules [options]\n"
                          "       tfdind-lint explain RULE\n")
    assert "  check [PATH ...]  lint files and directories (the default: `tfdind-lint PATH` means " in out
    assert "  rules             list the rules" in out and "  explain RULE      print a rule's documentation" in out


def test_explain_and_rules_speak_to_users(cli):
    from tfdind_lint.commands import rules_markdown
    from tfdind_lint.policy import builtin_policies

    for rule in ("TDL401", "TDL002", "TDL007", "TDL000"):
        out = cli("explain", rule)[1]
        assert "Origin:" not in out and "SEED" not in out and "PRIMARY" not in out
    assert cli("explain", "TDL401")[1].splitlines()[2] == (
        "Severity: warning. Based on Coder's page “Docker in Workspaces” "
        "(coder.com/docs/admin/templates/extending-templates/docker-in-workspaces).")
    assert "made exact by primary sources (the projects' own documentation and code, listed under Sources)" in cli(
        "explain", "TDL002")[1]
    assert "Origin:" not in rules_markdown(builtin_policies())
