"""0xx: Terraform semantics every template needs right (RULES.md group 0xx)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .. import rule_fixes as fixes
from ..context import Context
from ..expression import Traversal
from ..finding import Hit, Related, Severity
from ..module import Module, Resource
from ..node import Node, Reference
from ..versions import ANY, Constraint, ConstraintError, Version
from ..workload import TERRAFORM_POD_TYPES, Workload


def _tokens(name: str) -> set[str]:
    return {t for t in re.split(r"[_\-.]+", name.lower()) if t}


def closest(name: str, candidates: Iterable[str], *, by_tokens: bool = True) -> str | None:
    """The best "did you mean" for ``name``: shared name tokens first, then spelling similarity.

    ``by_tokens=False`` suggests typos only: for addresses such as ``data.coder_provisioner.me`` the
    shared ``data``/``coder``/``me`` tokens say nothing (``data.coder_workspace.me`` is not a fix).
    """
    best = None
    best_score = (0, 0.0)
    own = _tokens(name)
    for candidate in sorted(set(candidates)):
        if candidate == name:
            continue
        shared = len(own & _tokens(candidate)) if by_tokens else 0
        ratio = difflib.SequenceMatcher(None, name.lower(), candidate.lower()).ratio()
        if shared == 0 and ratio < (0.75 if by_tokens else 0.85):
            continue
        score = (shared, ratio)
        if score > best_score:
            best, best_score = candidate, score
    return best


def referenced_variables(module: Module) -> set[str]:
    """Variables referenced as ``var.x`` outside their own validation blocks."""
    used = set()
    for use in module.uses:
        ref = use.reference
        if ref.kind != "var":
            continue
        block = use.block
        if block.type == "variable" and block.labels[:1] == (ref.parts[1],) and use.path[:1] == ("validation",):
            continue
        used.add(ref.parts[1])
    return used


def undeclared_variable(ctx: Context) -> Iterator[Hit]:
    """TDL001: ``var.x`` with no ``variable "x"`` in the module directory."""
    for module in ctx.complete_modules:
        unreferenced = set(module.variables) - referenced_variables(module)
        for use in module.uses:
            ref = use.reference
            if ref.kind != "var" or len(ref.parts) < 2 or ref.parts[1] in module.variables:
                continue
            name = ref.parts[1]
            suggestion = _suggest(module, name, unreferenced)
            related = ()
            hint = ""
            if suggestion:
                declaration = module.variables[suggestion].block
                hint = f"did you mean `var.{suggestion}`?"
                related = (Related(declaration.head, f"`variable \"{suggestion}\"` is declared here"),)
            hint = "\n".join(filter(None, [hint, f"declare `variable \"{name}\"` in a file of {module.directory or '.'}/"]))
            yield Hit(
                ref.span,
                f"`var.{name}` is not declared in this module: plan fails with \"Reference to undeclared input variable\"",
                subject=_subject(use.block),
                attribute=".".join(use.path),
                related=related,
                hint=hint,
                owner=use.block.head,
            )


def _suggest(module: Module, name: str, unreferenced: set[str]) -> str | None:
    """The declared variable an undeclared ``var.<name>`` probably means: unreferenced ones first."""
    return closest(name, unreferenced) or closest(name, module.variables)


_KIND_WORDS = {"local": "local value", "data": "data source", "resource": "resource", "module": "module call"}


def undeclared_reference(ctx: Context) -> Iterator[Hit]:
    """TDL010: ``local.x``, ``data.t.n``, ``t.n`` or ``module.m`` with no declaration in the module directory."""
    for module in ctx.complete_modules:
        for use in module.uses:
            ref = use.reference
            kind = ref.kind
            if kind not in _KIND_WORDS or module.declares(ref):
                continue
            if kind in ("data", "resource") and len(ref.parts) < (3 if kind == "data" else 2):
                continue
            address = ref.address
            candidates = _declared(module, kind)
            suggestion = closest(address, candidates, by_tokens=False)
            what = _KIND_WORDS[kind]
            declare = _declaration_text(ref)
            hint = "\n".join(filter(None, [f"did you mean `{suggestion}`?" if suggestion else "",
                                            f"declare it: there is no {declare} in any file of {module.directory or '.'}/"]))
            yield Hit(
                ref.span,
                f"`{address}` is not declared in this module: plan fails with \"Reference to undeclared {what}\"",
                subject=_subject(use.block),
                attribute=".".join(use.path),
                hint=hint,
                owner=use.block.head, fix=fixes.tdl010(ctx, module, ref),
            )


def _declared(module: Module, kind: str) -> list[str]:
    if kind == "local":
        return [f"local.{n}" for n in module.locals]
    if kind == "module":
        return [f"module.{n}" for n in module.module_calls]
    mode = "data" if kind == "data" else "managed"
    return [r.address for r in module.resources if r.mode == mode]


def _declaration_text(ref) -> str:
    parts = ref.parts
    if ref.kind == "local":
        return f"`{parts[1]} = ...` in a `locals` block"
    if ref.kind == "module":
        return f"`module \"{parts[1]}\"` block"
    if ref.kind == "data":
        return f"`data \"{parts[1]}\" \"{parts[2]}\"` block"
    return f"`resource \"{parts[0]}\" \"{parts[1]}\"` block"


def _subject(block) -> str:
    """A stable name for the top-level block a reference is in (``docker_container.dind``, ``locals``...)."""
    if block.type == "resource" and len(block.labels) >= 2:
        return f"{block.labels[0]}.{block.labels[1]}"
    if block.type == "data" and len(block.labels) >= 2:
        return f"data.{block.labels[0]}.{block.labels[1]}"
    if block.labels:
        return f"{block.type}.{block.labels[0]}"
    return block.type


# ----------------------------------------------------------------------------------------------
# Provider versions (TDL002, TDL003)
# ----------------------------------------------------------------------------------------------


@dataclass
class _Requirement:
    """What one configuration (a root and the directories it calls) requires of a provider's version."""

    entries: list[Node]  # the provider's `required_providers` entries in the modules of the configuration
    versions: list[Node]  # their `version` attributes
    constraint: Constraint | None  # the versions' intersection; None when there are none or one cannot be read
    configuration: list[Module]

    @property
    def unreadable(self) -> bool:
        return bool(self.versions) and self.constraint is None

    def unpinned(self, provider: str) -> tuple[Related, ...]:
        """Where the provider is required without a version (nothing when it is not required at all)."""
        return tuple(Related(e.where, f"`{provider}` is required here without a version constraint") for e in self.entries)


