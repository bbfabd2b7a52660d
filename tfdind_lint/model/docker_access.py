"""How a workspace reaches a Docker daemon, and where that daemon's filesystem lives.

One answer per workspace container (the container that runs a Coder agent), read
from the models the 1xx-4xx rules already keep: ``daemon.py`` (which
dockerd each container starts and where each ``DOCKER_HOST`` leads),
``roles.py`` (envbox, dind, Sysbox) and ``workload.py`` (mounts).

Methods: the daemon runs *inside* the workspace container (``sysbox``, ``envbox``,
``privileged``, ``dockerd`` started without either, rootless ``podman``) or
*outside* it (a ``dind-sidecar``, the ``host-socket``, a ``remote`` host); ``unknown``
when a value the tool cannot read may provide one, ``none`` when nothing does.
For a daemon outside, a bind mount the CLI asks for resolves on the daemon's side,
so ``folder_on_daemon`` says whether a path of the workspace exists there at the
same path.
"""

from __future__ import annotations

import posixpath

from ..expression import references_in
from ..node import Span, Unknown
from ..record import Record
from ..workload import Container, Mount
from . import daemon as daemons
from . import roles, scripts

INSIDE = ("sysbox", "envbox", "privileged", "dockerd", "podman")
OUTSIDE = ("dind-sidecar", "host-socket", "remote")
PODMAN_IMAGES = ("*podman*",)


class DockerAccess(Record):
    """How a workspace reaches a Docker daemon: the method, the containers involved, and where it shows."""

    _fields = ("method", "workspace", "daemon", "evidence", "reason")

    method: str  # one of INSIDE, OUTSIDE, "unknown", "none"
    workspace: Container | None
    #: the container the daemon runs in, for a sidecar
    daemon: Container | None
    #: where the method shows (the runtime, the DOCKER_HOST, the socket mount), and in words
    evidence: Span | None
    reason: str

    def __init__(self, method: str, workspace: Container | None, daemon: Container | None = None,
                 evidence: Span | None = None, reason: str = ""):
        self.method = method
        self.workspace = workspace
        self.daemon = daemon
        self.evidence = evidence
        self.reason = reason

    @property
    def inside(self) -> bool:
        return self.method in INSIDE

    @property
    def outside(self) -> bool:
        return self.method in OUTSIDE


def _covering(container: Container, path: str) -> Mount | None:
    """The mount of a container whose path holds ``path`` (the deepest one)."""
    best, depth = None, -1
    for mount in container.mounts:
        target = roles.normal_path(mount.path)
        if target is None:
            continue
        if path == target or path.startswith(target.rstrip("/") + "/"):
            if len(target) > depth:
                best, depth = mount, len(target)
    return best


def _same_volume(a: Mount, b: Mount) -> bool | None:
    """Whether two mounts are backed by the same volume (None when one cannot be read)."""
    if a.volume is None or b.volume is None:
        return None
    if a.volume is b.volume:
        return True
    if a.volume.kind != b.volume.kind:
        return False
    if a.volume.kind in ("empty_dir",):
        return False  # an emptyDir is shared only within one pod, by the same volume
    left, right = daemons.symbolic(a.volume.source), daemons.symbolic(b.volume.source)
    if left is None or right is None:
        return None
    if a.volume.kind in ("bind", "host_path"):
        return posixpath.normpath(left) == posixpath.normpath(right)
    return left == right


def folder_on_daemon(access: DockerAccess, folder: str) -> tuple[bool | None, Mount | None]:
    """Whether ``folder`` (a path in the workspace) is at the same path on the daemon's side; with the workspace
    mount that holds it.  None when the tool cannot tell."""
    if access.inside:
        return True, None
    if access.method == "remote":
        return False, None
    if not access.outside or access.workspace is None:
        return None, None
    folder = posixpath.normpath(folder)
    workspace = access.workspace
    mount = _covering(workspace, folder)
    if mount is None:
        # a mount whose path the tool cannot read may hold the folder
        unreadable = any(roles.normal_path(m.path) is None for m in workspace.mounts)
        return (None if workspace.mounts_open or unreadable else False), None
    if mount.volume is None:
        return None, mount
    if access.method == "host-socket":
        if mount.volume.kind not in ("bind", "host_path"):
            return False, mount
        source = daemons.symbolic(mount.volume.source)
        if source is None or daemons.unknown(source):
            return None, mount
        return posixpath.normpath(source) == roles.normal_path(mount.path), mount
    other = access.daemon
    if other is None or other.mounts_open:
        return None, mount
    for theirs in other.mounts:
        if roles.normal_path(theirs.path) != roles.normal_path(mount.path):
            continue
        same = _same_volume(mount, theirs)
        if same is None:
            return None, mount
        if same and daemons.symbolic(mount.sub_path) == daemons.symbolic(theirs.sub_path):
            return True, mount
    return False, mount


