"""Severity and Span behave as the enum.IntEnum and collections.namedtuple they were (finding.py, node.py)."""

from __future__ import annotations

import collections
import copy
import enum
import json
import pickle

import pytest

from tfdind_lint.finding import Severity
from tfdind_lint.node import Span


class EnumSeverity(enum.IntEnum):  # what Severity was
    NOTE = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


def test_severity_answers_as_the_int_enum():
    assert [(s.name, s.value, int(s), str(s)) for s in Severity] == [(s.name, s.value, int(s), str(s)) for s in EnumSeverity]
    assert [repr(s) for s in Severity] == [repr(s).replace("EnumSeverity", "Severity") for s in EnumSeverity]
    assert [f"{s}" for s in Severity] == [f"{s}" for s in EnumSeverity] == ["note", "warning", "error"]
    assert f"{Severity.NOTE:<8}|" == "note    |"  # the name with any format (IntEnum's depends on the Python version)
    assert len(Severity) == 3 and Severity["WARNING"] is Severity.WARNING and Severity(3) is Severity.ERROR
    assert Severity.NOTE < Severity.WARNING < Severity.ERROR == 3 and sorted([Severity.ERROR, 1]) == [1, 3]
    assert isinstance(Severity.ERROR, int) and type(Severity.ERROR) is Severity
    assert json.dumps({"s": Severity.ERROR}) == json.dumps({"s": EnumSeverity.ERROR}) == '{"s": 3}'
    assert {Severity.ERROR: "x"}[3] == "x"


def test_severity_parses_names_and_refuses_others():
    assert [Severity.parse(t) for t in ("note", "Warning", "ERROR")] == list(Severity)
    with pytest.raises(KeyError):
        Severity.parse("fatal")
    with pytest.raises(ValueError, match="4 is not a valid Severity"):
        Severity(4)


def test_severity_members_survive_pickle_and_copy_as_themselves():
    for s in Severity:
        assert pickle.loads(pickle.dumps(s)) is s and copy.copy(s) is s and copy.deepcopy(s) is s


def test_span_answers_as_the_named_tuple():
    Named = collections.namedtuple("Span", ("path", "line", "column", "end_line", "end_column"))
    span, named = Span("a.tf", 2, 3, 4, 5), Named("a.tf", 2, 3, 4, 5)
    assert span == named and hash(span) == hash(named) and tuple(span) == tuple(named)
    assert repr(span) == repr(named) and span._fields == named._fields
    assert (span.path, span.line, span.column, span.end_line, span.end_column) == ("a.tf", 2, 3, 4, 5)
    assert Span(path="a.tf", line=2, column=3, end_line=4, end_column=5) == span
    assert sorted([Span("b", 1, 1, 1, 2), Span("a", 2, 1, 2, 2), Span("a", 1, 5, 1, 6)])[0] == Span("a", 1, 5, 1, 6)
    assert str(span) == "a.tf:2:3"
    with pytest.raises(AttributeError):
        span.line = 9
    with pytest.raises(TypeError):
        Span("a.tf", 1, 2)


def test_a_span_survives_pickle_and_copy():
    span = Span("a.tf", 2, 3, 4, 5)
    for other in (pickle.loads(pickle.dumps(span)), copy.copy(span), copy.deepcopy(span)):
        assert other == span and type(other) is Span


def test_a_span_matches_by_position_and_keyword():
    match Span("a.tf", 2, 3, 4, 5):
        case Span(path, line, column=column):
            assert (path, line, column) == ("a.tf", 2, 3)
        case _:
            pytest.fail("no match")
