"""TDL405 dind-network-not-shared: DOCKER_HOST names the dind container, but the two Docker containers share no user-
defined network."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit, Related
from ...fix import Fix, safe
from ...model.daemon import networks
from ...node import Block
from .helpers import scenes, workspace_clients

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL405: DOCKER_HOST names the dind container, but the two containers share no user-defined network."""
    for unit, scene in scenes(ctx):
        for client in workspace_clients(scene):
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
                      owner=client.setting.owner,
                      fix=_fix(ctx, client.setting.span, (container.workload, mine), (dind.workload, theirs)))


def _fix(ctx, at, *sides) -> Fix | None:
    """One side joins exactly one user-defined network (one ``networks_advanced`` block), the other none and sets no
    ``network_mode``: the same ``networks_advanced`` block on the other side, in the finding's file."""
    (joined, found), (bare, none) = sorted(sides, key=lambda side: not side[1])
    if len(found) != 1 or none or len(joined.networks) != 1 or joined.networks_open or bare.networks_open:
        return None
    if joined.kind != "docker_container" or bare.kind != "docker_container":
        return None
    block = getattr(bare.resource, "block", None)
    if not isinstance(block, Block) or block.span.path != at.path or block.attr("network_mode") is not None:
        return None
    if block.has_block("networks_advanced"):
        return None
    own = getattr(joined.resource, "block", None)
    written_blocks = [b for b in own.blocks if b.type == "networks_advanced"] if isinstance(own, Block) else []
    name = written_blocks[0].attr("name") if len(written_blocks) == 1 else None
    if name is None:
        return None  # copy the expression as written (a variable stays a variable), not its evaluated value
    written = edits.source(ctx, name.span.path)
    if written is None:
        return None
    start, end = written.range(name.span)
    expression = written.text[start:end]
    if "\n" in expression:
        return None
    text = edits.source(ctx, at.path)
    step = edits.indent_step(text, block) if text is not None else "  "
    edit = edits.insert_child_block(text, block, f"networks_advanced {{\n{step}name = {expression}\n}}")
    return safe(f"Attach `{bare.address}` to the network", edit) if edit is not None else None
