"""TDL406 dind-sidecar-lifecycle: The dind container outlives the workspace (no start_count), or its count is
referenced without an index."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...finding import Hit, Related
from ...model import roles
from ...model.daemon import mentions_start_count
from .helpers import scenes, workspace_clients


def check(ctx: Context) -> Iterator[Hit]:
    """TDL406: the dind container outlives the workspace (no start_count), or its count is not indexed."""
    for unit, scene in scenes(ctx):
        module = unit.module
        if module is None:
            continue
        reported = []
        for client in workspace_clients(scene):
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
