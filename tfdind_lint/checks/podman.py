"""3xx: rootless Podman, FUSE device plugins and Bottlerocket / Karpenter node prerequisites (RULES.md group 3xx).

"Podman workspace" (RULES.md) = a container whose image matches ``*podman*``,
or whose agent startup script runs ``podman``.  TDL302 and TDL304 compare
workspaces with what runs the nodes (device plugins, node user data), which may
live in other files: they see the whole run, and say nothing unless both sides
are in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Iterator

from .. import rule_fixes as fixes
from ..context import Context
from ..finding import Hit, Related, Severity
from ..manifest_shape import terraform_manifest
from ..node import Node, Span, Unknown
from ..workload import Container, Workload, from_manifest, truthy
from . import roles, scripts
from .nodes import NodeDefinition, node_definitions
from .scripts import agent_startup_scripts

DEFAULT_PODMAN_IMAGES = ("*podman*",)
DEFAULT_FUSE_RESOURCES = ("github.com/fuse", "smarter-devices/fuse", "squat.ai/fuse")
APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/"
CRIO_DEVICES = "io.kubernetes.cri-o.Devices"
USERNS_SYSCTL = "user.max_user_namespaces"

_SELECTORS = ("nodeSelector", "node_selector", "matchLabels", "match_labels", "selector")
_PODMAN = re.compile(r"(?:^|[\s;&|(`])(?:sudo\s+(?:-\S+\s+)*)?podman(?=$|[\s;&|)`])")
_QUANTITY = re.compile(r"^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$")
_SUFFIX = {None: 1, "n": Decimal("1e-9"), "u": Decimal("1e-6"), "m": Decimal("1e-3"), "k": 10**3, "M": 10**6,
           "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40,
           "Pi": 2**50, "Ei": 2**60}


def podman_evidence(container: Container, images=DEFAULT_PODMAN_IMAGES) -> Span | None:
    """Why a container is a rootless Podman workspace (its image, or its agent's startup script), or None."""
    if roles.image_matches(container, images):
        return container.image.where
    for script in agent_startup_scripts(container.workload, container):
        found = scripts.search(script, _PODMAN)
        if found is not None:
            return found[0]
    return None


def _spell_limits(workload: Workload, resource: str) -> str:
    if workload.api_names:
        return f"limits: {{{resource}: 1}}"
    return f'limits = {{ "{resource}" = 1 }}'


def _hit(container: Container, span: Span, message: str, attribute: str, **extra) -> Hit:
    workload = container.workload
    where = "init_container" if container.init else "container"
    return Hit(span, message, subject=workload.address, attribute=f"{where}[{container.display_name}].{attribute}",
               owner=workload.owner, **extra)


# ----------------------------------------------------------------------------------------------
# TDL301
# ----------------------------------------------------------------------------------------------


def quantity(value) -> Decimal | None:
    """A Kubernetes resource quantity (``1``, ``"500m"``, ``"2Gi"``, ``"1e3"``) as a number; None when not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if not isinstance(value, str):
        return None
    m = _QUANTITY.match(value.strip())
    if m is None:
        return None
    try:
        return Decimal(m.group(1)) * _SUFFIX[m.group(2)]
    except InvalidOperation:
        return None


def is_extended(name: str) -> bool:
    """An extended resource: a domain-prefixed name outside ``kubernetes.io`` (``github.com/fuse``, ``nvidia.com/gpu``)."""
    domain, slash, _ = name.partition("/")
    return bool(slash) and domain != "kubernetes.io" and not domain.endswith(".kubernetes.io")


def podman_fuse_device_missing(ctx: Context, *, podman_images=DEFAULT_PODMAN_IMAGES,
                               fuse_resources=DEFAULT_FUSE_RESOURCES) -> Iterator[Hit]:
    """TDL301: a Podman workspace without a FUSE device, and extended resources Kubernetes rejects."""
    for workload in ctx.workloads:
        if workload.kind == "docker_container":
            continue  # the Docker provider has no extended resources
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
    yield _hit(container, span,
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
            yield _hit(container, node.where,
                       f"`{name}` = `{node.value}` in `{section}` is not a whole number, so Kubernetes rejects the pod",
                       f"resources.{section}", hint="use an integer: extended resources are counted in whole devices")
    for name, node in requests.items():
        if not is_extended(name) or name in wrong:
            continue
        if name not in limits:
            yield _hit(container, node.where,
                       f"Extended resource `{name}` is only in `{workload.spell('requests')}`, so Kubernetes rejects "
                       "the pod", "resources.requests",
                       hint=f"move it to `{workload.spell('limits')}`: Kubernetes takes extended resources from "
                            "limits (requests may only repeat the limit)", fix=fixes.tdl301(ctx, container, name, node))
        elif node.known and limits[name].known and quantity(node.value) != quantity(limits[name].value):
            yield _hit(container, node.where,
                       f"Extended resource `{name}` requests `{node.value}` but its limit is `{limits[name].value}`, "
                       "so Kubernetes rejects the pod", "resources.requests",
                       related=(Related(limits[name].where, "the limit"),),
                       hint="make them equal or drop the request: extended resources cannot be overcommitted")


# ----------------------------------------------------------------------------------------------
# TDL302
# ----------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Object:
    """A ConfigMap or Secret in scope; None for a name or namespace the tool cannot know (it matches any)."""

    kind: str
    name: str | None
    namespace: str | None
    data: dict

    def matches(self, kind: str, name: str, namespace: str | None) -> bool:
        return (self.kind == kind and self.name in (name, None)
                and (self.namespace is None or namespace is None or self.namespace == namespace))


@dataclass(eq=False)
class _Plugin:
    workload: Workload
    container: Container
    kind: str  # "fuse-device-plugin" or "smarter-device-manager"
    advertised: frozenset[str] | None  # None when its configuration is not in scope


@dataclass(eq=False)
class _Request:
    """A FUSE extended resource a container asks for, with what a finding about it says."""

    subject: str
    container: str  # ``container[name]`` / ``init_container[name]``
    owner: Span | None
    name: str
    where: Span


@dataclass(eq=False)
class _FuseFacts:
    """TDL302's view of one unit; ``embedded_*`` come from manifests in its scripts' here-documents."""

    requests: list[_Request]
    embedded_requests: list[_Request]
    plugins: list[tuple[Workload, Container, str]]  # (DaemonSet, its plugin container, the plugin's kind)
    embedded_plugins: list[tuple[Workload, Container, str]]
    objects: list[_Object]
    labels: "_Labels"


def _fuse_facts(unit, *, fuse_device_plugin_images=("*fuse-device-plugin*",),
                smarter_device_manager_images=("*smarter-device-manager*",)) -> _FuseFacts:
    """TDL302's collector: the FUSE requests, device plugins, ConfigMaps / Secrets and node labels of a unit."""
    values = list(scripts.values(unit))  # evaluated once: both readings below walk every value
    embedded = [d for node in scripts.string_values(values) for d in scripts.embedded_manifests(node)]
    extra = [w for w in (from_manifest(d, d.span.path) for d in embedded) if w is not None]
    labels = _labelled_nodes(values, embedded)
    # only a text with `=` can hold `key=value`; a plugin's selector is looked up in these
    labels.texts = list(dict.fromkeys(t for t in labels.texts if "=" in t))
    return _FuseFacts(_fuse_requests(unit.workloads), _fuse_requests(extra),
                      _plugins(unit.workloads, fuse_device_plugin_images, smarter_device_manager_images),
                      _plugins(extra, fuse_device_plugin_images, smarter_device_manager_images),
                      _objects(unit, embedded), labels)


def fuse_device_plugin_mismatch(ctx: Context, *, fuse_device_plugin_images=("*fuse-device-plugin*",),
                                smarter_device_manager_images=("*smarter-device-manager*",)) -> Iterator[Hit]:
    """TDL302: FUSE resources the deployed device plugin does not advertise, and the plugin's own set-up."""
    facts = ctx.gather(_fuse_facts, fuse_device_plugin_images=fuse_device_plugin_images,
                       smarter_device_manager_images=smarter_device_manager_images)
    requests = [r for f in facts for r in f.requests] + [r for f in facts for r in f.embedded_requests]
    candidates = [p for f in facts for p in f.plugins] + [p for f in facts for p in f.embedded_plugins]
    objects = [o for f in facts for o in f.objects]
    plugins = [_Plugin(workload, container, kind, _smarter_resources(workload, objects)
                       if kind == "smarter-device-manager" else frozenset({"github.com/fuse"}))
               for workload, container, kind in candidates]
    if not requests or not plugins:
        return  # both sides must be in scope: the plugin is often deployed elsewhere (Helm, GitOps)
    advertised = [p.advertised for p in plugins]
    if all(a is not None for a in advertised):
        names = frozenset().union(*advertised)
        for request in requests:
            if request.name not in names:
                yield _mismatch(request, plugins)
    labelled = _Labels([t for f in facts for t in f.labels.texts], set().union(*(f.labels.pairs for f in facts)))
    for plugin in plugins:
        yield from _plugin_setup(plugin, objects, labelled)


def _fuse_requests(workloads: list[Workload]) -> list[_Request]:
    """Every FUSE extended resource the workloads' containers ask for."""
    found = []
    for workload in workloads:
        for container in workload.all_containers():
            seen = set()
            for node in (container.limits, container.requests):
                if node is None or not isinstance(node.value, dict):
                    continue
                for name, entry in node.value.items():
                    if is_extended(name) and "fuse" in name.rsplit("/", 1)[-1].lower() and name not in seen:
                        seen.add(name)
                        where = "init_container" if container.init else "container"
                        found.append(_Request(workload.address, f"{where}[{container.display_name}]", workload.owner,
                                              name, entry.where))
    return found


def _mismatch(request: _Request, plugins: list[_Plugin]) -> Hit:
    offered = "; ".join(dict.fromkeys(
        f"`{p.container.image.value}` advertises " + (", ".join(f"`{a}`" for a in sorted(p.advertised)) or "no FUSE resource")
        for p in plugins))
    smarter = any(p.kind == "smarter-device-manager" for p in plugins)
    fix = ("request a name the plugin advertises, or give smarter-device-manager a ConfigMap with "
           "`devicematch: ^fuse$` (it then advertises `smarter-devices/fuse`)") if smarter else \
        "request a name the plugin advertises"
    related = tuple(Related(p.container.image.where, f"the device plugin `{p.workload.address}`") for p in plugins)
    return Hit(request.where,
               f"No FUSE device plugin in the linted files advertises `{request.name}`, so the pod stays Pending",
               hint=f"{fix} ({offered})", subject=request.subject,
               attribute=f"{request.container}.resources", owner=request.owner, related=related)


def _plugins(workloads: list[Workload], fuse_images, smarter_images) -> list[tuple[Workload, Container, str]]:
    """The FUSE device plugins among DaemonSets: (workload, container, kind)."""
    found = []
    for workload in workloads:
        if workload.kind not in ("DaemonSet", "kubernetes_daemonset", "kubernetes_daemon_set_v1"):
            continue
        for container in workload.containers:
            if roles.image_matches(container, fuse_images):
                # kuberenetes-learning-group/fuse-device-plugin server.go: resourceName = "github.com/fuse"
                found.append((workload, container, "fuse-device-plugin"))
            elif roles.image_matches(container, smarter_images):
                found.append((workload, container, "smarter-device-manager"))
    return found


def _smarter_resources(workload: Workload, objects: list[_Object]) -> frozenset[str] | None:
    """The FUSE resource smarter-device-manager advertises: ``smarter-devices/fuse`` when its config matches ``fuse``."""
    maps = [v for v in workload.volumes.values() if v.kind == "config_map"]
    if not maps:
        return frozenset()  # the built-in conf.yaml has no fuse entry
    namespace = _namespace(workload)
    for volume in maps:
        name = volume.source.value if volume.source is not None else None
        if not isinstance(name, str):
            return None
        found = [o for o in objects if o.matches("ConfigMap", name, namespace)]
        if not found:
            return None  # its configuration is not in scope
        for config in found:
            for text in (n.value for n in config.data.values() if isinstance(n.value, str)):
                for pattern in re.findall(r"devicematch\s*:\s*[\"']?([^\"'\s#]+)", text):
                    try:
                        if re.search(pattern, "fuse"):
                            return frozenset({"smarter-devices/fuse"})
                    except re.error:
                        continue
    return frozenset()


def _namespace(workload: Workload) -> str | None:
    node = workload.namespace
    if node is None:
        return "default"
    return node.value if isinstance(node.value, str) else None


def _plugin_setup(plugin: _Plugin, objects: list[_Object], labelled: "_Labels") -> Iterator[Hit]:
    workload = plugin.workload
    name = workload.metadata_name.value if workload.metadata_name is not None else workload.address
    selector = workload.node_selector
    if selector is None or (isinstance(selector.value, dict) and not selector.value):
        if workload.affinity is None:
            yield Hit(workload.spec_span or workload.span,
                      f"Device-plugin DaemonSet `{name}` has no `{workload.spell('node_selector')}`, so it runs on "
                      "every node",
                      hint=f"add `{workload.spell('node_selector')}` with the label `smarter-device-manager=enabled` "
                           "to run it on labelled nodes only, or drop the labelling step (the seed page's step 2), "
                           "which changes nothing", subject=workload.address,
                      attribute=workload.spell("node_selector"), owner=workload.owner, severity=Severity.NOTE)
    elif isinstance(selector.value, dict):
        for key, value in selector.value.items():
            if "/" in key or not isinstance(value.value, str) or labelled.sets(key, value.value):
                continue  # prefixed labels are set by the kubelet or the cloud provider
            yield Hit(value.where,
                      f"Device plugin `{name}` needs nodes labelled `{key}={value.value}`, which no file sets",
                      hint="set the label in your node groups (a label added with kubectl is lost when the provider "
                           "replaces the node): otherwise the plugin runs nowhere and no pod gets a FUSE device",
                      subject=workload.address, attribute=workload.spell("node_selector"),
                      owner=workload.owner)
    yield from _pull_secrets(workload, name, objects)


def _pull_secrets(workload: Workload, name: str, objects: list[_Object]) -> Iterator[Hit]:
    secrets = workload.image_pull_secrets
    if secrets is None or not isinstance(secrets.value, list):
        return
    namespace = _namespace(workload)
    for entry in secrets.value:
        node = entry.get("name")
        if workload.module is not None and node is not None:
            node = workload.module.evaluate(node)
        if node is None or not isinstance(node.value, str):
            continue
        if any(o.matches("Secret", node.value, namespace) for o in objects):
            continue
        where = f"namespace `{namespace}`" if namespace is not None else "its namespace"
        yield Hit(node.where,
                  f"DaemonSet `{name}` pulls with Secret `{node.value}`, which no linted file defines",
                  hint=f"create the Secret in {where}, or drop the entry if the image is public (the seed's plugin image is): "
                       "the kubelet reports a missing pull secret on every pull",
                  subject=workload.address, attribute=workload.spell("image_pull_secrets"), owner=workload.owner,
                  severity=Severity.NOTE)


def _objects(unit, embedded: list[Node]) -> list[_Object]:
    """ConfigMaps and Secrets of a unit: manifests (files, kubernetes_manifest, heredocs) and Terraform resources."""
    documents = list(embedded)
    found: list[_Object] = []
    if unit.yaml is not None:
        documents.extend(unit.yaml.documents)
    if unit.module is not None:
        for resource in unit.module.resources:
            if resource.mode != "managed":
                continue
            if resource.type == "kubernetes_manifest":
                manifest = terraform_manifest(unit.module, resource)
                if manifest is not None:
                    documents.append(manifest)
                continue
            kind = {"kubernetes_config_map": "ConfigMap", "kubernetes_secret": "Secret"}.get(resource.type.removesuffix("_v1"))
            if kind is None:
                continue
            meta = resource.block.block("metadata")
            name = unit.module.evaluate(meta.attr("name")) if meta is not None else None
            namespace = unit.module.evaluate(meta.attr("namespace")) if meta is not None else None
            data = unit.module.evaluate(resource.block.attr("data"))
            found.append(_Object(kind, _text(name), _text(namespace, "default"),
                                 data.value if data is not None and isinstance(data.value, dict) else {}))
    for document in documents:
        kind = document.get("kind")
        if kind is None or kind.value not in ("ConfigMap", "Secret"):
            continue
        data = document.get("data")
        found.append(_Object(kind.value, _text(document.get("metadata", "name")),
                             _text(document.get("metadata", "namespace"), "default"),
                             data.value if data is not None and isinstance(data.value, dict) else {}))
    return found


def _text(node: Node | None, default: str | None = None) -> str | None:
    if node is None:
        return default
    return node.value if isinstance(node.value, str) else None


@dataclass(eq=False)
class _Labels:
    """What in scope may label nodes: script text (``kubectl label nodes ... k=v``, ``--node-labels``) and the
    label maps of node groups, node pools, NodePools or Bottlerocket settings (any mapping but a selector)."""

    texts: list[str]
    pairs: set[tuple[str, str]]
    #: labels searched for already (plugins share selectors: each is searched for once)
    known: dict[tuple[str, str], bool] = field(default_factory=dict)

    def sets(self, key: str, value: str) -> bool:
        if (key, value) in self.pairs:
            return True
        if (key, value) not in self.known:
            pattern = re.compile(rf"(?<![\w./-]){re.escape(key)}={re.escape(value)}(?![\w.-])")
            self.known[key, value] = any(pattern.search(text) for text in self.texts)
        return self.known[key, value]


def _labelled_nodes(values: list[Node], embedded: list[Node]) -> _Labels:
    labels = _Labels([], set())
    nodes = [*values, *(n for d in embedded for n in d.walk())]
    for node in nodes:
        text = roles.script_text(node)
        if text is not None:
            labels.texts.append(text)
        elif isinstance(node.value, dict) and node.name not in _SELECTORS:
            labels.pairs.update((k, v.value) for k, v in node.value.items() if isinstance(v.value, str))
    return labels


# ----------------------------------------------------------------------------------------------
# TDL303
# ----------------------------------------------------------------------------------------------


def podman_apparmor_annotation_mismatch(ctx: Context, *, podman_images=DEFAULT_PODMAN_IMAGES,
                                        nodes_use_apparmor=None) -> Iterator[Hit]:
    """TDL303: an AppArmor annotation naming no container; a Podman workspace left confined by AppArmor."""
    for workload in ctx.workloads:
        if workload.kind == "docker_container" or workload.annotations_open:
            continue
        containers = workload.all_containers()
        names = {c.name.value for c in containers if c.name is not None and isinstance(c.name.value, str)}
        annotations = workload.annotations.value if workload.annotations is not None else {}
        orphans = [k for k in annotations if k.startswith(APPARMOR_PREFIX) and k[len(APPARMOR_PREFIX):] not in names]
        if len(names) == len(containers):
            for key in orphans:
                yield _orphan_annotation(workload, key, annotations[key], containers,
                                         fixes.tdl303(ctx, annotations[key], key, APPARMOR_PREFIX, containers))
        if nodes_use_apparmor is False or orphans:
            continue  # renaming the orphaned key is the fix the finding above gives
        for container in workload.containers:
            yield from _confined_podman(workload, container, annotations, podman_images, nodes_use_apparmor)


def _orphan_annotation(workload: Workload, key: str, node: Node, containers: list[Container], fix=None) -> Hit:
    listed = ", ".join(f"`{c.name.value}`" for c in containers)
    suggestion = f"`{APPARMOR_PREFIX}{containers[0].name.value}`" if len(containers) == 1 else "the container's name"
    return Hit(node.where,
               f"The AppArmor annotation names container `{key[len(APPARMOR_PREFIX):]}`, which this pod does not have",
               hint=f"rename the key to {suggestion} (containers: {listed}): the profile applies to nothing, and "
                    "the container it was meant for keeps the default profile", subject=workload.address,
               attribute=f"{workload.spell('annotations')}[{key}]", owner=workload.owner,
               related=tuple(Related(c.name.where, f"container `{c.name.value}`") for c in containers), fix=fix)


def _confined_podman(workload: Workload, container: Container, annotations: dict, images, nodes_use_apparmor):
    if podman_evidence(container, images) is None or truthy(container.privileged):
        return
    if container.name is None or not isinstance(container.name.value, str):
        return  # an annotation may name it
    name = container.name.value
    if APPARMOR_PREFIX + name in annotations or container.app_armor_profile is not None or workload.app_armor_profile is not None:
        return
    if workload.api_names:
        fix = "`securityContext: {appArmorProfile: {type: Unconfined}}` (Kubernetes 1.30+) or the annotation " \
              f"`{APPARMOR_PREFIX}{name}: unconfined`"
    else:
        fix = f'the pod annotation `"{APPARMOR_PREFIX}{name}" = "unconfined"` (the provider has no app_armor_profile)'
    yield _hit(container, container.span,
               f"Podman workspace container `{name}` keeps the node's default AppArmor profile", "security_context",
               hint=f"add {fix}: on Debian and Ubuntu nodes the default profile blocks the mounts rootless Podman makes",
               severity=None if nodes_use_apparmor else Severity.NOTE)


# ----------------------------------------------------------------------------------------------
# TDL304 / TDL305
# ----------------------------------------------------------------------------------------------


def _userns_workloads(unit, images) -> list[tuple[Span, str]]:
    """(where, what) for every Podman workspace and ``hostUsers: false`` pod of a unit."""
    found = []
    for workload in unit.workloads:
        if workload.host_users is not None and workload.host_users.value is False:
            found.append((workload.host_users.where, f"`{workload.address}` runs in a user namespace (hostUsers: false)"))
        for container in workload.containers:
            evidence = podman_evidence(container, images)
            if evidence is not None:
                found.append((evidence, f"`{container.display_name}` runs rootless Podman"))
    return found


def _userns_facts(unit, *, podman_images=DEFAULT_PODMAN_IMAGES) -> tuple[list, list[NodeDefinition]]:
    """TDL304's collector: a unit's user-namespace workloads and its node definitions."""
    return _userns_workloads(unit, podman_images), node_definitions(Context([unit]))


def bottlerocket_userns_disabled(ctx: Context, *, podman_images=DEFAULT_PODMAN_IMAGES) -> Iterator[Hit]:
    """TDL304: Bottlerocket nodes that keep user namespaces off, in a repository with rootless Podman workspaces."""
    facts = ctx.gather(_userns_facts, podman_images=podman_images)
    users = [user for found, _ in facts for user in found]
    if not users:
        return  # node user data alone: nothing says user namespaces are needed
    related = (Related(users[0][0], users[0][1]),)
    for definition in (d for _, definitions in facts for d in definitions):
        if definition.bottlerocket is not True or definition.error is not None:
            continue
        value = _sysctl(definition)
        if value is False:
            continue  # not knowable, or a value that is not a string (TDL305's business)
        if value is None:
            if not definition.complete:
                continue  # an unknown piece of the user data may set it
            unquoted = _unquoted_userns(definition)
            hint = (Related(definition.at(unquoted.where), f"`{USERNS_SYSCTL}` unquoted: TOML reads a table `user` "
                            "(TDL305)"),) if unquoted is not None else ()
            yield Hit(definition.head,
                      "These Bottlerocket nodes keep user namespaces off, which rootless Podman needs",
                      hint=f"set `\"{USERNS_SYSCTL}\" = \"65536\"` under `[settings.kernel.sysctl]` (0 by default; "
                           "Podman fails with \"user namespaces are not enabled\")", subject=definition.subject,
                      attribute=f'settings.kernel.sysctl."{USERNS_SYSCTL}"', owner=definition.owner,
                      related=hint + related)
            continue
        text = value.value.strip()
        if text.isdigit() and int(text) > 0:
            continue
        yield Hit(definition.at(value.where),
                  f"`\"{USERNS_SYSCTL}\" = \"{value.value}\"` keeps user namespaces off, which rootless Podman needs",
                  hint="set it to a positive number such as \"65536\"",
                  subject=definition.subject, attribute=f'settings.kernel.sysctl."{USERNS_SYSCTL}"',
                  owner=definition.owner, related=related)


def _sysctl(definition: NodeDefinition):
    """The ``user.max_user_namespaces`` string node; None when absent; False when not knowable or not a string."""
    if definition.settings is None:
        return None if definition.text is None else False
    sysctl = definition.settings.root.get("settings", "kernel", "sysctl")
    if sysctl is None:
        return None
    if not isinstance(sysctl.value, dict):
        return False
    value = sysctl.value.get(USERNS_SYSCTL)
    if value is not None and not isinstance(value.value, str):
        return False
    return value


def _unquoted_userns(definition: NodeDefinition) -> Node | None:
    """``user.max_user_namespaces = ...`` written without quotes: the leaf TOML made of it."""
    return definition.settings.root.get("settings", "kernel", "sysctl", "user", "max_user_namespaces") \
        if definition.settings is not None else None


def bottlerocket_sysctl_toml_format(ctx: Context) -> Iterator[Hit]:
    """TDL305: Bottlerocket sysctl settings TOML reads differently, TOML user data on another AMI family, broken TOML."""
    for definition in node_definitions(ctx):
        subject, owner = definition.subject, definition.owner
        if definition.settings is None and definition.error is None:
            continue
        if definition.bottlerocket is False:  # only TOML-looking user data is read on other families
            family = definition.family
            yield Hit(family.where, f"`{subject}` passes Bottlerocket TOML user data to `{family.value}` nodes, "
                      "which do not read it", hint="use `amiFamily: Bottlerocket` (or an `alias: bottlerocket@...` AMI "
                      "selector)", subject=subject, attribute=family.name or "amiFamily",
                      owner=owner)
            continue
        if definition.error is not None:
            yield Hit(definition.error.span, f"The user data of `{subject}` is not valid TOML, so Bottlerocket "
                      "rejects all of it", hint=definition.error.message,
                      subject=subject, attribute="userData", owner=owner)
            continue
        sysctl = definition.settings.root.get("settings", "kernel", "sysctl")
        if sysctl is None or not isinstance(sysctl.value, dict):
            continue
        for key, node in sysctl.value.items():
            yield from _sysctl_entry(ctx, definition, key, node)


def _sysctl_entry(ctx: Context, definition: NodeDefinition, key: str, node: Node) -> Iterator[Hit]:
    subject, owner = definition.subject, definition.owner
    if isinstance(node.value, dict):  # `user.max_user_namespaces = ...` unquoted: a table `user`
        for path, leaf in _leaves(node, (key,)):
            name = ".".join(path)
            value = leaf.value if isinstance(leaf.value, str) else str(leaf.value)
            yield Hit(definition.at(leaf.where),
                      f"TOML reads this as a table `{'.'.join(path[:-1])}`, not the sysctl `{name}`: Bottlerocket "
                      "rejects the user data", hint=f"write it as one quoted key: `\"{name}\" = \"{value}\"`",
                      subject=subject, attribute=f'settings.kernel.sysctl."{name}"', owner=owner,
                      fix=fixes.tdl305_key(ctx, definition, node, leaf, name))
    elif not isinstance(node.value, (str, Unknown)):
        shown = str(node.value).lower() if isinstance(node.value, bool) else node.value
        yield Hit(definition.at(node.where),
                  f"The sysctl `{key}` is set to `{shown}`, not a string: Bottlerocket rejects the user data",
                  hint=f"write `\"{key}\" = \"{shown}\"`: Bottlerocket takes sysctl values only as strings",
                  subject=subject, attribute=f'settings.kernel.sysctl."{key}"', owner=owner,
                  fix=fixes.tdl305_value(ctx, definition, node))


def _leaves(node: Node, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Node]]:
    for key, child in node.value.items():
        if isinstance(child.value, dict):
            yield from _leaves(child, path + (key,))
        else:
            yield path + (key,), child


CHECKS = {
    "TDL301": podman_fuse_device_missing,
    "TDL302": fuse_device_plugin_mismatch,
    "TDL303": podman_apparmor_annotation_mismatch,
    "TDL304": bottlerocket_userns_disabled,
    "TDL305": bottlerocket_sysctl_toml_format,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset({"TDL302", "TDL304"})

#: what each of them reads of one unit (``Context.gather``)
COLLECTORS = {"TDL302": _fuse_facts, "TDL304": _userns_facts}
