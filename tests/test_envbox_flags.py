"""envbox's value parsers accept exactly what Go's strconv and envbox's parseMounts accept."""

from __future__ import annotations

import pytest

from tfdind_lint.model.envbox_flags import MountEntry, MountsError, parse_bool, parse_int, parse_mounts


@pytest.mark.parametrize("text, value", [
    ("0", 0), ("2", 2), ("+2", 2), ("-2", -2), ("-0", 0), ("007", 7), ("6291456", 6291456),
    ("9223372036854775807", 2**63 - 1), ("-9223372036854775808", -(2**63)),
    ("0000000000000000000000001", 1),  # leading zeros: base 10 is explicit, so no octal
])
def test_parse_int_accepts(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("text", [
    "", "+", "-", "+-1", "--1", " 2", "2 ", "2\n", "1_000", "0x10", "0b1", "0o7", "1.5", "1e3", "2Gi", "4G", "2k",
    "9223372036854775808", "-9223372036854775809",  # out of int64 range: ErrRange
    "\u0662",  # ARABIC-INDIC DIGIT TWO: Python's int() takes it, Go does not
    "１",  # FULLWIDTH DIGIT ONE
])
def test_parse_int_rejects(text):
    assert parse_int(text) is None


def test_parse_bool_accepts_exactly_go_spellings():
    accepted = {t: parse_bool(t) for t in ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]}
    assert accepted == {"1": True, "t": True, "T": True, "TRUE": True, "true": True, "True": True,
                        "0": False, "f": False, "F": False, "FALSE": False, "false": False, "False": False}


@pytest.mark.parametrize("text", [
    "", "yes", "no", "on", "off", "y", "n", "tRUE", "fALSE", "TrUe", " true", "true ", "2", "-1", "01", "enabled",
])
def test_parse_bool_rejects(text):
    assert parse_bool(text) is None


def test_parse_mounts():
    assert parse_mounts("") == []
    assert parse_mounts("/home/coder:/home/coder") == [MountEntry("/home/coder", "/home/coder", False)]
    assert parse_mounts("/a:/b:ro,/c:/d") == [MountEntry("/a", "/b", True), MountEntry("/c", "/d", False)]
    # a third token other than "ro" is accepted and means read-write
    assert parse_mounts("/a:/b:rw") == [MountEntry("/a", "/b", False)]
    # envbox does not trim: the spaces are part of the paths
    assert parse_mounts("/a:/b, /c:/d") == [MountEntry("/a", "/b", False), MountEntry(" /c", "/d", False)]
    assert parse_mounts(":") == [MountEntry("", "", False)]


@pytest.mark.parametrize("text, entry", [
    ("/home/coder", "/home/coder"),
    ("/a:/b:ro:x", "/a:/b:ro:x"),
    ("/a:/b,", ""),  # a trailing comma is an empty entry
    (",/a:/b", ""),
    ("/a:/b,/c", "/c"),
])
def test_parse_mounts_rejects(text, entry):
    with pytest.raises(MountsError) as error:
        parse_mounts(text)
    assert error.value.entry == entry


def test_mount_entry_fields():
    # compared field by field: an equality test of two MountEntry objects cannot see a field the constructor drops
    read_only, read_write = parse_mounts("/a:/b:ro,/c:/d")
    assert (read_only.source, read_only.target, read_only.read_only) == ("/a", "/b", True)
    assert (read_write.source, read_write.target, read_write.read_only) == ("/c", "/d", False)


def test_mounts_error_message():
    with pytest.raises(MountsError) as error:
        parse_mounts("/a:/b,/home/coder")
    assert str(error.value) == "malformed mounts value '/home/coder'"
