"""Paths on the command line -> the files to lint, grouped into Terraform module directories.

Directories are walked recursively in sorted order; hidden directories
(``.terraform``, ``.git``, ...) are skipped.  ``*.tf`` and ``*.tf.json`` files
are grouped by directory (a Terraform module); ``*.yaml`` / ``*.yml`` files are candidates
for Kubernetes manifests (``sources/kubernetes.py`` decides), ``*.toml`` files
for Bottlerocket user data (``sources/toml.py`` decides).  A file named on
the command line is linted even where a walk would skip it, and its whole
module directory is loaded so that declarations in sibling files resolve;
only findings in the named files are reported (``Discovery.report_only``).

``exclude(path)`` (the configuration's ``exclude`` globs) prunes the walk like
ruff: an excluded directory is not entered, an excluded file is not read.  A
file named on the command line is linted anyway unless ``force_exclude``
(pre-commit passes every changed file by name), which also drops a named path
inside a hidden directory, as a walk would.  An excluded ``.tf`` file whose
directory is linted is still read, since its declarations belong to the module,
but its findings are not reported (``Discovery.excluded``).

Nothing is opened here.  What is not read is listed in ``Discovery.skipped`` with
the reason: FIFOs, sockets and devices (opening a FIFO blocks), links to files
outside the directory being linted (a link to ``/proc/self/environ`` must not
put CI secrets in a report), links to directories (not followed, so no loops),
directories that cannot be listed, names that are not UTF-8, YAML files under the ``templates/``
directory of a Helm chart (a ``Chart.yaml`` next to it: they are not YAML until rendered).  Links that dangle
or loop are handed on, so that reading them gives a finding: Terraform cannot
read them either.
"""

from __future__ import annotations

import errno
import os
import stat

from .record import MutableValue

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

TERRAFORM_SUFFIXES = (".tf", ".tf.json")
YAML_SUFFIXES = (".yaml", ".yml")
TOML_SUFFIXES = (".toml",)


class UsageError(Exception):
    """Wrong usage: the run stops with exit code 2."""


class Discovery(MutableValue):
    """The files a run reads, by kind, and what the walk passed over (empty when made)."""

    _fields = ("terraform", "yaml", "toml", "report_only", "skipped", "excluded", "walked", "pruned")

    def __init__(self):
        #: module directory -> its .tf / .tf.json files (sorted)
        self.terraform: dict[str, list[str]] = {}
        self.yaml: list[str] = []
        self.toml: list[str] = []
        #: when files were named on the command line: report findings in these files only (None = all)
        self.report_only: set[str] | None = None
        #: (path, why) for files not read
        self.skipped: list[tuple[str, str]] = []
        #: excluded .tf files read only for their module's declarations: their findings are not reported
        self.excluded: set[str] = set()
        #: the directories walked (everything under them was seen)
        self.walked: set[str] = set()
        #: (path, why) for directories and files a walk passed over on purpose (hidden, excluded); ``-v`` lists them
        self.pruned: list[tuple[str, str]] = []

    def files(self) -> list[str]:
        """Every file to read."""
        return [f for files in self.terraform.values() for f in files] + self.yaml + self.toml


def display_path(path: str) -> str:
    """The path as findings show it: with ``/``, without a leading ``./``."""
    path = os.path.normpath(path).replace(os.sep, "/")
    return path


def is_terraform(name: str) -> bool:
    return name.endswith(TERRAFORM_SUFFIXES)


def is_yaml(name: str) -> bool:
    return name.endswith(YAML_SUFFIXES)


def is_toml(name: str) -> bool:
    return name.endswith(TOML_SUFFIXES)


def is_hidden(name: str) -> bool:
    """A directory a walk skips: ``.terraform``, ``.git``, ... (not ``.`` or ``..``)."""
    return name.startswith(".") and name not in (".", "..")


def force_excluded(path: str, is_dir: bool) -> bool:
    """Whether a walk from the working directory would skip this named path (``--force-exclude``).

    Only the directories below the working directory count when the path is
    under it, so a checkout at ``/home/me/.src/repo`` is no reason to exclude
    ``/home/me/.src/repo/main.tf``; other paths are judged as written.
    """
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive (Windows)
            relative = path
        if relative.split(os.sep)[0] != "..":
            path = relative
    parts = display_path(path).split("/")
    directories = parts if is_dir else parts[:-1]
    return any(is_hidden(part) for part in directories)


