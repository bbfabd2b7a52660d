"""TDL402 dockerd-unauthenticated-tcp: A Docker daemon listening on TCP without --tlsverify (error on a reachable
address, note on loopback)."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Severity
from .helpers import scenes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


def check(ctx: Context) -> Iterator[Hit]:
    """TDL402: dockerd listens on TCP without ``--tlsverify`` (error; loopback: note)."""
    for _, scene in scenes(ctx):
        for daemon in scene.daemons:
            if daemon.tls is not False:
                continue
            for listener in daemon.tcp:
                loopback = listener.address.loopback
                if loopback is None:
                    continue
                address = listener.address
                if listener.implicit and daemon.plain_by is not None:
                    span, cause = daemon.plain_by
                    what = f"`{cause}` makes docker:dind listen on `{address}` without TLS"
                    fix = "remove it: the entrypoint then serves TLS on 2376 and writes client certificates"
                else:
                    span = listener.span
                    what = f"The Docker daemon listens on `{address}` without `--tlsverify`"
                    fix = ("keep the image's entrypoint (TLS on 2376 with `DOCKER_TLS_CERTDIR`), or in a pod bind "
                           "`tcp://127.0.0.1:2375`")
                if loopback:
                    yield Hit(span, f"{what}: its network namespace gets root on the daemon",
                              hint="acceptable for a pod sidecar (on Kubernetes every container of the pod reaches it); "
                                   "a unix socket on a shared volume or TLS narrows it further",
                              subject=daemon.subject, owner=daemon.owner, attribute=daemon.attribute,
                              severity=Severity.NOTE)
                    continue
                yield Hit(span, f"{what}: an unauthenticated root API",
                          hint=f"{fix} (current Docker Engines also delay or refuse that start-up)",
                          subject=daemon.subject, owner=daemon.owner, attribute=daemon.attribute)
