"""4xx: the Docker-in-Docker sidecar: how its daemon listens, and how the workspace reaches it (RULES.md group 4xx).

The daemon / client model these rules share lives in ``daemon.py``.
"""

from __future__ import annotations

import posixpath
import re
import weakref
from typing import Iterator

from ..context import Context, Unit
from ..finding import Hit, Related, Severity
from ..node import Span
from ..workload import Container, truthy
from . import roles, scripts
from .daemon import DOCKER_IMAGES, Client, Daemon, Scene, bypasses_entrypoint, mentions_start_count, networks, symbolic, unknown

DIND_ROOTLESS_IMAGES = ("docker:*dind-rootless*",)
ROOTLESS_DATA_ROOT = "/home/rootless/.local/share/docker"  # the rootless image's VOLUME ($XDG_DATA_HOME/docker)
SOCKETS = ("/var/run/docker.sock", "/run/docker.sock")


#: One scene per unit, shared by the rules of this module (a unit does not change once built).
_SCENES: "weakref.WeakKeyDictionary[Unit, Scene]" = weakref.WeakKeyDictionary()


def _scenes(ctx: Context) -> Iterator[tuple[Unit, Scene]]:
    for unit in ctx.units:
        scene = _SCENES.get(unit)
        if scene is None:
            scene = _SCENES[unit] = Scene.of(unit.workloads, unit.module)
        yield unit, scene


def _workspace_clients(scene: Scene) -> Iterator[Client]:
    """The DOCKER_HOST of every container that is not a dind container (a workspace may run its own dockerd)."""
    for client in scene.clients:
        if client.container is None or not roles.is_dind(client.container):
            yield client


# ----------------------------------------------------------------------------------------------
# TDL402
# ----------------------------------------------------------------------------------------------


def dockerd_unauthenticated_tcp(ctx: Context) -> Iterator[Hit]:
    """TDL402: dockerd listens on TCP without ``--tlsverify`` (error; loopback: note)."""
    for _, scene in _scenes(ctx):
        for daemon in scene.daemons:
            if daemon.tls is not False:
                continue
            for listener in daemon.tcp:
                loopback = listener.address.loopback
                if loopback is None:
                    continue
                address = listener.address
                if listener.implicit and daemon.plain_by is not None:
                    span, cause = daemon.plain_by
                    what = f"`{cause}` makes docker:dind listen on `{address}` without TLS"
                    fix = "remove it: the entrypoint then serves TLS on 2376 and writes client certificates"
                else:
                    span = listener.span
                    what = f"The Docker daemon listens on `{address}` without `--tlsverify`"
                    fix = ("keep the image's entrypoint (TLS on 2376 with `DOCKER_TLS_CERTDIR`), or in a pod bind "
                           "`tcp://127.0.0.1:2375`")
                if loopback:
                    yield Hit(span, f"{what}: its network namespace gets root on the daemon",
                              hint="acceptable for a pod sidecar (on Kubernetes every container of the pod reaches it); "
                                   "a unix socket on a shared volume or TLS narrows it further",
                              subject=daemon.subject, owner=daemon.owner, attribute=daemon.attribute,
                              severity=Severity.NOTE)
                    continue
                yield Hit(span, f"{what}: an unauthenticated root API",
                          hint=f"{fix} (current Docker Engines also delay or refuse that start-up)",
                          subject=daemon.subject, owner=daemon.owner, attribute=daemon.attribute)


# ----------------------------------------------------------------------------------------------
# TDL403
# ----------------------------------------------------------------------------------------------


