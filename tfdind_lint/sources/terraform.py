"""Terraform (HCL) files to the positioned tree.

With ``hcl_parser.py``, the only module that uses python-hcl2.  We use its Lark grammar
and parser (loaded and driven by ``hcl_parser``) and build our own tree from the raw Lark tree, whose
tokens carry line and column: python-hcl2's own dict output has no positions.

python-hcl2 8.x rejects a heredoc whose closing-marker line carries trailing
whitespace (``  EOT  ``), which Terraform accepts.  ``_prepare`` removes that
whitespace before parsing; it never moves a character to another line or an
earlier column, so every position stays the user's.  (The 4.x/6.x grammars
accept it but reject object entries after a conditional value; see
docs/parsing.md.)

Template syntax inside other text (heredoc bodies here, JSON strings in
``terraform_json.py``) is read by one reader, ``Embedded``, which maps every
character back to its file position.

Hostile input: nesting deeper than ``MAX_TREE_DEPTH`` is refused before our
recursive builder sees it (on the brackets of the text, then on the Lark tree),
and syntax errors become messages that say what to fix (docs/robustness.md).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from ..expression import Call, Conditional, Opaque, Operation, Template, Traversal
from ..node import Block, Node, Reference, Span
from . import Comment, SourceError
from . import hcl_parser
from .text import LineIndex, decode

@dataclass(slots=True)
class TerraformFile:
    path: str
    body: Block
    comments: list[Comment]
    text: str
    #: Problems Terraform would reject but that do not stop us reading the file (e.g. a redefined attribute).
    errors: list[SourceError] = field(default_factory=list)


BUILTIN_ROOTS = frozenset({"var", "local", "data", "module", "count", "each", "self", "path", "terraform"})

_OPERATORS = {
    "DOUBLE_EQ": "==", "NEQ": "!=", "LT": "<", "GT": ">", "LEQ": "<=", "GEQ": ">=",
    "MINUS": "-", "ASTERISK": "*", "SLASH": "/", "PERCENT": "%",
    "DOUBLE_AMP": "&&", "DOUBLE_PIPE": "||", "PLUS": "+", "NOT": "!",
}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_HEREDOC_HEAD = re.compile(r"<<(-?)([A-Za-z][A-Za-z0-9._-]*)\n")
_SCAN = re.compile(r'#|//|/\*|"|<<-?[A-Za-z][A-Za-z0-9._-]*\n')
_DIRECTIVE = re.compile(r"(if|else|endif|for|endfor)\b")  # matched after the padding is stripped: no backtracking
_DIRECTIVE_PAD = " \t\r\n~"
_TEMPLATE_START = re.compile(r"[$%]\{")
_HEREDOC_OPENER = re.compile(r"<<-?([A-Za-z][A-Za-z0-9._-]*)")
_FOR_HEAD = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*(?:,\s*([A-Za-z_][A-Za-z0-9_-]*)\s*)?in\b", re.S)


#: The deepest Lark syntax tree we build from: real templates stay under 30 levels.  The builder
#: recurses once or twice per level, so deeper input is refused before it could exhaust Python's stack.
MAX_TREE_DEPTH = 200


def parse_file(path: str, data: bytes) -> TerraformFile:
    """Parse one ``.tf`` file.  Raises ``SourceError`` when the file cannot be read as HCL."""
    text = decode(data, path)
    prepared, comments = _prepare(text, path)
    stack = _open_brackets(prepared, MAX_TREE_DEPTH)[0] if _may_nest_deeper(prepared, MAX_TREE_DEPTH) else ()
    if len(stack) > MAX_TREE_DEPTH:  # each bracket is a level of the tree: refuse before Lark spends seconds
        line, column = LineIndex(prepared).position(stack[-1])
        raise SourceError(_TOO_DEEP, Span(path, line, column, line, column + 1))
    tree = _parse(prepared, path)
    builder = _Builder(prepared, path)
    try:
        body = builder.body(tree.children[0], Span(path, 1, 1, *LineIndex(prepared).position(len(prepared))))
    except RecursionError:  # a backstop: _parse refuses deep trees first
        raise SourceError(_TOO_DEEP, Span(path, 1, 1, 1, 2)) from None
    return TerraformFile(path, body, comments, text, builder.errors)


_TOO_DEEP = (f"Nested too deeply to analyse (more than {MAX_TREE_DEPTH} levels of blocks, brackets and expressions); "
             "flatten this part or split it up")


def _parse(text: str, path: str):
    """The Lark tree of HCL text; a ``SourceError`` for a syntax error or a tree nested too deeply."""
    try:
        tree = hcl_parser.parse(text + "\n")
    except hcl_parser.exceptions.LarkError as exc:  # type: ignore[union-attr]  (loaded by then)
        raise _syntax_error(exc, text, path) from None
    deep = _too_deep(tree)
    if deep is not None:
        token = _edge_token(deep, False)  # the parser keeps no positions on trees: its first token's
        line, column = (1, 1) if token is None else (token.line, token.column)
        raise SourceError(_TOO_DEEP, Span(path, line, column, line, column + 1))
    return tree


def _too_deep(tree):
    """The first subtree (in file order) more than ``MAX_TREE_DEPTH`` levels down, or None."""
    level = [tree]  # breadth first, one level at a time: each level lists its subtrees in file order
    for _depth in range(MAX_TREE_DEPTH):
        level = [child for node in level for child in node.children if type(child) is hcl_parser.Tree]
        if not level:
            return None
    return level[0]


# ----------------------------------------------------------------------------------------------
# Before parsing: comments, and the heredoc closing-marker fix-up
# ----------------------------------------------------------------------------------------------


_SCAN_BRACKETS = re.compile(r'#|//|/\*|"|<<-?[A-Za-z][A-Za-z0-9._-]*\n|[{}\[\]()]')
_CLOSING = {"}": "{", "]": "[", ")": "("}


def _lexemes(text: str, brackets: bool = False):
    """What a quick scan of HCL text sees, skipping the insides of strings and heredoc bodies.

    Yields ``("comment", start, end, marker)``, ``("string", start, end)`` (end is where
    the string stops: after its closing quote, or at the end of its line when it
    never closes), ``("heredoc", closing_line_start, closing_line_end, marker)`` and,
    with ``brackets``, ``("bracket", offset)``.
    """
    pattern = _SCAN_BRACKETS if brackets else _SCAN
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


def _prepare(text: str, path: str) -> tuple[str, list[Comment]]:
    """Collect comments and strip trailing blanks after heredoc closing markers (position-preserving)."""
    comments: list[Comment] = []
    index: LineIndex | None = None
    fixes: list[tuple[int, int]] = []  # (start, end) of trailing whitespace to drop
    for lexeme in _lexemes(text):
        if lexeme[0] == "comment":
            _, start, end, marker = lexeme
            index = index or LineIndex(text)
            body_end = end - 2 if marker == "/*" and text.endswith("*/", 0, end) else end
            comments.append(Comment(text[start + len(marker):max(start + len(marker), body_end)], index.span(path, start, end)))
        elif lexeme[0] == "heredoc":
            _, line_start, line_end, _marker = lexeme
            stripped = len(text[line_start:line_end].rstrip())
            if line_start + stripped < line_end:
                fixes.append((line_start + stripped, line_end))
    if fixes:
        pieces = []
        last = 0
        for start, end in fixes:
            pieces.append(text[last:start])
            last = end
        pieces.append(text[last:])
        text = "".join(pieces)
    return text, comments


_BRACKET = re.compile(r"[{}\[\]()]")
_BRACKET_STEP = {"{": 1, "[": 1, "(": 1, "}": -1, "]": -1, ")": -1}


def _may_nest_deeper(text: str, limit: int) -> bool:
    """Whether brackets, strings and comments included, ever nest more than ``limit`` deep: a quick test at C
    speed before the exact scan, which usually need not run.  (The parsed tree's depth is checked after parsing
    anyway; this only spares Lark hostile input.)"""
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, _BRACKET.findall(text))), default=0) > limit


def _unclosed(text: str) -> int | None:
    """Offset of the first string or comment that does not close, else of the innermost bracket never closed."""
    stack, unterminated = _open_brackets(text)
    if unterminated is not None:
        return unterminated
    return stack[-1] if stack else None


def _open_brackets(text: str, limit: int | None = None) -> tuple[list[int], int | None]:
    """(offsets of the brackets still open at the end of ``text``, offset of a string or comment that never closes).

    With a ``limit``, stops as soon as more than ``limit`` brackets are open.
    """
    stack: list[int] = []
    for lexeme in _lexemes(text, brackets=True):
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


_STRING_STOP = re.compile(r'[\\\n"]|[$%]\{')  # what ends or opens something in a string's literal part
_INTERPOLATION_STOP = re.compile(r'[\\{}"]')  # what matters inside ${ ... } / %{ ... }


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


# ----------------------------------------------------------------------------------------------
# Syntax errors a person can act on
# ----------------------------------------------------------------------------------------------

_TOKEN_NAMES = {
    "RBRACE": "'}'", "LBRACE": "'{'", "RSQB": "']'", "LSQB": "'['", "RPAR": "')'", "LPAR": "'('",
    "EQ": "'='", "COLON": "':'", "COMMA": "','", "DBLQUOTE": "'\"'", "NL_OR_COMMENT": "a line break",
    "NAME": "a name", "DOT": "'.'", "QMARK": "'?'", "INT_LITERAL": "a number", "FLOAT_LITERAL": "a number",
    "$END": "the end of the file", "INTERP_START": "'${'", "STRING_CHARS": "text",
}


def _describe_token(token) -> str:
    value = str(token.value)
    if token.type == "NAME":
        return f"'{value}'"
    if token.type in _OPERATORS:
        return f"'{_OPERATORS[token.type]}'"
    if token.type == "STRING_CHARS" and value:  # text the lexer could not split: show where it starts
        word = value.split(None, 1)[0][:20] if value.strip() and not value[0].isspace() else ""
        return f"'{word}'" if word else "a line break" if value[0] == "\n" else "blank space"
    return _TOKEN_NAMES.get(token.type, f"'{value.strip()[:20] or token.type}'")


_VALUE_START = frozenset({"DBLQUOTE", "INT_LITERAL", "LSQB", "LBRACE"})


def _unclosed_interpolation(line: str, end: int) -> int | None:
    """Column offset of the last ``${`` before ``end`` on a line that is not closed before it."""
    opened = None
    for m in _TEMPLATE_START.finditer(line, 0, end):
        if m.group(0) == "${" and _matching_brace(line[:end], m.end()) < 0:
            opened = m.start()
    return opened


def _syntax_error(exc, text: str, path: str) -> SourceError:
    errors = hcl_parser.exceptions
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    if not isinstance(line, int) or line < 1:
        line, column = 1, 1
    lines = text.split("\n")
    if line > len(lines):  # error at the appended final newline: the end of the file
        line = len(lines)
        column = len(lines[-1]) + 1
    here = lines[line - 1][column - 1:] if line <= len(lines) else ""
    span = Span(path, line, column, line, column + 1)
    if here.startswith("/*") and "*/" not in here:
        rest = text[LineIndex(text).line_start(line) + column - 1:]
        if "*/" not in rest:
            return SourceError("Comment /* opened here is never closed with */", span)
    heredoc = _HEREDOC_OPENER.match(here)
    if heredoc:
        if not here[heredoc.end():].strip():  # `<<EOT` ends its line: the closing line is what is missing
            return SourceError(
                f"Heredoc {heredoc.group(0)} is never closed: no later line consists of {heredoc.group(1)} alone", span)
        return SourceError("A heredoc must start with <<MARKER (or <<-MARKER) followed by a line break", span)
    interpolation = _unclosed_interpolation(lines[line - 1], column - 1) if line <= len(lines) else None
    if interpolation is not None:
        return SourceError("The interpolation ${ opened here is never closed: a '}' is missing",
                           Span(path, line, interpolation + 1, line, interpolation + 3))
    if isinstance(exc, errors.UnexpectedCharacters):
        char = exc.char
        if char == '"':
            return SourceError("Unterminated string: the closing '\"' is missing on this line", span)
        if char == "\n":
            return SourceError("Unterminated string: a quoted string cannot span lines", span)
        return SourceError(f"Unexpected character {char!r}", span)
    if isinstance(exc, (errors.UnexpectedToken, errors.UnexpectedEOF)):
        token = getattr(exc, "token", None)
        if token is None or token.type == "$END":
            opener = _unclosed(text)
            if opener is not None:
                index = LineIndex(text)
                line, column = index.position(opener)
                here_span = Span(path, line, column, line, column + 1)
                if text[opener] == '"':
                    return SourceError("Unterminated string: the closing '\"' is missing on this line", here_span)
                if text.startswith("/*", opener):
                    return SourceError("Comment /* opened here is never closed with */", here_span)
                what = {"{": "'{'", "[": "'['", "(": "'('"}[text[opener]]
                return SourceError(f"The {what} opened here is never closed: the file ends first", here_span)
            return SourceError("Unexpected end of file: a block, bracket or string is not closed", span)
        found = re.sub(r"^(a|an|the) ", "", _describe_token(token))  # "Unexpected line break"
        expected = set(getattr(exc, "expected", ()) or ())
        if token.type in ("RBRACE", "RSQB", "RPAR") and token.type not in expected:
            closer = str(token.value).strip()
            stack, _ = _open_brackets(text[:LineIndex(text).line_start(line) + column - 1])
            if not stack:
                return SourceError(f"Unexpected '{closer}': nothing is open here to close (one '{closer}' too many?)", span)
            opener_line, opener_column = LineIndex(text).position(stack[-1])
            return SourceError(f"Unexpected '{closer}': the '{text[stack[-1]]}' opened at line {opener_line}, "
                               f"column {opener_column} must be closed first", span)
        if token.type == "DBLQUOTE" and "QUOTE" not in expected and here.startswith('"') and here.count('"') % 2 == 1:
            return SourceError("Unterminated string: the closing '\"' is missing on this line", span)
        if expected <= {"RBRACE", "NL_OR_COMMENT"} and token.type in ("NAME", "DBLQUOTE"):
            return SourceError(f"Unexpected {found}: each attribute or block must start on a new line", span)
        if _VALUE_START <= expected and not expected & {"RBRACE", "RSQB", "RPAR"}:  # only a value can come here
            if token.type == "STRING_CHARS" and here.strip():
                return SourceError(f"Cannot read a value starting with {here.strip()[:20]!r}", span)
            before = lines[line - 1][:column - 1].rstrip()
            after = f" after '{before[-1]}'" if before and before[-1] in "=:(,+-*/%<>!&|?" else " here"
            return SourceError(f"Unexpected {found}: a value is missing{after}", span)
        wanted = sorted({_TOKEN_NAMES.get(t, "") for t in expected} - {""})
        hint = f"; expected {', '.join(wanted[:4])}" if wanted and len(wanted) <= 4 else ""
        return SourceError(f"Unexpected {found}{hint}", span)
    return SourceError(f"Cannot parse: {str(exc).splitlines()[0]}", span)


# ----------------------------------------------------------------------------------------------
# Lark tree -> Block / Node
# ----------------------------------------------------------------------------------------------


class _Builder:
    """Builds our tree from python-hcl2's Lark tree (8.x grammar)."""

    def __init__(self, text: str, path: str, located: list[tuple[int, int]] | None = None):
        self.text = text
        self.path = path
        self.errors: list[SourceError] = []
        # for expressions parsed out of other text (heredoc templates, JSON strings): the file
        # (line, column) of every offset of `text`, so positions are the user's, not the snippet's
        self.located = located
        self.scope: list[frozenset[str]] = []  # names bound by for-expressions and dynamic blocks

    # positions ---------------------------------------------------------------------------------
    def _span(self, line: int, column: int, end_line: int, end_column: int) -> Span:
        if self.located is not None:
            index = self._index()
            line, column = self.located[index.line_start(line) + column - 1]
            end_line, end_column = self.located[index.line_start(end_line) + end_column - 1]
        return Span(self.path, line, column, end_line, end_column)

    def _token_span(self, token) -> Span:
        value = token.value
        if token.type == "EQ" or token.type == "COLON":  # these terminals include the blanks before them
            skip = len(value) - len(value.lstrip(" \t"))
            return self._span(token.line, token.column + skip, token.end_line, token.end_column)
        return self._span(token.line, token.column, token.end_line, token.end_column)

    def _source(self, first, last) -> str:
        return self.text[_start_pos(first):_end_pos(last)]

    # structure ---------------------------------------------------------------------------------
    def body(self, tree, span: Span, type_: str = "", labels: tuple = (), head: Span | None = None) -> Block:
        attributes: dict[str, Node] = {}
        blocks: list[Block] = []
        previous_end = 0
        for child in tree.children:
            data = getattr(child, "data", None)
            if data in ("attribute", "block"):
                # python-hcl2 accepts `a = 1 b = 2` on one line; Terraform does not
                token = _first_token(child)
                if (token.line if self.located is None else self._token_span(token).line) == previous_end:
                    self.errors.append(SourceError(
                        "Missing line break: each attribute or block must start on a new line; Terraform rejects two on one line",
                        self._token_span(token)))
            if data == "attribute":
                node = self.attribute(child)
                previous_end = node.span.end_line
                if node.name in attributes:
                    self.errors.append(SourceError(
                        f"Attribute {node.name!r} is defined twice in this block "
                        f"(first at line {attributes[node.name].key.line}); Terraform rejects this",
                        node.key,
                    ))
                    continue
                attributes[node.name] = node
            elif data == "block":
                blocks.append(self.block(child))
                previous_end = blocks[-1].span.end_line
        return Block(type_, labels, attributes, blocks, span, head or span)

    def attribute(self, tree) -> Node:
        name_tree, _eq, expr = tree.children
        name_token = _first_token(name_tree)
        node = self.expression(expr)
        node.key = self._token_span(name_token)
        node.name = str(name_token.value)
        return node

    def block(self, tree) -> Block:
        children = tree.children
        names = []
        label_end = None
        body_tree = None
        lbrace = rbrace = None
        for child in children:
            data = getattr(child, "data", None)
            if data in ("identifier", "keyword", "literal_value"):
                token = _first_token(child)
                names.append(str(token.value))
                label_end = token
            elif data == "string":
                names.append(self._literal_string(child))
                label_end = child.children[-1]
            elif data == "body":
                body_tree = child
            elif getattr(child, "type", None) == "LBRACE":
                lbrace = child
            elif getattr(child, "type", None) == "RBRACE":
                rbrace = child
        first = _first_token(children[0])
        head = self._span(first.line, first.column, label_end.end_line, label_end.end_column)
        span = self._span(first.line, first.column, rbrace.end_line, rbrace.end_column)
        type_, labels = names[0], tuple(names[1:])
        bound = None
        if type_ == "dynamic" and labels:
            # inside a dynamic block, `<iterator>.value` / `.key` is not a resource reference
            bound = labels[0]
            for child in body_tree.children:
                if getattr(child, "data", None) == "attribute" and str(_first_token(child.children[0]).value) == "iterator":
                    iterator = child.children[2]
                    token = _first_token(iterator)
                    if token.type == "NAME":
                        bound = str(token.value)
        if bound:
            self.scope.append(frozenset({bound}))
        try:
            block = self.body(body_tree, span, type_, labels, head)
        finally:
            if bound:
                self.scope.pop()
        del lbrace
        return block

    def _literal_string(self, tree) -> str:
        """The text of a string used as a label (interpolations kept as written)."""
        parts = []
        for part in tree.children:
            if getattr(part, "data", None) == "string_part":
                token = part.children[0]
                if hasattr(token, "type"):
                    parts.append(_unescape(token.value) if token.type == "STRING_CHARS" else str(token.value))
                else:
                    parts.append(self._source(part, part))
        return "".join(parts)

    # expressions -------------------------------------------------------------------------------
    def expression(self, tree) -> Node:
        data = tree.data
        if data == "expr_term":
            children = tree.children
            if len(children) == 1:
                return self.term(children[0])
            # ( expression )
            inner = next(c for c in children if getattr(c, "data", None) not in (None, "new_line_or_comment"))
            node = self.expression(inner)
            node.span = self._span_of_tokens(children[0], children[-1])
            return node
        if data == "conditional":
            parts = [c for c in tree.children if hasattr(c, "data") and c.data != "new_line_or_comment"]
            condition, then, otherwise = (self.expression(p) for p in parts)
            span = condition.span.cover(otherwise.span)
            return Node(Conditional(self._text(span), condition, then, otherwise), span)
        if data == "binary_op":
            left = self.expression(tree.children[0])
            term = tree.children[1]
            op_tree = term.children[0]
            op_token = op_tree.children[0]
            right_tree = [c for c in term.children[1:] if getattr(c, "data", None) != "new_line_or_comment"][0]
            right = self.expression(right_tree)
            span = left.span.cover(right.span)
            op = _OPERATORS.get(op_token.type, str(op_token.value).strip())
            return Node(Operation(self._text(span), op, (left, right)), span)
        if data == "unary_op":
            op_token, operand_tree = tree.children
            operand = self.expression(operand_tree)
            span = self._token_span(op_token).cover(operand.span)
            op = _OPERATORS[op_token.type]
            if op == "-" and isinstance(operand.value, (int, float)) and not isinstance(operand.value, bool):
                return Node(-operand.value, span)
            return Node(Operation(self._text(span), op, (operand,)), span)
        return self.term(tree)

    def _text(self, span: Span) -> str:
        """Source text of a span produced by this builder."""
        if self.located is not None:
            offsets = self._offsets()
            return self.text[offsets[(span.line, span.column)]:offsets[(span.end_line, span.end_column)]]
        index = self._index()
        return self.text[index.line_start(span.line) + span.column - 1:index.line_start(span.end_line) + span.end_column - 1]

    def _offsets(self) -> dict[tuple[int, int], int]:
        """The inverse of ``located``: snippet offset of a file position (the first offset that has it)."""
        offsets = getattr(self, "_offset_of", None)
        if offsets is None:
            offsets = self._offset_of = {}
            for i, position in enumerate(self.located):
                offsets.setdefault(position, i)
        return offsets

    def _index(self) -> LineIndex:
        index = getattr(self, "_line_index", None)
        if index is None:
            index = self._line_index = LineIndex(self.text)
        return index

    def _span_of_tokens(self, first, last) -> Span:
        a = self._token_span(first)
        b = self._token_span(last)
        return a.cover(b)

    def term(self, tree) -> Node:
        data = getattr(tree, "data", None)
        if data is None:  # a bare token
            return Node(str(tree.value), self._token_span(tree))
        handler = getattr(self, "_" + data, None)
        if handler is None:
            if data in ("expr_term", "conditional", "binary_op", "unary_op"):
                return self.expression(tree)
            return self._opaque(tree)
        return handler(tree)

    def _int_lit(self, tree) -> Node:
        token = tree.children[0]
        return Node(int(token.value), self._token_span(token))

    def _float_lit(self, tree) -> Node:
        token = tree.children[0]
        return Node(float(token.value), self._token_span(token))

    def _literal_value(self, tree) -> Node:
        token = tree.children[0]
        return Node({"true": True, "false": False, "null": None}[str(token.value)], self._token_span(token))

    def _identifier(self, tree) -> Node:
        token = tree.children[0]
        span = self._token_span(token)
        return Node(Traversal(str(token.value), str(token.value), (), None), span)

    def _keyword(self, tree) -> Node:
        return self._identifier(tree)

    def _string(self, tree) -> Node:
        children = tree.children
        span = self._span_of_tokens(children[0], children[-1])
        parts: list = []
        directive = False
        scope_pushed = 0
        for part in children[1:-1]:
            inner = part.children[0]
            kind = getattr(inner, "type", None) or inner.data
            if kind == "STRING_CHARS":
                parts.append(_unescape(inner.value))
            elif kind in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE"):
                parts.append(str(inner.value)[1:])
            elif kind == "interpolation":
                expr_tree = [c for c in inner.children if hasattr(c, "data")][0]
                parts.append(self.expression(expr_tree))
            else:  # template directives: keep their expressions for references
                directive = True
                if kind == "template_for_start":
                    names = [str(_first_token(c).value) for c in inner.children if getattr(c, "data", None) == "identifier"]
                    exprs = [c for c in inner.children if hasattr(c, "data") and c.data != "identifier"]
                    for e in exprs:
                        parts.append(self.expression(e))
                    self.scope.append(frozenset(names))
                    scope_pushed += 1
                elif kind == "template_endfor" and scope_pushed:
                    self.scope.pop()
                    scope_pushed -= 1
                else:
                    for e in inner.children:
                        if hasattr(e, "data"):
                            parts.append(self.expression(e))
        for _ in range(scope_pushed):
            self.scope.pop()
        if not directive and all(isinstance(p, str) for p in parts):
            return Node("".join(parts), span)
        return Node(Template(self._text(span), tuple(parts), directive), span)

    def _template_string(self, tree) -> Node:
        token = tree.children[0]
        return Node(_unescape(str(token.value)[2:-2]), self._token_span(token))

    def _tuple(self, tree) -> Node:
        children = tree.children
        span = self._span_of_tokens(children[0], children[-1])
        items = [self.expression(c) for c in children if hasattr(c, "data") and c.data != "new_line_or_comment"]
        return Node(items, span)

    def _object(self, tree) -> Node:
        children = tree.children
        span = self._span_of_tokens(children[0], children[-1])
        items: dict[str, Node] = {}
        dynamic_key = False
        values = []
        for elem in children:
            if getattr(elem, "data", None) != "object_elem":
                continue
            key_tree, _sep, value_tree = elem.children
            value = self.expression(value_tree)
            key_expr = key_tree.children[0]
            key_node = self.expression(key_expr) if key_expr.data != "keyword" else self._identifier(key_expr)
            key = key_node.value
            if isinstance(key, Traversal) and not key.steps and key.inner is None:
                key = key.root  # a bare name is the key itself
            if not isinstance(key, str):
                dynamic_key = True
                values.extend([key_node, value])
                continue
            value.key = key_node.span
            value.name = key
            items[key] = value
            values.append(value)
        if dynamic_key:
            return Node(Opaque(self._text(span), tuple(values)), span)
        return Node(items, span)

    def _function_call(self, tree) -> Node:
        children = tree.children
        names = [str(_first_token(c).value) for c in children if getattr(c, "data", None) == "identifier"]
        name = "::".join(names)
        args: list[Node] = []
        for c in children:
            if getattr(c, "data", None) == "arguments":
                args = [self.expression(a) for a in c.children if hasattr(a, "data") and a.data != "new_line_or_comment"]
        span = self._span_of_tokens(_first_token(children[0]), children[-1])
        return Node(Call(self._text(span), name, tuple(args)), span)

    def _heredoc_template(self, tree) -> Node:
        return self._heredoc(tree.children[0], trim=False)

    def _heredoc_template_trim(self, tree) -> Node:
        return self._heredoc(tree.children[0], trim=True)

    def _for_tuple_expr(self, tree) -> Node:
        return self._for(tree)

    def _for_object_expr(self, tree) -> Node:
        return self._for(tree)

    def _for(self, tree) -> Node:
        children = tree.children
        span = self._span_of_tokens(children[0], children[-1])
        intro = next(c for c in children if getattr(c, "data", None) == "for_intro")
        names = frozenset(str(_first_token(c).value) for c in intro.children if getattr(c, "data", None) == "identifier")
        collection = [self.expression(c) for c in intro.children if hasattr(c, "data") and c.data not in ("identifier", "new_line_or_comment")]
        self.scope.append(names)
        try:
            parts = list(collection)
            for c in children:
                data = getattr(c, "data", None)
                if data in (None, "for_intro", "new_line_or_comment"):
                    continue
                if data == "for_cond":
                    parts.extend(self.expression(e) for e in c.children if hasattr(e, "data") and e.data != "new_line_or_comment")
                else:
                    parts.append(self.expression(c))
        finally:
            self.scope.pop()
        return Node(Opaque(self._text(span), tuple(parts)), span)

    def _get_attr_expr_term(self, tree) -> Node:
        return self._traversal(tree)

    def _index_expr_term(self, tree) -> Node:
        return self._traversal(tree)

    def _attr_splat_expr_term(self, tree) -> Node:
        return self._traversal(tree)

    def _full_splat_expr_term(self, tree) -> Node:
        return self._traversal(tree)

    def _traversal(self, tree) -> Node:
        """Flatten ``a.b[0].c`` (nested *_expr_term trees) into one Traversal."""
        steps: list = []
        node = tree
        while getattr(node, "data", None) in ("get_attr_expr_term", "index_expr_term", "attr_splat_expr_term", "full_splat_expr_term", "expr_term"):
            if node.data == "expr_term":
                if len(node.children) != 1:
                    break
                node = node.children[0]
                continue
            base, step = node.children
            steps[:0] = self._steps(node.data, step)
            node = base
        last_token = _last_token(tree)
        if getattr(node, "data", None) == "identifier":
            token = node.children[0]
            root = str(token.value)
            inner = None
            first = token
        else:
            inner = self.expression(node) if getattr(node, "data", None) in ("expr_term", "conditional", "binary_op", "unary_op") else self.term(node)
            root = ""
            first = None
        span = (self._token_span(first) if first is not None else inner.span).cover(self._token_span(last_token))
        reference = None
        if inner is None and not any(root in names for names in self.scope):
            reference = self._reference(root, token, steps)
        plain_steps = tuple((kind, value) for kind, value, _tree in steps)
        return Node(Traversal(self._text(span), root, plain_steps, reference, inner), span)

    def _steps(self, kind: str, step) -> list:
        if kind == "get_attr_expr_term":
            return [("attr", str(_first_token(step.children[1]).value), step)]
        if kind == "index_expr_term":
            return [self._index_step(step)]
        # splats: the splat marker, then its own attribute / index steps
        out: list = [("splat", None, step)]
        for s in step.children[1:]:
            if getattr(s, "data", None) == "get_attr":
                out.append(("attr", str(_first_token(s.children[1]).value), s))
            else:
                out.append(self._index_step(s))
        return out

    def _index_step(self, step):
        if step.data == "short_index":  # .0
            token = step.children[1]
            return ("index", Node(int(token.value), self._token_span(token)), step)
        expr = [c for c in step.children if hasattr(c, "data") and c.data != "new_line_or_comment"][0]
        return ("index", self.expression(expr), step)

    def _reference(self, root: str, root_token, steps: list) -> Reference | None:
        """The Reference made by a traversal rooted at a name, or None for bare names."""
        parts = [root]
        indexed = False
        end_token = root_token
        for kind, value, tree in steps:
            if kind == "attr":
                parts.append(value)
                end_token = _last_token(tree)
            elif kind == "index":
                indexed = True
            else:
                break
        if len(parts) < 2 and root not in ("count", "each", "self", "path", "terraform"):
            return None
        span = self._token_span(root_token).cover(self._token_span(end_token))
        return Reference(tuple(parts), span, indexed)

    # heredocs ----------------------------------------------------------------------------------
    def _heredoc(self, token, trim: bool) -> Node:
        raw = str(token.value)
        head = _HEREDOC_HEAD.match(raw)
        marker = head.group(2)
        body_lines = raw[head.end():].split("\n")
        # drop the closing-marker line (and the empty string after the final newline)
        while body_lines and body_lines[-1].strip() != marker:
            body_lines.pop()
        closing = body_lines.pop() if body_lines else marker
        marker_line = token.line + 1 + len(body_lines)
        span = self._span(token.line, token.column, marker_line, len(closing.rstrip()) + 1)
        indent = 0
        if trim:
            widths = [len(line) - len(line.lstrip()) for line in body_lines if line.strip()]
            indent = min(widths) if widths else 0
        first_body_line = span.line + 1
        rendered = [line[indent:] for line in body_lines]
        positions = tuple((first_body_line + i, indent + 1) for i in range(len(rendered)))
        text = "".join(line + "\n" for line in rendered)
        starts = list(itertools.accumulate((len(line) + 1 for line in rendered[:-1]), initial=0))

        def locate(offset: int) -> tuple[int, int]:
            k = max(bisect.bisect_right(starts, offset) - 1, 0)
            return positions[k][0], positions[k][1] + offset - starts[k]

        source = self._text(span) if "${" in text or "%{" in text else ""
        return self.template(text, locate, span, source, positions)

    def template(self, text: str, locate, span: Span, source: str, lines=None) -> Node:
        """Text in template syntax (a heredoc, a JSON string): a plain string, or a ``Template`` of its parts.

        ``locate(offset)`` gives the file (line, column) of an offset of ``text``, so the
        expressions inside keep the user's positions; ``source`` is the text as written.
        """
        if "${" not in text and "%{" not in text:
            return Node(text, span, lines=lines)
        parts = self._template_parts(text, locate)
        if all(isinstance(p, str) for p in parts):
            return Node("".join(parts), span, lines=lines)
        directive = any(isinstance(p, _Directive) for p in parts)
        parts = tuple(p.node if isinstance(p, _Directive) else p for p in parts if not (isinstance(p, _Directive) and p.node is None))
        return Node(Template(source, parts, directive), span, lines=lines)

    def _template_parts(self, text: str, locate) -> list:
        """Split template text into literal text and interpolated expressions (``$${`` is a literal ``${``)."""
        parts: list = []
        literal: list[str] = []
        pos = 0
        pushed = 0
        n = len(text)
        while pos < n:
            i = _next_template_start(text, pos)
            if i < 0:
                literal.append(text[pos:])
                break
            if i > 0 and text[i - 1] == text[i] and (i < 2 or text[i - 2] != text[i]):
                # $${ or %%{: an escape for a literal ${ / %{
                literal.append(text[pos:i])
                literal.append(text[i + 1:i + 3])
                pos = i + 3
                continue
            literal.append(text[pos:i])
            end = _matching_brace(text, i + 2)
            if end < 0:  # unclosed: Terraform would reject it; keep it as text
                literal.append(text[i:])
                break
            if literal:
                parts.append("".join(literal))
                literal = []
            if text[i] == "$":
                node = self.embedded(text, i + 2, end, locate)
                parts.append(node if node is not None else "")
            else:
                keyword, expr_start, expr_end = _directive(text, i + 2, end)
                node = None
                if keyword == "if":
                    node = self.embedded(text, expr_start, expr_end, locate)
                elif keyword == "for":
                    head = _FOR_HEAD.match(text, expr_start, expr_end)
                    if head:
                        names = frozenset(n for n in head.groups() if n)
                        node = self.embedded(text, head.end(), expr_end, locate)
                        self.scope.append(names)
                        pushed += 1
                elif keyword == "endfor" and pushed:
                    self.scope.pop()
                    pushed -= 1
                parts.append(_Directive(node))
            pos = end + 1
        for _ in range(pushed):
            self.scope.pop()
        if literal:
            parts.append("".join(literal))
        return parts

    def embedded(self, text: str, start: int, end: int, locate) -> Node | None:
        """Parse the expression ``text[start:end]`` found inside other text; positions are those in the file."""
        expr = text[start:end]
        if not expr.strip():
            return None
        start += len(expr) - len(expr.lstrip())
        end -= len(expr) - len(expr.rstrip())
        snippet = "x=" + text[start:end] + "\n"
        try:
            tree = _parse(snippet, self.path)
        except SourceError as error:
            line, column = locate(start)
            message = error.message if error.message == _TOO_DEEP else "Cannot parse the expression in this template interpolation"
            self.errors.append(SourceError(message, Span(self.path, line, column, line, column + 1)))
            return None
        # the "x=" in front is not in the file: give it positions no real character has
        located = [(0, 0), (0, 1)] + [locate(k) for k in range(start, end + 1)] + [locate(end)]
        sub = _Builder(snippet, self.path, located)
        sub.scope = self.scope
        attribute = tree.children[0].children[0]
        node = sub.attribute(attribute)
        self.errors.extend(sub.errors)
        node.key = None
        node.name = None
        return node


class Embedded:
    """Terraform template and expression syntax found inside other text, read at its file positions.

    ``terraform_json.py`` reads JSON strings with it, through the same code as heredocs.
    ``scope`` holds the names bound around the text (``dynamic`` block iterators).
    """

    def __init__(self, path: str):
        self._builder = _Builder("", path)

    @property
    def scope(self) -> list[frozenset[str]]:
        return self._builder.scope

    @property
    def errors(self) -> list[SourceError]:
        return self._builder.errors

    def template(self, text: str, locate, span: Span, source: str, lines=None) -> Node:
        return self._builder.template(text, locate, span, source, lines)

    def expression(self, text: str, locate) -> Node | None:
        return self._builder.embedded(text, 0, len(text), locate)


class _Directive:
    """A ``%{...}`` directive inside a heredoc; ``node`` is its expression (if any)."""

    __slots__ = ("node",)

    def __init__(self, node):
        self.node = node


def _next_template_start(text: str, pos: int) -> int:
    m = _TEMPLATE_START.search(text, pos)  # one scan (two str.find calls would rescan to the end each time)
    return m.start() if m else -1


def _directive(text: str, start: int, end: int) -> tuple[str, int, int]:
    """(keyword, expression start, expression end) of the directive ``%{ text[start:end] }``."""
    while start < end and text[start] in _DIRECTIVE_PAD:
        start += 1
    while end > start and text[end - 1] in _DIRECTIVE_PAD:
        end -= 1
    m = _DIRECTIVE.match(text, start, end)
    return (m.group(1), m.end(), end) if m else ("", end, end)


def _matching_brace(text: str, pos: int) -> int:
    """Offset of the ``}`` closing an interpolation whose expression starts at ``pos`` (-1 if none)."""
    depth = 1
    n = len(text)
    while pos < n:
        c = text[pos]
        if c == '"':
            pos = _skip_string(text, pos + 1)
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    return -1


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value

    def replace(m: re.Match) -> str:
        esc = m.group(1)
        if esc[0] in "uU" and len(esc) > 1:
            try:
                return chr(int(esc[1:], 16))
            except (ValueError, OverflowError):
                return m.group(0)
        return _SIMPLE_ESCAPES.get(esc, m.group(0))

    return _ESCAPE.sub(replace, value)


def _first_token(tree):
    while hasattr(tree, "children"):
        tree = tree.children[0]
    return tree


def _last_token(tree):
    """The last token of a subtree, ignoring trailing line breaks and comments."""
    while hasattr(tree, "children"):
        children = [c for c in tree.children if getattr(c, "data", None) != "new_line_or_comment" and getattr(c, "type", None) != "NL_OR_COMMENT"]
        tree = children[-1]
    return tree


def _edge_token(item, last: bool):
    """The first (or last) token of a subtree; None for a subtree without tokens (iterative: trees may be deep)."""
    stack = [item]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if not hasattr(node, "children"):
            return node
        stack.extend(node.children if last else reversed(node.children))
    return None


def _start_pos(item) -> int:
    return _edge_token(item, False).start_pos


def _end_pos(item) -> int:
    return _edge_token(item, True).end_pos
