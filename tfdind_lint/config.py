"""Configuration: discover, load, validate and merge.

Where (like ruff): each linted file takes the nearest configuration walking up
from its directory; in one directory ``.tfdind-lint.yaml`` wins over
``.tfdind-lint.yml``, which wins over a ``pyproject.toml`` with a
``[tool.tfdind-lint]`` table (a pyproject.toml without one is passed over).
The nearest file wins whole: files are not merged.  ``--config FILE`` uses one
file for every path, ``--isolated`` none.  Globs (``exclude``, ``overrides``,
``suppress``) are relative to the configuration file's directory.

What runs on a file is computed in layers, later ones winning:
1. the rules enabled by default (built-in, plus the configuration's custom policies);
2. the configuration's ``select`` / ``extend-select`` / ``ignore``, then ``rules.X.enabled``;
3. the command line's ``--select`` / ``--extend-select`` / ``--ignore``;
4. the ``overrides`` whose ``files`` match, in order (like ruff's per-file-ignores,
   they apply after the command line).
TDL000 (parse errors) and TDL999 (internal errors) always run.

config_file.py reads one file (validated against ``schemas/config.schema.json``;
every error names the file, the line and the key): it, jsonschema, ruamel and
tomllib are imported only when a configuration file exists.
"""

from __future__ import annotations

import os

from .discover import display_path
from .finding import Severity
from .lazy_re import MULTILINE, GuardedPattern
from .policy import Policy, PolicyError, builtin_policies, find_policy, load_custom
from .record import MutableValue, Record, Value
from .suppress import DEFAULT_ANNOTATION, Suppression

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

CONFIG_NAMES = (".tfdind-lint.yaml", ".tfdind-lint.yml")
PYPROJECT = "pyproject.toml"
#: Where ``--write-baseline`` writes without ``--baseline`` or ``baseline:``, and where a run looks for one:
#: next to the configuration file of the run (in the working directory when there is none).
DEFAULT_BASELINE = ".tfdind-lint-baseline.json"
#: Rules that run whatever the selection (ruff reports syntax errors the same way).
ALWAYS_ON = frozenset({"TDL000", "TDL999"})


class ConfigError(Exception):
    """An unusable configuration or command line selection; ``messages`` has one line per problem."""

    def __init__(self, messages: str | list[str]):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(self.messages))


# ----------------------------------------------------------------------------------------------
# Globs relative to a directory
# ----------------------------------------------------------------------------------------------


class Globs:
    """Path globs, matched like ruff's ``exclude``.

    A glob without ``/`` matches any file or directory name (``generated``, ``*.rendered.yaml``);
    one with ``/`` is anchored (``examples/**``, ``charts/*/out.yaml``).  ``*`` stays within a
    name, ``**`` crosses directories; a match on a directory covers everything below it.
    """

    def __init__(self, patterns):
        self.patterns = tuple(patterns)
        self._names = [_glob(p.strip("/")) for p in self.patterns if "/" not in p.strip("/")]
        self._anchored = [_glob(p.strip("/")) for p in self.patterns if "/" in p.strip("/")]

    def match(self, relative: str) -> bool:
        """``relative``: a path relative to the globs' directory, with ``/``."""
        parts = [p for p in relative.split("/") if p not in ("", ".")]
        if not parts:
            return False
        if any(pattern.fullmatch(part) for pattern in self._names for part in parts if part != ".."):
            return True
        if parts[0] == "..":
            return False
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(pattern.fullmatch(prefix) for pattern in self._anchored for prefix in prefixes)

    def __bool__(self) -> bool:
        return bool(self.patterns)


def _glob(pattern: str) -> re.Pattern:
    import re  # noqa: PLC0415  (only for a run with exclude patterns)

    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:] and _char_class(pattern[i + 1:pattern.index("]", i + 2)]):
            end = pattern.index("]", i + 2)
            out.append(_char_class(pattern[i + 1:end]))
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def _char_class(inner: str) -> str | None:
    """``[abc]`` / ``[!abc]`` as a regex class; None when it is not one (``[z-a]``): the ``[`` is then literal."""
    import re  # noqa: PLC0415

    text = "[" + ("^" + inner[1:] if inner.startswith("!") else inner).replace("\\", "\\\\") + "]"
    try:
        re.compile(text)
    except re.error:
        return None
    return text


