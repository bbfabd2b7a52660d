"""What the 5xx rules share: finding systemd as a container's command, Kubernetes versions, RuntimeClass extracts."""

from __future__ import annotations

from ...lazy_re import LazyPattern
from ...model import scripts
from ...node import Node, Span
from ...record import Record

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)

if TYPE_CHECKING:

    from ...fix import Fix

_SYSTEMD = LazyPattern(r"(?:\bexec\s+)?(?:/sbin/init|/(?:usr/)?lib/systemd/systemd)\b")


def systemd_span(init: Node) -> Span:
    """Where a command-line element execs systemd (the line inside a script), or the element."""
    found = scripts.search(init, _SYSTEMD)
    return found[0] if found else init.where


class RuntimeClass(Record):
    """A RuntimeClass defined in scope: a YAML document, ``kubernetes_runtime_class_v1`` or ``kubernetes_manifest``."""

    _fields = ("name", "handler", "node_selector", "span", "owner", "address", "can_schedule", "fixes")

    name: str
    handler: Node | None
    node_selector: Node | None  # scheduling.nodeSelector; None when absent
    span: Span  # the kind line / resource head
    owner: Span
    address: str
    #: False for kubernetes_runtime_class_v1, whose schema has no ``scheduling``
    can_schedule: bool
    #: TDL505's fixes, made where the file's text is at hand (the collector): by the attribute they repair
    #: (``handler``, ``scheduling.nodeSelector``, ``scheduling.nodeSelector.<key>``)
    fixes: dict[str, Fix]

    def __init__(self, name: str, handler: Node | None, node_selector: Node | None, span: Span, owner: Span,
                 address: str, can_schedule: bool = True, fixes: dict[str, Fix] | None = None):
        self.name = name
        self.handler = handler
        self.node_selector = node_selector
        self.span = span
        self.owner = owner
        self.address = address
        self.can_schedule = can_schedule
        self.fixes = {} if fixes is None else fixes


class _Pod(Record):
    """What TDL505 reads of a Kubernetes workload that names a runtime class, or of a DaemonSet with a nodeSelector."""

    _fields = ("address", "kind", "runtime", "node_selector", "selector_name", "written_as_yaml", "owner")

    address: str
    kind: str
    runtime: Node | None  # runtimeClassName / runtime_class_name
    node_selector: Node | None
    selector_name: str  # nodeSelector / node_selector, as the user writes it
    written_as_yaml: bool
    owner: Span | None

    def __init__(self, address: str, kind: str, runtime: Node | None, node_selector: Node | None, selector_name: str,
                 written_as_yaml: bool, owner: Span | None):
        self.address = address
        self.kind = kind
        self.runtime = runtime
        self.node_selector = node_selector
        self.selector_name = selector_name
        self.written_as_yaml = written_as_yaml
        self.owner = owner

    @property
    def runtime_name(self) -> str | None:
        """The runtime class it names, when known."""
        return self.runtime.value if self.runtime is not None and isinstance(self.runtime.value, str) else None


class _RuntimeFacts(Record):
    _fields = ("classes", "pods", "labelled")

    classes: list[RuntimeClass]
    pods: list[_Pod]
    labelled: dict[tuple[str, str], bool]  # for each installer label: whether the unit gives nodes that label

    def __init__(self, classes: list[RuntimeClass], pods: list[_Pod], labelled: dict[tuple[str, str], bool]):
        self.classes = classes
        self.pods = pods
        self.labelled = labelled


_K8S_VERSION = LazyPattern(r"v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?")


def parse_k8s_version(text) -> tuple[int, ...] | None:
    """``"1.35"``, ``"v1.35.2"``, ``1.35`` -> (1, 35[, 2]); None when not a version."""
    if text is None or isinstance(text, bool):
        return None
    m = _K8S_VERSION.fullmatch(str(text).strip())
    if m is None:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)
