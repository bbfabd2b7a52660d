"""One Workload / Container model for every way a template can run a container.

Built from ``docker_container``; from the hashicorp/kubernetes pod-spec
resources (``kubernetes_pod``, ``_deployment``, ``_stateful_set``,
``_daemonset`` / ``_daemon_set_v1``, ``_job``, ``_cron_job``, their ``_v1``
twins, and ``kubernetes_manifest``); and from YAML Pod, Deployment,
StatefulSet, DaemonSet, ReplicaSet, Job and CronJob manifests.  A rule is written
once against this model.

The key table below is the one place that knows the Terraform provider's names
(``run_as_user``, blocks) and the Kubernetes API's (``runAsUser``, mappings).
Values are evaluated ``Node``s: a rule reads ``.value`` and finds a literal or
an ``Unknown``; ``.where`` is the exact attribute to point at.
"""

from __future__ import annotations

from .expression import Expr, references_in
from .manifest_shape import terraform_manifest
from .node import Block, Node, Reference, Span, Unknown
from .record import Record

# canonical name -> (Terraform provider name, Kubernetes API name)
KEYS = {
    # pod spec
    "containers": ("container", "containers"),
    "init_containers": ("init_container", "initContainers"),
    "runtime_class_name": ("runtime_class_name", "runtimeClassName"),
    "host_network": ("host_network", "hostNetwork"),
    "host_pid": ("host_pid", "hostPID"),
    "host_ipc": ("host_ipc", "hostIPC"),
    "host_users": (None, "hostUsers"),  # not in the Terraform provider: github.com/hashicorp/terraform-provider-kubernetes/issues/2818
    "share_process_namespace": ("share_process_namespace", "shareProcessNamespace"),
    "node_selector": ("node_selector", "nodeSelector"),
    "security_context": ("security_context", "securityContext"),
    "volumes": ("volume", "volumes"),
    "image_pull_secrets": ("image_pull_secrets", "imagePullSecrets"),
    "affinity": ("affinity", "affinity"),
    # container
    "name": ("name", "name"),
    "image": ("image", "image"),
    "command": ("command", "command"),
    "args": ("args", "args"),
    "env": ("env", "env"),
    "env_from": ("env_from", "envFrom"),
    "value": ("value", "value"),
    "value_from": ("value_from", "valueFrom"),
    "secret_key_ref": ("secret_key_ref", "secretKeyRef"),
    "resource_field_ref": ("resource_field_ref", "resourceFieldRef"),
    "key": ("key", "key"),
    "resource": ("resource", "resource"),
    "divisor": ("divisor", "divisor"),
    "volume_mounts": ("volume_mount", "volumeMounts"),
    "mount_path": ("mount_path", "mountPath"),
    "sub_path": ("sub_path", "subPath"),
    "read_only": ("read_only", "readOnly"),
    "resources": ("resources", "resources"),
    "limits": ("limits", "limits"),
    "requests": ("requests", "requests"),
    # security context
    "privileged": ("privileged", "privileged"),
    "run_as_user": ("run_as_user", "runAsUser"),
    "run_as_non_root": ("run_as_non_root", "runAsNonRoot"),
    "fs_group": ("fs_group", "fsGroup"),
    "allow_privilege_escalation": ("allow_privilege_escalation", "allowPrivilegeEscalation"),
    "capabilities": ("capabilities", "capabilities"),
    "add": ("add", "add"),
    "app_armor_profile": (None, "appArmorProfile"),  # not in the Terraform provider (its kubernetes/schema_container.go)
    "type": ("type", "type"),
    # metadata
    "metadata": ("metadata", "metadata"),
    "annotations": ("annotations", "annotations"),
    "labels": ("labels", "labels"),
    "namespace": ("namespace", "namespace"),
    "spec": ("spec", "spec"),
    "template": ("template", "template"),
    "job_template": ("job_template", "jobTemplate"),
    # volumes
    "host_path": ("host_path", "hostPath"),
    "path": ("path", "path"),
    "empty_dir": ("empty_dir", "emptyDir"),
    "persistent_volume_claim": ("persistent_volume_claim", "persistentVolumeClaim"),
    "claim_name": ("claim_name", "claimName"),
    "config_map": ("config_map", "configMap"),
    "secret": ("secret", "secret"),
}

#: canonical names the Docker provider spells differently (docker_container is one container, no pod)
_DOCKER_KEYS = {"runtime_class_name": "runtime", "run_as_user": "user"}

