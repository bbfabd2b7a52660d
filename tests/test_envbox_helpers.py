"""rules/envbox/helpers.py: what the 2xx rules share, where the fixtures cannot show it."""

from __future__ import annotations

from tfdind_lint.rules.envbox.helpers import normal_path


def test_normal_path_folds_trailing_and_double_slashes():
    assert normal_path("/home/coder/") == "/home/coder"
    assert normal_path("/var//lib/docker") == "/var/lib/docker"


def test_normal_path_keeps_an_empty_path_empty():
    # posixpath.normpath("") is "."; an empty mount path or CODER_MOUNTS source must not become the current directory
    assert normal_path("") == ""