def provider_requirements(ctx: Context, module: Module, provider: str) -> list[_Requirement]:
    """For each configuration ``module`` belongs to: the version constraints on ``provider``."""
    found = []
    for configuration in ctx.configurations(module):
        entries = [m.required_providers[provider].node for m in configuration if provider in m.required_providers]
        versions = [v for m in configuration if provider in m.required_providers
                    and (v := m.required_providers[provider].version) is not None]
        constraint: Constraint | None = ANY if versions else None
        for version in versions:
            try:
                constraint = constraint.intersect(Constraint.parse(version.value)) if isinstance(version.value, str) else None
            except ConstraintError:
                constraint = None  # not a constraint Terraform accepts: unknown
            if constraint is None:
                break
        found.append(_Requirement(entries, versions, constraint, configuration))
    return found


def _constraint_text(requirement: _Requirement) -> str:
    return ", ".join(f"`{v.value}`" for v in requirement.versions)


#: removed `data.coder_workspace` attributes -> their `data.coder_workspace_owner` names (CODER-PROV)
OWNER_ATTRIBUTES = {
    "owner": "name", "owner_email": "email", "owner_id": "id", "owner_name": "full_name", "owner_groups": "groups",
    "owner_session_token": "session_token", "owner_oidc_access_token": "oidc_access_token",
}
OWNER_DEPRECATED_IN = Version(0, 23, 0)  # coder_workspace_owner appeared
OWNER_REMOVED_IN = Version(2, 0, 0, "rc.1")  # first tag of commit 7ed088d (#255)


