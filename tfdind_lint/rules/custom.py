"""Generic, parameterised checks that custom policies bind to their own ids (policy as code).

A team's policy file names one of these in ``check:`` and gives its
``parameters`` (schemas/policy.schema.json describes each set); the linter runs
it like a built-in check.  Every check reads the workload model, so one policy
covers ``docker_container``, the Kubernetes Terraform resources and YAML
manifests.  Unknown values (a variable without a default) give no finding.
"""

from __future__ import annotations

import fnmatch
import posixpath

from ..context import Context
from ..finding import Hit, Related
from ..model import roles
from ..node import Node
from ..workload import Container, Workload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

_GLOB = set("*?[")


def _image_forms(container: Container, implied: bool = True) -> tuple[str, ...]:
    """The spellings an image pattern is matched against: as written, without Docker Hub's prefix,
    and (``implied``) with the ``:latest`` tag Docker pulls when there is no tag or digest."""
    written = container.image.value.strip()
    forms = [written, roles.image_name(container)]
    last = written.rsplit("/", 1)[-1]
    if implied and "@" not in written and ":" not in last:
        forms += [f"{form}:latest" for form in forms]
    return tuple(dict.fromkeys(forms))


def _matching(forms: tuple[str, ...], patterns) -> str | None:
    """The first pattern that one of the image's spellings matches."""
    for pattern in patterns:
        if any(fnmatch.fnmatchcase(form, pattern) for form in forms):
            return pattern
    return None


def _known_image(container: Container) -> bool:
    return container.image is not None and isinstance(container.image.value, str) and bool(container.image.value.strip())


def _attribute(container: Container, canonical: str) -> str:
    """The attribute path of a container setting, for baselines: ``container[dind].image``."""
    workload = container.workload
    if workload.kind == "docker_container":
        return workload.spell(canonical)
    where = workload.spell("init_containers" if container.init else "containers")
    return f"{where}[{container.display_name}].{workload.spell(canonical)}"


def image_pattern(ctx: Context, *, forbid=(), require=(), containers=(), hint="") -> Iterator[Hit]:
    """Images that match a forbidden pattern, or match none of the required ones."""
    for workload in ctx.workloads:
        for container in workload.all_containers():
            if not _known_image(container):
                continue
            if containers and not any(fnmatch.fnmatchcase(container.display_name, p) for p in containers):
                continue
            image = container.image.value.strip()
            forms = _image_forms(container)
            pattern = _matching(forms, forbid)
            if pattern is not None:
                implied = "" if _matching(_image_forms(container, implied=False), (pattern,)) else " (no tag means `:latest`)"
                message = f"The image `{image}`{implied} matches the forbidden pattern `{pattern}`: use another image"
            elif require and _matching(forms, require) is None:
                message = f"The image `{image}` matches none of the allowed patterns ({_listed(require)}): use an image from there"
            else:
                continue
            yield Hit(container.image.where, message, subject=workload.address,
                      attribute=_attribute(container, "image"), hint=hint, owner=workload.owner)


def forbidden_host_path(ctx: Context, *, paths=(), hint="") -> Iterator[Hit]:
    """Host paths mounted into a workload: Docker bind mounts and Kubernetes hostPath volumes."""
    for workload in ctx.workloads:
        for volume in _host_volumes(workload):
            source = volume.source
            if source is None or not isinstance(source.value, str) or not source.value.startswith("/"):
                continue
            message = _host_path_problem(posixpath.normpath(source.value), paths)
            if message is None:
                continue
            attribute = f"{workload.spell('volumes')}[{volume.name}].{workload.spell('host_path')}" if volume.name else source.name or ""
            yield Hit(source.where, message, subject=workload.address, attribute=attribute, hint=hint, owner=workload.owner)


def _host_volumes(workload: Workload):
    """Each host-backed volume of a workload once: declared pod volumes and the volumes behind mounts."""
    seen: dict[int, object] = {}
    for volume in workload.volumes.values():
        seen.setdefault(id(volume), volume)
    for container in workload.all_containers():
        for mount in container.mounts:
            if mount.volume is not None:
                seen.setdefault(id(mount.volume), mount.volume)
    return [v for v in seen.values() if v.kind in ("host_path", "bind")]


def _host_path_problem(path: str, patterns) -> str | None:
    for pattern in patterns:
        if _GLOB & set(pattern):
            if fnmatch.fnmatchcase(path, pattern.rstrip("/") or "/"):
                return f"The host path `{path}` matches `{pattern}`, which must not be mounted: remove the mount"
            continue
        forbidden = posixpath.normpath(pattern)
        if path == forbidden:
            return f"The host path `{path}` must not be mounted: remove the mount"
        if path.startswith(forbidden.rstrip("/") + "/"):
            return f"The host path `{path}` is inside `{forbidden}`, which must not be mounted: remove the mount"
        if forbidden.startswith(path.rstrip("/") + "/"):
            return (f"The host directory `{path}` contains `{forbidden}`, which must not be mounted: "
                    "mount a narrower path, or none")
    return None


