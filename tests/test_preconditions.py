"""Rule preconditions: a rule whose check is one loop over a group helper's answer is not run (nor imported) where
that answer is empty (``PRECONDITIONS`` in the group's helpers, ``rules.precondition``, pieces.py).

Sound by construction: each declared precondition is checked here against the check's own code, which must be
that loop and nothing that yields outside it; and the reports of every fixture and example are the same with the
preconditions and without.
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, TESTS
from tfdind_lint import pieces, rules
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

DECLARED = {rule: rules.precondition(rule) for rule in builtin_policies() if rules.precondition(rule) is not None}


def test_the_preconditions_declared():
    assert sorted(DECLARED) == ["TDL004", "TDL102", "TDL103", "TDL104", "TDL105", "TDL106", "TDL107",
                                "TDL201", "TDL202", "TDL203", "TDL204", "TDL205", "TDL206", "TDL207",
                                "TDL301", "TDL303", "TDL305", "TDL501", "TDL504", "TDL506", "TDL601", "TDL602", "TDL603",
                                "TDL605"]


def _the_loop(check) -> ast.For:
    """The check's one top-level loop, its other statements shown to say nothing (no yield outside the loop)."""
    function = ast.parse(textwrap.dedent(inspect.getsource(check))).body[0]
    assert isinstance(function, ast.FunctionDef)
    loops = [statement for statement in function.body if isinstance(statement, ast.For)]
    assert len(loops) == 1, "one top-level loop"
    for statement in function.body:
        if statement is loops[0]:
            continue
        is_docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        assert is_docstring or isinstance(statement, (ast.Assign, ast.AnnAssign)), ast.dump(statement)
        assert not any(isinstance(node, (ast.Yield, ast.YieldFrom, ast.Call)) for node in ast.walk(statement)), \
            "before the loop: only plain values"
    assert not loops[0].orelse, "nothing after the loop runs when it does not"
    return loops[0]


@pytest.mark.parametrize("rule", sorted(DECLARED))
def test_a_declared_precondition_is_the_loop_of_the_check(rule):
    helper, names = DECLARED[rule]
    module = rules.rule_module(rule)
    check = module.check
    loop = _the_loop(check)
    call = loop.iter
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and not call.keywords
    assert module.__dict__[call.func.id] is helper, "the loop is over the declared helper"
    assert [ast.unparse(a) for a in call.args] == ["ctx", *names], "called with the check's context and parameters"
    parameters = inspect.signature(check).parameters
    assert list(parameters)[0] == "ctx" and all(parameters[n].kind is inspect.Parameter.KEYWORD_ONLY for n in names)
    assert not hasattr(module, "collect") and not vars(module).get("PROJECT_SCOPED"), "a unit-scoped rule"


def test_the_loop_reader_refuses_what_could_say_something_outside_the_loop():
    def yields_after(ctx):
        for _ in ctx:
            yield 1
        yield 2

    def calls_before(ctx):
        print(ctx)
        for _ in ctx:
            yield 1

    def two_loops(ctx):
        for _ in ctx:
            yield 1
        for _ in ctx:
            yield 2

    for check in (yields_after, calls_before, two_loops):
        with pytest.raises(AssertionError):
            _the_loop(check)


def _reports(paths: list[str]) -> list[str]:
    return [f"{f.rule} {f.span} {f.message}" for f in lint(paths, RunSettings()).findings]


FIXTURE_DIRS = sorted(str(p.relative_to(ROOT)) for p in (TESTS / "policies").iterdir() if p.is_dir())


@pytest.mark.parametrize("paths", [FIXTURE_DIRS, ["examples"], [str((TESTS / "clean_templates").relative_to(ROOT))]],
                         ids=["policy fixtures", "examples", "clean templates"])
def test_the_reports_are_the_same_without_the_preconditions(paths, monkeypatch):
    monkeypatch.chdir(ROOT)
    with_them = _reports(paths)
    monkeypatch.setattr(rules, "precondition", lambda rule: None)
    monkeypatch.setattr(pieces, "precondition", lambda rule: None)
    without = _reports(paths)
    assert with_them == without
    assert with_them  # the fixtures do fire


def test_a_docker_template_does_not_import_the_rules_its_preconditions_rule_out():
    code = ("import sys\nfrom tfdind_lint.cli import main\nmain(sys.argv[1:])\n"
            "sys.stderr.write('\\nMODULES ' + ' '.join(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code, "--no-cache", "examples/dind-docker/bad/main.tf"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    modules = set(result.stderr.rsplit("MODULES ", 1)[1].split())
    ruled_out = {rules.module_name(rule, builtin_policies()[rule].name) for rule in DECLARED}
    assert "tfdind_lint.rules.dind.tdl401_privileged_sidecar_unacknowledged" in modules
    assert modules & ruled_out == set()


def test_a_rule_left_out_by_its_precondition_still_ran_for_its_suppressions(tmp_path, monkeypatch):
    """A suppression of a rule that found nothing is unused (TDL901), whether or not the rule's module was run."""
    template = (ROOT / "examples/dind-docker/good/main.tf").read_text(encoding="utf-8")
    (tmp_path / "main.tf").write_text("# tfdind-lint: ignore-file[TDL201] -- no envbox here\n" + template,
                                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = [(f.rule, f.span.line) for f in lint(["main.tf"], RunSettings()).findings]
    assert ("TDL901", 1) in found
