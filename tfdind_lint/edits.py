"""The common shapes of a fix as text edits at exact spans (fix.Edit), so a check builds its fix in a line.

Every helper works on the file's decoded text (the one its spans are positions of) and returns
an ``Edit`` or None when the text is not in the shape it expects (then the finding has no fix).
Inserted lines are indented like their siblings and end in ``\\n``, which fix.apply turns into
the file's own line ending; nothing outside the edited span changes.
"""

from __future__ import annotations

from .fix import Edit, Fix, safe
from .lazy_re import LazyPattern
from .node import Block, Node, Span
from .sources.text import LineIndex

#: What may precede a deleted line's item: blanks, or a YAML sequence item's dash (``delete_lines``).
BLANKS = LazyPattern(r"[ \t]*")
SEQUENCE_ITEM = LazyPattern(r"[ \t]*-[ \t]*")
_COMMA_AT_MOST = LazyPattern(r"\s*,?\s*")
_COMMA = LazyPattern(r"\s*,\s*")
_LIST_OPENING = LazyPattern(r"\[\s*")
_LIST_CLOSING = LazyPattern(r"\s*,?\s*\]")


class Text:
    """A file's decoded text with its line index: spans to offsets and back."""

    def __init__(self, path: str, text: str):
        self.path, self.text, self.index = path, text, LineIndex(text)

    def offset(self, line: int, column: int) -> int:
        return self.index.line_start(line) + column - 1

    def range(self, span: Span) -> tuple[int, int]:
        return self.offset(span.line, span.column), self.offset(span.end_line, span.end_column)

    def span(self, start: int, end: int) -> Span:
        return self.index.span(self.path, start, end)

    def line(self, number: int) -> str:
        start = self.index.line_start(number)
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def indent(self, number: int) -> str:
        line = self.line(number)
        return line[:len(line) - len(line.lstrip(" \t"))]

    def at_line_start(self, line: int) -> Span:
        return Span(self.path, line, 1, line, 1)


def source(ctx, path: str) -> Text | None:
    """The decoded text of a file of the check's units (Terraform, YAML or TOML), or None."""
    for unit in ctx.units:
        found = unit_source(unit, path)
        if found is not None:
            return found
    return None


def unit_source(unit, path: str) -> Text | None:
    """The decoded text of a file of one unit (a collector's, for a project-scoped rule's fix), or None."""
    files = list(unit.module.files) if unit.module is not None else []
    files += [f for f in (unit.yaml, unit.toml) if f is not None]
    for parsed in files:
        if parsed.path == path and isinstance(getattr(parsed, "text", None), str):
            return Text(path, parsed.text)
    return None


def replace(span: Span, text: str) -> Edit:
    return Edit(span, text)


def prepend(text: Text | None, span: Span, value: str | None, prefix: str) -> Edit | None:
    """Insert ``prefix`` before ``value`` where it is written inside ``span`` (its last occurrence there)."""
    if text is None or not value:
        return None
    start, end = text.range(span)
    at = text.text.rfind(value, start, end)
    if at < 0:
        return None
    point = text.span(at, at)
    return Edit(point, prefix)


def replace_in(text: Text | None, span: Span, old: str, new: str) -> Edit | None:
    """Replace the last occurrence of ``old`` inside ``span`` with ``new``."""
    if text is None or not old:
        return None
    start, end = text.range(span)
    at = text.text.rfind(old, start, end)
    if at < 0:
        return None
    return Edit(text.span(at, at + len(old)), new)


def insert_attribute(text: Text | None, block: Block, line: str) -> Edit | None:
    """Insert ``line`` (``run_as_user = 0``, or several lines: a nested block) into ``block``, after its
    attributes, indented like them.

    A block written on one line (``{}`` or ``{ a = 1 }``) is not edited: the insertion would
    have to re-format it.
    """
    if text is None or block.span.line == block.span.end_line:
        return None
    attributes = [node for node in block.attributes.values() if node.key is not None]
    if attributes:
        last = max(attributes, key=lambda node: (node.span.end_line, node.span.end_column))
        after = last.span.end_line
        indent = text.indent(attributes[0].key.line)
    else:
        after = block.span.line  # the line of the opening brace
        children = [b.head.line for b in block.blocks]
        indent = text.indent(children[0]) if children else text.indent(block.span.line) + "  "
    if after >= block.span.end_line:
        return None
    return Edit(text.at_line_start(after + 1), "".join(f"{indent}{row}\n" for row in line.split("\n")))


