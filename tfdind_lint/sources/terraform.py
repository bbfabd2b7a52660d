"""Terraform (HCL) files to the positioned tree.

``hcl/parser.py`` reads HCL's native syntax into our tree directly (docs/parsing.md); this module
decodes the file, refuses nesting too deep before parsing (a quick scan of the brackets), and offers
``Embedded``: template and expression syntax inside other text (JSON strings in ``terraform_json.py``),
read at its file positions.
"""

from __future__ import annotations

import codecs
import itertools
import sys

from ..expression import Opaque
from ..lazy_re import LazyPattern
from ..node import Block, Node, Span
from ..record import MutableValue
from . import Comment, SourceError
from .hcl.parser import MAX_TREE_DEPTH, TOO_DEEP, Parser
from .text import LineIndex, decode

__all__ = ["MAX_TREE_DEPTH", "Embedded", "TerraformFile", "parse_file"]


class TerraformFile(MutableValue):
    """A parsed ``.tf`` file: its body, comments and text."""

    __slots__ = _fields = ("path", "body", "comments", "text", "errors", "complete")

    def __init__(self, path: str, body: Block, comments: list[Comment], text: str,
                 errors: list[SourceError] | None = None, complete: bool = True):
        self.path = path
        self.body = body
        self.comments = comments
        self.text = text
        #: Problems Terraform would reject (a redefined attribute, a syntax error the reading resumed after).
        self.errors = [] if errors is None else errors
        #: False when a syntax error left part of the file unread: rules on something's absence stay silent.
        self.complete = complete


def parse_file(path: str, data: bytes) -> TerraformFile:
    """Parse one ``.tf`` file.  Raises ``SourceError`` when the file cannot be read as HCL."""
    text, not_utf8 = _decode(data, path)
    if not_utf8:  # bytes that are not UTF-8: where Terraform takes them (comments, strings), read on without them
        try:
            checked = _parse(text, path)
        except SourceError as error:
            if error.message.startswith("Not valid UTF-8"):
                raise
        else:
            for error in checked.errors:
                if error.message.startswith("Not valid UTF-8"):
                    raise error  # the file is refused as a whole, as Terraform refuses it
        text = _ESCAPED_BYTES.sub(lambda m: "\ufffd" * len(m.group()), text)
    return _parse(text, path)


_ESCAPED_BYTES = LazyPattern(r"[\udc80-\udcff]+")


def _parse(text: str, path: str) -> TerraformFile:
    stack = _open_brackets(text, MAX_TREE_DEPTH)[0] if _may_nest_deeper(text, MAX_TREE_DEPTH) else ()
    if len(stack) > MAX_TREE_DEPTH:  # each bracket is a level of the tree: refuse before the parser recurses
        line, column = LineIndex(text).position(stack[-1])
        raise SourceError(TOO_DEEP, Span(path, line, column, line, column + 1))
    parser = Parser(text, path)
    with _stack_room():
        try:
            body = parser.file()
        except RecursionError:  # a backstop: the parser counts its depth first
            raise SourceError(TOO_DEEP, Span(path, 1, 1, 1, 2)) from None
    _room_for(parser.deepest)
    if parser.failures and not body.attributes and not body.blocks:
        raise parser.failures[0]  # nothing read: the file is one error, as before recovery
    comments = [parser.comments[offset] for offset in sorted(parser.comments)]
    errors = sorted(parser.errors + parser.failures, key=lambda e: (e.span.line, e.span.column))
    return TerraformFile(path, body, comments, text, errors, complete=not parser.failures)


_LONE_CR = LazyPattern(rb"\r(?!\n)")


