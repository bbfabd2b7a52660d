"""The types the model expects of a Kubernetes object's fields, enforced where the object is read.

YAML and JSON put any value anywhere: a damaged line turns ``kind: Pod`` into ``kind:`` with a
mapping under it, ``name: 123`` is a number, ``command: sleep`` a string.  Rules are written
for the API's types, so every manifest goes through ``conform`` before anything reads it (YAML
documents in ``sources/kubernetes.py``, ``kubernetes_manifest`` values through ``terraform_manifest``):
a field of the wrong shape becomes an ``Unknown`` (rules do not judge it: "unknown is not
bad"), so no rule meets a mapping where it expects a string.  Fields not listed here are left as
they are; rules reading them check the type themselves.

``apiVersion`` and ``kind`` are the exception in YAML: a document whose ``kind`` is not a string
is not read at all, and ``kind_problem`` says why (a TDL000 finding: Kubernetes rejects it too).
"""

from __future__ import annotations

from .node import Node, Unknown

STR = "str"  # a string (null allowed: the field is empty)
SCALAR = "scalar"  # any scalar: booleans and numbers, which Terraform may also write as strings


class _List:
    def __init__(self, item):
        self.item = item


class _Map:
    """A mapping whose every value has the same shape (labels, annotations, nodeSelector)."""

    def __init__(self, value):
        self.value = value


def _obj(**fields) -> dict:
    return fields


_STRINGS = _Map(STR)
_NAME_REF = _obj(name=STR, key=STR, optional=SCALAR)
METADATA = _obj(name=STR, namespace=STR, generateName=STR, labels=_STRINGS, annotations=_STRINGS)
_SECURITY = _obj(
    privileged=SCALAR, runAsUser=SCALAR, runAsGroup=SCALAR, runAsNonRoot=SCALAR, fsGroup=SCALAR,
    allowPrivilegeEscalation=SCALAR, readOnlyRootFilesystem=SCALAR, procMount=STR,
    capabilities=_obj(add=_List(STR), drop=_List(STR)),
    appArmorProfile=_obj(type=STR, localhostProfile=STR), seccompProfile=_obj(type=STR, localhostProfile=STR),
)
_ENV = _obj(name=STR, value=STR, valueFrom=_obj(
    secretKeyRef=_NAME_REF, configMapKeyRef=_NAME_REF, fieldRef=_obj(fieldPath=STR, apiVersion=STR),
    resourceFieldRef=_obj(resource=STR, containerName=STR, divisor=SCALAR)))
_CONTAINER = _obj(
    name=STR, image=STR, command=_List(STR), args=_List(STR), workingDir=STR, env=_List(_ENV),
    envFrom=_List(_obj(prefix=STR, configMapRef=_obj(name=STR), secretRef=_obj(name=STR))),
    volumeMounts=_List(_obj(name=STR, mountPath=STR, subPath=STR, readOnly=SCALAR, mountPropagation=STR)),
    securityContext=_SECURITY, resources=_obj(limits=_Map(SCALAR), requests=_Map(SCALAR)),
    ports=_List(_obj(name=STR, containerPort=SCALAR, hostPort=SCALAR, protocol=STR)),
)
_VOLUME = _obj(
    name=STR, hostPath=_obj(path=STR, type=STR), emptyDir=_obj(medium=STR, sizeLimit=SCALAR),
    persistentVolumeClaim=_obj(claimName=STR, readOnly=SCALAR), configMap=_obj(name=STR, defaultMode=SCALAR),
    secret=_obj(secretName=STR, defaultMode=SCALAR),
)
POD_SPEC = _obj(
    containers=_List(_CONTAINER), initContainers=_List(_CONTAINER), volumes=_List(_VOLUME),
    runtimeClassName=STR, serviceAccountName=STR, hostNetwork=SCALAR, hostPID=SCALAR, hostIPC=SCALAR,
    hostUsers=SCALAR, shareProcessNamespace=SCALAR, nodeSelector=_STRINGS, securityContext=_SECURITY,
    imagePullSecrets=_List(_obj(name=STR)), hostname=STR,
)
_TEMPLATE = _obj(metadata=METADATA, spec=POD_SPEC)
_CONTROLLER = _obj(template=_TEMPLATE, replicas=SCALAR, selector=_obj(matchLabels=_STRINGS))
_DATA = _obj(data=_STRINGS, stringData=_STRINGS, binaryData=_STRINGS)

