"""Kubernetes YAML files to the positioned tree, one ``Node`` per manifest document.

The only module that imports ruamel.yaml.  We use its composer (the node
graph with start and end marks), never its constructor: no tag can make the
tool build a Python object, and values are resolved by our own rules (those of
YAML 1.1, which Kubernetes' YAML library follows: ``yes`` is true).

Each document is parsed on its own, so one broken document does not hide the
others.  Files whose text has no ``apiVersion`` and ``kind`` (CI workflows,
compose files) are not Kubernetes manifests and are skipped without a word, and
so are such documents in a manifest stream.  A document's fields get the types rules
expect (``manifest_shape.py``): one whose ``apiVersion`` or ``kind`` is not a string is an
error, another field of the wrong shape becomes unknown.  Limits keep hostile input cheap:
nesting depth (``MAX_DEPTH``), alias expansion (``MAX_EXPANDED_NODES``), and the
file size limit of ``text.read_source``; see docs/robustness.md.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field

from .. import manifest_shape
from ..lazy_re import MULTILINE, LazyPattern
from ..node import Node, Span
from . import Comment, SourceError
from .text import LineIndex, decode

# at the start of a line (after `- `), or after `{` / `,` (JSON-style manifests)
_API_VERSION = LazyPattern(r"(?:^|[{,])[ \t-]*[\"']?apiVersion[\"']?[ \t]*:", MULTILINE)
_KIND = LazyPattern(r"(?:^|[{,])[ \t-]*[\"']?kind[\"']?[ \t]*:", MULTILINE)
_BRACKET = LazyPattern(r"[\[\]{}]")
_DOCUMENT_MARKER = LazyPattern(r"^(---|\.\.\.)(?=[ \t]|$)", MULTILINE)
#: Why a file with template actions that YAML cannot read as written is not linted.
TEMPLATE_SKIPPED = "a Helm template ({{ ... }}): render it (helm template) to lint it"
_COMMENT = LazyPattern(r"(?:^|[ \t])#(.*)$")

_BOOL = {
    "true": True, "True": True, "TRUE": True, "yes": True, "Yes": True, "YES": True, "on": True, "On": True, "ON": True,
    "y": True, "Y": True,
    "false": False, "False": False, "FALSE": False, "no": False, "No": False, "NO": False, "off": False, "Off": False,
    "OFF": False, "n": False, "N": False,
}
_NULL = {"", "~", "null", "Null", "NULL"}
_INT = LazyPattern(r"^[-+]?(0|[1-9][0-9_]*)$")
_HEX = LazyPattern(r"^[-+]?0x[0-9a-fA-F_]+$")
_OCT = LazyPattern(r"^[-+]?0o?[0-7_]+$")
_FLOAT = LazyPattern(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")

#: An alias may be used many times; past this many nodes (counting every expansion) a document is refused.
MAX_EXPANDED_NODES = 200_000
#: Deepest nesting of mappings and sequences read (real manifests stay under 20).  ruamel's composer
#: recurses per level, and its scanner slows down quadratically with the depth of flow collections.
MAX_DEPTH = 100


@dataclass(slots=True)
class YamlFile:
    path: str
    documents: list[Node]  # the Kubernetes objects (mappings with apiVersion and kind)
    comments: list[Comment]
    text: str
    errors: list[SourceError] = field(default_factory=list)  # broken documents; the others are still read
    skipped: str | None = None  # why a file that looked like YAML is not read (Helm template, ...)
    template_key: bool = False  # a `{{ ... }}` action read as a flow-mapping key (seen before shapes are checked)


def looks_like_manifest(text: str) -> bool:
    return bool(_API_VERSION.search(text) and _KIND.search(text))


def parse_file(path: str, data: bytes) -> YamlFile | None:
    """Read a YAML file; None when it is not a Kubernetes manifest (skipped silently)."""
    text = decode(data, path)
    if not looks_like_manifest(text):
        return None
    result = parse_text(path, text)
    if "{{" in text and _unreadable_template(text, result):
        return YamlFile(path, [], [], text, skipped=TEMPLATE_SKIPPED)
    return result


def _unreadable_template(text: str, result: YamlFile) -> bool:
    """Whether template syntax keeps a file from being the YAML Kubernetes reads (then it is a template to render).

    Either every document that fails to parse holds a ``{{`` action (``{{- if .Values.x }}`` on a line of
    its own), or an action stands where a YAML node starts (``privileged: {{ .Values.on }}``): YAML reads a
    flow mapping with a mapping for key, which Kubernetes rejects.  An action inside a block scalar or a
    quoted string (Flux's ``summary``, Argo's ``{{inputs.parameters.x}}``, a Go template in a ConfigMap)
    is a value: such files are linted.
    """
    if result.errors:
        ranges = _document_ranges(text)
        starts = [text.count("\n", 0, start) + 1 for start, _ in ranges]
        for error in result.errors:
            index = max((i for i, line in enumerate(starts) if line <= error.span.line), default=0)
            start, end = ranges[index] if ranges else (0, len(text))
            if "{{" not in text[start:end]:
                return False  # a real YAML error: TDL000 says where
        return True
    return result.template_key


def _template_key(document: Node, lines: list[str]) -> bool:
    """Whether a ``{{ ... }}`` action stands where a node starts: YAML reads a flow mapping as a key."""
    return any(isinstance(node.value, dict) and any(key.startswith("{") and _flow_key(lines, node.value[key].key)
                                                    for key in node.value)
               for node in document.walk())


def _flow_key(lines: list[str], span: Span | None) -> bool:
    """Whether a mapping key is written as a flow mapping (``{ .Values.x }``), not as a quoted ``"{x}"``."""
    if span is None or not 0 < span.line <= len(lines):
        return False
    return lines[span.line - 1][span.column - 1:span.column] == "{"


def parse_text(path: str, text: str, line_offset: int = 0, column_offset: int = 0) -> YamlFile:
    """Parse YAML text that starts at ``line_offset + 1`` (and ``column_offset + 1`` on every line) of ``path``."""
    lines = text.split("\n")
    result = YamlFile(path, [], [], text)
    block_scalar_lines: set[int] = set()
    first_line = 0  # 0-based line of the chunk in the text
    previous = 0
    yaml = _yaml()
    for start, end in _document_ranges(text):
        chunk = text[start:end]
        first_line += text.count("\n", previous, start)
        previous = start
        if not looks_like_manifest(chunk):
            continue  # not a Kubernetes object: nothing to check, and thousands of tiny documents cost seconds
        try:
            root = _compose(yaml, chunk)
        except SourceError as exc:
            line = exc.span.line + first_line + line_offset
            column = exc.span.column + column_offset
            result.errors.append(SourceError(exc.message, Span(path, line, column, line, column + 1)))
            continue
        if root is None:
            continue
        converter = _Converter(path, lines, first_line, line_offset, column_offset)
        try:
            node = converter.convert(root, None)
        except _Refused as exc:
            result.errors.append(SourceError(exc.message, exc.span))
            continue
        result.errors.extend(converter.errors)
        block_scalar_lines.update(converter.block_scalar_lines)
        value = node.value
        if "{{" in chunk and not (line_offset or column_offset) and _template_key(node, lines):
            result.template_key = True  # before the shape check turns that mapping into an unknown value
        if isinstance(value, dict) and "apiVersion" in value and "kind" in value:
            problem = manifest_shape.kind_problem(node)
            if problem is not None:
                message, where = problem
                result.errors.append(SourceError(message, where.where))
                continue
            result.documents.append(manifest_shape.conform(node))
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
        raise SourceError("One YAML document expected, found a second one here", Span(path, line, 1, line, 4))
    try:
        root = _compose(_yaml(), text)
    except SourceError as exc:
        raise SourceError(exc.message, Span(path, exc.span.line, exc.span.column, exc.span.end_line, exc.span.end_column)) from None
    if root is None:
        return None
    converter = _Converter(path, text.split("\n"), 0, 0, 0)
    try:
        node = converter.convert(root, None)
    except _Refused as exc:
        raise SourceError(exc.message, exc.span) from None
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


def _yaml():
    """One ruamel YAML object per file: building one per document costs a directory listing (plug-in lookup).

    The safe composer: node positions are all we take from ruamel (comments are read from the text), and the
    round-trip one spends a fifth of its time attaching comments to nodes.
    """
    from ruamel.yaml import YAML  # noqa: PLC0415  (imported only when YAML is read)

    return YAML(typ="safe", pure=True)


def _compose(yaml, chunk: str):
    """The ruamel node graph of one document (None for an empty one)."""
    from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError  # noqa: PLC0415
    from ruamel.yaml.reader import ReaderError  # noqa: PLC0415

    deep = _bracket_depth_exceeded(chunk)
    if deep is not None:  # flow collections may nest too deeply: measure on the text up to there
        _check_depth(chunk[:deep])
    try:
        with warnings.catch_warnings():
            # an anchor defined twice: YAML lets the later one win (aliases refer to the latest); no word on stderr
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            return yaml.compose(io.StringIO(chunk))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        context = f" ({exc.context.strip()})" if exc.context and exc.problem else ""
        message = f"Invalid YAML: {problem}{context}"
        if "<stream end>" in problem and exc.context_mark is not None:
            # the end of the file is where the parser noticed, not where the mistake is
            mark = exc.context_mark
            message = f"Invalid YAML: the {(exc.context or 'collection').replace('while parsing a ', '').strip()} started here is never closed"
            opener = _open_flow(chunk)
            if opener is not None:
                mark = opener
                message = f"Invalid YAML: the '{chunk[opener.index]}' opened here is never closed"
        line = mark.line + 1 if mark is not None else 1
        column = mark.column + 1 if mark is not None else 1
        if "\t" in chunk.split("\n")[line - 1][:column] or "found character '\\t'" in problem:
            message = "Invalid YAML: a tab character is used for indentation; YAML allows only spaces there"
        raise SourceError(message, Span("", line, column, line, column + 1)) from None
    except ReaderError as exc:  # a control character (the text is already decoded)
        line, column = LineIndex(chunk).position(exc.position)
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise SourceError(f"Invalid YAML: the control character {character} is not allowed in YAML; remove it",
                          Span("", line, column, line, column + 1)) from None
    except YAMLError as exc:
        raise SourceError(f"Invalid YAML: {str(exc).splitlines()[0]}", Span("", 1, 1, 1, 2)) from None
    except RecursionError:  # block collections nested hundreds deep: find where
        _check_depth(chunk)
        raise SourceError(_TOO_DEEP, Span("", 1, 1, 1, 2)) from None


_TOO_DEEP = f"Nested too deeply to analyse (more than {MAX_DEPTH} levels of mappings and sequences); flatten it"


def _bracket_depth_exceeded(chunk: str) -> int | None:
    """Offset just past the first bracket that nests deeper than ``MAX_DEPTH`` counting every bracket, or None.

    A cheap hint, not the truth (brackets inside strings count too): ``_check_depth`` decides on
    the text up to there, which keeps ruamel's scanner (quadratic in flow depth) from looking further.
    """
    if chunk.count("[") + chunk.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for m in _BRACKET.finditer(chunk):
        depth += 1 if m.group(0) in "[{" else -1
        if depth > MAX_DEPTH:
            return m.end()
    return None


def _check_depth(chunk: str) -> None:
    """Raise at the first collection nested deeper than ``MAX_DEPTH``: walks parser events, no recursion."""
    from ruamel.yaml.error import YAMLError  # noqa: PLC0415
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent  # noqa: PLC0415

    depth = 0
    try:
        for event in _yaml().parse(io.StringIO(chunk)):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise SourceError(_TOO_DEEP, Span("", mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2))
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        return  # a syntax error: composing reports it


def _open_flow(chunk: str):
    """The start mark of the innermost flow collection (``[`` / ``{``) still open where parsing fails, or None."""
    from ruamel.yaml.error import YAMLError  # noqa: PLC0415
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent  # noqa: PLC0415

    opened: list = []
    try:
        for event in _yaml().parse(io.StringIO(chunk)):
            if isinstance(event, CollectionStartEvent):
                opened.append(event.start_mark if event.flow_style else None)
            elif isinstance(event, CollectionEndEvent):
                opened.pop()
    except YAMLError:
        pass
    flows = [mark for mark in opened if mark is not None]
    return flows[-1] if flows else None


class _Refused(Exception):
    """A document not read: nested too deeply, an alias bomb, a recursive alias."""

    def __init__(self, message: str, span: Span):
        super().__init__(message)
        self.message = message
        self.span = span


class _Converter:
    def __init__(self, path: str, lines: list[str], first_line: int, line_offset: int, column_offset: int):
        self.path = path
        self.lines = lines
        self.first_line = first_line  # 0-based line of the chunk in the text
        self.line_offset = line_offset
        self.column_offset = column_offset
        self.errors: list[SourceError] = []
        self.block_scalar_lines: set[int] = set()
        self.sizes: dict[int, int | None] = {}
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
        """Nodes in the tree under ``node`` once aliases are expanded; refuses a collection that contains itself."""
        key = id(node)
        if key in self.sizes:
            if self.sizes[key] is None:  # still being counted: an alias inside its own anchor
                span = self._span(node.start_mark, node.start_mark)
                raise _Refused("An alias refers to the collection it is part of (a recursive structure); Kubernetes "
                               "rejects it", Span(span.path, span.line, span.column, span.line, span.column + 1))
            return self.sizes[key]
        self.sizes[key] = None
        total = 1
        kind = node.id
        if kind == "mapping":
            for k, v in node.value:
                total += self._size(k) + self._size(v)
        elif kind == "sequence":
            for v in node.value:
                total += self._size(v)
        if total > MAX_EXPANDED_NODES:  # the innermost collection over budget: where the expansion explodes
            span = self._span(node.start_mark, node.start_mark)
            raise _Refused(
                f"This expands to over {MAX_EXPANDED_NODES:,} nodes once its aliases are expanded (an alias bomb?); "
                "tfdind-lint does not read this document", Span(span.path, span.line, span.column, span.line, span.column + 1))
        self.sizes[key] = total
        return total

    def convert(self, root, key) -> Node:
        self._size(root)  # refuses alias bombs and recursive aliases before anything is built
        return self._node(root, key)

    def _node(self, node, key_span: Span | None, key_name: str | None = None, depth: int = 0) -> Node:
        shared = self.converted.get(id(node))
        if shared is not None:  # an alias: share the value, keep this key's position
            return Node(shared.value, shared.span, key_span, key_name, shared.lines)
        span = self._span(node.start_mark, node.end_mark)
        kind = node.id
        if depth >= MAX_DEPTH and kind != "scalar":
            raise _Refused(_TOO_DEEP, Span(span.path, span.line, span.column, span.line, span.column + 1))
        if kind == "mapping":
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
                        f"Duplicate key {key_text!r} in this mapping (first at line {value[key_text].key.line}); "
                        "Kubernetes rejects the object", k_span))
                    continue
                value[key_text] = self._node(v, k_span, key_text, depth + 1)
            for merge in merges:  # `<<: *base`: keys not set here come from the merged mappings
                sources = merge.value if merge.id == "sequence" else [merge]
                for source in sources:
                    merged = self._node(source, None, None, depth + 1)
                    if isinstance(merged.value, dict):
                        for k, v in merged.value.items():
                            value.setdefault(k, v)
            result = Node(value, span)
        elif kind == "sequence":
            result = Node([self._node(v, None, None, depth + 1) for v in node.value], span)
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
