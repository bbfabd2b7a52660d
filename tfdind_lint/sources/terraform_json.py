"""Terraform JSON configuration syntax (``*.tf.json``) to the same positioned tree as ``.tf`` files.

Python's ``json`` module keeps no positions, so a small JSON parser here does:
every value knows its offsets, and every character of a string knows where it
was written (``\\n``, ``\\u00e9`` escapes take more than one column), so
expressions inside ``${...}`` point at the user's columns.  Strings are
Terraform templates, read by the same code as heredocs
(``terraform.Embedded``).

What Terraform learns from a provider's schema (is ``"metadata": {...}`` a
nested block or an object attribute?) this reader decides from names: inside
``resource``, ``data``, ``provider`` and their nested blocks a JSON object (or
array of objects) is a nested block unless its name is one of the map
attributes below; inside ``variable``, ``output``, ``module``, ``locals`` and
``required_providers`` every property is an attribute.  A property named
``//`` is a comment, as in Terraform; it can carry a suppression.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..node import Block, Node, Span
from . import Comment, SourceError
from .terraform import Embedded, TerraformFile
from .text import LineIndex, decode

#: how many labels each block type takes, at the top level and nested (every other block type takes none)
_TOP_LABELS = {"resource": 2, "data": 2, "ephemeral": 2, "module": 1, "variable": 1, "output": 1, "provider": 1, "check": 1}
_NESTED_LABELS = {"dynamic": 1, "provisioner": 1, "backend": 1, "provider_meta": 1}
#: bodies whose properties are all attributes, except the nested blocks listed
_ATTRIBUTE_BODIES = {
    "variable": {"validation"}, "output": {"precondition"}, "module": set(), "locals": set(),
    "required_providers": set(), "moved": set(), "import": set(), "removed": {"lifecycle"},
    "validation": set(), "precondition": set(), "postcondition": set(),
}
#: object-valued attributes of resource bodies (maps and objects, not nested blocks)
_OBJECT_ATTRIBUTES = {
    "for_each", "labels", "annotations", "limits", "requests", "node_selector", "manifest", "tags", "tags_all",
    "triggers", "triggers_replace", "data", "binary_data", "string_data", "parameters", "match_labels", "capacity",
    "overhead", "default",
}
#: per resource type: names that are object attributes there / nested blocks there despite the table above
_TYPE_OBJECT_ATTRIBUTES = {"coder_agent": {"env"}}
_TYPE_BLOCKS = {"docker_container": {"labels"}, "docker_network": {"labels"}, "docker_volume": {"labels"}}
#: attributes whose strings are expressions (references), not templates, in JSON syntax
_EXPRESSION_ATTRIBUTES = {
    "resource": {"depends_on", "provider"}, "data": {"depends_on", "provider"}, "ephemeral": {"depends_on", "provider"},
    "module": {"depends_on", "providers"}, "output": {"depends_on"},
    "lifecycle": {"ignore_changes", "replace_triggered_by"}, "moved": {"from", "to"}, "removed": {"from"},
    "import": {"to", "provider"},
}
#: Deepest nesting of objects and arrays read: the tree built from it is walked recursively (terraform.py's limit
#: of 200 syntax-tree levels is about 100 brackets).
_MAX_DEPTH = 100


@dataclass(slots=True, eq=False)
class _Value:
    """A JSON value and where it is: ``start``/``end`` are offsets of the text."""

    kind: str  # object, array, string, number, literal
    value: Any  # [(key _Value, _Value)] for objects, [_Value] for arrays, the decoded str, the number, True/False/None
    start: int
    end: int
    #: strings: the text offset of every decoded character, and one past the closing quote's start
    offsets: list[int] | None = None


def parse_file(path: str, data: bytes) -> TerraformFile:
    """Parse one ``.tf.json`` file.  Raises ``SourceError`` when it is not JSON Terraform accepts."""
    text = decode(data, path)
    index = LineIndex(text)
    root = _Parser(text, path, index).document()
    builder = _Builder(text, path, index)
    body = builder.body(root, "", (), builder.span(root.start, root.start), "")
    return TerraformFile(path, body, builder.comments, text, builder.errors + builder.embedded.errors)


# ----------------------------------------------------------------------------------------------
# JSON with positions
# ----------------------------------------------------------------------------------------------

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WHITESPACE = " \t\n\r"


class _Parser:
    def __init__(self, text: str, path: str, index: LineIndex):
        self.text = text
        self.path = path
        self.index = index
        self.pos = 0
        self.open: list[int] = []  # offsets of the brackets not closed yet
        self.comma = 0  # offset of the last ',' read

    def error(self, message: str, offset: int | None = None) -> SourceError:
        offset = self.pos if offset is None else offset
        line, column = self.index.position(offset)
        return SourceError(message, Span(self.path, line, column, line, column + 1))

    def document(self) -> _Value:
        self.skip()
        if self.pos >= len(self.text):
            raise self.error("The file is empty: a Terraform JSON file holds one JSON object")
        if self.text[self.pos] != "{":
            raise self.error("A Terraform JSON file must hold one JSON object, with blocks such as \"resource\" as its properties")
        value = self.value()
        self.skip()
        if self.pos < len(self.text):
            raise self.error(f"Unexpected {self.describe()} after the end of the JSON object")
        return value

    def skip(self) -> None:
        text = self.text
        while self.pos < len(text) and text[self.pos] in _WHITESPACE:
            self.pos += 1

    def describe(self) -> str:
        if self.pos >= len(self.text):
            return "end of file"
        return repr(self.text[self.pos])

    def value(self) -> _Value:
        self.skip()
        if self.pos >= len(self.text):
            raise self.unclosed()
        c = self.text[self.pos]
        if c == "{":
            return self.container("object")
        if c == "[":
            return self.container("array")
        if c == '"':
            return self.string()
        if c == "-" or c.isdigit():
            return self.number()
        for word, literal in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                start = self.pos
                self.pos += len(word)
                return _Value("literal", literal, start, self.pos)
        if c == "'":
            raise self.error("JSON strings use double quotes (\"), not single quotes")
        if c in "/#":
            raise self.error("JSON has no comments: use a \"//\" property instead")
        if c in "}]":
            raise self.error(f"Unexpected {c!r}: a value is missing")
        raise self.error(f"Unexpected {self.describe()}: expected a JSON value (object, array, string, number, true, false or null)")

    def unclosed(self) -> SourceError:
        if self.open:
            opener = self.open[-1]
            return self.error(f"The {self.text[opener]!r} opened here is never closed: the file ends first", opener)
        return self.error("Unexpected end of file: a value is missing")

    def container(self, kind: str) -> _Value:
        start = self.pos
        if len(self.open) >= _MAX_DEPTH:
            raise self.error(f"Nested too deeply to analyse (more than {_MAX_DEPTH} levels of objects and arrays); "
                             "flatten this part or split it up")
        self.open.append(start)
        close = "}" if kind == "object" else "]"
        self.pos += 1
        items: list = []
        self.skip()
        if self.pos < len(self.text) and self.text[self.pos] == close:
            self.pos += 1
            self.open.pop()
            return _Value(kind, items, start, self.pos)
        while True:
            self.skip()
            if kind == "object":
                if self.pos >= len(self.text):
                    raise self.unclosed()
                if self.text[self.pos] != '"':
                    if self.text[self.pos] == close and items:
                        raise self.error(f"Trailing comma: JSON allows no ',' before {close!r}", self.comma)
                    raise self.error(f"Unexpected {self.describe()}: expected a property name in double quotes")
                key = self.string()
                self.skip()
                if self.pos >= len(self.text):
                    raise self.unclosed()
                if self.text[self.pos] != ":":
                    raise self.error(f"Unexpected {self.describe()}: expected ':' after the property name")
                self.pos += 1
                items.append((key, self.value()))
            else:
                self.skip()
                if self.pos < len(self.text) and self.text[self.pos] == close and items:
                    raise self.error(f"Trailing comma: JSON allows no ',' before {close!r}", self.comma)
                items.append(self.value())
            self.skip()
            if self.pos >= len(self.text):
                raise self.unclosed()
            c = self.text[self.pos]
            if c == ",":
                self.comma = self.pos
                self.pos += 1
                continue
            if c == close:
                self.pos += 1
                self.open.pop()
                return _Value(kind, items, start, self.pos)
            if c in "/#":
                raise self.error("JSON has no comments: use a \"//\" property instead")
            raise self.error(f"Unexpected {self.describe()}: expected ',' or {close!r}")

    def string(self) -> _Value:
        text = self.text
        start = self.pos
        pos = start + 1
        chars: list[str] = []
        offsets: list[int] = []
        n = len(text)
        while True:
            if pos >= n or text[pos] == "\n":
                raise self.error("Unterminated string: the closing '\"' is missing on this line", start)
            c = text[pos]
            if c == '"':
                break
            if c == "\\":
                escape = text[pos + 1:pos + 2]
                if escape in _ESCAPES:
                    chars.append(_ESCAPES[escape])
                    offsets.append(pos)
                    pos += 2
                    continue
                if escape == "u":
                    code, width = self.unicode(pos)
                    chars.append(code)
                    offsets.append(pos)
                    pos += width
                    continue
                raise self.error(f"Invalid escape '\\{escape}' in a string", pos)
            if c < " ":
                raise self.error("A control character (such as a tab) must be escaped in a JSON string", pos)
            chars.append(c)
            offsets.append(pos)
            pos += 1
        offsets.append(pos)
        self.pos = pos + 1
        return _Value("string", "".join(chars), start, self.pos, offsets)

    def unicode(self, pos: int) -> tuple[str, int]:
        """The character of a ``\\uXXXX`` escape at ``pos`` (a surrogate pair takes two escapes) and its width."""
        digits = self.text[pos + 2:pos + 6]
        if len(digits) != 4 or not all(d in "0123456789abcdefABCDEF" for d in digits):
            raise self.error("Invalid \\u escape: four hexadecimal digits must follow", pos)
        code = int(digits, 16)
        if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", pos + 6):
            low = self.text[pos + 8:pos + 12]
            if len(low) == 4 and all(d in "0123456789abcdefABCDEF" for d in low) and 0xDC00 <= int(low, 16) < 0xE000:
                return chr(0x10000 + ((code - 0xD800) << 10) + (int(low, 16) - 0xDC00)), 12
        return chr(code), 6

    def number(self) -> _Value:
        text = self.text
        start = self.pos
        pos = start + (text[start] == "-")
        digits = pos
        while pos < len(text) and text[pos].isdigit():
            pos += 1
        if pos == digits:
            raise self.error("Invalid number: a digit must follow '-'", start)
        if text[digits] == "0" and pos - digits > 1:
            raise self.error("Invalid number: JSON numbers have no leading zeros", start)
        is_float = False
        if pos < len(text) and text[pos] == ".":
            is_float = True
            pos += 1
            fraction = pos
            while pos < len(text) and text[pos].isdigit():
                pos += 1
            if pos == fraction:
                raise self.error("Invalid number: a digit must follow '.'", start)
        if pos < len(text) and text[pos] in "eE":
            is_float = True
            pos += 1
            if pos < len(text) and text[pos] in "+-":
                pos += 1
            exponent = pos
            while pos < len(text) and text[pos].isdigit():
                pos += 1
            if pos == exponent:
                raise self.error("Invalid number: a digit must follow the exponent", start)
        self.pos = pos
        literal = text[start:pos]
        value = float(literal) if is_float else int(literal)
        if is_float and value.is_integer() and abs(value) < 2**53:
            value = int(value)  # Terraform numbers have no int/float distinction: 1e3 is 1000
        return _Value("number", value, start, pos)


# ----------------------------------------------------------------------------------------------
# JSON values -> Block / Node
# ----------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, text: str, path: str, index: LineIndex):
        self.text = text
        self.path = path
        self.index = index
        self.embedded = Embedded(path)
        self.comments: list[Comment] = []
        self.errors: list[SourceError] = []

    def span(self, start: int, end: int) -> Span:
        return self.index.span(self.path, start, end)

    def where(self, value: _Value) -> Span:
        return self.span(value.start, value.end)

    def body(self, obj: _Value, type_: str, labels: tuple[str, ...], head: Span, resource: str) -> Block:
        """The block whose body is the JSON object ``obj``; ``resource`` is the enclosing resource type."""
        attributes: dict[str, Node] = {}
        blocks: list[Block] = []
        if type_ in ("resource", "data", "ephemeral") and labels:
            resource = labels[0]
        pushed = False
        if type_ == "dynamic" and labels:  # inside, `<iterator>.value` is not a resource reference
            iterator = next((v.value for k, v in obj.value if k.value == "iterator" and v.kind == "string"), labels[0])
            self.embedded.scope.append(frozenset({iterator}))
            pushed = True
        try:
            for key, value in obj.value:
                name = key.value
                if name == "//":
                    self.comment(key, value)
                    continue
                if self.is_block(type_, name, value, resource):
                    count = (_NESTED_LABELS if type_ else _TOP_LABELS).get(name, 0)
                    blocks.extend(self.blocks(name, value, count, (), key, resource))
                    continue
                node = self.expression(value, name in _EXPRESSION_ATTRIBUTES.get(type_, ()))
                node.key = self.where(key)
                node.name = name
                if name in attributes:
                    self.errors.append(SourceError(
                        f"Attribute {name!r} is defined twice in this block "
                        f"(first at line {attributes[name].key.line}); Terraform rejects this",
                        node.key,
                    ))
                    continue
                attributes[name] = node
        finally:
            if pushed:
                self.embedded.scope.pop()
        return Block(type_, labels, attributes, blocks, head.cover(self.where(obj)) if type_ else self.where(obj), head)

    def comment(self, key: _Value, value: _Value) -> None:
        """A ``"//"`` property: Terraform ignores it, we read suppressions in it."""
        if value.kind == "string":
            self.comments.append(Comment(value.value, self.span(key.start, value.end)))

    def is_block(self, type_: str, name: str, value: _Value, resource: str) -> bool:
        if not type_:
            return True  # the top level holds only blocks
        if value.kind == "array":
            if not value.value or any(item.kind != "object" for item in value.value):
                return False
        elif value.kind != "object":
            return False
        if type_ in _ATTRIBUTE_BODIES:
            return name in _ATTRIBUTE_BODIES[type_]
        if name in _TYPE_BLOCKS.get(resource, ()):
            return True
        return name not in _OBJECT_ATTRIBUTES and name not in _TYPE_OBJECT_ATTRIBUTES.get(resource, ())

    def blocks(self, type_: str, value: _Value, labels_left: int, labels: tuple[str, ...], key: _Value, resource: str) -> list[Block]:
        """The blocks a property makes: labels are nested object keys; an array holds several blocks."""
        if value.kind == "array":
            found = []
            for item in value.value:
                found.extend(self.blocks(type_, item, labels_left, labels, item if labels_left == 0 else key, resource))
            return found
        if value.kind != "object":
            self.errors.append(SourceError(f"{type_!r} must be a JSON object (a block), not a {value.kind}", self.where(value)))
            return []
        if labels_left:
            found = []
            for label, inner in value.value:
                if label.value == "//":
                    self.comment(label, inner)
                    continue
                found.extend(self.blocks(type_, inner, labels_left - 1, labels + (label.value,), label, resource))
            return found
        head = self.where(key) if key.kind == "string" else self.span(key.start, key.start + 1)
        return [self.body(value, type_, labels, head, resource)]

    def expression(self, value: _Value, is_expression: bool) -> Node:
        span = self.where(value)
        if value.kind == "string":
            return self.string(value, span, is_expression)
        if value.kind == "array":
            return Node([self.expression(item, is_expression) for item in value.value], span)
        if value.kind == "object":
            items: dict[str, Node] = {}
            for key, item in value.value:
                node = self.expression(item, is_expression)
                node.key = self.where(key)
                node.name = key.value
                items[key.value] = node
            return Node(items, span)
        return Node(value.value, span)

    def string(self, value: _Value, span: Span, is_expression: bool) -> Node:
        offsets = value.offsets
        text = value.value

        def locate(offset: int) -> tuple[int, int]:
            return self.index.position(offsets[min(offset, len(offsets) - 1)])

        if is_expression:
            node = self.embedded.expression(text, locate)
            return node if node is not None else Node(text, span)
        lines = None
        if "\n" in text:
            starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
            lines = tuple(locate(i) for i in starts)
        source = self.text[value.start:value.end] if "${" in text or "%{" in text else ""
        return self.embedded.template(text, locate, span, source, lines)
