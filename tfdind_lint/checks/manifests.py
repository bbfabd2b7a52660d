"""5xx: Kubernetes manifests and systemd-in-Sysbox (RULES.md group 5xx)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .. import shell
from .. import rule_fixes as fixes
from ..context import Context, Unit
from ..finding import Hit, Related, Severity
from ..manifest_shape import terraform_manifest
from ..node import Node, Span, Unknown
from ..workload import TERRAFORM_POD_TYPES, YAML_POD_KINDS, Workload, falsy, truthy
from . import roles, scripts

TOKEN = "CODER_AGENT_TOKEN"
_SYSTEMD = re.compile(r"(?:\bexec\s+)?(?:/sbin/init|/(?:usr/)?lib/systemd/systemd)\b")


# ----------------------------------------------------------------------------------------------
# TDL501 systemd as PID 1 needs root
# ----------------------------------------------------------------------------------------------


def systemd_requires_root(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL501: a Sysbox container that starts systemd as PID 1 while running as a non-root user."""
    for workload in ctx.workloads:
        if not roles.uses_runtime(workload, runtimes):
            continue
        for container in workload.containers:
            init = roles.execs_systemd(container)
            if init is None:
                continue
            related = (Related(_systemd_span(init), "systemd starts here as PID 1"),)
            user = workload.effective_run_as_user(container)
            if user is not None and user.known and user.value not in (0, "0", "root", "", None):  # "": the image's user
                written = workload.spell("run_as_user", user.value)
                root = workload.spell("run_as_user", 0)
                yield Hit(user.where,
                          f"`{container.display_name}` starts systemd as PID 1, but `{written}` runs it as a non-root "
                          "user, and systemd needs root",
                          hint=f"set `{root}`: under Sysbox, root in the container is an unprivileged user on the host",
                          subject=workload.address, attribute=_security_attribute(container, user, "run_as_user"),
                          related=related, owner=workload.owner, fix=fixes.tdl501(ctx, container, user))
                continue
            non_root = workload.effective_run_as_non_root(container)
            if truthy(non_root):
                yield Hit(non_root.where,
                          f"`{container.display_name}` starts systemd, which needs root, but "
                          f"`{workload.spell('run_as_non_root', True)}` forbids it",
                          hint=f"remove it and set `{workload.spell('run_as_user', 0)}`: under Sysbox, root in the "
                               "container is an unprivileged user on the host",
                          subject=workload.address,
                          attribute=_security_attribute(container, non_root, "run_as_non_root"),
                          related=related, owner=workload.owner, fix=fixes.tdl501(ctx, container, non_root))


def _systemd_span(init: Node) -> Span:
    """Where a command-line element execs systemd (the line inside a script), or the element."""
    found = scripts.search(init, _SYSTEMD)
    return found[0] if found else init.where


def _security_attribute(container, node: Node, name: str) -> str:
    """The attribute path of a user setting: the container's, the pod's (inherited), or Docker's ``user``."""
    workload = container.workload
    if workload.kind == "docker_container":
        return "user"
    if node is getattr(container, name):
        return roles.container_attribute(container, name)
    return f"{workload.spell('security_context')}.{workload.spell(name)}"


# ----------------------------------------------------------------------------------------------
# TDL502 the agent started through sudo / su loses CODER_AGENT_TOKEN
# ----------------------------------------------------------------------------------------------


def systemd_agent_env_not_preserved(ctx: Context) -> Iterator[Hit]:
    """TDL502: the agent's init script runs through sudo / a login shell that drops ``CODER_AGENT_TOKEN``."""
    for workload in ctx.workloads:
        for container in workload.all_containers():
            for node in container.argv():
                yield from _agent_env_hits(ctx, workload, roles.command_attribute(container, node), node)


