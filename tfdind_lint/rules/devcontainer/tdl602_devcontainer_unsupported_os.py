"""TDL602 devcontainer-unsupported-os: Dev Containers are used on a Windows agent (error) or a macOS agent (warning)."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related, Severity
from .helpers import by_agent, first_use, integration_units

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL602: the integration on a Windows (error) or macOS (warning) agent."""
    for unit, _, found in integration_units(ctx):
        module = unit.module
        if module is None:
            continue
        for agent, group in by_agent(found).items():
            if not isinstance(agent, str):
                continue
            resource = next((r for r in module.resources_of("coder_agent") if r.name == agent), None)
            if resource is None:
                continue
            os = module.evaluate(resource.block.attr("os"))
            if os is None or os.value not in ("windows", "darwin"):
                continue
            use = first_use(group)
            name = "Windows" if os.value == "windows" else "macOS"
            yield Hit(os.where, f"Dev Containers do not run on {name} agents; `coder_agent.{agent}` needs `os = \"linux\"`",
                      subject=resource.address, attribute="os", owner=resource.block.head,
                      severity=Severity.WARNING if os.value == "darwin" else None,
                      related=(Related(use.span, "the Dev Containers integration is used here"),))
