"""Results as plain data: what the cache stores, as JSON, and reads back into our own types with validation.

A cache entry holds what checking a piece gave (``pieces.UnitResult``: findings, the
suppressions written in its files, the extracts of the project-scoped rules' collectors).
``dumps`` writes it as JSON, guided by the type annotations of our own classes (``record.Record``s and dataclasses);
``loads`` builds those classes back, checking every value against the same annotations.
The only classes an entry can name are those in ``CLASSES`` (the tool's own, built by their
constructors); nothing else is imported, looked up or called because the data says so, and a
value that does not fit is ``Invalid`` (for the cache: a miss).  A result holding anything else (a Terraform module a device-plugin
DaemonSet evaluates through, a callable) is ``Unencodable``: that piece is simply not cached.

An object met twice (a container and its workload point at each other, a node shared by
two extracts) is written once and then referred to by its number in the order objects are
first met, so identity and cycles survive the round trip.  Where a field is annotated
``Any`` or ``object``, values carry a tag: ``["L", ...]`` list, ``["T", ...]`` tuple,
``["S", ...]`` set, ``["F", ...]`` frozenset, ``["D", key, value, ...]`` dict,
``["O", class, fields]`` one of ``CLASSES``, ``["t", kind, iso]`` a TOML date or time.
"""

from __future__ import annotations

import importlib
import json
import sys

#: Version of the encoding; an entry of another version is a miss.
VERSION = 3

#: The classes an entry may hold: name -> module.  Their fields' annotations are the schema.
CLASSES = {
    "UnitResult": "tfdind_lint.pieces",
    "Finding": "tfdind_lint.finding", "Fix": "tfdind_lint.fix", "Edit": "tfdind_lint.fix", "Related": "tfdind_lint.finding", "Suppressed": "tfdind_lint.finding",
    "Suppression": "tfdind_lint.suppress", "Problem": "tfdind_lint.suppress",
    "Node": "tfdind_lint.node", "Unknown": "tfdind_lint.node", "Reference": "tfdind_lint.node",
    "Block": "tfdind_lint.node", "Comment": "tfdind_lint.sources", "TomlFile": "tfdind_lint.sources.toml",
    "Workload": "tfdind_lint.workload", "Container": "tfdind_lint.workload", "Env": "tfdind_lint.workload",
    "Mount": "tfdind_lint.workload", "Volume": "tfdind_lint.workload",
    "Traversal": "tfdind_lint.expression", "Template": "tfdind_lint.expression", "Call": "tfdind_lint.expression",
    "Conditional": "tfdind_lint.expression", "Operation": "tfdind_lint.expression", "Opaque": "tfdind_lint.expression",
    # the collectors' extracts (rules.COLLECTORS): a new extract class goes here (tests/test_cache.py checks it)
    "NodeDefinition": "tfdind_lint.model.node_pools",
    "_FuseFacts": "tfdind_lint.rules.podman.helpers", "_Request": "tfdind_lint.rules.podman.helpers",
    "_Object": "tfdind_lint.rules.podman.helpers", "_Labels": "tfdind_lint.rules.podman.helpers",
    "_RuntimeFacts": "tfdind_lint.rules.kubernetes.helpers", "_Pod": "tfdind_lint.rules.kubernetes.helpers",
    "RuntimeClass": "tfdind_lint.rules.kubernetes.helpers",
}

#: The fields of the expression classes (slotted classes, not dataclasses).
_EXPRESSION_FIELDS = {
    "Traversal": {"text": "str", "root": "str", "steps": "tuple", "reference": "Reference | None",
                  "inner": "Node | None"},
    "Template": {"text": "str", "parts": "tuple", "directive": "bool"},
    "Call": {"text": "str", "name": "str", "args": "tuple"},
    "Conditional": {"text": "str", "condition": "Node", "then": "Node", "otherwise": "Node"},
    "Operation": {"text": "str", "op": "str", "operands": "tuple"},
    "Opaque": {"text": "str", "parts": "tuple"},
}


class Invalid(ValueError):
    """Data that is not an entry of this version: wrong shape, wrong type, unknown class."""


class Unencodable(TypeError):
    """A value this encoding does not hold (a class outside ``CLASSES``, a value of another type than declared)."""