def relative_to(path: str, directory: str) -> str:
    """``path`` (as shown in findings, or absolute) relative to an absolute directory, with ``/``."""
    return os.path.relpath(os.path.abspath(path), directory).replace(os.sep, "/")


# ----------------------------------------------------------------------------------------------
# The data
# ----------------------------------------------------------------------------------------------


class Selection(Value):
    """``select`` / ``extend-select`` / ``ignore``: ids, kebab names or group prefixes."""

    _fields = ("select", "extend_select", "ignore")

    def __init__(self, select: tuple[str, ...] | None = None, extend_select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = ()):
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore

    def selectors(self) -> tuple[str, ...]:
        return (*(self.select or ()), *self.extend_select, *self.ignore)


class RuleEntry(MutableValue):
    """A ``rules.<rule>`` entry of a configuration file or of one of its overrides (None: not set there)."""

    _fields = ("enabled", "severity", "parameters")

    def __init__(self, enabled: bool | None = None, severity: Severity | None = None, parameters: dict | None = None):
        self.enabled = enabled
        self.severity = severity
        self.parameters = {} if parameters is None else parameters


class Override(MutableValue):
    """An ``overrides`` entry: rules ignored and rule entries for the files its globs match."""

    _fields = ("files", "ignore", "rules")

    def __init__(self, files: Globs, ignore: tuple[str, ...] = (), rules: dict[str, RuleEntry] | None = None):
        self.files = files
        self.ignore = ignore
        self.rules = {} if rules is None else rules


class ConfigFile(Record):
    """One configuration file as loaded and validated (or the defaults, ``path == ""``); ``Configuration`` holds them."""

    _fields = ("path", "directory", "exclude", "selection", "rules", "parameters", "overrides", "suppressions",
               "fail_on", "baseline", "baseline_at", "max_file_size", "annotation", "fixable", "unfixable",
               "extend_fixable", "unsafe_fixes", "custom")

    def __init__(self, path: str, directory: str, exclude: Globs | None = None, selection: Selection | None = None,
                 rules: dict[str, RuleEntry] | None = None, parameters: dict[str, dict] | None = None,
                 overrides: list[Override] | None = None, suppressions: list[Suppression] | None = None,
                 fail_on: Severity | None = None, baseline: str | None = None,
                 baseline_at: tuple[int, int] | None = None, max_file_size: int | None = None,
                 annotation: str = DEFAULT_ANNOTATION, fixable: tuple[str, ...] | None = None,
                 unfixable: tuple[str, ...] = (), extend_fixable: tuple[str, ...] = (),
                 unsafe_fixes: bool | None = None, custom: frozenset[str] = frozenset()):
        self.path = path  # as shown to the user
        self.directory = directory  # absolute; globs and paths in the file are relative to it
        self.exclude = Globs(()) if exclude is None else exclude
        self.selection = Selection() if selection is None else selection
        self.rules = {} if rules is None else rules
        #: the shared ``parameters``, by the rule that takes them
        self.parameters = {} if parameters is None else parameters
        self.overrides = [] if overrides is None else overrides
        self.suppressions = [] if suppressions is None else suppressions
        self.fail_on = fail_on
        self.baseline = baseline  # absolute
        #: where ``baseline:`` is written in the file (line, column)
        self.baseline_at = baseline_at
        self.max_file_size = max_file_size  # bytes
        self.annotation = annotation
        #: ``fixable`` / ``unfixable`` / ``extend-fixable`` / ``unsafe-fixes`` (--fix; autofix.py)
        self.fixable = fixable
        self.unfixable = unfixable
        self.extend_fixable = extend_fixable
        self.unsafe_fixes = unsafe_fixes
        #: ids of the custom policies this configuration loads
        self.custom = custom


