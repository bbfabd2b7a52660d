"""The 4xx rules as a whole: correct templates stay quiet, severities and related places are right."""

from __future__ import annotations

import pytest

from tfdind_lint.linter import lint

from tfdind_lint.settings import RunSettings
from tfdind_lint.policy import builtin_policies

RULES_4XX = {rule for rule in builtin_policies() if rule.startswith("TDL4")}

#: Modelled on the official Coder `docker` template, and the privileged sidecar done right (RULES.md's "Fixed").
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


def _findings(path: str, rule: str):
    report = lint([path], RunSettings(enabled={rule}))
    return {(f.span.line, str(f.severity)): f for f in report.active}


def test_tdl402_loopback_is_a_note(in_root):
    found = _findings("tests/policies/TDL402/k8s", "TDL402")
    assert sorted(found) == [(15, "note"), (56, "error")]


def test_tdl404_names_the_listener_and_downgrades_for_custom_images(in_root):
    loopback = _findings("tests/policies/TDL404/docker_loopback", "TDL404")[(21, "error")]
    assert [(r.span.line, r.message) for r in loopback.related] == [
        (12, "the Docker daemon listens on `tcp://127.0.0.1:2375`")]
    assert list(_findings("tests/policies/TDL404/docker_custom_image", "TDL404")) == [(22, "warning")]


def test_findings_inside_scripts_belong_to_their_resource(in_root):
    report = lint(["tests/policies/TDL411/terraform"], RunSettings(enabled={"TDL411"}))
    assert [(f.span.line, f.subject) for f in report.active] == [
        (9, "coder_agent.main"), (16, "coder_script.docker"), (25, "docker_container.workspace")]


def test_an_optional_sidecar_wired_right_on_its_branch_is_quiet_under_every_cross_resource_rule(in_root):
    """The branch of a conditional env element and of a dynamic networks_advanced where the sidecar exists is
    checked; wired right there (tests/policies/TDL405/conditional_clean), TDL403 to TDL406 stay quiet."""
    report = lint(["tests/policies/TDL405/conditional_clean"], RunSettings(enabled={"TDL403", "TDL404", "TDL405", "TDL406"}))
    assert [f"{f.span}: {f.rule}" for f in report.active] == []
    bad = lint(["tests/policies/TDL405/conditional"], RunSettings(enabled={"TDL403", "TDL404", "TDL405", "TDL406"}))
    assert [f"{f.span}: {f.rule}" for f in bad.active] == ["tests/policies/TDL405/conditional/main.tf:45:25: TDL405"]
