"""model/roles.glob_matches: the image patterns of the policies matched as fnmatch.fnmatchcase does, without regex."""

from __future__ import annotations

import fnmatch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tfdind_lint.model.roles import glob_matches

ALPHABET = st.sampled_from(list("ab/:*-.\x00\n"))


@pytest.mark.parametrize(("name", "pattern", "expected"), [
    ("docker:dind", "docker:*dind*", True), ("docker:27-dind-rootless", "docker:*dind*", True),
    ("docker:27", "docker:*dind*", False), ("ghcr.io/coder/envbox:1.0", "*/coder/envbox*", True),
    ("coder/envbox", "*/coder/envbox*", False), ("aa", "a*a", True), ("a", "a*a", False), ("aba", "*b*", True),
    ("x", "x", True), ("xy", "x", False), ("", "*", True), ("quay.io/podman/stable", "*podman*", True),
    ("abc", "a*b*bc", False),  # the middle piece must end before the last one starts
    ("a?c", "a[?]c", True), ("abc", "a?c", True),  # other wildcards: fnmatch itself
])
def test_known_cases(name, pattern, expected):
    assert glob_matches(name, pattern) is expected is fnmatch.fnmatchcase(name, pattern)


@given(st.text(ALPHABET, max_size=12), st.text(ALPHABET, max_size=8))
def test_agrees_with_fnmatchcase(name, pattern):
    assert glob_matches(name, pattern) == fnmatch.fnmatchcase(name, pattern)
