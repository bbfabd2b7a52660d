"""TDL305 bottlerocket-sysctl-toml-format: Bottlerocket sysctl TOML that reads differently than meant, TOML user data
on another AMI family, or broken TOML."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...lazy_re import LazyPattern
from ...model.node_pools import NodeDefinition, node_definitions
from ...node import Node, Span, Unknown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


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
            yield from _sysctl_entry(ctx, definition, key, node)


def _sysctl_entry(ctx: Context, definition: NodeDefinition, key: str, node: Node) -> Iterator[Hit]:
    subject, owner = definition.subject, definition.owner
    if isinstance(node.value, dict):  # `user.max_user_namespaces = ...` unquoted: a table `user`
        for path, leaf in _leaves(node, (key,)):
            name = ".".join(path)
            value = leaf.value if isinstance(leaf.value, str) else str(leaf.value)
            yield Hit(definition.at(leaf.where),
                      f"TOML reads this as a table `{'.'.join(path[:-1])}`, not the sysctl `{name}`: Bottlerocket "
                      "rejects the user data", hint=f"write it as one quoted key: `\"{name}\" = \"{value}\"`",
                      subject=subject,
                      attribute=f'settings.kernel.sysctl."{name}"', owner=owner,
                      fix=_fix_key(ctx, definition, node, leaf, name))
    elif not isinstance(node.value, (str, Unknown)):
        shown = str(node.value).lower() if isinstance(node.value, bool) else node.value
        yield Hit(definition.at(node.where),
                  f"The sysctl `{key}` is set to `{shown}`, not a string: Bottlerocket rejects the user data",
                  hint=f"write `\"{key}\" = \"{shown}\"`: Bottlerocket takes sysctl values only as strings",
                  subject=subject,
                  attribute=f'settings.kernel.sysctl."{key}"', owner=owner,
                  fix=_fix_value(ctx, definition, node))


def _leaves(node: Node, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Node]]:
    for key, child in node.value.items():
        if isinstance(child.value, dict):
            yield from _leaves(child, path + (key,))
        else:
            yield path + (key,), child


_BARE = LazyPattern(r"[A-Za-z0-9_.+-]+")


def _fix_value(ctx, definition, node) -> Fix | None:
    """A sysctl value that is not a string (``262144``, ``true``): quote it as written.

    Only where positions are exact: a heredoc, a YAML block or a .toml file, whose lines are the TOML as written
    (a ``\\"`` there is TOML's own escape). TOML in a quoted Terraform or JSON string is never exact, so never
    fixed: a quote written there would need escaping."""
    if not definition.exact:
        return None
    text = edits.source(ctx, node.span.path)
    if text is None or node.span.line != node.span.end_line:
        return None
    start, end = text.range(node.span)
    written = text.text[start:end]
    if not _BARE.fullmatch(written):
        return None
    return safe(f'Write "{written}"', edits.replace(node.span, f'"{written}"'))


_BLANKS = LazyPattern(r"\s+")


def _fix_key(ctx, definition, table, leaf, name: str) -> Fix | None:
    """``user.max_user_namespaces = ...`` (a dotted key: a table): write the sysctl name as one quoted key."""
    if not definition.exact or table.key is None or leaf.key is None:
        return None
    text = edits.source(ctx, leaf.span.path)
    if text is None or table.key.line != leaf.key.end_line:
        return None
    span = Span(leaf.key.path, table.key.line, table.key.column, leaf.key.end_line, leaf.key.end_column)
    start, end = text.range(span)
    if _BLANKS.sub("", text.text[start:end]) != name or not _BARE.fullmatch(name):
        return None
    return safe(f'Quote the key "{name}"', edits.replace(span, f'"{name}"'))
