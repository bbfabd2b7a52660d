"""Rule preconditions: a rule whose check is one loop over a group helper's answer is not run (nor imported) where
that answer is empty (``PRECONDITIONS`` in the group's package, ``rules.precondition``, pieces.py).

Sound by construction: each declared precondition is checked here against the check's own code, which must be
that loop and nothing that yields outside it; and the reports of every fixture and example are the same with the
preconditions and without.

A project-scoped rule's precondition (``PROJECT_SCOPED`` in the group's package, ``rules.project_precondition``)
leaves the rule out of a run checked as one piece when it finds nothing in any unit: checked here over every fixture
and example unit, where it finds nothing the collector's extract holds nothing the check acts on (``TRIGGERS``), the
check says nothing given only such extracts, and each unit linted alone reports the same without the preconditions.
"""

from __future__ import annotations

import ast
import inspect
import os
import textwrap

import pytest

from conftest import ROOT, TESTS, imported_modules
from tfdind_lint import pieces, rules
from tfdind_lint.context import Context
from tfdind_lint.discover import discover
from tfdind_lint.linter import lint
from tfdind_lint.policy import builtin_policies
from tfdind_lint.settings import RunSettings

DECLARED = {rule: rules.precondition(rule) for rule in builtin_policies() if rules.precondition(rule) is not None}


def test_the_preconditions_declared():
    assert sorted(DECLARED) == ["TDL002", "TDL003", "TDL004", "TDL102", "TDL103", "TDL104", "TDL105", "TDL106", "TDL107",
                                "TDL201", "TDL202", "TDL203", "TDL204", "TDL205", "TDL206", "TDL207",
                                "TDL301", "TDL303", "TDL305", "TDL501", "TDL504", "TDL506", "TDL601", "TDL602", "TDL603",
                                "TDL604", "TDL605"]


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
    modules = imported_modules("--no-cache", "examples/dind-docker/bad/main.tf")
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


# project-scoped rules ----------------------------------------------------------------------------------------------
PROJECT = {rule: rules.project_precondition(rule) for rule in builtin_policies()
           if rules.project_precondition(rule) is not None}

#: what of a unit's extract can make the check say anything: with none of it in any extract, the check yields
#: nothing, whatever else the extracts hold (node labels, ConfigMaps, pods needing Podman: only read next to it)
TRIGGERS = {
    "TDL302": lambda facts: facts.plugins + facts.embedded_plugins,  # `if not requests or not plugins: return`
    "TDL304": lambda extract: extract[1],  # the loop over node definitions
    "TDL505": lambda facts: facts.classes + facts.pods,  # every loop is over RuntimeClasses or pods
}


def test_the_project_scoped_rules_are_declared_without_their_modules():
    assert sorted(PROJECT) == sorted(TRIGGERS) == ["TDL302", "TDL304", "TDL505"]
    for rule in builtin_policies():
        if rule in rules.BUILTIN:
            continue
        module = rules.rule_module(rule)
        declared = rule in PROJECT
        assert declared == bool(vars(module).get("PROJECT_SCOPED")) == hasattr(module, "collect"), rule
        assert rules.CHECKS.project_scoped(rule) == declared
        if declared:
            helper, names = PROJECT[rule]
            assert set(names) <= set(inspect.signature(module.collect).parameters), "the collector's parameters"


def _units(paths: list[str]):
    """(spec, unit) of every unit the paths hold that reads (pieces.py's readers)."""
    piece = pieces._Piece(RunSettings(), frozenset())
    for spec in pieces.units(discover(paths)):
        unit = piece.read(spec, pieces.UnitResult(spec.index))
        if unit is not None:
            yield spec, unit


EVERYTHING = [*FIXTURE_DIRS, "examples", str((TESTS / "clean_templates").relative_to(ROOT))]