def _agent_env_hits(ctx: Context, workload: Workload, attribute: str, node: Node) -> Iterator[Hit]:
    inits = [(line, column, part) for line, column, part in scripts.placeholders(node) if scripts.renders_agent_init(part)]
    if not inits or not _uses_token_auth(workload, inits):
        return
    text = roles.script_text(node)
    if re.search(rf"env_keep.*\b{TOKEN}\b", text):
        return  # the script itself tells sudo to keep the token
    for command in shell.parse(text).commands:
        inside = [part for line, column, part in inits if _runs_in(command, line, column)]
        if not inside:
            continue
        culprit = _drops_token(command)
        if culprit is None:
            continue
        first = culprit.words[0]
        last = max((w for w in culprit.words if w.line == first.line == w.end_line), key=lambda w: w.end_column,
                   default=first)
        written = " ".join(w.text for w in culprit.words if w.line == first.line)
        span = scripts.line_span(node, first.line, first.column, last.end_column)
        yield Hit(span,
                  f"`{written}` starts the Coder agent without `{TOKEN}`, so it cannot authenticate",
                  hint=f"{_keep_token(culprit)}: the agent starts {_why_dropped(culprit)}",
                  subject=workload.address, attribute=attribute,
                  related=(Related(_reference_span(inside[0]), "the agent's init script runs here"),),
                  owner=workload.owner, fix=fixes.tdl502(ctx, span, first.text))


def _uses_token_auth(workload: Workload, inits) -> bool:
    """False when every agent started here authenticates without a token (``auth = "google-instance-identity"``)."""
    module = workload.module
    if module is None:
        return True
    for _, _, part in inits:
        for reference in part.references:
            resource = module.resource(reference.address) if reference.parts[0] == "coder_agent" else None
            auth = module.evaluate(resource.block.attr("auth")) if resource is not None else None
            if auth is None or not isinstance(auth.value, str) or auth.value == "token":
                return True
    return False


def _runs_in(command: shell.Command, line: int, column: int) -> bool:
    """Whether a script position is part of a command: inside one of its words, or in its here-document's body."""
    for word in command.words:
        if (word.line, word.column) <= (line, column) < (word.end_line, word.end_column):
            return True
    for heredoc in command.heredocs:
        end = heredoc.terminator if heredoc.terminator is not None else float("inf")
        if heredoc.body_start > heredoc.line and heredoc.body_start <= line < end:
            return True
    return False


def _drops_token(command: shell.Command) -> shell.Wrapper | None:
    """The wrapper after which the program run no longer has ``CODER_AGENT_TOKEN``, if any."""
    wrappers, start = shell.unwrap(command)
    present, culprit = True, None
    for wrapper in wrappers:
        if TOKEN in wrapper.sets:
            present, culprit = True, None
        elif present and not wrapper.passes(TOKEN):
            present, culprit = False, wrapper
    if present:
        return None
    # the script run as the other user may set the token itself (`CODER_AGENT_TOKEN=... sh -c ...`, an export)
    texts = [w.text for w in command.words[start:]] + [line for h in command.heredocs for line in h.body]
    texts += [wrappers[-1].command.text] if wrappers[-1].command is not None else []
    if any(f"{TOKEN}=" in t for t in texts):
        return None
    return culprit


def _why_dropped(wrapper: shell.Wrapper) -> str:
    if wrapper.program == "sudo":
        return "through sudo, which resets the environment (sudoers `env_reset`)"
    if wrapper.program in ("su", "runuser"):
        return "in a login shell, which starts from a clean environment"
    if TOKEN in wrapper.unsets:
        return f"after unsetting `{TOKEN}`"
    return "with an emptied environment"


def _keep_token(wrapper: shell.Wrapper) -> str:
    if wrapper.program == "sudo":
        return f"add `--preserve-env={TOKEN}`"
    if wrapper.program in ("su", "runuser") and wrapper.user:
        return (f"drop the login option (`{wrapper.program} {wrapper.user}` keeps the environment), or use "
                f"`sudo -u {wrapper.user} --preserve-env={TOKEN}`")
    return f"pass `{TOKEN}` on to the agent"