def docker_host_missing_scheme(ctx: Context) -> Iterator[Hit]:
    """TDL403: a DOCKER_HOST value without ``scheme://``."""
    for _, scene in _scenes(ctx):
        seen: set[Span] = set()
        for client in scene.clients:
            setting = client.setting
            address = client.address
            if setting.span in seen or address is None or address.has_scheme:
                continue
            seen.add(setting.span)
            text = setting.text.strip()
            fixed = f"unix://{text}" if text.startswith("/") else f"tcp://{text}"
            yield Hit(setting.span, "`DOCKER_HOST` has no scheme: clients built on the Docker SDK fail to parse it",
                      hint=f"write `{fixed}` (the docker CLI assumes tcp; testcontainers and IDE plugins fail with "
                           "\"unable to parse docker host\")",
                      subject=setting.subject, attribute="DOCKER_HOST", owner=setting.owner)


# ----------------------------------------------------------------------------------------------
# TDL404
# ----------------------------------------------------------------------------------------------


def docker_host_daemon_mismatch(ctx: Context) -> Iterator[Hit]:
    """TDL404: the workspace DOCKER_HOST does not lead to a listener of the dind daemon (host, port, TLS)."""
    for _, scene in _scenes(ctx):
        for client in _workspace_clients(scene):
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


def _outside(host: str) -> bool:
    """An IP address or the Docker host's name: it may reach a port dind publishes, not necessarily a mistake."""
    return bool(re.fullmatch(r"[\d.]+|\[?[0-9a-fA-F:]+\]?", host)) or host.endswith(".internal")


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
    if any(_under(path, symbolic(m.path)) for m in container.mounts):
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


def _under(path: str, mount: str | None) -> bool:
    if mount is None or unknown(mount):
        return True
    mount = mount.rstrip("/")
    return path == mount or path.startswith(mount + "/")


# ----------------------------------------------------------------------------------------------
# TDL405
# ----------------------------------------------------------------------------------------------


def dind_network_not_shared(ctx: Context) -> Iterator[Hit]:
    """TDL405: DOCKER_HOST names the dind container, but the two containers share no user-defined network."""
    for unit, scene in _scenes(ctx):
        for client in _workspace_clients(scene):
            container = client.container
            if container is None or container.workload.kind != "docker_container":
                continue
            route = scene.route(client)
            if route is None or route.named is None or not route.daemons:
                continue
            dind = route.named
            if any(p is dind for p in scene.netns_peers(container)):
                continue
            mine, theirs = networks(container.workload, unit.module), networks(dind.workload, unit.module)
            if mine is None or theirs is None or mine & theirs:
                continue
            if not mine and not theirs:
                problem = "on the default bridge network containers cannot resolve each other's names"
            elif not theirs:
                problem = f"`{dind.workload.address}` joins none of the networks this container is on"
            elif not mine:
                problem = f"this container joins none of the networks `{dind.workload.address}` is on"
            else:
                problem = "they are on different networks"
            related = (Related(dind.workload.span, f"the dind container `{dind.display_name}`"),)
            related += tuple(Related(n.where, "a network of this container") for n in container.workload.networks)
            yield Hit(client.setting.span,
                      f"`DOCKER_HOST` names the dind container, but {problem}",
                      hint="attach both to the same network (`networks_advanced { name = docker_network.<x>.name }`)",
                      subject=client.setting.subject, attribute="networks_advanced", related=related,
                      owner=client.setting.owner)


# ----------------------------------------------------------------------------------------------
# TDL406
# ----------------------------------------------------------------------------------------------


