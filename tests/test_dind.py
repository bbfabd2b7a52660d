"""The 4xx rules as a whole: correct templates stay quiet under every one of them.

Each rule's lines and severities are in its fixtures' ``# expect:`` markers (tests/policies/TDL4nn/), its
related places, subjects and messages in findings.txt (tests/test_policy_fixtures.py).
"""

from __future__ import annotations

import shutil

import pytest

from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

RULES_4XX = {rule for rule in builtin_policies() if rule.startswith("TDL4")}

#: Modelled on the official Coder `docker` template, and the privileged sidecar done right (TDL401's "Use instead").
CLEAN = [
    "tests/policies/TDL404/clean_coder_docker",
    "tests/policies/TDL404/clean_tls_docker",
    "tests/policies/TDL404/clean_tls_k8s",
    "tests/clean_templates",
]


@pytest.mark.parametrize("path", CLEAN)
def test_correct_templates_are_quiet_under_every_4xx_rule(path, in_root):
    report = lint([path], RunSettings(enabled=RULES_4XX | {"TDL900", "TDL999"}))
    assert [f"{f.span}: {f.rule} {f.message}" for f in report.active] == []
    # the privileged sidecars are acknowledged, and the acknowledgement is kept in the report
    assert {f.rule for f in report.findings} <= {"TDL401"}


def test_an_optional_sidecar_wired_right_on_its_branch_is_quiet_under_every_cross_resource_rule(in_root):
    """The branch of a conditional env element and of a dynamic networks_advanced where the sidecar exists is
    checked; wired right there (tests/policies/TDL405/conditional_clean), TDL403 to TDL406 stay quiet."""
    report = lint(["tests/policies/TDL405/conditional_clean"], RunSettings(enabled={"TDL403", "TDL404", "TDL405", "TDL406"}))
    assert [f"{f.span}: {f.rule}" for f in report.active] == []
    # wired wrong (tests/policies/TDL405/conditional), only TDL405 fires, where its marker says
    bad = lint(["tests/policies/TDL405/conditional"], RunSettings(enabled={"TDL403", "TDL404", "TDL406"}))
    assert [f"{f.span}: {f.rule}" for f in bad.active] == []


def test_tdl406_fix_titles(tmp_path, in_root):
    # the titles JSON, SARIF and the editor's code actions show (tests/fixes/TDL406/lifecycles.tf: the edits)
    shutil.copyfile("tests/fixes/TDL406/lifecycles.tf", tmp_path / "main.tf")
    report = lint([str(tmp_path)], RunSettings(enabled={"TDL406"}))
    fixes = [(f.span.line, f.fix and (f.fix.title, [(e.span.line, e.text) for e in f.fix.edits])) for f in report.active]
    assert fixes == [
        # one fix for the container and each reference (`depends_on` names the container itself: no index)
        (10, ("Give docker_container.dind_a the workspace's count",
              [(11, "  count = data.coder_workspace.me.start_count\n\n"), (20, "[0]")])),
        (24, None), (38, None), (63, ("Index the reference with [0]", [(63, "[0]")])), (69, None), (76, None)]


def test_tdl409_fix_titles(tmp_path, in_root):
    shutil.copyfile("tests/fixes/TDL409/names.tf", tmp_path / "main.tf")
    report = lint([str(tmp_path)], RunSettings(enabled={"TDL409"}))
    assert [(f.span.line, f.fix and f.fix.title) for f in report.active] == [
        (9, "Mount an empty_dir volume at /var/lib/docker"), (16, "Mount an empty_dir volume at /var/lib/docker"),
        (24, None), (32, None), (46, None), (69, None)]


def test_tdl405_fix_titles(tmp_path, in_root):
    shutil.copyfile("tests/fixes/TDL405/cases.tf", tmp_path / "main.tf")
    report = lint([str(tmp_path)], RunSettings(enabled={"TDL405"}))
    assert [(f.span.line, f.fix and f.fix.title) for f in report.active] == [
        (22, "Attach `docker_container.workspace_a` to the network"), (30, None), (48, None)]


def test_tdl403_fix_titles(tmp_path, in_root):
    shutil.copyfile("tests/fixes/TDL403/cases.tf", tmp_path / "main.tf")
    report = lint([str(tmp_path)], RunSettings(enabled={"TDL403"}))
    assert [(f.span.line, f.fix and f.fix.title) for f in report.active] == [
        (10, "Prepend tcp://"), (16, None), (22, None)]