class RuleSet(Value):
    """What runs on one file: the enabled rules, severity overrides and parameters, and the suppression annotation.

    Worked out from the file's ``ConfigFile`` and the command line by ``Configuration.rules``
    (or from ``settings.RunSettings``' own fields without a configuration); the cache keys on it.
    """

    _fields = ("enabled", "severities", "parameters", "annotation")

    def __init__(self, enabled: frozenset[str], severities: dict[str, Severity], parameters: dict[str, dict],
                 annotation: str = DEFAULT_ANNOTATION):
        self.enabled = enabled
        self.severities = severities
        self.parameters = parameters
        self.annotation = annotation


# ----------------------------------------------------------------------------------------------
# The configuration of a run
# ----------------------------------------------------------------------------------------------


class Configuration:
    """Every configuration file a run uses (``ConfigFile``), and the ``RuleSet`` that applies to each path.

    ``policies`` holds the built-in policies and every custom one loaded so far
    (configurations are found as files are discovered, so it grows during discovery).
    """

    def __init__(self, paths: list[str], *, config_file: str | None = None, isolated: bool = False,
                 selection: Selection | None = None, policy_dirs: tuple[str, ...] = (),
                 fail_on: Severity | None = None, baseline: str | None = None, max_file_size: int | None = None):
        selection = Selection() if selection is None else selection
        #: how to build this configuration again (a worker process does: parallel.py)
        self.arguments = (list(paths), dict(config_file=config_file, isolated=isolated, selection=selection,
                                            policy_dirs=policy_dirs, fail_on=fail_on, baseline=baseline,
                                            max_file_size=max_file_size))
        self.policies: dict[str, Policy] = dict(builtin_policies())
        if not self.policies:  # a broken installation must not pass every file in silence
            from .resources import data_path  # noqa: PLC0415

            raise ConfigError(f"the built-in policies are missing (no policy in {data_path('policies')}): "
                              "this installation of tfdind-lint is incomplete; reinstall it")
        self.builtin = frozenset(self.policies)
        self.selection = selection
        self.isolated = isolated
        self._custom_dirs: dict[str, dict[str, Policy]] = {}
        self._by_dir: dict[str, ConfigFile] = {}
        self._rules: dict[tuple, RuleSet] = {}
        self._rules_by_path: dict[str | None, RuleSet] = {}  # checks ask per finding: path lookups are hot
        self._files: dict[str, ConfigFile] = {}
        self.cli_custom = frozenset().union(*(self.load_policies(os.path.abspath(d), display_path(d)) for d in policy_dirs))
        self.default = ConfigFile("", os.getcwd())
        self.explicit = self._load(os.path.abspath(config_file)) if config_file else None
        self.root = self._nearest(_common_directory(paths))
        self.fail_on = fail_on or self.root.fail_on or Severity.NOTE
        #: files larger than this are not read (bytes; None: sources/text.py's default)
        self.max_file_size = max_file_size or self.root.max_file_size
        #: the baseline file of the run (absolute) and where it was named: "flag", "config" or "default"
        self.baseline, self.baseline_source = self._baseline(baseline)
        self.fix_selectors: tuple[str, ...] = ()

    def _baseline(self, flag: str | None) -> tuple[str | None, str]:
        if flag:
            return os.path.abspath(flag), "flag"
        if self.root.baseline:
            return self.root.baseline, "config"
        default = self.default_baseline()
        return (default if default and os.path.isfile(default) else None), "default"

    def default_baseline(self) -> str | None:
        """The default baseline location (absolute): next to the run's configuration file; none with --isolated."""
        return None if self.isolated else os.path.join(self.root.directory, DEFAULT_BASELINE)

    def baseline_where(self) -> str:
        """Where the configuration names the baseline: ``file:line:column: baseline``, or ""."""
        if self.baseline_source != "config" or self.root.baseline_at is None:
            return ""
        line, column = self.root.baseline_at
        return f"{self.root.path}:{line}:{column}: baseline"

    # finding the configuration of a path ------------------------------------------------------
    def config_for(self, path: str) -> ConfigFile:
        """The configuration of a file (the nearest one above its directory)."""
        return self._nearest(os.path.dirname(os.path.abspath(path)))

    def load_for(self, paths: list[str]) -> None:
        """Load the configuration of each file (and its custom policies) before rules are listed or selected."""
        for path in paths:
            self.config_for(path)

    def excluded(self, path: str) -> bool:
        """Whether a file or directory is excluded by the configuration of the directory holding it."""
        config = self.config_for(path)
        return bool(config.exclude) and config.exclude.match(relative_to(path, config.directory))

    def _nearest(self, directory: str) -> ConfigFile:
        if self.isolated:
            return self.default
        if self.explicit is not None:
            return self.explicit
        walked = []
        found = None
        current = directory
        while True:
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            walked.append(current)
            path = _config_file(current)
            if path is not None:
                found = self._load(path)
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = self.default
                break
            current = parent
        for d in walked:
            self._by_dir[d] = found
        return found

    # the rules of a path ----------------------------------------------------------------------
    def rules(self, path: str | None = None) -> RuleSet:
        """The rules for a file; without a path, the run's own (the root configuration, no overrides)."""
        known = self._rules_by_path.get(path)
        if known is not None:
            return known
        config = self.root if path is None else self.config_for(path)
        relative = None if path is None or not config.overrides else relative_to(path, config.directory)
        key = (id(config), relative)
        if key not in self._rules:
            self._rules[key] = self._compute(config, relative)
        self._rules_by_path[path] = self._rules[key]
        return self._rules[key]

    def _compute(self, config: ConfigFile, relative: str | None) -> RuleSet:
        own = self.builtin | config.custom | self.cli_custom
        enabled = {r for r in own if self.policies[r].enabled}
        enabled = self._apply(enabled, config.selection, own)
        for rule, settings in config.rules.items():
            if settings.enabled is not None:
                (enabled.add if settings.enabled else enabled.discard)(rule)
        enabled = self._apply(enabled, self.selection, own)
        severities = {r: s.severity for r, s in config.rules.items() if s.severity is not None}
        parameters = {r: dict(p) for r, p in config.parameters.items()}
        for rule, settings in config.rules.items():
            parameters[rule] = {**parameters.get(rule, {}), **settings.parameters}
        for override in config.overrides:
            if relative is None or not override.files.match(relative):
                continue
            for selector in override.ignore:
                enabled -= self.expand(selector, own, selecting=False)
            for rule, settings in override.rules.items():
                if settings.enabled is not None:
                    (enabled.add if settings.enabled else enabled.discard)(rule)
                if settings.severity is not None:
                    severities[rule] = settings.severity
                parameters[rule] = {**parameters.get(rule, {}), **settings.parameters}
        enabled |= ALWAYS_ON & own
        return RuleSet(frozenset(enabled), severities, {r: p for r, p in parameters.items() if p}, config.annotation)

    def _apply(self, enabled: set[str], selection: Selection, own: frozenset[str]) -> set[str]:
        if selection.select is not None:
            enabled = set().union(*(self.expand(s, own, selecting=True) for s in selection.select))
        for selector in selection.extend_select:
            enabled |= self.expand(selector, own, selecting=True)
        for selector in selection.ignore:
            enabled -= self.expand(selector, own, selecting=False)
        return enabled

    def expand(self, selector: str, own=None, *, selecting: bool = True) -> set[str]:
        """The rule ids a selector names: an id or kebab name exactly, or a group prefix.

        Selecting by prefix takes the rules of the group that are enabled by default; an
        id or name selects its rule even when it is disabled by default.
        """
        own = self.policies.keys() if own is None else own
        policy = find_policy(self.policies, selector)
        if policy is not None:
            return {policy.id} & set(own)
        prefix = selector.strip().upper()
        return {r for r in own if r.startswith(prefix) and (self.policies[r].enabled or not selecting)}

    def fix_selection(self, unsafe: bool | None = None, fixable=None, extend_fixable=(), unfixable=()):
        """Which fixes --fix applies: the root configuration's ``fixable`` / ``unfixable`` / ``extend-fixable`` /
        ``unsafe-fixes``, the command line's flags winning (``fixable`` replaces, the others add), as in ruff."""
        from .fix import FixSelection  # noqa: PLC0415

        root = self.root
        self.fix_selectors = (*(fixable or ()), *extend_fixable, *unfixable)

        def rules(selectors) -> set[str]:
            return set().union(*(self.expand(s, selecting=False) for s in selectors))

        chosen = fixable if fixable is not None else root.fixable
        allowed = None if chosen is None else rules(chosen)
        extra = rules((*root.extend_fixable, *extend_fixable))
        if allowed is not None:
            allowed |= extra
        if unsafe is None:
            unsafe = bool(root.unsafe_fixes)
        return FixSelection(unsafe, None if allowed is None else frozenset(allowed),
                            frozenset(rules((*root.unfixable, *unfixable))))

    def check_fix_selection(self) -> None:
        """Raise ConfigError for --fixable / --extend-fixable / --unfixable selectors that name no rule."""
        unknown = [s for s in self.fix_selectors if not self.expand(s, selecting=False)]
        if unknown:
            raise ConfigError([f"unknown rule selector `{s}`{rule_hint(s, self.policies)} (see `tfdind-lint rules`)"
                               for s in unknown])

    def check_selection(self) -> None:
        """Raise ConfigError for command line selectors that name no rule (call once configurations are loaded)."""
        unknown = [s for s in self.selection.selectors() if not self.expand(s, selecting=False)]
        if unknown:
            raise ConfigError([f"unknown rule selector `{s}`{rule_hint(s, self.policies)} (see `tfdind-lint rules`)"
                               for s in unknown])

    def loaded(self) -> list[str]:
        """Every configuration file loaded so far (absolute paths)."""
        return sorted(self._files)

    def suppressions(self) -> list[Suppression]:
        return [s for config in self._files.values() for s in config.suppressions]

    # loading ----------------------------------------------------------------------------------
    def load_policies(self, directory: str, display: str) -> frozenset[str]:
        """The ids of the custom policies of a directory (absolute), loaded once."""
        if directory not in self._custom_dirs:
            try:
                from pathlib import Path  # noqa: PLC0415  (not at import: cold start)

                loaded = load_custom(Path(directory), display, self.policies)
            except PolicyError as exc:
                raise ConfigError(exc.messages) from None
            self._custom_dirs[directory] = loaded
            self.policies.update(loaded)
            self._rules.clear()
            self._rules_by_path.clear()
        return frozenset(self._custom_dirs[directory])

    def _load(self, path: str) -> ConfigFile:
        if path not in self._files:
            from .config_file import Loader  # noqa: PLC0415  (only a run with a configuration file reads one)

            self._files[path] = Loader(self, path).load()
        return self._files[path]


