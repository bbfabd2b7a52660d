"""plain.py: results as JSON of plain values, read back into our own types with validation."""

from __future__ import annotations

import dataclasses
import datetime
import inspect
import json

import pytest

from conftest import SIDECAR_TF, SIDECAR_YAML, TESTS, write_tree
from tfdind_lint import plain
from tfdind_lint.discover import discover
from tfdind_lint.expression import Expr
from tfdind_lint.finding import Finding, Related, Severity, Suppressed
from tfdind_lint.node import Node, Reference, Span, Unknown
from tfdind_lint.pieces import UnitResult, check_piece, units
from tfdind_lint.record import Record
from tfdind_lint.settings import RunSettings
from tfdind_lint.suppress import Problem, Suppression
from tfdind_lint.workload import Container, Workload

SPAN = Span("t/main.tf", 3, 5, 3, 20)


def same(a, b, seen=None) -> bool:
    """Equal field by field, through our records and dataclasses (most compare by identity)."""
    seen = set() if seen is None else seen
    if type(a) is not type(b) and {type(a), type(b)} != {list, tuple}:  # lists and tuples stand in for each other
        return False
    if isinstance(a, Record) or dataclasses.is_dataclass(a):
        if (id(a), id(b)) in seen:
            return True
        seen.add((id(a), id(b)))
        names = a._fields if isinstance(a, Record) else [f.name for f in dataclasses.fields(a)]
        return all(same(getattr(a, name), getattr(b, name), seen) for name in names)
    if isinstance(a, Exception):  # a SourceError in a node definition
        return a.args == b.args and same(vars(a), vars(b), seen)
    if isinstance(a, Expr):  # slotted classes, compared by identity
        slots = [name for cls in type(a).__mro__ for name in getattr(cls, "__slots__", ())]
        return all(same(getattr(a, name), getattr(b, name), seen) for name in slots)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y, seen) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], seen) for k in a)
    return a == b


def round_trip(value):
    return plain.loads(plain.dumps(value))


def test_a_result_round_trips_with_every_kind_of_value():
    unknown = Unknown("var.x", (Reference(("var", "x"), SPAN),), ("tcp://", Unknown("var.host"), ":2375"))
    mapping = Node({"a": Node(1.5, SPAN), "b": Node([Node(True, SPAN), Node(None, SPAN)], SPAN)}, SPAN, key=SPAN,
                   name="m", lines=((3, 5), (4, 1)))
    finding = Finding(SPAN, "TDL401", "dind-privileged", Severity.ERROR, "Message ✓ \udcff", subject="s",
                      attribute="a.b", related=(Related(SPAN, "there"),), suppressed=Suppressed("inline", "why", SPAN,
                                                                                             "2027-01-01"),
                      hint="hint", owner=SPAN)
    suppression = Suppression("inline", ("TDL401",), "reason", SPAN, until=datetime.date(2027, 3, 1), region=SPAN)
    result = UnitResult(7, files=["t/main.tf"], findings=[finding],
                        comments=[("t/main.tf", [suppression], [Problem("TDL900", SPAN, "bad")])],
                        annotations=([], []), ran={"t/main.tf": frozenset({"TDL401", "TDL402"})},
                        skipped=[("x.yaml", "a Helm template")], internal_errors=1, failed={"TDL101"},
                        gathered={"TDL304": ([(SPAN, "text")], []), "X": {("k", "v"): True, 3: mapping},
                                  "Y": [unknown, datetime.datetime(2026, 1, 2, 3, 4), frozenset({1, 2})]},
                        gather_errors={"TDL505": "ValueError"}, calls=["../m"], built=True)
    back = round_trip([result])
    assert same(back, [result])
    assert back[0].findings[0].severity is Severity.ERROR and type(back[0].findings[0].span) is Span
    assert back[0].ran["t/main.tf"] == frozenset({"TDL401", "TDL402"}) and back[0].failed == {"TDL101"}


def test_shared_objects_and_cycles_survive():
    workload = Workload("Pod", "Pod/ws", "kubernetes", "p.yaml", SPAN)
    required = {name: None for name, p in inspect.signature(Container).parameters.items() if p.default is p.empty}
    container = Container(**{**required, "env": [], "mounts": [], "span": SPAN, "env_open": False}, workload=workload)
    workload.containers.append(container)
    node = Node("x", SPAN)
    result = UnitResult(0, gathered={"A": [(workload, container, "fuse"), node, node]})
    (back,) = round_trip([result])
    (w, c, _), first, second = back.gathered["A"]
    assert c is w.containers[0] and c.workload is w and first is second