#: The shape of an object of each kind read by a rule (every kind: apiVersion, kind, metadata).
KINDS = {
    "Pod": _obj(spec=POD_SPEC),
    **{kind: _obj(spec=_CONTROLLER)
       for kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job")},
    "CronJob": _obj(spec=_obj(jobTemplate=_obj(metadata=METADATA, spec=_obj(template=_TEMPLATE)))),
    "RuntimeClass": _obj(handler=STR, scheduling=_obj(nodeSelector=_STRINGS)),
    "ConfigMap": _DATA,
    "Secret": _DATA,
    "EC2NodeClass": _obj(spec=_obj(userData=STR, amiFamily=STR, amiSelectorTerms=_List(_obj(alias=STR)))),
}
_COMMON = _obj(apiVersion=STR, kind=STR, metadata=METADATA)


def kind_problem(document: Node) -> tuple[str, Node] | None:
    """Why a YAML document with ``apiVersion`` and ``kind`` keys is no Kubernetes object, and where; None if it is one."""
    for key, example in (("apiVersion", "`v1`"), ("kind", "`Pod`")):
        node = document.value[key]
        value = node.value
        if isinstance(value, str) and value:
            continue
        if value is None or value == "":
            return f"Invalid manifest: `{key}` is empty; Kubernetes rejects the object", node
        hint = " (is the line below it indented by mistake?)" if isinstance(value, dict) else ""
        return (f"Invalid manifest: `{key}` holds {_describe(value)}, not a string such as {example}; Kubernetes "
                f"rejects the object{hint}"), node
    return None


def conform(document: Node, strict: bool = True) -> Node:
    """The object with every listed field of the wrong shape made ``Unknown`` (a new tree where anything changed).

    ``strict`` (YAML): a number or boolean where a string is expected is wrong too, as Kubernetes'
    decoder says; otherwise (Terraform) it is converted to a string, as Terraform converts it.
    """
    if not isinstance(document.value, dict):
        return document
    kind = document.value.get("kind")
    shape = dict(_COMMON)
    if kind is not None and isinstance(kind.value, str):
        shape.update(KINDS.get(kind.value, {}))
    return _conform(document, shape, strict)


def terraform_manifest(module, resource) -> Node | None:
    """A ``kubernetes_manifest``'s ``manifest`` evaluated, its fields conformed (None when it is not set)."""
    node = module.evaluate(resource.block.attr("manifest"))
    return conform(node, strict=False) if node is not None else None


def _conform(node: Node, shape, strict: bool) -> Node:
    value = node.value
    if value is None or isinstance(value, Unknown) or not isinstance(value, (str, int, float, bool, list, dict)):
        return node  # null (empty), unknown, or an unevaluated expression: nothing to judge
    if shape == SCALAR:
        return _unknown(node) if isinstance(value, (list, dict)) else node
    if shape == STR:
        if isinstance(value, str):
            return node
        if isinstance(value, (list, dict)) or strict:
            return _unknown(node)
        text = ("true" if value else "false") if isinstance(value, bool) else (
            str(int(value)) if isinstance(value, float) and value.is_integer() else str(value))
        return Node(text, node.span, node.key, node.name, node.lines)
    if isinstance(shape, _List):
        if not isinstance(value, list):
            return _unknown(node)
        items = [_conform(item, shape.item, strict) for item in value]
        changed = any(a is not b for a, b in zip(items, value))
        return Node(items, node.span, node.key, node.name, node.lines) if changed else node
    if not isinstance(value, dict):
        return _unknown(node)
    if isinstance(shape, _Map):
        entries = {k: _conform(v, shape.value, strict) for k, v in value.items()}
    else:
        entries = {k: _conform(v, shape[k], strict) if k in shape else v for k, v in value.items()}
    changed = any(entries[k] is not value[k] for k in value)
    return Node(entries, node.span, node.key, node.name, node.lines) if changed else node


def _unknown(node: Node) -> Node:
    value = node.value
    text = "{...}" if isinstance(value, dict) else "[...]" if isinstance(value, list) else _scalar_text(value)
    return Node(Unknown(text), node.span, node.key, node.name, node.lines)


def _scalar_text(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _describe(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None or value == "":
        return "empty"
    if isinstance(value, bool):
        return f"the boolean `{'true' if value else 'false'}`"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    return f"`{value}`"