def _decode(data: bytes, path: str) -> tuple[str, bool]:
    """The text of a ``.tf`` file, as Terraform reads it: UTF-8 only, CRLF or LF line breaks.

    ``text.decode`` accepts UTF-16 with a byte-order mark and makes a lone CR a line break (YAML
    allows both); Terraform refuses UTF-16, and a lone CR is a character it rejects outside comments
    and heredocs, so it is put back for the parser to judge where it stands.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError("Invalid character encoding: this file is UTF-16 (it starts with a UTF-16 byte-order mark), "
                          "and Terraform reads only UTF-8; save it as UTF-8", Span(path, 1, 1, 1, 2))
    try:
        text = decode(data, path)
    except SourceError as error:
        if not error.message.startswith("Not valid UTF-8"):
            raise
        # Terraform reads bytes that are not UTF-8 in comments, and UTF-8-shaped ones in strings: keep them (as
        # surrogate escapes) for the parser to judge where they stand
        text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff").replace("\r\n", "\n")
        return text, True
    if b"\r" in data:
        lone = [m.start() for m in _LONE_CR.finditer(data)]
        if lone:
            chars = list(text)
            skipped = 3 if data.startswith(codecs.BOM_UTF8) else 0
            for offset in lone:  # each lone CR became one line break at the same character offset
                before = data[skipped:offset]
                chars[len(before.decode("utf-8")) - before.count(b"\r\n")] = "\r"
            text = "".join(chars)
    return text, False


#: Python frames a level of the tree may take: three in the parser, more in what reads the tree afterwards
#: (evaluation, references), which recurses too.
FRAMES_PER_LEVEL = 12

#: Trees up to this deep fit in Python's default recursion limit (1,000) downstream; real templates stay under 30.
SHALLOW = 60


class _stack_room:
    """Room for the parser's recursion while it reads (the limit is put back after)."""

    def __enter__(self):
        self.limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(self.limit, FRAMES_PER_LEVEL * MAX_TREE_DEPTH + 1000))

    def __exit__(self, *exc):
        sys.setrecursionlimit(self.limit)


def _room_for(depth: int) -> None:
    """Raise Python's recursion limit for the rest of the process so that a tree this deep can be walked.

    Only files nested deeper than real templates ever are need it, and the limit is never lowered: the tree
    is read until the end of the run.  (Other readers that rely on the default limit, such as the YAML
    composer's depth check, set it for themselves: ``pieces.py``.)
    """
    if depth > SHALLOW:
        sys.setrecursionlimit(max(sys.getrecursionlimit(), FRAMES_PER_LEVEL * depth + 1000))


class Embedded:
    """Terraform template and expression syntax found inside other text, read at its file positions.

    ``terraform_json.py`` reads JSON strings with it.  ``scope`` holds the names bound around the text
    (``dynamic`` block iterators); a syntax error goes to ``errors`` and the value becomes unknown.
    """

    def __init__(self, path: str):
        self.path = path
        self.scope: list[frozenset[str]] = []
        self.errors: list[SourceError] = []

    def template(self, text: str, locate, span: Span, source: str, lines=None) -> Node:
        if "${" not in text and "%{" not in text:
            return Node(text, span, lines=lines)
        parser = Parser(text, self.path, locate, self.scope, self.errors)
        depth = len(self.scope)
        try:
            with _stack_room():
                node = parser.template_node(span, source, lines)
            _room_for(parser.deepest)
            return node
        except (SourceError, RecursionError) as error:
            del self.scope[depth:]
            self.errors.append(error if isinstance(error, SourceError) else SourceError(TOO_DEEP, span))
            return Node(Opaque(source, ()), span, lines=lines)

    def expression(self, text: str, locate) -> Node | None:
        if not text.strip():
            return None
        parser = Parser(text, self.path, locate, self.scope, self.errors)
        parser.newlines = [False]
        depth = len(self.scope)
        try:
            with _stack_room():
                parser.advance_from(0)
                node = parser.expression()[0]
                if parser.kind != "eof":
                    raise parser.unexpected("expected the end of the expression")
            _room_for(parser.deepest)
        except (SourceError, RecursionError) as error:
            del self.scope[depth:]
            line, column = locate(0)
            self.errors.append(error if isinstance(error, SourceError) else
                               SourceError(TOO_DEEP, Span(self.path, line, column, line, column + 1)))
            return None
        return node


# ----------------------------------------------------------------------------------------------
# Before parsing: comments, and the heredoc closing-marker fix-up
# ----------------------------------------------------------------------------------------------


_SCAN_BRACKETS = LazyPattern(r'#|//|/\*|"|<<-?[A-Za-z][A-Za-z0-9._-]*\n|[{}\[\]()]')
_CLOSING = {"}": "{", "]": "[", ")": "("}