def dumps(results: list) -> bytes:
    """A piece's results (a list of ``UnitResult``) as JSON."""
    _, encode, _ = _codecs().results
    memo: dict = {_PATHS: {}}
    try:
        body = encode(results, memo)
        document = {"version": VERSION, "paths": list(memo[_PATHS]), "results": body}
        return json.dumps(document, separators=(",", ":")).encode()
    except (Unencodable, RecursionError, ValueError) as exc:
        raise Unencodable(str(exc)) from None


def loads(data: bytes) -> list:
    """The results ``dumps`` wrote; ``Invalid`` for anything else (including bytes that are not JSON)."""
    _, _, decode = _codecs().results
    try:
        document = json.loads(data)
        if type(document) is not dict or document.keys() != _KEYS or document["version"] != VERSION:
            raise Invalid("not an entry of this version")
        paths = document["paths"]
        if type(paths) is not list or not all(type(p) is str for p in paths):
            raise Invalid("paths expected")
        return decode(document["results"], [paths])
    except Invalid:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise Invalid(f"{type(exc).__name__}: {exc}") from None


# ----------------------------------------------------------------------------------------------
# Codecs.  A codec is (scalars, encode, decode): values whose type is in ``scalars`` are written as
# they are (the loops below test that inline, the common case); anything else goes through
# ``encode(value, memo)`` / ``decode(data, table)``, which check it and raise on what does not fit.
# ``memo``: id of an object (or a frozenset's value) -> its number; ``table``: the objects read so far, by
# number.  Number 0 is the file paths of the entry's spans, written once each (``memo[_PATHS]``: path -> index).
# ----------------------------------------------------------------------------------------------

_PATHS = "paths"
_KEYS = frozenset({"version", "paths", "results"})

_NONE = type(None)
_SCALARS = frozenset({str, int, float, bool, _NONE})
_PRIMITIVES = {"str": {str}, "int": {int}, "bool": {bool}, "float": {float, int}, "None": {_NONE}}
_CONTAINERS = {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}
_TAG_OF = {list: "L", tuple: "T", set: "S", frozenset: "F"}
_CONTAINER_OF = {"L": list, "T": tuple, "S": set, "F": frozenset}
_TIMES = frozenset({"date", "datetime", "time"})


def _refuse_encode(value, memo):
    raise Unencodable(f"unexpected {type(value).__name__}")


def _refuse_decode(data, table):
    raise Invalid(f"unexpected {type(data).__name__}")