#: Terraform pod-spec resource types -> how many template levels lead to the pod spec.
TERRAFORM_POD_TYPES = {
    "kubernetes_pod": (),
    "kubernetes_pod_v1": (),
    "kubernetes_deployment": ("template",),
    "kubernetes_deployment_v1": ("template",),
    "kubernetes_stateful_set": ("template",),
    "kubernetes_stateful_set_v1": ("template",),
    "kubernetes_daemonset": ("template",),
    "kubernetes_daemon_set_v1": ("template",),
    "kubernetes_replication_controller": ("template",),
    "kubernetes_replication_controller_v1": ("template",),
    "kubernetes_job": ("template",),
    "kubernetes_job_v1": ("template",),
    "kubernetes_cron_job": ("job_template", "spec", "template"),
    "kubernetes_cron_job_v1": ("job_template", "spec", "template"),
}
#: YAML kinds -> path from the document's spec to the pod template.
YAML_POD_KINDS = {
    "Pod": (),
    "Deployment": ("template",),
    "StatefulSet": ("template",),
    "DaemonSet": ("template",),
    "ReplicaSet": ("template",),
    "ReplicationController": ("template",),
    "Job": ("template",),
    "CronJob": ("job_template", "spec", "template"),
}
VOLUME_KINDS = ("host_path", "empty_dir", "persistent_volume_claim", "config_map", "secret")

# ----------------------------------------------------------------------------------------------
# The model
# ----------------------------------------------------------------------------------------------


class Env(Record):
    """One environment variable of a container."""

    _fields = ("name", "value", "value_from", "span")

    name: str | None  # None when the name itself is unknown
    value: Node | None  # the value node (points at the exact attribute / list item)
    value_from: object | None  # a secret / field reference (a Block or a mapping Node)
    span: Span  # the whole entry

    def __init__(self, name: str | None, value: Node | None, value_from: object | None, span: Span):
        self.name = name
        self.value = value
        self.value_from = value_from
        self.span = span


class Volume(Record):
    """A pod volume (Kubernetes) or a Docker volume / bind source."""

    _fields = ("name", "kind", "source", "span")

    name: str | None
    kind: str  # host_path, empty_dir, persistent_volume_claim, config_map, secret, docker_volume, bind, other
    source: Node | None  # host path, claim name, ConfigMap name or Docker volume name
    span: Span

    def __init__(self, name: str | None, kind: str, source: Node | None, span: Span):
        self.name = name
        self.kind = kind
        self.source = source
        self.span = span


class Mount(Record):
    """A path inside a container and what backs it."""

    _fields = ("path", "volume", "sub_path", "read_only", "span")

    path: Node | None  # the container path (mount_path / container_path / target)
    volume: Volume | None
    sub_path: Node | None
    read_only: Node | None
    span: Span

    def __init__(self, path: Node | None, volume: Volume | None, sub_path: Node | None, read_only: Node | None,
                 span: Span):
        self.path = path
        self.volume = volume
        self.sub_path = sub_path
        self.read_only = read_only
        self.span = span


