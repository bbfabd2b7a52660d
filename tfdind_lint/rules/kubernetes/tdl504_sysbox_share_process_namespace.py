"""TDL504 sysbox-share-process-namespace: A Sysbox pod shares one PID namespace between its containers (an error when
systemd runs in it)."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related, Severity
from ...fix import Fix, safe
from ...model import roles
from ...model.roles import sysbox_workloads
from ...workload import truthy
from .helpers import systemd_span

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, runtimes) -> Iterator[Hit]:
    """TDL504: a Sysbox pod that shares one PID namespace between its containers (error when systemd runs in it)."""
    for workload in sysbox_workloads(ctx, runtimes):
        node = workload.share_process_namespace
        if not truthy(node):
            continue
        systemd = next((c for c in workload.containers if roles.execs_systemd(c) is not None), None)
        related = [Related(workload.runtime.where, f"the Sysbox runtime is chosen here (`{workload.runtime.value}`)")]
        why = "systemd in its containers would not be PID 1"
        if systemd is not None:
            why = f"`{systemd.display_name}` starts systemd, which fails when it is not PID 1"
            related.append(Related(systemd_span(roles.execs_systemd(systemd)), "systemd starts here as PID 1"))
        yield Hit(node.where,
                  f"`{workload.spell('share_process_namespace', True)}` in a Sysbox pod: {why}",
                  hint="remove it (the default is false)" + ("" if systemd is not None else
                                                              "; the Sysbox docs advise against it"),
                  subject=workload.address, attribute=workload.spell("share_process_namespace"),
                  related=tuple(related), owner=workload.owner,
                  severity=Severity.ERROR if systemd is not None else None, fix=_fix(ctx, node))


def _fix(ctx, node) -> Fix | None:
    """``share_process_namespace = true`` / ``shareProcessNamespace: true`` in a Sysbox pod: delete the line (the
    default is false)."""
    edit = edits.delete_attribute(edits.source(ctx, node.span.path), node)
    return safe(f"Remove `{node.name}`", edit) if edit is not None else None