def _reference_span(part: Unknown) -> Span:
    for reference in part.references:
        if reference.parts[0] == "coder_agent" and reference.attribute == ("init_script",):
            return reference.span
    return part.references[0].span


# ----------------------------------------------------------------------------------------------
# TDL503 a shell here-document whose terminator line never comes
# ----------------------------------------------------------------------------------------------


def systemd_heredoc_terminator_mismatch(ctx: Context) -> Iterator[Hit]:
    """TDL503: a shell here-document in a rendered script that no line closes."""
    for subject, owner, attribute, node in _shell_scripts(ctx):
        yield from _unclosed_heredocs(subject, owner, attribute, node)


def _shell_scripts(ctx: Context) -> Iterator[tuple[str, Span, str, Node]]:
    """(subject, owner, attribute, script) for every script a shell runs: ``sh -c`` command lines and agent scripts."""
    for unit in ctx.units:
        for workload in unit.workloads:
            for container in workload.all_containers():
                for node in scripts.shell_scripts(container):
                    yield workload.address, workload.owner, roles.command_attribute(container, node), node
        if unit.module is None:
            continue
        for resource, node in scripts.startup_scripts(unit.module):
            text = roles.script_text(node)
            if text is not None and _is_shell(text):
                yield (*scripts.place(resource), node)


def _is_shell(text: str) -> bool:
    """Agent scripts are shell scripts unless a ``#!`` line names another interpreter."""
    first = text.lstrip("\n").split("\n", 1)[0]
    return not first.startswith("#!") or any(re.search(rf"\b{name}\b", first) for name in scripts.SHELLS)


def _unclosed_heredocs(subject: str, owner: Span, attribute: str, node: Node) -> Iterator[Hit]:
    text = roles.script_text(node)
    if text is None or "<<" not in text:
        return
    script = shell.parse(text)
    lines = text.split("\n")
    holes = scripts.placeholders(node)
    for heredoc in script.heredocs:
        if heredoc.terminator is not None or not any(line.strip() for line in heredoc.body):
            continue  # closed, or nothing after it to swallow
        if any(line >= heredoc.body_start and not _single_line(part) for line, _, part in holes):
            continue  # an interpolation might render the terminator line: render conservatively
        written = lines[heredoc.line][heredoc.column:heredoc.delimiter_end]
        rules = " after `<<-` strips leading tabs" if heredoc.strip_tabs else ""
        near = _near_terminator(heredoc, lines)
        if near is not None:
            rendered = lines[near].lstrip("\t") if heredoc.strip_tabs else lines[near]
            tabs = " (after leading tabs)" if heredoc.strip_tabs else ""
            fix = (f"make that line read exactly `{heredoc.delimiter}`{tabs}, or quote the delimiter as the line "
                   f"renders: `{heredoc.operator}'{rendered}'`")
            if heredoc.delimiter != heredoc.delimiter.lstrip() and node.span.path.endswith(".tf"):
                # the seed's idiom: a quoted delimiter that spells out the indentation Terraform's `<<EOF` keeps
                fix += ". Terraform's `<<-` heredoc strips the common indentation, `<<` keeps it"
            related = Related(scripts.line_span(node, near), f"this line reads `{rendered}`, not `{heredoc.delimiter}`")
        else:
            fix = f"add a line that reads `{heredoc.delimiter}` where the here-document ends"
            last = max(i for i, line in enumerate(lines) if line.strip() or i == 0)
            related = Related(scripts.line_span(node, last), f"the script ends here without a `{heredoc.delimiter}` line")
        yield Hit(scripts.line_span(node, heredoc.line, heredoc.column, heredoc.delimiter_end),
                  f"The here-document `{written}` is never closed, so the rest of the script never runs",
                  hint=f"{fix} (no line below reads `{heredoc.delimiter}`{rules}: the shell takes the rest of the "
                       "script as the document's body)",
                  subject=subject, attribute=attribute, related=(related,), owner=owner)


