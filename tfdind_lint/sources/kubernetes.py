"""Kubernetes YAML files to the positioned tree, one ``Node`` per manifest document.

The only module that imports ruamel.yaml.  We use its composer (the node
graph with start and end marks), never its constructor: no tag can make the
tool build a Python object, and values are resolved by our own rules (those of
YAML 1.1, which Kubernetes' YAML library follows: ``yes`` is true).

Each document is parsed on its own, so one broken document does not hide the
others.  Files whose text has no ``apiVersion`` and ``kind`` (CI workflows,
compose files) are not Kubernetes manifests and are skipped without a word.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from ..node import Node, Span
from . import Comment, SourceError
from .text import decode

_API_VERSION = re.compile(r"^[ \t-]*[\"']?apiVersion[\"']?[ \t]*:", re.M)
_KIND = re.compile(r"^[ \t-]*[\"']?kind[\"']?[ \t]*:", re.M)
_DOCUMENT_MARKER = re.compile(r"^(---|\.\.\.)(?=[ \t]|$)", re.M)
_HELM = re.compile(r"\{\{-?\s.*?\}\}|\{\{[-/]?[A-Za-z.$]")
_COMMENT = re.compile(r"(?:^|[ \t])#(.*)$")

_BOOL = {
    "true": True, "True": True, "TRUE": True, "yes": True, "Yes": True, "YES": True, "on": True, "On": True, "ON": True,
    "y": True, "Y": True,
    "false": False, "False": False, "FALSE": False, "no": False, "No": False, "NO": False, "off": False, "Off": False,
    "OFF": False, "n": False, "N": False,
}
_NULL = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_HEX = re.compile(r"^[-+]?0x[0-9a-fA-F_]+$")
_OCT = re.compile(r"^[-+]?0o?[0-7_]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")

#: An alias may be used many times; past this many nodes (counting every expansion) a document is refused.
MAX_EXPANDED_NODES = 200_000


@dataclass(slots=True)
class YamlFile:
    path: str
    documents: list[Node]  # the Kubernetes objects (mappings with apiVersion and kind)
    comments: list[Comment]
    text: str
    errors: list[SourceError] = field(default_factory=list)  # broken documents; the others are still read
    skipped: str | None = None  # why a file that looked like YAML is not read (Helm template, ...)


def looks_like_manifest(text: str) -> bool:
    return bool(_API_VERSION.search(text) and _KIND.search(text))


def parse_file(path: str, data: bytes) -> YamlFile | None:
    """Read a YAML file; None when it is not a Kubernetes manifest (skipped silently)."""
    text = decode(data, path)
    if not looks_like_manifest(text):
        return None
    if _HELM.search(text):
        return YamlFile(path, [], [], text, skipped="a Helm template ({{ ... }}): render it first (helm template) to lint it")
    return parse_text(path, text)


def parse_text(path: str, text: str, line_offset: int = 0, column_offset: int = 0) -> YamlFile:
    """Parse YAML text that starts at ``line_offset + 1`` (and ``column_offset + 1`` on every line) of ``path``."""
    lines = text.split("\n")
    result = YamlFile(path, [], [], text)
    block_scalar_lines: set[int] = set()
    for start, end in _document_ranges(text):
        chunk = text[start:end]
        first_line = text.count("\n", 0, start)
        try:
            root = _compose(chunk)
        except SourceError as exc:
            if looks_like_manifest(chunk):
                line = exc.span.line + first_line + line_offset
                column = exc.span.column + column_offset
                result.errors.append(SourceError(exc.message, Span(path, line, column, line, column + 1)))
            continue
        if root is None:
            continue
        converter = _Converter(path, lines, first_line, line_offset, column_offset)
        try:
            node = converter.convert(root, None)
        except _TooLarge as exc:
            line = first_line + line_offset + 1
            result.errors.append(SourceError(str(exc), Span(path, line, 1, line, 2)))
            continue
        except RecursionError:
            line = first_line + line_offset + 1
            result.errors.append(SourceError("nesting is too deep to analyse", Span(path, line, 1, line, 2)))
            continue
        result.errors.extend(converter.errors)
        block_scalar_lines.update(converter.block_scalar_lines)
        value = node.value
        if isinstance(value, dict) and "apiVersion" in value and "kind" in value:
            result.documents.append(node)
    result.comments = _comments(path, lines, block_scalar_lines, line_offset, column_offset)
    return result


def parse_data(path: str, text: str) -> Node | None:
    """A YAML data file that is not a manifest (configuration, custom policy) as one positioned tree.

    None for an empty file; a ``SourceError`` (with the file's path) for invalid YAML,
    several documents or a duplicate key.
    """
    ranges = _document_ranges(text)
    if len(ranges) > 1:
        line = text.count("\n", 0, ranges[1][0]) + 1
        raise SourceError("one YAML document expected, found a second one here", Span(path, line, 1, line, 4))
    try:
        root = _compose(text)
    except SourceError as exc:
        raise SourceError(exc.message, Span(path, exc.span.line, exc.span.column, exc.span.end_line, exc.span.end_column)) from None
    if root is None:
        return None
    converter = _Converter(path, text.split("\n"), 0, 0, 0)
    try:
        node = converter.convert(root, None)
    except (_TooLarge, RecursionError) as exc:
        raise SourceError(str(exc) or "nesting is too deep to analyse", Span(path, 1, 1, 1, 2)) from None
    if converter.errors:
        error = converter.errors[0]
        raise SourceError(error.message.replace("; Kubernetes rejects the object", ""), error.span)
    return node


def _document_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the documents of a multi-document stream."""
    starts = [0]
    for m in _DOCUMENT_MARKER.finditer(text):
        if m.group(1) == "---":
            starts.append(m.start())
        else:  # `...` ends a document: the next one starts on the next line
            nl = text.find("\n", m.end())
            starts.append(len(text) if nl < 0 else nl + 1)
    starts.append(len(text))
    return [(a, b) for a, b in zip(starts, starts[1:]) if text[a:b].strip()]


def _compose(chunk: str):
    """The ruamel node graph of one document (None for an empty one)."""
    from ruamel.yaml import YAML  # noqa: PLC0415  (imported only when YAML is read)
    from ruamel.yaml.error import MarkedYAMLError, YAMLError  # noqa: PLC0415

    yaml = YAML(typ="rt", pure=True)
    try:
        return yaml.compose(io.StringIO(chunk))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        context = f" ({exc.context.strip()})" if exc.context and exc.problem else ""
        message = f"invalid YAML: {problem}{context}"
        if "<stream end>" in problem and exc.context_mark is not None:
            # the end of the file is where the parser noticed, not where the mistake is
            mark = exc.context_mark
            message = f"invalid YAML: the {(exc.context or 'collection').replace('while parsing a ', '').strip()} started here is never closed"
        line = mark.line + 1 if mark is not None else 1
        column = mark.column + 1 if mark is not None else 1
        if "\t" in chunk.split("\n")[line - 1][:column] or "found character '\\t'" in problem:
            message = "invalid YAML: a tab character is used for indentation; YAML allows only spaces there"
        raise SourceError(message, Span("", line, column, line, column + 1)) from None
    except YAMLError as exc:
        raise SourceError(f"invalid YAML: {str(exc).splitlines()[0]}", Span("", 1, 1, 1, 2)) from None
    except RecursionError:
        raise SourceError("invalid YAML: nesting is too deep to analyse", Span("", 1, 1, 1, 2)) from None


class _TooLarge(Exception):
    pass


class _Converter:
    def __init__(self, path: str, lines: list[str], first_line: int, line_offset: int, column_offset: int):
        self.path = path
        self.lines = lines
        self.first_line = first_line  # 0-based line of the chunk in the text
        self.line_offset = line_offset
        self.column_offset = column_offset
        self.errors: list[SourceError] = []
        self.block_scalar_lines: set[int] = set()
        self.sizes: dict[int, int] = {}
        self.converted: dict[int, Node] = {}

    def _span(self, start, end) -> Span:
        line = start.line + self.first_line
        end_line = end.line + self.first_line
        end_column = end.column
        if end_column == 0 and end_line > line:
            # the node ends at the end of the previous line (block collections and block scalars)
            end_line -= 1
            while end_line > line and not self.lines[end_line].strip():
                end_line -= 1
            end_column = len(self.lines[end_line].rstrip())
        return Span(self.path, line + 1 + self.line_offset, start.column + 1 + self.column_offset,
                    end_line + 1 + self.line_offset, end_column + 1 + self.column_offset)

    def _size(self, node) -> int:
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        self.sizes[key] = 1  # guards against recursive aliases
        total = 1
        kind = node.id
        if kind == "mapping":
            for k, v in node.value:
                total += self._size(k) + self._size(v)
        elif kind == "sequence":
            for v in node.value:
                total += self._size(v)
        self.sizes[key] = total
        return total

    def convert(self, root, key) -> Node:
        if self._size(root) > MAX_EXPANDED_NODES:
            raise _TooLarge(
                f"document too large once its aliases are expanded (over {MAX_EXPANDED_NODES:,} nodes); "
                "is this an alias bomb?"
            )
        return self._node(root, key)

    def _node(self, node, key_span: Span | None, key_name: str | None = None) -> Node:
        shared = self.converted.get(id(node))
        if shared is not None:  # an alias: share the value, keep this key's position
            return Node(shared.value, shared.span, key_span, key_name, shared.lines)
        span = self._span(node.start_mark, node.end_mark)
        kind = node.id
        if kind == "mapping":
            self.converted[id(node)] = placeholder = Node({}, span)  # a recursive alias sees an empty mapping
            value: dict[str, Node] = {}
            merges = []
            for k, v in node.value:
                if k.tag == "tag:yaml.org,2002:merge" or (k.id == "scalar" and k.value == "<<" and k.style is None):
                    merges.append(v)
                    continue
                key_text = str(k.value) if k.id == "scalar" else self._text(k)
                k_span = self._span(k.start_mark, k.end_mark)
                if key_text in value:
                    self.errors.append(SourceError(
                        f"duplicate key {key_text!r} in this mapping (first at line {value[key_text].key.line}); "
                        "Kubernetes rejects the object", k_span))
                    continue
                value[key_text] = self._node(v, k_span, key_text)
            for merge in merges:  # `<<: *base`: keys not set here come from the merged mappings
                sources = merge.value if merge.id == "sequence" else [merge]
                for source in sources:
                    merged = self._node(source, None)
                    if isinstance(merged.value, dict):
                        for k, v in merged.value.items():
                            value.setdefault(k, v)
            placeholder.value = value
            result = placeholder
        elif kind == "sequence":
            result = Node([self._node(v, None) for v in node.value], span)
        else:
            result = Node(self._scalar(node), span, lines=self._block_lines(node))
        self.converted[id(node)] = result
        if key_span is None and key_name is None:
            return result
        return Node(result.value, result.span, key_span, key_name, result.lines)

    def _text(self, node) -> str:
        span = self._span(node.start_mark, node.end_mark)
        return self.lines[span.line - 1 - self.line_offset][span.column - 1 - self.column_offset:span.end_column - 1 - self.column_offset]

    def _scalar(self, node):
        value = node.value
        if node.style is not None:  # quoted or block scalar: always a string
            return value
        tag = node.tag
        if tag not in (None, "tag:yaml.org,2002:str") and not tag.startswith("tag:yaml.org,2002:"):
            return value  # a custom tag (!!python/..., !Ref): keep the text, never construct anything
        if tag == "tag:yaml.org,2002:str":
            if value in _BOOL:  # YAML 1.2 leaves yes/no as strings; Kubernetes' YAML 1.1 does not
                return _BOOL[value]
            return value
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        text = value.replace("_", "")
        try:
            if _INT.match(value):
                return int(text)
            if _HEX.match(value):
                return int(text, 16)
            if _OCT.match(value) and value.lstrip("+-") != "0":
                return int(text.replace("0o", "0").lstrip("+-"), 8) * (-1 if value.startswith("-") else 1)
            if _FLOAT.match(value) and any(c.isdigit() for c in value):
                return float(text)
        except ValueError:
            return value
        return value

    def _block_lines(self, node):
        """For a literal block scalar (``|``): where each of its lines starts in the file."""
        if node.style not in ("|", ">"):
            return None
        first = node.start_mark.line + self.first_line + 1  # the line after the indicator
        last = node.end_mark.line + self.first_line
        self.block_scalar_lines.update(range(first, last + 1))
        if node.style != "|":
            return None
        indent = None
        for i in range(first, min(last + 1, len(self.lines))):
            line = self.lines[i]
            if line.strip():
                indent = len(line) - len(line.lstrip(" "))
                break
        if indent is None:
            return None
        count = node.value.count("\n") + (0 if node.value.endswith("\n") else 1)
        return tuple((first + i + 1 + self.line_offset, indent + 1 + self.column_offset) for i in range(count))


def _comments(path: str, lines: list[str], skip: set[int], line_offset: int, column_offset: int) -> list[Comment]:
    comments = []
    for i, line in enumerate(lines):
        if i in skip or "#" not in line:
            continue
        m = _COMMENT.search(line)
        if m is None or _in_quotes(line, m.start(1) - 1):
            continue
        start = m.start(1) - 1
        comments.append(Comment(m.group(1), Span(path, i + 1 + line_offset, start + 1 + column_offset,
                                                 i + 1 + line_offset, len(line) + 1 + column_offset)))
    return comments


def _in_quotes(line: str, index: int) -> bool:
    """Whether position ``index`` of a line is inside a quoted scalar (a rough check, enough for comments)."""
    single = double = False
    for c in line[:index]:
        if c == "'" and not double:
            single = not single
        elif c == '"' and not single:
            double = not double
    return single or double
