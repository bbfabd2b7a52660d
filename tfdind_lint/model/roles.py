"""What a container is for: the agent's workspace, an envbox outer container, a dind daemon.

Each definition is the one the rules' help states: an envbox container (an envbox image or a command
starting with ``/envbox``), a dind container, Sysbox intent, and the container that runs the Coder agent.
"""

from __future__ import annotations

import posixpath

from ..lazy_re import MULTILINE, GuardedPattern
from ..node import Node, Unknown
from ..workload import Container, Workload, falsy, truthy

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..context import Context

DEFAULT_ENVBOX_IMAGES = ("*/coder/envbox*", "coder/envbox*")
#: Docker runtime / RuntimeClass names that are Sysbox (a policy's ``runtimes`` parameter may add custom ones)
SYSBOX_RUNTIMES = ("sysbox-runc",)
DIND_IMAGES = ("docker:*dind*", "docker:dind")
SYSBOX_IMAGES = ("nestybox/*", "registry.nestybox.com/*")
CODER_LABEL_PREFIXES = ("com.coder.",)

_SYSTEMD = GuardedPattern(r"(?:^|[\s;&|(`'\"])(?:exec\s+)?(/sbin/init|/lib/systemd/systemd|/usr/lib/systemd/systemd|systemd)(?=$|[\s;&|)`'\"])",
                          ("systemd", "/sbin/init"), MULTILINE)
_EXEC_SYSTEMD = GuardedPattern(r"exec\s+(/sbin/init|/lib/systemd/systemd|/usr/lib/systemd/systemd|systemd)\b|^\s*(/sbin/init|/lib/systemd/systemd)\s*$",
                               ("systemd", "/sbin/init"), MULTILINE)
_RUNS_DOCKERD = GuardedPattern(r"(?:^|[\s/])dockerd(?:$|\s)", ("dockerd",))


def image_name(container: Container) -> str | None:
    """The image reference without the Docker Hub registry prefix (``docker.io/library/docker:dind`` -> ``docker:dind``).

    The known text of a template counts, its unknown pieces written as NUL characters:
    ``ghcr.io/coder/envbox:${var.tag}`` still matches ``*/coder/envbox*``, and a
    wholly unknown image matches no pattern.
    """
    image = script_text(container.image)
    if image is None:
        return None
    image = image.strip()
    for prefix in ("docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/"):
        if image.startswith(prefix):
            image = image[len(prefix):]
            break
    return image


def image_matches(container: Container, patterns) -> bool:
    image = image_name(container)
    if image is None:
        return False
    return any(glob_matches(image, p) for p in patterns)


def glob_matches(name: str, pattern: str) -> bool:
    """``fnmatch.fnmatchcase``, without compiling a regular expression for a pattern whose only wildcard is ``*``
    (every image pattern of the policies): a one-file run would otherwise compile a dozen of them."""
    if "?" in pattern or "[" in pattern:
        import fnmatch  # noqa: PLC0415

        return fnmatch.fnmatchcase(name, pattern)
    if "*" not in pattern:
        return name == pattern
    first, *middle, last = pattern.split("*")
    if len(name) < len(first) + len(last) or not name.startswith(first) or not name.endswith(last):
        return False
    start, end = len(first), len(name) - len(last)
    for part in middle:  # each literal piece at its leftmost place, in order, between the ends
        found = name.find(part, start, end)
        if found < 0:
            return False
        start = found + len(part)
    return True


def argv_strings(container: Container) -> list[str | None]:
    """The command line as strings (None for unknown elements)."""
    out: list[str | None] = []
    for node in container.argv():
        out.append(node.value if isinstance(node.value, str) else None)
    return out


def is_envbox(container: Container, images=DEFAULT_ENVBOX_IMAGES) -> bool:
    if image_matches(container, images):
        return True
    argv = argv_strings(container)
    return bool(argv) and isinstance(argv[0], str) and argv[0].startswith("/envbox")


def is_dind(container: Container) -> bool:
    """A Docker daemon container: a ``docker:*dind*`` image, or a command line that runs dockerd."""
    if image_matches(container, DIND_IMAGES):
        return True
    return any(isinstance(node.value, str) and _RUNS_DOCKERD.search(node.value) for node in container.argv())


def runs_agent_script(container: Container) -> bool:
    """The container renders ``coder_agent.X.init_script`` (command line or an env value such as CODER_BOOTSTRAP_SCRIPT)."""
    return bool(container.agent_scripts())


