"""Terraform version-constraint arithmetic (tfdind_lint/versions.py)."""

from __future__ import annotations

import pytest

from tfdind_lint.versions import ANY, Bound, Constraint, ConstraintError, Interval, Version

V = Version.parse


def intervals(text: str) -> list[tuple[str | None, bool | None, str | None, bool | None]]:
    """(lower, inclusive, upper, inclusive) of each interval, as strings, for exact comparisons."""
    out = []
    for i in Constraint.parse(text).intervals:
        out.append((
            str(i.lower.version) if i.lower else None, i.lower.inclusive if i.lower else None,
            str(i.upper.version) if i.upper else None, i.upper.inclusive if i.upper else None,
        ))
    return out


@pytest.mark.parametrize("text, expected", [
    ("2.16.0", [("2.16.0", True, "2.16.0", True)]),
    ("= 2.16.0", [("2.16.0", True, "2.16.0", True)]),
    ("=2.16", [("2.16.0", True, "2.16.0", True)]),
    ("~> 2.12.1", [("2.12.1", True, "2.13.0", False)]),
    ("~> 2.10", [("2.10.0", True, "3.0.0", False)]),
    ("~>2", [("2.0.0", True, "3.0.0", False)]),
    (">= 2.0", [("2.0.0", True, None, None)]),
    ("> 2.0.0", [("2.0.0", False, None, None)]),
    ("< 2.0.0", [(None, None, "2.0.0", False)]),
    ("<= 1.9", [(None, None, "1.9.0", True)]),
    (">= 0.23.0, < 2.0.0", [("0.23.0", True, "2.0.0", False)]),
    (">= 2.0, != 2.3.0", [("2.0.0", True, "2.3.0", False), ("2.3.0", False, None, None)]),
    ("!= 2.3.0", [(None, None, "2.3.0", False), ("2.3.0", False, None, None)]),
    (">= 2.16.0, ~> 2.12.1", []),  # contradicts itself
    (">= 1.0, <= 1.0", [("1.0.0", True, "1.0.0", True)]),
    (">= 1.0, < 1.0", []),
    ("= 2.0.0-rc.1", [("2.0.0-rc.1", True, "2.0.0-rc.1", True)]),
    ("  >=  1.2.3 ,<2  ", [("1.2.3", True, "2.0.0", False)]),
    ("1.2.3+build.5", [("1.2.3", True, "1.2.3", True)]),
])
def test_parse_to_intervals(text, expected):
    assert intervals(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "v2.0.0", "=> 2.0", ">= 2.x", "2.0.0.1", ">= 2.0 < 3.0", "latest", ">= 2.0,"])
def test_invalid_constraints_raise(text):
    with pytest.raises(ConstraintError):
        Constraint.parse(text)


def test_version_order_follows_semver_precedence():
    ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
               "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "2.0.0-rc.1", "2.0.0", "10.0.0"]
    versions = [V(v) for v in ordered]
    assert sorted(reversed(versions), key=Version.key) == versions
    assert str(V("2")) == "2.0.0"
    assert str(V("2.0.0-rc.1")) == "2.0.0-rc.1"


# the thresholds the rules use
K8S_RUNTIME_CLASS = V("2.16.0")
CODER_OWNER_REMOVED = V("2.0.0-rc.1")
CODER_OWNER_DEPRECATED = V("0.23.0")


@pytest.mark.parametrize("text, below", [
    ("~> 2.12.1", True),
    ("~> 2.10", True),
    (">= 2.0", True),
    (">= 2.0, != 2.3.0", True),
    ("2.16.0", False),
    ("= 2.16.0", False),
    (">= 2.16.0", False),
    ("~> 2.16", False),
    ("> 2.15.99", True),  # 2.15.100 is newer than 2.15.99 and older than 2.16.0
    ("> 2.15.99, < 2.15.100", False),  # no release between them
    ("~> 3.0", False),
    ("< 2.0.0", True),
    (">= 2.16.0-beta.1", False),  # a prerelease bound selects no prerelease: the first release it admits is 2.16.0
    ("= 2.16.0-beta.1", True),  # pinned prerelease, older than 2.16.0
    (">= 2.16.0, ~> 2.12.1", False),  # admits nothing at all
])
def test_admits_below_2_16_0(text, below):
    assert Constraint.parse(text).admits_below(K8S_RUNTIME_CLASS) is below


@pytest.mark.parametrize("text, removed, deprecated", [
    (">= 0.23.0, < 2.0.0", False, True),
    ("< 2.0.0", False, True),
    ("~> 1.0", False, True),
    ("~> 0.22.0", False, False),
    ("< 0.23.0", False, False),
    ("0.22.0", False, False),
    (">= 2.0.0", True, True),
    ("~> 2.0", True, True),
    (">= 0.23.0, < 2.0.0-rc.1", False, True),
    ("= 2.0.0-rc.1", True, True),  # the first tag without coder_workspace.owner
    (">= 1.0, < 2.0.0, != 1.5.0", False, True),
    ("> 1.99.0", True, True),
])
def test_coder_owner_thresholds(text, removed, deprecated):
    constraint = Constraint.parse(text)
    assert constraint.admits_at_least(CODER_OWNER_REMOVED) is removed
    assert constraint.admits_at_least(CODER_OWNER_DEPRECATED) is deprecated


def test_prereleases_are_admitted_only_when_pinned():
    assert not Constraint.parse(">= 1.0.0").admits(V("2.0.0-rc.1"))
    assert not Constraint.parse(">= 2.0.0-rc.1").admits(V("2.0.0-rc.1"))
    assert Constraint.parse("2.0.0-rc.1").admits(V("2.0.0-rc.1"))
    assert Constraint.parse(">= 1.0, 2.0.0-rc.1").admits(V("2.0.0-rc.1"))
    assert not Constraint.parse("2.0.0-rc.1").admits(V("2.0.0"))
    # an interval between a prerelease and its release holds no release
    assert not Constraint.parse(">= 2.0.0-rc.1, < 2.0.0").admits_at_least(V("0.0.0"))


def test_admits_exact_versions():
    c = Constraint.parse(">= 2.0, != 2.3.0")
    assert c.admits(V("2.0.0"))
    assert c.admits(V("2.2.9"))
    assert not c.admits(V("2.3.0"))
    assert c.admits(V("2.3.1"))
    assert not c.admits(V("1.9.9"))
    assert ANY.admits(V("0.0.1"))
    assert ANY.admits_below(V("0.0.1"))
    assert not ANY.admits_below(V("0.0.0"))


def test_intersection_combines_modules():
    root = Constraint.parse(">= 2.16.0")
    child = Constraint.parse("~> 2.10")
    both = root.intersect(child)
    assert [(str(i.lower.version), str(i.upper.version)) for i in both.intervals] == [("2.16.0", "3.0.0")]
    assert not both.admits_below(K8S_RUNTIME_CLASS)
    assert both.text == ">= 2.16.0, ~> 2.10"
    assert ANY.intersect(child).intervals == child.intervals


def test_interval_has_release():
    assert not Interval(Bound(V("2.0.0"), False), Bound(V("2.0.1"), False)).has_release()
    assert Interval(Bound(V("2.0.0"), False), Bound(V("2.0.1"), True)).has_release()
    assert Interval(Bound(V("2.0.0-rc.1"), True), Bound(V("2.0.0"), True)).has_release()
    assert not Interval(Bound(V("2.0.0-rc.1"), True), Bound(V("2.0.0"), False)).has_release()
    assert Interval(None, Bound(V("0.0.1"), False)).has_release()
    assert not Interval(None, Bound(V("0.0.0"), False)).has_release()
