"""Terraform expressions the tool keeps unevaluated, and their evaluation.

``sources/terraform.py`` turns every expression that is not a plain literal,
list or object into one of the ``Expr`` classes below, stored as the ``value``
of a ``Node``.  ``evaluate`` resolves what docs/architecture.md ("Values and
unknowns") calls knowable (literals, ``var.x`` with a default, ``local.y`` built from known
values, string templates of known parts, conditionals whose condition is
known, plain operators on known values); everything else becomes ``Unknown``.
"""

from __future__ import annotations

from .node import Node, Reference, Unknown, is_known

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


class Expr:
    """Base of the unevaluated expression classes; ``text`` is the source text."""

    __slots__ = ("text",)

    def children(self) -> Iterator[Node]:
        return iter(())

    def references(self) -> tuple[Reference, ...]:
        """Every reference made anywhere inside this expression, in source order."""
        found: list[Reference] = []
        collect_references(self, found)
        return tuple(found)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text!r})"


class Traversal(Expr):
    """A name followed by attribute, index and splat steps: ``var.x``, ``local.m["k"]``, ``a.b[0].c``.

    ``steps`` holds ``("attr", name)``, ``("index", Node)`` or ``("splat", None)``.
    ``reference`` is set when the root is something Terraform resolves
    (not a ``for`` iterator or a bare function-local name).
    """

    __slots__ = ("root", "steps", "reference", "inner")

    def __init__(self, text: str, root: str, steps: tuple, reference: Reference | None, inner: Node | None = None):
        self.text = text
        self.root = root
        self.steps = steps
        self.reference = reference
        self.inner = inner  # the base expression when the traversal starts on something other than a name

    def children(self) -> Iterator[Node]:
        if self.inner is not None:
            yield self.inner
        for kind, value in self.steps:
            if kind == "index":
                yield value


class Template(Expr):
    """A string template: literal text and interpolated expressions (``parts``); ``directive`` if it has ``%{}``."""

    __slots__ = ("parts", "directive")

    def __init__(self, text: str, parts: tuple, directive: bool = False):
        self.text = text
        self.parts = parts  # str | Node
        self.directive = directive

    def children(self) -> Iterator[Node]:
        for part in self.parts:
            if isinstance(part, Node):
                yield part


class Call(Expr):
    __slots__ = ("name", "args")

    def __init__(self, text: str, name: str, args: tuple[Node, ...]):
        self.text = text
        self.name = name
        self.args = args

    def children(self) -> Iterator[Node]:
        return iter(self.args)


class Conditional(Expr):
    __slots__ = ("condition", "then", "otherwise")

    def __init__(self, text: str, condition: Node, then: Node, otherwise: Node):
        self.text = text
        self.condition = condition
        self.then = then
        self.otherwise = otherwise

    def children(self) -> Iterator[Node]:
        yield self.condition
        yield self.then
        yield self.otherwise


class Operation(Expr):
    """A unary (one operand) or binary (two operands) operator."""

    __slots__ = ("op", "operands")

    def __init__(self, text: str, op: str, operands: tuple[Node, ...]):
        self.text = text
        self.op = op
        self.operands = operands

    def children(self) -> Iterator[Node]:
        return iter(self.operands)


class Opaque(Expr):
    """Anything the tool never evaluates (``for`` expressions, ...): kept for its references."""

    __slots__ = ("parts",)

    def __init__(self, text: str, parts: tuple[Node, ...]):
        self.text = text
        self.parts = parts

    def children(self) -> Iterator[Node]:
        return iter(self.parts)


def collect_references(value, found: list[Reference]) -> None:
    """Append every reference inside an Expr, a Node or a Node's collection, in source order."""
    if isinstance(value, Node):
        value = value.value
    if isinstance(value, Traversal) and value.reference is not None:
        found.append(value.reference)
    if isinstance(value, Expr):
        for child in value.children():
            collect_references(child, found)
    elif isinstance(value, dict):
        for child in value.values():
            collect_references(child, found)
    elif isinstance(value, list):
        for child in value:
            collect_references(child, found)
    elif isinstance(value, Unknown):
        found.extend(value.references)


def references_in(node: Node | None) -> tuple[Reference, ...]:
    """Every reference made by a node's value, nested collections included."""
    if node is None:
        return ()
    found: list[Reference] = []
    collect_references(node, found)
    return tuple(found)


# ----------------------------------------------------------------------------------------------
# Evaluation
# ----------------------------------------------------------------------------------------------

#: Looks up ``var.<name>`` / ``local.<name>`` (and names bound around the expression, such as a dynamic block's
#: iterator): returns the (evaluated) node, or None when unknown.
if TYPE_CHECKING:
    Lookup = Callable[[str, str], "Node | None"]


