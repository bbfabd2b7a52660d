"""TDL008 unused-variable: A variable declared in a module directory and never referenced as var.<name> there."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...node import Reference
from .helpers import referenced_variables, suggest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL008: a ``variable`` never referenced as ``var.x`` in its module directory."""
    for module in ctx.complete_modules:
        unreferenced = set(module.variables) - referenced_variables(module)
        if not unreferenced:
            continue
        meant: dict[str, list[Reference]] = {}
        for use in module.uses:
            ref = use.reference
            if ref.kind == "var" and len(ref.parts) > 1 and ref.parts[1] not in module.variables:
                suggestion = suggest(module, ref.parts[1], unreferenced)
                if suggestion is not None:
                    meant.setdefault(suggestion, []).append(ref)
        for name, variable in module.variables.items():
            if name not in unreferenced:
                continue
            related = tuple(Related(r.span, f"`{r.text}` is not declared: probably meant `var.{name}`") for r in meant.get(name, ()))
            yield Hit(
                variable.block.head,
                f"`variable \"{name}\"` is declared but `var.{name}` is used nowhere in this module",
                hint="use it or remove it",
                subject=f"var.{name}", related=related, owner=variable.block.head,
            )