def _config_file(directory: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    candidate = os.path.join(directory, PYPROJECT)
    if os.path.isfile(candidate):
        try:
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            return None
        # a cheap look first: most pyproject.toml files have no [tool.tfdind-lint] and need no TOML parser
        if not _MENTIONS_TABLE.search(text):
            return None
        from .config_file import toml_data, tool_table  # noqa: PLC0415

        if tool_table(toml_data(text, shown_path(candidate)), shown_path(candidate)) is not None:
            return candidate
    return None


def _common_directory(paths: list[str]) -> str:
    directories = [p if os.path.isdir(p) else os.path.dirname(p) for p in (os.path.abspath(p) for p in paths or ["."])]
    try:
        return os.path.commonpath(directories)
    except ValueError:  # different drives
        return os.getcwd()


def rule_hint(text: str, policies: dict[str, Policy], groups: bool = True) -> str:
    from .suggest import did_you_mean, rule_words  # noqa: PLC0415

    return did_you_mean(text, rule_words(policies, groups))


def shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return display_path(path if relative.startswith("..") else relative)




_MENTIONS_TABLE = GuardedPattern(
    r"""^[ \t\ufeff]*(?:\[\[?[ \t]*)?tool[ \t]*\.[ \t]*["']?tfdind-lint["']?[ \t]*[.\]=]|^\s*\[\s*tool\s*\]""",
    ("tfdind-lint",),  # a bare [tool] table is ours only with a tfdind-lint key
    MULTILINE,
)
