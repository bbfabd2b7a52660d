"""docker_access.py: how each fixture's workspace reaches Docker, and whether a folder is on the daemon's side."""

from __future__ import annotations

import pytest

from conftest import TESTS
from tfdind_lint.model.docker_access import Model, folder_on_daemon
from tfdind_lint.module import Module
from tfdind_lint.sources import kubernetes, terraform
from tfdind_lint.workload import from_manifest, from_module

POLICIES = TESTS / "policies"


def model_of(directory) -> Model:
    files = [terraform.parse_file(str(p), p.read_bytes()) for p in sorted(directory.glob("*.tf"))]
    module = Module.build(str(directory), files)
    return Model(from_module(module), module)


@pytest.mark.parametrize("fixture, agent, method, daemon", [
    ("TDL601/bad_kubernetes", "main", "none", None),
    ("TDL601/bad_docker_module", "main", "none", None),
    ("TDL601/bad_sysbox_idle", "main", "none", None),
    ("TDL601/sysbox_docker", "main", "sysbox", None),
    ("TDL601/dind_sidecar_shared_home", "main", "dind-sidecar", "dind"),
    ("TDL601/envbox", "main", "envbox", None),
    ("TDL601/privileged_coder_script", "main", "unknown", None),
    ("TDL601/privileged_startup_script", "main", "privileged", None),
    ("TDL601/host_socket", "main", "host-socket", None),
    ("TDL601/custom_image_file_scripts", "workspace", "unknown", None),
    ("TDL601/sysbox_image_entrypoint", "main", "unknown", None),
    ("TDL601/sysbox_dogfood_shape", "dev", "sysbox", None),
    ("TDL605/bad_seed_sidecar", "main", "dind-sidecar", "dind"),
    ("TDL605/bad_docker_sidecar", "main", "dind-sidecar", "docker_container.dind"),
    ("TDL605/bad_host_socket", "main", "host-socket", None),
    ("TDL605/bad_remote", "main", "remote", None),
    ("TDL601/privileged_script_unknown", "main", "unknown", None),
    ("TDL605/host_socket_identical_bind", "main", "host-socket", None),
])
def test_method(fixture, agent, method, daemon):
    model = model_of(POLICIES / fixture)
    access = model.access(model.agent_container(agent))
    assert access.method == method
    assert (access.daemon.display_name if access.daemon is not None else None) == daemon


def test_an_agent_no_container_runs_has_no_workspace_to_judge():
    assert model_of(POLICIES / "TDL601/vm_agent").agent_container("main") is None


@pytest.mark.parametrize("fixture, folder, on", [
    ("TDL601/dind_sidecar_shared_home", "/home/coder/project", True),
    ("TDL601/dind_sidecar_shared_home", "/srv/elsewhere", False),
    ("TDL605/bad_seed_sidecar", "/home/coder/project", False),
    ("TDL605/bad_workspace_only_mount", "/home/coder/project", False),
    ("TDL605/bad_workspace_only_mount", "/home/coder", False),
    ("TDL605/shared_volume_docker", "/home/coder/project", True),
    ("TDL605/bad_docker_sidecar", "/home/coder/project", False),
    ("TDL605/host_socket_same_path", "/srv/coder/project", True),
    ("TDL605/host_socket_same_path", "/home/coder/project", False),
    ("TDL605/bad_host_socket", "/home/coder/project", False),
    ("TDL605/host_socket_identical_bind", "/var/lib/coder/workspaces/project", None),
    ("TDL605/bad_remote", "/home/coder/project", False),
    ("TDL601/sysbox_docker", "/anywhere", True),
])
def test_folder_on_daemon(fixture, folder, on):
    model = model_of(POLICIES / fixture)
    assert folder_on_daemon(model.access(model.agent_container("main")), folder)[0] is on


@pytest.mark.parametrize("name, method", [("good.yaml", "dind-sidecar"), ("bad.yaml", "none")])
def test_manifest(name, method):
    path = POLICIES / "TDL601/yaml" / name
    yaml = kubernetes.parse_text(str(path), path.read_text())
    workloads = [w for w in (from_manifest(doc, str(path)) for doc in yaml.documents) if w is not None]
    model = Model(workloads)
    assert model.access(workloads[0].containers[0]).method == method


def describe(access):
    """What a rule may read of an access: the method, the two containers, where it shows and why."""
    evidence = f"{access.evidence.line}:{access.evidence.column}" if access.evidence is not None else None
    return (access.method, access.workspace.display_name if access.workspace is not None else None,
            access.daemon.display_name if access.daemon is not None else None, evidence, access.reason)


