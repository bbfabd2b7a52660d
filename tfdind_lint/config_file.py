"""Reading one configuration file: ``.tfdind-lint.yaml`` (``.yml``) or the ``[tool.tfdind-lint]`` table of a
pyproject.toml, validated against ``schemas/config.schema.json`` and resolved into a ``ConfigFile`` (config.py
finds the files and merges what they say), every error collected with its line and key.

Apart from config.py: a run without a configuration file does not import it.
"""

from __future__ import annotations

import os

from .config import (
    PYPROJECT,
    ConfigError,
    ConfigFile,
    Configuration,
    Globs,
    Override,
    RuleEntry,
    Selection,
    relative_to,
    rule_hint,
    shown_path,
)
from .finding import Severity
from .lazy_re import LazyPattern
from .policy import Policy, find_policy, node_locator
from .suppress import DEFAULT_ANNOTATION, UNSUPPRESSIBLE, Suppression


def accepted_parameters(policy: Policy) -> dict:
    """The parameters a rule takes, with their defaults: the policy's, and the keyword arguments of its check."""
    import inspect  # noqa: PLC0415

    from .rules import CHECKS  # noqa: PLC0415

    check = CHECKS.get(policy.id) if not policy.custom else None
    if policy.custom:
        from .rules.custom import GENERIC  # noqa: PLC0415

        check = GENERIC.get(policy.check)
    accepted = {}
    if check is not None:
        for name, parameter in inspect.signature(check).parameters.items():
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                accepted[name] = None if parameter.default is inspect.Parameter.empty else parameter.default
    accepted.update(policy.parameters)
    return accepted


def _suggest(word: str, words) -> str:
    from .suggest import did_you_mean  # noqa: PLC0415

    return did_you_mean(word, sorted(words))