def discover(paths: list[str], exclude: Callable[[str], bool] | None = None, force_exclude: bool = False) -> Discovery:
    """The files to lint under ``paths``; ``exclude(path)`` says whether a file or directory is excluded."""
    found = Discovery()
    excluded = exclude or (lambda path: False)
    named_files: set[str] = set()
    walked_dirs: set[str] = set()
    tf: dict[str, set[str]] = {}
    yaml: set[str] = set()
    toml: set[str] = set()
    for raw in paths:
        path = display_path(raw)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            if not (os.path.islink(path) and _is_source(path)):
                if exc.errno == errno.ENOENT:
                    raise UsageError(f"path does not exist: {raw}") from None
                raise UsageError(f"cannot read {raw}: {exc.strerror}") from None
            mode = None  # a link that dangles or loops: reading it reports which (TDL000)
        is_dir = mode is not None and stat.S_ISDIR(mode)
        if force_exclude and (excluded(path) or force_excluded(path, is_dir)):
            found.skipped.append((printable(path), "excluded (--force-exclude)"))
            continue
        if is_dir:
            walked_dirs.add(path)
            _walk(path, tf, yaml, toml, found.skipped, excluded, found.pruned)
            continue
        named_files.add(path)
        if not _is_source(path):
            found.skipped.append((printable(path), "not a Terraform (.tf, .tf.json), YAML (.yaml, .yml) or TOML (.toml) file"))
            continue
        directory = os.path.dirname(path) or "."
        reason = skip_reason(path, os.path.realpath(directory))
        if reason:
            found.skipped.append((printable(path), reason))
        elif is_terraform(path):
            tf.setdefault(display_path(directory), set()).add(path)
            _add_siblings(directory, tf, found.skipped)
        elif is_yaml(path):
            yaml.add(path)
        else:
            toml.add(path)
    for directory, files in list(tf.items()):
        # an excluded .tf file is read for its module's declarations, never reported; a module of excluded files is skipped
        out = {f for f in files if f not in named_files and excluded(f)}
        if out == files:
            del tf[directory]
        found.excluded |= out
    found.terraform = {d: sorted(files) for d, files in sorted(tf.items())}
    found.yaml = sorted(yaml)
    found.walked = walked_dirs
    found.toml = sorted(toml)
    found.skipped = sorted(set(found.skipped))
    found.pruned = sorted(set(found.pruned))
    if named_files and not walked_dirs:
        found.report_only = named_files
    elif named_files:
        # files named next to directories: report everything under the directories and the named files
        found.report_only = named_files | {f for files in found.terraform.values() for f in files if _under(f, walked_dirs)} | {
            f for f in found.yaml + found.toml if _under(f, walked_dirs)}
    return found


def _is_source(name: str) -> bool:
    return is_terraform(name) or is_yaml(name) or is_toml(name)


def skip_reason(path: str, root: str) -> str | None:
    """Why a source file is not read, or None.  ``root`` is the real path of the directory being linted.

    Never opens the file (opening a FIFO blocks).  A link that dangles or loops is
    read, so that reading reports it as a finding: Terraform cannot read it either.
    """
    if printable(path) != path:
        return "its name is not valid UTF-8 (reports could not name it): not read; rename it"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'a special file')}): not read"
    real = os.path.realpath(path)
    try:
        inside = os.path.commonpath([real, root]) == root
    except ValueError:  # another drive (Windows)
        inside = False
    if not inside:
        return "a symbolic link to a file outside the linted directory: not followed"
    chart = helm_chart(path) if is_yaml(path) else None
    if chart is not None:
        return f"a template of the Helm chart {chart}/: render it (helm template) to lint it"
    return None


def helm_chart(path: str) -> str | None:
    """The chart directory when a YAML file is under a ``templates/`` directory next to a ``Chart.yaml``, else None."""
    parts = display_path(path).split("/")[:-1]
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] == "templates":
            chart = "/".join(parts[:i]) or "."
            if os.path.isfile(os.path.join(chart, "Chart.yaml")):
                return chart
    return None


_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
          stat.S_IFDIR: "a directory"}


def printable(path: str) -> str:
    """A path as reports can write it: bytes of a name that are not UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _under(path: str, directories: set[str]) -> bool:
    return any(d == "." or path == d or path.startswith(d.rstrip("/") + "/") for d in directories)


def _add_siblings(directory: str, tf: dict[str, set[str]], skipped: list) -> None:
    """Load every Terraform file of a named file's directory (a Terraform module is a directory)."""
    key = display_path(directory)
    try:
        entries = os.listdir(directory)
    except OSError:
        return
    root = os.path.realpath(directory)
    for name in entries:
        full = display_path(os.path.join(directory, name))
        if not is_terraform(name) or full in tf.get(key, ()) or os.path.isdir(full):
            continue
        reason = skip_reason(full, root)
        if reason:
            skipped.append((printable(full), reason))
        else:
            tf.setdefault(key, set()).add(full)


HIDDEN = "a hidden directory: not entered (name it on the command line to lint it)"
EXCLUDED = "excluded by the configuration's `exclude`"


def _walk(root: str, tf: dict[str, set[str]], yaml: set[str], toml: set[str], skipped: list,
          excluded: Callable[[str], bool], pruned: list) -> None:
    real_root = os.path.realpath(root)

    def unreadable(error: OSError) -> None:
        skipped.append((printable(display_path(error.filename or root)),
                        f"cannot list this directory: {(error.strerror or 'error').lower()}"))

    for directory, dirs, files in os.walk(root, onerror=unreadable):
        entered = []
        for name in sorted(dirs):
            full = display_path(os.path.join(directory, name))
            reason = HIDDEN if name.startswith(".") else EXCLUDED if excluded(full) else None
            if reason is None:
                entered.append(name)
            else:
                pruned.append((printable(full) + "/", reason))
        dirs[:] = entered
        for name in dirs:
            full = display_path(os.path.join(directory, name))
            if os.path.islink(full):
                skipped.append((printable(full), "a symbolic link to a directory: not followed"))
        for name in sorted(files):
            if not _is_source(name):
                continue
            full = display_path(os.path.join(directory, name))
            if not is_terraform(name) and excluded(full):
                pruned.append((printable(full), EXCLUDED))
                continue
            reason = skip_reason(full, real_root)
            if reason:
                skipped.append((printable(full), reason))
            elif is_terraform(name):
                tf.setdefault(display_path(directory), set()).add(full)
            elif is_toml(name):
                toml.add(full)
            else:
                yaml.add(full)
