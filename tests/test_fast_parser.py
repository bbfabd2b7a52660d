"""Our HCL parser against an independent one: python-hcl2 (in the test extra only).

For every Terraform file of the repository that python-hcl2 accepts, the block structure (types,
labels, attribute names, in order) and every literal value python-hcl2 reads (numbers, booleans, null,
strings without escapes or templates, lists and objects of them) must be what our parser reads.
python-hcl2 has gaps of its own (docs/parsing.md), so a file it rejects is not compared; the corpus
test (tests/test_hcl_corpus.py) compares both with Terraform itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tfdind_lint.node import Block, Node
from tfdind_lint.sources import SourceError
from tfdind_lint.sources.terraform import parse_file

hcl2 = pytest.importorskip("hcl2")

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for d in ("tests", "examples") for p in (ROOT / d).rglob("*.tf"))


def _label(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def _raw(text: str) -> bool:
    """Whether python-hcl2 keeps this string as written where we decode it (escapes, `$${`, `%%{`)."""
    return "\\" in text or "$$" in text or "%%" in text


def _own(key: str) -> bool:
    """A key of python-hcl2's dict that stands for something in the file (not its markers, not a comment it
    mistook for a key: `output /* c */ {}`)."""
    return not key.startswith(("__", "/*", "#", "//"))


def _is_block(entry) -> bool:
    """A block's dict: marked, or one label leading to a block's dict (python-hcl2 nests labels as keys)."""
    if not isinstance(entry, dict):
        return False
    if entry.get("__is_block__"):
        return True
    keys = [k for k in entry if not k.startswith("__")]
    return len(keys) == 1 and _is_block(entry[keys[0]])


def _past_comments(entry: dict) -> dict:
    """python-hcl2 reads a comment between a block's labels and its `{` as one more label: step over it."""
    keys = [k for k in entry if not k.startswith("__")]
    while len(keys) == 1 and not _own(keys[0]) and isinstance(entry[keys[0]], dict):
        entry = entry[keys[0]]
        keys = [k for k in entry if not k.startswith("__")]
    return entry


def _is_blocks(value) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_block(v) for v in value)


def compare_body(theirs: dict, ours: Block, where: str) -> None:
    """python-hcl2's dict of a body against our Block: attributes, then nested blocks by type."""
    if set(ours.attributes) & {b.type for b in ours.blocks}:
        return  # an attribute and a block of the same name: one key in python-hcl2's dict, nothing to compare
    attributes = [k for k, v in theirs.items() if _own(k) and not _is_blocks(v)]
    assert attributes == list(ours.attributes), f"{where}: attribute names"
    for name in attributes:
        compare_value(theirs[name], ours.attributes[name], f"{where}.{name}")
    types = [k for k, v in theirs.items() if _is_blocks(v)]
    assert types == list(dict.fromkeys(b.type for b in ours.blocks)), f"{where}: block types"
    for type_ in types:
        blocks = ours.blocks_of(type_)
        assert len(theirs[type_]) == len(blocks), f"{where}: {type_} blocks"
        for entry, block in zip(theirs[type_], blocks):
            body = entry
            for label in block.labels:  # each label is one level of nesting in python-hcl2's dict
                body = _past_comments(body)
                (key,) = [k for k in body if _own(k)]
                assert _label(key) == label or _raw(key), f"{where}: labels of {type_}"
                body = body[key]
            compare_body(_past_comments(body), block, f"{where}/{type_}{list(block.labels)}")


def compare_value(theirs, ours: Node, where: str) -> None:
    value = ours.value
    if isinstance(theirs, str) and theirs.startswith("${") and theirs.endswith("}"):
        return  # python-hcl2 kept it as an expression (it reads `1E-3`, for one, so): nothing literal to compare
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        assert theirs == value, where
    elif isinstance(value, str):
        if isinstance(theirs, str) and not theirs.startswith('"<<') and not _raw(theirs):
            assert theirs == f'"{value}"', where  # python-hcl2 keeps a string's quotes (and escapes) as written
    elif isinstance(value, list) and isinstance(theirs, list):
        assert len(theirs) == len(value), where
        for i, (t, o) in enumerate(zip(theirs, value)):
            compare_value(t, o, f"{where}[{i}]")
    elif isinstance(value, dict) and isinstance(theirs, dict):
        assert [_label(k) for k in theirs if not _raw(k)] == [k for k, t in zip(value, theirs) if not _raw(t)], where
        for key, t in zip(value, theirs.values()):
            compare_value(t, value[key], f"{where}.{key}")


def differential(text: str, path: str = "main.tf") -> bool:
    """Compare both parsers on ``text``; False when python-hcl2 rejects it (nothing to compare)."""
    try:
        theirs = hcl2.loads(text)
    except Exception:  # noqa: BLE001  (python-hcl2's own gaps: see docs/parsing.md)
        return False
    ours = parse_file(path, text.encode())
    compare_body(theirs, ours.body, path)
    return True


def test_the_repository_has_terraform_files_to_compare():
    assert len(FILES) > 100


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_structure_and_literals_as_python_hcl2(path):
    text = path.read_text(encoding="utf-8")
    try:
        differential(text, str(path))
    except SourceError:  # a fixture of a syntax error: python-hcl2 must reject it too (or Terraform would)
        with pytest.raises(Exception):  # noqa: B017
            hcl2.loads(text)


def test_most_files_are_compared():
    """python-hcl2 reads nearly every fixture: a broken comparison (everything rejected) would test nothing."""
    compared = 0
    for path in FILES:
        try:
            compared += differential(path.read_text(encoding="utf-8"), str(path))
        except SourceError:
            pass
    assert compared > 0.9 * len(FILES)


def test_a_difference_is_caught():
    theirs = hcl2.loads('locals {\n  a = 1\n  b = "x"\n}\n')
    ours = parse_file("main.tf", b'locals {\n  a = 2\n  b = "x"\n}\n')
    with pytest.raises(AssertionError):
        compare_body(theirs, ours.body, "main.tf")
