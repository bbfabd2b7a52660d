"""The 2xx (envbox) rules where the per-rule fixtures cannot show it: shared helpers, and the fixes' titles
(what an editor offers; the fix fixtures compare only the edited files)."""

from __future__ import annotations

import shutil

import pytest
from test_policy_fixtures import rule_findings

from conftest import TESTS
from tfdind_lint.linter import Settings, lint
from tfdind_lint.rules.envbox.helpers import normal_path


def test_normal_path_folds_trailing_and_double_slashes():
    assert normal_path("/home/coder/") == "/home/coder"
    assert normal_path("/var//lib/docker") == "/var/lib/docker"


def test_normal_path_keeps_an_empty_path_empty():
    # posixpath.normpath("") is "."; an empty mount path or CODER_MOUNTS source must not become the current directory
    assert normal_path("") == ""


PRIVILEGED = "Make the envbox container privileged"


@pytest.mark.parametrize("case, fixes", [
    ("TDL201/envbox.tf", [(12, PRIVILEGED), (35, PRIVILEGED), (41, PRIVILEGED)]),
    ("TDL201/pods.yaml", [(22, PRIVILEGED)]),
    ("TDL201/security_context.tf", [(7, PRIVILEGED)]),  # not the one-line block of line 19
    ("TDL203/other_runs_elsewhere_crlf.tf", [(36, "Use `coder_agent.dev.token`")]),
    ("TDL203/stray_agent.tf", [(36, "Use `coder_agent.main.init_script`")]),
    ("TDL203/stray_token.tf", [(25, "Use `coder_agent.main.token`")]),
    ("TDL203/runs_elsewhere_token.tf", [(19, "Use `coder_agent.dev.token`")]),
    ("TDL203/runs_elsewhere_script.tf", [(31, "Use `coder_agent.dev.token`")]),
    ("TDL206/docker_env.tf", [(6, "Write true"), (7, "Write false")]),
    ("TDL206/docker_env.tf.json", [(8, "Write false"), (8, "Write true")]),
    ("TDL206/pod.yaml", [(14, "Write true"), (16, "Write true")]),
    ("TDL206/unquoted.yaml", [(14, "Write true"), (16, "Write false")]),
])
def test_fix_titles(case, fixes, tmp_path):
    source = TESTS / "fixes" / case
    shutil.copyfile(source, tmp_path / source.name)
    rule = source.parent.name
    found = lint([str(tmp_path)], Settings()).active
    assert sorted((f.span.line, f.fix.title) for f in found if f.rule == rule and f.fix is not None) == fixes
    assert all(f.fix.safety == "safe" for f in found if f.rule == rule and f.fix is not None)


WRITE_TRUE = "Write true"


@pytest.mark.parametrize("rule, offered", [
    ("TDL201", [("bad/main.tf", 12, PRIVILEGED), ("bad/main.tf", 35, PRIVILEGED), ("bad/main.tf", 41, PRIVILEGED),
                ("bad/pod.yaml", 22, PRIVILEGED), ("mixed/main.tf", 16, PRIVILEGED), ("mixed/main.tf", 32, PRIVILEGED),
                ("param_envbox_images/pod.yaml", 22, PRIVILEGED)]),
    # none for two agents both used elsewhere (bad, more: `depends_on` counts) or a script of two agents (more)
    ("TDL203", [("stray/main.tf", 37, "Use `coder_agent.main.init_script`")]),
    ("TDL206", [("bad/main.tf", 9, WRITE_TRUE), ("bad/main.tf", 10, WRITE_TRUE), ("bad/pod.yaml", 15, WRITE_TRUE),
                ("param_envbox_images/pod.yaml", 16, WRITE_TRUE)]),
])
def test_which_policy_fixture_findings_offer_a_fix(rule, offered, in_root):
    """The per-rule snapshots leave fixes out: which findings offer one, and its title."""
    directory = TESTS / "policies" / rule
    found = rule_findings(directory)
    prefix = f"{directory.relative_to(in_root).as_posix()}/"
    assert sorted((f.span.path.removeprefix(prefix), f.span.line, f.fix.title) for f in found if f.fix) == offered
