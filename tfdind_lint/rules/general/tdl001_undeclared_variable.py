"""TDL001 undeclared-variable: A var.<name> reference with no variable "<name>" declared in the module directory."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, unsafe
from ...node import Reference, Span
from .helpers import referenced_variables, suggest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


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
                subject=use.block.subject,
                attribute=".".join(use.path),
                related=related,
                hint=hint,
                owner=use.block.head,
                fix=_fix(ctx, ref, suggestion) if suggestion is not None and unreferenced == {suggestion} else None,
            )


def _fix(ctx, ref: Reference, suggestion: str) -> Fix | None:
    """``var.<name>`` -> ``var.<suggestion>``: offered (unsafe) only when the suggestion is the one declared
    variable nothing references, since which side to rename is the author's choice."""
    text = edits.source(ctx, ref.span.path)
    old = f"var.{ref.parts[1]}"
    if text is None:
        return None
    start = text.range(ref.span)[0]
    following = text.text[start + len(old):start + len(old) + 1]
    if not text.text.startswith(old, start) or following.isalnum() or following in ("_", "-"):
        return None
    span = ref.span
    return unsafe(f"Use var.{suggestion}", edits.replace(
        Span(span.path, span.line, span.column, span.line, span.column + len(old)), f"var.{suggestion}"))
