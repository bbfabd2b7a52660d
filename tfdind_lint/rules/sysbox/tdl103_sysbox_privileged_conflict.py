"""TDL103 sysbox-privileged-conflict: A privileged container on the Sysbox runtime, which does not support privileged
containers."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Edit, Fix, unsafe
from ...lazy_re import LazyPattern
from ...model import roles
from ...model.roles import sysbox_workloads
from ...node import Block, Node, Span
from ...workload import Container, Workload
from .helpers import runtime_related

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, runtimes, envbox_images) -> Iterator[Hit]:
    """TDL103: a privileged container on the Sysbox runtime."""
    for workload in sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if not roles.is_privileged(container) or roles.is_envbox(container, envbox_images):
                continue  # envbox on Sysbox is TDL106's finding
            yield Hit(container.privileged.where,
                      f"`{container.display_name}` is privileged on the Sysbox runtime, which does not support it",
                      hint=f"remove `{workload.spell('privileged', True)}`: under Sysbox, Docker and systemd run "
                           "without it (privileged would break container-to-host isolation)",
                      subject=workload.address, attribute=roles.container_attribute(container, "privileged"),
                      related=(runtime_related(workload),), owner=workload.owner,
                      fix=_fix(ctx, workload, container))


def _fix(ctx: Context, workload: Workload, container: Container) -> Fix | None:
    """Remove ``privileged`` (with its security context, when that is all the context holds).

    Unsafe: the container loses privileges it may rely on outside Sysbox's user namespace.
    """
    node = container.privileged
    region = edits.object_region(workload)
    if node is None or region is None:
        return None
    text = edits.source(ctx, node.span.path)
    edit = edits.delete_own_attribute(text, node, ("privileged",), region)
    if edit is None:
        return None
    context = _only_privileged_context(container, node)
    if isinstance(context, Block):
        edit = edits.delete_block(text, context) or edit
    elif context is not None and context.key is not None and node.key.line == context.key.line + 1:
        line = text.line(context.key.line)  # `securityContext:` on the line above: it goes too
        if not line[:context.key.column - 1].strip() and _KEY_ALONE.fullmatch(line[context.key.end_column - 1:]):
            edit = Edit(Span(edit.span.path, context.key.line, 1, edit.span.end_line, 1), "")
    return unsafe(f"Remove `{workload.spell('privileged', True)}`", edit)


_KEY_ALONE = LazyPattern(r"\s*:\s*(#.*)?")


def _only_privileged_context(container: Container, node: Node) -> Block | Node | None:
    """The container's security context when ``node`` is all it holds (then it goes as a whole)."""
    source = container.source
    if isinstance(source, Block):
        context = source.block("security_context")
        if context is not None and not context.blocks and list(context.attributes.values()) == [node] \
                and edits.inside(node.span, context.span):
            return context
    elif isinstance(source, Node) and isinstance(source.value, dict):
        context = source.value.get("securityContext")
        if context is not None and isinstance(context.value, dict) and list(context.value.values()) == [node]:
            return context
    return None