class Container(Record):
    """A container of a workload, Docker or Kubernetes, as the checks read it."""

    _fields = ("name", "image", "entrypoint", "args", "env", "env_open", "privileged", "run_as_user",
               "run_as_non_root", "capabilities_add", "mounts", "limits", "requests", "span", "init", "workload",
               "source", "mounts_open", "app_armor_profile")
    _shown = ("name", "image", "entrypoint", "args", "env", "env_open", "privileged", "run_as_user",
              "run_as_non_root", "capabilities_add", "mounts", "limits", "requests", "span", "init", "mounts_open",
              "app_armor_profile")

    name: Node | None
    image: Node | None
    #: What overrides the image ENTRYPOINT: Docker ``entrypoint``, Kubernetes ``command``.
    entrypoint: Node | None
    #: What overrides the image CMD: Docker ``command``, Kubernetes ``args``.
    args: Node | None
    env: list[Env]
    #: True when more env may exist than the tool can see (env_from, dynamic env, an unknown env list).
    env_open: bool
    privileged: Node | None
    run_as_user: Node | None  # container level only; see Workload.effective_run_as_user
    run_as_non_root: Node | None
    capabilities_add: Node | None
    mounts: list[Mount]
    limits: Node | None
    requests: Node | None
    span: Span  # the container block / mapping (head line)
    init: bool
    workload: Workload | None
    #: The Terraform block or YAML mapping the container was read from.
    source: object
    #: True when more mounts may exist than the tool can see (a dynamic volumes / mounts / volume_mount block,
    #: an unknown volumeMounts list): rules about a missing mount stay silent.
    mounts_open: bool
    #: securityContext.appArmorProfile (Kubernetes API spelling only).
    app_armor_profile: Node | None

    def __init__(self, name: Node | None, image: Node | None, entrypoint: Node | None, args: Node | None,
                 env: list[Env], env_open: bool, privileged: Node | None, run_as_user: Node | None,
                 run_as_non_root: Node | None, capabilities_add: Node | None, mounts: list[Mount],
                 limits: Node | None, requests: Node | None, span: Span, init: bool = False,
                 workload: Workload | None = None, source: object = None, mounts_open: bool = False,
                 app_armor_profile: Node | None = None):
        self.name = name
        self.image = image
        self.entrypoint = entrypoint
        self.args = args
        self.env = env
        self.env_open = env_open
        self.privileged = privileged
        self.run_as_user = run_as_user
        self.run_as_non_root = run_as_non_root
        self.capabilities_add = capabilities_add
        self.mounts = mounts
        self.limits = limits
        self.requests = requests
        self.span = span
        self.init = init
        self.workload = workload
        self.source = source
        self.mounts_open = mounts_open
        self.app_armor_profile = app_armor_profile

    @property
    def display_name(self) -> str:
        if self.name is not None and isinstance(self.name.value, str):
            return self.name.value
        return self.workload.address if self.workload else "container"

    def env_named(self, name: str) -> Env | None:
        for env in self.env:
            if env.name == name:
                return env
        return None

    def argv(self) -> list[Node]:
        """The process the container starts, as far as the template says: entrypoint then args."""
        return list(_items(self.entrypoint)) + list(_items(self.args))

    def references(self) -> list[Reference]:
        """References made by the command line and the env values (where agent scripts and tokens come in)."""
        found: list[Reference] = []
        for node in (self.entrypoint, self.args):
            found.extend(references_in(node))
        for env in self.env:
            found.extend(references_in(env.value))
        return found

    def agent_scripts(self) -> list[Reference]:
        """``coder_agent.X.init_script`` references in the command line or env values."""
        return [r for r in self.references() if r.parts[0] == "coder_agent" and r.attribute == ("init_script",)]

    def value_from(self, env: Env, ref: str, name: str) -> Node | None:
        """A field of an env entry's ``value_from`` reference: ``value_from("secret_key_ref", "key")``."""
        if env.value_from is None:
            return None
        if isinstance(env.value_from, Block):
            obj = _Obj("terraform", block=env.value_from, module=self.workload.module if self.workload else None)
        else:
            obj = _Obj("kubernetes", node=env.value_from)
        section = obj.obj(ref)
        return section.field(name) if section is not None else None

    def summary(self) -> dict:
        """Plain values of the container, for comparing spellings in tests."""
        return {
            "name": _plain(self.name),
            "image": _plain(self.image),
            "entrypoint": _plain(self.entrypoint),
            "args": _plain(self.args),
            "env": {e.name: _plain(e.value) for e in self.env},
            "privileged": _plain(self.privileged),
            "run_as_user": _plain(self.run_as_user),
            "run_as_non_root": _plain(self.run_as_non_root),
            "capabilities_add": _plain(self.capabilities_add),
            "mounts": [
                (_plain(m.path), m.volume.kind if m.volume else None, _plain(m.volume.source) if m.volume else None,
                 _plain(m.sub_path), _plain(m.read_only))
                for m in self.mounts
            ],
            "limits": _plain(self.limits),
            "requests": _plain(self.requests),
            "init": self.init,
        }


