"""record.py: the hand-written model classes behave as the dataclasses they replaced (repr, equality, hashing)."""

from __future__ import annotations

import pickle

import pytest

from tfdind_lint.config import ConfigFile, RuleEntry, Selection
from tfdind_lint.finding import Severity
from tfdind_lint.node import Node, Span, Unknown
from tfdind_lint.policy import Policy, Source
from tfdind_lint.record import replace
from tfdind_lint.settings import RunSettings
from tfdind_lint.shell import Word
from tfdind_lint.versions import Bound, Version


def test_repr_is_the_dataclass_repr():
    assert repr(Bound(Version(1, 2), True)) == ("Bound(version=Version(major=1, minor=2, patch=0, prerelease=''), "
                                                "inclusive=True)")
    assert repr(Selection(("TDL4",))) == "Selection(select=('TDL4',), extend_select=(), ignore=())"


def test_values_compare_and_hash_by_their_fields():
    assert Version(1, 2, 3) == Version(1, 2, 3) and Version(1, 2, 3) != Version(1, 2, 4)
    assert len({Version(1, 2, 3), Version(1, 2, 3), Version(2)}) == 2
    assert Bound(Version(1), True) != Version(1)  # another class is never equal
    assert Selection(("TDL4",)) == Selection(select=("TDL4",))


def test_policy_parameters_take_no_part_in_equality():
    def policy(parameters):
        return Policy("TDL999", "x", Severity.parse("error"), "s", "h", "builtin", (Source("t"),), parameters=parameters)

    assert policy({"a": 1}) == policy({"a": 2}) and hash(policy({"a": 1})) == hash(policy({}))
    assert policy({}).parameters == {} and policy(None).parameters is not policy(None).parameters


def test_mutable_values_compare_but_do_not_hash():
    assert Word("a", 0, 0, 0, 1) == Word("a", 0, 0, 0, 1) and Word("a", 0, 0, 0, 1) != Word("a", 0, 0, 0, 1, True)
    assert RuleEntry() == RuleEntry(None, None, {})
    with pytest.raises(TypeError):
        hash(RuleEntry())


def test_records_compare_by_identity_and_survive_pickling():
    """Settings cross to worker processes pickled: slotted and plain records alike."""
    config = ConfigFile("", "/x")
    assert config != ConfigFile("", "/x") and config == config
    copied = pickle.loads(pickle.dumps((config, Version(1, 2, 3, "rc.1"), Word("a", 1, 2, 3, 4))))
    assert copied[0].directory == "/x" and copied[0].selection == Selection()
    assert copied[1:] == (Version(1, 2, 3, "rc.1"), Word("a", 1, 2, 3, 4))


def test_fields_left_out_of_repr_and_equality():
    """``_shown`` and ``_compared``: the dataclass's ``field(repr=False)`` and ``field(compare=False)``."""
    span = Span("m.tf", 1, 2, 1, 5)
    assert repr(Node("x", span, lines=((1, 2),))) == f"Node(value='x', span={span!r}, key=None, name=None)"
    assert Unknown("var.x", (), ("a",), expr=1) == Unknown("var.x") and hash(Unknown("var.x", (), ("a",))) == hash(Unknown("var.x"))
    assert Unknown("var.x") != Unknown("var.y") and Node("x", span) != Node("x", span)  # a Node is itself only


def test_replace_builds_a_new_record_through_its_init():
    settings = RunSettings(enabled={"TDL401"})
    copied = replace(settings, today=None, file_limit=10)
    assert copied is not settings and copied.file_limit == 10 and copied.enabled == {"TDL401"}
    assert copied.policies is settings.policies
    with pytest.raises(TypeError):
        replace(settings, nothing=1)
