"""Policies: the data half of a rule (``policies/TDLnnn-name.yaml``)."""

from __future__ import annotations

import os

from .finding import Severity
from .memo import once
from .record import Value
from .resources import data_path

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from pathlib import Path


class Source(Value):
    """A source a policy cites."""

    _fields = ("title", "url", "quote")

    def __init__(self, title: str, url: str = "", quote: str = ""):
        self.title = title
        self.url = url
        self.quote = quote


class Policy(Value):
    """A rule's policy: its id, name, severity, documentation and parameters (which take no part in equality)."""

    _fields = ("id", "name", "severity", "summary", "help", "origin", "sources", "enabled", "files", "tags",
               "precision", "security_severity", "parameters", "path", "check", "fix")
    _compared = tuple(name for name in _fields if name != "parameters")

    def __init__(self, id: str, name: str, severity: Severity, summary: str, help: str | None, origin: str,
                 sources: tuple[Source, ...] | None, enabled: bool = True, files: tuple[str, ...] = (), tags: tuple[str, ...] = (),
                 precision: str = "high", security_severity: str | None = None, parameters: dict | None = None,
                 path: str = "", check: str = "", fix: str = "none"):
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self._help = help  # None for a built-in policy read from the index: its text is read on first use
        self.origin = origin
        self._sources = sources
        self.enabled = enabled
        self.files = files
        self.tags = tags
        self.precision = precision
        self.security_severity = security_severity
        self.parameters = {} if parameters is None else parameters
        self.path = path
        #: custom policies: the generic check they bind (rules/custom.py); empty for built-in rules
        self.check = check
        #: whether the rule fixes its findings: safe (--fix), unsafe (--unsafe-fixes) or none
        self.fix = fix

    @property
    def help(self) -> str:
        """The rule's documentation (Markdown, ``## What it does`` ...)."""
        if self._help is None:
            self._read_texts()
        return self._help

    @property
    def sources(self) -> tuple[Source, ...]:
        if self._sources is None:
            self._read_texts()
        return self._sources

    def _read_texts(self) -> None:
        """A built-in policy's help and sources, from ``policy_texts.py``: only ``explain``, SARIF and the
        documentation read them, so a run does not load them with the index."""
        from .policy_texts import TEXTS  # noqa: PLC0415

        help, sources = TEXTS[self.id]
        self._help = help
        self._sources = _sources(sources)

    @property
    def custom(self) -> bool:
        return bool(self.check)

    @property
    def group(self) -> str:
        """``TDL4`` for TDL401, ``ACME1`` for ACME101: the letters and the first digit, a group of rules."""
        letters = self.id.rstrip("0123456789")
        return self.id[: len(letters) + 1]

    def help_section(self, heading: str) -> str:
        """The text under one ``## heading`` of the help."""
        lines = self.help.splitlines()
        out: list[str] = []
        inside = False
        for line in lines:
            if line.startswith("## "):
                inside = line[3:].strip().rstrip("?:").lower() == heading.rstrip("?:").lower()
                continue
            if inside:
                out.append(line)
        return "\n".join(out).strip()


class PolicyError(Exception):
    """Invalid policies; ``messages`` holds one line per problem (``file:line:col: key: what``)."""

    def __init__(self, messages: str | list[str]):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(self.messages))


def _sources(data: list[dict]) -> tuple[Source, ...]:
    return tuple(Source(s["title"], s.get("url", ""), s.get("quote", "")) for s in data)