class Workload(Record):
    """Something that runs containers: a Docker container, a pod or a pod template."""

    _fields = ("kind", "address", "origin", "path", "span", "containers", "init_containers", "spec_span", "runtime",
               "host_network", "host_pid", "host_ipc", "host_users", "share_process_namespace", "node_selector",
               "run_as_user", "run_as_non_root", "fs_group", "annotations", "labels", "metadata_name", "namespace",
               "volumes", "image_pull_secrets", "network_mode", "pid_mode", "ipc_mode", "userns_mode", "hostname",
               "networks", "aliases", "networks_open", "possible_networks", "count", "for_each", "module",
               "resource", "document", "object_annotations", "app_armor_profile", "affinity")
    _shown = ("kind", "address", "origin", "path", "span", "containers", "init_containers", "spec_span", "runtime",
              "host_network", "host_pid", "host_ipc", "host_users", "share_process_namespace", "node_selector",
              "run_as_user", "run_as_non_root", "fs_group", "annotations", "labels", "metadata_name", "namespace",
              "volumes", "image_pull_secrets", "network_mode", "pid_mode", "ipc_mode", "userns_mode", "hostname",
              "networks", "aliases", "networks_open", "possible_networks", "count", "for_each", "object_annotations",
              "app_armor_profile", "affinity")

    kind: str  # the resource type (docker_container, kubernetes_pod, ...) or the YAML kind
    address: str  # docker_container.dind / kubernetes_pod.main / Deployment/ns/name
    origin: str  # "terraform" or "kubernetes"
    path: str
    span: Span  # the resource head / the document's kind line
    containers: list[Container]
    init_containers: list[Container]
    #: where a "pod spec lacks X" finding points: the spec block / mapping key
    spec_span: Span | None
    # pod level (Kubernetes); for Docker, runtime and the *_mode attributes
    runtime: Node | None  # Docker runtime / runtimeClassName
    host_network: Node | None
    host_pid: Node | None
    host_ipc: Node | None
    host_users: Node | None
    share_process_namespace: Node | None
    node_selector: Node | None
    run_as_user: Node | None
    run_as_non_root: Node | None
    fs_group: Node | None
    annotations: Node | None  # pod (template) metadata annotations
    labels: Node | None
    metadata_name: Node | None  # the object's own metadata.name
    namespace: Node | None
    volumes: dict[str, Volume]
    image_pull_secrets: Node | None
    # Docker provider
    network_mode: Node | None
    pid_mode: Node | None
    ipc_mode: Node | None
    userns_mode: Node | None
    hostname: Node | None
    networks: list[Node]  # networks_advanced.name
    aliases: list[Node]  # networks_advanced.aliases entries
    networks_open: bool  # a dynamic networks_advanced block may add networks the tool cannot list
    #: networks_advanced.name on every branch a dynamic block's conditional for_each may take (None: unknown)
    possible_networks: list[Node] | None
    # Terraform meta
    count: Node | None
    for_each: Node | None
    module: object  # Module
    resource: object  # Resource
    document: Node | None  # YAML document root
    #: The object's own metadata.annotations: for a Deployment / StatefulSet ... not the pod's
    #: (``annotations``), so a rule can tell a pod annotation put one level too high (and where
    #: the annotation form of suppressions is read, with the pod's).  None for Docker.
    object_annotations: Node | None
    #: pod-level securityContext.appArmorProfile (Kubernetes API spelling only)
    app_armor_profile: Node | None
    #: the pod spec's affinity key, when there is one (a node affinity may select nodes like a nodeSelector)
    affinity: Span | None

    def __init__(self, kind: str, address: str, origin: str, path: str, span: Span,
                 containers: list[Container] | None = None, init_containers: list[Container] | None = None,
                 spec_span: Span | None = None, runtime: Node | None = None, host_network: Node | None = None,
                 host_pid: Node | None = None, host_ipc: Node | None = None, host_users: Node | None = None,
                 share_process_namespace: Node | None = None, node_selector: Node | None = None,
                 run_as_user: Node | None = None, run_as_non_root: Node | None = None, fs_group: Node | None = None,
                 annotations: Node | None = None, labels: Node | None = None, metadata_name: Node | None = None,
                 namespace: Node | None = None, volumes: dict[str, Volume] | None = None,
                 image_pull_secrets: Node | None = None, network_mode: Node | None = None,
                 pid_mode: Node | None = None, ipc_mode: Node | None = None, userns_mode: Node | None = None,
                 hostname: Node | None = None, networks: list[Node] | None = None, aliases: list[Node] | None = None,
                 networks_open: bool = False, possible_networks: list[Node] | None = None, count: Node | None = None,
                 for_each: Node | None = None, module: object = None, resource: object = None,
                 document: Node | None = None, object_annotations: Node | None = None,
                 app_armor_profile: Node | None = None, affinity: Span | None = None):
        self.kind = kind
        self.address = address
        self.origin = origin
        self.path = path
        self.span = span
        self.containers = [] if containers is None else containers
        self.init_containers = [] if init_containers is None else init_containers
        self.spec_span = spec_span
        self.runtime = runtime
        self.host_network = host_network
        self.host_pid = host_pid
        self.host_ipc = host_ipc
        self.host_users = host_users
        self.share_process_namespace = share_process_namespace
        self.node_selector = node_selector
        self.run_as_user = run_as_user
        self.run_as_non_root = run_as_non_root
        self.fs_group = fs_group
        self.annotations = annotations
        self.labels = labels
        self.metadata_name = metadata_name
        self.namespace = namespace
        self.volumes = {} if volumes is None else volumes
        self.image_pull_secrets = image_pull_secrets
        self.network_mode = network_mode
        self.pid_mode = pid_mode
        self.ipc_mode = ipc_mode
        self.userns_mode = userns_mode
        self.hostname = hostname
        self.networks = [] if networks is None else networks
        self.aliases = [] if aliases is None else aliases
        self.networks_open = networks_open
        self.possible_networks = possible_networks
        self.count = count
        self.for_each = for_each
        self.module = module
        self.resource = resource
        self.document = document
        self.object_annotations = object_annotations
        self.app_armor_profile = app_armor_profile
        self.affinity = affinity

    @property
    def owner(self) -> Span:
        """The first line of the resource / manifest object: a suppression there covers its findings."""
        if self.origin == "kubernetes" and self.document is not None:
            return self.document.span
        return self.span

    @property
    def api_names(self) -> bool:
        """True when the workload is written with Kubernetes API names (YAML, kubernetes_manifest)."""
        return self.document is not None

    def spell(self, canonical: str, value=None) -> str:
        """How the user writes a setting here: ``runtime_class_name = "x"``, ``runtimeClassName: x``, ``runtime = "x"``."""
        if self.kind == "docker_container":
            key = _DOCKER_KEYS.get(canonical, canonical)
            if key == "user" and value is not None:
                value = str(value)  # the Docker provider's `user` is a string ("uid[:gid]")
        else:
            key = KEYS[canonical][1 if self.api_names else 0] or KEYS[canonical][1]
        if value is None:
            return key
        if self.origin == "kubernetes":
            return f"{key}: {_yaml_scalar(value)}"
        return f"{key} = {_hcl_scalar(value)}"

    def all_containers(self) -> list[Container]:
        return self.init_containers + self.containers

    def effective_run_as_user(self, container: Container) -> Node | None:
        """Container-level run_as_user overrides the pod level (the provider's schema text, as in the Kubernetes API)."""
        return container.run_as_user if container.run_as_user is not None else self.run_as_user

    def effective_run_as_non_root(self, container: Container) -> Node | None:
        return container.run_as_non_root if container.run_as_non_root is not None else self.run_as_non_root

    def annotation(self, key: str) -> Node | None:
        if self.annotations is not None and isinstance(self.annotations.value, dict):
            return self.annotations.value.get(key)
        return None

    @property
    def annotations_open(self) -> bool:
        """True when annotations exist but cannot be read (a merge(), a variable...)."""
        return self.annotations is not None and not isinstance(self.annotations.value, dict)