def _near_terminator(heredoc: shell.Heredoc, lines: list[str]) -> int | None:
    """The line meant to close a here-document: the first below it that reads the delimiter but for blanks."""
    for index in range(heredoc.body_start, len(lines)):
        if lines[index].strip() == heredoc.delimiter.strip():
            return index
    return None


def _single_line(part: Unknown) -> bool:
    """Interpolations known not to render a line of their own: Coder's agent script, token and workspace data."""
    return bool(part.references) and all(
        r.parts[0] == "coder_agent" or (r.parts[0] == "data" and r.parts[1] in ("coder_workspace", "coder_workspace_owner"))
        for r in part.references)


# ----------------------------------------------------------------------------------------------
# TDL504 shareProcessNamespace in a Sysbox pod
# ----------------------------------------------------------------------------------------------


def sysbox_share_process_namespace(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES) -> Iterator[Hit]:
    """TDL504: a Sysbox pod that shares one PID namespace between its containers (error when systemd runs in it)."""
    for workload in ctx.workloads:
        node = workload.share_process_namespace
        if not truthy(node) or not roles.uses_runtime(workload, runtimes):
            continue
        systemd = next((c for c in workload.containers if roles.execs_systemd(c) is not None), None)
        related = [Related(workload.runtime.where, f"the Sysbox runtime is chosen here (`{workload.runtime.value}`)")]
        why = "systemd in its containers would not be PID 1"
        if systemd is not None:
            why = f"`{systemd.display_name}` starts systemd, which fails when it is not PID 1"
            related.append(Related(_systemd_span(roles.execs_systemd(systemd)), "systemd starts here as PID 1"))
        yield Hit(node.where,
                  f"`{workload.spell('share_process_namespace', True)}` in a Sysbox pod: {why}",
                  hint="remove it (the default is false)" + ("" if systemd is not None else
                                                              "; the Sysbox docs advise against it"),
                  subject=workload.address, attribute=workload.spell("share_process_namespace"),
                  related=tuple(related), owner=workload.owner,
                  severity=Severity.ERROR if systemd is not None else None, fix=fixes.tdl504(ctx, node))


# ----------------------------------------------------------------------------------------------
# TDL505 RuntimeClass definitions, across files
# ----------------------------------------------------------------------------------------------


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


def runtime_classes(units: list[Unit]) -> list[RuntimeClass]:
    """Every RuntimeClass with a known name defined in the given units."""
    found: list[RuntimeClass] = []
    for unit in units:
        if unit.yaml is not None:
            for document in unit.yaml.documents:
                rc = _runtime_class(document, document.get("kind").where, document.span, None)
                if rc is not None:
                    found.append(rc)
        if unit.module is None:
            continue
        module = unit.module
        for resource in module.resources_of("kubernetes_runtime_class_v1"):
            meta = resource.block.block("metadata")
            name = module.evaluate(meta.attr("name")) if meta is not None else None
            if name is not None and isinstance(name.value, str):
                found.append(RuntimeClass(name.value, module.evaluate(resource.block.attr("handler")), None,
                                          resource.block.head, resource.block.head, resource.address, can_schedule=False))
        for resource in module.resources_of("kubernetes_manifest"):
            manifest = terraform_manifest(module, resource)
            if manifest is not None:
                rc = _runtime_class(manifest, resource.block.head, resource.block.head, resource.address)
                if rc is not None:
                    found.append(rc)
    return found


def _runtime_class(document: Node, span: Span, owner: Span, address: str | None) -> RuntimeClass | None:
    if document.get("kind") is None or document.get("kind").value != "RuntimeClass":
        return None
    name = document.get("metadata", "name")
    if name is None or not isinstance(name.value, str):
        return None
    return RuntimeClass(name.value, document.get("handler"), document.get("scheduling", "nodeSelector"), span, owner,
                        address or f"RuntimeClass/{name.value}")


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


