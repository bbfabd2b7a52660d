"""The rule catalogue holds together: policies, checks and fixtures."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from conftest import ROOT, TESTS, expectations
from tfdind_lint.policy import builtin_policies, read_policy_file
from tfdind_lint.rules import BUILTIN, CHECKS

POLICY_FILES = sorted((ROOT / "policies").glob("*.yaml"))
SCHEMA = json.loads((ROOT / "schemas" / "policy.schema.json").read_text())
SUFFIXES = {"terraform": (".tf", ".tf.json"), "yaml": (".yaml", ".yml"), "toml": (".toml",)}


@pytest.mark.parametrize("path", POLICY_FILES, ids=[p.stem for p in POLICY_FILES])
def test_policy_file_is_valid(path):
    data = read_policy_file(path)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert path.stem == f"{data['id']}-{data['name']}", "file name must be <id>-<name>.yaml"
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in data["help"]


def test_every_policy_has_a_check_and_every_check_a_policy():
    policies = builtin_policies()
    assert set(CHECKS) - set(policies) == set(), "checks without a policy"
    assert set(policies) - set(CHECKS) - BUILTIN == set(), "policies without a check"


def test_names_are_unique():
    names = [p.name for p in builtin_policies().values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", sorted(set(builtin_policies()) - {"TDL999"}))
def test_rule_has_firing_and_clean_fixtures_for_each_file_kind(rule):
    policy = builtin_policies()[rule]
    directory = TESTS / "policies" / rule
    assert directory.is_dir(), f"tests/policies/{rule}/ is missing"
    marked = {path for path, _, r in expectations(directory) if r == rule}
    files = [p for p in directory.rglob("*") if p.is_file() and p.name != ".tfdind-lint.yaml"]  # configurations are not fixtures
    for kind in policy.files:
        kind_files = [p for p in files if p.name.endswith(SUFFIXES[kind])]
        firing = [p for p in kind_files if p.relative_to(ROOT).as_posix() in marked]
        clean = [p for p in kind_files if p.relative_to(ROOT).as_posix() not in marked]
        assert firing, f"{rule}: no {kind} fixture with an `expect: {rule}` marker"
        assert clean, f"{rule}: no clean {kind} fixture (a file without a marker for it)"


def test_help_mentions_no_placeholder():
    for policy in builtin_policies().values():
        assert not re.search(r"\bTODO\b|\bTBD\b", policy.help), policy.id
