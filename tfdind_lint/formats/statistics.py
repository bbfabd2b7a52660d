"""``--statistics``: how many findings each rule reported (ruff's ``--statistics``), most frequent first."""

from __future__ import annotations

import json

from .text import summary


def counts(report) -> list[tuple[str, str, int]]:
    """(rule, name, count) of the reported findings (not suppressed, not baselined)."""
    found: dict[tuple[str, str], int] = {}
    for f in report.active:
        found[(f.rule, f.name)] = found.get((f.rule, f.name), 0) + 1
    return sorted(((rule, name, n) for (rule, name), n in found.items()), key=lambda t: (-t[2], t[0]))


def render(report, as_json: bool) -> str:
    rows = counts(report)
    if as_json:
        return json.dumps([{"rule": r, "name": n, "count": c} for r, n, c in rows], indent=2) + "\n"
    width = max((len(str(c)) for _, _, c in rows), default=1)
    rule_width = max((len(r) for r, _, _ in rows), default=6)
    lines = [f"{c:>{width}}  {r:<{rule_width}}  {n}" for r, n, c in rows]
    return "\n".join([*lines, summary(report)]) + "\n"
