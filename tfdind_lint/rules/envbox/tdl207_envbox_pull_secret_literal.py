"""TDL207 envbox-pull-secret-literal: CODER_IMAGE_PULL_SECRET given as a value instead of a Kubernetes Secret's
.dockerconfigjson."""

from __future__ import annotations

from ...context import Context
from ...finding import Hit, Severity
from ...model.roles import envbox_containers
from ...workload import Workload
from .helpers import env_text, envbox_hit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

PULL_SECRET_KEY = ".dockerconfigjson"


def check(ctx: Context, *, envbox_images) -> Iterator[Hit]:
    """TDL207: CODER_IMAGE_PULL_SECRET given as a value instead of a Kubernetes Secret reference."""
    for workload, container in envbox_containers(ctx, envbox_images):
        env = container.env_named("CODER_IMAGE_PULL_SECRET")
        if env is None:
            continue
        docker = workload.kind == "docker_container"
        if env.value_from is None:
            if env.value is None or env_text(env.value, workload) == "":
                continue
            if docker:
                where = "Terraform state"
                fix = ("mount a Docker `config.json` into the container instead and point `CODER_DOCKER_CONFIG` at it "
                       "(there is no Kubernetes Secret to read it from)")
            else:
                where = "Terraform state and the pod spec" if workload.origin == "terraform" else "the manifest"
                fix = f"read it from a Secret: `{_secret_ref(workload)}`"
            yield envbox_hit(container, env.value.where,
                       f"`CODER_IMAGE_PULL_SECRET` is a literal: registry credentials in clear text in {where}",
                       "env", "CODER_IMAGE_PULL_SECRET", severity=Severity.NOTE if docker else None, hint=fix)
            continue
        key = container.value_from(env, "secret_key_ref", "key")
        if key is not None and isinstance(key.value, str) and key.value != PULL_SECRET_KEY:
            yield envbox_hit(container, key.where,
                       f"`CODER_IMAGE_PULL_SECRET` reads key `{key.value}`, not `{PULL_SECRET_KEY}`",
                       "env", "CODER_IMAGE_PULL_SECRET", "key", severity=Severity.NOTE,
                       hint=f"use key `{PULL_SECRET_KEY}`: envbox expects the document of a "
                            "`kubernetes.io/dockerconfigjson` Secret (what `kubectl create secret docker-registry` makes)")


def _secret_ref(workload: Workload) -> str:
    if workload.origin == "kubernetes":
        return "valueFrom: {secretKeyRef: {name: <secret>, key: .dockerconfigjson}}"
    if workload.api_names:  # kubernetes_manifest: API names in HCL
        return 'valueFrom = { secretKeyRef = { name = "<secret>", key = ".dockerconfigjson" } }'
    # a block written on one line holds one argument at most, so the two are named outside it
    return 'value_from { secret_key_ref { ... } }` with `name = "<secret>"` and `key = ".dockerconfigjson"'
