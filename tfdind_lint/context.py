"""What a check sees: the modules, manifests and workloads of its scope."""

from __future__ import annotations

from .memo import cached_property
from .module import Module
from .node import Block
from .record import Record
from .workload import Workload

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:  # the YAML and TOML readers are imported when such a file is read (cold start)
    from .model.daemon import Scene
    from .model.docker_access import Model as DockerAccess
    from .sources.kubernetes import YamlFile
    from .sources.toml import TomlFile


class Unit(Record):
    """One Terraform module directory, one YAML file or one TOML file: the grain the linter works in."""

    _fields = ("path", "module", "yaml", "toml", "workloads", "complete", "coder_workspace")
    _shown = ("path", "module", "yaml", "toml", "workloads", "complete")

    path: str
    module: Module | None
    yaml: YamlFile | None
    toml: TomlFile | None
    workloads: list[Workload]
    #: False when a file of the module could not be parsed: rules that need every
    #: declaration of the directory (undeclared / unused names) stay silent.
    complete: bool
    #: whether the unit is (part of) a Coder workspace, once ``roles.is_coder_workspace`` worked it out
    coder_workspace: bool | None

    def __init__(self, path: str, module: Module | None = None, yaml: YamlFile | None = None,
                 toml: TomlFile | None = None, workloads: list[Workload] | None = None, complete: bool = True,
                 coder_workspace: bool | None = None):
        self.path = path
        self.module = module
        self.yaml = yaml
        self.toml = toml
        self.workloads = [] if workloads is None else workloads
        self.complete = complete
        self.coder_workspace = coder_workspace

    # Models several rules read, built on first use once the unit is complete (its workloads do not change then)
    @cached_property
    def scene(self) -> Scene:
        """The dind scene: which container starts which dockerd, and where each ``DOCKER_HOST`` leads."""
        from .model.daemon import Scene  # noqa: PLC0415  (cold start: a unit without containers never builds it)

        return Scene.of(self.workloads, self.module)

    @cached_property
    def docker_access(self) -> DockerAccess:
        """How each workspace container reaches a Docker daemon."""
        from .model.docker_access import Model  # noqa: PLC0415

        return Model(self.workloads, self.module, self.scene)


class Context(Record):
    """The units a check runs over.  A ``unit`` check gets one unit; a ``project`` check gets them all."""

    _fields = ("units", "project", "gathered")

    units: list[Unit]
    #: Every unit of the run, for checks that look across files (RuntimeClasses, device plugins...).
    project: Context | None
    #: What each collector found in every unit of the run, when the linter gathered it already (pieces.py)
    gathered: dict

    def __init__(self, units: list[Unit], project: Context | None = None, gathered: dict | None = None):
        self.units = units
        self.project = project
        self.gathered = {} if gathered is None else gathered

    def gather(self, collect, **params) -> list:
        """``collect(unit, **params)`` for every unit, in order: what a project-scoped check reads of each unit.

        A project-scoped check sees the whole run through its collector only: the linter
        runs the collector where each unit is parsed (in a worker process, or in an
        earlier run for a cached unit) and keeps the small result, not the unit's tree.
        """
        if collect in self.gathered:
            return self.gathered[collect]
        return [collect(unit, **params) for unit in self.units]

    @property
    def modules(self) -> list[Module]:
        return [u.module for u in self.units if u.module is not None]

    @property
    def complete_modules(self) -> list[Module]:
        return [u.module for u in self.units if u.module is not None and u.complete]

    @property
    def workloads(self) -> list[Workload]:
        return [w for u in self.units for w in u.workloads]

    def callers(self, module: Module) -> list[tuple[Module, Block]]:
        """The module directories of the run that call ``module`` through a local ``source``, with each call."""
        everything = self.project or self
        return [(m, block) for m in everything.modules for directory, block in m.local_calls() if directory == module.directory]

    def configurations(self, module: Module) -> list[list[Module]]:
        """For each root of the run that (transitively) calls ``module``: the root and every directory it calls.

        Terraform installs one version of each provider per configuration, meeting the
        constraints of all its modules.  A directory no one in the run calls is a root.
        """
        everything = self.project or self
        by_directory = {m.directory: m for m in everything.modules}
        callers: dict[str, set[str]] = {}
        for m in everything.modules:
            for directory, _ in m.local_calls():
                if directory in by_directory and directory != m.directory:
                    callers.setdefault(directory, set()).add(m.directory)
        roots, seen, stack = [], set(), [module.directory]
        while stack:  # up to the roots
            directory = stack.pop()
            if directory in seen:
                continue
            seen.add(directory)
            above = callers.get(directory, set())
            if not above:
                roots.append(directory)
            stack.extend(sorted(above))
        if not roots:  # a cycle of calls: Terraform rejects it; treat the directory as its own root
            roots = [module.directory]
        configurations = []
        for root in sorted(roots):
            members, stack = set(), [root]
            while stack:  # down to everything the root calls
                directory = stack.pop()
                if directory in members or directory not in by_directory:
                    continue
                members.add(directory)
                stack.extend(d for d, _ in by_directory[directory].local_calls())
            configurations.append([by_directory[d] for d in sorted(members)])
        return configurations

    def workloads_of(self, module: Module) -> list[Workload]:
        for unit in self.units:
            if unit.module is module:
                return unit.workloads
        return []
