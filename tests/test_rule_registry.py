"""Rules are found from their policies: one module per rule, named after it, imported only when a run needs it."""

from __future__ import annotations

import inspect

from conftest import ROOT, imported_modules
from tfdind_lint.policy import builtin_policies
from tfdind_lint.rules import (
    BUILTIN,
    CHECKS,
    COLLECTORS,
    GROUPS,
    PROJECT_SCOPED,
    module_name,
    precondition,
    project_precondition,
)

RULES = ROOT / "tfdind_lint" / "rules"


def rule_modules() -> dict[str, str]:
    """Rule modules as they are on disk: ``tfdind_lint.rules.<group>.<module>`` -> path."""
    return {f"tfdind_lint.rules.{path.parent.name}.{path.stem}": path.relative_to(ROOT).as_posix()
            for path in RULES.glob("*/tdl*.py")}


def test_every_policy_has_its_module_and_every_module_its_policy():
    expected = {module_name(rule, p.name) for rule, p in builtin_policies().items() if rule not in BUILTIN}
    found = set(rule_modules())
    assert expected - found == set(), "policies without a rule module (or a module named otherwise)"
    assert found - expected == set(), "rule modules without a policy (or named otherwise than <id>_<name>.py)"


def test_group_packages_are_the_table_of_groups():
    packages = {p.name for p in RULES.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert packages == set(GROUPS.values())


def test_every_rule_module_has_a_check_and_project_scoped_ones_a_collector():
    for rule in CHECKS:
        assert callable(CHECKS[rule]) and CHECKS[rule].__name__ == "check", rule
    assert set(COLLECTORS) == PROJECT_SCOPED == {"TDL302", "TDL304", "TDL505"}
    assert all(COLLECTORS[rule].__name__ == "collect" for rule in PROJECT_SCOPED)


def test_replacing_a_check_is_undone():
    original = CHECKS["TDL401"]
    CHECKS["TDL401"] = print
    assert CHECKS["TDL401"] is print
    del CHECKS["TDL401"]
    assert CHECKS["TDL401"] is original


def rule_modules_imported(*paths: str) -> set[str]:
    return {m for m in imported_modules("--no-cache", *paths) if m.startswith("tfdind_lint.rules.") and ".tdl" in m}


def test_a_run_imports_only_the_rules_of_the_kinds_of_file_it_reads():
    policies = {module_name(rule, p.name): p for rule, p in builtin_policies().items() if rule not in BUILTIN}
    # a rule whose precondition finds nothing is not imported either (tests/test_preconditions.py)
    conditional = {module_name(rule, p.name) for rule, p in builtin_policies().items()
                   if rule not in BUILTIN and (precondition(rule) or project_precondition(rule)) is not None}
    for path, kind in (("tests/policies/TDL401/yaml/infrastructure.yaml", "yaml"),
                       ("examples/dind-docker/good/main.tf", "terraform")):
        imported = rule_modules_imported(path)
        of_the_kind = {m for m, p in policies.items() if kind in p.files and p.enabled}
        assert imported <= of_the_kind
        assert of_the_kind - imported <= conditional and of_the_kind - conditional <= imported
    assert rule_modules_imported("examples/envbox/good/main.tf") >= {m for m in conditional if ".envbox." in m}


def keyword_parameters(function) -> dict:
    return {name: p for name, p in inspect.signature(function).parameters.items() if p.kind is p.KEYWORD_ONLY}


def test_a_check_takes_exactly_its_policys_parameters_and_holds_no_default_of_its_own():
    """The policy is the one place a parameter's default lives; the linter passes every one of them."""
    for rule, policy in builtin_policies().items():
        if rule in BUILTIN:
            continue
        functions = [CHECKS[rule]] + ([COLLECTORS[rule]] if rule in COLLECTORS else [])
        for function in functions:
            parameters = keyword_parameters(function)
            assert set(parameters) == set(policy.parameters), f"{rule} {function.__name__}: parameters differ from the policy's"
            with_default = [name for name, p in parameters.items() if p.default is not p.empty]
            assert with_default == [], f"{rule} {function.__name__}: defaults belong in the policy"
            assert not [p for p in inspect.signature(function).parameters.values() if p.kind is p.VAR_KEYWORD], rule
