"""What the 0xx rules share: name suggestions (did you mean), the variables a module references, its Kubernetes
resources."""

from __future__ import annotations

from ...lazy_re import LazyPattern
from ...module import Module, Resource

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


_SEPARATORS = LazyPattern(r"[_\-.]+")


def _tokens(name: str) -> set[str]:
    return {t for t in _SEPARATORS.split(name.lower()) if t}


def closest(name: str, candidates: Iterable[str], *, by_tokens: bool = True) -> str | None:
    """The best "did you mean" for ``name``: shared name tokens first, then spelling similarity.

    ``by_tokens=False`` suggests typos only: for addresses such as ``data.coder_provisioner.me`` the
    shared ``data``/``coder``/``me`` tokens say nothing (``data.coder_workspace.me`` is not a fix).
    """
    import difflib  # noqa: PLC0415  (only when there is something to suggest)

    best = None
    best_score = (0, 0.0)
    own = _tokens(name)
    for candidate in sorted(set(candidates)):
        if candidate == name:
            continue
        shared = len(own & _tokens(candidate)) if by_tokens else 0
        ratio = difflib.SequenceMatcher(None, name.lower(), candidate.lower()).ratio()
        if shared == 0 and ratio < (0.75 if by_tokens else 0.85):
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


def suggest(module: Module, name: str, unreferenced: set[str]) -> str | None:
    """The declared variable an undeclared ``var.<name>`` probably means: unreferenced ones first."""
    return closest(name, unreferenced) or closest(name, module.variables)


def kubernetes_resources(ctx) -> Iterator[tuple[Module, Resource]]:
    """The managed ``kubernetes_*`` resources of the context's modules, each with its module."""
    for module in ctx.modules:
        for resource in module.resources:
            if resource.mode == "managed" and resource.type.startswith("kubernetes_"):
                yield module, resource


#: rule -> (helper, the parameters it is called with): rules.precondition
PRECONDITIONS = {"TDL004": (kubernetes_resources, ())}