class _Codecs:
    """The codec of every annotation of ``CLASSES`` (``compile``), and of ``Any`` values (tagged)."""

    def __init__(self):
        from .finding import Severity  # noqa: PLC0415
        from .node import Span  # noqa: PLC0415
        from .sources import SourceError  # noqa: PLC0415

        self.any = (_SCALARS, self._encode_any, self._decode_any)
        self.classes: dict[str, type] = {}
        self._bind: dict = {}  # class name -> how its codec learns the class and its fields' codecs
        self.by_class: dict[type, str] = {Span: "Span", Severity: "Severity", SourceError: "SourceError"}
        # every class gets its codec first, its fields when it is resolved: classes refer to each other
        self.of_class = {name: self._object_codec(name) for name in CLASSES}
        self.of_class.update(Span=_span(Span), Severity=_severity(Severity))
        self.of_class["SourceError"] = _source_error(SourceError, self.of_class["Span"])
        for name, module in CLASSES.items():
            if module in sys.modules:  # the others (sources.toml) are imported when an entry holds one
                self.resolve(name)
        self.results = self.compile(_parse("list[UnitResult]"))

    def resolve(self, name: str) -> type:
        """One of ``CLASSES``, imported, with its fields' codecs."""
        cls = self.classes.get(name)
        if cls is None:
            cls = self.classes[name] = getattr(importlib.import_module(CLASSES[name]), name)
            self.by_class[cls] = name
            self._bind[name](cls, [(field, *self.compile(_parse(text))) for field, text in self.fields(name)])
        return cls

    def fields(self, name: str) -> list[tuple[str, str]]:
        """The schema of one of ``CLASSES``: its fields and their annotations, in order."""
        if name in _EXPRESSION_FIELDS:
            return list(_EXPRESSION_FIELDS[name].items())
        cls = self.classes[name]
        if "_fields" in vars(cls):  # a ``record.Record``: its fields, annotated in the class body
            return [(field, cls.__annotations__[field]) for field in cls._fields]
        import dataclasses  # noqa: PLC0415  (only for the classes still written with ``@dataclass``)

        # a field whose default is None may be None whatever its annotation says (``workload: "Workload" = None``)
        return [(f.name, f"{f.type} | None" if f.default is None and "None" not in f.type else f.type)
                for f in dataclasses.fields(cls)]

    def compile(self, kind: tuple) -> tuple:
        """The codec of a parsed annotation (``_parse``)."""
        head, args = kind[0], kind[1:]
        if head == "|":
            scalars, encode, decode = self.compile(args[0])
            return scalars | {_NONE}, encode, decode
        if head in ("Any", "object"):
            return self.any
        if head in _PRIMITIVES:
            return frozenset(_PRIMITIVES[head]), _refuse_encode, _refuse_decode
        if head in _CONTAINERS:
            if head == "tuple" and args and args[-1] != ("...",):
                return _fixed_tuple([self.compile(a) for a in args])
            return _sequence(_CONTAINERS[head], self.compile(args[0]) if args else self.any)
        if head == "dict":
            key, value = (self.compile(args[0]), self.compile(args[1])) if args else (self.any, self.any)
            return _dict(key, value)
        if head == "Callable":
            return frozenset(), _refuse_encode, _refuse_decode
        if head == "date":
            return _date()
        if head in self.of_class:
            return self.of_class[head]
        raise LookupError(f"no codec for the type {head!r}")  # a new annotation: extend this function

    def _object_codec(self, name: str) -> tuple:
        """An object of one of ``CLASSES``: its fields in order (an array), or its number when met before.

        Objects are numbered in the order they are first met, on writing and on reading.  A class with a
        ``__dict__`` is registered before its fields are read, so a field may point back at it (a container at
        its workload); a slotted one (``Node``, ``Finding``...: never part of a cycle) is built by its
        constructor from its fields, which is faster.
        """
        cls = names = scalars = encoders = decoders = None  # set by ``bind`` when the class is resolved
        slotted = False
        width = 0
        new = object.__new__

        def bind(resolved: type, fields: list[tuple]) -> None:
            nonlocal cls, names, scalars, encoders, decoders, slotted, width
            names, scalars, encoders, decoders = (tuple(column) for column in zip(*fields))
            slotted, width, cls = "__slots__" in resolved.__dict__, len(fields), resolved

        self._bind[name] = bind

        def encode(value, memo: dict):
            if cls is None:
                self.resolve(name)
            if type(value) is not cls:
                raise Unencodable(f"{type(value).__name__} where {name} was expected")
            number = memo.get(id(value))
            if number is not None:
                return number
            memo[id(value)] = len(memo)
            return [item if type(item) in s else e(item, memo)
                    for item, s, e in zip([getattr(value, field) for field in names], scalars, encoders)]

        def decode(data, table: list):
            if cls is None:
                self.resolve(name)
            if type(data) is int:  # an object met before
                if 0 < data < len(table) and type(table[data]) is cls:
                    return table[data]
                raise Invalid(f"bad reference {data} for {name}")
            if type(data) is not list or len(data) != width:
                raise Invalid(f"{name} expected")
            number = len(table)
            if slotted:
                table.append(None)
                value = table[number] = cls(*[item if type(item) in s else d(item, table)
                                              for item, s, d in zip(data, scalars, decoders)])
            else:
                value = new(cls)
                table.append(value)
                value.__dict__.update(zip(names, [item if type(item) in s else d(item, table)
                                                  for item, s, d in zip(data, scalars, decoders)]))
            return value

        return frozenset(), encode, decode

    # Any / object -----------------------------------------------------------------------------
    def _encode_any(self, value, memo: dict):
        kind = type(value)
        if kind in _SCALARS:
            return value
        encode = self._encode_any
        if kind in _TAG_OF:
            return [_TAG_OF[kind], *[v if type(v) in _SCALARS else encode(v, memo) for v in value]]
        if kind is dict:
            out: list = ["D"]
            for key, item in value.items():
                out += (encode(key, memo), encode(item, memo))
            return out
        name = self.by_class.get(kind)
        if name is None and CLASSES.get(kind.__name__) == kind.__module__:
            name = kind.__name__  # a class whose module was imported after the codecs were built
        if name is not None:
            return ["O", name, self.of_class[name][1](value, memo)]
        if kind.__module__ == "datetime" and kind.__name__ in _TIMES:
            return ["t", kind.__name__, value.isoformat()]
        raise Unencodable(f"{kind.__module__}.{kind.__qualname__} is not plain data")

    def _decode_any(self, data, table: list):
        if type(data) in _SCALARS:
            return data
        if type(data) is not list or not data:
            raise Invalid("tagged value expected")
        tag = data[0]
        decode = self._decode_any
        if tag in _CONTAINER_OF:
            return _CONTAINER_OF[tag]([v if type(v) in _SCALARS else decode(v, table) for v in data[1:]])
        if tag == "D":
            if len(data) % 2 != 1:
                raise Invalid("dict with an odd number of items")
            items = [v if type(v) in _SCALARS else decode(v, table) for v in data[1:]]
            return dict(zip(items[::2], items[1::2]))
        if tag == "O" and len(data) == 3 and type(data[1]) is str and data[1] in self.of_class:
            return self.of_class[data[1]][2](data[2], table)
        if tag == "t" and len(data) == 3 and data[1] in _TIMES and type(data[2]) is str:
            import datetime  # noqa: PLC0415  (only for the dates and times of TOML user data)

            return getattr(datetime, data[1]).fromisoformat(data[2])
        raise Invalid(f"unknown tag {tag!r}")