def coder_workspace_owner_removed(ctx: Context) -> Iterator[Hit]:
    """TDL002: ``data.coder_workspace.<n>.owner*``, removed in coder provider v2.0.0."""
    for module in ctx.modules:
        uses = [u for u in module.uses if u.reference.parts[:2] == ("data", "coder_workspace")
                and len(u.reference.parts) >= 4 and u.reference.parts[3] in OWNER_ATTRIBUTES]
        if not uses:
            continue
        verdict, related = _owner_verdict(ctx, module)
        if verdict == "older":
            continue  # pinned below v0.23.0: there is no coder_workspace_owner to move to yet
        severity = Severity.WARNING if verdict == "deprecated" else None  # None: the policy's (error)
        declared = {r.name for r in module.data_sources_of("coder_workspace_owner")}
        for use in uses:
            ref = use.reference
            label = ref.parts[2]
            replacement = f"data.coder_workspace_owner.{label}.{OWNER_ATTRIBUTES[ref.parts[3]]}"
            if severity == Severity.WARNING:
                what = f"`{ref.text}` is deprecated since coder provider v0.23.0 (removed in v2.0.0)"
            else:
                what = f"`{ref.text}` no longer exists in coder provider v2.0.0: plan fails with \"Unsupported attribute\""
            hint = f"use `{replacement}`" + ("" if label in declared else
                                             f", declaring `data \"coder_workspace_owner\" \"{label}\" {{}}`")
            yield Hit(
                ref.span, what,
                subject=_subject(use.block), attribute=".".join(use.path), related=related, severity=severity,
                hint=hint,
                owner=use.block.head, fix=fixes.tdl002(ctx, module, ref, replacement, label in declared),
            )


def _owner_verdict(ctx: Context, module: Module) -> tuple[str, tuple[Related, ...]]:
    """What the coder constraint admits, worst configuration first: "removed" (v2.0.0 or later, or no
    readable constraint), "deprecated" (only v0.23.0 up to v2.0.0) or "older" (only before v0.23.0);
    with the places that say so."""
    verdicts: list[tuple[str, tuple[Related, ...]]] = []
    for requirement in provider_requirements(ctx, module, "coder"):
        constraint = requirement.constraint
        if constraint is None:
            verdicts.append(("removed", () if requirement.versions else requirement.unpinned("coder")))
        elif constraint.admits_at_least(OWNER_REMOVED_IN):
            verdicts.append(("removed", tuple(
                Related(v.where, f"the coder provider constraint `{v.value}` admits v2.0.0 or later") for v in requirement.versions)))
        elif constraint.admits_at_least(OWNER_DEPRECATED_IN):
            verdicts.append(("deprecated", tuple(
                Related(v.where, f"the coder provider constraint `{v.value}` keeps it below v2.0.0") for v in requirement.versions)))
    for worst in ("removed", "deprecated"):
        if any(verdict == worst for verdict, _ in verdicts):
            return worst, tuple(dict.fromkeys(r for verdict, related in verdicts if verdict == worst for r in related))
    return "older", ()


RUNTIME_CLASS_SINCE = Version(2, 16, 0)  # K8S-PROV CHANGELOG 2.16.0


def k8s_provider_too_old_for_runtime_class(ctx: Context) -> Iterator[Hit]:
    """TDL003: ``runtime_class_name`` while the kubernetes provider constraint admits a version before 2.16.0."""
    for unit in ctx.units:
        module = unit.module
        if module is None or not unit.complete:
            continue
        required = module.required_providers.get("kubernetes")
        source = required.source.value if required is not None and required.source is not None else "hashicorp/kubernetes"
        if not isinstance(source, str) or source.lower().removeprefix("registry.terraform.io/") != "hashicorp/kubernetes":
            continue
        for workload in unit.workloads:
            if workload.kind not in TERRAFORM_POD_TYPES or workload.runtime is None:
                continue
            hit = _runtime_class_verdict(ctx, module, workload)
            if hit is not None:
                yield hit


