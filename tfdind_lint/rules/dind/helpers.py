"""What the 4xx rules share: privileged workspace containers, dind sidecars, the clients of a scene.

The daemon / client model (the scene) lives in ``model/daemon.py``; each unit holds
its own (``Unit.scene``).
"""

from __future__ import annotations

from ...context import Context, Unit
from ...lazy_re import LazyPattern
from ...model import roles
from ...model.daemon import Client, Scene, unknown
from ...workload import Container

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: the images whose daemon runs rootless (another data root, no root user)
DIND_ROOTLESS_IMAGES = ("docker:*dind-rootless*",)

def privileged_containers(ctx: Context, exempt_envbox: bool, envbox_images, runtimes):
    """(container, runs the agent) for every privileged container of a workspace, envbox exempted if asked.

    Pods on the Sysbox runtime are left out: privilege there is TDL103's finding (one finding per mistake).
    """
    for unit in ctx.units:
        workspace = roles.is_coder_workspace(ctx, unit)
        agents = roles.agent_containers(unit.workloads, workspace)
        for workload in unit.workloads:
            if not roles.is_workspace_workload(workload, agents, workspace) or roles.uses_runtime(workload, runtimes):
                continue
            for container in workload.all_containers():
                if not roles.is_privileged(container):
                    continue
                if exempt_envbox and roles.is_envbox(container, envbox_images):
                    continue
                yield container, container in agents


def scenes(ctx: Context) -> Iterator[tuple[Unit, Scene]]:
    return ((unit, unit.scene) for unit in ctx.units)


def workspace_clients(scene: Scene) -> Iterator[Client]:
    """The DOCKER_HOST of every container that is not a dind container (a workspace may run its own dockerd)."""
    for client in scene.clients:
        if client.container is None or not roles.is_dind(client.container):
            yield client


def under(path: str, mount: str | None) -> bool:
    if mount is None or unknown(mount):
        return True
    mount = mount.rstrip("/")
    return path == mount or path.startswith(mount + "/")


def dind_sidecars(unit: Unit) -> Iterator[Container]:
    """The dind containers of a unit that do not run the Coder agent (a workspace may start dockerd itself)."""
    for workload in unit.workloads:
        for container in workload.all_containers():
            agent = roles.runs_agent_script(container) or container.env_named("CODER_AGENT_TOKEN") is not None
            if roles.is_dind(container) and not agent:
                yield container


def known_uid(node) -> int | None:
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


_OCTAL = LazyPattern(r"^[0-7]{1,4}$")
_CLAUSE = LazyPattern(r"^([ugoa]*)((?:[-+=][rwxXst]*)+)$")


_PERMISSION_OPS = LazyPattern(r"([-+=])([rwxXst]*)")


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
        for op, perms in _PERMISSION_OPS.findall(m.group(2)):
            if op in "+=" and "w" in perms:
                return True
    return False