def _sequence(container: type, element: tuple) -> tuple:
    """``list[X]``, ``tuple[X, ...]``, ``set[X]``, ``frozenset[X]``: a JSON array (lists and tuples stand in for
    each other, as sets and frozensets do: read back as the annotation says).  Tuples of scalars are flattened
    (``Node.lines``: ``[line, column, line, column, ...]``)."""
    accepted = (list, tuple) if container in (list, tuple) else (set, frozenset)
    scalars, encode_element, decode_element = element
    width = getattr(decode_element, "flat_width", 0)
    if width:
        scalars = decode_element.scalars

    def encode(value, memo: dict):
        if type(value) not in accepted:
            raise Unencodable(f"{container.__name__} expected, not {type(value).__name__}")
        if container is frozenset and value:  # equal ones are written once (the rules that ran on each file)
            key = frozenset(value)
            number = memo.get(key)
            if number is not None:
                return number
            memo[key] = len(memo)
        if width:
            for item in value:
                encode_element(item, memo)  # checks it
            return [v for item in value for v in item]
        return [v if type(v) in scalars else encode_element(v, memo) for v in value]

    def items(data: list, table: list) -> list:
        if width:
            if len(data) % width or not all(type(v) in scalars for v in data):
                raise Invalid(f"{container.__name__} of {width}-tuples expected")
            return list(zip(*[iter(data)] * width))
        return [v if type(v) in scalars else decode_element(v, table) for v in data]

    def decode(data, table: list):
        if type(data) is not list:
            if container is frozenset and type(data) is int and 0 < data < len(table):  # one met before
                if type(table[data]) is frozenset:
                    return table[data]
            raise Invalid(f"{container.__name__} expected")
        if not data:
            return container()
        if container is frozenset:
            number = len(table)
            table.append(None)
            table[number] = found = frozenset(items(data, table))
            return found
        if width:
            return container(items(data, table))
        found = [v if type(v) in scalars else decode_element(v, table) for v in data]
        return found if container is list else container(found)

    return frozenset(), encode, decode


def _fixed_tuple(elements: list[tuple]) -> tuple:
    """``tuple[A, B]``: an array of that length; a sequence of tuples of scalars of one kind flattens them."""
    width = len(elements)

    def encode(value, memo: dict):
        if type(value) is not tuple or len(value) != width:
            raise Unencodable(f"tuple of {width} expected")
        return [v if type(v) in s else e(v, memo) for (s, e, _), v in zip(elements, value)]

    def decode(data, table: list):
        if type(data) is not list or len(data) != width:
            raise Invalid(f"tuple of {width} expected")
        return tuple([v if type(v) in s else d(v, table) for (s, _, d), v in zip(elements, data)])

    if all(d is _refuse_decode for _, _, d in elements) and len({s for s, _, _ in elements}) == 1:
        decode.flat_width, decode.scalars = width, elements[0][0]
    return frozenset(), encode, decode


