"""2xx: Envbox, a privileged outer container running Sysbox inside (RULES.md group 2xx).

envbox is configured through the environment of its outer container
(ENVBOX-README, ENVBOX-CLI ``cli/docker.go``); ``envbox_flags.py`` reads those
values the way envbox's Go code does.
"""

from __future__ import annotations

import posixpath
from typing import Iterator

from .. import rule_fixes as fixes
from ..context import Context
from ..expression import Traversal, template_string
from ..finding import Hit, Related, Severity
from ..node import Block, Node, Span, Unknown
from ..workload import Container, Env, Mount, Workload, truthy
from . import roles
from .envbox_flags import MountsError, parse_bool, parse_int, parse_mounts

REQUIRED_ENV = ("CODER_INNER_IMAGE", "CODER_INNER_USERNAME", "CODER_AGENT_TOKEN")
#: Optional for envbox, but without them no agent starts / no start-up logs reach Coder (note level).
EXPECTED_ENV = ("CODER_BOOTSTRAP_SCRIPT", "CODER_AGENT_URL")
#: Where envbox keeps state (ENVBOX-README run examples, ENVBOX-CLI envboxPrivateMounts and defaultMounts).
REQUIRED_MOUNTS = ("/var/lib/coder/docker", "/var/lib/coder/containers", "/var/lib/sysbox", "/var/lib/containers",
                   "/var/lib/docker", "/usr/src", "/lib/modules")
#: Paths that must each have their own storage: two Docker data roots, two container stores, the home directory.
DATA_PATHS = ("/var/lib/docker", "/var/lib/coder/docker", "/var/lib/containers", "/var/lib/coder/containers", "/home/coder")
#: Docker refuses a memory limit below 6 MiB (moby: "Minimum memory limit allowed is 6MB"); 0 means unlimited.
MIN_MEMORY = 6 * 1024 * 1024
PULL_SECRET_KEY = ".dockerconfigjson"


def _envbox(ctx: Context, images) -> Iterator[tuple[Workload, Container]]:
    for workload in ctx.workloads:
        for container in workload.containers:
            if roles.is_envbox(container, images):
                yield workload, container


def _text(node: Node | None, workload: Workload) -> str | None:
    """A known env value as envbox sees it (Terraform renders numbers and bools as strings)."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, str):
        return value
    if workload.origin == "terraform" and isinstance(value, (bool, int, float)):
        return template_string(value)
    return None


def _normal(path: str) -> str:
    """``/home/coder/`` and ``/home/coder`` are the same mount point."""
    return posixpath.normpath(path) if path else path


def _mount_paths(container: Container) -> dict[str, Mount] | None:
    """Normalised mount path -> mount; None when a mount path cannot be known (unknown value, dynamic block)."""
    if container.mounts_open:
        return None
    paths: dict[str, Mount] = {}
    for mount in container.mounts:
        if mount.path is None or not isinstance(mount.path.value, str):
            return None
        paths.setdefault(_normal(mount.path.value), mount)
    return paths


def _attribute(container: Container, *parts: str) -> str:
    if container.workload.kind == "docker_container":
        return ".".join(parts)
    return ".".join((f"container[{container.display_name}]",) + parts)


def _hit(container: Container, span: Span, message: str, *attribute: str, **extra) -> Hit:
    workload = container.workload
    return Hit(span, message, subject=workload.address, attribute=_attribute(container, *attribute),
               owner=workload.owner, **extra)


# ----------------------------------------------------------------------------------------------
# TDL201
# ----------------------------------------------------------------------------------------------


def envbox_outer_not_privileged(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL201: an envbox container that is not privileged."""
    for workload, container in _envbox(ctx, envbox_images):
        node = container.privileged
        if node is not None and (truthy(node) or not node.known):
            continue  # privileged, or unknown (not bad)
        if workload.kind == "docker_container":
            fix = "privileged = true"
        elif workload.api_names:
            fix = "securityContext: {privileged: true}"
        else:
            fix = "security_context { privileged = true }"
        reason = ("envbox runs dockerd and the Sysbox daemons in this outer container (the inner workspace "
                  "container stays unprivileged)")
        if node is not None:
            yield _hit(container, node.where, f"Envbox container `{container.display_name}` sets "
                       f"`{workload.spell('privileged', node.value)}`, and envbox cannot start unprivileged",
                       "privileged", hint=f"set `{fix}`: {reason}", fix=fixes.tdl201(ctx, container, node))
        else:
            yield _hit(container, container.span, f"Envbox container `{container.display_name}` is not privileged, "
                       "and envbox cannot start unprivileged", "privileged", hint=f"add `{fix}`: {reason}",
                       fix=fixes.tdl201(ctx, container, None))


