"""TDL003 k8s-provider-too-old-for-runtime-class: runtime_class_name on a hashicorp/kubernetes pod spec while the
provider constraint admits versions before 2.16.0."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related, Severity
from ...fix import Fix, unsafe
from ...model.providers import _Requirement, provider_requirements
from ...module import Module
from ...versions import _CLAUSE, ANY, Constraint, ConstraintError, Version
from ...workload import Workload
from .helpers import runtime_class_pods

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def _constraint_text(requirement: _Requirement) -> str:
    return ", ".join(f"`{v.value}`" for v in requirement.versions)


RUNTIME_CLASS_SINCE = Version(2, 16, 0)  # runtime_class_name appeared in the kubernetes provider 2.16.0


def check(ctx: Context) -> Iterator[Hit]:
    """TDL003: ``runtime_class_name`` while the kubernetes provider constraint admits a version before 2.16.0."""
    for module, workload in runtime_class_pods(ctx):
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
                fix=_fix(ctx, attribute.span.path, requirement),
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


def _fix(ctx, path: str, requirement: _Requirement) -> Fix | None:
    """Raise the lower bound of each constraint that admits a version before 2.16.0, keeping its style:
    ``>= 2.0`` -> ``>= 2.16.0``, ``~> 2.12.1`` -> ``~> 2.16.0``, ``~> 2.10`` -> ``~> 2.16``, ``2.12.1`` -> ``2.16.0``;
    its other clauses (``!=``, ``<``) as written.  Unsafe: ``terraform init -upgrade`` must follow, and a
    newer provider may change other resources.  Only constraints written in the finding's file; none when the
    result would admit no version from 2.16.0 on.
    """
    text = edits.source(ctx, path)
    if text is None:
        return None
    changes, combined = [], ANY
    for version in requirement.versions:
        written = version.value
        if not isinstance(written, str):
            return None
        raised = ",".join(_raise(clause) for clause in written.split(","))
        try:
            constraint = Constraint.parse(raised)
        except ConstraintError:
            return None
        combined = combined.intersect(constraint)
        if raised == written:
            continue
        if version.span.path != path:
            return None  # a fix edits the finding's file only
        edit = edits.replace_in(text, version.span, written, raised)
        if edit is None:
            return None  # written with escapes or a template: leave it to the user
        changes.append(edit)
    if not changes or combined.admits_below(RUNTIME_CLASS_SINCE) or not combined.admits_at_least(RUNTIME_CLASS_SINCE):
        return None
    return unsafe(f"Require kubernetes provider {RUNTIME_CLASS_SINCE} or later", *changes)


def _raise(clause: str) -> str:
    """One clause of a constraint with its lower bound raised to 2.16.0 when it is below (spacing kept)."""
    m = _CLAUSE.fullmatch(clause)
    if m is None:
        return clause
    op = m.group("op") or "="
    try:
        version = Version.parse(m.group("version"))
    except ConstraintError:
        return clause
    if op in ("!=", "<", "<=") or not version < RUNTIME_CLASS_SINCE:
        return clause
    if op == "~>":
        new = "2.16.0" if m.group("patch") is not None else "2.16"
    else:
        new = str(RUNTIME_CLASS_SINCE)
    start, end = m.span("version")
    if op == ">":  # > 2.0 -> >= 2.16.0
        return clause[:m.start("op")] + ">=" + clause[m.end("op"):start] + new + clause[end:]
    return clause[:start] + new + clause[end:]