def _hcl_scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace('"', '\\"') + '"'


def _yaml_scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def truthy(node: Node | None) -> bool:
    """A known true value (Terraform converts "true" to true for bool attributes)."""
    if node is None:
        return False
    value = node.value
    return value is True or value == "true"


def falsy(node: Node | None) -> bool:
    if node is None:
        return False
    value = node.value
    return value is False or value == "false"


def _plain(node: Node | None):
    return node.plain() if node is not None else None


def _items(node: Node | None) -> list[Node]:
    if node is None:
        return []
    if isinstance(node.value, list):
        return node.value
    return [node]


# ----------------------------------------------------------------------------------------------
# Reading Terraform blocks and YAML mappings through one interface
# ----------------------------------------------------------------------------------------------


class _Obj:
    """A Terraform block (read through a Module) or a YAML mapping, addressed by canonical keys."""

    def __init__(self, origin: str, block: Block | None = None, node: Node | None = None, module=None):
        self.origin = origin
        self.block = block
        self.node = node
        self.module = module

    @property
    def span(self) -> Span:
        if self.block is not None:
            return self.block.head
        return self.node.where

    def _key(self, canonical: str) -> str | None:
        tf, k8s = KEYS[canonical]
        return tf if self.origin == "terraform" else k8s

    def field(self, canonical: str) -> Node | None:
        key = self._key(canonical)
        if key is None:
            return None
        if self.block is not None:
            node = self.block.attr(key)
            return self.module.evaluate(node) if (node is not None and self.module is not None) else node
        value = self.node.value
        return value.get(key) if isinstance(value, dict) else None

    def obj(self, canonical: str) -> _Obj | None:
        objs = self.objs(canonical)
        return objs[0] if objs else None

    def objs(self, canonical: str) -> list[_Obj]:
        key = self._key(canonical)
        if key is None:
            return []
        if self.block is not None:
            blocks = self.module.expand(self.block, key)[0] if self.module is not None else self.block.blocks_of(key)
            found = [_Obj(self.origin, block=b, module=self.module) for b in blocks]
            if not found:
                # some Terraform attributes are objects (`security_context = {...}` in kubernetes_manifest style)
                node = self.field(canonical)
                if node is not None and isinstance(node.value, dict):
                    return [_Obj(self.origin, node=node)]
            return found
        value = self.node.value
        child = value.get(key) if isinstance(value, dict) else None
        if child is None:
            return []
        if isinstance(child.value, list):
            return [_Obj(self.origin, node=item) for item in child.value if isinstance(item.value, dict)]
        if isinstance(child.value, dict):
            return [_Obj(self.origin, node=child)]
        return []

    def is_open(self, canonical: str) -> bool:
        """True when entries of this key may exist that the tool cannot list (dynamic blocks, unknown lists)."""
        key = self._key(canonical)
        if key is None:
            return False
        if self.block is not None:
            dynamic = self.module.expand(self.block, key)[1] if self.module is not None else bool(self.block.dynamic(key))
            return dynamic or (self.field(canonical) is not None and not isinstance(self.field(canonical).value, (list, dict)))
        child = self.node.value.get(key) if isinstance(self.node.value, dict) else None
        return child is not None and not isinstance(child.value, (list, dict))

    def key_span(self, canonical: str) -> Span | None:
        """The span of the key itself (for a present attribute or block)."""
        key = self._key(canonical)
        if self.block is not None:
            node = self.block.attr(key)
            if node is not None:
                return node.where
            block = self.block.block(key)
            return block.head if block is not None else None
        child = self.node.value.get(key) if isinstance(self.node.value, dict) else None
        return child.key if child is not None and child.key is not None else None