def parse_policy(data: dict, path: str) -> Policy:
    """The policy of a policy file's data."""
    try:
        return Policy(
            id=data["id"],
            name=data["name"],
            severity=Severity.parse(data["severity"]),
            summary=data["summary"],
            help=data["help"],
            origin=data["origin"],
            sources=_sources(data.get("sources", ())),
            enabled=data.get("enabled", True),
            files=tuple(data.get("files", ())),
            tags=tuple(data.get("tags", ())),
            precision=data.get("precision", "high"),
            security_severity=data.get("security-severity"),
            parameters=dict(data.get("parameters") or {}),
            path=path,
            check=data.get("check", ""),
            fix=data.get("fix", "none"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"{path}: invalid policy ({exc})") from None


def read_policy_file(path: Path) -> dict:
    """The raw mapping of a policy file (YAML; JSON is YAML too)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        import json  # noqa: PLC0415

        return json.loads(text)
    from ruamel.yaml import YAML  # noqa: PLC0415

    return YAML(typ="safe", pure=True).load(text)


def load_directory(directory: Path) -> dict[str, Policy]:
    policies: dict[str, Policy] = {}
    for path in sorted(directory.glob("*.yaml")):
        policy = parse_policy(read_policy_file(path), str(path))
        if policy.id in policies:
            raise PolicyError(f"{path}: duplicate policy id {policy.id}")
        policies[policy.id] = policy
    return policies


#: The built-in policies as data (``tfdind_lint/policy_index.py``, generated from ``policies/*.yaml``), so that a
#: run parses no YAML to know its rules; a Python module, because its bytecode loads faster than JSON parses.
#: Their help and sources are in a second module (``policy_texts.py``), which a run does not need.
INDEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "policy_index.py")
TEXTS = os.path.join(os.path.dirname(INDEX), "policy_texts.py")

#: What the index holds of each policy, in the order of Policy's arguments: all of them but help and sources
#: (in policy_texts.py) and path (the policy file's, known when the index is read).
INDEX_FIELDS = ("id", "name", "severity", "summary", "origin", "enabled", "files", "tags", "precision",
                "security_severity", "parameters", "check", "fix")


@once
def builtin_policies() -> dict[str, Policy]:
    """Every built-in policy, by id, in id order.

    Read from the index when it was made from exactly the policy files there are (their bytes are in it),
    else from the files themselves: a stale index costs time, never a wrong answer.
    """
    directory = data_path("policies")
    indexed = _read_index(directory)
    if indexed is None:
        from pathlib import Path  # noqa: PLC0415

        policies = load_directory(Path(directory))
    else:
        prefix = os.path.join(directory, "")
        policies = {fields[0]: _indexed_policy(fields, prefix + name) for name, fields in indexed}
    return dict(sorted(policies.items()))


def _indexed_policy(fields: tuple, path: str) -> Policy:
    """The policy of an index entry, whose fields (``INDEX_FIELDS``) parse_policy made when the index was written."""
    id, name, severity, summary, origin, enabled, files, tags, precision, security_severity, parameters, check, fix = fields
    return Policy(id, name, severity, summary, None, origin, None, enabled, files, tags, precision, security_severity,
                  dict(parameters), path, check, fix)  # its own parameters: the index's stay as written


def _read_index(directory) -> list | None:
    """The index's ``(file name, policy fields)`` pairs when it was made, in this shape, from exactly the policy
    files in ``directory``."""
    try:
        from .policy_index import FIELDS, FILES, POLICIES  # noqa: PLC0415
    except ImportError:
        return None
    return POLICIES if FIELDS == INDEX_FIELDS and _holds_exactly(directory, FILES) else None


def _policy_files(directory) -> list[str]:
    return sorted(name for name in os.listdir(directory) if name.endswith(".yaml"))


def _holds_exactly(directory, files: dict[str, bytes]) -> bool:
    """Whether the policy files of ``directory`` are ``files``: the same names, each with the same bytes (compared
    whole: a checksum would import zlib, an extension module, into every run; docs/benchmarks.md)."""
    try:
        if _policy_files(directory) != sorted(files):
            return False
        prefix = os.path.join(directory, "")
        return all(_file_is(prefix + name, expected) for name, expected in files.items())
    except OSError:  # a file gone, or no policy files (config.py says the installation is broken)
        return False


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _file_is(path: str, expected: bytes) -> bool:
    """Whether a file holds exactly ``expected``: read through the os module, as a file object costs more."""
    fd = os.open(path, _READ_FLAGS)
    try:
        return os.read(fd, len(expected) + 1) == expected  # the byte more tells a longer file
    finally:
        os.close(fd)


def index_sources(directory) -> tuple[str, str]:
    """The texts of ``policy_index.py`` and ``policy_texts.py`` for the policy files of ``directory``."""
    import pprint  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    class Expression(str):
        """Written by pprint as the Python expression it holds."""

        def __repr__(self) -> str:
            return str(self)

    names = _policy_files(directory)
    files = {name: Path(directory, name).read_bytes() for name in names}
    policies = load_directory(Path(directory))  # every file a valid policy, no id twice; as the fallback reads them
    index = [(os.path.basename(p.path), tuple(Expression(f"Severity.{p.severity.name}") if field == "severity"
                                               else getattr(p, field) for field in INDEX_FIELDS))
             for p in policies.values()]
    data = [read_policy_file(Path(directory, name)) for name in names]
    texts = {d["id"]: (d["help"], d.get("sources", [])) for d in data}
    generated = "generated from policies/*.yaml by policy.write_index(); do not edit."
    return (f'"""The built-in policies as data (but their help and sources: policy_texts.py): {generated}"""\n\n'
            "from .finding import Severity\n\n"
            "#: the policy files the index was made from: it is used only while they are these\n"
            f"FILES = {pprint.pformat(files, width=120)}\n"
            "#: what POLICIES holds of each policy, in this order (policy.INDEX_FIELDS: the index is used only while\n"
            "#: they are these): Policy's arguments but help and sources (policy_texts.py) and path (the file's)\n"
            f"FIELDS = {pprint.pformat(INDEX_FIELDS, width=120, compact=True)}\n"
            "#: (policy file, its policy's FIELDS), made by policy.parse_policy from the file\n"
            f"POLICIES = {pprint.pformat(index, width=120, sort_dicts=False)}\n",
            f'"""The built-in policies\' help and sources, by id: {generated}"""\n\n'
            f"TEXTS = {pprint.pformat(texts, width=120, sort_dicts=False)}\n")