@pytest.mark.parametrize("fixture, container, expected", [
    ('TDL601/bad_privileged_idle', 'docker_container.workspace',
     ('none', 'docker_container.workspace', None, '19:3', 'it is privileged but nothing starts dockerd')),
    ('TDL601/bad_sysbox_idle', 'docker_container.workspace',
     ('none', 'docker_container.workspace', None, '19:3', 'it runs under Sysbox but nothing starts dockerd')),
    ('TDL601/bad_kubernetes', 'dev', ('none', 'dev', None, None, '')),
    ('TDL601/podman_service', 'docker_container.workspace',
     ('podman', 'docker_container.workspace', None, '7:3', "it starts Podman's socket")),
    ('TDL601/sysbox_docker', 'docker_container.workspace',
     ('sysbox', 'docker_container.workspace', None, '9:10', 'it runs under Sysbox and starts dockerd')),
    ('TDL601/envbox', 'dev', ('envbox', 'dev', None, '23:7', 'it is an envbox container')),
    ('TDL601/privileged_startup_script', 'docker_container.workspace',
     ('privileged', 'docker_container.workspace', None, '15:19', 'it is privileged and starts dockerd')),
    ('TDL601/host_socket', 'docker_container.workspace',
     ('host-socket', 'docker_container.workspace', None, '23:5', "it mounts the host's Docker socket")),
    ('TDL601/agent_script_unreadable', 'docker_container.workspace',
     ('unknown', 'docker_container.workspace', None, None, '')),
    ('TDL601/two_dind_sidecars', 'dev', ('unknown', 'dev', None, None, '')),
    ('TDL601/two_dind_sidecars', 'dind-a', ('unknown', 'dind-a', None, None, '')),
    ('TDL601/two_dind_sidecars', 'dind-b', ('unknown', 'dind-b', None, None, '')),
    ('TDL605/bad_socket_from_sidecar_pod', 'dev',
     ('dind-sidecar', 'dev', 'dind', '26:7', 'the socket comes from `dind`')),
    ('TDL605/bad_socket_from_sidecar_pod', 'dind',
     ('privileged', 'dind', None, '37:7', 'it is privileged and starts dockerd')),
    ('TDL605/bad_socket_volume_docker', 'docker_container.dind',
     ('privileged', 'docker_container.dind', None, '27:3', 'it is privileged and starts dockerd')),
    ('TDL605/bad_socket_volume_docker', 'docker_container.workspace',
     ('dind-sidecar', 'docker_container.workspace', 'docker_container.dind', '41:14', 'the socket comes from `docker_container.dind`')),
    ('TDL605/bad_remote', 'docker_container.workspace',
     ('remote', 'docker_container.workspace', None, '8:5', '`DOCKER_HOST` is `ssh://docker.example.com`')),
    ('TDL605/bad_remote_tcp_volume', 'docker_container.workspace',
     ('remote', 'docker_container.workspace', None, '24:14', '`DOCKER_HOST` is `tcp://docker.example.com:2376`')),
    ('TDL605/bad_seed_sidecar', 'dev',
     ('dind-sidecar', 'dev', 'dind', '32:9', '`DOCKER_HOST` reaches dockerd in `dind`')),
    ('TDL605/bad_seed_sidecar', 'dind', ('privileged', 'dind', None, '37:7', 'it is privileged and starts dockerd')),
    ('TDL605/host_socket_pod_same_path', 'dev',
     ('host-socket', 'dev', None, '37:9', "it mounts the host's Docker socket")),
    ('TDL605/bad_sidecar_command_unknown', 'docker_container.dind',
     ('unknown', 'docker_container.dind', None, None, '')),
    ('TDL605/bad_sidecar_command_unknown', 'docker_container.netns',
     ('dind-sidecar', 'docker_container.netns', 'docker_container.dind', '50:19', '`DOCKER_HOST` reaches `docker_container.dind`')),
    ('TDL605/bad_sidecar_command_unknown', 'docker_container.named',
     ('dind-sidecar', 'docker_container.named', 'docker_container.dind', '62:14', '`DOCKER_HOST` names `docker_container.dind`')),
])
def test_access_of_every_container(fixture, container, expected):
    model = model_of(POLICIES / fixture)
    found = {c.display_name: c for w in model.workloads for c in w.containers}
    assert describe(model.access(found[container])) == expected


def test_dockerd_without_privileges_and_a_podman_image(tmp_path):
    (tmp_path / "main.tf").write_text("""
resource "coder_agent" "main" {
  os             = "linux"
  startup_script = "dockerd-rootless.sh > /tmp/dockerd.log 2>&1 &"
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "docker_container" "podman" {
  image = "quay.io/podman/stable:latest"
}
""")
    model = model_of(tmp_path)
    found = [describe(model.access(c)) for w in model.workloads for c in w.containers]
    assert found == [
        ("dockerd", "docker_container.workspace", None, "4:21", "it starts dockerd"),
        ("podman", "docker_container.podman", None, "13:3", "it runs Podman"),
    ]


def test_the_access_of_each_container_is_its_own():
    model = model_of(POLICIES / "TDL601/bad_second_agent")
    assert [model.access(model.agent_container(a)).method for a in ("builder", "main", "builder")] == [
        "host-socket", "none", "host-socket"]


def test_docker_hosts_that_cannot_be_followed_are_unknown(tmp_path):
    """A wholly unknown address, a socket path from a variable, a scheme other than unix/ssh/tcp, an unknown
    host, a container that is no Docker daemon; and systemd under Sysbox (its evidence is the init)."""
    (tmp_path / "main.tf").write_text("""
variable "host" {
  type = string
}

resource "docker_container" "other" {
  name  = "other"
  image = "nginx:1.27"
}

resource "docker_container" "a" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=${var.host}"]
}

resource "docker_container" "b" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=unix://${var.host}"]
}

resource "docker_container" "c" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=npipe:////./pipe/docker_engine"]
}

resource "docker_container" "d" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=tcp://${var.host}:2375"]
}

resource "docker_container" "e" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["DOCKER_HOST=tcp://${docker_container.other.name}:2375"]
}

resource "docker_container" "f" {
  image   = "ubuntu:24.04"
  runtime = "sysbox-runc"
  command = ["/sbin/init"]
}
""")
    model = model_of(tmp_path)
    found = {c.display_name: describe(model.access(c)) for w in model.workloads for c in w.containers}
    assert [found[f"docker_container.{name}"] for name in "abcdef"] == [
        ("unknown", f"docker_container.{name}", None, None, "") for name in "abcde"] + [
        ("sysbox", "docker_container.f", None, "39:14", "it runs under Sysbox and starts dockerd")]
