"""The providers a module requires: each requirement of a provider, its source and its version constraint."""

from __future__ import annotations

from ..context import Context
from ..finding import Related
from ..module import Module
from ..node import Node
from ..record import MutableValue
from ..versions import ANY, Constraint, ConstraintError


class _Requirement(MutableValue):
    """What one configuration (a root and the directories it calls) requires of a provider's version."""

    _fields = ("entries", "versions", "constraint", "configuration")

    entries: list[Node]  # the provider's `required_providers` entries in the modules of the configuration
    versions: list[Node]  # their `version` attributes
    constraint: Constraint | None  # the versions' intersection; None when there are none or one cannot be read
    configuration: list[Module]

    def __init__(self, entries: list[Node], versions: list[Node], constraint: Constraint | None,
                 configuration: list[Module]):
        self.entries = entries
        self.versions = versions
        self.constraint = constraint
        self.configuration = configuration

    @property
    def unreadable(self) -> bool:
        return bool(self.versions) and self.constraint is None

    def unpinned(self, provider: str) -> tuple[Related, ...]:
        """Where the provider is required without a version (nothing when it is not required at all)."""
        return tuple(Related(e.where, f"`{provider}` is required here without a version constraint") for e in self.entries)


def provider_requirements(ctx: Context, module: Module, provider: str) -> list[_Requirement]:
    """For each configuration ``module`` belongs to: the version constraints on ``provider``."""
    found = []
    for configuration in ctx.configurations(module):
        entries = [m.required_providers[provider].node for m in configuration if provider in m.required_providers]
        versions = [v for m in configuration if provider in m.required_providers
                    and (v := m.required_providers[provider].version) is not None]
        constraint: Constraint | None = ANY if versions else None
        for version in versions:
            try:
                constraint = constraint.intersect(Constraint.parse(version.value)) if isinstance(version.value, str) else None
            except ConstraintError:
                constraint = None  # not a constraint Terraform accepts: unknown
            if constraint is None:
                break
        found.append(_Requirement(entries, versions, constraint, configuration))
    return found
