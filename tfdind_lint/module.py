"""A Terraform module directory: every ``*.tf`` / ``*.tf.json`` file of one directory together, and evaluation.

Terraform evaluates a module per directory, so does this tool: a variable
declared in ``variables.tf`` is visible in ``main.tf``.  Child module
directories are modules of their own.
"""

from __future__ import annotations

import posixpath

from .expression import Call, Conditional, Expr, Opaque, Traversal, collect_references, evaluate
from .node import Block, Node, Reference, Unknown
from .record import Record, Value

#: Attributes whose traversals name provider configurations or addresses, not values to check.
_NOT_VALUE_REFERENCES = {
    "resource": ("provider",),
    "data": ("provider",),
    "module": ("providers",),
    "moved": ("from", "to"),
    "import": ("to",),
    "removed": ("from",),
}


class Variable(Record):
    """A ``variable`` block of a module."""

    __slots__ = _fields = ("name", "block")

    def __init__(self, name: str, block: Block):
        self.name = name
        self.block = block

    @property
    def default(self) -> Node | None:
        return self.block.attr("default")

    @property
    def type(self) -> Node | None:
        """The type constraint as written (``string``, ``list(object({...}))``): kept unevaluated."""
        return self.block.attr("type")

    @property
    def sensitive(self) -> bool:
        node = self.block.attr("sensitive")
        return node is not None and node.value is True

    @property
    def validations(self) -> list[Block]:
        return self.block.blocks_of("validation")


class Resource(Record):
    """A ``resource`` (mode ``managed``) or ``data`` (mode ``data``) block."""

    __slots__ = _fields = ("mode", "type", "name", "block", "path")

    def __init__(self, mode: str, type: str, name: str, block: Block, path: str):
        self.mode = mode
        self.type = type
        self.name = name
        self.block = block
        self.path = path

    @property
    def address(self) -> str:
        return f"data.{self.type}.{self.name}" if self.mode == "data" else f"{self.type}.{self.name}"

    @property
    def provider(self) -> str:
        """The provider local name Terraform infers from the type (``kubernetes_pod`` -> ``kubernetes``)."""
        return self.type.split("_", 1)[0]


class RequiredProvider(Record):
    """An entry of ``terraform { required_providers { ... } }``."""

    __slots__ = _fields = ("name", "node")

    def __init__(self, name: str, node: Node):
        self.name = name
        self.node = node  # the entry in required_providers (an object, or a bare version string in old syntax)

    @property
    def source(self) -> Node | None:
        return self.node.get("source") if isinstance(self.node.value, dict) else None

    @property
    def version(self) -> Node | None:
        if isinstance(self.node.value, dict):
            return self.node.get("version")
        return self.node  # `coder = "~> 1.0"` (pre-0.13 shorthand)


class Use(Value):
    """A reference as it occurs in a module: the top-level block it is in and the attribute path."""

    __slots__ = _fields = ("reference", "block", "path")

    def __init__(self, reference: Reference, block: Block, path: tuple[str, ...]):
        self.reference = reference
        self.block = block
        self.path = path


class Trace(Value):
    """A reference a value depends on, found by following ``local.x`` to its definition."""

    __slots__ = _fields = ("reference", "calls", "via", "flows")

    def __init__(self, reference: Reference, calls: tuple[str, ...], via: tuple[tuple[str, Node], ...], flows: bool):
        self.reference = reference
        #: the functions the reference is an argument of, outermost first (``("lower",)``)
        self.calls = calls
        #: the local values followed to reach it: (name, definition)
        self.via = via
        #: False when the reference only decides the value (a condition, an index, a ``for`` expression)
        self.flows = flows