def dind_sidecar_lifecycle(ctx: Context) -> Iterator[Hit]:
    """TDL406: the dind container outlives the workspace (no start_count), or its count is not indexed."""
    for unit, scene in _scenes(ctx):
        module = unit.module
        if module is None:
            continue
        reported = []
        for client in _workspace_clients(scene):
            container = client.container
            route = scene.route(client) if container is not None else None
            if route is None or route.named is None or not route.daemons or any(route.named is r for r in reported):
                continue
            dind = route.named.workload
            mine = container.workload.count
            lifecycle = dind.count if dind.count is not None else dind.for_each
            if not mentions_start_count(mine, module) or mentions_start_count(lifecycle, module):
                continue
            reported.append(route.named)
            text = getattr(mine.value, "text", "data.coder_workspace.me.start_count")
            yield Hit(dind.span, f"`{dind.address}` has no `count = {text}`: it keeps running after the workspace stops",
                      hint=f"give it the workspace container's `count` and index its references (`{dind.address}[0].name`)",
                      subject=dind.address, attribute="count", owner=dind.owner,
                      related=(Related(mine.where, "the workspace container stops with the workspace"),))
        for dind in unit.workloads:
            meta = dind.count if dind.count is not None else dind.for_each
            if dind.kind != "docker_container" or meta is None or not roles.is_dind(dind.containers[0]):
                continue
            for use in module.uses:
                ref = use.reference
                if ref.address != dind.address or not ref.attribute or ref.indexed:
                    continue
                index = "[0]" if dind.count is not None else '["<key>"]'
                yield Hit(ref.span, f"`{ref.text}` must name an instance of `{dind.address}`, which has `{meta.name}`",
                          hint=f"write `{dind.address}{index}.{'.'.join(ref.attribute)}` (Terraform rejects the plan "
                               "otherwise)",
                          subject=dind.address, attribute=".".join(use.path), owner=use.block.head,
                          related=(Related(meta.where, f"`{meta.name}` makes it a list of instances"),))


# ----------------------------------------------------------------------------------------------
# TDL407, TDL408, TDL409
# ----------------------------------------------------------------------------------------------


def dind_entrypoint_override(ctx: Context) -> Iterator[Hit]:
    """TDL407: a docker:dind container whose entrypoint runs dockerd itself, bypassing dockerd-entrypoint.sh."""
    for workload in ctx.workloads:
        for container in workload.all_containers():
            if not roles.image_matches(container, roles.DIND_IMAGES) or not bypasses_entrypoint(container):
                continue
            node = container.entrypoint
            argv = next(scripts.container_commands(container))
            if (scripts.program(argv) or (0, ""))[1] == "dockerd":
                instead = "command" if workload.kind == "docker_container" else workload.spell("args")
                fix = f"pass the same list as `{instead}` (the first element stays `dockerd`)"
            else:
                fix = "in the script, start `dockerd-entrypoint.sh dockerd ...` instead of `dockerd ...`"
            cgroup = "the pod's cgroup" if workload.kind != "docker_container" else "the container's cgroup"
            yield Hit(node.where, f"`{node.name}` bypasses the image's `dockerd-entrypoint.sh` and starts dockerd itself",
                      hint=f"{fix}: without the entrypoint there is no tini as PID 1, no iptables-mode detection, "
                           f"stale pid files stay, and on cgroup v2 the inner containers escape {cgroup} and its limits",
                      subject=workload.address, attribute=roles.attribute_path(container, node.name), owner=workload.owner)


def _dind_sidecars(unit: Unit) -> Iterator[Container]:
    """The dind containers of a unit that do not run the Coder agent (a workspace may start dockerd itself)."""
    for workload in unit.workloads:
        for container in workload.all_containers():
            agent = roles.runs_agent_script(container) or container.env_named("CODER_AGENT_TOKEN") is not None
            if roles.is_dind(container) and not agent:
                yield container


