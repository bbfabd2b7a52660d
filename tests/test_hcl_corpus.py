"""The differential corpus: our parser accepts exactly the files Terraform accepts.

tests/hcl_corpus/corpus.jsonl.gz holds thousands of small generated files and mutated fixtures with
``terraform fmt -check``'s verdict on each (tests/hcl_corpus/generate.py; docs/parsing.md).  A file
Terraform accepts must parse with no error; a file it rejects must give at least one error (a
``SourceError``, or an entry in ``errors``).  Where python-hcl2 also reads an accepted file, the two
parsers agree on its structure and literals (tests/test_fast_parser.py's comparison).
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from tfdind_lint.sources import SourceError
from tfdind_lint.sources.terraform import parse_file

CORPUS = Path(__file__).resolve().parent / "hcl_corpus" / "corpus.jsonl.gz"


def load() -> tuple[dict, list[dict]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        header = json.loads(next(lines))
        return header, [json.loads(line) for line in lines]


HEADER, CASES = load()


def data_of(case: dict) -> bytes:
    return base64.b64decode(case["base64"]) if "base64" in case else case["text"].encode("utf-8")


def verdict(data: bytes) -> tuple[str, str]:
    """("accept" | "reject", the first message)."""
    try:
        parsed = parse_file("main.tf", data)
    except SourceError as error:
        return "reject", error.message
    if parsed.errors:
        return "reject", parsed.errors[0].message
    return "accept", ""


def test_the_corpus_is_large_and_balanced():
    assert HEADER["cases"] == len(CASES) >= 5000
    accepted = sum(case["terraform"] == "accept" for case in CASES)
    assert 0.25 * len(CASES) < accepted < 0.75 * len(CASES)
    assert sum(case["name"].startswith("mut-") for case in CASES) >= 1000


def test_zero_disagreement_with_terraform():
    disagreements = []
    for case in CASES:
        ours, message = verdict(data_of(case))
        if ours != case["terraform"]:
            disagreements.append(f"{case['name']}: Terraform {case['terraform']}s, we {ours} {message}")
    assert disagreements == [], f"{len(disagreements)} disagreements:\n" + "\n".join(disagreements[:30])


def test_every_rejection_has_a_position_and_a_sentence():
    for case in CASES:
        if case["terraform"] != "reject":
            continue
        try:
            parsed = parse_file("main.tf", data_of(case))
            errors = parsed.errors
        except SourceError as error:
            errors = [error]
        for error in errors:
            assert error.message[:1].isupper() and error.span.line >= 1 and error.span.column >= 1, case["name"]


def test_python_hcl2_agrees_where_it_reads_the_file():
    hcl2 = pytest.importorskip("hcl2")
    from test_fast_parser import differential

    compared = 0
    for case in CASES:
        if case["terraform"] != "accept" or "text" not in case or not case["name"].startswith("gen-"):
            continue
        compared += differential(case["text"])
    assert compared > 100, hcl2.__name__
