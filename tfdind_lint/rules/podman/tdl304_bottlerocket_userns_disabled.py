"""TDL304 bottlerocket-userns-disabled: Bottlerocket node user data that keeps user namespaces off, next to rootless
Podman workspaces."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from ...model.node_pools import NodeDefinition, node_definitions
from ...node import Node, Span
from .helpers import podman_evidence

USERNS_SYSCTL = "user.max_user_namespaces"


def _userns_workloads(unit, images) -> list[tuple[Span, str]]:
    """(where, what) for every Podman workspace and ``hostUsers: false`` pod of a unit."""
    found = []
    for workload in unit.workloads:
        if workload.host_users is not None and workload.host_users.value is False:
            found.append((workload.host_users.where, f"`{workload.address}` runs in a user namespace (hostUsers: false)"))
        for container in workload.containers:
            evidence = podman_evidence(container, images)
            if evidence is not None:
                found.append((evidence, f"`{container.display_name}` runs rootless Podman"))
    return found


def collect(unit, *, podman_images) -> tuple[list, list[NodeDefinition]]:
    """TDL304's collector: a unit's user-namespace workloads and its node definitions."""
    return _userns_workloads(unit, podman_images), node_definitions(Context([unit]))


def check(ctx: Context, *, podman_images) -> Iterator[Hit]:
    """TDL304: Bottlerocket nodes that keep user namespaces off, in a repository with rootless Podman workspaces."""
    facts = ctx.gather(collect, podman_images=podman_images)
    users = [user for found, _ in facts for user in found]
    if not users:
        return  # node user data alone: nothing says user namespaces are needed
    related = (Related(users[0][0], users[0][1]),)
    for definition in (d for _, definitions in facts for d in definitions):
        if definition.bottlerocket is not True or definition.error is not None:
            continue
        value = _sysctl(definition)
        if value is False:
            continue  # not knowable, or a value that is not a string (TDL305's business)
        if value is None:
            if not definition.complete:
                continue  # an unknown piece of the user data may set it
            unquoted = _unquoted_userns(definition)
            hint = (Related(definition.at(unquoted.where), f"`{USERNS_SYSCTL}` unquoted: TOML reads a table `user` "
                            "(TDL305)"),) if unquoted is not None else ()
            yield Hit(definition.head,
                      "These Bottlerocket nodes keep user namespaces off, which rootless Podman needs",
                      hint=f"set `\"{USERNS_SYSCTL}\" = \"65536\"` under `[settings.kernel.sysctl]` (0 by default; "
                           "Podman fails with \"user namespaces are not enabled\")", subject=definition.subject,
                      attribute=f'settings.kernel.sysctl."{USERNS_SYSCTL}"', owner=definition.owner,
                      related=hint + related)
            continue
        text = value.value.strip()
        if text.isdigit() and int(text) > 0:
            continue
        yield Hit(definition.at(value.where),
                  f"`\"{USERNS_SYSCTL}\" = \"{value.value}\"` keeps user namespaces off, which rootless Podman needs",
                  hint="set it to a positive number such as \"65536\"",
                  subject=definition.subject, attribute=f'settings.kernel.sysctl."{USERNS_SYSCTL}"',
                  owner=definition.owner, related=related)


def _sysctl(definition: NodeDefinition):
    """The ``user.max_user_namespaces`` string node; None when absent; False when not knowable or not a string."""
    if definition.settings is None:
        return None if definition.text is None else False
    sysctl = definition.settings.root.get("settings", "kernel", "sysctl")
    if sysctl is None:
        return None
    if not isinstance(sysctl.value, dict):
        return False
    value = sysctl.value.get(USERNS_SYSCTL)
    if value is not None and not isinstance(value.value, str):
        return False
    return value


def _unquoted_userns(definition: NodeDefinition) -> Node | None:
    """``user.max_user_namespaces = ...`` written without quotes: the leaf TOML made of it."""
    return definition.settings.root.get("settings", "kernel", "sysctl", "user", "max_user_namespaces") \
        if definition.settings is not None else None

#: the rule looks across files: ``collect`` reads each unit, ``check`` judges the run
PROJECT_SCOPED = True