def write_index() -> tuple[str, str]:
    """Write ``tfdind_lint/policy_index.py`` and ``policy_texts.py`` from the policy files (tests/test_cold_start.py
    says when it is due)."""
    from .writes import write_atomic  # noqa: PLC0415

    index, texts = index_sources(data_path("policies"))
    write_atomic(TEXTS, texts)
    write_atomic(INDEX, index)
    return INDEX, TEXTS


def load_custom(directory: Path, display: str, known: dict[str, Policy]) -> dict[str, Policy]:
    """The custom policies of a directory (``*.yaml``, ``*.yml``), validated by the policy schema.

    ``display`` is how the directory is shown in errors, ``known`` the policies
    loaded already (built-in and custom).  Raises PolicyError with every problem
    found: schema errors with their line, ids and names that collide with known
    policies or with each other.
    """
    from . import schema  # noqa: PLC0415
    from .sources import SourceError  # noqa: PLC0415
    from .sources.kubernetes import parse_data  # noqa: PLC0415
    from .sources.text import decode  # noqa: PLC0415

    if not directory.is_dir():
        raise PolicyError(f"{display}: the custom policy directory does not exist")
    errors: list[str] = []
    policies: dict[str, Policy] = {}
    names = {p.name: p.id for p in known.values()}
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        shown = f"{display.rstrip('/')}/{path.name}"
        try:
            node = parse_data(shown, decode(path.read_bytes(), shown))
        except SourceError as exc:
            errors.append(f"{exc.span}: {exc.message}")
            continue
        except OSError as exc:
            errors.append(f"{shown}: cannot read the file: {exc.strerror or exc}")
            continue
        if node is None:
            errors.append(f"{shown}:1:1: the file is empty; a custom policy needs id, name, severity, ...")
            continue
        data = node.plain()
        problems = schema.validate(data, "policy.schema.json", shown, node_locator(node))
        if not problems and data.get("origin") != "custom":
            problems.append(f"{shown}:{_line(node, ('origin',))}: origin: custom policies say `origin: custom`")
        if problems:
            errors.extend(problems)
            continue
        policy = parse_policy(data, str(path))
        where = f"{shown}:{_line(node, ('id',))}"
        if policy.id in known or policy.id in policies:
            other = known.get(policy.id) or policies[policy.id]
            errors.append(f"{where}: id: {policy.id} is already the id of {other.name} ({other.path or 'built-in'})")
            continue
        if policy.name in names:
            errors.append(f"{shown}:{_line(node, ('name',))}: name: `{policy.name}` is already the name of {names[policy.name]}")
            continue
        names[policy.name] = policy.id
        policies[policy.id] = policy
    if errors:
        raise PolicyError(errors)
    return policies


def node_locator(root):
    """A ``schema.Locate`` over a positioned tree: the line and column of a key (or list item)."""

    def locate(keys: tuple) -> tuple[int, int]:
        node = root
        span = root.span
        for key in keys:
            value = node.value
            if isinstance(value, dict) and key in value:
                node = value[key]
                span = node.key or node.span
            elif isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
                node = value[key]
                span = node.span
            else:
                break
        return span.line, span.column

    return locate


def _line(node, keys: tuple) -> str:
    line, column = node_locator(node)(keys)
    return f"{line}:{column}"


def find_policy(policies: dict[str, Policy], name_or_id: str) -> Policy | None:
    """A policy by id (``TDL101``, any case) or kebab name (``sysbox-runtime-missing``)."""
    key = name_or_id.strip()
    if key.upper() in policies:
        return policies[key.upper()]
    for policy in policies.values():
        if policy.name == key.lower():
            return policy
    return None