def _readable(node) -> bool:
    return roles.script_text(node) is not None


def _only_agent_init(value: Unknown) -> bool:
    """Whether every unknown piece of a script renders an agent's init script (which starts no daemon)."""
    pieces = [p for p in value.parts if not isinstance(p, str)] if value.parts else [value]
    return all(p.references and scripts.renders_agent_init(p) for p in pieces)


class Model:
    """The Docker access of every workspace container of one unit (a module directory or a YAML file)."""

    def __init__(self, workloads, module=None, scene: daemons.Scene | None = None):
        self.workloads = workloads
        self.module = module
        self.scene = scene if scene is not None else daemons.Scene.of(workloads, module)
        self._cache: dict[int, DockerAccess] = {}

    def agent_container(self, agent: str) -> Container | None:
        """The container that runs ``coder_agent.<agent>``'s init script (the only container when none names it)."""
        containers = [c for w in self.workloads for c in w.containers]
        named = [c for c in containers if agent in scripts.agent_names(c)]
        if len(named) == 1:
            return named[0]
        if named:
            return None
        if self.module is not None and len(self.module.resources_of("coder_agent")) == 1:
            found = roles.agent_containers(self.workloads)
            return found[0] if len(found) == 1 else None
        return None

    def access(self, container: Container) -> DockerAccess:
        known = self._cache.get(id(container))
        if known is None:
            known = self._cache[id(container)] = self._access(container)
        return known

    def _access(self, c: Container) -> DockerAccess:
        workload = c.workload
        if roles.is_envbox(c):
            return DockerAccess("envbox", c, evidence=c.image.where if c.image is not None else c.span,
                                reason="it is an envbox container")
        outside = self._through_docker_host(c)
        if outside is not None:
            return outside
        inside = self._started_inside(c)
        if inside is not None:
            return inside
        podman = self._podman(c)
        if podman is not None:
            return podman
        if self._unreadable(c) or daemons.environment(c).open:
            return DockerAccess("unknown", c)  # a script, an image or an env_from the tool cannot read
        if c.entrypoint is None and not roles.image_matches(c, roles.CODER_WORKSPACE_IMAGES) and (
                roles.uses_runtime(workload, roles.SYSBOX_RUNTIMES) or roles.is_privileged(c)):
            return DockerAccess("unknown", c)  # the image's own ENTRYPOINT may start dockerd
        if roles.uses_runtime(workload, roles.SYSBOX_RUNTIMES):
            return DockerAccess("none", c, evidence=workload.runtime.where,
                                reason="it runs under Sysbox but nothing starts dockerd")
        if roles.is_privileged(c):
            return DockerAccess("none", c, evidence=c.privileged.where,
                                reason="it is privileged but nothing starts dockerd")
        return DockerAccess("none", c)

    # -- outside the workspace: DOCKER_HOST, a socket ---------------------------------------------

    def _through_docker_host(self, c: Container) -> DockerAccess | None:
        clients = [k for k in self.scene.clients if k.container is c]
        if not clients:
            return self._socket(c, daemons.DEFAULT_SOCKET[len("unix://"):], None)
        client = clients[-1]
        address = client.address
        where = client.setting.span
        if address is None:
            return DockerAccess("unknown", c)
        if address.scheme == "unix":
            if address.path is None or daemons.unknown(address.path):
                return DockerAccess("unknown", c)
            return self._socket(c, address.path, where)
        if address.scheme == "ssh":
            return DockerAccess("remote", c, evidence=where, reason=f"`DOCKER_HOST` is `{address}`")
        if address.scheme != "tcp":
            return DockerAccess("unknown", c)
        route = self.scene.route(client)
        if route is None:
            return DockerAccess("unknown", c)
        for found in route.daemons:
            if found.container is c:
                return None  # the workspace's own dockerd: decided below
            if found.container is not None:
                return DockerAccess("dind-sidecar", c, daemon=found.container, evidence=where,
                                    reason=f"`DOCKER_HOST` reaches dockerd in `{found.container.display_name}`")
        if route.named is not None:
            if roles.is_dind(route.named):
                return DockerAccess("dind-sidecar", c, daemon=route.named, evidence=where,
                                    reason=f"`DOCKER_HOST` names `{route.named.display_name}`")
            return DockerAccess("unknown", c)
        if route.local:
            peers = [p for p in self.scene.netns_peers(c) if p is not c and roles.is_dind(p)]
            if len(peers) == 1:
                return DockerAccess("dind-sidecar", c, daemon=peers[0], evidence=where,
                                    reason=f"`DOCKER_HOST` reaches `{peers[0].display_name}`")
            return DockerAccess("unknown", c) if peers else None
        return DockerAccess("remote", c, evidence=where, reason=f"`DOCKER_HOST` is `{address}`")

    def _socket(self, c: Container, path: str, where: Span | None) -> DockerAccess | None:
        """A Unix socket the client uses: the host's (a bind mount) or a sidecar's (a shared volume)."""
        path = posixpath.normpath(path)
        mount = _covering(c, path)
        if mount is None or mount.volume is None:
            return None
        if mount.volume.kind in ("bind", "host_path"):
            return DockerAccess("host-socket", c, evidence=mount.volume.source.where if mount.volume.source else mount.span,
                                reason="it mounts the host's Docker socket")
        for other in c.workload.all_containers() if c.workload.kind != "docker_container" else self.scene.docker_containers():
            if other is c or not roles.is_dind(other):
                continue
            for theirs in other.mounts:
                if roles.normal_path(theirs.path) == roles.normal_path(mount.path) and _same_volume(mount, theirs):
                    return DockerAccess("dind-sidecar", c, daemon=other, evidence=where or mount.span,
                                        reason=f"the socket comes from `{other.display_name}`")
        return None

    # -- inside the workspace ---------------------------------------------------------------------

    def _started_inside(self, c: Container) -> DockerAccess | None:
        workload = c.workload
        started = None
        own = [d for d in self.scene.daemons if d.container is c]
        if own:
            started = own[0].span
        else:
            for script in scripts.agent_startup_scripts(workload, c):
                found = scripts.search(script, scripts.STARTS_DOCKER)
                if found is not None:
                    started = found[0]
                    break
        systemd = roles.execs_systemd(c)
        if started is None and systemd is None and not roles.image_matches(c, roles.SYSBOX_IMAGES):
            return None
        where = started or (systemd.where if systemd is not None else c.image.where)
        if roles.uses_runtime(workload, roles.SYSBOX_RUNTIMES):
            return DockerAccess("sysbox", c, evidence=where, reason="it runs under Sysbox and starts dockerd")
        if roles.is_privileged(c):
            return DockerAccess("privileged", c, evidence=where, reason="it is privileged and starts dockerd")
        if started is None:
            return None  # systemd without Sysbox: TDL101's business; whether it starts Docker is unknown
        return DockerAccess("dockerd", c, evidence=where, reason="it starts dockerd")

    def _podman(self, c: Container) -> DockerAccess | None:
        if roles.image_matches(c, PODMAN_IMAGES):
            return DockerAccess("podman", c, evidence=c.image.where, reason="it runs Podman")
        for script in scripts.agent_startup_scripts(c.workload, c):
            text = roles.script_text(script) or ""
            if "podman system service" in text or "podman.socket" in text:
                return DockerAccess("podman", c, evidence=script.where, reason="it starts Podman's socket")
        return None

    def _unreadable(self, c: Container) -> bool:
        """A script or module that may install and start Docker where the tool cannot read it."""
        for node in scripts.shell_scripts(c):  # `sh -c "${var.start}; ${coder_agent.main.init_script}"`
            if isinstance(node.value, Unknown) and not _only_agent_init(node.value):
                return True
        module = c.workload.module
        if module is None:
            return False
        agents = scripts.agent_names(c) or {r.name for r in module.resources_of("coder_agent")}
        for _, script in scripts.startup_scripts(module, agents):
            if not _readable(script):
                return True
        for resource in module.resources_of("coder_script"):  # those of no named agent too (``agent_id`` unknown)
            named = {r.parts[1] for r in references_in(resource.block.attr("agent_id"))
                     if r.parts[0] == "coder_agent" and len(r.parts) >= 2}
            if named and not named & agents:
                continue  # another agent's script runs elsewhere
            node = resource.block.attr("script")
            if node is not None and not _readable(module.evaluate(node)):
                return True
        for call in module.module_calls.values():
            source = call.attr("source")
            text = source.value if source is not None and isinstance(source.value, str) else ""
            if "docker" in text.lower() and "devcontainers-cli" not in text:
                return True
        # an image the tool cannot see, with its own entrypoint
        return c.image is not None and not c.image.known and c.entrypoint is None
