"""Node definitions and their Bottlerocket user data (what TDL304 and TDL305 read).

Three places define nodes: a Karpenter ``EC2NodeClass`` (a YAML document, or a
``kubernetes_manifest``), the ``user_data`` of a Terraform
``aws_launch_template``, and a standalone ``.toml`` user-data file.  Each is
read into a ``NodeDefinition`` whose user data is a positioned TOML tree.
"""

from __future__ import annotations

from ..context import Context
from ..expression import Call
from ..manifest_shape import terraform_manifest
from ..node import Node, Span, Unknown
from ..record import Record
from ..sources import UNKNOWN, SourceError
from .roles import script_text

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from ..sources import toml


def _toml():
    """The TOML reader, imported when a template has user data to read (cold start)."""
    from ..sources import toml  # noqa: PLC0415

    return toml

#: Karpenter amiFamily values (and alias families) that are not Bottlerocket. ``Custom`` may be anything.
OTHER_FAMILIES = frozenset({"al2", "al2023", "ubuntu", "windows2019", "windows2022"})
#: Functions that pass their argument through to the user data (base64 is how launch templates take it).
_PASS_THROUGH = ("base64encode", "trimspace", "chomp")


class NodeDefinition(Record):
    _fields = ("subject", "owner", "head", "bottlerocket", "family", "text", "settings", "error", "complete", "exact")

    subject: str  # EC2NodeClass/<name>, aws_launch_template.<name>, or the file's path
    owner: Span  # the object's first line (suppressions there apply)
    head: Span  # where a setting missing from the whole definition is reported
    bottlerocket: bool | None  # True / False when the AMI family is known, else None
    family: Node | None  # the amiFamily or alias that says which family it is
    text: Node | None  # the user-data string (None for a .toml file)
    settings: toml.TomlFile | None  # the parsed user data; None when absent, unknown or broken
    error: SourceError | None  # a TOML syntax error in embedded user data
    complete: bool  # no unknown piece in the user data
    exact: bool  # positions inside the user data are exact

    def __init__(self, subject: str, owner: Span, head: Span, bottlerocket: bool | None, family: Node | None,
                 text: Node | None, settings: toml.TomlFile | None, error: SourceError | None = None,
                 complete: bool = True, exact: bool = True):
        self.subject = subject
        self.owner = owner
        self.head = head
        self.bottlerocket = bottlerocket
        self.family = family
        self.text = text
        self.settings = settings
        self.error = error
        self.complete = complete
        self.exact = exact

    def at(self, span: Span) -> Span:
        """A position inside the user data, or the user-data attribute when positions are not exact."""
        return span if self.exact or self.text is None else self.text.where


def node_definitions(ctx: Context) -> list[NodeDefinition]:
    found: list[NodeDefinition] = []
    for unit in ctx.units:
        if unit.toml is not None:
            document = unit.toml
            head = document.root.span
            first = document.root.get("settings")
            found.append(NodeDefinition(document.path, Span(document.path, 1, 1, 1, 1),
                                        first.span if first is not None else head, True, None, None, document))
        if unit.yaml is not None:
            for document in unit.yaml.documents:
                definition = _node_class(document, None)
                if definition is not None:
                    found.append(definition)
        if unit.module is not None:
            found.extend(_terraform(unit.module))
    return found


def _terraform(module) -> list[NodeDefinition]:
    found = []
    for resource in module.resources_of("aws_launch_template"):
        attribute = node = resource.block.attr("user_data")
        while node is not None and isinstance(node.value, Call) and node.value.name in _PASS_THROUGH and len(node.value.args) == 1:
            node = node.value.args[0]
        node = module.evaluate(node)
        if node is None or not _toml().looks_like_user_data(script_text(node) or ""):
            continue  # shell or MIME user data (not Bottlerocket), or nothing knowable
        definition = NodeDefinition(resource.address, resource.block.head, attribute.where, True, None, node, None)
        found.append(_with_user_data(definition, node))
    for resource in module.resources_of("kubernetes_manifest"):
        manifest = terraform_manifest(module, resource)
        if manifest is not None and isinstance(manifest.value, dict):
            definition = _node_class(manifest, resource)
            if definition is not None:
                found.append(definition)
    return found


def _node_class(document: Node, resource) -> NodeDefinition | None:
    kind = document.get("kind")
    if kind is None or kind.value != "EC2NodeClass":
        return None
    name = document.get("metadata", "name")
    subject = resource.address if resource is not None else f"EC2NodeClass/{name.value if name is not None else '?'}"
    owner = resource.block.head if resource is not None else document.span
    spec = document.get("spec")
    bottlerocket, family = _family(spec)
    user_data = spec.get("userData") if spec is not None else None
    head = user_data.where if user_data is not None else (spec.where if spec is not None else kind.where)
    definition = NodeDefinition(subject, owner, head, bottlerocket, family, user_data, None)
    if user_data is None:
        return definition
    if bottlerocket is not True and not _toml().looks_like_user_data(script_text(user_data) or ""):
        return definition  # another family's user data (shell, MIME): not TOML
    return _with_user_data(definition, user_data)


def _family(spec: Node | None) -> tuple[bool | None, Node | None]:
    """Whether an EC2NodeClass runs Bottlerocket: its ``amiFamily``, else the ``alias`` of an ``amiSelectorTerms`` entry."""
    if spec is None:
        return None, None
    family = spec.get("amiFamily")
    if family is not None and isinstance(family.value, str):
        return _is_bottlerocket(family.value), family
    terms = spec.get("amiSelectorTerms")
    for term in terms.items() if terms is not None else ():
        alias = term.get("alias")
        if alias is not None and isinstance(alias.value, str) and "@" in alias.value:
            return _is_bottlerocket(alias.value.split("@", 1)[0]), alias
    return None, None


def _is_bottlerocket(family: str) -> bool | None:
    name = family.lower()
    return True if name == "bottlerocket" else False if name in OTHER_FAMILIES else None


def _with_user_data(definition: NodeDefinition, node: Node) -> NodeDefinition:
    """Parse a user-data string into the definition, positioned in its file."""
    value = node.value
    if isinstance(value, Unknown) and not value.parts:
        definition.complete = False
        return definition
    text = "".join(p if isinstance(p, str) else UNKNOWN for p in value.parts) if isinstance(value, Unknown) else value
    if not isinstance(text, str):
        return definition
    definition.complete = UNKNOWN not in text
    lines = node.lines
    definition.exact = bool(lines) and len({column for _, column in lines}) == 1
    line, column = lines[0] if lines else (node.span.line, node.span.column)
    try:
        definition.settings = _toml().parse_text(node.span.path, text, line - 1, column - 1)
    except SourceError as error:
        if definition.complete:
            definition.error = SourceError(error.message, definition.at(error.span))
    return definition
