"""What the language server lints, without the protocol: open buffers over the files on disk.

A buffer is linted the way the command line lints the file it stands for: the same
configuration discovery (per workspace folder, as ``tfdind-lint FOLDER`` finds it), the
same pipeline (``linter.lint`` with the buffers as an overlay on the disk), the same
suppressions and baseline.  A Terraform file brings its module directory: the other
``.tf`` / ``.tf.json`` files come from their buffers where open and from disk otherwise,
and the findings of every file of the directory come back, so siblings are refreshed too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..config import CONFIG_NAMES, PYPROJECT, ConfigError, Configuration
from ..discover import Discovery, display_path, is_terraform, is_toml, is_yaml, skip_reason
from ..finding import Finding
from ..linter import lint
from ..pieces import keeping_trees
from ..settings import RunSettings

#: ``path:line:column: message`` at the start of a configuration or baseline error
_LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$", re.S)


def is_linted(path: str) -> bool:
    """A file the server lints: Terraform (``.tf``, ``.tf.json``), YAML (Kubernetes manifests), TOML (node user data)."""
    return is_terraform(path) or is_yaml(path) or is_toml(path)


def is_configuration(path: str) -> bool:
    """A file whose change can change the configuration: ``.tfdind-lint.yaml``, ``pyproject.toml``, a baseline."""
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name == PYPROJECT or name.endswith("baseline.json")


@dataclass
class Problem:
    """A configuration or baseline that cannot be used: where, and why (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str


@dataclass
class Outcome:
    #: absolute path -> its active findings (suppressed and baselined ones left out), for every file linted
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    #: the configuration problems that stopped the lint (empty when it ran)
    problems: list[Problem] = field(default_factory=list)
    #: a file of the module could not be parsed: the others' findings may be incomplete
    broken: set[str] = field(default_factory=set)
    #: the workspace folder whose configuration applied (or failed)
    folder: str = ""


class _Folder:
    """One workspace folder's configuration and baseline (loaded on first use, dropped when either changes)."""

    def __init__(self, root: str):
        self.root = root
        self.configuration: Configuration | None = None
        self.baseline = None

    def load(self) -> None:
        if self.configuration is None:
            configuration = Configuration([self.root])
            baseline = None
            if configuration.baseline is not None and os.path.isfile(configuration.baseline):
                from ..baseline import Baseline, BaselineError  # noqa: PLC0415

                try:
                    baseline = Baseline.load(configuration.baseline)
                except BaselineError as exc:
                    raise ConfigError(str(exc)) from None
            self.configuration, self.baseline = configuration, baseline


class Engine:
    def __init__(self, folders: list[str] | None = None):
        self.folders = {os.path.abspath(f): _Folder(os.path.abspath(f)) for f in folders or ()}
        self.buffers: dict[str, str] = {}  # absolute path -> the editor's text
        self.trees: dict = {}  # Terraform trees of earlier lints (pieces.keeping_trees): unchanged files are not parsed again

    # buffers and configuration ----------------------------------------------------------------
    def set_folders(self, folders: list[str]) -> None:
        self.folders = {os.path.abspath(f): self.folders.get(os.path.abspath(f)) or _Folder(os.path.abspath(f))
                        for f in folders}

    def reload(self) -> None:
        """Forget every configuration and baseline: they are read again at the next lint."""
        for folder in self.folders.values():
            folder.configuration = folder.baseline = None
        self.folders = {root: folder for root, folder in self.folders.items() if not root.startswith("\0")}

    def folder_of(self, path: str) -> _Folder:
        """The deepest workspace folder holding the file; a file outside every folder is linted from its directory."""
        best = None
        for root, folder in self.folders.items():
            if (path == root or path.startswith(root.rstrip(os.sep) + os.sep)) and (best is None or len(root) > len(best.root)):
                best = folder
        if best is None:
            directory = os.path.dirname(path)
            best = self.folders.setdefault("\0" + directory, _Folder(directory))
        return best

    # linting ----------------------------------------------------------------------------------
    def lint(self, path: str) -> Outcome:
        """Lint the file (with its module directory for Terraform) from the buffers and the disk."""
        path = display_path(os.path.abspath(path))
        folder = self.folder_of(path)
        try:
            folder.load()
            configuration = folder.configuration
            discovery = self.discovery(path, configuration)
            configuration.load_for(discovery.files())
        except ConfigError as exc:
            folder.configuration = None  # read it again next time: the user is fixing it
            return Outcome(problems=[problem(message, folder.root) for message in exc.messages], folder=folder.root)
        if not discovery.files():
            return Outcome(findings={path: []}, folder=folder.root)
        baseline = None
        if folder.baseline is not None:
            from ..baseline import Baseline  # noqa: PLC0415

            baseline = Baseline(folder.baseline.path, folder.baseline.entries)  # apply() keeps state: a fresh one
        settings = RunSettings(configuration=configuration, baseline=baseline)
        files = discovery.files()
        overlay = {f: self.buffers[f].encode("utf-8", "surrogatepass") for f in files if f in self.buffers}
        with keeping_trees(self.trees):
            report = lint(files, settings, discovery, overlay=overlay)
        outcome = Outcome(findings={f: [] for f in discovery.report_only or files}, folder=folder.root)
        for finding in report.active:
            outcome.findings.setdefault(finding.span.path, []).append(finding)
            if finding.rule == "TDL000":
                outcome.broken.add(finding.span.path)
        return outcome

    def discovery(self, path: str, configuration: Configuration) -> Discovery:
        """The files to read for ``path`` (reported: the module's files, or the file itself), as discover.py would."""
        found = Discovery()
        if configuration.excluded(path):
            return found
        if is_terraform(path):
            directory = os.path.dirname(path)
            files = {f for f in self.buffers if os.path.dirname(f) == directory and is_terraform(f)}
            try:
                names = os.listdir(directory)
            except OSError:
                names = []
            root = os.path.realpath(directory)
            for name in names:
                full = display_path(os.path.join(directory, name))
                if is_terraform(name) and full not in files and not os.path.isdir(full) and skip_reason(full, root) is None:
                    files.add(full)
            found.terraform = {directory: sorted(files)}
            found.excluded = {f for f in files if f != path and configuration.excluded(f)}
            found.report_only = files - found.excluded
        elif is_yaml(path):
            found.yaml, found.report_only = [path], {path}
        elif is_toml(path):
            found.toml, found.report_only = [path], {path}
        return found


def problem(message: str, directory: str) -> Problem:
    """A configuration error message (``path:line:column: ...`` or ``path: ...``) as a located problem."""
    located = _LOCATED.match(message)
    if located:
        return Problem(os.path.abspath(located["path"]), int(located["line"]), int(located["column"]), message)
    head = message.split(": ", 1)[0]
    if os.path.isfile(head):
        return Problem(os.path.abspath(head), 1, 1, message)
    for name in (*CONFIG_NAMES, PYPROJECT):  # no file named: the folder's own configuration
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return Problem(candidate, 1, 1, message)
    return Problem("", 1, 1, message)
