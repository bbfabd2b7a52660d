"""The 4xx rules over the seed page's examples: exactly RULES.md's "Seed-example expectations".

ex11 (dind, Docker): TDL401, TDL402 (0.0.0.0:2375), TDL403, TDL406 (dind lacks count), TDL407
(`entrypoint = ["dockerd", ...]`); passes TDL404, TDL405, TDL409.
ex12 (dind, Kubernetes): TDL401, TDL402 note (loopback), TDL403, TDL407 (`command`), TDL409;
passes TDL408 (`run_as_user = 0`).  No other seed example has a 4xx finding.
"""

from __future__ import annotations

from conftest import ROOT
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

RULES_4XX = {rule for rule in builtin_policies() if rule.startswith("TDL4")}

EXPECTED = {
    ("tests/seed/ex11/main.tf", 10, "TDL406", "warning"),  # resource "docker_container" "dind" {
    ("tests/seed/ex11/main.tf", 12, "TDL401", "warning"),  # privileged = true
    ("tests/seed/ex11/main.tf", 14, "TDL402", "error"),  # "tcp://0.0.0.0:2375"
    ("tests/seed/ex11/main.tf", 14, "TDL407", "warning"),  # entrypoint = ["dockerd", ...]
    ("tests/seed/ex11/main.tf", 27, "TDL403", "warning"),  # "DOCKER_HOST=${docker_container.dind.name}:2375"
    ("tests/seed/ex12/main.tf", 32, "TDL409", "warning"),  # container { (docker-sidecar)
    ("tests/seed/ex12/main.tf", 36, "TDL401", "warning"),  # privileged = true
    ("tests/seed/ex12/main.tf", 39, "TDL402", "note"),  # "tcp://127.0.0.1:2375"
    ("tests/seed/ex12/main.tf", 39, "TDL407", "warning"),  # command = ["dockerd", ...]
    ("tests/seed/ex12/main.tf", 55, "TDL403", "warning"),  # value = "localhost:2375"
}


def test_seed_examples_give_exactly_the_expected_4xx_findings(in_root):
    assert "TDL402" in RULES_4XX and "TDL414" in RULES_4XX
    report = lint([str((ROOT / "tests" / "seed").relative_to(ROOT))], RunSettings(enabled=RULES_4XX | {"TDL999"}))
    found = {(f.span.path, f.span.line, f.rule, str(f.severity)) for f in report.findings}
    assert found == EXPECTED