def _runtime_class_verdict(ctx: Context, module: Module, workload: Workload) -> Hit | None:
    attribute = workload.runtime
    needs = f"`runtime_class_name` needs kubernetes provider {RUNTIME_CLASS_SINCE}+"
    unpinned = None
    for requirement in provider_requirements(ctx, module, "kubernetes"):
        if requirement.unreadable:
            continue
        if requirement.constraint is not None:
            if not requirement.constraint.admits_below(RUNTIME_CLASS_SINCE):
                continue
            return Hit(
                attribute.where,
                f"{needs}, but the constraint {_constraint_text(requirement)} admits older versions",
                hint=f"require `>= {RUNTIME_CLASS_SINCE}`: older versions reject it (\"An argument named "
                     "runtime_class_name is not expected here\")",
                subject=workload.address, attribute="runtime_class_name", owner=workload.owner,
                related=tuple(Related(v.where, "this constraint admits versions before 2.16.0") for v in requirement.versions),
            )
        locked = next((v for m in requirement.configuration if (v := m.locked_version("hashicorp/kubernetes")) is not None), None)
        if locked is None:
            unpinned = unpinned or Hit(
                attribute.where,
                f"{needs}, and nothing constrains the kubernetes provider's version",
                hint=f"require `version = \">= {RUNTIME_CLASS_SINCE}\"` (no `required_providers` version here, no "
                     "`.terraform.lock.hcl`)",
                subject=workload.address, attribute="runtime_class_name", owner=workload.owner, severity=Severity.NOTE,
                related=requirement.unpinned("kubernetes"),
            )
            continue
        try:
            version = Version.parse(str(locked.value))
        except ConstraintError:
            continue
        if version < RUNTIME_CLASS_SINCE:
            return Hit(
                attribute.where,
                f"{needs}, but `.terraform.lock.hcl` selects {version}",
                hint=f"require `version = \">= {RUNTIME_CLASS_SINCE}\"` in `required_providers` and run "
                     "`terraform init -upgrade`",
                subject=workload.address, attribute="runtime_class_name", owner=workload.owner,
                related=(Related(locked.where, f"the lock file selects hashicorp/kubernetes {version}"),),
            )
    return unpinned


# ----------------------------------------------------------------------------------------------
# Kubernetes object names (TDL004)
# ----------------------------------------------------------------------------------------------

#: functions whose result is lower case, or that already rewrite the name (RULES.md FP risks)
NAME_SANITIZERS = frozenset({"lower", "replace", "regex", "regexall", "md5", "sha1", "sha256", "sha512"})


def _case_sensitive(ref: Reference) -> bool:
    """Coder values that may hold upper case: workspace and user names, parameter values (CODER-NAMES)."""
    parts = ref.parts
    if len(parts) < 4 or parts[0] != "data":
        return False
    return (parts[1] == "coder_workspace" and parts[3] in ("name", "owner")) or \
        (parts[1] == "coder_workspace_owner" and parts[3] == "name") or \
        (parts[1] == "coder_parameter" and parts[3] == "value")


def k8s_name_not_lowercase(ctx: Context) -> Iterator[Hit]:
    """TDL004: a Kubernetes object name built from a Coder name without ``lower()``."""
    for module in ctx.modules:
        for resource in module.resources:
            if resource.mode != "managed" or not resource.type.startswith("kubernetes_"):
                continue
            for attribute, node in _kubernetes_names(resource):
                if module.evaluate(node).known:
                    continue
                found = [t for t in module.trace(node)
                         if t.flows and _case_sensitive(t.reference) and not NAME_SANITIZERS.intersection(t.calls)]
                if not found:
                    continue
                texts = list(dict.fromkeys(f"`{t.reference.text}`" for t in found))
                locals_: dict[str, tuple[Node, list[str]]] = {}  # the local each value comes through
                for t in found:
                    if t.via:
                        name, definition = t.via[-1]
                        locals_.setdefault(name, (definition, []))[1].append(f"`{t.reference.text}`")
                related = tuple(Related(definition.where, f"`local.{name}` includes {' and '.join(dict.fromkeys(parts))} here")
                                for name, (definition, parts) in locals_.items())
                yield Hit(
                    node.where,
                    f"`{attribute}` may contain upper case, which Kubernetes names forbid",
                    hint=f"wrap it in `lower(...)`: {' and '.join(texts)} may be upper case (Coder allows it in user "
                         "and workspace names)",
                    subject=resource.address, attribute=attribute, related=related, owner=resource.block.head,
                )


