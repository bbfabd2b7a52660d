"""What the 0xx rules share: name suggestions (did you mean), the variables a module references, its Kubernetes
resources, and what TDL002 and TDL003 loop over (their preconditions)."""

from __future__ import annotations

from ...lazy_re import LazyPattern
from ...module import Module, Resource, Use
from ...workload import TERRAFORM_POD_TYPES, Workload

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


#: removed `data.coder_workspace` attributes -> their `data.coder_workspace_owner` names (provider v2.0.0)
OWNER_ATTRIBUTES = {
    "owner": "name", "owner_email": "email", "owner_id": "id", "owner_name": "full_name", "owner_groups": "groups",
    "owner_session_token": "session_token", "owner_oidc_access_token": "oidc_access_token",
}


def owner_attribute_uses(ctx) -> Iterator[tuple[Module, list[Use]]]:
    """Each module's references to ``data.coder_workspace.<n>.owner*`` (TDL002), where it has any."""
    for module in ctx.modules:
        uses = [u for u in module.uses if u.reference.parts[:2] == ("data", "coder_workspace")
                and len(u.reference.parts) >= 4 and u.reference.parts[3] in OWNER_ATTRIBUTES]
        if uses:
            yield module, uses


def runtime_class_pods(ctx) -> Iterator[tuple[Module, Workload]]:
    """The Terraform pods naming a runtime class, each with its module, where the kubernetes provider is
    HashiCorp's (TDL003)."""
    for unit in ctx.units:
        module = unit.module
        if module is None or not unit.complete:
            continue
        required = module.required_providers.get("kubernetes")
        source = required.source.value if required is not None and required.source is not None else "hashicorp/kubernetes"
        if not isinstance(source, str) or source.lower().removeprefix("registry.terraform.io/") != "hashicorp/kubernetes":
            continue
        for workload in unit.workloads:
            if workload.kind in TERRAFORM_POD_TYPES and workload.runtime is not None:
                yield module, workload
