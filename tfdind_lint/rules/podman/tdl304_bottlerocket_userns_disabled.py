"""TDL304 bottlerocket-userns-disabled: Bottlerocket node user data that keeps user namespaces off, next to rootless
Podman workspaces."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Edit, Fix, safe
from ...lazy_re import GuardedPattern, LazyPattern
from ...model.node_pools import NodeDefinition, node_definitions
from ...node import Node, Span
from .helpers import podman_evidence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

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


def collect(unit, *, podman_images) -> tuple[list, list[NodeDefinition], list[Fix | None]]:
    """TDL304's collector: a unit's user-namespace workloads, its node definitions and the fix of each (built here,
    where the file's text is at hand)."""
    ctx = Context([unit])
    definitions = node_definitions(ctx)
    return _userns_workloads(unit, podman_images), definitions, [_fix(ctx, d) for d in definitions]


def check(ctx: Context, *, podman_images) -> Iterator[Hit]:
    """TDL304: Bottlerocket nodes that keep user namespaces off, in a repository with rootless Podman workspaces."""
    facts = ctx.gather(collect, podman_images=podman_images)
    users = [user for found, _, _ in facts for user in found]
    if not users:
        return  # node user data alone: nothing says user namespaces are needed
    related = (Related(users[0][0], users[0][1]),)
    for definition, fix in ((d, f) for _, definitions, fixes in facts for d, f in zip(definitions, fixes, strict=True)):
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
                      related=hint + related, fix=fix)
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


SYSCTL_TABLE = f'[settings.kernel.sysctl]\n"{USERNS_SYSCTL}" = "65536"\n'


def _fix(ctx: Context, definition: NodeDefinition) -> Fix | None:
    """No ``settings.kernel.sysctl`` table at all: append one that raises the limit, at the end of the user data.

    Only where the user data is written line for line as it reads: a ``.toml`` file, a YAML literal block
    (``|``), a Terraform heredoc, in the file of the finding.  The user data with the table appended is read
    again, so a table the TOML cannot take (``kernel`` an inline table) gives no fix.
    """
    settings = definition.settings
    if settings is None and definition.text is None and definition.bottlerocket is True:
        return _add_user_data(ctx, definition)
    if settings is None or definition.bottlerocket is not True or definition.error is not None \
            or not definition.complete or not definition.exact \
            or settings.root.get("settings", "kernel", "sysctl") is not None:
        return None  # a sysctl table: its entry is the user's to write
    node = definition.text
    path = definition.head.path if node is None else node.span.path
    text = edits.source(ctx, path)
    if text is None or path != definition.head.path:
        return None
    rendered = settings.text
    gap = "" if rendered.endswith("\n\n") or not rendered.strip() else "\n"
    if not _raises_limit(rendered + ("" if rendered.endswith("\n") else "\n") + gap + SYSCTL_TABLE):
        return None
    if node is None:  # a .toml file: its end
        end = len(text.text)
        point = text.span(end, end)
        return safe("Append [settings.kernel.sysctl]", Edit(point, ("" if text.text.endswith("\n") or not text.text
                                                                    else "\n") + gap + SYSCTL_TABLE))
    edit = _append_to_block(text, node, gap)
    return safe("Append [settings.kernel.sysctl]", edit) if edit is not None else None


def _append_to_block(text, node: Node, gap: str) -> Edit | None:
    """The table as new lines after the last line of a YAML literal block or a heredoc, indented like it."""
    lines = node.lines
    if not lines or any(line != lines[0][0] + i for i, (line, _) in enumerate(lines)):
        return None
    first, last = lines[0][0], lines[-1][0]
    if last >= len(text.index.starts) or first < 2:
        return None
    if node.span.path.endswith((".yaml", ".yml")):
        start, _ = text.range(node.span)
        if not text.text.startswith("|", start):
            return None  # a quoted or folded string: the lines written are not the lines read
    else:  # a heredoc (perhaps a local's): its opening line, then its terminator right after the last line
        opening = _HEREDOC.search(text.line(first - 1))
        if opening is None or text.line(last + 1).strip() != opening.group(1):
            return None
    indent = text.line(last)[:lines[-1][1] - 1]
    if indent.strip():
        return None
    rows = "".join(f"{indent}{row}\n" for row in SYSCTL_TABLE.splitlines())
    return Edit(text.at_line_start(last + 1), gap + rows)


def _add_user_data(ctx: Context, definition: NodeDefinition) -> Fix | None:
    """An EC2NodeClass without user data: add ``userData`` with the table (Karpenter merges it into the
    Bottlerocket settings it generates), after the last line of ``spec``, indented like its entries."""
    spec = _spec(ctx, definition)
    if spec is None or spec.key is None or not isinstance(spec.value, dict) or not spec.value:
        return None
    text = edits.source(ctx, spec.span.path)
    if text is None or spec.where != definition.head \
            or not _KEY_ALONE.fullmatch(text.line(spec.key.line)[spec.key.end_column - 1:]):
        return None  # `spec: {...}`: the layout is the user's
    entries = [node for node in spec.value.values() if node.key is not None]
    if len(entries) != len(spec.value) or len({node.key.column for node in entries}) != 1:
        return None
    indent = text.indent(entries[0].key.line)
    if len(indent) != entries[0].key.column - 1 or len(indent) <= spec.key.column - 1:
        return None
    last = spec.key.line
    for number in range(spec.key.line + 1, len(text.index.starts) + 1):
        line = text.line(number)
        if len(line) - len(line.lstrip(" ")) < len(indent) and line.strip() or line.startswith("---"):
            break  # the next entry of the document, or the next document
        if line.strip() and not line.lstrip().startswith("#"):
            last = number  # the new entry goes before blank lines and comments that end the mapping
    if last >= len(text.index.starts) or last < max(node.key.line for node in entries):
        return None
    rows = ["userData: |"] + [f"  {row}" for row in SYSCTL_TABLE.splitlines()]
    return safe("Add userData with [settings.kernel.sysctl]",
                Edit(text.at_line_start(last + 1), "".join(f"{indent}{row}\n" for row in rows)))


def _spec(ctx: Context, definition: NodeDefinition) -> Node | None:
    """The ``spec`` of the YAML EC2NodeClass a definition was read from."""
    for unit in ctx.units:
        for document in unit.yaml.documents if unit.yaml is not None else ():
            if document.span == definition.owner:
                return document.get("spec")
    return None


_KEY_ALONE = LazyPattern(r"\s*:\s*(#.*)?")
_HEREDOC = GuardedPattern(r"<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$", ("<<",))


def _raises_limit(user_data: str) -> bool:
    """Whether TOML reads the limit from the user data (the TOML library imported here: cold start)."""
    from ...sources.toml import toml_library  # noqa: PLC0415

    tomllib = toml_library()
    try:
        table = tomllib.loads(user_data)
    except tomllib.TOMLDecodeError:
        return False
    for key in ("settings", "kernel", "sysctl"):
        table = table.get(key) if isinstance(table, dict) else None
    return isinstance(table, dict) and table.get(USERNS_SYSCTL) == "65536"


#: the rule looks across files: ``collect`` reads each unit, ``check`` judges the run
PROJECT_SCOPED = True
