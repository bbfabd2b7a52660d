"""TDL413 remote-docker-plaintext: DOCKER_HOST sends the Docker API in plain TCP to a daemon outside the template."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit
from ...model import roles
from .helpers import scenes, workspace_clients

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL413: DOCKER_HOST points at a daemon outside the template over plain TCP."""
    for unit, scene in scenes(ctx):
        if not roles.is_coder_workspace(ctx, unit):
            continue  # "every workspace of the template shares it": only said of a Coder template
        for client in workspace_clients(scene):
            address = client.address
            route = scene.route(client)
            if route is None or route.local or route.named is not None or address.loopback is not False:
                continue
            if any(d.container is not client.container for d in scene.daemons if d.container is not None):
                continue  # the template has its own daemon: TDL404 compares them
            if client.tls is not False:
                continue
            setting = client.setting
            yield Hit(setting.span, "`DOCKER_HOST` sends the Docker API in plain text to a daemon every workspace "
                      "shares", hint="use TLS (`DOCKER_TLS_VERIFY=1`, `DOCKER_CERT_PATH`), or give each workspace its "
                      f"own Docker (Sysbox, envbox, rootless Podman): whoever reaches `{address}` is root on its host",
                      subject=setting.subject, attribute="DOCKER_HOST", owner=setting.owner)
