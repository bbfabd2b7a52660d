"""The 1xx (sysbox) rules where the per-rule fixtures cannot show it: the fixes' titles (what an editor offers;
the fix fixtures compare only the edited files)."""

from __future__ import annotations

import shutil

import pytest

from conftest import TESTS
from tfdind_lint.linter import Settings, lint


@pytest.mark.parametrize("case, fixes", [
    ("TDL104/deployment_crlf.tf", [(16, "Remove `host_network = true`"), (17, "Remove `host_ipc = true`")]),
    ("TDL104/docker.tf", [(5, 'Remove `network_mode = "host"`'), (6, 'Remove `pid_mode = "host"`')]),
    ("TDL104/statefulset.yaml", [(14, "Remove `hostPID: true`")]),
])
def test_fix_titles(case, fixes, tmp_path):
    source = TESTS / "fixes" / case
    shutil.copyfile(source, tmp_path / source.name)
    rule = source.parent.name
    found = lint([str(tmp_path)], Settings()).active
    assert sorted((f.span.line, f.fix.title) for f in found if f.rule == rule and f.fix is not None) == fixes