class Loader:
    """Reads, validates and resolves one configuration file, collecting every error."""

    def __init__(self, configuration: Configuration, path: str):
        self.configuration = configuration
        self.path = path
        self.display = shown_path(path)
        self.directory = os.path.dirname(path)
        self.errors: list[tuple[int, int, str]] = []  # (line, column, message)

    def load(self) -> ConfigFile:
        data, self.locate = self._read()
        from . import schema  # noqa: PLC0415

        # every mistake in one run: the schema's, then the rules, parameters and paths of the parts that are valid
        problems = schema.problems(data, "config.schema.json", self.display, self.locate)
        self.errors += [(line, column, message) for line, column, _, message in problems]
        self.invalid = [keys for _, _, keys, _ in problems]
        if not isinstance(data, dict) or self._broken(()):
            raise ConfigError([message for _, _, message in self.errors])
        data = {key: value for key, value in data.items() if not self._broken((key,))}
        config = ConfigFile(self.display, self.directory)
        custom: set[str] = set()
        policies = data.get("policies")
        for index, directory in enumerate([policies] if isinstance(policies, str) else policies or []):
            absolute = os.path.normpath(os.path.join(self.directory, directory))
            if not os.path.isdir(absolute):
                self._error(("policies",) if isinstance(policies, str) else ("policies", index),
                            f"the custom policy directory {shown_path(absolute)} does not exist")
                continue
            custom |= self.configuration.load_policies(absolute, shown_path(absolute))
        config.custom = frozenset(custom)
        self.own = self.configuration.builtin | config.custom | self.configuration.cli_custom
        config.exclude = Globs(data.get("exclude", ()))
        config.selection = Selection(
            tuple(self._selectors(data["select"], ("select",))) if "select" in data else None,
            tuple(self._selectors(data.get("extend-select", ()), ("extend-select",))),
            tuple(self._selectors(data.get("ignore", ()), ("ignore",))),
        )
        config.parameters = self._shared_parameters(data.get("parameters", {}))
        config.rules = self._rules(data.get("rules", {}), ("rules",))
        for index, entry in enumerate(data.get("overrides", ())):
            keys = ("overrides", index)
            if self._broken(keys) or not isinstance(entry, dict) or self._broken(keys + ("files",)):
                continue
            config.overrides.append(Override(
                Globs(entry["files"]),
                tuple(self._selectors(entry.get("ignore", ()), keys + ("ignore",))),
                self._rules(entry.get("rules", {}), keys + ("rules",)),
            ))
        for index, entry in enumerate(data.get("suppress", ())):
            keys = ("suppress", index)
            if self._inside(keys):  # still name its unknown rules
                for i, name in enumerate(entry.get("rules", ()) if isinstance(entry, dict) else ()):
                    if isinstance(name, str) and isinstance(entry["rules"], list):
                        self._rule(name, keys + ("rules", i))
                continue
            suppression = self._suppression(entry, keys, config)
            if suppression is not None:
                config.suppressions.append(suppression)
        if "fail-on" in data:
            config.fail_on = Severity.parse(data["fail-on"])
        if "baseline" in data:
            config.baseline = os.path.normpath(os.path.join(self.directory, data["baseline"]))
            config.baseline_at = self.locate(("baseline",))
        if "max-file-size" in data:
            from .sources.text import parse_size  # noqa: PLC0415

            try:
                config.max_file_size = parse_size(data["max-file-size"])
            except ValueError as exc:
                self._error(("max-file-size",), str(exc))
        config.annotation = data.get("suppression-annotation", DEFAULT_ANNOTATION)
        if "fixable" in data:
            config.fixable = tuple(self._selectors(data["fixable"], ("fixable",)))
        config.unfixable = tuple(self._selectors(data.get("unfixable", ()), ("unfixable",)))
        config.extend_fixable = tuple(self._selectors(data.get("extend-fixable", ()), ("extend-fixable",)))
        config.unsafe_fixes = data.get("unsafe-fixes")
        if self.errors:
            raise ConfigError([message for _, _, message in sorted(set(self.errors))])
        return config

    def _inside(self, keys: tuple) -> bool:
        """Whether the schema found a problem at ``keys`` or anywhere under it."""
        return any(p[:len(keys)] == keys for p in self.invalid)

    def _broken(self, keys: tuple) -> bool:
        """Whether the schema found a problem with the value at ``keys`` itself (its type, a required key):
        such a part is not checked further; its other problems (an unknown key inside it) do not stop that."""
        return keys in self.invalid

    def _read(self):
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise ConfigError(f"{self.display}: cannot read the configuration: {exc.strerror or exc}") from None
        from .sources import SourceError  # noqa: PLC0415
        from .sources.text import decode  # noqa: PLC0415

        try:
            text = decode(raw, self.display)
        except SourceError as exc:
            raise ConfigError(f"{exc.span}: {exc.message}") from None
        if self.path.endswith(".toml"):
            data = toml_data(text, self.display)
            if os.path.basename(self.path) == PYPROJECT:
                data = tool_table(data, self.display)
                if data is None:
                    raise ConfigError(f"{self.display}: no [tool.tfdind-lint] table in this file")
                return _plain_toml(data), toml_locator(text)
            return _plain_toml(data), toml_locator(text, table=())
        from .sources.kubernetes import parse_data  # noqa: PLC0415

        try:
            node = parse_data(self.display, text)
        except SourceError as exc:
            raise ConfigError(f"{exc.span}: {exc.message}") from None
        if node is None:
            return {}, lambda keys: (1, 1)
        return node.plain(), node_locator(node)

    def _error(self, keys: tuple, message: str) -> None:
        from .schema import key_path  # noqa: PLC0415

        line, column = self.locate(keys)
        self.errors.append((line, column, f"{self.display}:{line}:{column}: {key_path(keys)}: {message}"))

    def _rule(self, name: str, keys: tuple) -> str | None:
        policy = find_policy(self.configuration.policies, name)
        if policy is None or policy.id not in self.own:
            self._error(keys, f"unknown rule `{name}`{rule_hint(name, self.configuration.policies, groups=False)}")
            return None
        return policy.id

    def _selectors(self, selectors, keys: tuple):
        if not isinstance(selectors, list) or self._broken(keys):
            return
        for index, selector in enumerate(selectors):
            if not isinstance(selector, str):
                continue  # the schema said so
            if self.configuration.expand(selector, self.own, selecting=False):
                yield selector
            else:
                self._error(keys + (index,), f"`{selector}` names no rule (an id, a kebab name or a group prefix such as "
                                             f"TDL4){rule_hint(selector, self.configuration.policies)}")

    def _rules(self, table: dict, keys: tuple) -> dict[str, RuleEntry]:
        out: dict[str, RuleEntry] = {}
        if not isinstance(table, dict) or self._broken(keys):
            return out
        for name, entry in table.items():
            rule = self._rule(name, keys + (name,))
            if rule is None or not isinstance(entry, dict) or self._broken(keys + (name,)):
                continue
            accepted = accepted_parameters(self.configuration.policies[rule])
            parameters = entry.get("parameters", {})
            if not isinstance(parameters, dict) or self._broken(keys + (name, "parameters")):
                parameters = {}
            for parameter, value in parameters.items():
                self._parameter(rule, parameter, value, accepted, keys + (name, "parameters", parameter))
            severity = None if self._inside(keys + (name, "severity")) else entry.get("severity")
            enabled = None if self._inside(keys + (name, "enabled")) else entry.get("enabled")
            out[rule] = RuleEntry(enabled, Severity.parse(severity) if severity else None, dict(parameters))
        return out

    def _parameter(self, rule: str, name: str, value, accepted: dict, keys: tuple) -> None:
        if name not in accepted:
            known = ", ".join(sorted(accepted)) or "none"
            self._error(keys, f"{rule} has no parameter `{name}`{_suggest(name, accepted)} (its parameters: {known})")
            return
        expected = _kind(accepted[name])
        if expected and _kind(value) != expected:
            self._error(keys, f"expected {expected} like the default `{_show_default(accepted[name])}`, got {_kind(value) or 'nothing'}")

    def _shared_parameters(self, parameters: dict) -> dict[str, dict]:
        """Each shared parameter goes to every rule that takes it."""
        by_rule: dict[str, dict] = {}
        if not parameters or not isinstance(parameters, dict):
            return by_rule
        accepted = {r: accepted_parameters(self.configuration.policies[r]) for r in sorted(self.own)}
        for name, value in parameters.items():
            takers = [r for r in accepted if name in accepted[r]]
            if not takers:
                every = sorted({p for r in accepted for p in accepted[r]})
                self._error(("parameters", name), f"no rule takes a parameter `{name}`{_suggest(name, every)}")
            for rule in takers:
                self._parameter(rule, name, value, accepted[rule], ("parameters", name))
                by_rule.setdefault(rule, {})[name] = value
        return by_rule

    def _suppression(self, entry: dict, keys: tuple, config: ConfigFile) -> Suppression | None:
        rules = [self._rule(name, keys + ("rules", i)) for i, name in enumerate(entry["rules"])]
        until = None
        if "until" in entry:
            import datetime  # noqa: PLC0415  (cold start: most runs have no expiring suppression)

            try:
                until = datetime.date.fromisoformat(entry["until"])
            except ValueError:
                self._error(keys + ("until",), f"`{entry['until']}` is not a date (YYYY-MM-DD)")
                return None
        for i, rule in enumerate(rules):
            if rule in UNSUPPRESSIBLE:
                self._error(keys + ("rules", i), f"{rule} findings cannot be suppressed: {UNSUPPRESSIBLE[rule]}")
                return None
        if None in rules:
            return None
        files = Globs(entry["files"]) if "files" in entry else None
        subjects = tuple(entry.get("subjects", ()))
        configuration = self.configuration

        def covers(path: str) -> bool:
            return configuration.config_for(path) is config and (
                files is None or files.match(relative_to(path, config.directory)))

        line, column = self.locate(keys)
        from .node import Span  # noqa: PLC0415

        return Suppression("config", tuple(dict.fromkeys(rules)), entry["reason"].strip(),
                           Span(self.display, line, column, line, column + 1), until, paths=covers, subjects=subjects)