def insert_block_after(text: Text | None, sibling: Block, block_text: str, *, apart: bool | None = None) -> Edit | None:
    """Insert a block (``data "coder_workspace_owner" "me" {}``) after ``sibling``, at its indentation.

    ``apart``: whether a blank line separates them (default: only after a block of several lines;
    False for repeated nested blocks written together, such as ``env`` blocks).
    """
    if text is None:
        return None
    end_line = sibling.span.end_line
    rest = text.line(end_line)[sibling.span.end_column - 1:]
    if rest.strip() and not rest.strip().startswith(("#", "//")):
        return None  # something follows the block on its line
    indent = text.indent(sibling.span.line)
    lines = "".join(f"{indent}{row}\n" if row else "\n" for row in block_text.split("\n"))
    if apart is None:
        apart = sibling.span.line != end_line  # one-line blocks sit together; others apart
    gap = "\n" if apart else ""
    if end_line >= len(text.index.starts):  # the block ends the file without a line break
        end = len(text.line(end_line)) + 1
        return Edit(Span(text.path, end_line, end, end_line, end), "\n" + gap + lines.rstrip("\n"))
    return Edit(text.at_line_start(end_line + 1), gap + lines)


def _whole_lines(text: Text, start: Span, end: Span, *, separator: bool = False) -> tuple[int, int] | None:
    """The lines from ``start`` to ``end`` when nothing else is written on them but a trailing comment (and, with
    ``separator``, a list's comma); None when something is, or when the last line has no line break."""
    first, last = start.line, end.end_line
    before = text.line(first)[:start.column - 1]
    after = text.line(last)[end.end_column - 1:].strip()
    if before.strip() or (after and not after.startswith(("#", "//")) and not (separator and after == ",")):
        return None
    if last >= len(text.index.starts):
        return None
    return first, last


def delete_attribute(text: Text | None, node: Node) -> Edit | None:
    """Delete an attribute's whole line(s) when nothing else is written on them (its trailing comment goes too)."""
    lines = _whole_lines(text, node.key, node.span, separator=True) if text is not None and node.key else None
    if lines is None:
        return None
    first, last = lines
    return Edit(Span(text.path, first, 1, last + 1, 1), "")


def append_item(text: Text | None, items: Node, item: str) -> Edit | None:
    """Add ``item`` (written as it should appear) at the end of a list (``[...]``) written in the file."""
    if text is None or not isinstance(items.value, (list, tuple)):
        return None
    start, end = text.range(items.span)
    written = text.text[start:end]
    if not written.startswith("[") or not written.endswith("]"):
        return None
    if not items.value:
        return Edit(text.span(end - 1, end - 1), item)
    last = items.value[-1]
    _, last_end = text.range(last.span)
    between = text.text[last_end:end - 1]
    if _COMMA_AT_MOST.fullmatch(between) is None:
        return None  # a comment between the last item and the bracket: leave it to the user
    if "\n" in between:  # one item per line: a new line like the last one, with the list's trailing comma style
        indent = text.indent(last.span.line)
        comma = between.find(",")
        if comma >= 0:
            at = last_end + comma + 1
            return Edit(text.span(at, at), f"\n{indent}{item},")
        return Edit(text.span(last_end, last_end), f",\n{indent}{item}")
    return Edit(text.span(last_end, last_end), f", {item}")


def add_entry(text: Text | None, mapping: Node, line: str) -> Edit | None:
    """Add an entry (``"k" = "v"`` / ``k: v``) to a map written one entry per line, after its last entry."""
    if text is None or not isinstance(mapping.value, dict) or not mapping.value:
        return None
    entries = [node for node in mapping.value.values() if node.key is not None]
    if len(entries) != len(mapping.value):
        return None
    if any(text.line(node.key.line)[:node.key.column - 1].strip() for node in entries):
        return None  # entries share a line (`{ a = 1, b = 2 }`): leave the layout to the user
    last = max(entries, key=lambda node: (node.span.end_line, node.span.end_column))
    after = last.span.end_line
    rest = text.line(after)[last.span.end_column - 1:].strip()
    if rest and not rest.startswith(("#", "//")):
        return None
    if after >= len(text.index.starts):
        return None
    return Edit(text.at_line_start(after + 1), f"{text.indent(entries[0].key.line)}{line}\n")


