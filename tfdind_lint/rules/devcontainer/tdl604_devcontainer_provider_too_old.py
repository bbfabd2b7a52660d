"""TDL604 devcontainer-provider-too-old: The coder provider constraint admits versions without coder_devcontainer (<
2.3.0) or its subagent_id (< 2.14.0)."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...model.providers import provider_requirements
from ...node import Span
from ...versions import Version
from .helpers import devcontainer_features

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

DEVCONTAINER_SINCE = Version(2, 3, 0)  # coder_devcontainer appears (coder provider #368)
SUBAGENT_ID_SINCE = Version(2, 14, 0)  # subagent_id appears (coder provider #474)


def check(ctx: Context) -> Iterator[Hit]:
    """TDL604: the coder provider constraint admits versions without coder_devcontainer / subagent_id."""
    for module, resources, subagent in devcontainer_features(ctx):
        requirements = provider_requirements(ctx, module, "coder")
        for resource in resources:
            hit = _too_old(requirements, DEVCONTAINER_SINCE, resource.block.head, "`coder_devcontainer`")
            if hit is not None:
                hit.subject, hit.owner = resource.address, resource.block.head
                yield hit
        for use in subagent:
            ref = use.reference
            hit = _too_old(requirements, SUBAGENT_ID_SINCE, ref.span, f"`{ref.text}`")
            if hit is not None:
                hit.subject, hit.attribute, hit.owner = use.block.subject, ".".join(use.path), use.block.head
                yield hit



def _too_old(requirements, since: Version, span: Span, what: str) -> Hit | None:
    for requirement in requirements:
        constraint = requirement.constraint
        if constraint is None or not constraint.admits_below(since):
            continue  # no (readable) constraint: TDL007's business
        locked = next((v for m in requirement.configuration
                       if (v := m.locked_version("coder/coder")) is not None), None)
        if locked is not None:
            try:
                if Version.parse(str(locked.value)) >= since:
                    continue
            except ValueError:
                pass
        text = ", ".join(f"`{v.value}`" for v in requirement.versions)
        admit = "admits" if len(requirement.versions) == 1 else "admit"
        return Hit(span, f"{what} needs coder provider >= {since}, but {text} {admit} older versions",
                   related=tuple(Related(v.where, f"this constraint admits versions before {since}")
                                 for v in requirement.versions))
    return None
