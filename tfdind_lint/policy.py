"""Policies: the data half of a rule (``policies/TDLnnn-name.yaml``)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from .finding import Severity
from .resources import data_dir


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Policy:
    id: str
    name: str
    severity: Severity
    summary: str
    help: str
    origin: str
    sources: tuple[Source, ...]
    enabled: bool = True
    files: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    precision: str = "high"
    security_severity: str | None = None
    parameters: dict = field(default_factory=dict, hash=False, compare=False)
    path: str = ""

    @property
    def group(self) -> str:
        """``TDL4`` for TDL401: the prefix that selects a group of rules."""
        return self.id[:4]

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
    pass


def parse_policy(data: dict, path: str) -> Policy:
    try:
        return Policy(
            id=data["id"],
            name=data["name"],
            severity=Severity.parse(data["severity"]),
            summary=data["summary"],
            help=data["help"],
            origin=data["origin"],
            sources=tuple(Source(s["title"], s.get("url", ""), s.get("quote", "")) for s in data["sources"]),
            enabled=data.get("enabled", True),
            files=tuple(data.get("files", ())),
            tags=tuple(data.get("tags", ())),
            precision=data.get("precision", "high"),
            security_severity=data.get("security-severity"),
            parameters=dict(data.get("parameters") or {}),
            path=path,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"{path}: invalid policy ({exc})") from None


def read_policy_file(path: Path) -> dict:
    """The raw mapping of a policy file (YAML; JSON is YAML too)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
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


@functools.lru_cache(maxsize=1)
def builtin_policies() -> dict[str, Policy]:
    """Every built-in policy, by id, in id order."""
    policies = load_directory(data_dir("policies"))
    return dict(sorted(policies.items()))


def find_policy(policies: dict[str, Policy], name_or_id: str) -> Policy | None:
    """A policy by id (``TDL101``, any case) or kebab name (``sysbox-runtime-missing``)."""
    key = name_or_id.strip()
    if key.upper() in policies:
        return policies[key.upper()]
    for policy in policies.values():
        if policy.name == key.lower():
            return policy
    return None
