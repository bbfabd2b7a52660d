"""What a check sees: the modules, manifests and workloads of its scope."""

from __future__ import annotations

from dataclasses import dataclass, field

from .module import Module
from .sources.kubernetes import YamlFile
from .sources.toml import TomlFile
from .workload import Workload


@dataclass(eq=False)
class Unit:
    """One Terraform module directory, one YAML file or one TOML file: the grain the linter works in."""

    path: str
    module: Module | None = None
    yaml: YamlFile | None = None
    toml: TomlFile | None = None
    workloads: list[Workload] = field(default_factory=list)
    #: False when a file of the module could not be parsed: rules that need every
    #: declaration of the directory (undeclared / unused names) stay silent.
    complete: bool = True


@dataclass(eq=False)
class Context:
    """The units a check runs over.  A ``unit`` check gets one unit; a ``project`` check gets them all."""

    units: list[Unit]
    #: Every unit of the run, for checks that look across files (RuntimeClasses, device plugins...).
    project: "Context | None" = None

    @property
    def modules(self) -> list[Module]:
        return [u.module for u in self.units if u.module is not None]

    @property
    def complete_modules(self) -> list[Module]:
        return [u.module for u in self.units if u.module is not None and u.complete]

    @property
    def yaml_files(self) -> list[YamlFile]:
        return [u.yaml for u in self.units if u.yaml is not None]

    @property
    def toml_files(self) -> list[TomlFile]:
        return [u.toml for u in self.units if u.toml is not None]

    @property
    def workloads(self) -> list[Workload]:
        return [w for u in self.units for w in u.workloads]

    def workloads_of(self, module: Module) -> list[Workload]:
        for unit in self.units:
            if unit.module is module:
                return unit.workloads
        return []
