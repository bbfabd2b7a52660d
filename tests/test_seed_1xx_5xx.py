"""The seed examples against the 1xx (Sysbox) and 5xx (manifests, systemd) rules: RULES.md "Seed-example expectations".

ex00 passes TDL101; ex01 passes TDL102 (TDL107 only when enabled); ex12 has nothing
for these groups; ex13 passes TDL501/502/503 exactly because of `run_as_user = 0`,
`--preserve-env` and Terraform `<<EOF` around the shell's `<<-'    EOT'`: each
variant below breaks one of the three and gets exactly that finding.
"""

from __future__ import annotations

import pytest

from conftest import TESTS, line_of
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

RULES = {rule for rule in builtin_policies() if rule.startswith(("TDL1", "TDL5"))}
DEFAULT = {rule for rule in RULES if builtin_policies()[rule].enabled}
SEED = TESTS / "seed"

#: seed example -> (rule, the line it points at) of every 1xx / 5xx finding with the default policies ("passes": empty)
EXPECTED = {
    "ex00": set(),
    "ex01": set(),
    "ex12": set(),
    "ex13": set(),
}

#: TDL107 is opt-in: enabled, it notes the CRI-O-only annotation of the Terraform Sysbox pods
WITH_TDL107 = {
    "ex00": set(),
    "ex01": {("TDL107", '"io.kubernetes.cri-o.userns-mode" = "auto:size=65536"')},
    "ex12": set(),
    "ex13": {("TDL107", '"io.kubernetes.cri-o.userns-mode" = "auto:size=65536"')},
}

#: ex13 with one of its three load-bearing details changed -> the one finding it gets
EX13_VARIANTS = {
    "non-root": (("run_as_user = 0", "run_as_user = 1000"), {("TDL501", "run_as_user = 1000")}),
    "no --preserve-env": ((" --preserve-env=CODER_AGENT_TOKEN", ""),
                          {("TDL502", "sudo -u coder /bin/bash -- <<-'    EOT' &")}),
    "terraform <<-EOF": (('command = ["sh", "-c", <<EOF', 'command = ["sh", "-c", <<-EOF'),
                         {("TDL503", "sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'    EOT' &")}),
}


def findings(path, rules) -> set[tuple[str, str]]:
    report = lint([str(path)], RunSettings(enabled=rules))
    return {(f.rule, line_of(f.span)) for f in report.active if f.rule in RULES}


@pytest.mark.parametrize("example", sorted(EXPECTED))
def test_seed_example(example):
    assert findings(SEED / example, DEFAULT) == EXPECTED[example]


@pytest.mark.parametrize("example", sorted(WITH_TDL107))
def test_seed_example_with_tdl107(example):
    assert findings(SEED / example, DEFAULT | {"TDL107"}) == WITH_TDL107[example]


@pytest.mark.parametrize("variant", sorted(EX13_VARIANTS))
def test_ex13_variant(variant, tmp_path):
    (old, new), expected = EX13_VARIANTS[variant]
    text = (SEED / "ex13" / "main.tf").read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "main.tf").write_text(text.replace(old, new), encoding="utf-8")
    assert findings(tmp_path, DEFAULT) == expected
