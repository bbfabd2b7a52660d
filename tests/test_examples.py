"""examples/: the good variants are clean, the bad ones give exactly what examples/README.md lists."""

from __future__ import annotations

import re

from conftest import ROOT, line_of
from tfdind_lint.linter import lint

ROW = re.compile(r"^\| (TDL\d{3}) \| (error|warning|note) \| `([^`:]+):(\d+)` \|", re.M)


def readme_rows() -> set[tuple[str, str, str, int]]:
    text = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    return {(rule, severity, f"examples/{path}", int(line)) for rule, severity, path, line in ROW.findall(text)}


def test_bad_variants_give_exactly_the_documented_findings(in_root):
    report = lint(["examples"])
    found = {(f.rule, str(f.severity), f.span.path, f.span.line) for f in report.active}
    expected = readme_rows()
    assert len(expected) > 40
    assert found == expected, f"missing: {sorted(expected - found)}\nunexpected: {sorted(found - expected)}"


def test_good_variants_are_clean_and_acknowledge_their_privileged_sidecars(in_root):
    report = lint(sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("*/good")))
    assert report.active == []
    # each acknowledged at its `privileged = true` (examples/README.md)
    assert sorted((f.rule, f.span.path, line_of(f.span)) for f in report.findings) == [
        ("TDL401", "examples/devcontainer-kubernetes/good/main.tf", "privileged  = true"),
        ("TDL401", "examples/dind-docker/good/main.tf", "privileged = true"),
        ("TDL401", "examples/dind-kubernetes/good/main.tf", "privileged  = true"),
    ]


def test_each_variant_alone_gives_the_same_findings(in_root):
    whole = {(f.rule, f.span.path, f.span.line) for f in lint(["examples"]).active}
    piecewise = set()
    for variant in sorted((ROOT / "examples").glob("*/*")):
        if variant.is_dir():
            piecewise |= {(f.rule, f.span.path, f.span.line) for f in lint([str(variant.relative_to(ROOT))]).active}
    assert piecewise == whole
