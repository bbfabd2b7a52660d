"""TDL505 sysbox-runtimeclass-definition: A Sysbox RuntimeClass with the wrong handler or node selector, a pod
contradicting its RuntimeClass, or an unlabelled installer."""

from __future__ import annotations

from ... import edits
from ...context import Context, Unit
from ...finding import Hit, Related, Severity
from ...fix import Fix, safe
from ...lazy_re import LazyPattern
from ...manifest_shape import terraform_manifest
from ...model.roles import reads_runtime_class
from ...node import Node, Span
from ...workload import TERRAFORM_POD_TYPES, YAML_POD_KINDS
from .helpers import RuntimeClass, _Pod, _RuntimeFacts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def runtime_classes(units: list[Unit], wanted: dict | None = None) -> list[RuntimeClass]:
    """Every RuntimeClass with a known name defined in the given units; with ``wanted`` (the rule's ``runtimes``,
    ``handlers`` and ``node_selector``), a Sysbox RuntimeClass carries its fixes, made while its file's text is here."""
    found: list[RuntimeClass] = []
    for unit in units:
        if unit.yaml is not None:
            for document in unit.yaml.documents:
                rc = _runtime_class(document, document.get("kind").where, document.span, None)
                if rc is not None:
                    found.append(rc)
                    if wanted is not None and rc.name in wanted["runtimes"]:
                        rc.fixes = _fixes(edits.unit_source(unit, document.span.path), rc, document, **wanted)
        if unit.module is None:
            continue
        module = unit.module
        for resource in module.resources_of("kubernetes_runtime_class_v1"):
            meta = resource.block.block("metadata")
            name = module.evaluate(meta.attr("name")) if meta is not None else None
            if name is not None and isinstance(name.value, str):
                rc = RuntimeClass(name.value, module.evaluate(resource.block.attr("handler")), None,
                                  resource.block.head, resource.block.head, resource.address, can_schedule=False)
                found.append(rc)
                if wanted is not None and rc.name in wanted["runtimes"]:
                    rc.fixes = _fixes(edits.unit_source(unit, rc.span.path), rc, None, **wanted)
        for resource in module.resources_of("kubernetes_manifest"):
            manifest = terraform_manifest(module, resource)
            if manifest is not None:
                rc = _runtime_class(manifest, resource.block.head, resource.block.head, resource.address)
                if rc is not None:
                    found.append(rc)
                    if wanted is not None and rc.name in wanted["runtimes"]:
                        rc.fixes = _fixes(edits.unit_source(unit, rc.span.path), rc, None, **wanted)
    return found


def _runtime_class(document: Node, span: Span, owner: Span, address: str | None) -> RuntimeClass | None:
    if document.get("kind") is None or document.get("kind").value != "RuntimeClass":
        return None
    name = document.get("metadata", "name")
    if name is None or not isinstance(name.value, str):
        return None
    return RuntimeClass(name.value, document.get("handler"), document.get("scheduling", "nodeSelector"), span, owner,
                        address or f"RuntimeClass/{name.value}")


def collect(unit, *, runtimes, handlers, node_selector, install_label) -> _RuntimeFacts:
    """TDL505's collector: a unit's RuntimeClasses, the pods that may use one, and whether it labels nodes."""
    pods = [_Pod(w.address, w.kind, w.runtime, w.node_selector, w.spell("node_selector"), w.origin == "kubernetes",
                 w.owner)
            for w in unit.workloads if reads_runtime_class(w)]
    wanted = {"runtimes": runtimes, "handlers": handlers, "node_selector": node_selector}
    return _RuntimeFacts(runtime_classes([unit], wanted), pods,
                         {(key, value): _label_applied([unit], key, value) for key, value in install_label.items()})


def check(ctx: Context, *, runtimes, handlers, node_selector, install_label) -> Iterator[Hit]:
    """TDL505: Sysbox RuntimeClasses, the pods that use them and the installer's node label, across files."""
    facts = ctx.gather(collect, runtimes=runtimes, handlers=handlers, node_selector=node_selector,
                       install_label=install_label)
    classes = [rc for f in facts for rc in f.classes]
    pods = [pod for f in facts for pod in f.pods]
    # pods and classes by runtime class name: linear, however many of each a large repository holds
    pods_by_name: dict[str, list[_Pod]] = {}
    for pod in pods:
        if pod.runtime_name is not None:
            pods_by_name.setdefault(pod.runtime_name, []).append(pod)
    classes_by_name: dict[str, list[RuntimeClass]] = {}
    for rc in classes:
        classes_by_name.setdefault(rc.name, []).append(rc)
    for rc in classes:
        if rc.name in runtimes:
            users = tuple(Related(pod.runtime.where, f"`{pod.address}` runs with this RuntimeClass")
                          for pod in pods_by_name.get(rc.name, ()))
            yield from _sysbox_class_hits(rc, handlers, node_selector, users)
    for pod in pods:
        for rc in classes_by_name.get(pod.runtime_name, ()):
            yield from _selector_conflicts(pod, rc)
    yield from _unlabelled_installers(pods, install_label, lambda key, value: any(f.labelled[key, value] for f in facts))


