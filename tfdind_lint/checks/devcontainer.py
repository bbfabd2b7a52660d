"""6xx: Coder's Dev Containers integration, which needs Docker inside the workspace (RULES.md group 6xx).

A template *uses the integration* with a ``coder_devcontainer`` resource, a module
whose source is the registry's ``devcontainers-cli``, or discovery autostart
(``CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=true``) in an agent's
environment.  Where the workspace's Docker daemon lives comes from
``docker_access.py``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterator

from ..context import Context, Unit
from .. import docker_access  # a module, not names: docker_access imports this package's daemon model
from ..expression import references_in
from ..finding import Hit, Related, Severity
from ..node import Span
from ..versions import Version
from ..workload import Container
from . import daemon as daemons
from . import scripts
from .general import provider_requirements

AUTOSTART = "CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE"
ENABLE = "CODER_AGENT_DEVCONTAINERS_ENABLE"
CLI_MODULE = "devcontainers-cli"
DEVCONTAINER_SINCE = Version(2, 3, 0)  # CODER-PROV-DEVC: coder_devcontainer appears
SUBAGENT_ID_SINCE = Version(2, 14, 0)  # CODER-PROV-DEVC: subagent_id appears
_TRUE = ("1", "t", "T", "true", "TRUE", "True")
_FALSE = ("0", "f", "F", "false", "FALSE", "False")


@dataclass(eq=False)
class Use:
    """One place a template uses the integration, for one agent."""

    kind: str  # resource, module, autostart
    agent: str | None  # the coder_agent's name; None for a manifest's container
    span: Span  # where a finding about it points
    subject: str
    attribute: str
    owner: Span | None
    container: Container | None = None  # for autostart: the container whose env asks for it
    resource: object = None  # the coder_devcontainer Resource


def _agent_of(node) -> str | None:
    for ref in references_in(node):
        if ref.parts[0] == "coder_agent" and len(ref.parts) >= 2:
            return ref.parts[1]
    return None


def uses(unit: Unit, model: docker_access.Model) -> list[Use]:
    found: list[Use] = []
    module = unit.module
    if module is not None:
        for resource in module.resources_of("coder_devcontainer"):
            if resource.mode != "managed":
                continue
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


def _container(model: docker_access.Model, use: Use) -> Container | None:
    if use.container is not None:
        return use.container
    return model.agent_container(use.agent) if use.agent is not None else None


def _by_agent(uses_: list[Use]) -> dict:
    grouped: dict = {}
    for use in uses_:
        key = use.agent if use.agent is not None else id(use.container)
        grouped.setdefault(key, []).append(use)
    return grouped


def _first(group: list[Use]) -> Use:
    order = {"resource": 0, "module": 1, "autostart": 2}
    return sorted(group, key=lambda u: order[u.kind])[0]


def _units(ctx: Context) -> Iterator[tuple[Unit, docker_access.Model, list[Use]]]:
    for unit in ctx.units:
        if unit.module is None and not unit.workloads:
            continue
        model = docker_access.Model(unit.workloads, unit.module)
        found = uses(unit, model)
        if found:
            yield unit, model, found


def devcontainer_without_docker(ctx: Context) -> Iterator[Hit]:
    """TDL601: the integration is used but the agent's workspace has no Docker daemon."""
    for _, model, found in _units(ctx):
        for group in _by_agent(found).values():
            use = _first(group)
            container = _container(model, use)
            if container is None:
                continue  # the agent runs somewhere the template does not show (a VM, an external host)
            access = model.access(container)
            if access.method != "none":
                continue
            workload = container.workload
            why = f" ({access.reason})" if access.reason else ""
            related = [Related(workload.span, f"the workspace `{container.display_name}` is defined here{why}")]
            related += [Related(u.span, "the integration is also used here") for u in group if u is not use]
            yield Hit(use.span, f"Workspace `{container.display_name}` has no Docker daemon, so its dev containers cannot start",
                      subject=use.subject, attribute=use.attribute, related=tuple(related), owner=use.owner)


def devcontainer_unsupported_os(ctx: Context) -> Iterator[Hit]:
    """TDL602: the integration on a Windows (error) or macOS (warning) agent."""
    for unit, _, found in _units(ctx):
        module = unit.module
        if module is None:
            continue
        for agent, group in _by_agent(found).items():
            if not isinstance(agent, str):
                continue
            resource = next((r for r in module.resources_of("coder_agent") if r.name == agent), None)
            if resource is None:
                continue
            os = module.evaluate(resource.block.attr("os"))
            if os is None or os.value not in ("windows", "darwin"):
                continue
            use = _first(group)
            name = "Windows" if os.value == "windows" else "macOS"
            yield Hit(os.where, f"Dev Containers do not run on {name} agents; `coder_agent.{agent}` needs `os = \"linux\"`",
                      subject=resource.address, attribute="os", owner=resource.block.head,
                      severity=Severity.WARNING if os.value == "darwin" else None,
                      related=(Related(use.span, "the Dev Containers integration is used here"),))