class Module(Record):
    """One Terraform module (a directory): its files and the blocks they declare."""

    _fields = ("directory", "files", "variables", "locals", "resources", "module_calls", "providers",
               "required_providers", "uses")

    def __init__(self, directory: str):
        self.directory = directory
        self.files: list = []  # TerraformFile, in path order
        self.variables: dict[str, Variable] = {}
        self.locals: dict[str, Node] = {}
        self.resources: list[Resource] = []
        self.module_calls: dict[str, Block] = {}
        self.providers: list[Block] = []
        self.required_providers: dict[str, RequiredProvider] = {}
        self.uses: list[Use] = []
        self._evaluated: dict = {}
        #: the names bound around a dynamic block copied out of another one's content: id -> (block, scope)
        self._scopes: dict = {}
        self._evaluating: set = set()
        #: the directory's ``.terraform.lock.hcl`` (a TerraformFile) when it has one: the provider versions in use
        self.lock: object = None
        #: the commands of each script of the module read so far (model/scripts.py: several rules read the same scripts)
        self.script_commands: dict = {}

    @classmethod
    def build(cls, directory: str, files: list) -> Module:
        module = cls(directory)
        for tf in sorted(files, key=lambda f: f.path):
            module.files.append(tf)
            for block in tf.body.blocks:
                module._add(block, tf.path)
        return module

    def _add(self, block: Block, path: str) -> None:
        kind, labels = block.type, block.labels
        if kind == "variable" and labels:
            self.variables.setdefault(labels[0], Variable(labels[0], block))
        elif kind == "locals":
            for name, node in block.attributes.items():
                self.locals.setdefault(name, node)
        elif kind in ("resource", "data") and len(labels) >= 2:
            self.resources.append(Resource("data" if kind == "data" else "managed", labels[0], labels[1], block, path))
        elif kind == "module" and labels:
            self.module_calls.setdefault(labels[0], block)
        elif kind == "provider":
            self.providers.append(block)
        elif kind == "terraform":
            for required in block.blocks_of("required_providers"):
                for name, node in required.attributes.items():
                    self.required_providers.setdefault(name, RequiredProvider(name, node))
        if kind == "terraform":
            return  # settings and provider addresses (configuration_aliases), not value references
        skip = _NOT_VALUE_REFERENCES.get(kind, ())
        self._collect_uses(block, block, (), skip)

    def _collect_uses(self, top: Block, block: Block, path: tuple[str, ...], skip: tuple[str, ...]) -> None:
        for name, node in block.attributes.items():
            if name in skip or (block.type == "lifecycle" and name == "ignore_changes"):
                continue
            found: list[Reference] = []
            collect_references(node, found)
            self.uses.extend(Use(ref, top, path + (name,)) for ref in found)
        for child in block.blocks:
            self._collect_uses(top, child, path + (child.type,), ())

    # lookups -----------------------------------------------------------------------------------
    def resources_of(self, *types: str) -> list[Resource]:
        return [r for r in self.resources if r.mode == "managed" and r.type in types]

    def data_sources_of(self, *types: str) -> list[Resource]:
        return [r for r in self.resources if r.mode == "data" and r.type in types]

    def resource(self, address: str) -> Resource | None:
        for r in self.resources:
            if r.address == address:
                return r
        return None

    def declares(self, reference: Reference) -> bool:
        """Whether the object a reference names is declared in this module."""
        kind = reference.kind
        parts = reference.parts
        if kind == "var":
            return parts[1] in self.variables
        if kind == "local":
            return parts[1] in self.locals
        if kind == "module":
            return parts[1] in self.module_calls
        if kind in ("data", "resource"):
            return self.resource(reference.address) is not None
        return True

    def local_calls(self) -> list[tuple[str, Block]]:
        """``module`` blocks whose ``source`` is a local path, with the directory they call."""
        calls = []
        for block in self.module_calls.values():
            source = block.attr("source")
            if source is not None and isinstance(source.value, str) and source.value.startswith(("./", "../")):
                calls.append((posixpath.normpath(posixpath.join(self.directory, source.value)), block))
        return calls

    def locked_version(self, source: str) -> Node | None:
        """The ``version`` the lock file records for a provider source (``hashicorp/kubernetes``)."""
        if self.lock is None:
            return None
        address = source if source.count("/") >= 2 else f"registry.terraform.io/{source}"
        for block in self.lock.body.blocks_of("provider"):
            if block.labels[:1] == (address,):
                return block.attr("version")
        return None

    def configured(self, reference: Reference) -> Node | None:
        """The evaluated value a managed resource's configuration gives the attribute a reference reads.

        ``docker_volume.cache.name`` reads the ``name`` written in ``resource
        "docker_volume" "cache"``; ``kubernetes_persistent_volume_claim.home.metadata.0.name``
        follows the ``metadata`` block.  None when the configuration does not set
        it (the provider computes it) or the path is not a plain attribute.
        """
        resource = self.resource(reference.address) if reference.kind == "resource" else None
        if resource is None or not reference.attribute:
            return None
        block: Block | None = resource.block
        *blocks, name = reference.attribute
        for step in blocks:
            block = block.block(step) if block is not None else None
        return self.evaluate(block.attr(name)) if block is not None else None

    # evaluation --------------------------------------------------------------------------------
    def evaluate(self, node: Node | None) -> Node | None:
        """The node with every knowable expression resolved (docs/architecture.md, "Values and unknowns")."""
        if node is None:
            return None
        if not _has_expression(node):
            return node
        return evaluate(node, self._lookup)

    def value(self, node: Node | None):
        """The plain resolved value of a node (None when absent; Unknown when unknowable)."""
        if node is None:
            return None
        return self.evaluate(node).plain()

    def evaluate_in(self, node: Node | None, scope: dict[str, Node]) -> Node | None:
        """``evaluate`` with names bound around the node: a dynamic block's iterator (``mounts.value.source``)."""
        if node is None or not scope:
            return self.evaluate(node)
        if not _has_expression(node):
            return node

        def lookup(root: str, name: str) -> Node | None:
            bound = scope.get(root)
            if bound is not None:
                return bound.value.get(name)
            return self._lookup(root, name)

        return evaluate(node, lookup)

    # dynamic blocks ------------------------------------------------------------------------------
    def expand(self, block: Block, type_: str) -> tuple[list[Block], bool]:
        """The ``type_`` blocks inside ``block``: those written, then those its ``dynamic "type_"`` blocks produce.

        A dynamic block whose ``for_each`` is known (a literal, a default, a local, a
        conditional on a known value, ``toset([...])``, a map) gives one block per element,
        its ``content`` evaluated with the iterator bound: rules about the presence of a
        mount or a capability see what the template does by default.  The flag is True
        when a dynamic block's ``for_each`` is unknown or depends on a variable (whoever
        sets the variable may add blocks): rules about an absence stay silent then.
        """
        found = list(block.blocks_of(type_))
        open_ = False
        for dynamic in block.dynamic(type_):
            for_each = dynamic.attr("for_each")
            items = self.for_each_items(for_each)
            content = dynamic.block("content")
            if items is None or content is None:
                open_ = True
                continue
            open_ = open_ or any(t.reference.kind == "var" for t in self.trace(for_each))
            name = _iterator_name(dynamic)
            for key, value in items:
                scope = {**self._outer(dynamic), name: Node({"key": key, "value": value}, dynamic.head)}
                found.append(self._instantiate(content, scope, type_, dynamic.head))
        return found, open_

    def possible(self, block: Block, type_: str) -> list[Block] | None:
        """Every ``type_`` block that may exist on some branch: a ``for_each`` conditional on an unknown value
        (``var.dind ? [1] : []``) contributes both branches; None when a ``for_each`` is unknown on a branch."""
        found = list(block.blocks_of(type_))
        for dynamic in block.dynamic(type_):
            content = dynamic.block("content")
            for_each = dynamic.attr("for_each")
            if any(t.flows and t.reference.kind == "var" for t in self.trace(for_each)):
                return None  # the elements come from a variable: whoever sets it may add more
            items = self.for_each_items(for_each, branches=True)
            if items is None or content is None:
                return None
            name = _iterator_name(dynamic)
            for key, value in items:
                scope = {**self._outer(dynamic), name: Node({"key": key, "value": value}, dynamic.head)}
                found.append(self._instantiate(content, scope, type_, dynamic.head))
        return found

    def _outer(self, dynamic: Block) -> dict[str, Node]:
        """The iterators bound around a dynamic block that is itself the content of another one."""
        kept = self._scopes.get(id(dynamic))
        return kept[1] if kept is not None and kept[0] is dynamic else {}

    def _instantiate(self, block: Block, scope: dict[str, Node], type_: str | None = None, head=None) -> Block:
        """A copy of a block with every attribute evaluated in ``scope`` (nested blocks too)."""
        if block.type == "dynamic" and not type_:  # its content is evaluated when it is expanded, with both iterators
            attributes = {name: self.evaluate_in(node, scope) if name == "for_each" else node
                          for name, node in block.attributes.items()}
            copy = Block(block.type, block.labels, attributes, block.blocks, block.span, block.head)
            self._scopes[id(copy)] = (copy, {**self._outer(block), **scope})
            return copy
        attributes = {name: self.evaluate_in(node, scope) for name, node in block.attributes.items()}
        children = [self._instantiate(child, scope) for child in block.blocks]
        return Block(type_ or block.type, () if type_ else block.labels, attributes, children, block.span, head or block.head)

    def for_each_items(self, node: Node | None, branches: bool = False) -> list[tuple[Node, Node]] | None:
        """The (key, value) pairs a ``for_each`` iterates over, or None when they are not known.

        A map gives its keys; a set (``toset``) gives each element as key and value; a list its indexes.
        ``branches``: a conditional on an unknown value gives the elements of both branches.
        """
        found = self._collection(node, 0, branches)
        if found is None:
            return None
        value, is_set = found
        if isinstance(value, dict):
            return [(Node(key, item.span), item) for key, item in value.items()]
        return [(item if is_set else Node(index, item.span), item) for index, item in enumerate(value)]

    def _collection(self, node: Node | None, depth: int, branches: bool = False) -> tuple[list | dict, bool] | None:
        if node is None or depth > 20:
            return None
        value = node.value
        if isinstance(value, Unknown):
            return self._collection(Node(value.expr, node.span), depth + 1, branches) if value.expr is not None else None
        if isinstance(value, Conditional):
            condition = self.evaluate(value.condition).value
            if condition in ("true", "false"):
                condition = condition == "true"
            if isinstance(condition, bool):
                return self._collection(value.then if condition else value.otherwise, depth + 1, branches)
            if not branches:
                return None
            both = [self._collection(branch, depth + 1, branches) for branch in (value.then, value.otherwise)]
            if any(b is None for b in both):
                return None
            if all(isinstance(b[0], dict) for b in both):
                return {**both[1][0], **both[0][0]}, False
            return [item for b in both for item in (b[0].values() if isinstance(b[0], dict) else b[0])], any(b[1] for b in both)
        if isinstance(value, Call):
            if value.name in ("toset", "tolist", "tomap") and len(value.args) == 1:
                inner = self._collection(value.args[0], depth + 1, branches)
                return None if inner is None else (inner[0], value.name == "toset" or inner[1])
            if value.name == "concat":
                items: list = []
                for arg in value.args:
                    inner = self._collection(arg, depth + 1, branches)
                    if inner is None or not isinstance(inner[0], list):
                        return None
                    items += inner[0]
                return items, False
            return None
        if isinstance(value, Traversal) and value.reference is not None and len(value.steps) == 1 \
                and value.reference.kind in ("var", "local"):
            name = value.steps[0][1]
            if value.reference.kind == "local":
                return self._collection(self.locals.get(name), depth + 1, branches)
            variable = self.variables.get(name)
            return self._collection(variable.default if variable is not None else None, depth + 1, branches)
        evaluated = self.evaluate(node)
        if isinstance(evaluated.value, (list, dict)):
            return evaluated.value, False
        return None

    def _lookup(self, root: str, name: str) -> Node | None:
        if root not in ("var", "local"):
            return None  # a `for` or dynamic-block iterator with nothing bound to it
        key = (root, name)
        if key in self._evaluated:
            return self._evaluated[key]
        if key in self._evaluating:  # a cycle: Terraform rejects it, we call it unknown
            return None
        if root == "var":
            variable = self.variables.get(name)
            source = variable.default if variable is not None else None
        else:
            source = self.locals.get(name)
        if source is None:
            result = None
        else:
            self._evaluating.add(key)
            try:
                result = evaluate(source, self._lookup)
            finally:
                self._evaluating.discard(key)
            if isinstance(result.value, Unknown):
                result = None
        self._evaluated[key] = result
        return result

    def trace(self, node: Node | None) -> list[Trace]:
        """Every reference a value depends on, through local values, with the calls around it."""
        found: list[Trace] = []
        if node is not None:
            self._trace(node.value, (), (), True, found)
        return found

    def _trace(self, value, calls: tuple, via: tuple, flows: bool, found: list[Trace]) -> None:
        if isinstance(value, Node):
            value = value.value
        if isinstance(value, Unknown):  # an evaluated value: its expression, else what it references
            if value.expr is not None:
                self._trace(value.expr, calls, via, flows, found)
            else:
                found.extend(Trace(r, calls, via, flows) for r in value.references)
        elif isinstance(value, dict):
            for child in value.values():
                self._trace(child, calls, via, flows, found)
        elif isinstance(value, list):
            for child in value:
                self._trace(child, calls, via, flows, found)
        elif isinstance(value, Traversal):
            ref = value.reference
            if ref is not None and ref.kind == "local" and len(ref.parts) > 1 and ref.parts[1] in self.locals \
                    and all(name != ref.parts[1] for name, _ in via):
                definition = self.locals[ref.parts[1]]
                self._trace(definition, calls, via + ((ref.parts[1], definition),), flows, found)
            elif ref is not None:
                found.append(Trace(ref, calls, via, flows))
            if value.inner is not None:
                self._trace(value.inner, calls, via, flows, found)
            for kind, step in value.steps:
                if kind == "index":
                    self._trace(step, calls, via, False, found)
        elif isinstance(value, Call):
            for arg in value.args:
                self._trace(arg, calls + (value.name,), via, flows, found)
        elif isinstance(value, Conditional):
            self._trace(value.condition, calls, via, False, found)
            condition = self.evaluate(value.condition).value
            if condition in ("true", "false"):
                condition = condition == "true"
            branches = [value.then, value.otherwise] if not isinstance(condition, bool) else [value.then if condition else value.otherwise]
            for branch in branches:
                self._trace(branch, calls, via, flows, found)
        elif isinstance(value, Opaque):
            for child in value.children():
                self._trace(child, calls, via, False, found)
        elif isinstance(value, Expr):  # templates and operators: their parts flow into the value
            for child in value.children():
                self._trace(child, calls, via, flows, found)


def _iterator_name(dynamic: Block) -> str:
    """The name a dynamic block's content reads its element by: ``iterator = x``, else the block's label."""
    node = dynamic.attr("iterator")
    if node is not None:
        if isinstance(node.value, Traversal) and not node.value.steps:
            return node.value.root
        if isinstance(node.value, str):
            return node.value
    return dynamic.labels[0]


def _has_expression(node: Node) -> bool:
    value = node.value
    if isinstance(value, Expr):
        return True
    if isinstance(value, dict):
        return any(_has_expression(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_expression(v) for v in value)
    return False