def env_from_secret(ctx: Context, *, names=(), hint="") -> Iterator[Hit]:
    """Environment variables whose value is written in the template (or a ConfigMap) instead of a Secret."""
    for workload in ctx.workloads:
        for container in workload.all_containers():
            for env in container.env:
                if env.name is None or not any(fnmatch.fnmatchcase(env.name, p) for p in names):
                    continue
                attribute = f"{_attribute(container, 'env')}[{env.name}]"
                if env.value_from is not None:
                    config_map = _child(env.value_from, "config_map_key_ref", "configMapKeyRef")
                    if config_map is not None:
                        yield Hit(config_map, f"`{env.name}` comes from a ConfigMap, which is not meant for secrets: "
                                              f"use {_secret_ref(workload)}",
                                  subject=workload.address, attribute=attribute, hint=hint, owner=workload.owner)
                    continue
                value = env.value
                if value is None or not isinstance(value.value, (str, int, float, bool)) or value.value == "":
                    continue  # unknown (a variable without default, a resource attribute) or empty: not a literal secret
                if workload.kind == "docker_container":
                    advice = "pass it in through a sensitive variable without a default, or read it from a secret store"
                else:
                    advice = f"use {_secret_ref(workload)}"
                yield Hit(value.where, f"`{env.name}` is set to a literal value in the template: {advice}",
                          subject=workload.address, attribute=attribute, hint=hint, owner=workload.owner)


def _child(source, terraform_name: str, api_name: str):
    """The span of a ``value_from`` child block / key, or None."""
    if isinstance(source, Node):
        child = source.value.get(api_name) if isinstance(source.value, dict) else None
        return child.where if child is not None else None
    block = source.block(terraform_name)
    return block.head if block is not None else None


def _secret_ref(workload: Workload) -> str:
    return "`valueFrom.secretKeyRef`" if workload.api_names else "`value_from { secret_key_ref { ... } }`"


def forbidden_capability(ctx: Context, *, capabilities=(), hint="") -> Iterator[Hit]:
    """Linux capabilities added to a container that the policy forbids (``ALL`` adds every one)."""
    forbidden = {_capability(c) for c in capabilities}
    for workload in ctx.workloads:
        for container in workload.all_containers():
            added = container.capabilities_add
            if added is None or not isinstance(added.value, list):
                continue
            for item in added.value:
                if not isinstance(item.value, str):
                    continue
                name = _capability(item.value)
                if name in forbidden:
                    message = f"`{container.display_name}` adds the capability `{item.value}`, which must not be added: drop it"
                elif name == "ALL":
                    message = (f"`{container.display_name}` adds `{item.value}` capabilities, including "
                               f"{', '.join(sorted(forbidden))}: add only the ones it needs")
                else:
                    continue
                yield Hit(item.span, message, subject=workload.address,
                          attribute=f"{_attribute(container, 'capabilities')}.{workload.spell('add')}",
                          hint=hint, owner=workload.owner)


def _capability(name: str) -> str:
    name = name.strip().upper()
    return name[4:] if name.startswith("CAP_") else name


def required_runtime(ctx: Context, *, images=(), runtimes=(), hint="") -> Iterator[Hit]:
    """Workloads running an image that needs a runtime (``docker:*dind*`` needs ``sysbox-runc``) without it."""
    for workload in ctx.workloads:
        container = next((c for c in workload.all_containers()
                          if _known_image(c) and _matching(_image_forms(c), images) is not None), None)
        if container is None:
            continue
        runtime = workload.runtime
        if runtime is not None and not isinstance(runtime.value, str):
            continue  # unknown is not bad
        if runtime is not None and runtime.value in runtimes:
            continue
        expected = workload.spell("runtime_class_name", runtimes[0])
        image = container.image.value.strip()
        if runtime is not None:
            span = runtime.where
            message = f"`{container.display_name}` runs `{image}`, which needs the runtime {_listed(runtimes)}, not `{runtime.value}`: set `{expected}`"
        else:
            span = workload.span if workload.kind == "docker_container" else workload.spec_span
            message = f"`{container.display_name}` runs `{image}`, which needs the runtime {_listed(runtimes)}: set `{expected}`"
        related = () if container.image.where == span else (Related(container.image.where, "the image that needs it"),)
        yield Hit(span, message, subject=workload.address, attribute=workload.spell("runtime_class_name"),
                  related=related, hint=hint, owner=workload.owner)


def _listed(values) -> str:
    return ", ".join(f"`{v}`" for v in values)


#: check name (a custom policy's ``check:``) -> function
GENERIC = {
    "image-pattern": image_pattern,
    "forbidden-host-path": forbidden_host_path,
    "env-from-secret": env_from_secret,
    "forbidden-capability": forbidden_capability,
    "required-runtime": required_runtime,
}