def _runtime_facts(unit, *, runtimes=roles.SYSBOX_RUNTIMES, handlers=("sysbox-runc",), node_selector=None,
                   install_label=None) -> _RuntimeFacts:
    """TDL505's collector: a unit's RuntimeClasses, the pods that may use one, and whether it labels nodes."""
    install_label = install_label if install_label is not None else {"sysbox-install": "yes"}
    pods = [_Pod(w.address, w.kind, w.runtime, w.node_selector, w.spell("node_selector"), w.origin == "kubernetes",
                 w.owner)
            for w in unit.workloads if w.kind != "docker_container" and (
                isinstance(roles.runtime_value(w), str) or ("daemon" in w.kind.lower() and w.node_selector is not None))]
    return _RuntimeFacts(runtime_classes([unit]), pods,
                         {(key, value): _label_applied([unit], key, value) for key, value in install_label.items()})


def sysbox_runtimeclass_definition(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES, handlers=("sysbox-runc",),
                                   node_selector=None, install_label=None) -> Iterator[Hit]:
    """TDL505: Sysbox RuntimeClasses, the pods that use them and the installer's node label, across files."""
    facts = ctx.gather(_runtime_facts, runtimes=runtimes, handlers=handlers, node_selector=node_selector,
                       install_label=install_label)
    node_selector = node_selector if node_selector is not None else {"sysbox-runtime": "running"}
    install_label = install_label if install_label is not None else {"sysbox-install": "yes"}
    classes = [rc for f in facts for rc in f.classes]
    pods = [pod for f in facts for pod in f.pods]
    # pods and classes by runtime class name: linear, however many of each a large repository holds
    pods_by_name: dict[str, list[_Pod]] = {}
    for pod in pods:
        if pod.runtime_name is not None:
            pods_by_name.setdefault(pod.runtime_name, []).append(pod)
    classes_by_name: dict[str, list[RuntimeClass]] = {}
    for rc in classes:
        classes_by_name.setdefault(rc.name, []).append(rc)
    for rc in classes:
        if rc.name in runtimes:
            users = tuple(Related(pod.runtime.where, f"`{pod.address}` runs with this RuntimeClass")
                          for pod in pods_by_name.get(rc.name, ()))
            yield from _sysbox_class_hits(rc, handlers, node_selector, users)
    for pod in pods:
        for rc in classes_by_name.get(pod.runtime_name, ()):
            yield from _selector_conflicts(pod, rc)
    yield from _unlabelled_installers(pods, install_label, lambda key, value: any(f.labelled[key, value] for f in facts))


def _sysbox_class_hits(rc: RuntimeClass, handlers, node_selector: dict, users: tuple) -> Iterator[Hit]:
    common = dict(subject=rc.address, owner=rc.owner, related=users)
    handler = rc.handler
    if handler is not None and isinstance(handler.value, str) and handler.value not in handlers:
        yield Hit(handler.where,
                  f"RuntimeClass `{rc.name}` uses handler `{handler.value}`, not Sysbox's (`{handlers[0]}`)",
                  hint=f"set the handler to `{handlers[0]}`: pods that ask for `{rc.name}` run under "
                       f"`{handler.value}` instead",
                  attribute="handler", **common)
    wanted = ", ".join(f"{k}: {v}" for k, v in node_selector.items())
    selector = rc.node_selector
    if selector is None:
        how = ("`kubernetes_runtime_class_v1` cannot set it: define the RuntimeClass with `kubernetes_manifest`"
               if not rc.can_schedule else f"add `scheduling.nodeSelector` with `{wanted}`")
        yield Hit(rc.span,
                  f"RuntimeClass `{rc.name}` has no `scheduling.nodeSelector`: pods may land on nodes without Sysbox",
                  hint=f"{how} (the Sysbox installer labels ready nodes `{wanted}`)",
                  attribute="scheduling.nodeSelector", **common)
        return
    if not isinstance(selector.value, dict):
        return  # unknown is not bad
    for key, value in node_selector.items():
        entry = selector.value.get(key)
        if entry is None:
            yield Hit(selector.where,
                      f"RuntimeClass `{rc.name}` does not select `{key}: {value}`: pods may land on nodes without Sysbox",
                      hint=f"add `{key}: {value}`, the label the Sysbox installer puts on nodes where Sysbox runs",
                      attribute="scheduling.nodeSelector", **common)
        elif isinstance(entry.value, str) and entry.value != str(value):
            yield Hit(entry.where,
                      f"RuntimeClass `{rc.name}` selects `{key}: {entry.value}`, not the installer's `{key}: {value}`",
                      hint=f"set `{value}`: the Sysbox installer labels the nodes where Sysbox runs `{key}: {value}`",
                      attribute=f"scheduling.nodeSelector.{key}", **common)


