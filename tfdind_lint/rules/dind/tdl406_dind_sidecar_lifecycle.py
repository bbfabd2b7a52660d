"""TDL406 dind-sidecar-lifecycle: The dind container outlives the workspace (no start_count), or its count is
referenced without an index."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Edit, Fix, safe
from ...lazy_re import LazyPattern
from ...model import roles
from ...model.daemon import mentions_start_count
from .helpers import scenes, workspace_clients

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL406: the dind container outlives the workspace (no start_count), or its count is not indexed."""
    for unit, scene in scenes(ctx):
        module = unit.module
        if module is None:
            continue
        reported = []
        for client in workspace_clients(scene):
            container = client.container
            route = scene.route(client) if container is not None else None
            if route is None or route.named is None or not route.daemons or any(route.named is r for r in reported):
                continue
            dind = route.named.workload
            mine = container.workload.count
            lifecycle = dind.count if dind.count is not None else dind.for_each
            if not mentions_start_count(mine, module) or mentions_start_count(lifecycle, module):
                continue
            reported.append(route.named)
            text = getattr(mine.value, "text", "data.coder_workspace.me.start_count")
            yield Hit(dind.span, f"`{dind.address}` has no `count = {text}`: it keeps running after the workspace stops",
                      hint=f"give it the workspace container's `count` and index its references (`{dind.address}[0].name`)",
                      subject=dind.address, attribute="count", owner=dind.owner,
                      related=(Related(mine.where, "the workspace container stops with the workspace"),),
                      fix=_add_count(ctx, module, dind, mine))
        for dind in unit.workloads:
            meta = dind.count if dind.count is not None else dind.for_each
            if dind.kind != "docker_container" or meta is None or not roles.is_dind(dind.containers[0]):
                continue
            for use in module.uses:
                ref = use.reference
                if ref.address != dind.address or not ref.attribute or ref.indexed:
                    continue
                index = "[0]" if dind.count is not None else '["<key>"]'
                yield Hit(ref.span, f"`{ref.text}` must name an instance of `{dind.address}`, which has `{meta.name}`",
                          hint=f"write `{dind.address}{index}.{'.'.join(ref.attribute)}` (Terraform rejects the plan "
                               "otherwise)",
                          subject=dind.address, attribute=".".join(use.path), owner=use.block.head,
                          related=(Related(meta.where, f"`{meta.name}` makes it a list of instances"),),
                          fix=_index(ctx, module, dind, use))


def _add_count(ctx, module, dind, count) -> Fix | None:
    """The workspace container's ``count`` on the dind container (first, apart from its arguments), and ``[0]`` in
    every reference to it; none unless each reference sits in a block with that same count (elsewhere ``[0]``
    fails while the workspace is stopped) or in ``depends_on``, and all of it is in the dind container's file."""
    block = dind.resource.block if dind.resource is not None else None
    if block is None or dind.count is not None or dind.for_each is not None or block.span.line == block.span.end_line:
        return None
    path = block.span.path
    text = edits.source(ctx, path)
    written = _written(ctx, count)
    if text is None or written is None or text.line(block.span.line)[block.span.column - 1:].rstrip()[-1:] != "{":
        return None  # the opening brace does not end its line (a comment follows it)
    changes = []
    for use in module.uses:
        if use.reference.address != dind.address:
            continue
        if not use.reference.attribute and use.path[:1] == ("depends_on",):
            continue
        if use.reference.span.path != path or not _same_lifecycle(ctx, module, use.block.attr("count"), count):
            return None
        edit = _index_edit(text, dind.address, use.reference)
        if edit is None:
            return None
        changes.append(edit)
    children = [b.head.line for b in block.blocks] + [n.key.line for n in block.attributes.values() if n.key]
    indent = text.indent(min(children)) if children else text.indent(block.span.line) + "  "
    gap = "\n" if children and text.line(block.span.line + 1).strip() else ""  # Terraform's style: a meta-argument apart
    insert = Edit(text.at_line_start(block.span.line + 1), f"{indent}count = {written}\n{gap}")
    return safe(f"Give {dind.address} the workspace's count", insert, *changes)


def _index(ctx, module, dind, use) -> Fix | None:
    """An unindexed reference to the dind container's instances: ``[0]``, where the block it is in has the same
    ``count`` (the first instance exists exactly when the block does)."""
    if dind.count is None or not _same_lifecycle(ctx, module, use.block.attr("count"), dind.count):
        return None
    edit = _index_edit(edits.source(ctx, use.reference.span.path), dind.address, use.reference)
    return safe("Index the reference with [0]", edit) if edit is not None else None


def _index_edit(text, address: str, reference) -> Edit | None:
    if text is None:
        return None
    start, end = text.range(reference.span)
    if not text.text.startswith(address + ".", start):
        return None
    return Edit(text.span(start + len(address), start + len(address)), "[0]")


_PLAIN = LazyPattern(r"[\w.-]+")


def _same_lifecycle(ctx, module, node, count) -> bool:
    """Whether a block's ``count`` is the workspace's: written the same, or each a plain reference to start_count."""
    if node is None:
        return False
    a, b = _written(ctx, node), _written(ctx, count)
    if a is None or b is None:
        return False
    return a == b or all(_PLAIN.fullmatch(t) for t in (a, b)) and all(mentions_start_count(n, module) for n in (node, count))


def _written(ctx, node) -> str | None:
    """An attribute's value as written (one line), or None."""
    text = edits.source(ctx, node.span.path)
    if text is None or node.span.line != node.span.end_line:
        return None
    start, end = text.range(node.span)
    return text.text[start:end]