def _kind(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return None


def _show_default(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


# ----------------------------------------------------------------------------------------------
# pyproject.toml
# ----------------------------------------------------------------------------------------------


def toml_data(text: str, display: str) -> dict:
    from .sources.toml import toml_library  # noqa: PLC0415

    try:
        tomllib = toml_library()
    except ModuleNotFoundError:  # Python 3.10 without the tomli the package depends on
        raise ConfigError(f"{display}: reading pyproject.toml needs Python 3.11 or the tomli package") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re  # noqa: PLC0415

        found = re.search(r"at line (\d+), column (\d+)", str(exc))
        where = f"{found.group(1)}:{found.group(2)}" if found else "1:1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"{display}:{where}: invalid TOML: {reason}") from None


def tool_table(data: dict, display: str) -> dict | None:
    tool = data.get("tool")
    table = tool.get("tfdind-lint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{display}: [tool.tfdind-lint] must be a table")
    return table


def _plain_toml(value):
    """TOML dates become ISO strings, as in YAML (``until = 2027-03-01``)."""
    import datetime  # noqa: PLC0415  (tomllib has imported it)

    if isinstance(value, dict):
        return {k: _plain_toml(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_toml(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


#: A pyproject.toml that may hold our table: ``tool.tfdind-lint`` in a header or dotted key, or a bare ``[tool]``
#: table (whose ``tfdind-lint = {...}`` key would be ours).  Not a ``[project.scripts]`` entry named tfdind-lint,
#: nor a comment that mentions the table.
_HEADER = LazyPattern(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def toml_locator(text: str, table: tuple = ("tool", "tfdind-lint")):
    """Where a key of ``[tool.tfdind-lint]`` (or of the ``table`` given) is written.

    tomllib keeps no positions: this is a line scan, good enough to point at a key in an error.
    """
    lines = text.split("\n")
    headers = [(-1, ())]  # (line index, key tuple); the keys before the first header belong to the root
    for index, line in enumerate(lines):
        m = _HEADER.match(line)
        if m:
            headers.append((index, tuple(k.strip().strip("\"'") for k in m.group(2).split("."))))

    def locate(keys: tuple) -> tuple[int, int]:
        full = table + keys
        best = None  # (matched length, line index, position in headers)
        for position, (index, header) in enumerate(headers):
            names = [k for k in full if not isinstance(k, int)]
            if tuple(names[: len(header)]) != header:
                continue
            # an array of tables: the n-th [[...]] with this header is item n
            after = full[full.index(header[-1]) + 1] if header and header[-1] in full[:-1] else None
            if isinstance(after, int):
                same = [i for i, h in headers if h == header]
                if after >= len(same) or same[after] != index:
                    continue
            if best is None or len(header) > best[0]:
                best = (len(header), index, position)
        length, index, position = best
        rest = [k for k in full if not isinstance(k, int)][length:]
        end = headers[position + 1][0] if position + 1 < len(headers) else len(lines)
        if rest:
            import re  # noqa: PLC0415

            key = re.compile(r"^(\s*)[\"']?" + re.escape(str(rest[0])) + r"[\"']?\s*[=.]")
            for i in range(index + 1, end):
                m = key.match(lines[i])
                if m:
                    return i + 1, len(m.group(1)) + 1
        return max(index + 1, 1), 1

    return locate
