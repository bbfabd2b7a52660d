"""Finding messages are one sentence of at most 120 characters, measured over examples/ and every rule fixture.

The why and the how go to the help lines (``Hit.hint``) and to ``tfdind-lint explain``.
The distribution is recorded in docs/messages.md; a longer message (or a second
sentence) is a regression this test names.
"""

from __future__ import annotations

import re
import statistics

import pytest

from conftest import TESTS
from tfdind_lint.linter import lint
from tfdind_lint.rules import PROJECT_SCOPED
from tfdind_lint.settings import RunSettings

LIMIT = 120
#: A sentence break outside backticks: ". " then a capital letter.
SECOND_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")


@pytest.fixture(scope="module")
def messages(request):
    import os

    cwd = os.getcwd()
    os.chdir(TESTS.parent)
    try:
        found = [(f.rule, f.message, str(f.span)) for f in lint(["examples"], RunSettings()).findings]
        for directory in sorted(p for p in (TESTS / "policies").iterdir() if p.is_dir()):
            projects = sorted(directory.iterdir()) if directory.name in PROJECT_SCOPED else [directory]
            for project in projects:
                report = lint([str(project.relative_to(TESTS.parent))], RunSettings(enabled={directory.name}))
                found += [(f.rule, f.message, str(f.span)) for f in report.findings]
        return found
    finally:
        os.chdir(cwd)


def test_every_message_fits_in_120_characters(messages):
    assert len(messages) > 250  # examples and fixtures were read
    long = [f"{where}: {rule} ({len(message)}): {message}" for rule, message, where in messages if len(message) > LIMIT]
    assert long == [], "\n".join(long)


def test_every_message_is_one_sentence(messages):
    def outside_code(text: str) -> str:
        return re.sub(r"`[^`]*`", "`…`", text)

    split = [f"{where}: {rule}: {message}" for rule, message, where in messages
             if SECOND_SENTENCE.search(outside_code(message))]
    assert split == [], "\n".join(split)


def test_the_recorded_distribution_is_current(messages):
    """docs/messages.md states the median and the 90th percentile; they may only go down."""
    lengths = sorted(len(m) for _, m, _ in messages)
    text = (TESTS.parent / "docs" / "messages.md").read_text(encoding="utf-8")
    median = int(re.search(r"median (\d+)", text).group(1))
    p90 = int(re.search(r"90th percentile (\d+)", text).group(1))
    assert statistics.median_low(lengths) <= median
    assert lengths[int(len(lengths) * 0.9)] <= p90