def test_every_result_of_the_fixtures_is_plain_data(in_root):
    """Every collector extract class is in ``plain.CLASSES`` and every annotation holds: each piece of the rule
    fixtures, examples and clean templates is cached (none falls back to being checked every run)."""
    discovery = discover([str(TESTS / "policies"), "examples", str(TESTS / "clean_templates")])
    specs = units(discovery)
    settings = RunSettings()
    project = frozenset({"TDL302", "TDL304", "TDL505"})
    refused = []
    for spec in specs:
        results = check_piece([spec], settings, project)
        try:
            back = round_trip(results)
        except plain.Unencodable as exc:
            refused.append((spec.path, str(exc)))
            continue
        assert same(back, results), spec.path
    assert refused == []


def valid_entry(tmp_path) -> dict:
    write_tree(tmp_path, {"t/main.tf": SIDECAR_TF})
    (spec,) = units(discover([str(tmp_path / "t")]))
    return json.loads(plain.dumps(check_piece([spec], RunSettings(), frozenset())))


def test_the_sidecar_entry_is_read(tmp_path):
    entry = valid_entry(tmp_path)
    (result,) = plain.loads(json.dumps(entry).encode())
    assert [f.rule for f in result.findings] == ["TDL401"] or result.findings


def _set(path, value):
    def change(entry):
        target = entry
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return change


@pytest.mark.parametrize("change", [
    _set(["version"], 1),
    _set(["version"], "2"),
    _set(["paths"], [3]),
    _set(["results"], {}),
    _set(["results", 0, 0], "0"),  # the index a string
    _set(["results", 0, 0], True),  # a bool is no int
    _set(["results", 0, 1], "t/main.tf"),  # files: a string, not a list
    _set(["results", 0, 2, 0, 0, 1], "3"),  # a span's line
    _set(["results", 0, 2, 0, 0, 0], 99),  # a span's path: no such path
    _set(["results", 0, 2, 0, 0], [0, 1, 2, 3]),  # a span of four
    _set(["results", 0, 2, 0, 3], 9),  # no such severity
    _set(["results", 0, 2, 0, 3], "error"),
    _set(["results", 0, 2, 0, 7], [["O", "os", "system"]]),  # related: not a Related
    _set(["results", 0, 2, 0], 0),  # a reference to the UnitResult where a Finding must be
    _set(["results", 0, 2, 0], 5000),  # a reference to nothing
    _set(["results", 0, 9], {"TDL302": ["O", "posix.system", ["touch PWNED"]]}),  # gathered: a class not allowed
    _set(["results", 0, 9], {"TDL302": ["X", 1]}),  # an unknown tag
    _set(["results", 0, 9], {"TDL302": ["D", 1]}),  # a dict with an odd number of items
    _set(["results", 0, 9], {"TDL302": ["S", ["L"]]}),  # an unhashable set element
    _set(["results", 0, 9], {"TDL302": ["t", "date", "not a date"]}),
    _set(["results", 0, 9], {"TDL302": {"a": 1}}),  # a JSON object where a tagged value must be
    _set(["results", 0, 6], "x"),  # ran: not a mapping
    _set(["results", 0, 6], {"t/main.tf": [1]}),  # ran: not rule ids
    _set(["results", 0, 6], {"t/main.tf": 5000}),  # ran: a reference to nothing
], ids=lambda change: "")
def test_an_entry_with_a_value_of_the_wrong_type_is_invalid(tmp_path, change):
    entry = valid_entry(tmp_path)
    change(entry)
    with pytest.raises(plain.Invalid):
        plain.loads(json.dumps(entry).encode())


@pytest.mark.parametrize("data", [b"", b"\x80\x04K\x01.", b"null", b"[]", b'{"version": 2}', b"\xff\xfe\x00",
                                  b"[" * 50_000, b'{"version": 2, "paths": [], "results": [[' + b"[" * 5000 + b"]]]}"])
def test_what_is_not_an_entry_is_invalid(data):
    with pytest.raises(plain.Invalid):
        plain.loads(data)


@pytest.mark.parametrize("value", [
    [UnitResult(0, gathered={"x": object()})],  # a class outside CLASSES
    [UnitResult(0, gathered={"x": print})],  # a callable
    [UnitResult(0, files="t/main.tf")],  # a value of another type than declared
    [UnitResult(0, findings=[Related(SPAN, "x")])],
    [UnitResult(0, failed=["TDL101"])],  # a list where a set is declared
    [UnitResult(0, comments=[("t.tf", [Suppression("config", ("TDL1",), "r", SPAN, paths=lambda p: True)], [])])],
    [{"a": 1}],
])
def test_what_is_not_plain_data_is_unencodable(value):
    with pytest.raises(plain.Unencodable):
        plain.dumps(value)


def test_yaml_kubernetes_extract_round_trips(tmp_path):
    write_tree(tmp_path, {"pod.yaml": SIDECAR_YAML})
    (spec,) = units(discover([str(tmp_path)]))
    results = check_piece([spec], RunSettings(), frozenset({"TDL302", "TDL304", "TDL505"}))
    assert same(round_trip(results), results)
