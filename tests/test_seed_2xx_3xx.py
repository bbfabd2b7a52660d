"""The 2xx (envbox) and 3xx (Podman, Bottlerocket) rules on the seed page's examples and on Coder's templates.

RULES.md "Seed-example expectations": ex03 passes TDL207; ex04 (the FUSE DaemonSet
from the shell heredoc) gets TDL302 (c) and (d) when a workspace that requests the
FUSE resource is in scope; ex08 and ex10 give no finding.  The Terraform seed
examples (Sysbox, dind) are none of these rules' business.  The clean templates
modelled on kubernetes-envbox, envbox-docker and kubernetes-podman (tests/clean_templates)
stay quiet, each alone and all together.
"""

from __future__ import annotations

import textwrap

import pytest

from conftest import ROOT, line_of
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

RULES = {rule for rule in builtin_policies() if rule.startswith(("TDL2", "TDL3"))}
SEED = "tests/seed"
PODMAN = "tests/clean_templates/kubernetes-podman"
#: ex04's findings when a workspace requests the FUSE resource
EX04_WITH_A_WORKSPACE = {
    ("tests/seed/ex04/fuse-device-plugin.yaml", 14, "TDL302", "spec:"),  # (c) the pod template's: no nodeSelector
    ("tests/seed/ex04/fuse-device-plugin.yaml", 31, "TDL302", "- name: registry-secret"),  # (d) defined nowhere
}


def findings(*paths: str) -> set[tuple[str, int, str, str]]:
    """(file, line, rule, what that line says) of each finding."""
    report = lint(list(paths), RunSettings(enabled=RULES))
    return {(f.span.path, f.span.line, f.rule, line_of(f.span)) for f in report.active}


def test_rules_are_the_2xx_and_3xx_groups():
    assert {"TDL201", "TDL202", "TDL203", "TDL204", "TDL205", "TDL206", "TDL207",
                     "TDL301", "TDL302", "TDL303", "TDL304", "TDL305"} == RULES


@pytest.mark.parametrize("example", ["ex00", "ex01", "ex03", "ex04", "ex08", "ex10", "ex11", "ex12", "ex13"])
def test_each_seed_example_alone_passes(example, in_root):
    # ex04 alone: no workspace in scope, so TDL302 (which needs both sides) says nothing
    assert findings(f"{SEED}/{example}") == set()


def test_ex04_with_a_workspace_requesting_fuse(in_root):
    assert findings(f"{SEED}/ex04", PODMAN) == EX04_WITH_A_WORKSPACE


def test_ex04_advertises_github_com_fuse_only(in_root, tmp_path):
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(textwrap.dedent("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: podman
          annotations:
            container.apparmor.security.beta.kubernetes.io/dev: unconfined
        spec:
          containers:
            - name: dev
              image: quay.io/podman/stable
              resources:
                limits:
                  smarter-devices/fuse: 1
        """))
    report = lint([f"{SEED}/ex04", str(workspace)], RunSettings(enabled={"TDL302"}))
    mismatch = [f for f in report.active if f.span.path == str(workspace)]
    assert [(f.span.line, f.span.column) for f in mismatch] == [(13, 11)]
    assert "`soolaugust/fuse-device-plugin:v1.0` advertises `github.com/fuse`" in mismatch[0].hint
    assert mismatch[0].related[0].span.path == "tests/seed/ex04/fuse-device-plugin.yaml"
    assert line_of(mismatch[0].related[0].span) == "image: soolaugust/fuse-device-plugin:v1.0"


def test_ex08_and_ex10_next_to_podman_workspaces(in_root):
    # both TOML spellings set user.max_user_namespaces = "65536"; ex10 is a fragment (`# …`)
    assert findings(f"{SEED}/ex08", f"{SEED}/ex10", PODMAN) == set()


def test_ex03_inside_an_envbox_pod_passes_tdl207(in_root, tmp_path):
    snippet = (ROOT / SEED / "ex03" / "main.tf").read_text(encoding="utf-8")
    (tmp_path / "main.tf").write_text(
        'resource "kubernetes_pod" "main" {\n'
        "  metadata {\n    name = \"envbox\"\n  }\n"
        "  spec {\n    container {\n"
        '      name    = "dev"\n      image   = "ghcr.io/coder/envbox:0.6.2"\n'
        '      command = ["/envbox", "docker"]\n'
        + textwrap.indent(snippet, "      ")
        + "    }\n  }\n}\n",
        encoding="utf-8",
    )
    report = lint([str(tmp_path)], RunSettings(enabled={"TDL207"}))
    assert report.active == []


def test_all_seed_examples_and_clean_templates_together(in_root):
    assert findings(SEED, "tests/clean_templates") == EX04_WITH_A_WORKSPACE


@pytest.mark.parametrize("template", ["kubernetes-envbox", "envbox-docker", "kubernetes-podman"])
def test_clean_templates_stay_quiet(template, in_root):
    assert findings(f"tests/clean_templates/{template}") == set()
