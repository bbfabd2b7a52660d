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
