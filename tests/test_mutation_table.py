"""bench/mutation.py's tables name test files and modules that exist (docs/testing.md, "Mutation testing").

A renamed or removed test file would otherwise surface only when someone runs mutmut, as a run with no
tests (every mutant "survives") or a pytest error; a removed module, as an entry nothing uses.
"""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_mutation", ROOT / "bench" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_named_test_file_exists():
    bench = _bench()
    named = set(bench.FIXTURE_TESTS) | {name for names in bench.TESTS.values() for name in names}
    assert sorted(name for name in named if not (ROOT / name).is_file()) == []


def test_every_key_is_a_module_or_a_package_of_tfdind_lint():
    bench = _bench()
    for key in [*bench.TESTS, *bench.KEYWORDS]:
        path = ROOT / "tfdind_lint" / key
        assert path.is_dir() if key.endswith("/") else path.is_file(), key


def test_every_rule_group_has_its_tests():
    bench = _bench()
    groups = sorted(p.name for p in (ROOT / "tfdind_lint" / "rules").iterdir() if (p / "helpers.py").is_file())
    assert groups and [g for g in groups if bench.entry(bench.TESTS, f"rules/{g}/helpers.py") is None] == []
    assert bench.entry(bench.TESTS, "rules/podman/tdl301_podman_fuse_device_missing.py") == bench.TESTS["rules/podman/"]
    assert bench.entry(bench.TESTS, "model/daemon.py") == bench.TESTS["model/daemon.py"]
    assert bench.entry(bench.TESTS, "model/providers.py") is None