def _lexemes(text: str):
    """What a quick scan of HCL text sees, skipping the insides of strings and heredoc bodies.

    Yields ``("comment", start, end, marker)``, ``("string", start, end)`` (end is where
    the string stops: after its closing quote, or at the end of its line when it
    never closes), ``("heredoc", closing_line_start, closing_line_end, marker)`` and
    ``("bracket", offset)``.
    """
    pattern = _SCAN_BRACKETS
    pos = 0
    n = len(text)
    while pos < n:
        m = pattern.search(text, pos)
        if m is None:
            return
        token = m.group(0)
        start = m.start()
        if token in ("#", "//"):
            end = text.find("\n", start)
            pos = n if end < 0 else end
            yield ("comment", start, pos, token)
        elif token == "/*":
            end = text.find("*/", start + 2)
            pos = n if end < 0 else end + 2
            yield ("comment", start, pos, token)
        elif token == '"':
            pos = _skip_string(text, start + 1)
            yield ("string", start, pos)
        elif token.startswith("<<"):
            marker = token.lstrip("<-").rstrip("\n")
            pos = m.end()
            while pos < n:
                line_end = text.find("\n", pos)
                line_end = n if line_end < 0 else line_end
                if text[pos:line_end].strip() == marker:
                    yield ("heredoc", pos, line_end, marker)
                    pos = line_end
                    break
                pos = line_end + 1
        else:
            yield ("bracket", start)
            pos = m.end()


_BRACKET = LazyPattern(r"[{}\[\]()]")
_BRACKET_STEP = {"{": 1, "[": 1, "(": 1, "}": -1, "]": -1, ")": -1}


def _may_nest_deeper(text: str, limit: int) -> bool:
    """Whether brackets, strings and comments included, ever nest more than ``limit`` deep: a quick test at C
    speed before the exact scan, which usually need not run.  (The parsed tree's depth is checked after parsing
    anyway; this only spares the parser hostile input.)"""
    if text.count("{") + text.count("[") + text.count("(") <= limit:  # fewer brackets open than that in all
        return False
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, _BRACKET.findall(text))), default=0) > limit


def _open_brackets(text: str, limit: int | None = None) -> tuple[list[int], int | None]:
    """(offsets of the brackets still open at the end of ``text``, offset of a string or comment that never closes).

    With a ``limit``, stops as soon as more than ``limit`` brackets are open.
    """
    stack: list[int] = []
    for lexeme in _lexemes(text):
        kind, start = lexeme[0], lexeme[1]
        if kind == "string":
            end = lexeme[2]
            if end >= len(text) or text[end - 1] != '"' or end == start + 1:
                return stack, start  # a string that never closes on its line
        elif kind == "comment" and lexeme[3] == "/*" and not text.endswith("*/", start + 2, lexeme[2]):
            return stack, start  # a comment that never closes
        elif kind == "bracket":
            char = text[start]
            if char in "{[(":
                stack.append(start)
                if limit is not None and len(stack) > limit:
                    break
            elif stack and text[stack[-1]] == _CLOSING[char]:
                stack.pop()
    return stack, None


_STRING_STOP = LazyPattern(r'[\\\n"]|[$%]\{')  # what ends or opens something in a string's literal part
_INTERPOLATION_STOP = LazyPattern(r'[\\{}"]')  # what matters inside ${ ... } / %{ ... }


def _skip_string(text: str, pos: int) -> int:
    """Offset just after the closing quote of a string whose body starts at ``pos`` (end of line if unclosed)."""
    n = len(text)
    depth = 0
    while pos < n:  # jump from one character that matters to the next (the scan runs over every file)
        m = (_INTERPOLATION_STOP if depth else _STRING_STOP).search(text, pos)
        if m is None:
            return n
        pos = m.start()
        c = text[pos]
        if c == "\\":
            pos += 2
        elif depth == 0:
            if c == "\n":
                return pos
            if c == '"':
                return pos + 1
            if pos > 0 and text[pos - 1] == c:  # $${ / %%{ are escapes
                pos += 1
            else:
                depth = 1
                pos += 2
        elif c == "{":
            depth += 1
            pos += 1
        elif c == "}":
            depth -= 1
            pos += 1
        else:  # a string inside an interpolation
            pos = _skip_string(text, pos + 1)
    return min(pos, n)
