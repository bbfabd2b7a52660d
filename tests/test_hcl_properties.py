"""The HCL parser on arbitrary input (hypothesis): it never raises anything but a ``SourceError``, never hangs,
and does work linear in the size of its input.

Linear work is counted, not timed (speed is measured by bench/parser.py): the Python calls a parse makes,
through ``sys.setprofile``, grow by the factor the input grows, for the shapes that could go quadratic
(long strings and heredocs, many items, comments, interpolations, unclosed brackets).
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tfdind_lint.node import Block, Node
from tfdind_lint.sources import SourceError
from tfdind_lint.sources.hcl.parser import _closing_line
from tfdind_lint.sources.terraform import parse_file

_SPEC = importlib.util.spec_from_file_location("hcl_corpus_generate", Path(__file__).resolve().parent / "hcl_corpus" / "generate.py")
_GENERATE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_GENERATE)
Gen = _GENERATE.Gen  # the corpus's grammar-driven generator

PROPERTY = settings(max_examples=300, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: The characters and pieces that steer the scanner and the parser.
PIECES = ["{", "}", "[", "]", "(", ")", '"', "${", "%{", "~}", "$${", "%%{", "<<EOT\n", "<<-EOT\n", "\nEOT\n", "\\",
          "#", "//", "/*", "*/", "\n", "\r", "\r\n", " ", "=", "==", ":", "::", ",", ".", "...", "=>", "?", "*", "-",
          "!", "&&", "for ", " in ", "if ", "endif", "endfor", "a", "b.c", "1", "1.5e3", "é", "\udc80", "\ufeff",
          "resource \"x\" \"y\" ", "locals "]


def read(data: bytes):
    """Parse; a ``SourceError`` is a fine answer, anything else fails the test (it would be a TDL999)."""
    try:
        return parse_file("main.tf", data)
    except SourceError as error:
        assert error.message[:1].isupper() and error.span.line >= 1 and error.span.column >= 1
        return None


def spans_are_sound(tf, data: bytes) -> None:
    lines = data.decode("utf-8", "replace").replace("\r\n", "\n").split("\n")
    stack: list = [tf.body]
    while stack:
        item = stack.pop()
        if isinstance(item, Block):
            stack.extend(item.blocks)
            stack.extend(item.attributes.values())
            continue
        assert isinstance(item, Node)
        span = item.span
        assert (span.line, span.column) <= (span.end_line, span.end_column) and span.end_line <= len(lines) + 1
        if isinstance(item.value, dict):
            stack.extend(item.value.values())
        elif isinstance(item.value, list):
            stack.extend(item.value)


@PROPERTY
@given(st.binary(max_size=400))
def test_random_bytes(data):
    read(data)


@PROPERTY
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_random_pieces_of_syntax(pieces):
    text = "".join(pieces)
    read(text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.randoms(use_true_random=False))
def test_grammar_generated_text(rng):
    text = Gen(rng).file()
    tf = read(text.encode())
    if tf is not None:
        spans_are_sound(tf, text.encode())


def calls(data: bytes) -> int:
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        read(data)
    finally:
        sys.setprofile(None)
    return count


SHAPES = {
    "string": lambda n: b'x = "' + b"a" * (n * 50) + b'"\n',
    "heredoc": lambda n: b"x = <<EOT\n" + b"line of text\n" * n + b"EOT\n",
    "flush heredoc with interpolations": lambda n: b"x = <<-EOT\n" + b"  a ${b} c\n" * n + b"  EOT\n",
    "list items": lambda n: b"x = [" + b"1, " * n + b"]\n",
    "object items": lambda n: b"x = {\n" + b"  a = 1\n" * n + b"}\n",
    "attributes": lambda n: b"".join(b"a%d = %d\n" % (i, i) for i in range(n)),
    "comments": lambda n: b"# c\n" * n,
    "interpolations": lambda n: b'x = "' + b"${a}" * n + b'"\n',
    "escapes": lambda n: b'x = "' + b"\\n" * n + b'"\n',
    "operators": lambda n: b"x = " + b"a + " * min(n, 900) + b"1\n" + b"# pad\n" * n,
    "unclosed brackets": lambda n: b"x = " + b"[" * min(n, 900) + b"\n" + b"# pad\n" * n,
    "unclosed string": lambda n: b'x = "' + b"a" * (n * 50),
    "broken blocks": lambda n: b"".join(b'b "%d" {\n  x = [\n}\n' % i for i in range(min(n, 9))) + b"y {\n}\n" * n,
}


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_work_is_linear_in_the_input(shape):
    make = SHAPES[shape]
    small, large = calls(make(200)), calls(make(800))
    assert large <= 4.5 * small + 200, (small, large)


def test_a_mebibyte_string_and_heredoc_are_read():
    text = b'x = "' + b"a" * (1024 * 1024) + b'"\ny = <<EOT\n' + (b"b" * 100 + b"\n") * 10_000 + b"EOT\n"
    tf = read(text)
    assert tf is not None and len(tf.body.attributes["y"].value) == 101 * 10_000


def test_the_generator_covers_both_verdicts():
    rng = random.Random(1)
    verdicts = {read(Gen(rng).file().encode()) is None for _ in range(200)}
    assert verdicts == {True, False}


@settings(max_examples=2000, deadline=None, database=None)
@given(head=st.sampled_from(["", "a\n", "<<EOF\n", "x EOF\n"]), marker=st.sampled_from(["EOF", "EO", "END_X"]),
       body=st.lists(st.sampled_from(["EOF", "EO", "F", "END_X", " ", "\t", "\n", "x", "EOFX", "-", "\r"]), max_size=14))
def test_a_heredocs_closing_line_is_the_first_line_of_its_marker_alone(head, marker, body):
    """The parser finds the closing line without a pattern built for each heredoc: as ``^[ \\t]*MARKER[ \\t]*\\n``
    (multi-line) searched from the body's start would find it."""
    text = head + "".join(body)
    found = re.compile(r"^[ \t]*" + re.escape(marker) + r"[ \t]*\n", re.M).search(text, len(head))
    assert _closing_line(text, marker, len(head)) == (found and found.span())