@pytest.fixture(scope="module")
def extracts():
    """rule -> (whether the precondition found something, the collector's extract) of every fixture and example unit."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        settings = RunSettings()
        found: dict[str, list] = {rule: [] for rule in PROJECT}
        for _, unit in _units(EVERYTHING):
            for rule, (helper, names) in PROJECT.items():
                parameters = settings.params(rule)
                some = any(True for _ in helper(Context([unit]), *(parameters[name] for name in names)))
                found[rule].append((some, rules.COLLECTORS[rule](unit, **parameters)))
        return found
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("rule", sorted(TRIGGERS))
def test_where_a_project_precondition_finds_nothing_the_extract_holds_nothing_the_check_acts_on(rule, extracts):
    assert {some for some, _ in extracts[rule]} == {True, False}, "both cases among the fixtures"
    for some, extract in extracts[rule]:
        if not some:
            assert not TRIGGERS[rule](extract)


@pytest.mark.parametrize("rule", sorted(TRIGGERS))
def test_a_project_check_says_nothing_without_what_its_precondition_finds(rule, extracts):
    collect, check = rules.COLLECTORS[rule], rules.CHECKS[rule]
    parameters = RunSettings().params(rule)
    assert list(check(Context([], gathered={collect: []}), **parameters)) == []
    rest = [extract for some, extract in extracts[rule] if not some]  # every other extract the fixtures give
    assert rest and list(check(Context([], gathered={collect: rest}), **parameters)) == []


def _no_project_preconditions(monkeypatch):
    monkeypatch.setattr(pieces, "project_precondition", lambda rule: None)


def test_each_unit_alone_reports_the_same_without_the_project_preconditions(monkeypatch):
    """A run of one unit is one piece, the whole run: there its project-scoped rules may be left out."""
    monkeypatch.chdir(ROOT)
    runs = [list(spec.files) for spec, _ in _units(EVERYTHING)]
    with_them = [_reports(paths) for paths in runs]
    _no_project_preconditions(monkeypatch)
    assert with_them == [_reports(paths) for paths in runs]


@pytest.mark.parametrize("rule", sorted(TRIGGERS))
def test_each_project_fixture_reports_the_same_without_the_project_preconditions(rule, monkeypatch):
    monkeypatch.chdir(ROOT)
    runs = [[str(p.relative_to(ROOT))] for p in sorted((TESTS / "policies" / rule).iterdir()) if p.is_dir()]
    with_them = [_reports(paths) for paths in runs]
    _no_project_preconditions(monkeypatch)
    without = [_reports(paths) for paths in runs]
    assert with_them == without
    assert any(r.startswith(rule) for report in without for r in report)


def test_a_project_rule_is_gathered_from_every_unit_of_a_run_of_several_pieces(tmp_path, monkeypatch):
    """The plugin's label is set in another file, which has no plugin: it is read all the same."""
    (tmp_path / "plugin.yaml").write_text(textwrap.dedent("""\
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: fuse}
        spec:
          template:
            spec:
              nodeSelector: {fuse: enabled}
              containers:
                - name: plugin
                  image: soolaugust/fuse-device-plugin:v1.0
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: ws}
        spec:
          containers:
            - name: ws
              image: quay.io/podman/stable
              resources: {limits: {github.com/fuse: 1}}
        """), encoding="utf-8")
    (tmp_path / "label.sh.yaml").write_text(textwrap.dedent("""\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: setup}
        data:
          run: kubectl label nodes n1 fuse=enabled
        """), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert not any("which no file sets" in report for report in _reports(["."]))
    assert any("which no file sets" in report for report in _reports(["plugin.yaml"]))


def test_the_cache_keys_a_whole_run_apart(tmp_path):
    from tfdind_lint.cache import Cache

    spec = pieces.UnitSpec(0, "yaml", "a.yaml", ("a.yaml",))
    cache = Cache(str(tmp_path))
    keys = {cache.key([spec], {0: "x"}, RunSettings(), frozenset({"TDL302"}), whole) for whole in (False, True)}
    assert len(keys) == 2


def test_a_docker_template_does_not_import_the_project_rules():
    modules = imported_modules("--no-cache", "examples/dind-docker/bad/main.tf")
    assert "tfdind_lint.model.device_plugins" in modules  # TDL302's precondition was asked
    assert modules & {rules.module_name(rule, builtin_policies()[rule].name) for rule in PROJECT} == set()


def test_deciding_a_precondition_imports_no_group_helpers():
    """The tables are the group packages': a Docker template imports none of the helpers of the groups whose rules its
    preconditions rule out, nor what only those rules read (the Docker model of Dev Containers, provider versions)."""
    modules = imported_modules("--no-cache", "examples/dind-docker/bad/main.tf")
    assert {"tfdind_lint.rules.envbox", "tfdind_lint.rules.podman", "tfdind_lint.rules.kubernetes"} <= modules
    assert modules & {"tfdind_lint.rules.envbox.helpers", "tfdind_lint.rules.podman.helpers",
                      "tfdind_lint.rules.kubernetes.helpers", "tfdind_lint.model.docker_access",
                      "tfdind_lint.model.providers", "tfdind_lint.versions"} == set()
