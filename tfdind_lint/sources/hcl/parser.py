"""A recursive-descent parser of HCL's native syntax that builds our positioned tree directly.

The grammar is hashicorp/hcl's ``hclsyntax/spec.md``, with the choices its parser (``parser.go``) makes
where the specification is loose: line breaks end attributes and separate object items, and are
insignificant inside ``( )``, ``[ ]``, ``${ }`` / ``%{ }`` and ``for`` expressions; a block's ``}`` and an
attribute's value must be followed by a line break (or the end of the file); a block opened and
continued on one line holds exactly one attribute.  Comments act as blanks (a ``#`` or ``//`` comment
ends at the line break, which still counts).

Each ``expression`` call returns ``(node, start, end)``: the ``Node`` and its offsets in the text, so
expression texts are slices and spans come from offsets through ``locate``.  Nesting costs three Python
frames per level (expression, term, bracket), binary operators are folded from an explicit stack and
unary operators from a list, so long chains never recurse.

A syntax error raises ``SourceError`` at the offending token; problems that do not stop the reading
(an attribute set twice, two items on one line) go to ``errors``.
"""

from __future__ import annotations

from _bisect import bisect_right  # bisect.py only re-exports its C half

from ...expression import Call, Conditional, Opaque, Operation, Template, Traversal
from ...lazy_re import MULTILINE, LazyPattern
from ...node import Block, Node, Reference, Span
from .. import Comment, SourceError
from ..text import LineIndex
from .scanner import IDENT, KINDS, NUMBER, ODD, PUNCT, TOKEN, odd

#: The deepest nesting of blocks, brackets and expressions read: the tree is walked recursively downstream.
MAX_TREE_DEPTH = 1024

TOO_DEEP = (f"Nested too deeply to analyse (more than {MAX_TREE_DEPTH} levels of blocks, brackets and "
            "expressions); flatten this part or split it up")

#: Syntax errors reported in one file before the rest of it is left unread.
MAX_FAILURES = 10

#: Where reading resumes after a syntax error: a line that opens a top-level block.
_RESUME = LazyPattern(r'^[^\W\d][\w-]*(?:[ \t]+(?:"[^"\n]*"|[^\W\d][\w-]*))*[ \t]*\{[ \t]*(?:#[^\n]*|//[^\n]*)?$', MULTILINE)

_PRECEDENCE = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4,
               "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}
_OPERATORS = frozenset(("+", "-", "*", "/", "%", "&&", "||", "==", "!=", "<", ">", "<=", ">=", "?", ":", ".", "=>"))
_CLOSERS = {"}": "{", "]": "[", ")": "("}
_LITERALS = {"true": True, "false": False, "null": None}
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_BUILTIN_SINGLE = ("count", "each", "self", "path", "terraform")

#: What ends or interrupts a quoted string's text: ``"``, a backslash, a line break, a CR, a byte that is not UTF-8,
#: ``${``, ``%{`` or their escapes ``$${``, ``%%{`` (``["\\\n\r\udc80-\udcff]|\$\$\{|%%\{|[$%]\{``, tests/test_hcl_scanner.py).
#: It starts with the set of their first characters, which the engine searches for at C speed; the lookbehinds
#: then say which it is.
_QUOTED_STOP = LazyPattern(r'[$%"\\\n\r\udc80-\udcff](?:(?<=\$)\$?\{|(?<=%)%?\{|(?<=["\\\n\r\udc80-\udcff]))')
_HEREDOC_STOP = LazyPattern(r"\$\$\{|%%\{|[$%]\{|[\udc80-\udcff]")
#: Bytes that are not UTF-8, as decoding with ``surrogateescape`` leaves them (terraform.py reads such files so).
_ESCAPED_BYTES = LazyPattern(r"[\udc80-\udcff]+")  # the same in a heredoc (no escapes, line breaks are text)
_HEX = LazyPattern(r"[0-9A-Fa-f]+\Z")

#: ``Span(*fields)`` without the Python call of ``Span.__new__``, which does just this (a file makes hundreds).
_new_span = tuple.__new__