def rename_key(text: Text, node: Node, name: str) -> Edit:
    """Rename an attribute or mapping key, keeping the column of a Terraform ``=`` aligned with its neighbours'."""
    key = node.key
    start, end = text.range(key)
    line_end = text.text.find("\n", end)
    rest = text.text[end:line_end if line_end >= 0 else len(text.text)]
    spaces = len(rest) - len(rest.lstrip(" "))
    if rest[spaces:spaces + 1] == "=" and spaces:
        width = end - start + spaces
        return Edit(text.span(start, end + spaces), name.ljust(width - 1) + " " if len(name) < width else name + " ")
    return Edit(key, name)


def insert_child_block(text: Text | None, block: Block, child: str) -> Edit | None:
    """Insert a nested block (several lines) at the end of ``block``, before its closing brace, indented like
    its other children (the closing brace must be alone on its line)."""
    if text is None or block.span.line == block.span.end_line or text.line(block.span.end_line).strip() != "}":
        return None
    children = [b.head.line for b in block.blocks] + [n.key.line for n in block.attributes.values() if n.key]
    indent = text.indent(min(children)) if children else text.indent(block.span.line) + "  "
    return Edit(text.at_line_start(block.span.end_line), "".join(f"{indent}{row}\n" for row in child.split("\n")))


def indent_step(text: Text, block: Block) -> str:
    """One level of indentation as the block's children are indented relative to it (two spaces by default)."""
    outer = text.indent(block.span.line)
    lines = [b.head.line for b in block.blocks] + [n.key.line for n in block.attributes.values() if n.key]
    inner = text.indent(min(lines)) if lines else ""
    return inner[len(outer):] if len(inner) > len(outer) and inner.startswith(outer) else "  "


def parent_block(blocks, child: Block) -> Block | None:
    """The block that holds ``child`` among ``blocks`` and their descendants (by identity)."""
    for block in blocks:
        if any(b is child for b in block.blocks):
            return block
        found = parent_block(block.blocks, child)
        if found is not None:
            return found
    return None


def run_as_root(ctx, container, node, own: bool, docker: bool, what: str) -> Fix | None:
    """Make a container's process run as root.

    The container's own setting is rewritten; a pod-level one gets a container-level override
    (Terraform: in the container's ``security_context``, added when missing).
    """
    text = source(ctx, node.span.path)
    if text is None:
        return None
    non_root = node.name in ("run_as_non_root", "runAsNonRoot")
    if own:
        start, end = text.range(node.span)
        written = text.text[start:end]
        if non_root:
            new = "false" if written == "true" else None
        elif docker:
            new = '"root"' if written.startswith('"') else None
        else:
            new = '"0"' if written.startswith(('"', "'")) else "0" if written.isdigit() else None
        if new is None:
            return None
        return safe(f"Let {what} {'allow root' if non_root else 'run as root'}", replace(node.span, new))
    block = container.source
    if docker or not isinstance(block, Block) or not container.span.path.endswith(".tf"):
        return None  # a pod-level setting in YAML: no fix yet
    line = "run_as_non_root = false" if non_root else "run_as_user = 0"
    context = block.block("security_context")
    if context is not None:
        if (context.attr("run_as_non_root" if non_root else "run_as_user")) is not None:
            return None
        edit = insert_attribute(text, context, line)
    else:
        edit = insert_attribute(text, block, f"security_context {{\n  {line}\n}}")
    return safe(f"Run {what} as root", edit) if edit is not None else None