def _kubernetes_names(resource: Resource) -> Iterator[tuple[str, Node]]:
    """(attribute path, node) of every object name and claim name a kubernetes_* resource sets."""
    if resource.type == "kubernetes_manifest":
        manifest = resource.block.attr("manifest")
        if manifest is not None:
            yield from _manifest_names(manifest, "manifest")
        return
    yield from _block_names(resource.block, ())


def _block_names(block, path: tuple[str, ...]) -> Iterator[tuple[str, Node]]:
    claim = block.attr("claim_name")
    if claim is not None:
        yield ".".join(path + ("claim_name",)), claim
    for child in block.blocks:
        inner = path + (child.type,)
        if child.type == "metadata":
            for name in ("name", "generate_name"):
                node = child.attr(name)
                if node is not None:
                    yield ".".join(inner + (name,)), node
        yield from _block_names(child, inner)


def _manifest_names(node: Node, path: str) -> Iterator[tuple[str, Node]]:
    value = node.value
    if isinstance(value, list):
        for item in value:
            yield from _manifest_names(item, path)
    if not isinstance(value, dict):
        return
    for key, child in value.items():
        if key == "claimName":
            yield f"{path}.claimName", child
        elif key == "metadata" and isinstance(child.value, dict):
            for name in ("name", "generateName"):
                if name in child.value:
                    yield f"{path}.metadata.{name}", child.value[name]
        yield from _manifest_names(child, f"{path}.{key}")


# ----------------------------------------------------------------------------------------------
# The agent's container (TDL005, TDL006, TDL009)
# ----------------------------------------------------------------------------------------------

_REPLICATED = ("kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1")


def _is_start_count(ref: Reference) -> bool:
    return ref.parts[:2] == ("data", "coder_workspace") and ref.attribute[:1] == ("start_count",)


def _tie(module: Module, node: Node | None) -> str:
    """How a count / replicas value relates to the workspace's start_count: absent, tied, unknown or fixed."""
    if node is None:
        return "absent"
    traces = module.trace(node)
    if any(_is_start_count(t.reference) for t in traces):
        return "tied"
    return "unknown" if traces else "fixed"


def _replicas(workload: Workload) -> Node | None:
    if workload.kind in _REPLICATED:
        spec = workload.resource.block.block("spec")
        return spec.attr("replicas") if spec is not None else None
    if workload.kind in ("Deployment", "StatefulSet") and workload.document is not None:
        return workload.document.get("spec", "replicas")
    return None


def workspace_compute_missing_start_count(ctx: Context) -> Iterator[Hit]:
    """TDL005: a container or pod that runs the agent and does not stop with the workspace."""
    for workload in ctx.workloads:
        module = workload.module
        if workload.origin != "terraform" or module is None:
            continue
        scripts = [r for c in workload.all_containers() for r in c.agent_scripts()]
        if not scripts:
            continue
        count = workload.count if workload.count is not None else workload.for_each
        tie = _tie(module, count)
        replicas = _replicas(workload)
        if tie in ("tied", "unknown") or _tie(module, replicas) in ("tied", "unknown"):
            continue
        if tie == "fixed" and module.value(count) == 0:
            continue  # never created: nothing keeps running
        labels = [r.name for r in module.data_sources_of("coder_workspace")]
        start_count = f"data.coder_workspace.{labels[0] if labels else 'me'}.start_count"
        alternative = f" (or `replicas = {start_count}`)" if workload.kind in _REPLICATED or replicas is not None else ""
        what = "container" if workload.kind == "docker_container" else "pod"
        agent = scripts[0].parts[1]
        if tie == "fixed":
            span, problem = count.where, f"its `{count.name}` does not follow `start_count`"
        else:
            span, problem = workload.span, "it has no `count` following `start_count`"
        yield Hit(
            span,
            f"`{workload.address}` runs `coder_agent.{agent}`, but {problem}",
            hint=f"set `count = {start_count}`{alternative}: otherwise the {what} and its agent keep running "
                 "when the workspace stops",
            subject=workload.address, attribute="count",
            related=(Related(scripts[0].span, "the agent's init script runs here"),), owner=workload.owner,
        )