class Parser:
    """Reads HCL text; ``locate(offset)`` gives the file (line, column) of an offset (text inside other text)."""

    def __init__(self, text: str, path: str, locate=None, scope=None, errors=None):
        self.text = text
        self.path = path
        if locate is None:
            lines = LineIndex(text)
            # each line's start, and one past the text's end: the line after the one found always exists
            self.locate, self.starts = lines.position, [*lines.starts, len(text) + 1]
        else:
            self.locate, self.starts = locate, None  # text inside other text: spans go through locate
        self.match = TOKEN.match
        self.scope: list[frozenset[str]] = [] if scope is None else scope  # names bound by for / dynamic
        self.errors: list[SourceError] = [] if errors is None else errors
        self.comments: dict[int, Comment] = {}
        self.failures: list[SourceError] = []  # syntax errors read past (the file's top level resumes after each)
        self.newlines = [True]  # whether a line break is a token here (a stack: brackets change it)
        self.opened: list[tuple[str, int]] = []  # brackets, ${ and %{ open around here, for messages
        self.depth = 0
        self.deepest = 0  # the deepest level reached: what reads the tree afterwards recurses as deep
        self.kind, self.start, self.end = "eof", 0, 0

    # tokens --------------------------------------------------------------------------------------
    def advance_from(self, pos: int) -> None:
        """Make the token after ``pos`` current, skipping comments and (where insignificant) line breaks."""
        self.end = pos
        self.next()

    def next(self) -> None:
        """Make the token after the current one current, skipping comments and (where insignificant) line breaks."""
        text = self.text
        pos = self.end
        token = self.match  # read as a plain attribute (a method read of an instance attribute is the slow path)
        while True:
            match = token(text, pos)
            index = match.lastindex
            start, end = match.start(1), match.end()
            if index == IDENT:  # the most frequent: nothing more to do
                kind = "ident"
                break
            kind = KINDS[index]
            if kind == PUNCT:
                kind = text[start:end]
            elif kind == "nl":
                if not self.newlines[-1]:
                    pos = end
                    continue
            elif kind in ODD or kind == "comment":
                if kind in ODD:
                    kind, start, end = odd(text, kind, match)
                if kind == "comment":
                    self._comment(start, end)
                    pos = end
                    continue
            break
        self.kind, self.start, self.end = kind, start, end

    def open(self, newlines: bool) -> None:
        """Step over the opening bracket that is current, into a region where line breaks count or not."""
        self.opened.append((self.text[self.start:self.end], self.start))
        self.newlines.append(newlines)
        self.next()

    def close(self) -> int:
        """Step over the closing bracket that is current; its end offset."""
        end = self.end
        self.opened.pop()
        self.newlines.pop()
        self.next()
        return end

    def _comment(self, start: int, end: int) -> None:
        if start in self.comments:
            return
        text = self.text
        marker = 2 if text.startswith(("//", "/*"), start) else 1
        body_end = end - 2 if text.startswith("/*", start) else end
        self.comments[start] = Comment(text[start + marker:max(start + marker, body_end)], self.span(start, end))

    def span(self, start: int, end: int) -> Span:
        starts = self.starts
        if starts is None:
            return Span(self.path, *self.locate(start), *self.locate(end))
        line = bisect_right(starts, start)
        end_line = line if end < starts[line] else bisect_right(starts, end)  # most spans end on their first line
        return _new_span(Span, (self.path, line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1))

    def ident(self) -> str:
        return self.text[self.start:self.end] if self.kind == "ident" else ""

    # errors ---------------------------------------------------------------------------------------
    def error(self, message: str, offset: int | None = None) -> SourceError:
        offset = self.start if offset is None else offset
        line, column = self.locate(offset)
        return SourceError(message, Span(self.path, line, column, line, column + 1))

    def describe(self) -> str:
        kind = self.kind
        if kind == "nl":
            return "line break"
        if kind == "eof":
            return "end of the file"
        if kind == "heredoc":
            return repr(self.text[self.start:self.end].rstrip("\n"))
        if kind in ("ident", "number"):
            word = self.text[self.start:self.end]
            return repr(word if len(word) <= 20 else word[:20] + "...")
        return repr(self.text[self.start:self.end])

    def unexpected(self, expected: str = "") -> SourceError:
        """The error for the current token where it cannot be: an unclosed bracket, a stray closer, or else."""
        kind = self.kind
        if kind == "eof":
            for bracket, offset in reversed(self.opened):
                if bracket == "${":
                    return self.error("The interpolation ${ opened here is never closed: a '}' is missing", offset)
                if bracket == "%{":
                    return self.error("The directive %{ opened here is never closed: a '}' is missing", offset)
                return self.error(f"The {bracket[0]!r} opened here is never closed: the file ends first", offset)
        if kind == "invalid" and "\udc80" <= self.text[self.start] <= "\udcff":
            return self.not_utf8(self.start)
        if kind == "invalid" and self.text[self.start] == "\r":
            return self.error("Unexpected carriage return: a lone CR is not a line break for Terraform (only LF and "
                              "CRLF are); convert the file's line endings")
        if kind == "invalid":
            return self.error(f"Unexpected {self.describe()}: this character cannot appear here")
        if kind == "unclosed-comment":
            return self.error("Comment /* opened here is never closed with */")
        if kind in _CLOSERS or kind == "~}":
            closer = kind[-1]
            if self.opened and self.opened[-1][0][0] in "$%":
                return self.error("The interpolation ${ opened here is never closed: a '}' is missing",
                                  self.opened[-1][1])
            if not self.opened:
                return self.error(f"Unexpected '{closer}': nothing is open here to close (one '{closer}' too many?)")
            bracket, offset = self.opened[-1]
            if _CLOSERS[closer] != bracket:
                line, column = self.locate(offset)
                return self.error(f"Unexpected '{closer}': the '{bracket}' opened at line {line}, column {column} "
                                  "must be closed first")
        return self.error(f"Unexpected {self.describe()}" + (f"; {expected}" if expected else ""))

    def value_missing(self) -> SourceError:
        if self.kind in ("eof", "invalid", "unclosed-comment") or self.kind in _CLOSERS and self.kind != "}":
            return self.unexpected()
        before = self.text[max(self.start - 200, 0):self.start].rstrip(" \t")
        last = before[-1:] if before and not before.endswith("\n") else ""
        after = f" after '{last}'" if last and last in "=:(,+-*/%<>!&|?[{" else " here"
        if self.kind == "}" and last not in ("=", ":"):
            return self.unexpected()
        return self.error(f"Unexpected {self.describe()}: a value is missing{after}")

    def escaped_bytes(self, offset: int) -> int:
        """Check the bytes that are not UTF-8 at ``offset`` of a string or heredoc; the offset after them.

        Terraform's scanner takes any byte sequence shaped like UTF-8 (a lead byte and its continuation
        bytes, overlong forms included) as a character there, and refuses the rest.
        """
        run = _ESCAPED_BYTES.match(self.text, offset)
        data = [ord(c) - 0xDC00 for c in run.group()]
        i = 0
        while i < len(data):
            lead = data[i]
            width = 2 if 0xC0 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF7 else 0
            if not width or i + width > len(data) or not all(0x80 <= b <= 0xBF for b in data[i + 1:i + width]):
                raise self.not_utf8(offset + i)
            i += width
        return run.end()

    def not_utf8(self, offset: int) -> SourceError:
        line, column = self.locate(offset)
        return self.error(f"Not valid UTF-8: byte 0x{ord(self.text[offset]) - 0xDC00:02x} at line {line}, "
                          f"column {column}; save the file as UTF-8", offset)

    def continued(self) -> SourceError:
        """An operator where a value has ended (at a line break, in a body or an object)."""
        return self.error(f"Unexpected {self.describe()}: the value before it ended at the line break; to continue "
                          "an expression on the next line, end the line with the operator or wrap the expression in ( )")

    def expect(self, kind: str, expected: str) -> None:
        if self.kind != kind:
            raise self.unexpected(expected)

    # structure ------------------------------------------------------------------------------------
    def file(self) -> Block:
        """The file's body.  After a syntax error, reading resumes at the next line that opens a top-level
        block (``type "label" {`` at column 1), as Terraform does; the errors go to ``failures`` (at most
        ``MAX_FAILURES``), and the broken item is left out."""
        attributes: dict[str, Node] = {}
        blocks: list[Block] = []
        self.advance_from(0)
        while True:
            try:
                self.body("eof", attributes, blocks)
                break
            except SourceError as error:
                self.failures.append(error)
                resume = _RESUME.search(self.text, self.text.find("\n", self.start) + 1 or len(self.text))
                if resume is None or len(self.failures) >= MAX_FAILURES or self.start >= len(self.text):
                    break
                del self.scope[:]
                self.newlines, self.opened, self.depth = [True], [], 0
                self.advance_from(resume.start())
        end = self.locate(len(self.text))
        return Block("", (), attributes, blocks, Span(self.path, 1, 1, *end), Span(self.path, 1, 1, *end))

    def body(self, end_kind: str, attributes: dict[str, Node] | None = None,
             blocks: list[Block] | None = None) -> tuple[dict[str, Node], list[Block]]:
        """Attributes and blocks up to ``end_kind`` (``}`` or ``eof``), which is current on return."""
        attributes = {} if attributes is None else attributes
        blocks = [] if blocks is None else blocks
        while True:
            kind = self.kind
            if kind == "nl":
                self.next()
                continue
            if kind == end_kind:
                return attributes, blocks
            if kind != "ident":
                if kind in _OPERATORS:
                    raise self.continued()
                if kind == '"':
                    raise self.error("Unexpected '\"': an attribute name or block type is not quoted")
                if kind == "eof" or kind in _CLOSERS:
                    raise self.unexpected()
                raise self.unexpected("expected an attribute or a block")
            item = self.item()
            if isinstance(item, Block):
                blocks.append(item)
            elif item.name in attributes:
                self.errors.append(SourceError(
                    f"Attribute {item.name!r} is defined twice in this block "
                    f"(first at line {attributes[item.name].key.line}); Terraform rejects this", item.key))
            else:
                attributes[item.name] = item
            self.line_end(end_kind)

    def line_end(self, end_kind: str) -> None:
        """After an attribute or a block: a line break, or the end of the file, must follow."""
        if self.kind == "nl":
            self.next()
        elif self.kind == "eof":
            return
        elif self.kind == "ident" or self.kind == '"':
            self.errors.append(self.error(
                "Missing line break: each attribute or block must start on a new line; Terraform rejects two on one line"))
        elif self.kind == "}" and end_kind == "}":
            raise self.error("Missing line break before '}': an attribute or nested block must end its line")
        elif self.kind in _OPERATORS:
            raise self.continued()
        elif self.kind == ",":
            raise self.error("Unexpected ',': attributes are separated by line breaks, not commas")
        else:
            raise self.unexpected("expected a line break after the value")

    def item(self) -> Node | Block:
        start, end = self.start, self.end
        name = self.text[start:end]
        self.next()
        if self.kind == "=":
            self.next()
            node = self.expression()[0]
            node.key = self.span(start, end)
            node.name = name
            return node
        if self.kind in ('"', "ident", "{"):
            return self.block(name, start, end)
        if self.kind == "nl" or self.kind == "eof":
            raise self.error(f"Unexpected {self.describe()} after {name!r}: an attribute needs '= value', a block '{{ }}'")
        raise self.unexpected(f"expected '=' after the attribute name {name!r}, or a block's labels and '{{'")

    def block(self, type_: str, start: int, head_end: int) -> Block:
        labels: list[str] = []
        while self.kind != "{":
            if self.kind == '"':
                label, head_end = self.label()
                labels.append(label)
            elif self.kind == "ident":
                labels.append(self.text[self.start:self.end])
                head_end = self.end
                self.next()
            elif self.kind == "=":
                raise self.error("Unexpected '=' after a block label: '=' sets an attribute, a block has no '='")
            elif self.kind == "nl":
                raise self.error("Unexpected line break: a block's '{' must be on the line of its type and labels")
            else:
                raise self.unexpected("expected a quoted label or '{'")
        head = self.span(start, head_end)
        bound = labels[0] if type_ == "dynamic" and labels else None
        state = (self.kind, self.start, self.end, len(self.errors))
        attributes, blocks, end = self.block_body(bound)
        if bound is not None:
            iterator = attributes.get("iterator")
            value = iterator.value if iterator is not None else None
            if isinstance(value, Traversal) and value.inner is None and value.root != bound:
                # the iterator is named after the body: read the body again with that name bound
                self.kind, self.start, self.end = state[:3]
                del self.errors[state[3]:]
                attributes, blocks, end = self.block_body(value.root)
        block = Block(type_, tuple(labels), attributes, blocks, self.span(start, end), head)
        return block

    def block_body(self, bound: str | None):
        if bound is not None:
            self.scope.append(frozenset({bound}))
        self.depth += 1
        if self.depth > MAX_TREE_DEPTH:
            raise self.error(TOO_DEEP)
        self.deepest = max(self.deepest, self.depth)
        try:
            self.open(True)
            if self.kind in ("nl", "eof", "}"):
                attributes, blocks = self.body("}")
            else:  # a one-line block: one attribute, then its '}'
                if self.kind != "ident":
                    raise self.unexpected("expected an attribute or '}'")
                item_start = self.start
                item = self.item()
                if isinstance(item, Block):
                    raise self.error("Invalid single-line block: it can hold only one attribute, not a nested block; "
                                     "put the nested block on a line of its own", item_start)
                attributes, blocks = {item.name: item}, []
                if self.kind != "}":
                    if self.kind in ("nl", ","):
                        raise self.error("Invalid single-line block: it can hold only one attribute, closed by '}' "
                                         "on the same line; write one attribute per line")
                    if self.kind == "ident":
                        raise self.error("Invalid single-line block: it can hold only one attribute; "
                                         "write one attribute per line")
                    raise self.unexpected("expected '}' closing the one-line block")
            end = self.close()
        finally:
            self.depth -= 1
            if bound is not None:
                self.scope.pop()
        return attributes, blocks, end

    def label(self) -> tuple[str, int]:
        """A quoted block label: its text and end offset (no template sequences)."""
        start = self.start
        text = self.text
        pieces: list[str] = []
        pos = start + 1
        while True:
            m = _QUOTED_STOP.search(text, pos)
            if m is None or m.group() == "\n":
                raise self.error("Unterminated string: the closing '\"' is missing on this line", start)
            pieces.append(text[pos:m.start()])
            stop = m.group()
            if stop == '"':
                end = m.end()
                break
            if stop == "\\":
                char, pos = self.escape(m.start())
                pieces.append(char)
            elif stop == "\r":
                raise self.error("A carriage return (a lone CR line ending) cannot appear in a quoted string; "
                                 "write \\r, or convert the file's line endings", m.start())
            elif "\udc80" <= stop <= "\udcff":
                pos = self.escaped_bytes(m.start())
            elif stop in ("$${", "%%{"):
                pieces.append(stop[1:])
                pos = m.end()
            else:
                raise self.error(f"A block label cannot hold a template sequence {stop!r}; "
                                 f"write {stop[0] * 2 + '{'!r} for a literal {stop!r}", m.start())
        self.advance_from(end)
        return "".join(pieces), end

    # expressions ----------------------------------------------------------------------------------
    def expression(self):
        self.depth += 1
        if self.depth > MAX_TREE_DEPTH:
            raise self.error(TOO_DEEP)
        if self.depth > self.deepest:
            self.deepest = self.depth
        # unary() and binary() only pass a lone operand on: called where there is more to read (one frame each less)
        result = self.postfix() if self.kind != "-" and self.kind != "!" else self.unary()
        if self.kind in _PRECEDENCE:
            result = self.binary(result)
        if self.kind == "?":
            self.next()
            then = self.expression()
            if self.kind != ":":
                raise self.unexpected("expected ':' and the value when the condition is false")
            self.next()
            otherwise = self.expression()
            start, end = result[1], otherwise[2]
            node = Node(Conditional(self.text[start:end], result[0], then[0], otherwise[0]), self.span(start, end))
            result = (node, start, end)
        self.depth -= 1
        return result

    def binary(self, operand):
        """The operations after ``operand``, which a binary operator (current) follows."""
        operands = [operand]
        depths = [0]  # how deep each operand's tree of operations is: the tree is walked recursively later
        operators: list[tuple[str, int]] = []
        while True:
            op = self.kind
            precedence = _PRECEDENCE.get(op)
            if precedence is None:
                break
            while operators and operators[-1][1] >= precedence:
                self._reduce(operands, depths, operators)
            operators.append((op, precedence))
            self.next()
            operands.append(self.unary())
            depths.append(0)
        while operators:
            self._reduce(operands, depths, operators)
        return operands[0]

    def _reduce(self, operands: list, depths: list, operators: list) -> None:
        right = operands.pop()
        left = operands.pop()
        depth = max(depths.pop(), depths.pop()) + 1
        if depth + self.depth > MAX_TREE_DEPTH:
            raise self.error(TOO_DEEP, left[1])
        self.deepest = max(self.deepest, depth + self.depth)
        depths.append(depth)
        op = operators.pop()[0]
        start, end = left[1], right[2]
        operands.append((Node(Operation(self.text[start:end], op, (left[0], right[0])), self.span(start, end)),
                         start, end))

    def unary(self):
        if self.kind != "-" and self.kind != "!":
            return self.postfix()
        operators = []
        while self.kind == "-" or self.kind == "!":
            operators.append((self.kind, self.start))
            if len(operators) > MAX_TREE_DEPTH:
                raise self.error(TOO_DEEP, operators[0][1])
            self.next()
        node, _, end = self.postfix()
        for op, start in reversed(operators):
            value = node.value
            if op == "-" and (type(value) is int or type(value) is float):
                node = Node(-value, self.span(start, end))
            else:
                node = Node(Operation(self.text[start:end], op, (node,)), self.span(start, end))
        return node, start, end

    def postfix(self):
        node, start, end, root = self.term()
        kind = self.kind
        if kind != "." and kind != "[":
            return node, start, end
        steps: list = []
        ref_parts = [root] if root is not None else None
        ref_end = end
        splat = attribute_splat = False
        text = self.text
        while True:
            kind = self.kind
            if kind == ".":
                self.next()
                if self.kind == "ident":
                    name = text[self.start:self.end]
                    steps.append(("attr", name))
                    if ref_parts is not None and not splat:
                        ref_parts.append(name)
                        ref_end = self.end
                elif self.kind == "number":
                    number = text[self.start:self.end]
                    if not number.isdigit():
                        raise self.error(f"Invalid legacy index {number!r}: write [{number.replace('.', '][')}]")
                    steps.append(("index", Node(int(number), self.span(self.start, self.end))))
                elif self.kind == "*":
                    if attribute_splat:
                        raise self.error("Nested splat: a '.*' cannot follow another '.*' before a '[' ends it; "
                                         "write [*] for the inner one")
                    steps.append(("splat", None))
                    splat = attribute_splat = True
                else:
                    raise self.unexpected("an attribute name is required after '.'")
                end = self.end
                self.next()
            elif kind == "[":
                attribute_splat = False  # an index ends an attribute-only splat (what follows applies to its result)
                self.opened.append(("[", self.start))
                self.next()  # a splat's '*' and ']' are read as line breaks count around the '[' (as Terraform does)
                if self.kind == "*":
                    self.next()
                    self.expect("]", "expected ']' after '[*'")
                    steps.append(("splat", None))
                    splat = True
                    end = self.end
                    self.opened.pop()
                    self.next()
                else:
                    self.newlines.append(False)  # an index is an expression: line breaks do not count in it
                    self.advance_from(self.opened[-1][1] + 1)  # the first token after the '[' again
                    index = self.expression()[0]
                    if self.kind != "]":
                        raise self.unexpected("expected ']' closing the index")
                    steps.append(("index", index))
                    end = self.close()
            else:
                break
        span = self.span(start, end)
        if root is None:
            return Node(Traversal(text[start:end], "", tuple(steps), None, node), span), start, end
        reference = None
        if not (self.scope and any(root in names for names in self.scope)) and (len(ref_parts) > 1 or
                                                                                root in _BUILTIN_SINGLE):
            reference = Reference(tuple(ref_parts), self.span(start, ref_end), _indexed_before(steps, root))
        return Node(Traversal(text[start:end], root, tuple(steps), reference), span), start, end

    def term(self):
        """(node, start, end, root name when the term is a bare name)."""
        kind = self.kind
        start, end = self.start, self.end
        text = self.text
        if kind == "ident":
            name = text[start:end]
            self.next()
            if self.kind == "(" or self.kind == "::":
                node, end = self.call(name, start)
                return node, start, end, None
            if name in _LITERALS:
                return Node(_LITERALS[name], self.span(start, end)), start, end, None
            if self.kind == "." or self.kind == "[":
                return None, start, end, name  # the start of a longer traversal: postfix() makes its node
            return Node(Traversal(name, name, (), None), self.span(start, end)), start, end, name
        if kind == "number":
            self.next()
            return Node(self.number(start, end), self.span(start, end)), start, end, None
        if kind == '"':
            node, end = self.quoted()
            return node, start, end, None
        if kind == "heredoc":
            node, end = self.heredoc()
            return node, start, end, None
        if kind == "[":
            node, end = self.tuple()
            return node, start, end, None
        if kind == "{":
            node, end = self.object()
            return node, start, end, None
        if kind == "(":
            self.open(False)
            node = self.expression()[0]
            if self.kind != ")":
                raise self.unexpected("expected ')'")
            end = self.close()
            node.span = self.span(start, end)
            return node, start, end, None
        raise self.value_missing()

    def number(self, start: int, end: int):
        literal = self.text[start:end]
        if not NUMBER.match(literal):
            raise self.error(f"Invalid number {literal!r}", start)
        if "." in literal or "e" in literal or "E" in literal:
            value = float(literal)
            if value in (float("inf"), float("-inf")):
                return Opaque(literal, ())  # beyond a float: Terraform's numbers are arbitrary precision
            return value
        if len(literal) > 4000:  # Python's int() refuses over 4,300 digits (and is quadratic): keep it unknown
            return Opaque(literal, ())
        return int(literal)

    def call(self, name: str, start: int):
        names = [name]
        while self.kind == "::":
            self.next()
            if self.kind != "ident":
                raise self.unexpected("a function name is required after '::'")
            names.append(self.text[self.start:self.end])
            self.next()
        self.expect("(", "expected '(' after the function name")
        self.open(False)
        args: list[Node] = []
        while self.kind != ")":
            args.append(self.expression()[0])
            if self.kind == ",":
                self.next()
            elif self.kind == "...":
                self.next()
                if self.kind != ")":
                    raise self.unexpected("expected ')' after '...'")
            elif self.kind != ")":
                raise self.unexpected("expected ',' or ')' after a function argument")
        end = self.close()
        return Node(Call(self.text[start:end], "::".join(names), tuple(args)), self.span(start, end)), end

    def tuple(self):
        start = self.start
        self.open(False)
        if self.kind == "ident" and self.ident() == "for":
            return self.for_expression(start, "]")
        items: list[Node] = []
        while self.kind != "]":
            items.append(self.expression()[0])
            if self.kind == ",":
                self.next()
            elif self.kind != "]":
                raise self.unexpected("expected ',' or ']' after a list item")
        end = self.close()
        return Node(items, self.span(start, end)), end

    def object(self):
        start = self.start
        self.open(False)
        if self.kind == "ident" and self.ident() == "for":
            return self.for_expression(start, "}")
        self.newlines[-1] = True  # line breaks separate an object's items: read the first token again
        self.advance_from(self.opened[-1][1] + 1)
        items: dict[str, Node] = {}
        values: list[Node] = []
        dynamic = False
        while True:
            if self.kind == "nl":
                self.next()
                continue
            if self.kind == "}":
                break
            if self.kind in _OPERATORS and self.kind != "-":
                raise self.continued()
            key_node = self.expression()[0]
            if self.kind != "=" and self.kind != ":":
                if self.kind in ("nl", ",", "}"):
                    raise self.error(f"Unexpected {self.describe()}: the item needs '=' and a value")
                raise self.unexpected("expected '=' or ':' after the key")
            self.next()
            value = self.expression()[0]
            key = key_node.value
            if isinstance(key, Traversal) and not key.steps and key.inner is None:
                key = key.root  # a bare name is the key itself
            if isinstance(key, str):
                value.key = key_node.span
                value.name = key
                items[key] = value
                values.append(value)
            else:
                dynamic = True
                values.extend((key_node, value))
            if self.kind == "}":
                break
            if self.kind == "," or self.kind == "nl":
                self.next()
                continue
            raise self.unexpected("expected a line break or ',' between the items of an object")
        end = self.close()
        span = self.span(start, end)
        if dynamic:
            return Node(Opaque(self.text[start:end], tuple(values)), span), end
        return Node(items, span), end

    def for_variables(self, keyword: str, construct: str) -> list[str]:
        """The one or two variable names after ``for`` (in an expression or a directive), up to and past ``in``."""
        names = []
        for _ in range(2):
            if self.kind != "ident":
                raise self.unexpected(f"a {keyword} {construct} needs a variable name")
            names.append(self.ident())
            self.next()
            if self.kind != ",":
                break
            self.next()
        if self.ident() != "in":
            raise self.unexpected(f"expected 'in' after the {keyword} variables")
        self.next()
        return names

    def for_expression(self, start: int, closer: str):
        self.next()  # for
        names = self.for_variables("'for'", "expression")
        collection = self.expression()[0]
        if self.kind != ":":
            raise self.unexpected("expected ':' after the collection of the 'for' expression")
        self.next()
        parts = [collection]
        self.scope.append(frozenset(names))
        try:
            parts.append(self.expression()[0])
            if self.kind == "=>":
                if closer == "]":
                    raise self.error("Unexpected '=>': a 'for' expression in [ ] builds a list, without keys")
                self.next()
                parts.append(self.expression()[0])
            elif closer == "}":
                raise self.unexpected("a 'for' expression in { } needs 'key => value'")
            if self.kind == "...":
                if closer == "]":
                    raise self.error("Unexpected '...': grouping applies to a 'for' expression in { } only")
                self.next()
            if self.ident() == "if":
                self.next()
                parts.append(self.expression()[0])
        finally:
            self.scope.pop()
        if self.kind != closer:
            raise self.unexpected(f"expected '{closer}' closing the 'for' expression")
        end = self.close()
        return Node(Opaque(self.text[start:end], tuple(parts)), self.span(start, end)), end

    # templates ------------------------------------------------------------------------------------
    def escape(self, offset: int) -> tuple[str, int]:
        """The character a backslash escape at ``offset`` of a quoted string stands for, and the offset after it."""
        text = self.text
        selector = text[offset + 1:offset + 2]
        if selector in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[selector], offset + 2
        if selector in ("u", "U"):
            width = 4 if selector == "u" else 8
            digits = text[offset + 2:offset + 2 + width]
            if len(digits) == width and _HEX.match(digits):
                code = int(digits, 16)
                if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    return chr(code), offset + 2 + width
                raise self.error(f"Invalid escape \\{selector}{digits}: not a Unicode character", offset)
            raise self.error(f"Invalid escape: \\{selector} must be followed by {width} hexadecimal digits", offset)
        if selector in ("", "\n"):
            raise self.error("Unterminated string: the closing '\"' is missing on this line", offset)
        raise self.error(f"Invalid escape \\{selector}: a quoted string may use \\n, \\r, \\t, \\\", \\\\, "
                         "\\uNNNN and \\UNNNNNNNN", offset)

    def quoted(self):
        """The quoted string starting at the current '"': (node, end offset)."""
        start = self.start
        stop = _QUOTED_STOP.search(self.text, start + 1)
        if stop is not None and stop.group() == '"':  # plain text (most strings): what template() would make of it
            end = stop.end()
            self.advance_from(end)
            return Node(self.text[start + 1:end - 1], self.span(start, end)), end
        parts, directive, end = self.template(start + 1, quoted=True)
        self.advance_from(end)
        span = self.span(start, end)
        if not directive and all(type(p) is str for p in parts):
            return Node("".join(parts), span), end
        return Node(Template(self.text[start:end], tuple(parts), directive), span), end

    def template(self, pos: int, quoted: bool):
        """The parts of a template from ``pos``: (parts, has directives, end offset).

        Quoted, it ends after its closing quote; otherwise at the end of the text.  Literal text is
        joined between sequences, strip markers (``${~``, ``~}``) applied.
        """
        text = self.text
        stop_at = _QUOTED_STOP if quoted else _HEREDOC_STOP
        parts: list = []
        literal: list[str] = []
        directive = False
        open_directives: list[tuple[str, int, bool]] = []  # (keyword, offset, names pushed)
        strip_next = False
        quote_start = pos - 1
        while True:
            m = stop_at.search(text, pos)
            if m is None:
                if quoted:
                    raise self.error("Unterminated string: the closing '\"' is missing on this line", quote_start)
                literal.append(text[pos:])
                end = len(text)
                break
            literal.append(text[pos:m.start()])
            stop = m.group()
            if stop == '"':
                end = m.end()
                break
            if stop == "\r":
                raise self.error("A carriage return (a lone CR line ending) cannot appear in a quoted string; "
                                 "write \\r, or convert the file's line endings", m.start())
            if stop == "\n":
                raise self.error("Unterminated string: the closing '\"' is missing on this line", quote_start)
            if stop == "\\":
                char, pos = self.escape(m.start())
                literal.append(char)
                continue
            if "\udc80" <= stop <= "\udcff":
                pos = self.escaped_bytes(m.start())
                continue
            if stop == "$${" or stop == "%%{":
                literal.append(stop[1:])
                pos = m.end()
                continue
            # a sequence: ${ ... } or %{ ... }
            seq_start = m.start()
            pos = m.end()
            strip_before = text.startswith("~", pos)
            if strip_before:
                pos += 1
            piece = "".join(literal)
            literal = []
            if strip_next:
                piece = piece.lstrip(" \t\n\r")
            if strip_before:
                piece = piece.rstrip(" \t\n\r")
            if piece:
                parts.append(piece)
            self.opened.append((stop, seq_start))
            self.newlines.append(False)
            self.advance_from(pos)
            if stop == "${":
                if self.kind == "}" or self.kind == "~}":
                    raise self.error("Empty interpolation: ${ } needs an expression", seq_start)
                parts.append(self.expression()[0])
            else:
                directive = True
                self.directive(seq_start, parts, open_directives)
            if self.kind != "}" and self.kind != "~}":
                if self.kind == "eof" or stop == "${" or self.kind in ('"', "nl"):
                    word = "interpolation ${" if stop == "${" else "directive %{"
                    raise self.error(f"The {word} opened here is never closed: a '}}' is missing", seq_start)
                raise self.unexpected("expected '}' closing the directive")
            strip_next = self.kind == "~}"
            pos = self.end
            self.opened.pop()
            self.newlines.pop()
        piece = "".join(literal)
        if strip_next:
            piece = piece.lstrip(" \t\n\r")
        if piece:
            parts.append(piece)
        if open_directives:
            keyword, offset, pushed = open_directives[-1]
            closing = "endif" if keyword in ("if", "else") else "endfor"
            raise self.error(f"The %{{{keyword}}} directive opened here is never closed: %{{{closing}}} is missing", offset)
        return parts, directive, end

    def directive(self, start: int, parts: list, open_directives: list) -> None:
        keyword = self.ident()
        if keyword == "if":
            self.next()
            parts.append(self.expression()[0])
            open_directives.append(("if", start, False))
        elif keyword == "for":
            self.next()
            names = self.for_variables("%{for}", "directive")
            parts.append(self.expression()[0])
            self.scope.append(frozenset(names))
            open_directives.append(("for", start, True))
        elif keyword in ("else", "endif", "endfor"):
            expected = ("if",) if keyword == "else" else ("if", "else") if keyword == "endif" else ("for",)
            if keyword == "else" and open_directives and open_directives[-1][0] == "else":
                raise self.error("Unexpected %{else}: this %{if} already has its %{else}", start)
            if not open_directives or open_directives[-1][0] not in expected:
                opened = open_directives[-1][0] if open_directives else ""
                why = f"the %{{{opened}}} open here must be closed first" if opened else \
                    f"no %{{{'for' if keyword == 'endfor' else 'if'}}} is open here"
                raise self.error(f"Unexpected %{{{keyword}}}: {why}", start)
            _, offset, pushed = open_directives.pop()
            if keyword == "else":
                open_directives.append(("else", offset, False))
            if pushed:
                self.scope.pop()
            self.next()
        else:
            raise self.error("Invalid template directive: %{ must be followed by if, else, endif, for or endfor", start)

    def heredoc(self):
        """The heredoc whose ``<<MARKER`` line is current: (node, end offset)."""
        text = self.text
        start = self.start
        head = text[start:self.end]
        trim = head.startswith("<<-")
        marker = head[3 if trim else 2:].rstrip("\n")
        body_start = self.end
        closing = _closing_line(text, marker, body_start)
        if closing is None:
            raise self.error(f"Heredoc {head.rstrip()} is never closed: no later line consists of {marker} alone "
                             "(followed by a line break)", start)
        close_start, close_end = closing
        carriage_return = text.find("\r", body_start, close_start)
        if carriage_return >= 0:
            raise self.error("A carriage return (a lone CR line ending) cannot appear in a heredoc; convert the file's "
                             "line endings", carriage_return)
        bad = _ESCAPED_BYTES.search(text, body_start, close_start)
        while bad is not None:
            bad = _ESCAPED_BYTES.search(text, self.escaped_bytes(bad.start()), close_start)
        closing_line = text[close_start:close_end - 1]
        end = close_start + len(closing_line.rstrip())
        body_lines = text[body_start:close_start].split("\n")[:-1]
        span = self.span(start, end)
        indent = 0
        if trim:
            widths = [len(line) - len(line.lstrip()) for line in body_lines if line.strip()]
            indent = min(widths) if widths else 0
        first_line, _ = self.locate(body_start)
        rendered = [line[indent:] for line in body_lines]
        positions = tuple((first_line + i, indent + 1) for i in range(len(rendered)))
        body = "".join(line + "\n" for line in rendered)
        self.advance_from(close_end - 1)  # the line break after the marker ends the attribute
        if "${" not in body and "%{" not in body:
            return Node(body, span, lines=positions), end
        starts = [0]
        for line in rendered[:-1]:
            starts.append(starts[-1] + len(line) + 1)

        def locate(offset: int) -> tuple[int, int]:
            k = _bisect(starts, offset)
            return positions[k][0], positions[k][1] + offset - starts[k]

        inner = Parser(body, self.path, locate, self.scope, self.errors)
        return inner.template_node(span, text[start:end], positions), end

    def template_node(self, span: Span, source: str, lines=None) -> Node:
        """This parser's whole text read as a template (a heredoc body, a JSON string)."""
        parts, directive, _ = self.template(0, quoted=False)
        if not directive and all(type(p) is str for p in parts):
            return Node("".join(parts), span, lines=lines)
        return Node(Template(source, tuple(parts), directive), span, lines=lines)


def _closing_line(text: str, marker: str, pos: int) -> tuple[int, int] | None:
    """The first line from ``pos`` (a line's start) that holds ``marker`` alone between blanks and ends in a line
    break: (its start, the offset after its line break)."""
    found = text.find(marker, pos)
    while found >= 0:  # each line that holds the marker, in order (a 50,000-line script is not read line by line)
        start = text.rfind("\n", pos, found) + 1 or pos
        end = text.find("\n", found)
        if end < 0:
            return None
        if text[start:end].strip(" \t") == marker:
            return start, end + 1
        found = text.find(marker, end + 1)
    return None


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def _indexed_before(steps, root: str) -> bool:
    """Whether an index follows the object's address directly (what a Reference's ``indexed`` records).

    ``docker_container.dind[0].name`` names an instance; ``docker_container.dind.network_data[0]`` does not
    (its index applies to an attribute of the whole list or map of instances).
    """
    names = 2 if root == "data" else 1  # attribute names after the root that make up the address
    for kind, _ in steps:
        if kind == "splat":
            return False
        if kind == "index":
            return names == 0
        names -= 1
    return False