def _dict(key: tuple, value: tuple) -> tuple:
    """``dict[str, X]``: a JSON object; other dicts: an array of keys and values."""
    key_scalars, encode_key, decode_key = key
    scalars, encode_value, decode_value = value
    string_keys = key_scalars == {str} and decode_key is _refuse_decode

    def encode(mapping, memo: dict):
        if type(mapping) is not dict:
            raise Unencodable(f"dict expected, not {type(mapping).__name__}")
        if string_keys:
            if not all(type(k) is str for k in mapping):
                raise Unencodable("dict with str keys expected")
            return {k: v if type(v) in scalars else encode_value(v, memo) for k, v in mapping.items()}
        out: list = []
        for k, v in mapping.items():
            out += (k if type(k) in key_scalars else encode_key(k, memo),
                    v if type(v) in scalars else encode_value(v, memo))
        return out

    def decode(data, table: list):
        if string_keys:
            if type(data) is not dict:
                raise Invalid("object expected")
            return {k: v if type(v) in scalars else decode_value(v, table) for k, v in data.items()}
        if type(data) is not list or len(data) % 2:
            raise Invalid("array of keys and values expected")
        return {(k if type(k) in key_scalars else decode_key(k, table)):
                (v if type(v) in scalars else decode_value(v, table)) for k, v in zip(data[::2], data[1::2])}

    return frozenset(), encode, decode


def _span(span: type) -> tuple:
    """A ``Span``: ``[path number, line, column, end line, end column]`` (the paths: ``table[0]``)."""
    new = tuple.__new__

    def encode(value, memo):
        if type(value) is not span:
            raise Unencodable("Span expected")
        paths = memo[_PATHS]
        number = paths.get(value[0])
        if number is None:
            number = paths[value[0]] = len(paths)
        return [number, value[1], value[2], value[3], value[4]]

    def decode(data, table):
        if (type(data) is list and len(data) == 5 and type(data[0]) is int and type(data[1]) is int
                and type(data[2]) is int and type(data[3]) is int and type(data[4]) is int and data[0] >= 0):
            return new(span, (table[0][data[0]], data[1], data[2], data[3], data[4]))
        raise Invalid("Span expected")

    return frozenset(), encode, decode


def _severity(severity: type) -> tuple:
    by_value = {int(s): s for s in severity}

    def encode(value, memo):
        if type(value) is not severity:
            raise Unencodable("Severity expected")
        return int(value)

    def decode(data, table):
        if type(data) is int and data in by_value:
            return by_value[data]
        raise Invalid("Severity expected")

    return frozenset(), encode, decode


def _source_error(error: type, span_codec: tuple) -> tuple:
    _, encode_span, decode_span = span_codec

    def encode(value, memo):
        if type(value) is not error or type(value.message) is not str:
            raise Unencodable("SourceError expected")
        return [value.message, encode_span(value.span, memo)]

    def decode(data, table):
        if type(data) is list and len(data) == 2 and type(data[0]) is str:
            return error(data[0], decode_span(data[1], table))
        raise Invalid("SourceError expected")

    return frozenset(), encode, decode


def _date() -> tuple:
    def encode(value, memo):
        if type(value).__name__ != "date" or type(value).__module__ != "datetime":
            raise Unencodable("date expected")
        return value.isoformat()

    def decode(data, table):
        if type(data) is not str:
            raise Invalid("date expected")
        import datetime  # noqa: PLC0415  (suppressions with an expiry date only)

        return datetime.date.fromisoformat(data)

    return frozenset(), encode, decode


def _parse(text: str) -> tuple:
    """A type annotation as a tuple: ``("list", ("Node",))``, ``("|", X)`` for ``X | None``; no ``eval``."""
    found = _PARSED.get(text)
    if found is None:
        found = _PARSED[text] = _parse_text(text)
    return found


_PARSED: dict[str, tuple] = {}


def _parse_text(text: str) -> tuple:
    text = text.strip().strip("'\"")
    options = _split(text, "|")
    if len(options) > 1:
        kinds = [_parse(o) for o in options if o.strip() != "None"]
        if len(kinds) != 1:
            raise LookupError(f"only `X | None` unions are supported: {text}")
        return ("|", kinds[0])
    if text == "...":
        return ("...",)
    if text.startswith("Callable"):
        return ("Callable",)
    if text.endswith("]"):
        head, inner = text[:text.index("[")], text[text.index("[") + 1:-1]
        return (head.rsplit(".", 1)[-1], *(_parse(a) for a in _split(inner, ",")))
    return (text.rsplit(".", 1)[-1],)


def _split(text: str, separator: str) -> list[str]:
    """``text`` cut at each ``separator`` outside brackets."""
    if separator not in text:
        return [text]
    if "[" not in text:
        return text.split(separator)
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char == "["
        depth -= char == "]"
        if char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


_CODECS: list[_Codecs] = []


def _codecs() -> _Codecs:
    """The codecs, built on first use (they import the classes of ``CLASSES``)."""
    if not _CODECS:
        _CODECS.append(_Codecs())
    return _CODECS[0]