# ----------------------------------------------------------------------------------------------
# TDL202
# ----------------------------------------------------------------------------------------------

#: The envbox flag each required variable feeds (ENVBOX-CLI "// Required flags.").
_FLAGS = {
    "CODER_INNER_IMAGE": "`--image`, the workspace image",
    "CODER_INNER_USERNAME": "`--username`, the user of the inner container",
    "CODER_AGENT_TOKEN": "`--agent-token`, handed to the agent in the inner container",
}
#: What goes missing without each expected variable, and what to set it to.
_WITHOUT = {
    "CODER_BOOTSTRAP_SCRIPT": ("no Coder agent starts in the inner container", "set it to the agent's `init_script`"),
    "CODER_AGENT_URL": ("envbox sends no start-up logs to Coder", "set it to `data.coder_workspace.me.access_url`"),
}


def _env_unseen(container: Container) -> bool:
    """More env may exist than the tool sees (env_from, a dynamic block, an unknown list or name)."""
    return container.env_open or any(env.name is None for env in container.env)


def envbox_required_env_missing(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL202: an envbox container without CODER_INNER_IMAGE, CODER_INNER_USERNAME or CODER_AGENT_TOKEN."""
    for workload, container in _envbox(ctx, envbox_images):
        name = container.display_name
        for variable in REQUIRED_ENV:
            env = container.env_named(variable)
            if env is not None and env.value_from is None and _text(env.value, workload) == "":
                yield _hit(container, env.value.where, f"`{variable}` is empty on envbox container `{name}`, which "
                           "envbox reads as unset", "env", variable,
                           hint=f"set it: envbox requires it ({_FLAGS[variable]})")
        unseen = _env_unseen(container)
        missing = [v for v in REQUIRED_ENV if container.env_named(v) is None]
        if missing and unseen and _env_from(container):
            listed = ", ".join(f"`{v}` ({_FLAGS[v]})" for v in missing)
            yield _hit(container, container.span, f"Envbox container `{name}` leaves variables envbox requires to "
                       f"`{workload.spell('env_from')}`", "env", severity=Severity.NOTE,
                       hint=f"make sure the ConfigMap or Secret provides {listed}")
        elif missing and not unseen:
            listed = ", ".join(f"`{v}` ({_FLAGS[v]})" for v in missing)
            names = ", ".join(f"`{v}`" for v in missing)
            yield _hit(container, container.span, f"Envbox container `{name}` has no {names}, so the workspace does "
                       "not start", "env", hint=f"add to its `env`: {listed}")
        for variable in EXPECTED_ENV:
            if container.env_named(variable) is None and not unseen:
                without, fix = _WITHOUT[variable]
                yield _hit(container, container.span, f"Envbox container `{name}` has no `{variable}`: {without}",
                           "env", variable, severity=Severity.NOTE, hint=fix)


def _env_from(container: Container) -> bool:
    """The container takes env from a ConfigMap / Secret (rather than from a list the tool cannot read)."""
    source = container.source
    if isinstance(source, Block):
        return source.has_block("env_from")
    return isinstance(source, Node) and source.get("envFrom") is not None


# ----------------------------------------------------------------------------------------------
# TDL203
# ----------------------------------------------------------------------------------------------


def _agents(env: Env | None, attribute: str) -> set[str] | None:
    """The agents whose ``attribute`` an env value references; None when the value is not a reference at all."""
    if env is None or env.value is None:
        return None
    value = env.value.value
    if not isinstance(value, Unknown):
        return set()  # a literal
    found = {r.parts[1] for r in value.references if r.parts[0] == "coder_agent" and r.attribute == (attribute,)}
    return found or None


def envbox_agent_wiring_mismatch(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL203: CODER_AGENT_TOKEN and CODER_BOOTSTRAP_SCRIPT of different agents, or a literal one."""
    for workload, container in _envbox(ctx, envbox_images):
        if workload.origin != "terraform":
            continue  # a manifest cannot reference a coder_agent
        token_env = container.env_named("CODER_AGENT_TOKEN")
        script_env = container.env_named("CODER_BOOTSTRAP_SCRIPT")
        token = _agents(token_env, "token")
        script = _agents(script_env, "init_script")
        for env, agents, attribute in ((token_env, token, "token"), (script_env, script, "init_script")):
            if agents == set() and _text(env.value, workload):
                yield _hit(container, env.value.where,
                           f"`{env.name}` of envbox container `{container.display_name}` is a literal string, not "
                           f"an agent's `{attribute}`", "env", env.name,
                           hint=f"use `coder_agent.<name>.{attribute}`: the agent in the inner container cannot "
                                "start with a literal")
        if token and script and not token & script:
            agent, other = sorted(script)[0], sorted(token)[0]
            yield _hit(container, script_env.value.where,
                       f"`CODER_BOOTSTRAP_SCRIPT` starts `coder_agent.{agent}` with `coder_agent.{other}`'s token",
                       "env", "CODER_BOOTSTRAP_SCRIPT",
                       hint="take both from the same agent: with another agent's token it never connects",
                       related=(Related(token_env.value.where, f"the token of `coder_agent.{other}`"),))


# ----------------------------------------------------------------------------------------------
# TDL204
# ----------------------------------------------------------------------------------------------


def envbox_required_mounts_missing(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL204: an envbox container without its state mounts, or CODER_MOUNTS sources off every volume."""
    for workload, container in _envbox(ctx, envbox_images):
        paths = _mount_paths(container)
        if paths is not None:
            missing = [p for p in REQUIRED_MOUNTS if p not in paths]
            if missing:
                listed = ", ".join(f"`{p}`" for p in missing)
                yield _hit(container, container.span,
                           f"Envbox container `{container.display_name}` lacks {len(missing)} of the mounts envbox needs",
                           _mounts_attribute(workload),
                           hint=f"mount {listed} as the kubernetes-envbox template does; envbox keeps its Docker, container "
                                "and Sysbox state there and needs the host's kernel headers and modules (`/usr/src`, "
                                "`/lib/modules`, read-only is fine)")
        yield from _coder_mounts(workload, container, paths)


def _coder_mounts(workload: Workload, container: Container, paths: dict[str, Mount] | None) -> Iterator[Hit]:
    env = container.env_named("CODER_MOUNTS")
    text = _text(env.value, workload) if env is not None else None
    if text is None:
        return
    try:
        entries = parse_mounts(text)
    except MountsError as error:
        yield _hit(container, env.value.where,
                   f"`CODER_MOUNTS` entry `{error.entry}` is not `source:target[:ro]`: envbox stops (\"malformed "
                   "mounts value\")", "env", "CODER_MOUNTS",
                   hint="write each entry as `source:target` or `source:target:ro`, separated by `,`")
        return
    if paths is None:
        return
    for entry in entries:
        source = _normal(entry.source)
        if any(source == p or source.startswith(p.rstrip("/") + "/") for p in paths):
            continue
        yield _hit(container, env.value.where,
                   f"`CODER_MOUNTS` source `{entry.source}` is on no volume of envbox container "
                   f"`{container.display_name}`", "env", "CODER_MOUNTS",
                   hint=f"mount a volume at `{entry.source}`: what the workspace writes to `{entry.target}` is lost "
                        "when the outer container restarts")


# ----------------------------------------------------------------------------------------------
# TDL205
# ----------------------------------------------------------------------------------------------


def _backing(mount: Mount, workload: Workload):
    """What stores a mount's files, as a comparable key; None when unknowable."""
    volume = mount.volume
    if volume is None:
        return None
    source = volume.source
    if volume.kind in ("docker_volume", "bind", "host_path", "persistent_volume_claim") and source is not None:
        if isinstance(source.value, str):
            return (volume.kind, source.value)
        if isinstance(source.value, Unknown):
            return (volume.kind, "".join(source.value.text.split()))  # the same expression names the same volume
        return None
    if workload.kind == "docker_container":
        return None  # an anonymous Docker volume is a fresh one per mount
    return ("volume", id(volume))


def _sub_path(mount: Mount):
    node = mount.sub_path
    if node is None:
        return ""
    if isinstance(node.value, str):
        return node.value.strip("/")
    return None


def _mount_span(mount: Mount, workload: Workload) -> Span:
    if mount.sub_path is not None:
        return mount.sub_path.where
    if workload.kind == "docker_container" and mount.volume is not None and mount.volume.source is not None:
        return mount.volume.source.where
    return mount.span


def envbox_shared_data_dirs(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL205: envbox data directories on the same storage, or a /var/lib/sysbox shared by every workspace."""
    for workload, container in _envbox(ctx, envbox_images):
        first: dict[tuple, Mount] = {}
        for mount in container.mounts:
            if mount.path is None or not isinstance(mount.path.value, str):
                continue
            path = _normal(mount.path.value)
            if path == "/var/lib/sysbox":
                yield from _static_sysbox(workload, container, mount)
            if path not in DATA_PATHS:
                continue
            backing, sub_path = _backing(mount, workload), _sub_path(mount)
            if backing is None or sub_path is None:
                continue
            earlier = first.setdefault((backing, sub_path), mount)
            if earlier is mount or _normal(earlier.path.value) == path:
                continue
            same = f"the same {_sub_path_name(workload)} `{sub_path}`" if sub_path else f"no {_sub_path_name(workload)}"
            yield _hit(container, _mount_span(mount, workload),
                       f"`{mount.path.value}` is on the same volume as `{earlier.path.value}` ({same})",
                       _mounts_attribute(workload),
                       hint=f"give each path its own volume or {_sub_path_name(workload)}: envbox's outer and inner "
                            "Docker daemons, their container stores and the home directory would write into the same "
                            "directory (Sysbox: a Docker data root must belong to one daemon only)",
                       related=(Related(_mount_span(earlier, workload), f"`{earlier.path.value}` uses the same volume"),))


def _sub_path_name(workload: Workload) -> str:
    return "`volume_options { subpath }`" if workload.kind == "docker_container" else f"`{workload.spell('sub_path')}`"


def _mounts_attribute(workload: Workload) -> str:
    return "volumes" if workload.kind == "docker_container" else workload.spell("volume_mounts")


def _static_sysbox(workload: Workload, container: Container, mount: Mount) -> Iterator[Hit]:
    volume = mount.volume
    if volume is None or volume.source is None:
        return
    source = volume.source
    related: tuple[Related, ...] = ()
    if volume.kind in ("bind", "host_path"):
        what = f"the host directory `{source.value}`" if isinstance(source.value, str) else None
    elif volume.kind == "docker_volume" or (volume.kind == "persistent_volume_claim" and workload.origin == "terraform"):
        name = _static_name(source, workload)
        if name is None:
            return
        value, declared = name
        what = f"the {'Docker volume' if volume.kind == 'docker_volume' else 'claim'} `{value}`"
        if declared is not None:
            related = (Related(declared.where, f"the volume is named `{value}` here"),)
    else:
        return
    if what is None:
        return
    yield _hit(container, source.where,
               f"`/var/lib/sysbox` is {what}, shared by every workspace of the template",
               _mounts_attribute(workload), related=related,
               hint="use an empty directory or a volume named after the workspace id: Sysbox does not allow its "
                    "state to be shared between workspaces")


def _static_name(source: Node, workload: Workload) -> tuple[str, Node | None] | None:
    """A literal volume name, or a ``docker_volume.x.name`` whose ``name`` is a literal (with where it is set)."""
    if isinstance(source.value, str):
        return source.value, None
    value = source.value
    if not (isinstance(value, Unknown) and isinstance(value.expr, Traversal) and value.expr.reference is not None):
        return None
    ref = value.expr.reference
    if ref.parts[0] != "docker_volume" or ref.attribute != ("name",) or workload.module is None:
        return None
    resource = workload.module.resource(ref.address)
    name = workload.module.evaluate(resource.block.attr("name")) if resource is not None else None
    if name is None or not isinstance(name.value, str):
        return None
    return name.value, name


# ----------------------------------------------------------------------------------------------
# TDL206
# ----------------------------------------------------------------------------------------------


def envbox_env_value_invalid(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL206: envbox values that envbox ignores silently (Go strconv) or that break the inner container."""
    for workload, container in _envbox(ctx, envbox_images):
        for env in container.env:
            if env.name in ("CODER_CPUS", "CODER_MEMORY"):
                yield from _integer(workload, container, env)
            elif env.name in ("CODER_ADD_FUSE", "CODER_ADD_TUN", "CODER_ADD_GPU"):
                yield from _boolean(ctx, workload, container, env)


def _integer(workload: Workload, container: Container, env: Env) -> Iterator[Hit]:
    divisor = container.value_from(env, "resource_field_ref", "divisor")
    if divisor is not None:
        value = divisor.value
        if divisor.known and str(value).strip() not in ("1", ""):
            unit = "whole CPUs" if env.name == "CODER_CPUS" else "bytes"
            yield _hit(container, divisor.where,
                       f"`{env.name}` takes the Downward API value with divisor `{value}`, but envbox reads {unit}",
                       "env", env.name, "divisor", hint="drop the divisor: the inner container gets a wrong limit")
        return
    text = _text(env.value, workload)
    if not text:
        return
    number = parse_int(text)
    if number is None:
        yield _hit(container, env.value.where,
                   f"`{env.name}` = `{text}` is not a base-10 integer, so envbox ignores it: the inner container gets "
                   f"no {'CPU' if env.name == 'CODER_CPUS' else 'memory'} limit", "env", env.name,
                   hint=f"write a whole number{' of bytes' if env.name == 'CODER_MEMORY' else ''} or take it from the "
                        f"Downward API (`resource_field_ref`, resource "
                        f"`limits.{'cpu' if env.name == 'CODER_CPUS' else 'memory'}`)")
    elif env.name == "CODER_MEMORY" and number != 0 and number < MIN_MEMORY:
        yield _hit(container, env.value.where,
                   f"`CODER_MEMORY` = `{text}` is {number} bytes (not GB): Docker refuses a limit under 6 MiB",
                   "env", env.name,
                   hint="take it from the Downward API (`resource_field_ref`, resource `limits.memory`) or write the "
                        "number of bytes")


def _boolean(ctx: Context, workload: Workload, container: Container, env: Env) -> Iterator[Hit]:
    text = _text(env.value, workload)
    if not text:
        return
    value = parse_bool(text)
    if value is None:
        yield _hit(container, env.value.where,
                   f"`{env.name}` = `{text}` is not a boolean envbox reads, so it keeps the default, false",
                   "env", env.name,
                   hint="write `true` or `false` (Go strconv.ParseBool: 1, t, T, TRUE, true, True, 0, f, F, FALSE, "
                        "false, False)",
                   fix=fixes.tdl206(ctx, env.value.span, text))
    elif value and env.name == "CODER_ADD_GPU":
        lib = container.env_named("CODER_USR_LIB_DIR")
        if lib is None and _env_unseen(container):
            return
        if lib is None or (lib.value_from is None and _text(lib.value, workload) == ""):
            yield _hit(container, env.value.where,
                       "`CODER_ADD_GPU` is true without `CODER_USR_LIB_DIR`, so envbox stops at start-up",
                       "env", env.name,
                       hint="set `CODER_USR_LIB_DIR` to where the host's /usr/lib is mounted (envbox: \"when using "
                            "GPUs, CODER_USR_LIB_DIR must be specified\")")


# ----------------------------------------------------------------------------------------------
# TDL207
# ----------------------------------------------------------------------------------------------


def envbox_pull_secret_literal(ctx: Context, *, envbox_images=roles.DEFAULT_ENVBOX_IMAGES) -> Iterator[Hit]:
    """TDL207: CODER_IMAGE_PULL_SECRET given as a value instead of a Kubernetes Secret reference."""
    for workload, container in _envbox(ctx, envbox_images):
        env = container.env_named("CODER_IMAGE_PULL_SECRET")
        if env is None:
            continue
        docker = workload.kind == "docker_container"
        if env.value_from is None:
            if env.value is None or _text(env.value, workload) == "":
                continue
            if docker:
                where = "Terraform state"
                fix = ("mount a Docker `config.json` into the container instead and point `CODER_DOCKER_CONFIG` at it "
                       "(there is no Kubernetes Secret to read it from)")
            else:
                where = "Terraform state and the pod spec" if workload.origin == "terraform" else "the manifest"
                fix = f"read it from a Secret: `{_secret_ref(workload)}`"
            yield _hit(container, env.value.where,
                       f"`CODER_IMAGE_PULL_SECRET` is a literal: registry credentials in clear text in {where}",
                       "env", "CODER_IMAGE_PULL_SECRET", severity=Severity.NOTE if docker else None, hint=fix)
            continue
        key = container.value_from(env, "secret_key_ref", "key")
        if key is not None and isinstance(key.value, str) and key.value != PULL_SECRET_KEY:
            yield _hit(container, key.where,
                       f"`CODER_IMAGE_PULL_SECRET` reads key `{key.value}`, not `{PULL_SECRET_KEY}`",
                       "env", "CODER_IMAGE_PULL_SECRET", "key", severity=Severity.NOTE,
                       hint=f"use key `{PULL_SECRET_KEY}`: envbox expects the document of a "
                            "`kubernetes.io/dockerconfigjson` Secret (what `kubectl create secret docker-registry` makes)")


def _secret_ref(workload: Workload) -> str:
    if workload.api_names:
        return "valueFrom: {secretKeyRef: {name: <secret>, key: .dockerconfigjson}}"
    return 'value_from { secret_key_ref { name = "<secret>" key = ".dockerconfigjson" } }'


CHECKS = {
    "TDL201": envbox_outer_not_privileged,
    "TDL202": envbox_required_env_missing,
    "TDL203": envbox_agent_wiring_mismatch,
    "TDL204": envbox_required_mounts_missing,
    "TDL205": envbox_shared_data_dirs,
    "TDL206": envbox_env_value_invalid,
    "TDL207": envbox_pull_secret_literal,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