def _token_authenticated(module: Module, agent: str) -> bool:
    """Whether ``coder_agent.<agent>`` authenticates with its token (auth unset or "token")."""
    for resource in module.resources_of("coder_agent"):
        if resource.name == agent:
            auth = module.evaluate(resource.block.attr("auth"))
            return auth is None or auth.value == "token"
    return True


def agent_token_not_wired(ctx: Context) -> Iterator[Hit]:
    """TDL006: a container runs an agent's init script without that agent's CODER_AGENT_TOKEN."""
    for workload in ctx.workloads:
        module = workload.module
        if workload.origin != "terraform" or module is None:
            continue
        for container in workload.all_containers():
            agents: dict[str, Reference] = {}
            for ref in container.agent_scripts():
                if _token_authenticated(module, ref.parts[1]):
                    agents.setdefault(ref.parts[1], ref)
            if not agents:
                continue
            agent, script = next(iter(agents.items()))
            runs = Related(script.span, f"`coder_agent.{agent}`'s init script runs here")
            env = container.env_named("CODER_AGENT_TOKEN")
            if env is None:
                if container.env_open:
                    continue
                yield Hit(
                    container.span,
                    f"`{container.display_name}` runs `coder_agent.{agent}`'s init script without its `CODER_AGENT_TOKEN`",
                    hint=f"add {_token_env(workload, agent)}: without it the agent cannot authenticate and the "
                         "workspace never connects",
                    subject=workload.address, attribute=workload.spell("env"), related=(runs,), owner=workload.owner,
                )
                continue
            if env.value_from is not None or env.value is None:
                continue  # a Secret or another source the tool cannot read
            tokens = [t.reference for t in module.trace(env.value)
                      if t.reference.parts[0] == "coder_agent" and t.reference.attribute[:1] == ("token",)]
            if not tokens or any(t.parts[1] in agents for t in tokens):
                continue
            other = tokens[0]
            yield Hit(
                env.value.where,
                f"`CODER_AGENT_TOKEN` is `{other.text}`, but this container runs `coder_agent.{agent}`'s init script",
                hint=f"use `coder_agent.{agent}.token`: the agent presents another agent's token and cannot connect",
                subject=workload.address, attribute=workload.spell("env"), related=(runs,), owner=workload.owner,
            )


def _token_env(workload: Workload, agent: str) -> str:
    token = f"coder_agent.{agent}.token"
    if workload.kind == "docker_container":
        return f'`env = ["CODER_AGENT_TOKEN=${{{token}}}"]`'
    if workload.api_names:
        return f"`{{ name = \"CODER_AGENT_TOKEN\", value = {token} }}` to its `env`"
    return f'`env {{ name = "CODER_AGENT_TOKEN" value = {token} }}`'


def agent_init_script_unused(ctx: Context) -> Iterator[Hit]:
    """TDL009: a ``coder_agent`` whose ``init_script`` nothing runs."""
    for module in ctx.complete_modules:
        for agent in module.resources_of("coder_agent"):
            if any(_may_use_init_script(use.reference, agent.name) for use in module.uses):
                continue
            if started_elsewhere(ctx, module, agent.name):
                continue
            yield Hit(
                agent.block.head,
                f"`{agent.address}.init_script` is used nowhere, so the agent never starts",
                hint=f"run it in the workspace's command: no container command, env value (such as envbox's "
                     f"CODER_BOOTSTRAP_SCRIPT) or user data in {module.directory or '.'}/ runs it, and the workspace "
                     "stays \"connecting\"",
                subject=agent.address, attribute="init_script", owner=agent.block.head,
            )


#: coder provider resources whose ``agent_id`` says an agent is started by something outside the template
#: (``coder_external_agent``: the user runs ``coder agent`` on a machine of their own)
EXTERNAL_AGENT_TYPES = ("coder_external_agent",)


