"""The positioned tree every source is turned into.

Downstream of ``sources/`` nothing sees parser or ruamel objects: only
``Span``, ``Node``, ``Unknown`` and ``Reference`` (and, for Terraform, the
``Block`` structure built from them in ``sources/terraform.py``).
"""

from __future__ import annotations

from .record import Record, Value

try:  # the C field reader collections.namedtuple uses, without importing collections (a one-file run)
    from _collections import _tuplegetter
except ImportError:  # another implementation than CPython
    from operator import itemgetter

    def _tuplegetter(index: int, doc: str):
        return property(itemgetter(index), doc=doc)

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Span(tuple):
    """A region of a file: 1-based lines and columns, end column exclusive (as SARIF wants).

    A named tuple, not a frozen dataclass: a run makes a million of them, and a tuple is
    built, hashed and compared in C (ordered by path, then start, then end, as before).
    Written out rather than made by ``collections.namedtuple`` or ``typing.NamedTuple``: importing collections or
    typing costs a one-file run 2-5 ms.
    """

    __slots__ = ()
    _fields = ("path", "line", "column", "end_line", "end_column")
    __match_args__ = _fields
    path: str = _tuplegetter(0, "the file, as shown in findings")
    line: int = _tuplegetter(1, "the first line, from 1")
    column: int = _tuplegetter(2, "the first column, from 1")
    end_line: int = _tuplegetter(3, "the last line")
    end_column: int = _tuplegetter(4, "the column after the last character")

    def __new__(cls, path: str, line: int, column: int, end_line: int, end_column: int):
        return tuple.__new__(cls, (path, line, column, end_line, end_column))

    def __getnewargs__(self):  # pickle and copy call __new__ with the fields
        return tuple(self)

    def __repr__(self) -> str:
        path, line, column, end_line, end_column = self
        return f"Span(path={path!r}, line={line!r}, column={column!r}, end_line={end_line!r}, end_column={end_column!r})"

    def cover(self, other: Span) -> Span:
        """The smallest span containing both (same file)."""
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(self.path, start[0], start[1], end[0], end[1])

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Reference(Value):
    """A traversal such as ``var.x``, ``local.y``, ``data.t.n.attr``, ``t.n.attr`` or ``module.m.out``.

    ``parts`` holds every static name of the traversal (indexes such as ``[0]``
    are dropped), so ``docker_container.dind[0].name`` has parts
    ``("docker_container", "dind", "name")`` and ``indexed`` true: an index directly after the address
    (``docker_container.dind.network_data[0]`` is not indexed).
    """

    __slots__ = _fields = ("parts", "span", "indexed")

    parts: tuple[str, ...]
    span: Span
    indexed: bool

    def __init__(self, parts: tuple[str, ...], span: Span, indexed: bool = False):
        self.parts = parts
        self.span = span
        self.indexed = indexed

    @property
    def kind(self) -> str:
        """``var``, ``local``, ``data``, ``module``, ``resource`` or a built-in (``count``, ``each``, ...)."""
        root = self.parts[0]
        if root in ("var", "local", "data", "module", "count", "each", "self", "path", "terraform"):
            return root
        return "resource"

    @property
    def address(self) -> str:
        """The declared object referred to: ``var.x``, ``local.y``, ``data.t.n``, ``t.n``, ``module.m``."""
        n = 3 if self.parts[0] == "data" else 2
        return ".".join(self.parts[:n])

    @property
    def attribute(self) -> tuple[str, ...]:
        """The attribute path after the address (``("owner",)`` for ``data.coder_workspace.me.owner``)."""
        n = 3 if self.parts[0] == "data" else 2
        return self.parts[n:]

    @property
    def text(self) -> str:
        return ".".join(self.parts)


class Unknown(Value):
    """A value the tool cannot know: its source text and the references it makes.

    For a string template with some unknown pieces, ``parts`` keeps the pieces in
    order (known text as ``str``, the rest as ``Unknown``), so a rule can still read
    ``tcp://`` and ``:2375`` around an unknown host.  ``expr`` is the Terraform
    expression it came from, when there is one.
    """

    __slots__ = _fields = ("text", "references", "parts", "expr")
    _shown = ("text", "references", "parts")
    _compared = ("text", "references")

    text: str
    references: tuple[Reference, ...]
    parts: tuple | None
    expr: Any

    def __init__(self, text: str, references: tuple[Reference, ...] = (), parts: tuple | None = None,
                 expr: Any = None):
        self.text = text
        self.references = references
        self.parts = parts
        self.expr = expr

    def __str__(self) -> str:
        return self.text


