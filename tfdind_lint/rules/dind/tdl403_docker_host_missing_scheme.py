"""TDL403 docker-host-missing-scheme: DOCKER_HOST without a scheme (such as localhost:2375), which Docker SDK clients
cannot parse."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...node import Span
from .helpers import scenes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL403: a DOCKER_HOST value without ``scheme://``."""
    for _, scene in scenes(ctx):
        seen: set[Span] = set()
        for client in scene.clients:
            setting = client.setting
            address = client.address
            if setting.span in seen or address is None or address.has_scheme:
                continue
            seen.add(setting.span)
            text = setting.text.strip()
            fixed = f"unix://{text}" if text.startswith("/") else f"tcp://{text}"
            yield Hit(setting.span, "`DOCKER_HOST` has no scheme: clients built on the Docker SDK fail to parse it",
                      hint=f"write `{fixed}` (the docker CLI assumes tcp; testcontainers and IDE plugins fail with "
                           "\"unable to parse docker host\")",
                      subject=setting.subject, attribute="DOCKER_HOST", owner=setting.owner,
                      fix=_fix(ctx, setting.span, setting.text))


def _fix(ctx, span, value: str | None) -> Fix | None:
    """DOCKER_HOST without a scheme: prepend ``tcp://`` (``unix://`` before a socket path)."""
    if not value or value != value.strip() or "://" in value:
        return None
    scheme = "unix://" if value.startswith("/") else "tcp://"
    edit = edits.prepend(edits.source(ctx, span.path), span, value, scheme)
    return safe(f"Prepend {scheme}", edit) if edit is not None else None