def started_elsewhere(ctx: Context, module: Module, agent: str) -> bool:
    """Whether ``coder_agent.<agent>`` is started outside the template on purpose: a ``coder_external_agent`` names it.

    The external agent may be in the same directory (``agent_id = coder_agent.main.id``), in a
    directory this one calls (``agent_id = var.agent_id``, given ``coder_agent.main.id``), or in one
    that calls this one (``agent_id = module.ws.agent_id``, an output of ``coder_agent.main.id``).
    """
    def names_agent(mod: Module, node: Node | None) -> bool:
        return any(t.reference.parts[:2] == ("coder_agent", agent) for t in mod.trace(node))

    for external in module.resources_of(*EXTERNAL_AGENT_TYPES):
        if any(names_agent(module, node) for node in external.block.attributes.values()):
            return True
    everything = ctx.project or ctx
    by_directory = {m.directory: m for m in everything.modules}
    for directory, call in module.local_calls():  # a called directory declares the external agent
        callee = by_directory.get(directory)
        if callee is None:
            continue
        given = {name for name, node in call.attributes.items() if names_agent(module, node)}
        for external in callee.resources_of(*EXTERNAL_AGENT_TYPES):
            for node in external.block.attributes.values():
                if any(t.reference.kind == "var" and t.reference.parts[1] in given for t in callee.trace(node)):
                    return True
    outputs = {block.labels[0] for tf in module.files for block in tf.body.blocks_of("output")
               if block.labels and names_agent(module, block.attr("value"))}
    if outputs:  # a calling directory declares it, from an output that gives this agent
        for caller, call in ctx.callers(module):
            for external in caller.resources_of(*EXTERNAL_AGENT_TYPES):
                for node in external.block.attributes.values():
                    if any(t.reference.parts[:2] == ("module", call.labels[0]) and t.reference.parts[2:3] and
                           t.reference.parts[2] in outputs for t in caller.trace(node)):
                        return True
    return False


def _may_use_init_script(ref: Reference, agent: str) -> bool:
    """``coder_agent.<agent>.init_script``, or the whole agent object (which may be passed on)."""
    return ref.parts[:2] == ("coder_agent", agent) and ref.attribute[:1] in ((), ("init_script",))


# ----------------------------------------------------------------------------------------------
# Declarations (TDL007, TDL008)
# ----------------------------------------------------------------------------------------------

#: providers Terraform finds under hashicorp/<name> when `required_providers` does not say otherwise
HASHICORP_PROVIDERS = (
    "ad", "archive", "aws", "awscc", "azuread", "azurerm", "azurestack", "boundary", "cloudinit", "consul", "dns",
    "external", "google", "google-beta", "googleworkspace", "hcp", "helm", "http", "kubernetes", "local", "nomad",
    "null", "random", "template", "tfe", "time", "tls", "vault", "vsphere",
)


def _provider_name(resource: Resource) -> str:
    """The provider local name a resource uses: its ``provider`` meta-argument, else the type's prefix."""
    meta = resource.block.attr("provider")
    if meta is not None:
        value = meta.value
        if isinstance(value, Traversal) and value.root:
            return value.root
        if isinstance(value, str) and value:
            return value.split(".", 1)[0]
    return resource.provider


def provider_not_required(ctx: Context, *, hashicorp_providers=HASHICORP_PROVIDERS, sources=None) -> Iterator[Hit]:
    """TDL007: a provider used in a module directory whose ``required_providers`` does not declare it."""
    sources = sources or {}
    for module in ctx.complete_modules:
        first: dict[str, Resource] = {}
        for resource in module.resources:
            name = _provider_name(resource)
            if name != "terraform":  # terraform_data / terraform_remote_state: built in
                first.setdefault(name, resource)
        for name, resource in first.items():
            hashicorp = name in hashicorp_providers
            required = module.required_providers.get(name)
            if required is not None:
                if not hashicorp and required.source is None:
                    yield Hit(
                        required.node.where,
                        f"`{name}` is required without a `source`, so `terraform init` looks for `hashicorp/{name}` and fails",
                        hint=f"write `{name} = {{ source = \"{sources.get(name, f'<namespace>/{name}')}\" }}`",
                        subject=f"required_providers.{name}", attribute="source", owner=required.node.where,
                        related=(Related(resource.block.head, f"`{resource.address}` uses provider `{name}`"),),
                    )
                continue
            declared_above = _declared_by_callers(ctx, module, name)
            if hashicorp and declared_above:
                continue  # the caller pins it; the child shares the same hashicorp/<name>
            yield _undeclared_provider(module, resource, name, hashicorp, declared_above, sources)


