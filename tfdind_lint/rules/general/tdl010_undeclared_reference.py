"""TDL010 undeclared-reference: A reference to a local, data source, resource or module that the module directory
does not declare."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit
from ...module import Module
from .helpers import block_subject, closest

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
                subject=block_subject(use.block),
                attribute=".".join(use.path),
                hint=hint,
                owner=use.block.head,
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
