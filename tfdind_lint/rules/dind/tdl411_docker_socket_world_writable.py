"""TDL411 docker-socket-world-writable: A script makes the Docker socket writable for everyone (chmod 666
/var/run/docker.sock)."""

from __future__ import annotations

import posixpath

from ...context import Context
from ...finding import Hit
from ...model import roles, scripts
from ...node import Span
from .helpers import world_writable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context, *, sockets) -> Iterator[Hit]:
    """TDL411: a script makes the Docker socket writable for everyone (``chmod 666 /var/run/docker.sock``)."""
    for unit in ctx.units:
        if not roles.is_coder_workspace(ctx, unit):
            continue  # "every user and process of the workspace": only said of a Coder workspace
        places = []  # (commands, (subject, owner, attribute))
        for workload in unit.workloads:
            for container in workload.all_containers():
                place = (workload.address, workload.owner, roles.command_attribute(container))
                places.append((scripts.container_commands(container), place))
        if unit.module is not None:
            for resource, node in scripts.startup_scripts(unit.module):
                places.append((scripts.commands(node, unit.module), scripts.place(resource)))
        seen: set[Span] = set()
        for commands, (subject, owner, attribute) in places:
            for args in commands:
                found = scripts.program(args)
                if found is None or found[1] != "chmod":
                    continue
                operands = [a for a in args[found[0] + 1:] if not a.text.startswith("-")]
                if len(operands) < 2 or not world_writable(operands[0].text):
                    continue
                for target in operands[1:]:
                    if posixpath.normpath(target.text) not in sockets:
                        continue
                    span = args[found[0]].span
                    span = span.cover(target.span) if span.line == target.span.line else target.span
                    if span in seen:
                        continue
                    seen.add(span)
                    yield Hit(span, f"`chmod {operands[0].text}` opens the Docker socket, root on its host, to every "
                              "user of the workspace",
                              hint="add the user to the `docker` group instead, or run Docker rootless",
                              subject=subject, owner=owner, attribute=attribute)