def devcontainer_integration_disabled(ctx: Context) -> Iterator[Hit]:
    """TDL603: CODER_AGENT_DEVCONTAINERS_ENABLE false on an agent that has a coder_devcontainer or autostart."""
    for unit, model, found in _units(ctx):
        for group in _by_agent(found).values():
            asks = [u for u in group if u.kind in ("resource", "autostart")]
            if not asks:
                continue
            use = _first(asks)
            container = _container(model, use)
            if container is not None:
                env = daemons.environment(container)
            elif use.agent is not None and unit.module is not None:
                env = daemons.Environment([])
                agent = next((r for r in unit.module.resources_of("coder_agent") if r.name == use.agent), None)
                if agent is None:
                    continue
                daemons.agent_environment(unit.module, agent, env)
            else:
                continue
            setting = env.get(ENABLE)
            if setting is None or setting.text not in _FALSE:
                continue
            yield Hit(setting.span, f"`{ENABLE}={setting.text}` turns off the Dev Containers this template asks for; remove it",
                      subject=setting.subject, attribute=f"env.{ENABLE}", owner=setting.owner,
                      related=(Related(use.span, "a dev container is asked for here"),))


def devcontainer_provider_too_old(ctx: Context) -> Iterator[Hit]:
    """TDL604: the coder provider constraint admits versions without coder_devcontainer / subagent_id."""
    for unit in ctx.units:
        module = unit.module
        if module is None or not unit.complete:
            continue
        resources = [r for r in module.resources_of("coder_devcontainer") if r.mode == "managed"]
        subagent = [u for u in module.uses if u.reference.parts[:1] == ("coder_devcontainer",)
                    and len(u.reference.parts) >= 3 and "subagent_id" in u.reference.parts[2:]]
        if not resources and not subagent:
            continue
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
                hit.subject, hit.attribute, hit.owner = _subject(use.block), ".".join(use.path), use.block.head
                yield hit


def _subject(block) -> str:
    return f"{block.labels[0]}.{block.labels[1]}" if block.type == "resource" and len(block.labels) >= 2 else block.type


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
        return Hit(span, f"{what} needs coder provider >= {since}, but {text} admits older versions",
                   related=tuple(Related(v.where, f"this constraint admits versions before {since}")
                                 for v in requirement.versions))
    return None


def devcontainer_folder_not_on_daemon(ctx: Context) -> Iterator[Hit]:
    """TDL605: the daemon runs outside the workspace and ``workspace_folder`` is not on a mount it shares."""
    for unit, model, found in _units(ctx):
        module = unit.module
        for use in found:
            if use.kind != "resource" or module is None:
                continue
            node = module.evaluate(use.resource.block.attr("workspace_folder"))
            if node is None or not isinstance(node.value, str) or not node.value.startswith("/"):
                continue  # absent, relative, `~/...` or unknown: no finding
            container = _container(model, use)
            if container is None:
                continue
            access = model.access(container)
            if not access.outside:
                continue
            on, mount = docker_access.folder_on_daemon(access, node.value)
            if on is not False:
                continue
            folder = posixpath.normpath(node.value)
            if access.method == "remote":
                where = "a remote Docker host"
            elif access.method == "host-socket":
                where = "the Docker host"
            else:
                where = f"`{access.daemon.display_name}`" if access.daemon is not None else "the dind sidecar"
            related = [Related(access.evidence, f"the daemon is reached here: {access.reason}")] if access.evidence else []
            if mount is not None:
                related.append(Related(mount.span, f"`{folder}` is on this mount of `{container.display_name}` only"))
            yield Hit(node.where, f"`{folder}` is not at the same path on {where}, where dockerd resolves the bind mount",
                      subject=use.subject, attribute="workspace_folder", owner=use.owner, related=tuple(related))


CHECKS = {
    "TDL601": devcontainer_without_docker,
    "TDL602": devcontainer_unsupported_os,
    "TDL603": devcontainer_integration_disabled,
    "TDL604": devcontainer_provider_too_old,
    "TDL605": devcontainer_folder_not_on_daemon,
}

PROJECT_SCOPED: frozenset[str] = frozenset()