def _selector_conflicts(workload: _Pod, rc: RuntimeClass) -> Iterator[Hit]:
    """A pod nodeSelector entry that contradicts its RuntimeClass's: admission rejects such pods."""
    ours = workload.node_selector
    theirs = rc.node_selector
    if ours is None or theirs is None or not isinstance(ours.value, dict) or not isinstance(theirs.value, dict):
        return
    for key, entry in ours.value.items():
        other = theirs.value.get(key)
        if other is None or not isinstance(entry.value, str) or not isinstance(other.value, str):
            continue
        if entry.value != other.value:
            written = f"{key}: {entry.value}" if workload.written_as_yaml else f'{key} = "{entry.value}"'
            yield Hit(entry.where,
                      f"`{written}` contradicts RuntimeClass `{rc.name}`, so Kubernetes rejects the pod at admission",
                      hint=f"remove the entry from the pod's `{workload.selector_name}` (the RuntimeClass adds its own)",
                      subject=workload.address, attribute=f"{workload.selector_name}.{key}",
                      related=(Related(other.where, f"RuntimeClass `{rc.name}` selects `{key}: {other.value}` here"),),
                      owner=workload.owner)


def _unlabelled_installers(pods: list[_Pod], install_label: dict, labelled) -> Iterator[Hit]:
    """(c) the Sysbox installer DaemonSet waits for a node label that nothing in scope applies."""
    for workload in pods:
        if "daemon" not in workload.kind.lower() or workload.node_selector is None:
            continue
        selector = workload.node_selector.value
        if not isinstance(selector, dict):
            continue
        for key, value in install_label.items():
            entry = selector.get(key)
            if entry is None or entry.value != value or labelled(key, value):
                continue
            yield Hit(entry.where,
                      f"The Sysbox installer runs only on nodes labelled `{key}={value}`, which nothing in scope applies",
                      hint=f"label the nodes (`kubectl label nodes <node> {key}={value}`, or the node group's labels for "
                           "managed node groups): until then it runs nowhere",
                      subject=workload.address, attribute=f"{workload.selector_name}.{key}",
                      owner=workload.owner, severity=Severity.NOTE)


def _label_applied(units: list[Unit], key: str, value: str) -> bool:
    """Whether any file in scope gives nodes the label: a ``key: value`` mapping outside pod specs
    (node groups, Karpenter NodePools, ``kubernetes_labels``) or a ``key=value`` string (``kubectl label``)."""
    text = f"{key}={value}"
    for unit in units:
        roots: list[tuple[Node, bool]] = []  # (tree, whether a mapping entry there may label nodes)
        if unit.yaml is not None:
            for document in unit.yaml.documents:
                kind = document.get("kind")
                pod = kind is not None and isinstance(kind.value, str) and kind.value in YAML_POD_KINDS
                roots.append((document, not pod))
        if unit.module is not None:
            for resource in unit.module.resources:
                pod = resource.type in TERRAFORM_POD_TYPES or (
                    resource.type == "kubernetes_manifest" and _manifest_kind(unit.module, resource) in YAML_POD_KINDS)
                roots.extend((node, not pod) for node in _attributes(unit.module, resource.block))
        for root, mappings in roots:
            for node in root.walk():
                if isinstance(node.value, str) and text in node.value:
                    return True
                if mappings and node.name == key and node.value == value:
                    return True
    return False