# ----------------------------------------------------------------------------------------------
# Builders
# ----------------------------------------------------------------------------------------------


def from_module(module) -> list[Workload]:
    """Every workload a Terraform module declares, in source order."""
    workloads: list[Workload] = []
    for resource in module.resources:
        if resource.mode != "managed":
            continue
        if resource.type == "docker_container":
            workloads.append(_docker_workload(resource, module))
        elif resource.type in TERRAFORM_POD_TYPES:
            workload = _terraform_pod_workload(resource, module)
            if workload is not None:
                workloads.append(workload)
        elif resource.type == "kubernetes_manifest":
            manifest = terraform_manifest(module, resource)
            if manifest is not None and isinstance(manifest.value, dict):
                workload = from_manifest(manifest, resource.path, address=resource.address)
                if workload is not None:
                    workload.origin = "terraform"
                    workload.module = module
                    workload.resource = resource
                    workload.span = resource.block.head
                    workload.count = resource.block.attr("count")
                    workloads.append(workload)
    return workloads


def _docker_workload(resource, module) -> Workload:
    block = resource.block
    ev = module.evaluate
    workload = Workload(
        kind=resource.type, address=resource.address, origin="terraform", path=resource.path,
        span=block.head, spec_span=block.head, module=module, resource=resource,
        runtime=ev(block.attr("runtime")), network_mode=ev(block.attr("network_mode")),
        pid_mode=ev(block.attr("pid_mode")), ipc_mode=ev(block.attr("ipc_mode")),
        userns_mode=ev(block.attr("userns_mode")), hostname=ev(block.attr("hostname")),
        count=block.attr("count"), for_each=block.attr("for_each"),
    )
    # dynamic blocks with a known for_each are expanded; an unknown one leaves the list open
    network_blocks, workload.networks_open = module.expand(block, "networks_advanced")
    for network in network_blocks:
        name = ev(network.attr("name"))
        if name is not None:
            workload.networks.append(name)
        aliases = ev(network.attr("aliases"))
        workload.aliases.extend(_items(aliases))
    possible = module.possible(block, "networks_advanced") if workload.networks_open else network_blocks
    if possible is not None:
        workload.possible_networks = [n for n in (ev(b.attr("name")) for b in possible) if n is not None]
    volume_blocks, volumes_open = module.expand(block, "volumes")
    mount_blocks, mount_blocks_open = module.expand(block, "mounts")
    mounts_open = volumes_open or mount_blocks_open

    env_node = ev(block.attr("env"))
    env: list[Env] = []
    env_open = bool(block.dynamic("env"))
    if env_node is not None:
        if isinstance(env_node.value, list):
            for item in env_node.value:
                env.append(docker_env(item))
        else:
            env_open = True
    mounts: list[Mount] = []
    for volume in volume_blocks:
        host = ev(volume.attr("host_path"))
        name = ev(volume.attr("volume_name"))
        if host is not None:
            backing = Volume(None, "bind", host, volume.head)
        elif name is not None:
            backing = Volume(None, "docker_volume", name, volume.head)
        else:
            backing = None
        mounts.append(Mount(ev(volume.attr("container_path")), backing, None, ev(volume.attr("read_only")), volume.head))
    for mount in mount_blocks:
        kind = ev(mount.attr("type"))
        source = ev(mount.attr("source"))
        kind_value = kind.value if kind is not None else None
        if kind_value == "bind":
            backing = Volume(None, "bind", source, mount.head)
        elif kind_value == "volume":
            backing = Volume(None, "docker_volume", source, mount.head)
        else:
            backing = Volume(None, str(kind_value) if isinstance(kind_value, str) else "other", source, mount.head)
        sub_path = None
        for options in mount.blocks_of("volume_options"):
            sub_path = ev(options.attr("subpath")) or sub_path
        mounts.append(Mount(ev(mount.attr("target")), backing, sub_path, ev(mount.attr("read_only")), mount.head))
    capability_blocks, _ = module.expand(block, "capabilities")
    capabilities = capability_blocks[0] if capability_blocks else None
    user = ev(block.attr("user"))
    container = Container(
        name=ev(block.attr("name")), image=ev(block.attr("image")),
        entrypoint=ev(block.attr("entrypoint")), args=ev(block.attr("command")),
        env=env, env_open=env_open, privileged=ev(block.attr("privileged")),
        run_as_user=_docker_uid(user), run_as_non_root=None,
        capabilities_add=ev(capabilities.attr("add")) if capabilities is not None else None,
        mounts=mounts, limits=None, requests=None, span=block.head, source=block, mounts_open=mounts_open,
    )
    container.workload = workload
    workload.containers.append(container)
    return workload