def _sysbox_class_hits(rc: RuntimeClass, handlers, node_selector: dict, users: tuple) -> Iterator[Hit]:
    common = dict(subject=rc.address, owner=rc.owner, related=users)
    handler = rc.handler
    if handler is not None and isinstance(handler.value, str) and handler.value not in handlers:
        yield Hit(handler.where,
                  f"RuntimeClass `{rc.name}` uses handler `{handler.value}`, not Sysbox's (`{handlers[0]}`)",
                  hint=f"set the handler to `{handlers[0]}`: pods that ask for `{rc.name}` run under "
                       f"`{handler.value}` instead",
                  attribute="handler", fix=rc.fixes.get("handler"), **common)
    wanted = ", ".join(f"{k}: {v}" for k, v in node_selector.items())
    selector = rc.node_selector
    if selector is None:
        how = ("`kubernetes_runtime_class_v1` cannot set it: define the RuntimeClass with `kubernetes_manifest`"
               if not rc.can_schedule else f"add `scheduling.nodeSelector` with `{wanted}`")
        yield Hit(rc.span,
                  f"RuntimeClass `{rc.name}` has no `scheduling.nodeSelector`: pods may land on nodes without Sysbox",
                  hint=f"{how} (the Sysbox installer labels ready nodes `{wanted}`)",
                  attribute="scheduling.nodeSelector", fix=rc.fixes.get("scheduling.nodeSelector"), **common)
        return
    if not isinstance(selector.value, dict):
        return  # unknown is not bad
    for key, value in node_selector.items():
        entry = selector.value.get(key)
        if entry is None:
            yield Hit(selector.where,
                      f"RuntimeClass `{rc.name}` does not select `{key}: {value}`: pods may land on nodes without Sysbox",
                      hint=f"add `{key}: {value}`, the label the Sysbox installer puts on nodes where Sysbox runs",
                      attribute="scheduling.nodeSelector", fix=rc.fixes.get(f"scheduling.nodeSelector.{key}"), **common)
        elif isinstance(entry.value, str) and entry.value != str(value):
            yield Hit(entry.where,
                      f"RuntimeClass `{rc.name}` selects `{key}: {entry.value}`, not the installer's `{key}: {value}`",
                      hint=f"set `{value}`: the Sysbox installer labels the nodes where Sysbox runs `{key}: {value}`",
                      attribute=f"scheduling.nodeSelector.{key}", fix=rc.fixes.get(f"scheduling.nodeSelector.{key}"),
                      **common)


def _fixes(text: edits.Text | None, rc: RuntimeClass, document: Node | None, *, runtimes, handlers,
           node_selector: dict) -> dict[str, Fix]:
    """(a) as sysbox-install.yaml defines it: the handler, the nodeSelector entries (written values replaced in their
    quoting; missing entries added after the others) and, in YAML, a missing ``scheduling.nodeSelector``."""
    fixes: dict[str, Fix] = {}
    if text is None:
        return fixes
    yaml = rc.span.path.endswith((".yaml", ".yml"))
    handler = rc.handler
    if handler is not None and isinstance(handler.value, str) and handler.value not in handlers:
        edit = _replace_scalar(text, handler, handlers[0], yaml)
        if edit is not None:
            fixes["handler"] = safe(f"Set the handler to {handlers[0]}", edit)
    selector = rc.node_selector
    if selector is not None and isinstance(selector.value, dict) and selector.span.path == text.path:
        for key, value in node_selector.items():
            entry = selector.value.get(key)
            if entry is None:
                line = f"{_yaml_scalar(key)}: {_yaml_scalar(str(value))}" if yaml else f'"{key}" = "{value}"'
                edit = edits.add_entry(text, selector, line)
            elif isinstance(entry.value, str) and entry.value != str(value):
                edit = _replace_scalar(text, entry, str(value), yaml)
            else:
                continue
            if edit is not None:
                fixes[f"scheduling.nodeSelector.{key}"] = safe(f"Select {key}: {value}", edit)
    elif selector is None and rc.can_schedule and yaml and document is not None and document.get("scheduling") is None:
        rows = [f"{_yaml_scalar(key)}: {_yaml_scalar(str(value))}" for key, value in node_selector.items()]
        if rows:
            edit = edits.add_entry(text, document, "\n".join(["scheduling:", "  nodeSelector:", *(f"    {r}" for r in rows)]))
            if edit is not None:
                fixes["scheduling.nodeSelector"] = safe("Add the Sysbox nodeSelector", edit)
    return fixes


