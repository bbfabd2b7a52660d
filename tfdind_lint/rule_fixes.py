"""The fixes of the rules (RULES.md "Autofix."), one function per rule: ``tdlNNN(ctx, ...) -> Fix | None``.

A check builds its fix in one line (``Hit(..., fix=rule_fixes.tdl403(ctx, span, value))``); the logic
lives here, on top of the text-edit shapes of edits.py.  None: the case at hand is not one the rule's fix
covers (the finding has no fix).
"""

from __future__ import annotations

import re

from . import edits
from .fix import Fix, safe
from .node import Block, Span


def tdl403(ctx, span, value: str | None) -> Fix | None:
    """DOCKER_HOST without a scheme: prepend ``tcp://`` (``unix://`` before a socket path)."""
    if not value or value != value.strip() or "://" in value:
        return None
    scheme = "unix://" if value.startswith("/") else "tcp://"
    edit = edits.prepend(edits.source(ctx, span.path), span, value, scheme)
    return safe(f"Prepend {scheme}", edit) if edit is not None else None


_BOOLEAN_SPELLINGS = {"yes": "true", "y": "true", "on": "true", "enable": "true", "enabled": "true",
                      "no": "false", "n": "false", "off": "false", "disable": "false", "disabled": "false"}


def tdl206(ctx, span, value: str | None) -> Fix | None:
    """An envbox boolean spelled another way (``yes``, ``on``): write ``true`` / ``false`` (not numbers: no fix)."""
    spelled = _BOOLEAN_SPELLINGS.get((value or "").strip().lower())
    if spelled is None:
        return None
    text = edits.source(ctx, span.path)
    edit = edits.replace_in(text, span, value, spelled)
    if edit is None:
        return None
    if not span.path.endswith((".tf", ".tf.json")):  # YAML: an unquoted `true` would be a boolean, not a string
        start, end = text.range(edit.span)
        if text.text[start - 1:start] not in ("'", '"'):
            edit = edits.replace(edit.span, f'"{spelled}"')
    return safe(f"Write {spelled}", edit)


_BARE = re.compile(r"[A-Za-z0-9_.+-]+")


def tdl305_value(ctx, definition, node) -> Fix | None:
    """A sysctl value that is not a string (``262144``, ``true``): quote it as written."""
    if not definition.exact:
        return None
    text = edits.source(ctx, node.span.path)
    if text is None or node.span.line != node.span.end_line:
        return None
    start, end = text.range(node.span)
    written = text.text[start:end]
    if not _BARE.fullmatch(written) or _in_quoted_string(text, node.span.line):
        return None
    return safe(f'Write "{written}"', edits.replace(node.span, f'"{written}"'))


def tdl305_key(ctx, definition, table, leaf, name: str) -> Fix | None:
    """``user.max_user_namespaces = ...`` (a dotted key: a table): write the sysctl name as one quoted key."""
    if not definition.exact or table.key is None or leaf.key is None:
        return None
    text = edits.source(ctx, leaf.span.path)
    if text is None or table.key.line != leaf.key.end_line or _in_quoted_string(text, leaf.key.line):
        return None
    span = Span(leaf.key.path, table.key.line, table.key.column, leaf.key.end_line, leaf.key.end_column)
    start, end = text.range(span)
    if re.sub(r"\s+", "", text.text[start:end]) != name or not _BARE.fullmatch(name):
        return None
    return safe(f'Quote the key "{name}"', edits.replace(span, f'"{name}"'))


def _in_quoted_string(text, line: int) -> bool:
    """Whether a line of embedded TOML sits in a quoted Terraform / JSON string (``\\"`` would be needed)."""
    return not text.path.endswith(".toml") and '\\"' in text.line(line) or text.line(line).rstrip().endswith("\\n")


def tdl408(ctx, container, node, own: bool, docker: bool) -> Fix | None:
    """A dind container that must not run as root: make its own user root (``user = "root"``, ``run_as_user = 0``)."""
    return _root(ctx, container, node, own, docker, "the Docker daemon")


def tdl501(ctx, container, node) -> Fix | None:
    """systemd as PID 1 under Sysbox, run as non-root: root for that container (as TDL408)."""
    own = node is container.run_as_user or node is container.run_as_non_root
    return _root(ctx, container, node, own, container.workload.kind == "docker_container", "systemd")


