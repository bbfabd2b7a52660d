"""TDL010 undeclared-reference: A reference to a local, data source, resource or module that the module directory
does not declare."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...module import Module
from .helpers import closest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

_KIND_WORDS = {"local": "local value", "data": "data source", "resource": "resource", "module": "module call"}


def check(ctx: Context) -> Iterator[Hit]:
    """TDL010: ``local.x``, ``data.t.n``, ``t.n`` or ``module.m`` with no declaration in the module directory."""
    for module in ctx.complete_modules:
        for use in module.uses:
            ref = use.reference
            kind = ref.kind
            if kind not in _KIND_WORDS or module.declares(ref):
                continue
            if kind in ("data", "resource") and len(ref.parts) < (3 if kind == "data" else 2):
                continue
            address = ref.address
            candidates = _declared(module, kind)
            suggestion = closest(address, candidates, by_tokens=False)
            what = _KIND_WORDS[kind]
            declare = _declaration_text(ref)
            hint = "\n".join(filter(None, [f"did you mean `{suggestion}`?" if suggestion else "",
                                            f"declare it: there is no {declare} in any file of {module.directory or '.'}/"]))
            yield Hit(
                ref.span,
                f"`{address}` is not declared in this module: plan fails with \"Reference to undeclared {what}\"",
                subject=use.block.subject,
                attribute=".".join(use.path),
                hint=hint,
                owner=use.block.head, fix=_fix(ctx, module, ref),
            )


def _declared(module: Module, kind: str) -> list[str]:
    if kind == "local":
        return [f"local.{n}" for n in module.locals]
    if kind == "module":
        return [f"module.{n}" for n in module.module_calls]
    mode = "data" if kind == "data" else "managed"
    return [r.address for r in module.resources if r.mode == mode]


def _declaration_text(ref) -> str:
    parts = ref.parts
    if ref.kind == "local":
        return f"`{parts[1]} = ...` in a `locals` block"
    if ref.kind == "module":
        return f"`module \"{parts[1]}\"` block"
    if ref.kind == "data":
        return f"`data \"{parts[1]}\" \"{parts[2]}\"` block"
    return f"`resource \"{parts[0]}\" \"{parts[1]}\"` block"


_CODER_DATA = ("coder_workspace", "coder_provisioner")


def _fix(ctx, module, reference) -> Fix | None:
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
