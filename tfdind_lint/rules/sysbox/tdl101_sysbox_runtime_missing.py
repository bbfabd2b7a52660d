"""TDL101 sysbox-runtime-missing: A workspace meant for Sysbox (starts Docker or systemd, userns annotation...)
without the sysbox-runc runtime."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...model import roles, scripts
from ...model.scripts import agent_startup_scripts
from ...node import Span, Unknown
from ...workload import Workload
from .helpers import USERNS_ANNOTATION

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def sysbox_intent(workload: Workload) -> tuple[Span, str] | None:
    """Why a workload looks meant for Sysbox, with where that shows.

    A runtime naming Sysbox, the CRI-O user-namespace annotation, a Nestybox image, systemd as an
    unprivileged container's init, or an agent startup script that starts Docker.
    """
    runtime = workload.runtime
    if runtime is not None and isinstance(runtime.value, str) and "sysbox" in runtime.value:
        return runtime.where, f"the runtime names Sysbox (`{runtime.value}`)"
    annotation = workload.annotation(USERNS_ANNOTATION)
    if annotation is not None:
        return annotation.where, f"the `{USERNS_ANNOTATION}` annotation is set"
    for container in workload.containers:
        if roles.image_matches(container, roles.SYSBOX_IMAGES):
            return container.image.where, f"the image `{container.image.value}` is a Nestybox system-container image"
    for container in workload.containers:
        if roles.is_privileged(container) or roles.is_envbox(container):
            continue
        node = roles.execs_systemd(container)
        if node is not None:
            return node.where, "the container starts systemd as its init"
        if not roles.runs_agent_script(container):
            continue
        for script in agent_startup_scripts(workload, container):
            found = scripts.search(script, scripts.STARTS_DOCKER)
            if found is not None:
                return found[0], "the agent's startup script starts Docker"
    return None


def check(ctx: Context, *, runtimes, docker_default_runtime_is_sysbox, envbox_images) -> Iterator[Hit]:
    """TDL101: Sysbox intent on a workspace resource without the sysbox-runc runtime."""
    for workload in ctx.workloads:
        runtime = workload.runtime
        if runtime is not None and (isinstance(runtime.value, Unknown) or not runtime.known):
            continue  # unknown is not bad
        if runtime is not None and runtime.value in runtimes:
            continue
        if any(roles.is_privileged(c) or roles.is_envbox(c, envbox_images) for c in workload.containers):
            continue  # privileged and envbox workspaces are the 2xx / 4xx rules' business
        intent = sysbox_intent(workload)
        if intent is None:
            continue
        evidence, reason = intent
        docker = workload.kind == "docker_container"
        expected = workload.spell("runtime_class_name", runtimes[0])
        if runtime is not None:
            span = runtime.where
            message = f"`{runtime.value}` is not the Sysbox runtime, yet {reason}"
            hint = f"set `{expected}`"
        else:
            if docker and docker_default_runtime_is_sysbox:
                continue
            span = workload.span if docker else workload.spec_span
            where = "container" if docker else "pod"
            message = f"No `{expected}` on this {where}, yet {reason}"
            hint = f"set `{expected}`: under the default runc runtime Docker and systemd cannot start without privileges"
        related = () if evidence == span else (Related(evidence, "Sysbox is intended here"),)
        yield Hit(span, message, subject=workload.address, attribute=workload.spell("runtime_class_name"),
                  related=related, owner=workload.owner, hint=hint)
