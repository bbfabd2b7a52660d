"""TDL001 undeclared-variable: A var.<name> reference with no variable "<name>" declared in the module directory."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from .helpers import block_subject, referenced_variables, suggest


def check(ctx: Context) -> Iterator[Hit]:
    """TDL001: ``var.x`` with no ``variable "x"`` in the module directory."""
    for module in ctx.complete_modules:
        unreferenced = set(module.variables) - referenced_variables(module)
        for use in module.uses:
            ref = use.reference
            if ref.kind != "var" or len(ref.parts) < 2 or ref.parts[1] in module.variables:
                continue
            name = ref.parts[1]
            suggestion = suggest(module, name, unreferenced)
            related = ()
            hint = ""
            if suggestion:
                declaration = module.variables[suggestion].block
                hint = f"did you mean `var.{suggestion}`?"
                related = (Related(declaration.head, f"`variable \"{suggestion}\"` is declared here"),)
            hint = "\n".join(filter(None, [hint, f"declare `variable \"{name}\"` in a file of {module.directory or '.'}/"]))
            yield Hit(
                ref.span,
                f"`var.{name}` is not declared in this module: plan fails with \"Reference to undeclared input variable\"",
                subject=block_subject(use.block),
                attribute=".".join(use.path),
                related=related,
                hint=hint,
                owner=use.block.head,
            )