def _root(ctx, container, node, own: bool, docker: bool, what: str) -> Fix | None:
    """Make a container's process run as root.

    The container's own setting is rewritten; a pod-level one gets a container-level override
    (Terraform: in the container's ``security_context``, added when missing).
    """
    text = edits.source(ctx, node.span.path)
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
        return safe(f"Let {what} {'allow root' if non_root else 'run as root'}", edits.replace(node.span, new))
    block = container.source
    if docker or not isinstance(block, Block) or not container.span.path.endswith(".tf"):
        return None  # a pod-level setting in YAML: no fix yet
    line = "run_as_non_root = false" if non_root else "run_as_user = 0"
    context = block.block("security_context")
    if context is not None:
        if (context.attr("run_as_non_root" if non_root else "run_as_user")) is not None:
            return None
        edit = edits.insert_attribute(text, context, line)
    else:
        edit = edits.insert_attribute(text, block, f"security_context {{\n  {line}\n}}")
    return safe(f"Run {what} as root", edit) if edit is not None else None


def tdl002(ctx, module, reference, replacement: str, declared: bool) -> Fix | None:
    """``data.coder_workspace.<n>.owner*`` -> ``data.coder_workspace_owner.<n>.*`` (the same value), declaring
    ``data "coder_workspace_owner" "<n>" {}`` after ``data "coder_workspace" "<n>"`` when the module lacks it.

    The declaration must go in the file of the reference (a fix edits one file); when the
    ``coder_workspace`` block is in another file, the finding has no fix.
    """
    text = edits.source(ctx, reference.span.path)
    old = ".".join(reference.parts[:4])
    if text is None or not text.text.startswith(old, text.range(reference.span)[0]):
        return None
    start = reference.span
    rewrite = edits.replace(Span(start.path, start.line, start.column, start.line, start.column + len(old)), replacement)
    if declared:
        return safe(f"Use {replacement}", rewrite)
    label = reference.parts[2]
    sibling = next((r for r in module.data_sources_of("coder_workspace") if r.name == label), None)
    if sibling is None or sibling.path != reference.span.path:
        return None
    block = edits.insert_block_after(text, sibling.block, f'data "coder_workspace_owner" "{label}" {{}}')
    return safe(f"Use {replacement}", block, rewrite) if block is not None else None


def tdl504(ctx, node) -> Fix | None:
    """``share_process_namespace = true`` / ``shareProcessNamespace: true`` in a Sysbox pod: delete the line (the
    default is false)."""
    edit = edits.delete_attribute(edits.source(ctx, node.span.path), node)
    return safe(f"Remove `{node.name}`", edit) if edit is not None else None


_CODER_DATA = ("coder_workspace", "coder_provisioner")


def tdl010(ctx, module, reference) -> Fix | None:
    """An undeclared ``data.coder_workspace.<n>`` / ``data.coder_provisioner.<n>``: declare it (an empty block),
    once per module: in the first file that uses it, before the first block there that does (and its comments)."""
    if reference.parts[:1] != ("data",) or len(reference.parts) < 3 or reference.parts[1] not in _CODER_DATA:
        return None
    address = reference.address
    uses = sorted((use for use in module.uses if use.reference.address == address),
                  key=lambda use: (use.reference.span.path, use.block.span.line))
    first = uses[0] if uses else None
    if first is None or first.reference.span.path != reference.span.path:
        return None  # fixed with the first file's finding: the declaration then covers this one too
    text = edits.source(ctx, reference.span.path)
    if text is None or first.block.span.column != 1:
        return None
    title = f"Declare data.{reference.parts[1]}.{reference.parts[2]}"
    siblings = [r for r in module.resources if r.mode == "data" and r.type.startswith("coder_")
                and r.path == reference.span.path and r.block.span.column == 1]
    if siblings:  # next to the other coder data sources of the file
        last = max(siblings, key=lambda r: r.block.span.end_line)
        edit = edits.insert_block_after(text, last.block, f'data "{reference.parts[1]}" "{reference.parts[2]}" {{}}')
        return safe(title, edit) if edit is not None else None
    line = first.block.span.line
    while line > 1 and text.line(line - 1).lstrip().startswith(("#", "//")):
        line -= 1
    declaration = f'data "{reference.parts[1]}" "{reference.parts[2]}" {{}}\n\n'
    return safe(title, edits.replace(text.at_line_start(line), declaration))


def tdl102(ctx, workload, entry: str) -> Fix | None:
    """A Sysbox pod without the CRI-O userns annotation: add it to the pod's annotations when it has some."""
    annotations = workload.annotations
    if annotations is None:
        return None
    edit = edits.add_entry(edits.source(ctx, annotations.span.path), annotations, entry)
    return safe("Add the CRI-O user-namespace annotation", edit) if edit is not None else None


