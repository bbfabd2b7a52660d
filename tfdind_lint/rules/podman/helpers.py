"""What the 3xx rules share.

A Podman workspace is a container whose image matches ``*podman*``, or whose agent
startup script runs ``podman``.  TDL302 and TDL304 compare workspaces with what
runs the nodes (device plugins, node user data), which may live in other files:
they see the whole run, and say nothing unless both sides are in it.
"""

from __future__ import annotations

from ...finding import Hit
from ...lazy_re import GuardedPattern, LazyPattern
from ...model import roles, scripts
from ...model.scripts import agent_startup_scripts
from ...node import Span
from ...record import Record
from ...workload import Container, Workload

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from decimal import Decimal

DEFAULT_PODMAN_IMAGES = ("*podman*",)
_PODMAN = GuardedPattern(r"(?:^|[\s;&|(`])(?:sudo\s+(?:-\S+\s+)*)?podman(?=$|[\s;&|)`])", ("podman",))
_QUANTITY = LazyPattern(r"^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$")


def podman_evidence(container: Container, images=DEFAULT_PODMAN_IMAGES) -> Span | None:
    """Why a container is a rootless Podman workspace (its image, or its agent's startup script), or None."""
    if roles.image_matches(container, images):
        return container.image.where
    for script in agent_startup_scripts(container.workload, container):
        found = scripts.search(script, _PODMAN)
        if found is not None:
            return found[0]
    return None


def podman_hit(container: Container, span: Span, message: str, attribute: str, **extra) -> Hit:
    workload = container.workload
    where = "init_container" if container.init else "container"
    return Hit(span, message, subject=workload.address, attribute=f"{where}[{container.display_name}].{attribute}",
               owner=workload.owner, **extra)


def quantity(value) -> Decimal | None:
    """A Kubernetes resource quantity (``1``, ``"500m"``, ``"2Gi"``, ``"1e3"``) as a number; None when not one."""
    from decimal import Decimal, InvalidOperation  # noqa: PLC0415  (1.5 ms a one-file run seldom needs)

    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if not isinstance(value, str):
        return None
    m = _QUANTITY.match(value.strip())
    if m is None:
        return None
    try:
        return Decimal(m.group(1)) * _suffixes(Decimal)[m.group(2)]
    except InvalidOperation:
        return None


_SUFFIXES: dict = {}  # filled on first use: decimal is imported only for a resource quantity


def _suffixes(decimal: type) -> dict:
    if not _SUFFIXES:
        _SUFFIXES.update(_suffix_values(decimal))
    return _SUFFIXES


def _suffix_values(decimal: type) -> dict:
    return {None: 1, "n": decimal("1e-9"), "u": decimal("1e-6"), "m": decimal("1e-3"), "k": 10**3, "M": 10**6,
            "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40,
            "Pi": 2**50, "Ei": 2**60}


def is_extended(name: str) -> bool:
    """An extended resource: a domain-prefixed name outside ``kubernetes.io`` (``github.com/fuse``, ``nvidia.com/gpu``)."""
    domain, slash, _ = name.partition("/")
    return bool(slash) and domain != "kubernetes.io" and not domain.endswith(".kubernetes.io")


class _Object(Record):
    """A ConfigMap or Secret in scope; None for a name or namespace the tool cannot know (it matches any)."""

    _fields = ("kind", "name", "namespace", "data")

    kind: str
    name: str | None
    namespace: str | None
    data: dict

    def __init__(self, kind: str, name: str | None, namespace: str | None, data: dict):
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.data = data

    def matches(self, kind: str, name: str, namespace: str | None) -> bool:
        return (self.kind == kind and self.name in (name, None)
                and (self.namespace is None or namespace is None or self.namespace == namespace))


class _Request(Record):
    """A FUSE extended resource a container asks for, with what a finding about it says."""

    _fields = ("subject", "container", "owner", "name", "where")

    subject: str
    container: str  # ``container[name]`` / ``init_container[name]``
    owner: Span | None
    name: str
    where: Span

    def __init__(self, subject: str, container: str, owner: Span | None, name: str, where: Span):
        self.subject = subject
        self.container = container
        self.owner = owner
        self.name = name
        self.where = where


class _FuseFacts(Record):
    """TDL302's view of one unit; ``embedded_*`` come from manifests in its scripts' here-documents."""

    _fields = ("requests", "embedded_requests", "plugins", "embedded_plugins", "objects", "labels")

    requests: list[_Request]
    embedded_requests: list[_Request]
    plugins: list[tuple[Workload, Container, str]]  # (DaemonSet, its plugin container, the plugin's kind)
    embedded_plugins: list[tuple[Workload, Container, str]]
    objects: list[_Object]
    labels: _Labels

    def __init__(self, requests: list[_Request], embedded_requests: list[_Request],
                 plugins: list[tuple[Workload, Container, str]],
                 embedded_plugins: list[tuple[Workload, Container, str]], objects: list[_Object], labels: _Labels):
        self.requests = requests
        self.embedded_requests = embedded_requests
        self.plugins = plugins
        self.embedded_plugins = embedded_plugins
        self.objects = objects
        self.labels = labels


class _Labels(Record):
    """What in scope may label nodes: script text (``kubectl label nodes ... k=v``, ``--node-labels``) and the
    label maps of node groups, node pools, NodePools or Bottlerocket settings (any mapping but a selector)."""

    _fields = ("texts", "pairs", "known")

    texts: list[str]
    pairs: set[tuple[str, str]]
    #: labels searched for already (plugins share selectors: each is searched for once)
    known: dict[tuple[str, str], bool]

    def __init__(self, texts: list[str], pairs: set[tuple[str, str]],
                 known: dict[tuple[str, str], bool] | None = None):
        self.texts = texts
        self.pairs = pairs
        self.known = {} if known is None else known

    def sets(self, key: str, value: str) -> bool:
        if (key, value) in self.pairs:
            return True
        if (key, value) not in self.known:
            import re  # noqa: PLC0415  (a label of the manifests: a pattern of their own)

            pattern = re.compile(rf"(?<![\w./-]){re.escape(key)}={re.escape(value)}(?![\w.-])")
            self.known[key, value] = any(pattern.search(text) for text in self.texts)
        return self.known[key, value]
