"""TDL305 bottlerocket-sysctl-toml-format: Bottlerocket sysctl TOML that reads differently than meant, TOML user data
on another AMI family, or broken TOML."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit
from ...model.node_pools import NodeDefinition, node_definitions
from ...node import Node, Unknown


def check(ctx: Context) -> Iterator[Hit]:
    """TDL305: Bottlerocket sysctl settings TOML reads differently, TOML user data on another AMI family, broken TOML."""
    for definition in node_definitions(ctx):
        subject, owner = definition.subject, definition.owner
        if definition.settings is None and definition.error is None:
            continue
        if definition.bottlerocket is False:  # only TOML-looking user data is read on other families
            family = definition.family
            yield Hit(family.where, f"`{subject}` passes Bottlerocket TOML user data to `{family.value}` nodes, "
                      "which do not read it", hint="use `amiFamily: Bottlerocket` (or an `alias: bottlerocket@...` AMI "
                      "selector)", subject=subject, attribute=family.name or "amiFamily",
                      owner=owner)
            continue
        if definition.error is not None:
            yield Hit(definition.error.span, f"The user data of `{subject}` is not valid TOML, so Bottlerocket "
                      "rejects all of it", hint=definition.error.message,
                      subject=subject, attribute="userData", owner=owner)
            continue
        sysctl = definition.settings.root.get("settings", "kernel", "sysctl")
        if sysctl is None or not isinstance(sysctl.value, dict):
            continue
        for key, node in sysctl.value.items():
            yield from _sysctl_entry(definition, key, node)


def _sysctl_entry(definition: NodeDefinition, key: str, node: Node) -> Iterator[Hit]:
    subject, owner = definition.subject, definition.owner
    if isinstance(node.value, dict):  # `user.max_user_namespaces = ...` unquoted: a table `user`
        for path, leaf in _leaves(node, (key,)):
            name = ".".join(path)
            value = leaf.value if isinstance(leaf.value, str) else str(leaf.value)
            yield Hit(definition.at(leaf.where),
                      f"TOML reads this as a table `{'.'.join(path[:-1])}`, not the sysctl `{name}`: Bottlerocket "
                      "rejects the user data", hint=f"write it as one quoted key: `\"{name}\" = \"{value}\"`",
                      subject=subject,
                      attribute=f'settings.kernel.sysctl."{name}"', owner=owner)
    elif not isinstance(node.value, (str, Unknown)):
        shown = str(node.value).lower() if isinstance(node.value, bool) else node.value
        yield Hit(definition.at(node.where),
                  f"The sysctl `{key}` is set to `{shown}`, not a string: Bottlerocket rejects the user data",
                  hint=f"write `\"{key}\" = \"{shown}\"`: Bottlerocket takes sysctl values only as strings",
                  subject=subject,
                  attribute=f'settings.kernel.sysctl."{key}"', owner=owner)


def _leaves(node: Node, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Node]]:
    for key, child in node.value.items():
        if isinstance(child.value, dict):
            yield from _leaves(child, path + (key,))
        else:
            yield path + (key,), child