_PLAIN = LazyPattern(r"[A-Za-z_][A-Za-z0-9_./-]*")
#: YAML 1.1 words a plain scalar would read as a boolean or null
_YAML_WORDS = frozenset(["y", "n", "yes", "no", "true", "false", "on", "off", "null"])


def _yaml_scalar(value: str) -> str:
    plain = _PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS
    return value if plain else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _replace_scalar(text: edits.Text, node: Node, value: str, yaml: bool):
    """The written string ``node`` (plain, or quoted without escapes) replaced by ``value`` in the same quoting."""
    if node.span.path != text.path:  # a value through a local of another file: not the finding's file
        return None
    start, end = text.range(node.span)
    written = text.text[start:end]
    if written == node.value and yaml:
        return edits.replace(node.span, _yaml_scalar(value))
    if _PLAIN.fullmatch(value) is None or len(written) < 2 or written[0] not in "\"'" or written[-1] != written[0]:
        return None
    if written[1:-1] != node.value or (written[0] == "'" and not yaml):
        return None
    return edits.replace(node.span, f"{written[0]}{value}{written[0]}")


def _selector_conflicts(workload: _Pod, rc: RuntimeClass) -> Iterator[Hit]:
    """A pod nodeSelector entry that contradicts its RuntimeClass's: admission rejects such pods."""
    ours = workload.node_selector
    theirs = rc.node_selector
    if ours is None or theirs is None or not isinstance(ours.value, dict) or not isinstance(theirs.value, dict):
        return
    for key, entry in ours.value.items():
        other = theirs.value.get(key)
        if other is None or not isinstance(entry.value, str) or not isinstance(other.value, str):
            continue
        if entry.value != other.value:
            written = f"{key}: {entry.value}" if workload.written_as_yaml else f'{key} = "{entry.value}"'
            yield Hit(entry.where,
                      f"`{written}` contradicts RuntimeClass `{rc.name}`, so Kubernetes rejects the pod at admission",
                      hint=f"remove the entry from the pod's `{workload.selector_name}` (the RuntimeClass adds its own)",
                      subject=workload.address, attribute=f"{workload.selector_name}.{key}",
                      related=(Related(other.where, f"RuntimeClass `{rc.name}` selects `{key}: {other.value}` here"),),
                      owner=workload.owner)


def _unlabelled_installers(pods: list[_Pod], install_label: dict, labelled) -> Iterator[Hit]:
    """(c) the Sysbox installer DaemonSet waits for a node label that nothing in scope applies."""
    for workload in pods:
        if "daemon" not in workload.kind.lower() or workload.node_selector is None:
            continue
        selector = workload.node_selector.value
        if not isinstance(selector, dict):
            continue
        for key, value in install_label.items():
            entry = selector.get(key)
            if entry is None or entry.value != value or labelled(key, value):
                continue
            yield Hit(entry.where,
                      f"The Sysbox installer runs only on nodes labelled `{key}={value}`, which nothing in scope applies",
                      hint=f"label the nodes (`kubectl label nodes <node> {key}={value}`, or the node group's labels for "
                           "managed node groups): until then it runs nowhere",
                      subject=workload.address, attribute=f"{workload.selector_name}.{key}",
                      owner=workload.owner, severity=Severity.NOTE)


def _label_applied(units: list[Unit], key: str, value: str) -> bool:
    """Whether any file in scope gives nodes the label: a ``key: value`` mapping outside pod specs
    (node groups, Karpenter NodePools, ``kubernetes_labels``) or a ``key=value`` string (``kubectl label``)."""
    text = f"{key}={value}"
    for unit in units:
        roots: list[tuple[Node, bool]] = []  # (tree, whether a mapping entry there may label nodes)
        if unit.yaml is not None:
            for document in unit.yaml.documents:
                kind = document.get("kind")
                pod = kind is not None and isinstance(kind.value, str) and kind.value in YAML_POD_KINDS
                roots.append((document, not pod))
        if unit.module is not None:
            for resource in unit.module.resources:
                pod = resource.type in TERRAFORM_POD_TYPES or (
                    resource.type == "kubernetes_manifest" and _manifest_kind(unit.module, resource) in YAML_POD_KINDS)
                roots.extend((node, not pod) for node in _attributes(unit.module, resource.block))
        for root, mappings in roots:
            for node in root.walk():
                if isinstance(node.value, str) and text in node.value:
                    return True
                if mappings and node.name == key and node.value == value:
                    return True
    return False


def _manifest_kind(module, resource):
    manifest = terraform_manifest(module, resource)
    kind = manifest.get("kind") if manifest is not None else None
    return kind.value if kind is not None else None


def _attributes(module, block) -> Iterator[Node]:
    """Every attribute of a Terraform block and its nested blocks, evaluated."""
    for node in block.attributes.values():
        yield module.evaluate(node)
    for child in block.blocks:
        yield from _attributes(module, child)

#: the rule looks across files: ``collect`` reads each unit, ``check`` judges the run
PROJECT_SCOPED = True
