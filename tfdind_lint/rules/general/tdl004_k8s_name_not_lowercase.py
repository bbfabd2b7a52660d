"""TDL004 k8s-name-not-lowercase: A Kubernetes object name built from a Coder user, workspace or parameter value
without lower()."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...model.daemon import mentions_start_count
from ...module import Module, Resource
from ...node import Node, Reference
from .helpers import kubernetes_resources

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: functions whose result is lower case, or that already rewrite the name: no finding
NAME_SANITIZERS = frozenset({"lower", "replace", "regex", "regexall", "md5", "sha1", "sha256", "sha512"})


def _case_sensitive(ref: Reference) -> bool:
    """Coder values that may hold upper case: workspace and user names, parameter values (coder/coder ``codersdk/name.go`` allows upper case)."""
    parts = ref.parts
    if len(parts) < 4 or parts[0] != "data":
        return False
    return (parts[1] == "coder_workspace" and parts[3] in ("name", "owner")) or \
        (parts[1] == "coder_workspace_owner" and parts[3] == "name") or \
        (parts[1] == "coder_parameter" and parts[3] == "value")


def check(ctx: Context) -> Iterator[Hit]:
    """TDL004: a Kubernetes object name built from a Coder name without ``lower()``."""
    for module, resource in kubernetes_resources(ctx):
        for attribute, node in _kubernetes_names(resource):
            if module.evaluate(node).known:
                continue
            found = [t for t in module.trace(node)
                     if t.flows and _case_sensitive(t.reference) and not NAME_SANITIZERS.intersection(t.calls)]
            if not found:
                continue
            texts = list(dict.fromkeys(f"`{t.reference.text}`" for t in found))
            locals_: dict[str, tuple[Node, list[str]]] = {}  # the local each value comes through
            for t in found:
                if t.via:
                    name, definition = t.via[-1]
                    locals_.setdefault(name, (definition, []))[1].append(f"`{t.reference.text}`")
            related = tuple(Related(definition.where, f"`local.{name}` includes {' and '.join(dict.fromkeys(parts))} here")
                            for name, (definition, parts) in locals_.items())
            yield Hit(
                node.where,
                f"`{attribute}` may contain upper case, which Kubernetes names forbid",
                hint=f"wrap it in `lower(...)`: {' and '.join(texts)} may be upper case (Coder allows it in user "
                     "and workspace names)",
                subject=resource.address, attribute=attribute, related=related, owner=resource.block.head,
                fix=_fix(ctx, module, resource, attribute, node, found),
            )


#: objects Terraform may replace without losing data: pods, and Deployments (their pods hold no state of their own)
EPHEMERAL_TYPES = frozenset({"kubernetes_pod", "kubernetes_pod_v1", "kubernetes_deployment", "kubernetes_deployment_v1"})


def _fix(ctx, module: Module, resource: Resource, attribute: str, node: Node, found: list) -> Fix | None:
    """Wrap each Coder name the attribute writes in ``lower(...)``.

    Only for ephemeral objects (a pod or Deployment, or any object whose ``count`` follows
    ``start_count``): renaming a persistent one (a PVC) replaces it and loses its data, so
    there the finding has no fix.  Not for ``claim_name`` (it names a PVC, which keeps its
    name), nor for a value that comes through a local (the local may name other objects too).
    """
    ephemeral = resource.type in EPHEMERAL_TYPES or mentions_start_count(resource.block.attr("count"), module)
    if not ephemeral or attribute.rsplit(".", 1)[-1] in ("claim_name", "claimName") or any(t.via for t in found):
        return None
    text = edits.source(ctx, node.span.path)
    if text is None:
        return None
    start, end = text.range(node.span)
    wraps = []
    for span in dict.fromkeys(t.reference.span for t in found):
        at, to = text.range(span)
        written = text.text[at:to]
        if not start <= at < to <= end or not written.startswith("data.") or not written.replace(".", "").replace(
                "_", "").replace("-", "").isalnum():
            return None  # not a plain traversal written in the attribute itself
        wraps.append(edits.replace(span, f"lower({written})"))
    return safe("Wrap in lower(...)", *wraps) if wraps else None


def _kubernetes_names(resource: Resource) -> Iterator[tuple[str, Node]]:
    """(attribute path, node) of every object name and claim name a kubernetes_* resource sets."""
    if resource.type == "kubernetes_manifest":
        manifest = resource.block.attr("manifest")
        if manifest is not None:
            yield from _manifest_names(manifest, "manifest")
        return
    yield from _block_names(resource.block, ())


def _block_names(block, path: tuple[str, ...]) -> Iterator[tuple[str, Node]]:
    claim = block.attr("claim_name")
    if claim is not None:
        yield ".".join(path + ("claim_name",)), claim
    for child in block.blocks:
        inner = path + (child.type,)
        if child.type == "metadata":
            for name in ("name", "generate_name"):
                node = child.attr(name)
                if node is not None:
                    yield ".".join(inner + (name,)), node
        yield from _block_names(child, inner)


def _manifest_names(node: Node, path: str) -> Iterator[tuple[str, Node]]:
    value = node.value
    if isinstance(value, list):
        for item in value:
            yield from _manifest_names(item, path)
    if not isinstance(value, dict):
        return
    for key, child in value.items():
        if key == "claimName":
            yield f"{path}.claimName", child
        elif key == "metadata" and isinstance(child.value, dict):
            for name in ("name", "generateName"):
                if name in child.value:
                    yield f"{path}.metadata.{name}", child.value[name]
        yield from _manifest_names(child, f"{path}.{key}")