def docker_env(item: Node) -> Env:
    """A Docker ``env`` list entry: ``"NAME=value"``, possibly a template."""
    value = item.value
    if isinstance(value, str):
        name, sep, rest = value.partition("=")
        return Env(name if sep else value, Node(rest, item.span, item.key, item.name) if sep else None, None, item.span)
    if isinstance(value, Unknown) and value.parts and isinstance(value.parts[0], str) and "=" in value.parts[0]:
        name, _, rest = value.parts[0].partition("=")
        parts = ((rest,) if rest else ()) + tuple(value.parts[1:])
        rest_text = value.text[value.text.find("=") + 1:].rstrip('"') if "=" in value.text else value.text
        return Env(name, Node(Unknown(rest_text, value.references, parts, value.expr), item.span), None, item.span)
    return Env(None, item, None, item.span)


def _docker_uid(user: Node | None) -> Node | None:
    """The uid part of Docker's ``user = "uid[:gid]"`` (names are kept as written)."""
    if user is None or not isinstance(user.value, str):
        return user
    uid = user.value.split(":", 1)[0]
    return Node(int(uid) if uid.isdigit() else uid, user.span, user.key, user.name)


def _terraform_pod_workload(resource, module) -> Workload | None:
    top = _Obj("terraform", block=resource.block, module=module)
    meta = top.obj("metadata")
    spec = top.obj("spec")
    if resource.type in ("kubernetes_pod", "kubernetes_pod_v1"):
        pod_meta, pod_spec = meta, spec
    else:
        node = spec
        for step in TERRAFORM_POD_TYPES[resource.type]:
            node = node.obj(step) if node is not None else None
        pod_meta = node.obj("metadata") if node is not None else None
        pod_spec = node.obj("spec") if node is not None else None
    workload = Workload(
        kind=resource.type, address=resource.address, origin="terraform", path=resource.path,
        span=resource.block.head, module=module, resource=resource,
        count=resource.block.attr("count"), for_each=resource.block.attr("for_each"),
    )
    _fill_pod(workload, meta, pod_meta, pod_spec, resource.block.head)
    return workload


def from_manifest(document: Node, path: str, address: str | None = None) -> Workload | None:
    """A workload from a Kubernetes object (a YAML document or a kubernetes_manifest value); None if not one."""
    if not isinstance(document.value, dict):
        return None
    kind_node = document.value.get("kind")
    kind = kind_node.value if kind_node is not None else None
    if not isinstance(kind, str) or kind not in YAML_POD_KINDS:  # `kind: {a: b}` must not crash the lookup
        return None
    top = _Obj("kubernetes", node=document)
    meta = top.obj("metadata")
    spec = top.obj("spec")
    node = spec
    for step in YAML_POD_KINDS[kind]:
        node = node.obj(step) if node is not None else None
    if kind == "Pod":
        pod_meta, pod_spec = meta, spec
    else:
        pod_meta = node.obj("metadata") if node is not None else None
        pod_spec = node.obj("spec") if node is not None else None
    if address is None:
        name = meta.field("name") if meta is not None else None
        namespace = meta.field("namespace") if meta is not None else None
        address = "/".join(
            [str(kind)]
            + ([str(namespace.value)] if namespace is not None and isinstance(namespace.value, str) else [])
            + [str(name.value) if name is not None and isinstance(name.value, (str, int)) else "?"]
        )
    workload = Workload(kind=str(kind), address=address, origin="kubernetes", path=path,
                        span=kind_node.where, document=document)
    _fill_pod(workload, meta, pod_meta, pod_spec, kind_node.where)
    return workload