def evaluate(node: Node, lookup: Lookup) -> Node:
    """A copy of ``node`` with every expression inside it resolved to a value or an ``Unknown``."""
    value = node.value
    if isinstance(value, Expr):
        result = _evaluate_expr(value, lookup)
        if isinstance(result, Node):
            return Node(result.value, node.span, node.key, node.name, result.lines)
        # a template keeps the line map of its heredoc, so findings can point inside it
        return Node(result, node.span, node.key, node.name, _kept_lines(value, result, node.lines))
    if isinstance(value, dict):
        return Node({k: evaluate(v, lookup) for k, v in value.items()}, node.span, node.key, node.name, node.lines)
    if isinstance(value, list):
        return Node([evaluate(v, lookup) for v in value], node.span, node.key, node.name, node.lines)
    return node


def _kept_lines(expr: Expr, result, lines):
    """A heredoc template's line positions, while its rendered text still has the template's lines.

    Interpolations render on the line they are written on unless their value
    holds a newline; then the positions no longer fit and are dropped.
    """
    if lines is None or not isinstance(expr, Template):
        return None
    written = sum(p.count("\n") for p in expr.parts if isinstance(p, str))
    if isinstance(result, str):
        rendered = result.count("\n")
    elif isinstance(result, Unknown) and result.parts:
        rendered = sum(p.count("\n") for p in result.parts if isinstance(p, str))
    else:
        return None
    return lines if rendered == written else None


def _unknown(expr: Expr, parts: tuple | None = None) -> Unknown:
    return Unknown(expr.text, expr.references(), parts, expr)


def _evaluate_expr(expr: Expr, lookup: Lookup):
    """The value of an expression: a Node (when it resolves to an existing node), a plain value, or Unknown."""
    if isinstance(expr, Traversal):
        return _evaluate_traversal(expr, lookup)
    if isinstance(expr, Template):
        return _evaluate_template(expr, lookup)
    if isinstance(expr, Conditional):
        condition = evaluate(expr.condition, lookup).value
        if isinstance(condition, str) and condition in ("true", "false"):
            condition = condition == "true"
        if isinstance(condition, bool):
            return evaluate(expr.then if condition else expr.otherwise, lookup)
        return _unknown(expr)
    if isinstance(expr, Operation):
        values = [evaluate(operand, lookup).value for operand in expr.operands]
        if all(is_known(v) for v in values):
            try:
                return _apply(expr.op, values)
            except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                return _unknown(expr)
        return _unknown(expr)
    return _unknown(expr)


def _evaluate_traversal(expr: Traversal, lookup: Lookup):
    if expr.inner is not None or not expr.steps or expr.steps[0][0] != "attr":
        return _unknown(expr)
    if expr.root not in ("var", "local") and expr.reference is not None:
        return _unknown(expr)  # a resource, data source, module... (an iterator has no reference: the lookup may bind it)
    found = lookup(expr.root, expr.steps[0][1])
    if found is None:
        return _unknown(expr)
    current: Node = found
    for kind, step in expr.steps[1:]:
        value = current.value
        if kind == "attr" and isinstance(value, dict) and step in value:
            current = value[step]
        elif kind == "index":
            index = evaluate(step, lookup).value
            if isinstance(value, list) and isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(value) or isinstance(value, dict) and isinstance(index, str) and index in value:
                current = value[index]
            else:
                return _unknown(expr)
        else:
            return _unknown(expr)
    if not current.known and expr.reference is not None:
        return _unknown(expr)
    return current  # a bound iterator's element keeps its own unknown pieces (`${docker_network.x.name}`)


def _evaluate_template(expr: Template, lookup: Lookup):
    if expr.directive:
        return _unknown(expr)
    parts: list = []
    for part in expr.parts:
        if isinstance(part, str):
            parts.append(part)
            continue
        value = evaluate(part, lookup).value
        text = template_string(value)
        parts.append(text if text is not None else (value if isinstance(value, Unknown) else _unknown_of(part)))
    if all(isinstance(p, str) for p in parts):
        return "".join(parts)
    # merge adjacent known text so rules see e.g. ("tcp://", Unknown, ":2375")
    merged: list = []
    for p in parts:
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        else:
            merged.append(p)
    return _unknown(expr, tuple(merged))


def _unknown_of(node: Node) -> Unknown:
    value = node.value
    if isinstance(value, Expr):
        return _unknown(value)
    return Unknown(str(value), ())


def template_string(value) -> str | None:
    """How a known scalar is rendered inside a string template, or None when it cannot be."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value
    return None


def _number(value):
    if isinstance(value, bool):
        raise TypeError("bool is not a number")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        return float(value) if any(c in value for c in ".eE") else int(value)
    raise TypeError("not a number")


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise TypeError("not a bool")


def _apply(op: str, values: list):
    if op == "!":
        return not _boolean(values[0])
    if op == "-" and len(values) == 1:
        return -_number(values[0])
    left, right = values
    if op == "==":
        return _plain(left) == _plain(right)
    if op == "!=":
        return _plain(left) != _plain(right)
    if op == "&&":
        return _boolean(left) and _boolean(right)
    if op == "||":
        return _boolean(left) or _boolean(right)
    a, b = _number(left), _number(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "%":
        return a % b
    if op == "<":
        return a < b
    if op == ">":
        return a > b
    if op == "<=":
        return a <= b
    if op == ">=":
        return a >= b
    raise ValueError(op)


def _plain(value):
    if isinstance(value, Node):
        return value.plain()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