def _manifest_kind(module, resource):
    manifest = terraform_manifest(module, resource)
    kind = manifest.get("kind") if manifest is not None else None
    return kind.value if kind is not None else None


def _attributes(module, block) -> Iterator[Node]:
    """Every attribute of a Terraform block and its nested blocks, evaluated."""
    for node in block.attributes.values():
        yield module.evaluate(node)
    for child in block.blocks:
        yield from _attributes(module, child)


# ----------------------------------------------------------------------------------------------
# TDL506 user namespaces and host namespaces
# ----------------------------------------------------------------------------------------------

HOST_NETWORK_GATE = "UserNamespacesHostNetworkSupport"
HOST_NETWORK_SINCE = (1, 35)


def parse_k8s_version(text) -> tuple[int, ...] | None:
    """``"1.35"``, ``"v1.35.2"``, ``1.35`` -> (1, 35[, 2]); None when not a version."""
    if text is None or isinstance(text, bool):
        return None
    m = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?", str(text).strip())
    if m is None:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


def userns_host_namespace_conflict(ctx: Context, *, runtimes=roles.SYSBOX_RUNTIMES, k8s_version=None,
                                   feature_gates=()) -> Iterator[Hit]:
    """TDL506: ``hostUsers: false`` with hostPID / hostIPC / hostNetwork."""
    version = parse_k8s_version(k8s_version)
    network_allowed = version is not None and version >= HOST_NETWORK_SINCE and HOST_NETWORK_GATE in feature_gates
    for workload in ctx.workloads:
        if not falsy(workload.host_users) or roles.uses_runtime(workload, runtimes):
            continue  # host namespaces of Sysbox pods are TDL104's finding
        for name, namespace in (("host_pid", "PID"), ("host_ipc", "IPC"), ("host_network", "network")):
            node = getattr(workload, name)
            if not truthy(node):
                continue
            written = workload.spell(name, True)
            users = workload.spell("host_users", False)
            related = (Related(workload.host_users.where, "the pod asks for its own user namespace here"),)
            common = dict(subject=workload.address, attribute=workload.spell(name), related=related, owner=workload.owner)
            if namespace != "network":
                yield Hit(node.where,
                          f"`{written}` with `{users}`: Kubernetes rejects a pod in its own user namespace that shares "
                          f"the host's {namespace}", hint=f"remove `{workload.spell(name)}`", **common)
            elif network_allowed:
                yield Hit(node.where,
                          f"`{written}` with `{users}` relies on the alpha `{HOST_NETWORK_GATE}` feature gate of "
                          "Kubernetes >= 1.35: it fails on clusters without it", severity=Severity.NOTE, **common)
            else:
                yield Hit(node.where,
                          f"`{written}` with `{users}`: Kubernetes rejects a user-namespaced pod on the host's network",
                          hint=f"remove `{workload.spell(name)}` (only Kubernetes >= 1.35 with the alpha "
                               f"`{HOST_NETWORK_GATE}` feature gate admits it)", **common)


CHECKS = {
    "TDL501": systemd_requires_root,
    "TDL502": systemd_agent_env_not_preserved,
    "TDL503": systemd_heredoc_terminator_mismatch,
    "TDL504": sysbox_share_process_namespace,
    "TDL505": sysbox_runtimeclass_definition,
    "TDL506": userns_host_namespace_conflict,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset({"TDL505"})

#: what it reads of one unit (``Context.gather``)
COLLECTORS = {"TDL505": _runtime_facts}