def dind_sidecar_not_root(ctx: Context) -> Iterator[Hit]:
    """TDL408: a dind container whose effective user is explicitly not root."""
    for unit in ctx.units:
        for container in _dind_sidecars(unit):
            workload = container.workload
            if roles.image_matches(container, DIND_ROOTLESS_IMAGES):
                continue
            user = workload.effective_run_as_user(container)
            uid = _uid(user)
            non_root = workload.effective_run_as_non_root(container)
            name = container.display_name
            docker = workload.kind == "docker_container"
            if uid not in (None, 0):
                node = user
                fix = "`user = \"root\"`" if docker else f"`{workload.spell('run_as_user', 0)}` in its own security context"
                message = f"The Docker daemon in `{name}` runs as uid {uid}, and dockerd cannot start without root"
                hint = (f"set {fix}, or use the docker:dind-rootless image (docker:dind's entrypoint tries rootless "
                        "mode and exits: \"missing 'rootlesskit'\")")
            elif truthy(non_root):
                node = non_root
                message = (f"The Docker daemon in `{name}` must run as non-root (`{non_root.name}`), and dockerd "
                           "cannot start without root")
                hint = (f"set `{workload.spell('run_as_non_root', False)}` and `{workload.spell('run_as_user', 0)}` in "
                        "its own security context, or use the docker:dind-rootless image")
            else:
                continue
            own = node is container.run_as_user or node is container.run_as_non_root
            span, related = (node.where, ()) if own else (
                container.span, (Related(node.where, f"the pod's `{node.name}` applies to every container"),))
            attribute = node.name if docker else roles.attribute_path(container, workload.spell("security_context"), node.name)
            yield Hit(span, message, subject=workload.address, related=related, owner=workload.owner, attribute=attribute,
                      hint=hint)


def _uid(node) -> int | None:
    """A known numeric uid (``1000`` and ``"1000"`` alike; Docker's ``root`` is 0); None otherwise."""
    value = node.value if node is not None else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        value = value.strip()
        return 0 if value == "root" else (int(value) if value.isdigit() else None)
    return None


def dind_storage_on_overlay(ctx: Context) -> Iterator[Hit]:
    """TDL409: a Kubernetes dind sidecar (or envbox container) without a volume at dockerd's data-root."""
    for unit, scene in _scenes(ctx):
        sidecars = list(_dind_sidecars(unit))
        for workload in unit.workloads:
            if workload.kind == "docker_container" or roles.uses_runtime(workload, roles.SYSBOX_RUNTIMES):
                continue  # the Docker engine and Sysbox back /var/lib/docker themselves
            for container in workload.all_containers():
                if roles.is_envbox(container):
                    needed = ["/var/lib/coder/docker", "/var/lib/docker"]
                elif any(container is c for c in sidecars):
                    roots = [d.data_root for d in scene.daemons_of([container]) if d.data_root is not None]
                    if any(unknown(r.text) for r in roots):
                        continue
                    rootless = roles.image_matches(container, DIND_ROOTLESS_IMAGES)
                    default = ROOTLESS_DATA_ROOT if rootless else "/var/lib/docker"
                    needed = [roots[-1].text.rstrip("/") if roots else default]
                else:
                    continue
                if container.mounts_open:
                    continue
                mounts = [symbolic(m.path) for m in container.mounts]
                missing = [p for p in needed if not any(_under(p, m) for m in mounts)]
                if not missing:
                    continue
                paths = " and ".join(f"`{p}`" for p in missing)
                mount = workload.spell("volume_mounts")
                yield Hit(container.span, f"`{container.display_name}` has no volume at {paths}, dockerd's data-root",
                          hint=f"add a `{mount}` there backed by an `{workload.spell('empty_dir')}` volume or a PVC: "
                               "on CRI-O (and containerd ignoring image volumes) the data-root is the container's "
                               "overlay rootfs, where overlay2 cannot run (vfs: slow builds, ephemeral-storage "
                               "evictions), and the image cache is lost on every restart",
                          subject=workload.address, attribute=roles.attribute_path(container, mount),
                          owner=workload.owner)


# ----------------------------------------------------------------------------------------------
# TDL411, TDL413
# ----------------------------------------------------------------------------------------------

_OCTAL = re.compile(r"^[0-7]{1,4}$")
_CLAUSE = re.compile(r"^([ugoa]*)((?:[-+=][rwxXst]*)+)$")