#: env variables only a Coder agent (or envbox starting one) reads
CODER_ENV = ("CODER_AGENT_TOKEN", "CODER_AGENT_URL", "CODER_BOOTSTRAP_SCRIPT")
#: images made to be Coder workspaces (Coder's workspace images, envbuilder)
CODER_WORKSPACE_IMAGES = ("codercom/enterprise-*", "*/codercom/enterprise-*", "ghcr.io/coder/envbuilder*")

def is_coder_workspace(ctx, unit) -> bool:
    """Whether the model shows the unit is (part of) a Coder workspace, so rules may speak of "the workspace".

    Terraform: the directory declares a coder provider resource or data source
    (``coder_agent``, ``data.coder_workspace``...) or requires the coder provider, a
    container runs an agent's init script, sets an agent variable (``CODER_AGENT_TOKEN``)
    or is envbox, or runs a Coder workspace image (``codercom/enterprise-*``, envbuilder); or a directory
    that calls it through a local ``module`` block is one.  YAML: the same for its containers, or a
    workload carries Coder labels.
    A plain privileged CNI DaemonSet or a Docker host module is none of these.
    """
    if unit.coder_workspace is None:
        unit.coder_workspace = _coder_unit(ctx, unit)
    return unit.coder_workspace


def _coder_unit(ctx, unit) -> bool:
    if any(_coder_workload(w) for w in unit.workloads):
        return True
    module = unit.module
    if module is None:
        return False
    seen, stack = set(), [module]
    while stack:  # this directory, then the directories that call it
        current = stack.pop()
        if current.directory in seen:
            continue
        seen.add(current.directory)
        if _coder_module(current):
            return True
        if current is not module and any(_coder_workload(w) for w in (ctx.project or ctx).workloads_of(current)):
            return True
        stack.extend(caller for caller, _ in ctx.callers(current))
    return False


def _coder_module(module) -> bool:
    if any(r.type.startswith("coder_") for r in module.resources):
        return True
    for required in module.required_providers.values():
        source = required.source
        if required.name == "coder" or (source is not None and isinstance(source.value, str)
                                        and source.value.lower().endswith("coder/coder")):
            return True
    return False


def _coder_workload(workload: Workload) -> bool:
    labels = workload.labels.value if workload.labels is not None and isinstance(workload.labels.value, dict) else {}
    if any(k.startswith(CODER_LABEL_PREFIXES) for k in labels):
        return True
    return any(runs_agent_script(c) or is_envbox(c) or image_matches(c, CODER_WORKSPACE_IMAGES)
               or any(c.env_named(name) for name in CODER_ENV) for c in workload.all_containers())


def agent_containers(workloads: list[Workload], workspace: bool = True) -> list[Container]:
    """The containers that run the Coder agent.

    Terraform: those that render an agent's init script; when none does and the
    template (``workspace``: see ``is_coder_workspace``) has exactly one container,
    that one.  YAML: containers given a ``CODER_AGENT_TOKEN`` (a manifest cannot
    reference a coder_agent).
    """
    containers = [c for w in workloads for c in w.containers]
    found = [c for c in containers if runs_agent_script(c)]
    found += [c for c in containers if c.workload.origin == "kubernetes" and c.env_named("CODER_AGENT_TOKEN") and c not in found]
    if not found and workspace:
        # a template's only container is its workspace, unless it is a docker:dind daemon on its own
        terraform = [c for c in containers if c.workload.origin == "terraform"]
        if len(terraform) == 1 and not image_matches(terraform[0], DIND_IMAGES):
            found = terraform
    return found


def is_workspace_workload(workload: Workload, agents: list[Container], workspace: bool = True) -> bool:
    """Terraform workloads of a Coder template (``workspace``) are the workspace's; a manifest is when it runs the
    agent or carries Coder labels."""
    if workload.origin == "terraform":
        return workspace
    if any(c.workload is workload for c in agents):
        return True
    labels = workload.labels.value if workload.labels is not None and isinstance(workload.labels.value, dict) else {}
    return any(k.startswith(CODER_LABEL_PREFIXES) for k in labels)


def runtime_value(workload: Workload):
    """The workload's runtime (Docker) / RuntimeClass (Kubernetes): a str, None when absent, Unknown when unknowable."""
    node = workload.runtime
    if node is None:
        return None
    return node.value


def uses_runtime(workload: Workload, names) -> bool:
    value = runtime_value(workload)
    return isinstance(value, str) and value in names


def sysbox_workloads(ctx: Context, runtimes) -> Iterator[Workload]:
    """Workloads that run under a Sysbox runtime / RuntimeClass (``runtimes``: the names that count as Sysbox)."""
    for workload in ctx.workloads:
        if uses_runtime(workload, runtimes):
            yield workload


