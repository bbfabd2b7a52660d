"""TDL404 docker-host-daemon-mismatch: The workspace DOCKER_HOST does not lead to a listener of the template's dind
daemon (host, port or TLS)."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related, Severity
from ...lazy_re import LazyPattern
from ...model import roles
from ...model.daemon import DOCKER_IMAGES, Client, Daemon, Scene, symbolic, unknown
from .helpers import scenes, under, workspace_clients

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL404: the workspace DOCKER_HOST does not lead to a listener of the dind daemon (host, port, TLS)."""
    for _, scene in scenes(ctx):
        for client in workspace_clients(scene):
            if client.container is None:
                continue
            found = _mismatch(scene, client)
            if found is None:
                continue
            message, hint, related, severity = found
            setting = client.setting
            yield Hit(setting.span, message, subject=setting.subject, attribute="DOCKER_HOST",
                      related=related, severity=severity, owner=setting.owner, hint=hint)


def _listeners_related(daemons: list[Daemon], scheme: str = "tcp") -> tuple[Related, ...]:
    """The daemons' listeners of the client's scheme (all of them when there is none) as related places."""
    listeners = [l for d in daemons for l in d.listeners]
    chosen = [l for l in listeners if l.address.scheme == scheme] or listeners
    return tuple(Related(l.span, f"the Docker daemon listens on {l.describe()}") for l in chosen)


def _mismatch(scene: Scene, client: Client):
    """(message, hint, related, severity) when the client's address cannot reach the daemon meant for it."""
    address = client.address
    if address is None:
        return None
    container = client.container
    own = "`DOCKER_HOST`"
    if address.scheme == "unix":
        return _unix_mismatch(scene, client)
    route = scene.route(client)
    if route is None:
        return None
    others = [d for d in scene.daemons if d.container is not None and d.container is not container]
    if route.local and not route.daemons:
        host_network = symbolic(container.workload.network_mode) == "host"  # may reach ports dind publishes
        if container.workload.kind != "docker_container" or not others or host_network:
            return None
        name = others[0].container.display_name
        return (f"{own} points at this container itself, not the Docker daemon in `{name}`",
                "address the dind container by name, e.g. `tcp://<its name>:<port>`: Docker containers have their own "
                "network namespace", _listeners_related(others[:1]), None)
    if not route.local and route.named is None:
        if unknown(address.host):
            return None
        if container.workload.kind != "docker_container":
            pod = scene.daemons_of(container.workload.all_containers())
            if not pod:
                return None
            return (f"{own} leaves the pod, but the Docker daemon runs in its sidecar `{pod[0].container.display_name}`",
                    "use `tcp://localhost:<port>`: containers of a pod share one network namespace",
                    _listeners_related(pod), None)
        if not others or _outside(address.host):
            return None
        name = others[0].container.display_name
        return (f"{own} names no container of this template; the Docker daemon runs in `{name}`",
                "use its `name`, `hostname` or a network alias", _listeners_related(others[:1]), None)
    if not route.daemons or not all(d.complete for d in route.daemons):
        return None
    return _listener_mismatch(client, route.daemons, same_netns=route.local)


_ADDRESS = LazyPattern(r"[\d.]+|\[?[0-9a-fA-F:]+\]?")


def _outside(host: str) -> bool:
    """An IP address or the Docker host's name: it may reach a port dind publishes, not necessarily a mistake."""
    return bool(_ADDRESS.fullmatch(host)) or host.endswith(".internal")


def _listener_mismatch(client: Client, daemons: list[Daemon], same_netns: bool):
    address = client.address
    own = "`DOCKER_HOST`"
    related = _listeners_related(daemons)
    # daemon.json can add hosts to an image the tool cannot see into: only docker:* images are certain
    severity = None if any(roles.image_matches(d.container, DOCKER_IMAGES) for d in daemons) else Severity.WARNING
    where = "the dind daemon" if len(daemons) == 1 else "the dind daemons"
    tcp = [(d, l) for d in daemons for l in d.tcp]
    port = address.port_number
    same_port = [(d, l) for d, l in tcp if port is None or l.address.port_number in (None, port)]
    if not same_port:
        listens = ", ".join(l.describe() for d in daemons for l in d.listeners)
        listening = "the daemon listens" if len(daemons) == 1 else "the daemons listen"
        return f"{own} uses another port than {where}", f"make the port agree: {listening} on {listens}", related, severity
    reachable = [(d, l) for d, l in same_port if same_netns or l.address.loopback is not True]
    if not reachable:
        return (f"{own} cannot reach {where}, which listens on loopback only ({same_port[0][1].describe()})",
                "listen on `0.0.0.0` with TLS (the image's default, port 2376): other containers cannot reach loopback",
                related, severity)
    wants_tls = client.tls
    tls = {d.tls for d, _ in reachable}
    if wants_tls is None or None in tls:
        return None
    if tls == {True} and not wants_tls:
        return (f"{own} speaks plain HTTP, but {where} requires TLS client certificates (`--tlsverify`)",
                "set `DOCKER_TLS_VERIFY=1` and `DOCKER_CERT_PATH` to the client certificates (`/certs/client` of a "
                "volume shared with dind)", related, severity)
    if tls == {False} and wants_tls:
        setting = client.env.get("DOCKER_TLS_VERIFY")
        return (f"{own} is used with `DOCKER_TLS_VERIFY`, but {where} serves plain HTTP",
                "remove `DOCKER_TLS_VERIFY`, or enable TLS on the daemon",
                related + ((Related(setting.span, "TLS is asked for here"),) if setting else ()), severity)
    if True in tls and wants_tls and not _has_certificates(client):
        return (f"{own} verifies TLS, but no `DOCKER_CERT_PATH` says where the client certificates are",
                "set it to the certificates dind writes (`/certs/client` of a shared volume); the client looks in "
                "`~/.docker`", related, severity)
    return None


def _has_certificates(client: Client) -> bool:
    """DOCKER_CERT_PATH is set (or may be), or something is mounted at ``~/.docker``."""
    if client.env.get("DOCKER_CERT_PATH") is not None or client.env.open:
        return True
    for mount in client.container.mounts:
        path = symbolic(mount.path)
        if path is None or unknown(path) or path.rstrip("/").endswith("/.docker"):
            return True
    return client.container.mounts_open


def _unix_mismatch(scene: Scene, client: Client):
    """A ``unix://`` DOCKER_HOST: another container's socket is reachable only through a shared volume."""
    container = client.container
    path = client.address.path
    if unknown(path) or container.mounts_open:
        return None
    if any(under(path, symbolic(m.path)) for m in container.mounts):
        return None  # a volume brings a socket here (shared with dind, or the host's)
    if scene.daemons_of([container]):
        return None
    peers = scene.daemons_of(scene.netns_peers(container)) if container.workload.kind != "docker_container" else []
    others = peers or [d for d in scene.daemons if d.container is not None and d.container is not container]
    if not others:
        return None
    name = others[0].container.display_name
    return (f"`DOCKER_HOST` is a socket in `{container.display_name}`'s own filesystem; the daemon runs in `{name}`",
            "share the socket's directory through a volume, or use its TCP address",
            _listeners_related(others[:1], "unix"), None)
