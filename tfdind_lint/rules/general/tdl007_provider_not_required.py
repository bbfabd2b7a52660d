"""TDL007 provider-not-required: A resource of a provider that the module directory's required_providers does not
declare."""

from __future__ import annotations

from ...context import Context
from ...expression import Traversal
from ...finding import Hit, Related, Severity
from ...module import Module, Resource
from ...node import Node

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def _provider_name(resource: Resource) -> str:
    """The provider local name a resource uses: its ``provider`` meta-argument, else the type's prefix."""
    meta = resource.block.attr("provider")
    if meta is not None:
        value = meta.value
        if isinstance(value, Traversal) and value.root:
            return value.root
        if isinstance(value, str) and value:
            return value.split(".", 1)[0]
    return resource.provider


def check(ctx: Context, *, hashicorp_providers, sources) -> Iterator[Hit]:
    """TDL007: a provider used in a module directory whose ``required_providers`` does not declare it."""
    for module in ctx.complete_modules:
        first: dict[str, Resource] = {}
        for resource in module.resources:
            name = _provider_name(resource)
            if name != "terraform":  # terraform_data / terraform_remote_state: built in
                first.setdefault(name, resource)
        for name, resource in first.items():
            hashicorp = name in hashicorp_providers
            required = module.required_providers.get(name)
            if required is not None:
                if not hashicorp and required.source is None:
                    yield Hit(
                        required.node.where,
                        f"`{name}` is required without a `source`, so `terraform init` looks for `hashicorp/{name}` and fails",
                        hint=f"write `{name} = {{ source = \"{sources.get(name, f'<namespace>/{name}')}\" }}`",
                        subject=f"required_providers.{name}", attribute="source", owner=required.node.where,
                        related=(Related(resource.block.head, f"`{resource.address}` uses provider `{name}`"),),
                    )
                continue
            declared_above = _declared_by_callers(ctx, module, name)
            if hashicorp and declared_above:
                continue  # the caller pins it; the child shares the same hashicorp/<name>
            yield _undeclared_provider(module, resource, name, hashicorp, declared_above, sources)


def _declared_by_callers(ctx: Context, module: Module, name: str) -> list[Node]:
    """The declarations of provider ``name`` in the directories that call ``module`` (transitively)."""
    found, seen, stack = [], {module.directory}, [module]
    while stack:
        for caller, _ in ctx.callers(stack.pop()):
            if caller.directory in seen:
                continue
            seen.add(caller.directory)
            if name in caller.required_providers:
                found.append(caller.required_providers[name].node)
            stack.append(caller)
    return found


def _undeclared_provider(module: Module, resource: Resource, name: str, hashicorp: bool, declared_above: list[Node],
                         sources: dict) -> Hit:
    where = f"no `required_providers` in {module.directory or '.'}/ declares it"
    if hashicorp:
        message = f"Provider `{name}` is not in this module's `required_providers`, so it is unpinned"
        hint = (f"add `{name} = {{ source = \"hashicorp/{name}\", version = \"...\" }}` to `required_providers`: "
                f"{where}, so Terraform installs the newest `hashicorp/{name}`")
        severity = Severity.NOTE
    else:
        source = sources.get(name, f"<namespace>/{name}")
        message = (f"Provider `{name}` is not in this module's `required_providers`: `terraform init` looks for "
                   f"`hashicorp/{name}` and fails")
        hint = f"add `{name} = {{ source = \"{source}\" }}` to `terraform {{ required_providers {{ ... }} }}`"
        severity = None
        if declared_above:
            hint += " (a child module must declare it itself: the caller's declaration is not inherited)"
    related = [Related(node.where, f"the calling module declares `{name}` here") for node in declared_above]
    for tf in module.files:
        for block in tf.body.blocks_of("terraform"):
            related.extend(Related(b.head, f"declare `{name}` here") for b in block.blocks_of("required_providers"))
    return Hit(resource.block.head, message, subject=resource.address, attribute="provider", related=tuple(related),
               severity=severity, owner=resource.block.head, hint=hint)