def pod_workloads(ctx: Context) -> Iterator[Workload]:
    """Workloads that are Kubernetes pods: not the Docker provider's containers (no extended resources, no
    annotations)."""
    for workload in ctx.workloads:
        if workload.kind != "docker_container":
            yield workload


def envbox_containers(ctx: Context, images) -> Iterator[tuple[Workload, Container]]:
    """Each envbox outer container (``images``: the images that count as envbox), with its workload."""
    for workload in ctx.workloads:
        for container in workload.containers:
            if is_envbox(container, images):
                yield workload, container


def userns_workloads(ctx: Context, runtimes) -> Iterator[Workload]:
    """Pods that ask for their own user namespace (``hostUsers: false``) and do not run on Sysbox (``runtimes``)."""
    for workload in ctx.workloads:
        if falsy(workload.host_users) and not uses_runtime(workload, runtimes):
            yield workload


def reads_runtime_class(workload: Workload) -> bool:
    """A workload TDL505 reads: a pod naming its runtime class, or a DaemonSet with a nodeSelector (an installer)."""
    return workload.kind != "docker_container" and (
        isinstance(runtime_value(workload), str)
        or ("daemon" in workload.kind.lower() and workload.node_selector is not None))


def runtime_class_parties(ctx: Context) -> Iterator[object]:
    """What could give TDL505's check something (its precondition): the workloads it reads, and whatever may define
    a RuntimeClass (a YAML document of that kind or of none, a ``kubernetes_runtime_class_v1``, any
    ``kubernetes_manifest``); the node labels it collects matter only to a workload it reads."""
    for unit in ctx.units:
        yield from (w for w in unit.workloads if reads_runtime_class(w))
        for document in unit.yaml.documents if unit.yaml is not None else ():
            kind = document.get("kind")
            if kind is None or kind.value == "RuntimeClass":  # no kind: the collector fails there, let it
                yield document
        if unit.module is not None:
            yield from unit.module.resources_of("kubernetes_runtime_class_v1")
            yield from unit.module.resources_of("kubernetes_manifest")


def script_text(node: Node | None) -> str | None:
    """The known text of a script-like value (a string, or a template's known parts joined by a placeholder)."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, str):
        return value
    if isinstance(value, Unknown) and value.parts:
        return "".join(p if isinstance(p, str) else "\x00" for p in value.parts)
    return None


def execs_systemd(container: Container) -> Node | None:
    """The command-line element that starts systemd as the container's init, if any."""
    argv = container.argv()
    for i, node in enumerate(argv):
        text = script_text(node)
        if text is None:
            continue
        if i == 0 and text.strip() in ("/sbin/init", "/lib/systemd/systemd", "/usr/lib/systemd/systemd", "systemd"):
            return node
        if i > 0 and _SYSTEMD.search(_strip_comments(text)) and _EXEC_SYSTEMD.search(text):
            return node
    return None


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("#"))


def is_privileged(container: Container) -> bool:
    return truthy(container.privileged)


def attribute_path(container: Container, *keys: str) -> str:
    """Where a container setting is written, for baselines: ``entrypoint`` (Docker), ``container[dind].command``."""
    if container.workload.kind == "docker_container":
        return ".".join(keys)
    where = "init_container" if container.init else "container"
    return f"{where}[{container.display_name}]" + "".join(f".{key}" for key in keys)


def command_attribute(container: Container, node: Node | None = None) -> str:
    """Where a command-line element is written (by default, where the command line starts).

    ``entrypoint`` / ``command`` for Docker, ``container[x].command`` / ``.args`` for Kubernetes.
    """
    node = node if node is not None else (container.entrypoint or container.args)
    for holder in (container.entrypoint, container.args):
        if holder is not None and holder.name and (node is holder or any(node is item for item in holder.items())):
            return attribute_path(container, holder.name)
    return ""


def container_attribute(container: Container, name: str) -> str:
    """The attribute path of a security setting, for baselines: ``container[dind].security_context.privileged``."""
    workload = container.workload
    if workload.kind == "docker_container":
        return name
    return attribute_path(container, workload.spell("security_context"), workload.spell(name))


def normal_path(node: Node | None) -> str | None:
    """A known path without redundant slashes or dots (``/var/lib/docker/`` is ``/var/lib/docker``)."""
    if node is None or not isinstance(node.value, str) or not node.value.startswith("/"):
        return None
    return posixpath.normpath(node.value)
