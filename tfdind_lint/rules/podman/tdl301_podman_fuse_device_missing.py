"""TDL301 podman-fuse-device-missing: A rootless Podman workspace without a FUSE device, or an extended resource
Kubernetes rejects."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...model.roles import pod_workloads
from ...node import Block
from ...workload import Container, Workload, truthy
from .helpers import is_extended, podman_evidence, podman_hit, quantity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

CRIO_DEVICES = "io.kubernetes.cri-o.Devices"


def _spell_limits(workload: Workload, resource: str) -> str:
    if workload.api_names:
        return f"limits: {{{resource}: 1}}"
    return f'limits = {{ "{resource}" = 1 }}'


def check(ctx: Context, *, podman_images, fuse_resources) -> Iterator[Hit]:
    """TDL301: a Podman workspace without a FUSE device, and extended resources Kubernetes rejects."""
    for workload in pod_workloads(ctx):  # the Docker provider has no extended resources
        for container in workload.all_containers():
            yield from _extended_resources(ctx, container)
        for container in workload.containers:
            yield from _fuse_missing(workload, container, podman_images, fuse_resources)


def _fuse_missing(workload: Workload, container: Container, images, fuse_resources) -> Iterator[Hit]:
    evidence = podman_evidence(container, images)
    if evidence is None:
        return
    privileged = container.privileged
    if privileged is not None and (truthy(privileged) or not privileged.known):
        return  # a privileged container sees /dev/fuse; an unknown value is not bad
    devices = workload.annotation(CRIO_DEVICES)
    if workload.annotations_open or (devices is not None and "/dev/fuse" in str(devices.value)):
        return  # CRI-O adds the device itself
    limits, requests = container.limits, container.requests
    for node in (limits, requests):
        if node is not None and not isinstance(node.value, dict):
            return  # not knowable
    if any(name in fuse_resources for name in (limits.value if limits is not None else {})):
        return
    if any(name in fuse_resources for name in (requests.value if requests is not None else {})):
        return  # requests-only: the extended-resource check below reports it
    span = limits.where if limits is not None else container.span
    related = (Related(evidence, "rootless Podman runs here"),) if evidence != span else ()
    yield podman_hit(container, span,
               f"Podman workspace container `{container.display_name}` has no FUSE device in its resource limits",
               f"{workload.spell('resources')}.{workload.spell('limits')}", related=related,
               hint=f"add `{_spell_limits(workload, fuse_resources[0])}` (the name your FUSE device plugin "
                    "advertises): rootless Podman stores images with fuse-overlayfs, which needs /dev/fuse")


def _extended_resources(ctx: Context, container: Container) -> Iterator[Hit]:
    workload = container.workload
    limits = container.limits.value if container.limits is not None else {}
    requests = container.requests.value if container.requests is not None else {}
    if not isinstance(limits, dict) or not isinstance(requests, dict):
        return
    wrong: set[str] = set()
    for section, entries in ((workload.spell("limits"), limits), (workload.spell("requests"), requests)):
        for name, node in entries.items():
            value = quantity(node.value)
            if not is_extended(name) or not node.known or (value is not None and value == value.to_integral_value()):
                continue
            wrong.add(name)
            yield podman_hit(container, node.where,
                       f"`{name}` = `{node.value}` in `{section}` is not a whole number, so Kubernetes rejects the pod",
                       f"resources.{section}", hint="use an integer: extended resources are counted in whole devices")
    for name, node in requests.items():
        if not is_extended(name) or name in wrong:
            continue
        if name not in limits:
            yield podman_hit(container, node.where,
                       f"Extended resource `{name}` is only in `{workload.spell('requests')}`, so Kubernetes rejects "
                       "the pod", "resources.requests",
                       hint=f"move it to `{workload.spell('limits')}`: Kubernetes takes extended resources from "
                            "limits (requests may only repeat the limit)", fix=_fix(ctx, container, name, node))
        elif node.known and limits[name].known and quantity(node.value) != quantity(limits[name].value):
            yield podman_hit(container, node.where,
                       f"Extended resource `{name}` requests `{node.value}` but its limit is `{limits[name].value}`, "
                       "so Kubernetes rejects the pod", "resources.requests",
                       related=(Related(limits[name].where, "the limit"),),
                       hint="make them equal or drop the request: extended resources cannot be overcommitted")


def _fix(ctx, container, name: str, node) -> Fix | None:
    """An extended resource only in ``requests``: copy it into ``limits`` (the existing map, or, in Terraform, a new
    ``limits`` map in the ``resources`` block)."""
    text = edits.source(ctx, node.span.path)
    if text is None or node.span.line != node.span.end_line:
        return None
    written = text.text[slice(*text.range(node.span))]
    terraform = node.span.path.endswith(".tf")
    entry = f'"{name}" = {written}' if terraform else f"{name}: {written}"
    limits = container.limits
    if limits is not None:
        edit = edits.add_entry(text, limits, entry)
    elif terraform and isinstance(container.source, Block) and container.source.block("resources") is not None:
        edit = edits.insert_attribute(text, container.source.block("resources"), f"limits = {{\n  {entry}\n}}")
    else:
        edit = None
    return safe(f"Copy `{name}` into limits", edit) if edit is not None else None
