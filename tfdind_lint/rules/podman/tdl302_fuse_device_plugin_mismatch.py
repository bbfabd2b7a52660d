"""TDL302 fuse-device-plugin-mismatch: Workspaces request a FUSE resource the device plugin in the same repository
does not advertise, or the plugin is mis-deployed."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related, Severity
from ...lazy_re import LazyPattern
from ...manifest_shape import terraform_manifest
from ...model import roles, scripts
from ...model.device_plugins import device_plugins, manifest_workloads, script_manifests
from ...node import Node
from ...record import Record, replace
from ...workload import Container, Workload
from .helpers import _FuseFacts, _Labels, _Object, _Request, is_extended

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

_SELECTORS = ("nodeSelector", "node_selector", "matchLabels", "match_labels", "selector")


class _Plugin(Record):
    _fields = ("workload", "container", "kind", "advertised")

    workload: Workload
    container: Container
    kind: str  # "fuse-device-plugin" or "smarter-device-manager"
    advertised: frozenset[str] | None  # None when its configuration is not in scope

    def __init__(self, workload: Workload, container: Container, kind: str, advertised: frozenset[str] | None):
        self.workload = workload
        self.container = container
        self.kind = kind
        self.advertised = advertised


def collect(unit, *, fuse_device_plugin_images, smarter_device_manager_images) -> _FuseFacts:
    """TDL302's collector: the FUSE requests, device plugins, ConfigMaps / Secrets and node labels of a unit."""
    values = list(scripts.values(unit))  # evaluated once: both readings below walk every value
    embedded = script_manifests(values)
    extra = manifest_workloads(embedded)
    labels = _labelled_nodes(values, embedded)
    # only a text with `=` can hold `key=value`; a plugin's selector is looked up in these
    labels.texts = list(dict.fromkeys(t for t in labels.texts if "=" in t))
    return _FuseFacts(_fuse_requests(unit.workloads), _fuse_requests(extra),
                      _detached(device_plugins(unit.workloads, fuse_device_plugin_images, smarter_device_manager_images)),
                      device_plugins(extra, fuse_device_plugin_images, smarter_device_manager_images),
                      _objects(unit, embedded), labels)


def check(ctx: Context, *, fuse_device_plugin_images, smarter_device_manager_images) -> Iterator[Hit]:
    """TDL302: FUSE resources the deployed device plugin does not advertise, and the plugin's own set-up."""
    facts = ctx.gather(collect, fuse_device_plugin_images=fuse_device_plugin_images,
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


def _detached(plugins: list[tuple[Workload, Container, str]]) -> list[tuple[Workload, Container, str]]:
    """Plugins the result cache can store (plain data, no Terraform module): a Terraform DaemonSet's pull-secret
    names evaluated here, the one thing the check reads through the module."""
    found = []
    for workload, container, kind in plugins:
        module = workload.module
        if module is None:
            found.append((workload, container, kind))
            continue
        secrets = workload.image_pull_secrets
        if secrets is not None and isinstance(secrets.value, list):
            secrets = replace(secrets, value=[
                replace(e, value={**e.value, "name": module.evaluate(e.value["name"])})
                if isinstance(e.value, dict) and e.value.get("name") is not None else e for e in secrets.value])
        copy = replace(workload, module=None, resource=None, image_pull_secrets=secrets)
        copy.containers = [replace(c, workload=copy) for c in workload.containers]
        copy.init_containers = [replace(c, workload=copy) for c in workload.init_containers]
        found.append((copy, copy.containers[workload.containers.index(container)], kind))
    return found


#: A smarter-device-manager configuration's device patterns (``devicematch: ^fuse$``).
_DEVICE_MATCH = LazyPattern(r"devicematch\s*:\s*[\"']?([^\"'\s#]+)")


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
                for pattern in _DEVICE_MATCH.findall(text):
                    import re  # noqa: PLC0415  (the plugin's own pattern)

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


def _plugin_setup(plugin: _Plugin, objects: list[_Object], labelled: _Labels) -> Iterator[Hit]:
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

#: the rule looks across files: ``collect`` reads each unit, ``check`` judges the run
PROJECT_SCOPED = True
