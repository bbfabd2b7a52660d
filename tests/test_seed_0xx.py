"""The seed examples against RULES.md's "Seed-example expectations" table, for rules TDL002-TDL009.

Each row is (file, line, rule, severity); the run must produce exactly these
findings of these rules, and nothing else from them.
"""

from __future__ import annotations

import pytest

from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

RULES = {"TDL002", "TDL003", "TDL004", "TDL005", "TDL006", "TDL007", "TDL008", "TDL009"}

EXPECTED = {
    # ex00 (Sysbox/Docker fragment): owner with coder unpinned, no count, coder and docker not required
    "ex00": [
        ("tests/seed/ex00/main.tf", 1, "TDL005", "warning"),  # docker_container.workspace without count
        ("tests/seed/ex00/main.tf", 1, "TDL007", "error"),  # docker
        ("tests/seed/ex00/main.tf", 3, "TDL002", "error"),  # data.coder_workspace.me.owner
        ("tests/seed/ex00/main.tf", 11, "TDL007", "error"),  # coder
    ],
    # ex01 (Sysbox/K8s): passes TDL003 with the exact 2.16.0 pin
    "ex01": [
        ("tests/seed/ex01/main.tf", 33, "TDL002", "error"),
        ("tests/seed/ex01/main.tf", 33, "TDL004", "warning"),
    ],
    # ex11 (dind/Docker): the dind container's missing count is TDL406's, not TDL005's
    "ex11": [
        ("tests/seed/ex11/main.tf", 1, "TDL007", "error"),  # coder
        ("tests/seed/ex11/main.tf", 6, "TDL007", "error"),  # docker
    ],
    # ex12 (dind/K8s): workspaces_namespace declared, var.namespace used
    "ex12": [
        ("tests/seed/ex12/main.tf", 13, "TDL008", "note"),
        ("tests/seed/ex12/main.tf", 27, "TDL002", "error"),
        ("tests/seed/ex12/main.tf", 27, "TDL004", "warning"),
    ],
    # ex13 (systemd/Sysbox/K8s): the agent's init script inside the <<EOF command still counts
    "ex13": [
        ("tests/seed/ex13/main.tf", 28, "TDL002", "error"),
        ("tests/seed/ex13/main.tf", 28, "TDL004", "warning"),
    ],
}


@pytest.mark.parametrize("example", sorted(EXPECTED))
def test_seed_example(example, in_root):
    report = lint([f"tests/seed/{example}"], RunSettings(enabled=RULES))
    found = sorted((f.span.path, f.span.line, f.rule, str(f.severity)) for f in report.findings)
    assert found == sorted(EXPECTED[example])


def test_ex12_unused_variable_names_the_misspelt_reference(in_root):
    report = lint(["tests/seed/ex12"], RunSettings(enabled={"TDL008"}))
    (finding,) = report.findings
    assert [(r.span.line, r.span.column, r.message) for r in finding.related] == [
        (28, 17, "`var.namespace` is not declared: probably meant `var.workspaces_namespace`")]
