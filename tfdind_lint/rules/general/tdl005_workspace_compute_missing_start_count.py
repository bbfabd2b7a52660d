"""TDL005 workspace-compute-missing-start-count: A container or pod that runs the Coder agent without count =
data.coder_workspace.<n>.start_count."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Related
from ...module import Module
from ...node import Node, Reference
from ...workload import Workload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

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


def check(ctx: Context) -> Iterator[Hit]:
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
