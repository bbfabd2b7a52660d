"""What the 5xx rules share: finding systemd as a container's command, Kubernetes versions, RuntimeClass extracts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import scripts
from ...node import Node, Span

if TYPE_CHECKING:
    from ...fix import Fix

_SYSTEMD = re.compile(r"(?:\bexec\s+)?(?:/sbin/init|/(?:usr/)?lib/systemd/systemd)\b")


def systemd_span(init: Node) -> Span:
    """Where a command-line element execs systemd (the line inside a script), or the element."""
    found = scripts.search(init, _SYSTEMD)
    return found[0] if found else init.where


@dataclass(eq=False)
class RuntimeClass:
    """A RuntimeClass defined in scope: a YAML document, ``kubernetes_runtime_class_v1`` or ``kubernetes_manifest``."""

    name: str
    handler: Node | None
    node_selector: Node | None  # scheduling.nodeSelector; None when absent
    span: Span  # the kind line / resource head
    owner: Span
    address: str
    #: False for kubernetes_runtime_class_v1, whose schema has no ``scheduling``
    can_schedule: bool = True
    #: TDL505's fixes, made where the file's text is at hand (the collector): by the attribute they repair
    #: (``handler``, ``scheduling.nodeSelector``, ``scheduling.nodeSelector.<key>``)
    fixes: dict[str, Fix] = field(default_factory=dict)


@dataclass(eq=False)
class _Pod:
    """What TDL505 reads of a Kubernetes workload that names a runtime class, or of a DaemonSet with a nodeSelector."""

    address: str
    kind: str
    runtime: Node | None  # runtimeClassName / runtime_class_name
    node_selector: Node | None
    selector_name: str  # nodeSelector / node_selector, as the user writes it
    written_as_yaml: bool
    owner: Span | None

    @property
    def runtime_name(self) -> str | None:
        """The runtime class it names, when known."""
        return self.runtime.value if self.runtime is not None and isinstance(self.runtime.value, str) else None


@dataclass(eq=False)
class _RuntimeFacts:
    classes: list[RuntimeClass]
    pods: list[_Pod]
    labelled: dict[tuple[str, str], bool]  # for each installer label: whether the unit gives nodes that label


def parse_k8s_version(text) -> tuple[int, ...] | None:
    """``"1.35"``, ``"v1.35.2"``, ``1.35`` -> (1, 35[, 2]); None when not a version."""
    if text is None or isinstance(text, bool):
        return None
    m = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?", str(text).strip())
    if m is None:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)
