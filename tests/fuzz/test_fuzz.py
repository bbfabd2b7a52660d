"""A short, seeded fuzz session (fuzz_engine.py) and the crashers earlier sessions found, kept as regressions.

The long run is ``python scripts/fuzz.py --duration SECONDS`` (docs/robustness.md, "Fuzzing").
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import fuzz_engine
import pytest
from fuzz_mutations import mutate

from tfdind_lint import lint

#: Fixed, so a failure here replays with `python scripts/fuzz.py --seed 20261206 --cases 400`.
SEED = 20261206
CASES = 400
CRASHERS = Path(__file__).parent / "crashers"


def test_a_short_seeded_session_finds_nothing(tmp_path):
    # the suite times nothing finely (a loaded CI machine): 60 s per case catches a hang, such as a backtracking
    # regular expression; the long run's bound is 10 s
    session = fuzz_engine.fuzz(SEED, cases=CASES, output=tmp_path, minimise_budget=20, bound=60)
    assert session.cases == CASES
    assert set(session.kinds) == {"hcl", "yaml", "json", "toml"}
    assert not session.failures, "\n\n".join(
        f"{signature}\nseed file {case.seed}, {'; '.join(case.mutations)}\n{failure.detail}\n"
        + "\n".join(f"--- {name}\n{data.decode('utf-8', 'replace')}" for name, data in case.files.items())
        for signature, (failure, case) in session.failures.items())


def test_the_mutations_replay_from_the_seed():
    data = (CRASHERS.parent.parent / "policies" / "TDL101" / "k8s_bad" / "main.tf").read_bytes()
    for kind in ("hcl", "yaml", "json", "toml"):
        assert mutate(random.Random(3), data, kind) == mutate(random.Random(3), data, kind)
    assert mutate(random.Random(3), data, "hcl") != mutate(random.Random(4), data, "hcl")


def test_the_seeds_leave_out_hostile_inputs_only_inside_the_checkout(tmp_path):
    """A `hostile` directory of the checkout is left out; a checkout that itself lies under such a directory is not."""
    root = tmp_path / "hostile" / "checkout"
    for relative in ("tests/policies/a.tf", "tests/hostile/deep.yaml", "examples/b.toml", "tests/notes.txt"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("x = 1\n")
    found = [p.relative_to(root).as_posix() for p in fuzz_engine.seeds(root)]
    assert found == ["tests/policies/a.tf", "examples/b.toml"]


@pytest.mark.parametrize("kind", ["hcl", "yaml", "json", "toml"])
def test_any_input_can_be_mutated(kind):
    """The harness must not fail on its own inputs: scalars, empty documents, bytes that are not UTF-8."""
    for data in (b"", b"x", b"\xe1\xff{[", b'"just a string"', b"- a\n- b\n", b"a: &x 1\nb: &x 2\n", b"{}", b"[1, [2]]"):
        for seed in range(250):
            mutated, done = mutate(random.Random(seed), data, kind)
            assert isinstance(mutated, bytes) and done


def test_a_failure_is_found_reduced_and_kept(tmp_path, monkeypatch):
    """The harness itself, on a bug planted in the reader: any document naming `boom` raises."""
    from tfdind_lint import manifest_shape

    conform = manifest_shape.conform

    def planted(document, strict=True):
        name = document.get("metadata", "name")
        if name is not None and name.value == "boom":
            raise TypeError("planted")
        return conform(document, strict)

    monkeypatch.setattr(manifest_shape, "conform", planted)
    text = (CRASHERS.parent.parent / "policies" / "TDL401" / "yaml" / "workspace-pod.yaml").read_bytes()
    assert b"name: coder-workspace" in text
    case = fuzz_engine.Case({"pod.yaml": text.replace(b"name: coder-workspace", b"name: boom", 1)}, "workspace-pod.yaml", ["by hand"])
    failure, _ = fuzz_engine.run_case(case, tmp_path / "case")
    assert failure is not None and failure.signature.startswith("TDL999") and "TypeError" in failure.signature
    small = fuzz_engine.minimise(case, failure.signature, tmp_path / "case", budget=60)
    reduced = small.files["pod.yaml"]
    assert b"boom" in reduced and len(reduced) < len(case.files["pod.yaml"]) / 3, reduced
    kept = fuzz_engine.save(tmp_path / "out", failure, case, small)
    assert (kept / "pod.yaml").read_bytes() == reduced
    assert (kept / "original" / "pod.yaml").read_bytes() == case.files["pod.yaml"]
    assert json.loads((kept / "failure.json").read_text())["signature"] == failure.signature
    slow, _ = fuzz_engine.run_case(case, tmp_path / "case", bound=-1)
    assert slow is not None and slow.signature.startswith("TDL999")  # an internal error wins over slowness
    monkeypatch.setattr(manifest_shape, "conform", conform)
    slow, _ = fuzz_engine.run_case(case, tmp_path / "case", bound=-1)
    assert slow is not None and slow.signature == "slow"


CRASHER_DIRECTORIES = sorted(p for p in CRASHERS.iterdir() if p.is_dir()) if CRASHERS.is_dir() else []


@pytest.mark.parametrize("directory", CRASHER_DIRECTORIES, ids=lambda p: p.name)
def test_a_crasher_found_by_fuzzing_is_linted_without_internal_error(directory):
    expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    report = lint([str(directory)])
    assert report.internal_errors == 0, [f.message for f in report.findings if f.rule == "TDL999"]
    found = sorted([Path(f.span.path).name, f.span.line, f.span.column, f.rule] for f in report.findings)
    assert found == sorted(expected["findings"])
