"""How a Docker daemon is started and how a workspace reaches it: the dind scene.

A *daemon* is a dockerd a container starts: named on its command line
(``dockerd -H ...``, directly or inside a ``sh -c`` script), started by the
docker:dind image's own entrypoint when the template keeps it
(``dockerd-entrypoint.sh`` adds its default hosts), or started by the startup
script of the agent the container runs.  A *client* is a ``DOCKER_HOST`` given
to a container: in its env, in the ``coder_agent.env`` of the agent it runs, or
exported by that agent's startup script.  A ``Scene`` holds both for one unit
and answers which daemons an address reaches: through the network namespace
(loopback: the same container, the same pod, ``network_mode =
"container:<dind>"``, both on ``host``) or by name (a Docker container's
``name``, ``hostname`` or network alias, written literally or as
``docker_container.<x>.name``).

Addresses keep what the tool cannot know as text: a Terraform interpolation
reads ``${<expression>}`` (so ``${docker_container.dind.name}`` can be matched
with the container it names), a shell expansion keeps its ``$``, and an unknown
piece of a script is ``\\x00``.  A host, port or path holding any of them is unknown.
"""

from __future__ import annotations

from ..expression import Conditional, references_in
from ..lazy_re import GuardedPattern, LazyPattern
from ..node import Node, Span, Unknown
from ..record import Record, Value
from ..workload import Container, Workload, docker_env
from . import roles, scripts
from .scripts import Arg

#: The port an address without one gets, on both sides (moby / docker-cli ``opts.DefaultHTTPPort``).
DEFAULT_PORT = 2375
#: The socket dockerd listens on when no ``-H`` is given (``opts.DefaultUnixSocket``).
DEFAULT_SOCKET = "unix:///var/run/docker.sock"
#: ``ENV DOCKER_TLS_CERTDIR=/certs`` of the docker:<v>-cli image, inherited by docker:dind (docker-library/docker's Dockerfiles).
DEFAULT_CERTDIR = "/certs"
DOCKER_IMAGES = ("docker:*", "docker")

# A leading interpolation that names something cannot hold a `scheme://` (``${docker_container.dind.name}:2375``).
_NETWORK_REFERENCE = GuardedPattern(r"\$\{(docker_network\.[\w-]+)(?:\[[^\]]*\])?\.(?:name|id)\}", ("${docker_network.",))
#: What may follow ``${docker_container.<label>`` in a reference to the container's name (``names``).
_CONTAINER_NAME_REST = LazyPattern(r"(?:\[[^\]]*\])?\.(?:name|hostname|id)\}")
_NAME_LIKE = GuardedPattern(r"\$\{[^{}]*\.(?:name|hostname|id|ip_address|ip|fqdn)\}", ("${",))
_TRUE = ("1", "t", "T", "true", "TRUE", "True")
_FALSE = ("0", "f", "F", "false", "FALSE", "False")


def unknown(text: str | None) -> bool:
    return text is None or scripts.HOLE in text or "$" in text


