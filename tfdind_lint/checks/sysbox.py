"""1xx: Sysbox as the container runtime on the nodes / Docker host (RULES.md group 1xx)."""

from __future__ import annotations

import re
from typing import Iterator

from .. import rule_fixes as fixes
from ..context import Context
from ..finding import Hit, Related, Severity
from ..node import Node, Span, Unknown
from ..workload import Container, Mount, Workload, falsy, truthy
from . import roles, scripts
from .scripts import agent_startup_scripts

USERNS_ANNOTATION = "io.kubernetes.cri-o.userns-mode"
#: Sysbox needs a full 16-bit ID range in the pod's user namespace (SYSBOX-K8S: ``auto:size=65536``).
USERNS_SIZE = 65536
DOCKER_STATE = "/var/lib/docker"


def sysbox_intent(workload: Workload) -> tuple[Span, str] | None:
    """Why a workload looks meant for Sysbox (RULES.md "Sysbox intent"), with where that shows."""
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


def sysbox_runtime_missing(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES, docker_default_runtime_is_sysbox=False,
                           envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
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


def _sysbox_workloads(ctx: Context, runtimes) -> Iterator[Workload]:
    """Workloads that run under a Sysbox runtime / RuntimeClass."""
    for workload in ctx.workloads:
        if roles.uses_runtime(workload, runtimes):
            yield workload


def _runtime_related(workload: Workload) -> Related:
    return Related(workload.runtime.where, f"the Sysbox runtime is chosen here (`{workload.runtime.value}`)")


def _annotation_text(workload: Workload) -> str:
    if workload.origin == "kubernetes":
        return f'{USERNS_ANNOTATION}: "auto:size={USERNS_SIZE}"'
    return f'"{USERNS_ANNOTATION}" = "auto:size={USERNS_SIZE}"'


def sysbox_userns_missing(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL102: a Sysbox pod without a user namespace (CRI-O userns annotation, or ``hostUsers: false``)."""
    for workload in _sysbox_workloads(ctx, runtimes):
        if workload.kind == "docker_container":
            continue  # Sysbox on Docker sets up the user namespace itself
        host_users = workload.host_users
        if host_users is not None and (falsy(host_users) or not host_users.known):
            continue  # hostUsers: false gives the pod its user namespace (K8s >= 1.30, containerd >= 2.0.5)
        annotation = workload.annotation(USERNS_ANNOTATION)
        if annotation is not None:
            yield from _userns_value(workload, annotation)
            continue
        if workload.annotations_open:
            continue  # a merge() / variable the tool cannot read may carry it
        pod = "pod" if workload.kind in ("Pod", "kubernetes_pod", "kubernetes_pod_v1") else "pod template"
        misplaced = _object_annotation(workload)
        if misplaced is not None:
            yield Hit(misplaced.where,
                      f"The `{USERNS_ANNOTATION}` annotation is on `{workload.address}`, not on its pod template",
                      hint="move it to the pod template's metadata annotations: Kubernetes copies only the template's "
                           "metadata to the pods, so they run without a user namespace",
                      subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                      related=(_runtime_related(workload),), owner=workload.owner)
            continue
        runtime = workload.runtime
        also = " (or `hostUsers: false` on Kubernetes >= 1.30 with containerd >= 2.0.5)" if workload.api_names else ""
        related = ()
        if workload.annotations is not None:
            related = (Related(workload.annotations.where, f"the {pod}'s annotations, without the userns annotation"),)
        yield Hit(runtime.where,
                  f"A Sysbox {pod} without the `{USERNS_ANNOTATION}` annotation: it fails to start with no user namespace",
                  hint=f"add `{_annotation_text(workload)}` to the {pod}'s metadata annotations{also} (the error: "
                       "`mounting \"sysfs\" ... operation not permitted`)",
                  subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                  related=related, owner=workload.owner, fix=fixes.tdl102(ctx, workload, _annotation_text(workload)))


def _object_annotation(workload: Workload) -> Node | None:
    """The userns annotation on a workload's own metadata when its pods come from a template."""
    own = workload.object_annotations
    if own is None or own is workload.annotations or not isinstance(own.value, dict):
        return None
    return own.value.get(USERNS_ANNOTATION)


def _userns_value(workload: Workload, annotation: Node) -> Iterator[Hit]:
    """The annotation's value must ask CRI-O for an automatic user namespace of at least 65536 IDs."""
    value = annotation.value
    if not isinstance(value, str):
        return  # unknown is not bad
    mode = value.strip()
    fix = f"use `auto:size={USERNS_SIZE}`"
    common = dict(subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                  related=(_runtime_related(workload),), owner=workload.owner)
    if not mode.startswith("auto"):
        yield Hit(annotation.where, f"`{USERNS_ANNOTATION}` is `{mode}`: the Sysbox pod gets no user namespace and "
                  "fails to start", hint=fix, **common)
        return
    size = re.search(r"(?:^auto:|[,;])size=(\d+)", mode)
    if size is None:
        yield Hit(annotation.where, f"`{mode}` lets CRI-O size the user namespace from the image, maybe below the "
                  f"{USERNS_SIZE} IDs Sysbox expects", hint=fix, severity=Severity.NOTE, **common)
    elif int(size.group(1)) < USERNS_SIZE:
        yield Hit(annotation.where, f"`size={size.group(1)}` gives the pod fewer user IDs than the {USERNS_SIZE} Sysbox "
                  "expects", hint=fix, severity=Severity.NOTE, **common)


def sysbox_privileged_conflict(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES,
                               envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL103: a privileged container on the Sysbox runtime."""
    for workload in _sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if not roles.is_privileged(container) or roles.is_envbox(container, envbox_images):
                continue  # envbox on Sysbox is TDL106's finding
            yield Hit(container.privileged.where,
                      f"`{container.display_name}` is privileged on the Sysbox runtime, which does not support it",
                      hint=f"remove `{workload.spell('privileged', True)}`: under Sysbox, Docker and systemd run "
                           "without it (privileged would break container-to-host isolation)",
                      subject=workload.address, attribute=roles.container_attribute(container, "privileged"),
                      related=(_runtime_related(workload),), owner=workload.owner)


#: Docker attribute -> the namespace it shares with the host when set to "host"
_DOCKER_HOST_MODES = {"network_mode": "network", "pid_mode": "PID", "userns_mode": "user", "ipc_mode": "IPC"}
_POD_HOST_FLAGS = {"host_network": "network", "host_pid": "PID", "host_ipc": "IPC"}


def sysbox_host_namespace_conflict(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL104: host namespaces on the Sysbox runtime (the IPC namespace: warning)."""
    for workload in _sysbox_workloads(ctx, runtimes):
        docker = workload.kind == "docker_container"
        for name, namespace in (_DOCKER_HOST_MODES if docker else _POD_HOST_FLAGS).items():
            node = getattr(workload, name)
            if not (node is not None and node.value == "host" if docker else truthy(node)):
                continue
            key = name if docker else workload.spell(name)
            written = f'{key} = "host"' if docker else workload.spell(name, True)
            yield Hit(node.where,
                      f"`{written}` shares the host's {namespace} namespace, which Sysbox does not support",
                      hint=f"remove `{key}`: system containers always get their own namespaces",
                      subject=workload.address, attribute=key,
                      related=(_runtime_related(workload),), owner=workload.owner,
                      severity=Severity.WARNING if namespace == "IPC" else None)


def sysbox_host_docker_state_mount(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES,
                                   envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL105: the host's /var/lib/docker in a Sysbox container, or one Docker state directory for several."""
    seen: dict[tuple, tuple[Container, Mount]] = {}
    for workload in _sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if roles.is_envbox(container, envbox_images):
                continue  # envbox's data directories are TDL205's
            for mount in container.mounts:
                hit = _docker_state_hit(workload, container, mount, seen)
                if hit is not None:
                    yield hit


def _docker_state_hit(workload: Workload, container: Container, mount: Mount, seen: dict) -> Hit | None:
    volume = mount.volume
    if volume is None or volume.source is None:
        return None
    # baselines match on the attribute: the volume's source (a pod-level volume in Kubernetes), or the mount path
    docker = workload.kind == "docker_container"
    source_key = volume.source.name or "source"
    common = dict(subject=workload.address, owner=workload.owner,
                  attribute=roles.attribute_path(container, source_key) if docker else f"volume[{volume.name}].{source_key}")
    target = roles.normal_path(mount.path)
    if volume.kind in ("bind", "host_path") and roles.normal_path(volume.source) == DOCKER_STATE:
        related = () if mount.path is None or mount.path.where == volume.source.where else (
            Related(mount.path.where, f"mounted at `{mount.path.value}` of `{container.display_name}`"),)
        return Hit(volume.source.where,
                   f"The host's `{DOCKER_STATE}` is mounted into a Sysbox container, which can then change the host's Docker",
                   hint=f"give the container its own volume for `{DOCKER_STATE}` (one per workspace)",
                   related=related, **common)
    if target != DOCKER_STATE:
        return None
    source, origin = _static_source(workload, volume.source)
    sub_path = mount.sub_path.value if mount.sub_path is not None else None
    if source is not None and _is_template(workload) and (sub_path is None or isinstance(sub_path, str)):
        what = "host directory" if volume.kind in ("bind", "host_path") else "volume"
        related = (Related(origin.where, f"the name is always `{source}`"),) if origin is not volume.source else ()
        return Hit(volume.source.where,
                   f"`{container.display_name}` keeps `{DOCKER_STATE}` on the {what} `{source}`, shared by all workspaces",
                   hint="derive the name from the workspace id (`data.coder_workspace.me.id`): the inner Docker daemon "
                        "allows only one system container per state directory", related=related, **common)
    identity = _identity(volume, sub_path)
    if identity is None:
        return None
    first = seen.setdefault(identity, (container, mount))
    if first[0] is container:
        return None
    other, other_mount = first
    this, that = container.display_name, other.display_name
    if this == that:  # two pods' containers of one name: say whose
        this, that = f"{this}` of `{workload.address}", f"{that}` of `{other.workload.address}"
    common["attribute"] = roles.attribute_path(container, mount.path.name or "mount_path")
    return Hit(mount.path.where,
               f"`{this}` mounts the same volume at `{DOCKER_STATE}` as `{that}`",
               hint=f"give each container its own volume (or {workload.spell('sub_path')}): the inner Docker daemon "
                    "allows only one system container per state directory",
               related=(Related(other_mount.path.where, f"`{that}` mounts it here"),), **common)


def _is_template(workload: Workload) -> bool:
    """A Coder template: every workspace created from it gets its own copy of these resources."""
    module = workload.module
    return module is not None and bool(module.resources_of("coder_agent") or module.data_sources_of("coder_workspace"))


def _static_source(workload: Workload, source: Node) -> tuple[str | None, Node]:
    """A volume name / host path that is a literal, directly or through the resource it names; with where it is written."""
    if isinstance(source.value, str):
        return source.value, source
    module = workload.module
    value = source.value
    if module is None or not isinstance(value, Unknown) or len(value.references) != 1 or value.parts:
        return None, source
    configured = module.configured(value.references[0])
    if configured is not None and isinstance(configured.value, str):
        return configured.value, configured
    return None, source


def _identity(volume, sub_path) -> tuple | None:
    """What makes two mounts the same storage: the kind and the literal (or identically written) source, and sub_path."""
    if volume.kind == "empty_dir" or not (sub_path is None or isinstance(sub_path, str)):
        return None
    value = volume.source.value
    if isinstance(value, str):
        return (volume.kind, value, sub_path)
    if isinstance(value, Unknown) and len(value.references) == 1 and not value.parts:
        return (volume.kind, value.references[0].text, sub_path)  # the same resource attribute
    return None


def sysbox_nesting(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL106: envbox (Sysbox in a container) scheduled on the Sysbox runtime."""
    for workload in _sysbox_workloads(ctx, runtimes):
        for container in workload.all_containers():
            if not roles.is_envbox(container, envbox_images):
                continue
            evidence = container.image if roles.image_matches(container, envbox_images) else container.argv()[0]
            runtime = workload.runtime
            yield Hit(runtime.where,
                      f"`{container.display_name}` runs envbox on the Sysbox runtime: Sysbox cannot run inside Sysbox",
                      hint=f"pick one method: remove `{workload.spell('runtime_class_name', runtime.value)}` "
                           "(envbox), or run the workspace image directly under Sysbox",
                      subject=workload.address, attribute=workload.spell("runtime_class_name"),
                      related=(Related(evidence.where, "envbox runs here"),), owner=workload.owner)
            break


def sysbox_userns_crio_only(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL107 (opt-in): a Terraform Sysbox pod whose user namespace rests on the CRI-O annotation alone."""
    for workload in _sysbox_workloads(ctx, runtimes):
        if workload.origin != "terraform" or workload.kind == "docker_container" or falsy(workload.host_users):
            continue
        annotation = workload.annotation(USERNS_ANNOTATION)
        if annotation is None:
            continue
        if workload.api_names:
            fix = "add `hostUsers = false` to the manifest's pod spec"
        else:
            fix = (f"`{workload.kind}` cannot set `hostUsers` (hashicorp/kubernetes #2818): define the pod with "
                   "`kubernetes_manifest` and `hostUsers = false`")
        yield Hit(annotation.where,
                  f"The pod's user namespace rests on `{USERNS_ANNOTATION}`, which only CRI-O honours",
                  hint=f"{fix}: on containerd >= 2.0.5 nodes (Sysbox 0.7 no longer installs CRI-O) Sysbox needs "
                       "`hostUsers: false`",
                  subject=workload.address, attribute=f"metadata.annotations.{USERNS_ANNOTATION}",
                  related=(_runtime_related(workload),), owner=workload.owner)


CHECKS = {
    "TDL101": sysbox_runtime_missing,
    "TDL102": sysbox_userns_missing,
    "TDL103": sysbox_privileged_conflict,
    "TDL104": sysbox_host_namespace_conflict,
    "TDL105": sysbox_host_docker_state_mount,
    "TDL106": sysbox_nesting,
    "TDL107": sysbox_userns_crio_only,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