def world_writable(mode: str) -> bool:
    """Whether a chmod mode gives others write: octal ``666``/``0777``, symbolic ``a+rw``, ``o+w``, ``ugo=rwx``.

    A clause without who (``+w``) is filtered by the umask, so it does not count.
    """
    if _OCTAL.match(mode):
        return bool(int(mode, 8) & 0o002)
    for clause in mode.split(","):
        m = _CLAUSE.match(clause)
        if m is None or not (set(m.group(1)) & {"a", "o"}):
            continue
        for op, perms in re.findall(r"([-+=])([rwxXst]*)", m.group(2)):
            if op in "+=" and "w" in perms:
                return True
    return False


def docker_socket_world_writable(ctx: Context, *, sockets=SOCKETS) -> Iterator[Hit]:
    """TDL411: a script makes the Docker socket writable for everyone (``chmod 666 /var/run/docker.sock``)."""
    for unit in ctx.units:
        if not roles.is_coder_workspace(ctx, unit):
            continue  # "every user and process of the workspace": only said of a Coder workspace
        places = []  # (commands, (subject, owner, attribute))
        for workload in unit.workloads:
            for container in workload.all_containers():
                place = (workload.address, workload.owner, roles.command_attribute(container))
                places.append((scripts.container_commands(container), place))
        if unit.module is not None:
            for resource, node in scripts.startup_scripts(unit.module):
                places.append((scripts.commands(node), scripts.place(resource)))
        seen: set[Span] = set()
        for commands, (subject, owner, attribute) in places:
            for args in commands:
                found = scripts.program(args)
                if found is None or found[1] != "chmod":
                    continue
                operands = [a for a in args[found[0] + 1:] if not a.text.startswith("-")]
                if len(operands) < 2 or not world_writable(operands[0].text):
                    continue
                for target in operands[1:]:
                    if posixpath.normpath(target.text) not in sockets:
                        continue
                    span = args[found[0]].span
                    span = span.cover(target.span) if span.line == target.span.line else target.span
                    if span in seen:
                        continue
                    seen.add(span)
                    yield Hit(span, f"`chmod {operands[0].text}` opens the Docker socket, root on its host, to every "
                              "user of the workspace",
                              hint="add the user to the `docker` group instead, or run Docker rootless",
                              subject=subject, owner=owner, attribute=attribute)


def remote_docker_plaintext(ctx: Context) -> Iterator[Hit]:
    """TDL413: DOCKER_HOST points at a daemon outside the template over plain TCP."""
    for unit, scene in _scenes(ctx):
        if not roles.is_coder_workspace(ctx, unit):
            continue  # "every workspace of the template shares it": only said of a Coder template
        for client in _workspace_clients(scene):
            address = client.address
            route = scene.route(client)
            if route is None or route.local or route.named is not None or address.loopback is not False:
                continue
            if any(d.container is not client.container for d in scene.daemons if d.container is not None):
                continue  # the template has its own daemon: TDL404 compares them
            if client.tls is not False:
                continue
            setting = client.setting
            yield Hit(setting.span, "`DOCKER_HOST` sends the Docker API in plain text to a daemon every workspace "
                      "shares", hint="use TLS (`DOCKER_TLS_VERIFY=1`, `DOCKER_CERT_PATH`), or give each workspace its "
                      f"own Docker (Sysbox, envbox, rootless Podman): whoever reaches `{address}` is root on its host",
                      subject=setting.subject, attribute="DOCKER_HOST", owner=setting.owner)


CHECKS = {
    "TDL402": dockerd_unauthenticated_tcp,
    "TDL403": docker_host_missing_scheme,
    "TDL404": docker_host_daemon_mismatch,
    "TDL405": dind_network_not_shared,
    "TDL406": dind_sidecar_lifecycle,
    "TDL407": dind_entrypoint_override,
    "TDL408": dind_sidecar_not_root,
    "TDL409": dind_storage_on_overlay,
    "TDL411": docker_socket_world_writable,
    "TDL413": remote_docker_plaintext,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