def symbolic(node: Node | None) -> str | None:
    """A value as text, an unknown piece written ``${<expression>}``; None when absent or not a scalar."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Unknown):
        if value.parts:
            return "".join(p if isinstance(p, str) else "${" + p.text + "}" for p in value.parts)
        return "${" + value.text + "}"
    return None


# ----------------------------------------------------------------------------------------------
# Addresses
# ----------------------------------------------------------------------------------------------


class Address(Value):
    """A Docker host address, for dockerd's ``-H`` and the client's ``DOCKER_HOST`` alike."""

    __slots__ = _fields = ("scheme", "host", "port", "path", "has_scheme")

    scheme: str  # tcp, unix, ssh, fd, npipe ...
    host: str | None  # tcp / ssh host; "" when written without one
    port: str | None  # as written; None when omitted
    path: str | None  # unix socket path
    has_scheme: bool  # False for `host:port`, which the docker CLI reads as tcp

    def __init__(self, scheme: str, host: str | None = None, port: str | None = None, path: str | None = None,
                 has_scheme: bool = True):
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.has_scheme = has_scheme

    @property
    def port_number(self) -> int | None:
        """The port, the default when omitted; None when unknown."""
        if not self.port:
            return DEFAULT_PORT
        return int(self.port) if self.port.isdigit() else None

    @property
    def loopback(self) -> bool | None:
        """True for localhost / 127.x / ::1 (and an empty host, which dockerd and the CLI read as localhost)."""
        if unknown(self.host):
            return None
        host = self.host.strip("[]").lower()
        return host in ("", "localhost", "::1") or host.startswith("127.")

    def __str__(self) -> str:
        if self.host is None:
            return f"{self.scheme}://{self.path or ''}"
        host = f"[{self.host}]" if self.host and ":" in self.host and "$" not in self.host else self.host
        return f"{self.scheme}://{host}" + (f":{self.port}" if self.port else "")


def parse_address(text: str | None) -> Address | None:
    """``tcp://h:p``, ``h:p`` (tcp), ``unix:///path``, ``ssh://user@h``...; None when it cannot be read.

    Scheme-less text starting with an unknown piece is None unless that piece
    names something (the piece could hold the scheme).
    """
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    scheme, sep, rest = text.partition("://")
    if sep:
        if unknown(scheme):
            return None
        scheme = scheme.lower()
    else:
        if unknown(text[:1]) and not _NAME_LIKE.match(text):
            return None
        scheme, rest = "tcp", text
    if scheme == "unix":
        return Address("unix", path=rest, has_scheme=bool(sep))
    if scheme in ("tcp", "ssh", "http", "https"):
        authority = rest.split("/", 1)[0] if not rest.startswith("${") else rest
        if scheme == "ssh":
            authority = authority.rsplit("@", 1)[-1]
        host, port = _split_host_port(authority)
        return Address(scheme, host, port, has_scheme=bool(sep))
    return Address(scheme, path=rest, has_scheme=bool(sep))


def _split_host_port(authority: str) -> tuple[str, str | None]:
    if authority.startswith("["):
        end = authority.find("]")
        if end > 0:
            rest = authority[end + 1:]
            return authority[1:end], (rest[1:] if rest.startswith(":") else None)
    if authority.count(":") > 1 and "$" not in authority:
        return authority, None  # IPv6 without brackets or port
    host, sep, port = authority.rpartition(":")
    return (host, port) if sep else (authority, None)


# ----------------------------------------------------------------------------------------------
# Daemons
# ----------------------------------------------------------------------------------------------


class Listener(Value):
    __slots__ = _fields = ("address", "span", "implicit")

    address: Address
    span: Span  # the -H value; for a default, what brings it in (the image, DOCKER_TLS_CERTDIR, dockerd)
    implicit: bool  # not written: the image entrypoint's or dockerd's default

    def __init__(self, address: Address, span: Span, implicit: bool = False):
        self.address = address
        self.span = span
        self.implicit = implicit

    def describe(self) -> str:
        return f"`{self.address}`" + (" (by default)" if self.implicit else "")


class Daemon(Record):
    _fields = ("container", "span", "listeners", "tls", "complete", "data_root", "plain_by", "subject", "owner",
               "attribute")

    container: Container | None  # None: started by the script of an agent no container runs
    span: Span  # where dockerd is started
    listeners: list[Listener]
    #: ``--tlsverify`` (or DOCKER_TLS_VERIFY in its environment): clients must present certificates on TCP
    tls: bool | None
    #: False when an argument the tool cannot read could add a listener
    complete: bool
    data_root: Arg | None
    #: what turns TLS off (``DOCKER_TLS_CERTDIR=""`` for the image's entrypoint, ``--tlsverify=false``) and where
    plain_by: tuple[Span, str] | None
    #: the resource / manifest object whose text starts it (a container, or the coder_agent of a script),
    #: and the attribute there
    subject: str
    owner: Span | None
    attribute: str

    def __init__(self, container: Container | None, span: Span, listeners: list[Listener], tls: bool | None,
                 complete: bool, data_root: Arg | None = None, plain_by: tuple[Span, str] | None = None,
                 subject: str = "", owner: Span | None = None, attribute: str = ""):
        self.container = container
        self.span = span
        self.listeners = listeners
        self.tls = tls
        self.complete = complete
        self.data_root = data_root
        self.plain_by = plain_by
        self.subject = subject
        self.owner = owner
        self.attribute = attribute

    @property
    def tcp(self) -> list[Listener]:
        return [l for l in self.listeners if l.address.scheme == "tcp"]


def _flag(text: str) -> bool | None:
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _dockerd(container: Container | None, args: list[Arg], env: Environment, span: Span,
             implicit: int = 0, plain_by: tuple[Span, str] | None = None) -> Daemon:
    """A dockerd started with ``args`` (the first ``implicit`` of them added by the image's entrypoint)."""
    tls = env.flag("DOCKER_TLS_VERIFY")  # dockerd's --tlsverify defaults to it (moby cmd/dockerd options)
    transport = False
    config_file = False
    complete = True
    data_root = None
    hosts: list[tuple[Arg, bool]] = []
    i = 0
    while i < len(args):
        text, flag_index, value = args[i].text, i, None
        if text in ("-H", "--host"):
            value = args[i + 1] if i + 1 < len(args) else None
            i += 1
        elif text.startswith("--host="):
            value = Arg(text[len("--host="):], args[i].span)
        elif text.startswith("-H") and not text.startswith("--"):
            value = Arg(text[2:].removeprefix("="), args[i].span)
        elif text == "--tlsverify" or text.startswith("--tlsverify="):
            tls = True if text == "--tlsverify" else _flag(text.split("=", 1)[1])
            if tls is False:
                plain_by = (args[i].span, text)
        elif text == "--tls" or text.startswith("--tls="):
            transport = text == "--tls" or _flag(text.split("=", 1)[1]) is True
        elif text == "--config-file" or text.startswith("--config-file="):
            config_file = True
            i += text == "--config-file"
        elif text in ("--data-root", "-g", "--graph"):
            data_root = args[i + 1] if i + 1 < len(args) else None
            i += 1
        elif text.startswith(("--data-root=", "--graph=")):
            data_root = Arg(text.split("=", 1)[1], args[i].span)
        elif unknown(text):
            complete = False  # could be a -H of its own
        if value is not None:
            hosts.append((value, flag_index < implicit))
        i += 1
    listeners = []
    for value, is_implicit in hosts:
        address = parse_address(value.text)
        if address is None:
            complete = False
        else:
            listeners.append(Listener(address, value.span, is_implicit))
    if not hosts and config_file:
        complete = False  # the hosts may be in that file (dockerd refuses them in both places)
    elif not hosts:  # dockerd's default host (opts.ParseHost): TLS makes it tcp://localhost:2376
        default = "tcp://localhost:2376" if tls or transport else DEFAULT_SOCKET
        listeners.append(Listener(parse_address(default), span, True))
    return Daemon(container, span, listeners, tls, complete, data_root, plain_by)


def _entrypoint(container: Container | None, args: list[Arg], env: Environment, span: Span) -> Daemon | None:
    """What docker:dind's ``dockerd-entrypoint.sh`` starts given ``args`` (docker-library/docker, 29/dind); None when not dockerd.

    With no arguments, or a first one that is an option, it runs dockerd with a
    unix socket and ``tcp://0.0.0.0:2376 --tlsverify`` when ``DOCKER_TLS_CERTDIR``
    is non-empty (``/certs`` by default), ``tcp://0.0.0.0:2375`` when it is empty.
    A first argument ``dockerd`` runs dockerd as given; anything else is not a daemon.
    """
    if args and not args[0].text.startswith("-"):
        if args[0].text.rsplit("/", 1)[-1] == "dockerd":
            return _dockerd(container, args[1:], env, args[0].span)
        return None
    socket = env.value("DOCKER_HOST")
    if socket is None or not socket.startswith("unix://"):
        socket = DEFAULT_SOCKET
    certdir = env.get("DOCKER_TLS_CERTDIR")
    if certdir is not None:
        where, value = certdir.span, None if unknown(certdir.text) else certdir.text
    else:
        where = span
        known_image = container is not None and roles.image_matches(container, DOCKER_IMAGES)
        value = DEFAULT_CERTDIR if known_image and not env.open else None
    defaults = [Arg(f"--host={socket}", span)]
    plain_by = None
    if value is None:
        defaults.append(Arg(f"--host=tcp://0.0.0.0:{scripts.HOLE}", where))  # 2375 or 2376: unknown
    elif value:
        defaults += [Arg("--host=tcp://0.0.0.0:2376", where), Arg("--tlsverify", where)]
    else:
        defaults.append(Arg("--host=tcp://0.0.0.0:2375", where))
        plain_by = (where, 'DOCKER_TLS_CERTDIR=""')
    daemon = _dockerd(container, defaults + list(args), env, span, implicit=len(defaults), plain_by=plain_by)
    if value is None:
        daemon.tls = None
    return daemon


def _daemons_in(container: Container | None, args: list[Arg], env: Environment,
                place: tuple[str, Span | None, str]) -> list[Daemon]:
    """The daemon one command starts, if it runs dockerd or the dind entrypoint."""
    found = scripts.program(args)
    if found is None:
        return []
    start, name = found
    daemon = None
    if name == "dockerd":
        daemon = _dockerd(container, args[start + 1:], env, args[start].span)
    elif name == "dockerd-entrypoint.sh":
        daemon = _entrypoint(container, args[start + 1:], env, args[start].span)
    if daemon is None:
        return []
    daemon.subject, daemon.owner, daemon.attribute = place
    return [daemon]


def container_daemons(container: Container) -> list[Daemon]:
    """The daemons a container starts: its command line, the kept dind entrypoint, its agents' startup scripts."""
    workload = container.workload
    env = environment(container, agents=False)
    found: list[Daemon] = []
    argv: list[Arg] = []
    place = (workload.address, workload.owner, roles.command_attribute(container))
    for i, args in enumerate(scripts.container_commands(container)):
        argv = args if i == 0 else argv
        found.extend(_daemons_in(container, args, env, place))
    if container.entrypoint is None and roles.image_matches(container, roles.DIND_IMAGES):
        if not argv or argv[0].text.startswith("-"):
            daemon = _entrypoint(container, argv, env, container.image.where)
            if daemon is not None:
                daemon.subject, daemon.owner = workload.address, workload.owner
                daemon.attribute = roles.attribute_path(container, container.image.name)
                found.append(daemon)
        elif argv[0].text == scripts.HOLE:  # unknown arguments: the entrypoint may start dockerd on any address
            found.append(Daemon(container, container.image.where, [], None, False, subject=workload.address,
                                owner=workload.owner, attribute=roles.command_attribute(container)))
    if workload.module is not None:
        for resource, node in scripts.startup_scripts(workload.module, scripts.agent_names(container)):
            for args in scripts.commands(node, workload.module):
                found.extend(_daemons_in(container, args, env, scripts.place(resource)))
    return found


def bypasses_entrypoint(container: Container) -> bool:
    """True when the container's own entrypoint runs dockerd without the image's ``dockerd-entrypoint.sh``."""
    if container.entrypoint is None:
        return False
    started = []
    for args in scripts.container_commands(container):
        found = scripts.program(args)
        if found is not None:
            started.append(found[1])
    return "dockerd" in started and "dockerd-entrypoint.sh" not in started


# ----------------------------------------------------------------------------------------------
# Environment and clients
# ----------------------------------------------------------------------------------------------


class Setting(Value):
    """One environment variable given to a container: its value as text (None when unknowable) and where."""

    __slots__ = _fields = ("name", "text", "span", "subject", "owner")

    name: str
    text: str | None
    span: Span
    #: the resource / manifest object it is written in (a container, a coder_agent)
    subject: str
    owner: Span | None

    def __init__(self, name: str, text: str | None, span: Span, subject: str = "", owner: Span | None = None):
        self.name = name
        self.text = text
        self.span = span
        self.subject = subject
        self.owner = owner


class Environment(Record):
    _fields = ("settings", "open")

    settings: list[Setting]
    open: bool  # more variables may exist than the tool sees (env_from, dynamic env, a merge()...)

    def __init__(self, settings: list[Setting], open: bool = False):
        self.settings = settings
        self.open = open

    def get(self, name: str) -> Setting | None:
        found = [s for s in self.settings if s.name == name]
        return found[-1] if found else None

    def value(self, name: str) -> str | None:
        setting = self.get(name)
        return setting.text if setting is not None else None

    def flag(self, name: str) -> bool | None:
        """A variable that counts when non-empty (DOCKER_TLS_VERIFY): None when unknowable."""
        setting = self.get(name)
        if setting is None:
            return None if self.open else False
        if unknown(setting.text):
            return None
        return bool(setting.text)


def environment(container: Container, agents: bool = True) -> Environment:
    """A container's environment: its env, and (``agents``) the env and startup-script exports of its agents."""
    workload = container.workload
    env = Environment([], container.env_open)
    for entry in container.env:
        if entry.name is None:
            if not _conditional_entry(entry, workload, env):
                env.open = True
            continue
        if entry.value is not None:
            branches = _branches(entry.value, workload.module)
            _add_branches(env, entry.name, [(symbolic(b), b.where) for b in branches], workload)
            continue
        # valueFrom; a bare Kubernetes name is empty, a bare Docker NAME comes from elsewhere
        text = "" if entry.value_from is None and workload.kind != "docker_container" else None
        env.settings.append(Setting(entry.name, text, entry.span, workload.address, workload.owner))
    for args in scripts.container_commands(container):
        _exports(args, env, workload.address, workload.owner)
    if agents and container.workload.module is not None:
        module = container.workload.module
        for agent in module.resources_of("coder_agent"):
            if agent.name in scripts.agent_names(container):
                agent_environment(module, agent, env)
    return env


def _branches(node: Node, module, depth: int = 0) -> list[Node]:
    """The values a conditional on an unknown value may take (``var.dind ? "tcp://dind:2375" : ""``), else [node]."""
    value = node.value
    if module is None or depth > 8 or not isinstance(value, Unknown) or not isinstance(value.expr, Conditional):
        return [node]
    return [found for branch in (value.expr.then, value.expr.otherwise)
            for found in _branches(module.evaluate(branch), module, depth + 1)]


def _add_branches(env: Environment, name: str, values: list[tuple[str | None, Span]], workload: Workload) -> None:
    """A variable with the values of its branches: one setting per branch for DOCKER_HOST (each is a client the
    rules follow), else one setting whose value is known only when every branch agrees."""
    if name == "DOCKER_HOST" or len({text for text, _ in values}) == 1:
        for text, span in values if name == "DOCKER_HOST" else values[:1]:
            env.settings.append(Setting(name, text, span, workload.address, workload.owner))
    else:
        env.settings.append(Setting(name, None, values[0][1], workload.address, workload.owner))


def _conditional_entry(entry, workload: Workload, env: Environment) -> bool:
    """A Docker ``env`` element that is a conditional (``c ? "DOCKER_HOST=tcp://..." : "DOCKER_HOST="``): the settings
    of its branches; False when they cannot be read."""
    if workload.kind != "docker_container" or entry.value is None:
        return False
    branches = [docker_env(b) for b in _branches(entry.value, workload.module)]
    if len(branches) < 2 or any(b.name is None for b in branches):
        return False
    by_name: dict[str, list[tuple[str | None, Span]]] = {}
    for branch in branches:
        text = symbolic(branch.value) if branch.value is not None else None
        by_name.setdefault(branch.name, []).append((text, branch.span))
    for name, values in by_name.items():
        padded = values + [(None, values[0][1])] if len(values) < len(branches) else values  # set on some branches only
        _add_branches(env, name, padded, workload)
    return True


def agent_environment(module, agent, env: Environment) -> None:
    """Add a coder_agent's ``env`` map and the exports of its startup scripts."""
    node = module.evaluate(agent.block.attr("env"))
    if node is not None:
        if isinstance(node.value, dict):
            for name, value in node.value.items():
                env.settings.append(Setting(name, symbolic(value), value.where, agent.address, agent.block.head))
        else:
            env.open = True
    for resource, script in scripts.startup_scripts(module, {agent.name}):
        subject, owner, _ = scripts.place(resource)
        for args in scripts.commands(script, module):
            _exports(args, env, subject, owner)


def _exports(args: list[Arg], env: Environment, subject: str, owner: Span | None) -> None:
    """Add what ``export NAME=value ...`` sets."""
    if args[0].text != "export":
        return
    for arg in args[1:]:
        name, sep, value = arg.text.partition("=")
        if sep and name.isidentifier():
            env.settings.append(Setting(name, value, arg.span, subject, owner))


class Client(Record):
    """A ``DOCKER_HOST`` a workspace is given."""

    _fields = ("container", "setting", "env")

    container: Container | None  # None: the agent runs in no container of the template
    setting: Setting
    env: Environment

    def __init__(self, container: Container | None, setting: Setting, env: Environment):
        self.container = container
        self.setting = setting
        self.env = env

    @property
    def address(self) -> Address | None:
        return parse_address(self.setting.text)

    @property
    def tls(self) -> bool | None:
        """Whether the client speaks TLS: DOCKER_TLS_VERIFY non-empty (docker CLI)."""
        return self.env.flag("DOCKER_TLS_VERIFY")


class Route(Record):
    """Where an address leads: the daemons it reaches, by network namespace (``local``) or by name."""

    _fields = ("daemons", "local", "named")

    daemons: list[Daemon]
    local: bool
    named: Container | None

    def __init__(self, daemons: list[Daemon], local: bool = False, named: Container | None = None):
        self.daemons = daemons
        self.local = local
        self.named = named


# ----------------------------------------------------------------------------------------------
# The scene of one unit
# ----------------------------------------------------------------------------------------------


class Scene(Record):
    _fields = ("workloads", "daemons", "clients")

    workloads: list[Workload]
    daemons: list[Daemon]
    clients: list[Client]

    def __init__(self, workloads: list[Workload], daemons: list[Daemon], clients: list[Client]):
        self.workloads = workloads
        self.daemons = daemons
        self.clients = clients

    @classmethod
    def of(cls, workloads: list[Workload], module=None) -> Scene:
        containers = [c for w in workloads for c in w.all_containers()]
        daemons = [d for c in containers for d in container_daemons(c)]
        clients = []
        run = set()
        for container in containers:
            run |= scripts.agent_names(container)
            env = environment(container)
            clients += [Client(container, s, env) for s in env.settings if s.name == "DOCKER_HOST"]
        if module is not None:  # agents no container of the template runs (a VM, an external host)
            for agent in module.resources_of("coder_agent"):
                if agent.name in run:
                    continue
                env = Environment([])
                agent_environment(module, agent, env)
                clients += [Client(None, s, env) for s in env.settings if s.name == "DOCKER_HOST"]
                for resource, script in scripts.startup_scripts(module, {agent.name}):
                    for args in scripts.commands(script, module):
                        daemons += _daemons_in(None, args, env, scripts.place(resource))
        return cls(workloads, daemons, clients)

    def daemons_of(self, containers) -> list[Daemon]:
        return [d for d in self.daemons if d.container is not None and any(d.container is c for c in containers)]

    def docker_containers(self) -> list[Container]:
        return [w.containers[0] for w in self.workloads if w.kind == "docker_container" and w.containers]

    def netns_peers(self, container: Container) -> list[Container]:
        """The containers sharing a network namespace with this one (itself included)."""
        workload = container.workload
        if workload.kind != "docker_container":
            return workload.all_containers()
        peers = [container]
        mode = symbolic(workload.network_mode)
        for other in self.docker_containers():
            if other is container:
                continue
            other_mode = symbolic(other.workload.network_mode)
            if mode == "host" and other_mode == "host" or mode and mode.startswith("container:") and names(other, mode[len("container:"):]) or other_mode and other_mode.startswith("container:") and names(container, other_mode[len("container:"):]):
                peers.append(other)
        return peers

    def route(self, client: Client) -> Route | None:
        """The daemons a tcp ``DOCKER_HOST`` reaches; None when the address cannot be read."""
        address = client.address
        if address is None or address.scheme != "tcp":
            return None
        loopback = address.loopback
        if loopback:
            peers = self.netns_peers(client.container) if client.container is not None else []
            return Route(self.daemons_of(peers), local=True)
        for other in self.docker_containers():
            if other is not client.container and names(other, address.host):
                return Route(self.daemons_of([other]), named=other)
        if loopback is None:
            return None
        return Route([])


def names(container: Container, host: str | None) -> bool:
    """Whether ``host`` names a Docker container: its name, hostname or a network alias (or ``.id``), as text or reference."""
    workload = container.workload
    if host is None or workload.kind != "docker_container":
        return False
    for node in [container.name, workload.hostname, *workload.aliases]:
        if node is not None and symbolic(node) == host:
            return True
    prefix = "${docker_container." + workload.address.split(".", 1)[1]
    return host.startswith(prefix) and _CONTAINER_NAME_REST.fullmatch(host, len(prefix)) is not None


def networks(workload: Workload, module) -> set[str] | None:
    """The user-defined networks a Docker container joins, as ``docker_network.<x>`` or ``name:<n>``; None when unknown."""
    if workload.networks_open and workload.possible_networks is None:
        return None
    declared = {}
    if module is not None:
        for resource in module.resources_of("docker_network"):
            text = symbolic(module.evaluate(resource.block.attr("name")))
            if text is not None:
                declared[text] = resource.address
    found = set()
    # with a dynamic block on a condition: the networks of every branch (none shared on any branch is a defect
    # on the branch where the dind sidecar exists)
    nodes = list(workload.possible_networks if workload.networks_open else workload.networks)
    mode = symbolic(workload.network_mode)
    if workload.network_mode is not None:
        if mode is None:
            return None
        if mode not in ("bridge", "default", "host", "none") and not mode.startswith("container:"):
            nodes.append(workload.network_mode)
    for node in nodes:
        text = symbolic(node)
        m = _NETWORK_REFERENCE.fullmatch(text or "")
        if m:
            found.add(m.group(1))
        elif text in declared:
            found.add(declared[text])
        elif text is not None and not unknown(text):
            found.add(f"name:{text}")
        else:
            return None
    return found


def mentions_start_count(node: Node | None, module, seen: frozenset = frozenset()) -> bool:
    """Whether an expression depends on ``data.coder_workspace.<x>.start_count`` (through locals too)."""
    for ref in references_in(node):
        if ref.parts[:2] == ("data", "coder_workspace") and ref.attribute[:1] == ("start_count",):
            return True
        if ref.kind == "local" and module is not None and ref.parts[1] not in seen:
            if mentions_start_count(module.locals.get(ref.parts[1]), module, seen | {ref.parts[1]}):
                return True
    return False
