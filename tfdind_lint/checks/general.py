"""0xx: Terraform semantics every template needs right (RULES.md group 0xx)."""

from __future__ import annotations

import difflib
import re
from typing import Iterable, Iterator

from ..context import Context
from ..finding import Hit, Related
from ..module import Module


def _tokens(name: str) -> set[str]:
    return {t for t in re.split(r"[_\-.]+", name.lower()) if t}


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The best "did you mean" for ``name``: shared name tokens first, then spelling similarity."""
    best = None
    best_score = (0, 0.0)
    own = _tokens(name)
    for candidate in sorted(set(candidates)):
        if candidate == name:
            continue
        shared = len(own & _tokens(candidate))
        ratio = difflib.SequenceMatcher(None, name.lower(), candidate.lower()).ratio()
        if shared == 0 and ratio < 0.75:
            continue
        score = (shared, ratio)
        if score > best_score:
            best, best_score = candidate, score
    return best


def referenced_variables(module: Module) -> set[str]:
    """Variables referenced as ``var.x`` outside their own validation blocks."""
    used = set()
    for use in module.uses:
        ref = use.reference
        if ref.kind != "var":
            continue
        block = use.block
        if block.type == "variable" and block.labels[:1] == (ref.parts[1],) and use.path[:1] == ("validation",):
            continue
        used.add(ref.parts[1])
    return used


def undeclared_variable(ctx: Context) -> Iterator[Hit]:
    """TDL001: ``var.x`` with no ``variable "x"`` in the module directory."""
    for module in ctx.complete_modules:
        unreferenced = set(module.variables) - referenced_variables(module)
        for use in module.uses:
            ref = use.reference
            if ref.kind != "var" or len(ref.parts) < 2 or ref.parts[1] in module.variables:
                continue
            name = ref.parts[1]
            suggestion = closest(name, unreferenced) or closest(name, module.variables)
            related = ()
            hint = ""
            if suggestion:
                declaration = module.variables[suggestion].block
                hint = f"did you mean `var.{suggestion}`?"
                related = (Related(declaration.head, f"`variable \"{suggestion}\"` is declared here"),)
            yield Hit(
                ref.span,
                f"`var.{name}` is not declared: no `variable \"{name}\"` in any file of {module.directory or '.'}/; "
                "terraform plan fails with \"Reference to undeclared input variable\"",
                subject=_subject(use.block),
                attribute=".".join(use.path),
                related=related,
                hint=hint,
                owner=use.block.head,
            )


_KIND_WORDS = {"local": "local value", "data": "data source", "resource": "resource", "module": "module call"}


def undeclared_reference(ctx: Context) -> Iterator[Hit]:
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
            suggestion = closest(address, candidates)
            hint = f"did you mean `{suggestion}`?" if suggestion else ""
            what = _KIND_WORDS[kind]
            declare = _declaration_text(ref)
            yield Hit(
                ref.span,
                f"`{address}` is not declared: no {declare} in any file of {module.directory or '.'}/; "
                f"terraform plan fails with \"Reference to undeclared {what}\"",
                subject=_subject(use.block),
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


def _subject(block) -> str:
    """A stable name for the top-level block a reference is in (``docker_container.dind``, ``locals``...)."""
    if block.type == "resource" and len(block.labels) >= 2:
        return f"{block.labels[0]}.{block.labels[1]}"
    if block.type == "data" and len(block.labels) >= 2:
        return f"data.{block.labels[0]}.{block.labels[1]}"
    if block.labels:
        return f"{block.type}.{block.labels[0]}"
    return block.type


CHECKS = {
    "TDL001": undeclared_variable,
    "TDL010": undeclared_reference,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