class Node(Record):
    """A value with its position.

    ``value`` is a ``dict[str, Node]``, a ``list[Node]``, a scalar
    (str, int, float, bool, None) or an ``Unknown``; for Terraform it may also be an
    unevaluated expression (see ``sources/terraform.py``) until a ``Module``
    evaluates it.  ``key`` is the span of the key or attribute name when the node
    is the value of a mapping entry or attribute, and ``name`` its text.
    ``lines`` maps the lines of a multi-line string (a heredoc, a YAML block
    scalar) to where they start in the file, so a finding inside a script can
    point at its own line.
    """

    __slots__ = _fields = ("value", "span", "key", "name", "lines")
    _shown = ("value", "span", "key", "name")

    value: Any
    span: Span
    key: Span | None
    name: str | None
    lines: tuple[tuple[int, int], ...] | None

    def __init__(self, value: Any, span: Span, key: Span | None = None, name: str | None = None,
                 lines: tuple[tuple[int, int], ...] | None = None):
        self.value = value
        self.span = span
        self.key = key
        self.name = name
        self.lines = lines

    @property
    def where(self) -> Span:
        """The span a finding about this value points at: from the key (if any) to the end of the value."""
        return self.key.cover(self.span) if self.key is not None else self.span

    @property
    def known(self) -> bool:
        return is_known(self.value)

    def get(self, *path: str | int) -> Node | None:
        """Follow mapping keys and list indexes; None when any step is missing."""
        node: Node | None = self
        for step in path:
            if node is None:
                return None
            value = node.value
            if isinstance(step, int):
                node = value[step] if isinstance(value, list) and -len(value) <= step < len(value) else None
            else:
                node = value.get(step) if isinstance(value, dict) else None
        return node

    def items(self) -> list[Node]:
        """The elements of a list node (empty for anything else)."""
        return self.value if isinstance(self.value, list) else []

    def line_position(self, index: int) -> tuple[int, int]:
        """File (line, column) where line ``index`` (0-based) of a multi-line string starts."""
        if self.lines and 0 <= index < len(self.lines):
            return self.lines[index]
        return (self.span.line, self.span.column)

    def plain(self) -> Any:
        """The value with every nested Node replaced by its plain value (Unknown stays Unknown)."""
        value = self.value
        if isinstance(value, dict):
            return {k: v.plain() for k, v in value.items()}
        if isinstance(value, list):
            return [v.plain() for v in value]
        return value

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            value = node.value
            if isinstance(value, dict):
                stack.extend(reversed(list(value.values())))
            elif isinstance(value, list):
                stack.extend(reversed(value))


def is_known(value: Any) -> bool:
    """True when the value and everything inside it is known."""
    if isinstance(value, Node):
        value = value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, dict):
        return all(is_known(v) for v in value.values())
    if isinstance(value, list):
        return all(is_known(v) for v in value)
    return False


class Block(Record):
    """A Terraform block: ``type "label" ... { attributes and nested blocks }``.

    ``head`` spans the type and labels (the line a block-level finding points
    at); ``attributes`` maps each attribute name to its value node (whose ``key``
    is the name's span).
    """

    __slots__ = _fields = ("type", "labels", "attributes", "blocks", "span", "head")

    type: str
    labels: tuple[str, ...]
    attributes: dict[str, Node]
    blocks: list[Block]
    span: Span
    head: Span

    def __init__(self, type: str, labels: tuple[str, ...], attributes: dict[str, Node], blocks: list[Block],
                 span: Span, head: Span):
        self.type = type
        self.labels = labels
        self.attributes = attributes
        self.blocks = blocks
        self.span = span
        self.head = head

    def attr(self, name: str) -> Node | None:
        return self.attributes.get(name)

    @property
    def subject(self) -> str:
        """The block named as Terraform does (``coder_app.web``, ``data.coder_workspace.me``, ``output.id``,
        ``locals``): a finding's stable subject."""
        if self.type == "resource" and len(self.labels) >= 2:
            return f"{self.labels[0]}.{self.labels[1]}"
        if self.type == "data" and len(self.labels) >= 2:
            return f"data.{self.labels[0]}.{self.labels[1]}"
        if self.labels:
            return f"{self.type}.{self.labels[0]}"
        return self.type

    def blocks_of(self, type_: str) -> list[Block]:
        return [b for b in self.blocks if b.type == type_]

    def block(self, type_: str) -> Block | None:
        for b in self.blocks:
            if b.type == type_:
                return b
        return None

    def dynamic(self, type_: str) -> list[Block]:
        """The ``dynamic "<type_>"`` blocks that may produce blocks of that type."""
        return [b for b in self.blocks if b.type == "dynamic" and b.labels[:1] == (type_,)]

    def has_block(self, type_: str) -> bool:
        """True when a block of this type exists, or a dynamic block may produce one."""
        return any(b.type == type_ or (b.type == "dynamic" and b.labels[:1] == (type_,)) for b in self.blocks)