def delete_lines(text: Text | None, span: Span, prefix: LazyPattern = BLANKS) -> Edit | None:
    """Delete the whole lines a span is written on (a nested block, a YAML sequence item with ``prefix``
    ``SEQUENCE_ITEM``) when nothing else is on them but a trailing comment; the lines after the first
    must be indented deeper than it (they belong to it)."""
    if text is None:
        return None
    first, last = span.line, span.end_line
    if span.end_column == 1 or not text.line(last)[:span.end_column - 1].strip():
        last = max(first, last - 1)  # the span ends where the next item starts
    head = text.line(first)
    if prefix.fullmatch(head[:span.column - 1]) is None:
        return None
    depth = len(head) - len(head.lstrip(" \t"))
    for number in range(first + 1, last + 1):
        line = text.line(number)
        if line.strip() and len(line) - len(line.lstrip(" \t")) <= depth and number != last:
            return None
    end_line, end_column = (span.end_line, span.end_column) if last == span.end_line else (last, len(text.line(last)) + 1)
    after = text.line(end_line)[end_column - 1:].strip().removeprefix(",").strip()
    if after and not after.startswith(("#", "//")):
        return None
    if last >= len(text.index.starts):
        return None  # the last line of a file without a final line break
    return Edit(Span(text.path, first, 1, last + 1, 1), "")


def delete_item(text: Text | None, items: Node, item: Span) -> Edit | None:
    """Delete one item of a list (``[...]``) written in the file: its line when the list has one item per line,
    else the item and the separator before it (after it, for the first item)."""
    if text is None or not isinstance(items.value, (list, tuple)):
        return None
    spans = [node.span for node in items.value]
    if item not in spans:
        return None
    start, end = text.range(item)
    before, after = text.text[text.index.line_start(item.line):start], text.line(item.end_line)[item.end_column - 1:]
    rest = after.strip().removeprefix(",").strip()
    if not before.strip() and (not rest or rest.startswith(("#", "//"))):
        return delete_lines(text, item)
    index = spans.index(item)
    if index > 0:
        previous_end = text.range(spans[index - 1])[1]
        between = text.text[previous_end:start]
        if _COMMA.fullmatch(between) is None or "\n" in between:
            return None
        return Edit(text.span(previous_end, end), "")
    if len(spans) > 1:
        following = text.range(spans[1])[0]
        between = text.text[end:following]
        if _COMMA.fullmatch(between) is None or "\n" in between:
            return None
        return Edit(text.span(start, following), "")
    list_start, list_end = text.range(items.span)
    if _LIST_OPENING.fullmatch(text.text[list_start:start]) is None or _LIST_CLOSING.fullmatch(text.text[end:list_end]) is None:
        return None
    return Edit(text.span(list_start + 1, list_end - 1), "")  # the only item: an empty list


def inside(span: Span, outer: Span) -> bool:
    """Whether ``span`` lies within ``outer`` (same file)."""
    return span.path == outer.path and (outer.line, outer.column) <= (span.line, span.column) \
        and (span.end_line, span.end_column) <= (outer.end_line, outer.end_column)


def object_region(workload) -> Span | None:
    """The whole resource block or manifest document a workload is written in (where its own settings are)."""
    if workload.resource is not None:
        return workload.resource.block.span
    return workload.document.span if workload.document is not None else None


def delete_own_attribute(text: Text | None, node: Node | None, names: tuple[str, ...], region: Span) -> Edit | None:
    """Delete an attribute (or mapping entry) written inside ``region`` under one of ``names``.

    An evaluated value may be a variable's default or a local's expression: its key names something
    else, or it lies outside the object, and deleting it would change another setting.
    """
    if text is None or node is None or node.key is None or not inside(node.span, region):
        return None
    start, end = text.range(node.key)
    if text.text[start:end].strip("\"'") not in names:
        return None
    return delete_attribute(text, node)


def delete_block(text: Text | None, block: Block) -> Edit | None:
    """Delete a nested block's whole lines when nothing else is written on them (its trailing comment goes too)."""
    lines = _whole_lines(text, block.span, block.span) if text is not None else None
    if lines is None:
        return None
    first, last = lines
    if first > 1 and last + 1 < len(text.index.starts) and not text.line(first - 1).strip() \
            and not text.line(last + 1).strip():
        last += 1  # blank lines on both sides: one of them goes too
    return Edit(Span(text.path, first, 1, last + 1, 1), "")