def _fill_pod(workload: Workload, meta: _Obj | None, pod_meta: _Obj | None, pod_spec: _Obj | None, fallback: Span) -> None:
    if meta is not None:
        workload.metadata_name = meta.field("name")
        workload.namespace = meta.field("namespace")
        workload.object_annotations = meta.field("annotations")
    if pod_meta is not None:
        workload.annotations = pod_meta.field("annotations")
        workload.labels = pod_meta.field("labels")
    if pod_spec is None:
        workload.spec_span = fallback
        return
    workload.spec_span = pod_spec.span
    for name in ("host_network", "host_pid", "host_ipc", "host_users", "share_process_namespace", "node_selector"):
        setattr(workload, name, pod_spec.field(name))
    workload.runtime = pod_spec.field("runtime_class_name")
    workload.image_pull_secrets = pod_spec.field("image_pull_secrets")
    workload.affinity = pod_spec.key_span("affinity")
    if workload.image_pull_secrets is None and pod_spec.block is not None and pod_spec.block.blocks_of("image_pull_secrets"):
        blocks = pod_spec.block.blocks_of("image_pull_secrets")
        workload.image_pull_secrets = Node(
            [Node({"name": b.attr("name")} if b.attr("name") is not None else {}, b.head) for b in blocks], blocks[0].head)
    security = pod_spec.obj("security_context")
    if security is not None:
        workload.run_as_user = security.field("run_as_user")
        workload.run_as_non_root = security.field("run_as_non_root")
        workload.fs_group = security.field("fs_group")
        workload.app_armor_profile = security.field("app_armor_profile")
    for volume in pod_spec.objs("volumes"):
        parsed = _volume(volume)
        if parsed.name is not None:
            workload.volumes.setdefault(parsed.name, parsed)
    for canonical, init in (("init_containers", True), ("containers", False)):
        for obj in pod_spec.objs(canonical):
            container = _container(obj, workload, init)
            (workload.init_containers if init else workload.containers).append(container)


def _volume(obj: _Obj) -> Volume:
    name_node = obj.field("name")
    name = name_node.value if name_node is not None and isinstance(name_node.value, str) else None
    for kind in VOLUME_KINDS:
        sub = obj.obj(kind)
        if sub is None:
            if obj.key_span(kind) is not None:  # `emptyDir: {}` / `empty_dir {}`
                return Volume(name, kind, None, obj.span)
            continue
        if kind == "host_path":
            return Volume(name, kind, sub.field("path"), obj.span)
        if kind == "persistent_volume_claim":
            return Volume(name, kind, sub.field("claim_name"), obj.span)
        if kind == "config_map":
            return Volume(name, kind, sub.field("name"), obj.span)
        return Volume(name, kind, None, obj.span)
    return Volume(name, "other", None, obj.span)


def _container(obj: _Obj, workload: Workload, init: bool) -> Container:
    env: list[Env] = []
    for entry in obj.objs("env"):
        name_node = entry.field("name")
        name = name_node.value if name_node is not None and isinstance(name_node.value, str) else None
        value_from = entry.obj("value_from")
        env.append(Env(name, entry.field("value"), value_from.block or value_from.node if value_from else None, entry.span))
    env_open = obj.is_open("env") or bool(obj.objs("env_from")) or obj.key_span("env_from") is not None
    security = obj.obj("security_context")
    capabilities = security.obj("capabilities") if security is not None else None
    resources = obj.obj("resources")
    mounts: list[Mount] = []
    for mount in obj.objs("volume_mounts"):
        name_node = mount.field("name")
        name = name_node.value if name_node is not None and isinstance(name_node.value, str) else None
        mounts.append(Mount(mount.field("mount_path"), workload.volumes.get(name) if name else None,
                            mount.field("sub_path"), mount.field("read_only"), mount.span))
    container = Container(
        name=obj.field("name"), image=obj.field("image"),
        entrypoint=obj.field("command"), args=obj.field("args"),
        env=env, env_open=env_open,
        privileged=security.field("privileged") if security is not None else None,
        run_as_user=security.field("run_as_user") if security is not None else None,
        run_as_non_root=security.field("run_as_non_root") if security is not None else None,
        capabilities_add=capabilities.field("add") if capabilities is not None else None,
        mounts=mounts,
        limits=resources.field("limits") if resources is not None else None,
        requests=resources.field("requests") if resources is not None else None,
        span=obj.span, init=init, workload=workload, source=obj.block if obj.block is not None else obj.node,
        mounts_open=obj.is_open("volume_mounts"),
        app_armor_profile=security.field("app_armor_profile") if security is not None else None,
    )
    return container


__all__ = [
    "Container", "Env", "Mount", "Volume", "Workload", "from_manifest", "from_module", "truthy", "falsy",
    "KEYS", "TERRAFORM_POD_TYPES", "YAML_POD_KINDS", "Expr",
]