def tdl407(ctx, container, node, new_key: str) -> Fix | None:
    """A docker:dind entrypoint that is ``["dockerd", ...]``: pass the same list as the image's arguments
    (``command`` → ``args``; Docker's ``entrypoint`` → ``command``), when those are not set."""
    items = node.value if isinstance(node.value, list) else None
    if container.args is not None or node.key is None or not items or items[0].value != "dockerd":
        return None
    text = edits.source(ctx, node.key.path)
    if text is None or text.text[slice(*text.range(node.key))] != node.name:
        return None
    return safe(f"Pass the list as `{new_key}`", edits.rename_key(text, node, new_key))


def tdl502(ctx, span, program: str) -> Fix | None:
    """``sudo -u coder ... init_script``: keep the agent's token (``sudo --preserve-env=CODER_AGENT_TOKEN``).
    ``su -`` / ``runuser -l`` (a login shell) have no such flag: no fix."""
    if program != "sudo":
        return None
    text = edits.source(ctx, span.path)
    if text is None or not text.text.startswith("sudo ", text.range(span)[0]):
        return None
    at = Span(span.path, span.line, span.column + 4, span.line, span.column + 4)
    return safe("Keep CODER_AGENT_TOKEN through sudo", edits.replace(at, " --preserve-env=CODER_AGENT_TOKEN"))


def tdl409(ctx, workload, container, missing: list[str]) -> Fix | None:
    """A Kubernetes dind container without a volume at dockerd's data-root (Terraform): an ``empty_dir`` volume
    named after the container, and its ``volume_mount``; none when the name is taken."""
    block = container.source
    if len(missing) != 1 or workload.origin != "terraform" or not isinstance(block, Block):
        return None
    name = re.sub(r"[^a-z0-9-]+", "-", f"{container.display_name.lower()}-data-root").strip("-")[:63]
    module = workload.module
    text = edits.source(ctx, container.span.path)
    if module is None or text is None or name in workload.volumes:
        return None
    files = [f for f in module.files if f.path == container.span.path]
    spec = edits.parent_block(files[0].body.blocks, block) if files else None
    if spec is None:
        return None
    mount = edits.insert_child_block(text, block, f'volume_mount {{\n  name       = "{name}"\n'
                                                  f'  mount_path = "{missing[0]}"\n}}')
    volume = edits.insert_child_block(text, spec, f'volume {{\n  name = "{name}"\n  empty_dir {{}}\n}}')
    if mount is None or volume is None:
        return None
    return safe(f"Mount an empty_dir volume at {missing[0]}", mount, volume)


def tdl201(ctx, container, node) -> Fix | None:
    """An envbox container that is not privileged: ``privileged = true`` (the written ``false`` replaced; else added
    to the Docker container, or to the Kubernetes container's ``security_context``, created when missing)."""
    text = edits.source(ctx, (node or container).span.path)
    if text is None:
        return None
    if node is not None:
        start, end = text.range(node.span)
        if text.text[start:end] != "false":
            return None
        return safe("Make the envbox container privileged", edits.replace(node.span, "true"))
    block = container.source
    if not isinstance(block, Block) or not container.span.path.endswith(".tf"):
        return None
    if container.workload.kind == "docker_container":
        edit = edits.insert_attribute(text, block, "privileged = true")
    else:
        context = block.block("security_context")
        edit = (edits.insert_attribute(text, context, "privileged = true") if context is not None else
                edits.insert_attribute(text, block, "security_context {\n  privileged = true\n}"))
    return safe("Make the envbox container privileged", edit) if edit is not None else None


def tdl303(ctx, node, key: str, prefix: str, containers: list) -> Fix | None:
    """An AppArmor annotation naming no container of a pod with exactly one: name that container in its key."""
    if len(containers) != 1 or node.key is None:
        return None
    name = containers[0].name.value
    edit = edits.replace_in(edits.source(ctx, node.key.path), node.key, key, prefix + name)
    return safe(f"Name container `{name}` in the annotation", edit) if edit is not None else None


def tdl301(ctx, container, name: str, node) -> Fix | None:
    """An extended resource only in ``requests``: copy it into ``limits`` (the existing map, or, in Terraform, a new
    ``limits`` map in the ``resources`` block)."""
    text = edits.source(ctx, node.span.path)
    if text is None or node.span.line != node.span.end_line:
        return None
    written = text.text[slice(*text.range(node.span))]
    terraform = node.span.path.endswith(".tf")
    entry = f'"{name}" = {written}' if terraform else f"{name}: {written}"
    limits = container.limits
    if limits is not None:
        edit = edits.add_entry(text, limits, entry)
    elif terraform and isinstance(container.source, Block) and container.source.block("resources") is not None:
        edit = edits.insert_attribute(text, container.source.block("resources"), f"limits = {{\n  {entry}\n}}")
    else:
        edit = None
    return safe(f"Copy `{name}` into limits", edit) if edit is not None else None