def _declared_by_callers(ctx: Context, module: Module, name: str) -> list[Node]:
    """The declarations of provider ``name`` in the directories that call ``module`` (transitively)."""
    found, seen, stack = [], {module.directory}, [module]
    while stack:
        for caller, _ in ctx.callers(stack.pop()):
            if caller.directory in seen:
                continue
            seen.add(caller.directory)
            if name in caller.required_providers:
                found.append(caller.required_providers[name].node)
            stack.append(caller)
    return found


def _undeclared_provider(module: Module, resource: Resource, name: str, hashicorp: bool, declared_above: list[Node],
                         sources: dict) -> Hit:
    where = f"no `required_providers` in {module.directory or '.'}/ declares it"
    if hashicorp:
        message = f"Provider `{name}` is not in this module's `required_providers`, so it is unpinned"
        hint = (f"add `{name} = {{ source = \"hashicorp/{name}\", version = \"...\" }}` to `required_providers`: "
                f"{where}, so Terraform installs the newest `hashicorp/{name}`")
        severity = Severity.NOTE
    else:
        source = sources.get(name, f"<namespace>/{name}")
        message = (f"Provider `{name}` is not in this module's `required_providers`: `terraform init` looks for "
                   f"`hashicorp/{name}` and fails")
        hint = f"add `{name} = {{ source = \"{source}\" }}` to `terraform {{ required_providers {{ ... }} }}`"
        severity = None
        if declared_above:
            hint += " (a child module must declare it itself: the caller's declaration is not inherited)"
    related = [Related(node.where, f"the calling module declares `{name}` here") for node in declared_above]
    for tf in module.files:
        for block in tf.body.blocks_of("terraform"):
            related.extend(Related(b.head, f"declare `{name}` here") for b in block.blocks_of("required_providers"))
    return Hit(resource.block.head, message, subject=resource.address, attribute="provider", related=tuple(related),
               severity=severity, owner=resource.block.head, hint=hint)


def unused_variable(ctx: Context) -> Iterator[Hit]:
    """TDL008: a ``variable`` never referenced as ``var.x`` in its module directory."""
    for module in ctx.complete_modules:
        unreferenced = set(module.variables) - referenced_variables(module)
        if not unreferenced:
            continue
        meant: dict[str, list[Reference]] = {}
        for use in module.uses:
            ref = use.reference
            if ref.kind == "var" and len(ref.parts) > 1 and ref.parts[1] not in module.variables:
                suggestion = _suggest(module, ref.parts[1], unreferenced)
                if suggestion is not None:
                    meant.setdefault(suggestion, []).append(ref)
        for name, variable in module.variables.items():
            if name not in unreferenced:
                continue
            related = tuple(Related(r.span, f"`{r.text}` is not declared: probably meant `var.{name}`") for r in meant.get(name, ()))
            yield Hit(
                variable.block.head,
                f"`variable \"{name}\"` is declared but `var.{name}` is used nowhere in this module",
                hint="use it or remove it",
                subject=f"var.{name}", related=related, owner=variable.block.head,
            )


CHECKS = {
    "TDL001": undeclared_variable,
    "TDL002": coder_workspace_owner_removed,
    "TDL003": k8s_provider_too_old_for_runtime_class,
    "TDL004": k8s_name_not_lowercase,
    "TDL005": workspace_compute_missing_start_count,
    "TDL006": agent_token_not_wired,
    "TDL007": provider_not_required,
    "TDL008": unused_variable,
    "TDL009": agent_init_script_unused,
    "TDL010": undeclared_reference,
}

#: rule ids of this group that look across files (they get every unit of the run at once)
PROJECT_SCOPED: frozenset[str] = frozenset()
