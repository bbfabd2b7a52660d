"""TDL206 envbox-env-value-invalid: An envbox setting envbox ignores silently (not a Go integer or boolean) or that
breaks the inner container."""

from __future__ import annotations

from ... import edits
from ...context import Context
from ...finding import Hit
from ...fix import Fix, safe
from ...model.envbox_flags import parse_bool, parse_int
from ...model.roles import envbox_containers
from ...workload import Container, Env, Workload
from .helpers import env_text, env_unseen, envbox_hit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Docker refuses a memory limit below 6 MiB (moby: "Minimum memory limit allowed is 6MB"); 0 means unlimited.
MIN_MEMORY = 6 * 1024 * 1024


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL206: envbox values that envbox ignores silently (Go strconv) or that break the inner container."""
    for workload, container in envbox_containers(ctx, envbox_images):
        for env in container.env:
            if env.name in ("CODER_CPUS", "CODER_MEMORY"):
                yield from _integer(workload, container, env)
            elif env.name in ("CODER_ADD_FUSE", "CODER_ADD_TUN", "CODER_ADD_GPU"):
                yield from _boolean(ctx, workload, container, env)


def _integer(workload: Workload, container: Container, env: Env) -> Iterator[Hit]:
    divisor = container.value_from(env, "resource_field_ref", "divisor")
    if divisor is not None:
        value = divisor.value
        if divisor.known and str(value).strip() not in ("1", ""):
            unit = "whole CPUs" if env.name == "CODER_CPUS" else "bytes"
            yield envbox_hit(container, divisor.where,
                       f"`{env.name}` takes the Downward API value with divisor `{value}`, but envbox reads {unit}",
                       "env", env.name, "divisor", hint="drop the divisor: the inner container gets a wrong limit")
        return
    text = env_text(env.value, workload)
    if not text:
        return
    number = parse_int(text)
    if number is None:
        yield envbox_hit(container, env.value.where,
                   f"`{env.name}` = `{text}` is not a base-10 integer, so envbox ignores it: the inner container gets "
                   f"no {'CPU' if env.name == 'CODER_CPUS' else 'memory'} limit", "env", env.name,
                   hint=f"write a whole number{' of bytes' if env.name == 'CODER_MEMORY' else ''} or take it from the "
                        f"Downward API (`resource_field_ref`, resource "
                        f"`limits.{'cpu' if env.name == 'CODER_CPUS' else 'memory'}`)")
    elif env.name == "CODER_MEMORY" and number != 0 and number < MIN_MEMORY:
        yield envbox_hit(container, env.value.where,
                   f"`CODER_MEMORY` = `{text}` is {number} bytes (not GB): Docker refuses a limit under 6 MiB",
                   "env", env.name,
                   hint="take it from the Downward API (`resource_field_ref`, resource `limits.memory`) or write the "
                        "number of bytes")


def _boolean(ctx: Context, workload: Workload, container: Container, env: Env) -> Iterator[Hit]:
    text = env_text(env.value, workload)
    if not text:
        return
    value = parse_bool(text)
    if value is None:
        yield envbox_hit(container, env.value.where,
                   f"`{env.name}` = `{text}` is not a boolean envbox reads, so it keeps the default, false",
                   "env", env.name,
                   hint="write `true` or `false` (Go strconv.ParseBool: 1, t, T, TRUE, true, True, 0, f, F, FALSE, "
                        "false, False)",
                   fix=_fix(ctx, env.value.span, text))
    elif value and env.name == "CODER_ADD_GPU":
        lib = container.env_named("CODER_USR_LIB_DIR")
        if lib is None and env_unseen(container):
            return
        if lib is None or (lib.value_from is None and env_text(lib.value, workload) == ""):
            yield envbox_hit(container, env.value.where,
                       "`CODER_ADD_GPU` is true without `CODER_USR_LIB_DIR`, so envbox stops at start-up",
                       "env", env.name,
                       hint="set `CODER_USR_LIB_DIR` to where the host's /usr/lib is mounted (envbox: \"when using "
                            "GPUs, CODER_USR_LIB_DIR must be specified\")")


_BOOLEAN_SPELLINGS = {"yes": "true", "y": "true", "on": "true", "enable": "true", "enabled": "true",
                      "no": "false", "n": "false", "off": "false", "disable": "false", "disabled": "false"}


def _fix(ctx, span, value: str | None) -> Fix | None:
    """An envbox boolean spelled another way (``yes``, ``on``): write ``true`` / ``false`` (not numbers: no fix)."""
    spelled = _BOOLEAN_SPELLINGS.get((value or "").strip().lower())
    if spelled is None:
        return None
    text = edits.source(ctx, span.path)
    edit = edits.replace_in(text, span, value, spelled)
    if edit is None:
        return None
    if not span.path.endswith((".tf", ".tf.json")):  # YAML: an unquoted `true` would be a boolean, not a string
        start, end = text.range(edit.span)
        if text.text[start - 1:start] not in ("'", '"'):
            edit = edits.replace(edit.span, f'"{spelled}"')
    return safe(f"Write {spelled}", edit)
