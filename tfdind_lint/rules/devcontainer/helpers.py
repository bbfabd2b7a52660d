"""What the 6xx rules share.

A template *uses the integration* with a ``coder_devcontainer`` resource, a module
whose source is the registry's ``devcontainers-cli``, or discovery autostart
(``CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=true``) in an agent's
environment.  Where the workspace's Docker daemon lives comes from
``model/docker_access.py`` (``Unit.docker_access``).
"""

from __future__ import annotations

from ...context import Context, Unit
from ...expression import references_in
from ...model import daemon as daemons
from ...model import scripts
from ...node import Span
from ...record import Record
from ...workload import Container

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...model import docker_access
    from ...module import Module, Resource
    from ...module import Use as ModuleUse

AUTOSTART = "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE"
CLI_MODULE = "devcontainers-cli"
_TRUE = ("1", "t", "T", "true", "TRUE", "True")


class Use(Record):
    """One place a template uses the integration, for one agent."""

    _fields = ("kind", "agent", "span", "subject", "attribute", "owner", "container", "resource")

    kind: str  # resource, module, autostart
    agent: str | None  # the coder_agent's name; None for a manifest's container
    span: Span  # where a finding about it points
    subject: str
    attribute: str
    owner: Span | None
    container: Container | None  # for autostart: the container whose env asks for it
    resource: object  # the coder_devcontainer Resource

    def __init__(self, kind: str, agent: str | None, span: Span, subject: str, attribute: str, owner: Span | None,
                 container: Container | None = None, resource: object = None):
        self.kind = kind
        self.agent = agent
        self.span = span
        self.subject = subject
        self.attribute = attribute
        self.owner = owner
        self.container = container
        self.resource = resource


def _agent_of(node) -> str | None:
    for ref in references_in(node):
        if ref.parts[0] == "coder_agent" and len(ref.parts) >= 2:
            return ref.parts[1]
    return None


def uses(unit: Unit) -> list[Use]:
    found: list[Use] = []
    module = unit.module
    if module is not None:
        for resource in module.resources_of("coder_devcontainer"):
            node = resource.block.attr("agent_id")
            agent = _agent_of(node)
            if agent is None:
                continue
            found.append(Use("resource", agent, node.where, resource.address, "agent_id", resource.block.head,
                             resource=resource))
        for name, call in module.module_calls.items():
            source = call.attr("source")
            if source is None or not isinstance(source.value, str) or CLI_MODULE not in source.value:
                continue
            node = call.attr("agent_id")
            agent = _agent_of(node)
            if agent is not None:
                found.append(Use("module", agent, node.where, f"module.{name}", "agent_id", call.head))
    for workload in unit.workloads:
        for container in workload.containers:
            setting = daemons.environment(container).get(AUTOSTART)
            if setting is None or setting.text not in _TRUE:
                continue
            agents = scripts.agent_names(container)
            agent = next(iter(sorted(agents)), None)
            found.append(Use("autostart", agent, setting.span, setting.subject, f"env.{AUTOSTART}", setting.owner,
                             container=container))
    return found


def use_container(model: docker_access.Model, use: Use) -> Container | None:
    if use.container is not None:
        return use.container
    return model.agent_container(use.agent) if use.agent is not None else None


def by_agent(uses_: list[Use]) -> dict:
    grouped: dict = {}
    for use in uses_:
        key = use.agent if use.agent is not None else id(use.container)
        grouped.setdefault(key, []).append(use)
    return grouped


def first_use(group: list[Use]) -> Use:
    order = {"resource": 0, "module": 1, "autostart": 2}
    return sorted(group, key=lambda u: order[u.kind])[0]


def integration_units(ctx: Context) -> Iterator[tuple[Unit, docker_access.Model, list[Use]]]:
    for unit in ctx.units:
        if unit.module is None and not unit.workloads:
            continue
        found = uses(unit)
        if found:  # the Docker model only where a Dev Container is used: most templates have none
            yield unit, unit.docker_access, found


def devcontainer_features(ctx: Context) -> Iterator[tuple[Module, list[Resource], list[ModuleUse]]]:
    """Each complete module's ``coder_devcontainer`` resources and references to their ``subagent_id``, where it has
    either (what TDL604 holds to the coder provider's version)."""
    for unit in ctx.units:
        module = unit.module
        if module is None or not unit.complete:
            continue
        resources = module.resources_of("coder_devcontainer")
        subagent = [u for u in module.uses if u.reference.parts[:1] == ("coder_devcontainer",)
                    and len(u.reference.parts) >= 3 and "subagent_id" in u.reference.parts[2:]]
        if resources or subagent:
            yield module, resources, subagent
