"""The dind model (model/daemon.py) and script reading (model/scripts.py): exact values."""

from __future__ import annotations

import textwrap

import pytest

from tfdind_lint.model import scripts
from tfdind_lint.model.daemon import (
    Address,
    Scene,
    container_daemons,
    environment,
    mentions_start_count,
    networks,
    parse_address,
)
from tfdind_lint.module import Module
from tfdind_lint.node import Node, Span
from tfdind_lint.rules.dind.helpers import known_uid, under, world_writable
from tfdind_lint.sources import kubernetes, terraform
from tfdind_lint.workload import from_manifest, from_module


def module(text: str) -> Module:
    tf = terraform.parse_file("main.tf", textwrap.dedent(text).encode())
    return Module.build(".", [tf])


def scene(text: str) -> Scene:
    m = module(text)
    return Scene.of(from_module(m), m)


def manifest(text: str):
    yaml = kubernetes.parse_text("pod.yaml", textwrap.dedent(text))
    return [from_manifest(doc, "pod.yaml") for doc in yaml.documents]


def listeners(container) -> list[tuple[str, bool | None, bool]]:
    return [(str(l.address), d.tls, l.implicit) for d in container_daemons(container) for l in d.listeners]


# ----------------------------------------------------------------------------------------------
# Addresses
# ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("tcp://0.0.0.0:2375", Address("tcp", "0.0.0.0", "2375")),
    ("localhost:2375", Address("tcp", "localhost", "2375", has_scheme=False)),
    ("tcp://[::1]:2376", Address("tcp", "::1", "2376")),
    ("tcp://:2375", Address("tcp", "", "2375")),
    ("tcp://docker", Address("tcp", "docker", None)),
    ("TCP://Docker:2376/", Address("tcp", "Docker", "2376")),
    ("unix:///var/run/docker.sock", Address("unix", path="/var/run/docker.sock")),
    ("ssh://coder@build-host:22", Address("ssh", "build-host", "22")),
    ("fd://", Address("fd", path="")),
    ("${docker_container.dind.name}:2375", Address("tcp", "${docker_container.dind.name}", "2375", has_scheme=False)),
    ("tcp://${docker_container.dind[0].name}:2376", Address("tcp", "${docker_container.dind[0].name}", "2376")),
    ("${var.docker_host}", None),  # the unknown piece may hold the scheme
    ("$DOCKER_HOST", None),
    ("", None),
])
def test_parse_address(text, expected):
    assert parse_address(text) == expected


@pytest.mark.parametrize("text, port, loopback", [
    ("tcp://0.0.0.0:2375", 2375, False),
    ("tcp://[::]:2375", 2375, False),
    ("tcp://127.0.0.2:2375", 2375, True),
    ("tcp://localhost", 2375, True),  # no port: docker's default 2375
    ("tcp://:2376", 2376, True),  # an empty host is localhost (moby opts.DefaultHTTPHost)
    ("tcp://dind:${var.port}", None, False),
    ("tcp://${var.host}:2375", 2375, None),
])
def test_address_port_and_loopback(text, port, loopback):
    address = parse_address(text)
    assert address.port_number == port
    assert address.loopback is loopback


# ----------------------------------------------------------------------------------------------
# Daemons
# ----------------------------------------------------------------------------------------------

def test_host_flag_spellings_and_tls():
    s = scene('''
        resource "docker_container" "dind" {
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://0.0.0.0:2375", "-Hunix:///a.sock", "--host", "tcp://10.0.0.1:1",
                     "--host=fd://", "-H=tcp://127.0.0.1:3"]
        }
        resource "docker_container" "tls" {
          image   = "docker:dind"
          command = ["dockerd", "--tlsverify=true", "--host=tcp://0.0.0.0:2376"]
        }
        resource "docker_container" "env_tls" {
          image   = "docker:dind"
          command = ["dockerd", "--host=tcp://0.0.0.0:2376"]
          env     = ["DOCKER_TLS_VERIFY=1"]
        }
    ''')
    dind, tls, env_tls = (w.containers[0] for w in s.workloads)
    assert listeners(dind) == [
        ("tcp://0.0.0.0:2375", False, False), ("unix:///a.sock", False, False), ("tcp://10.0.0.1:1", False, False),
        ("fd://", False, False), ("tcp://127.0.0.1:3", False, False),
    ]
    assert listeners(tls) == [("tcp://0.0.0.0:2376", True, False)]
    assert listeners(env_tls) == [("tcp://0.0.0.0:2376", True, False)]


def test_dockerd_defaults_without_hosts():
    s = scene('''
        resource "docker_container" "plain" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd"]
        }
        resource "docker_container" "tls" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--tlsverify"]
        }
    ''')
    plain, tls = (w.containers[0] for w in s.workloads)
    assert listeners(plain) == [("unix:///var/run/docker.sock", False, True)]
    assert listeners(tls) == [("tcp://localhost:2376", True, True)]  # opts.ParseHost with TLS


def test_dind_entrypoint_defaults():
    s = scene('''
        resource "docker_container" "kept" {
          image = "docker:27-dind"
        }
        resource "docker_container" "options" {
          image   = "docker:dind"
          command = ["--mtu=1400", "-H", "tcp://0.0.0.0:2380"]
        }
        resource "docker_container" "plain" {
          image = "docker:dind"
          env   = ["DOCKER_TLS_CERTDIR=", "DOCKER_HOST=unix:///run/dind.sock"]
        }
        resource "docker_container" "explicit" {
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
        }
        resource "docker_container" "other" {
          image   = "docker:dind"
          command = ["sh", "-c", "echo hello"]
        }
        resource "docker_container" "unknown_certdir" {
          image = "docker:dind"
          env   = ["DOCKER_TLS_CERTDIR=${var.certs}"]
        }
    ''')
    kept, options, plain, explicit, other, unknown = (w.containers[0] for w in s.workloads)
    assert listeners(kept) == [("unix:///var/run/docker.sock", True, True), ("tcp://0.0.0.0:2376", True, True)]
    assert listeners(options) == [("unix:///var/run/docker.sock", True, True), ("tcp://0.0.0.0:2376", True, True),
                                  ("tcp://0.0.0.0:2380", True, False)]
    assert listeners(plain) == [("unix:///run/dind.sock", False, True), ("tcp://0.0.0.0:2375", False, True)]
    assert container_daemons(plain)[0].plain_by[1] == 'DOCKER_TLS_CERTDIR=""'
    assert listeners(explicit) == [("tcp://127.0.0.1:2375", False, False)]
    assert listeners(other) == []
    assert listeners(unknown) == [("unix:///var/run/docker.sock", None, True), ("tcp://0.0.0.0:\x00", None, True)]


def test_daemons_in_scripts_and_completeness():
    s = scene('''
        resource "coder_agent" "main" {
          startup_script = <<-EOT
            sudo dockerd --data-root /data/docker -H tcp://0.0.0.0:2375 &
            dockerd $EXTRA_FLAGS
          EOT
        }
        resource "docker_container" "workspace" {
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
        }
    ''')
    first, second = container_daemons(s.workloads[0].containers[0])
    assert [str(l.address) for l in first.listeners] == ["tcp://0.0.0.0:2375"]
    assert first.data_root.text == "/data/docker"
    assert (first.subject, first.span.line) == ("coder_agent.main", 4)
    assert first.complete and not second.complete  # $EXTRA_FLAGS may hold a -H


# ----------------------------------------------------------------------------------------------
# Clients and routes
# ----------------------------------------------------------------------------------------------

def test_environment_from_container_agent_and_exports():
    s = scene('''
        resource "coder_agent" "main" {
          env = {
            DOCKER_TLS_VERIFY = "1"
          }
          startup_script = "export DOCKER_CERT_PATH=/certs/client FOO"
        }
        resource "docker_container" "workspace" {
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
          env     = ["DOCKER_HOST=tcp://${docker_container.dind.name}:2376", "EMPTY="]
        }
    ''')
    env = environment(s.workloads[0].containers[0])
    assert [(e.name, e.text) for e in env.settings] == [
        ("DOCKER_HOST", "tcp://${docker_container.dind.name}:2376"), ("EMPTY", ""),
        ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/certs/client"),
    ]
    assert env.flag("DOCKER_TLS_VERIFY") is True and env.flag("EMPTY") is False and env.flag("OTHER") is False
    assert [e.subject for e in env.settings] == ["docker_container.workspace"] * 2 + ["coder_agent.main"] * 2


def test_routes_by_name_alias_reference_and_netns():
    s = scene('''
        resource "docker_container" "dind" {
          image    = "docker:dind"
          name     = "dind-${data.coder_workspace.me.id}"
          hostname = "dockerhost"
          networks_advanced {
            name    = "n"
            aliases = ["docker"]
          }
        }
        resource "docker_container" "by_ref" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376"]
        }
        resource "docker_container" "by_template" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://dind-${data.coder_workspace.me.id}:2376"]
        }
        resource "docker_container" "by_alias" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://docker:2376"]
        }
        resource "docker_container" "by_hostname" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://dockerhost:2376"]
        }
        resource "docker_container" "elsewhere" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://build-host:2376"]
        }
        resource "docker_container" "shared" {
          image        = "x"
          network_mode = "container:${docker_container.dind.id}"
          env          = ["DOCKER_HOST=tcp://localhost:2376"]
        }
        resource "docker_container" "own" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://localhost:2376"]
        }
        resource "docker_container" "unknown" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://${var.h}:2376"]
        }
    ''')
    dind = s.workloads[0].containers[0]
    routes = {c.container.workload.address.split(".")[1]: s.route(c) for c in s.clients}
    for name in ("by_ref", "by_template", "by_alias", "by_hostname"):
        assert routes[name].named is dind and len(routes[name].daemons) == 1, name
    assert routes["elsewhere"].named is None and routes["elsewhere"].daemons == [] and not routes["elsewhere"].local
    assert routes["shared"].local and routes["shared"].daemons[0].container is dind
    assert routes["own"].local and routes["own"].daemons == []
    assert routes["unknown"] is None


def test_pod_containers_share_the_network_namespace():
    pod, = manifest('''
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: dind, image: "docker:dind", args: ["dockerd", "--host=tcp://127.0.0.1:2375"]}
            - name: dev
              image: x
              env: [{name: DOCKER_HOST, value: "tcp://127.0.0.1:2375"}]
    ''')
    s = Scene.of([pod])
    route = s.route(s.clients[0])
    assert route.local and [d.container.display_name for d in route.daemons] == ["dind"]


def test_networks_resolve_references_and_literal_names():
    m = module('''
        resource "docker_network" "private" {
          name = "net-${data.coder_workspace.me.id}"
        }
        resource "docker_network" "named" {
          name = "builds"
        }
        resource "docker_container" "a" {
          image = "x"
          networks_advanced {
            name = docker_network.private.id
          }
          networks_advanced {
            name = "builds"
          }
        }
        resource "docker_container" "b" {
          image        = "x"
          network_mode = "net-${data.coder_workspace.me.id}"
        }
        resource "docker_container" "c" {
          image        = "x"
          network_mode = "bridge"
        }
        resource "docker_container" "d" {
          image = "x"
          networks_advanced {
            name = var.network
          }
        }
    ''')
    a, b, c, d = from_module(m)
    assert networks(a, m) == {"docker_network.private", "docker_network.named"}
    assert networks(b, m) == {"docker_network.private"}
    assert networks(c, m) == set()
    assert networks(d, m) is None


def test_mentions_start_count_through_locals():
    m = module('''
        locals {
          running = data.coder_workspace.me.start_count
          also    = local.running
        }
        resource "docker_container" "a" {
          count = local.also
          image = "x"
        }
        resource "docker_container" "b" {
          count = var.enabled ? 1 : 0
          image = "x"
        }
    ''')
    a, b = from_module(m)
    assert mentions_start_count(a.count, m) is True
    assert mentions_start_count(b.count, m) is False


# ----------------------------------------------------------------------------------------------
# Scripts and the small helpers of the checks
# ----------------------------------------------------------------------------------------------

def test_commands_point_at_their_own_lines():
    m = module('''
        resource "coder_agent" "main" {
          startup_script = <<-EOT
            set -e
            sudo -u coder /bin/bash <<'INNER'
            	chmod 666 /var/run/docker.sock
            INNER
            sh -c "dockerd -H tcp://0.0.0.0:2375"
            cat <<'TEXT'
            dockerd
            TEXT
          EOT
        }
    ''')
    (_, node), = scripts.startup_scripts(m)
    found = [([a.text for a in args], args[0].span.line, args[0].span.column) for args in scripts.commands(node)]
    assert found == [
        (["set", "-e"], 4, 5),
        (["sudo", "-u", "coder", "/bin/bash"], 5, 5),
        (["chmod", "666", "/var/run/docker.sock"], 6, 6),  # inside the heredoc fed to bash
        (["sh", "-c", "dockerd -H tcp://0.0.0.0:2375"], 8, 5),
        (["dockerd", "-H", "tcp://0.0.0.0:2375"], 8, 11),  # the -c script points at its argument
        (["cat"], 9, 5),  # a heredoc fed to cat is text, not commands
    ]


def test_a_heredoc_template_keeps_its_line_map_while_its_lines_stay():
    m = module('''
        variable "two_lines" {
          default = "a\\nb"
        }
        resource "coder_agent" "main" {
          startup_script = <<-EOT
            echo ${coder_agent.main.id}
            chmod 666 /var/run/docker.sock
          EOT
        }
        resource "coder_script" "s" {
          agent_id = coder_agent.main.id
          script   = <<-EOT
            ${var.two_lines}
            chmod 666 /var/run/docker.sock
          EOT
        }
    ''')
    (_, kept), (_, dropped) = scripts.startup_scripts(m)
    assert kept.lines == ((7, 5), (8, 5))
    assert dropped.lines is None  # a rendered newline moved every later line


@pytest.mark.parametrize("mode, expected", [
    ("666", True), ("0777", True), ("662", True), ("660", False), ("2770", False), ("o+w", True), ("a+rw", True),
    ("ugo=rwx", True), ("u+rw,o+rw", True), ("g+rw", False), ("+w", False), ("o-w", False), ("a+r", False),
    ("=rw", False), ("oops", False),
])
def test_world_writable(mode, expected):
    assert world_writable(mode) is expected


@pytest.mark.parametrize("value, expected", [(1000, 1000), ("1000", 1000), (0, 0), ("0", 0), ("root", 0),
                                             ("coder", None), (True, None), (None, None)])
def test_uid(value, expected):
    node = Node(value, Span("x", 1, 1, 1, 2)) if value is not None else None
    assert known_uid(node) == expected


def test_dockerd_option_spellings():
    # --tls alone (no client verification) still moves the default host to tcp://localhost:2376; a config
    # file may hold the hosts (so nothing is known of them); -g / --graph are --data-root's old names
    s = scene('''
        variable "flag" {
          type = string
        }
        resource "docker_container" "tls" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--tls"]
        }
        resource "docker_container" "tls_true" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--tls=true"]
        }
        resource "docker_container" "tls_false" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--tls=false"]
        }
        resource "docker_container" "config" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--config-file", "/etc/docker/daemon.json"]
        }
        resource "docker_container" "config_eq" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--config-file=/etc/docker/daemon.json"]
        }
        resource "docker_container" "g" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "-g", "/data/docker"]
        }
        resource "docker_container" "graph" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--graph", "/data/docker"]
        }
        resource "docker_container" "graph_eq" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--graph=/data/docker"]
        }
        resource "docker_container" "root_missing" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--data-root"]
        }
        resource "docker_container" "unknown_flag" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", var.flag]
        }
        resource "docker_container" "dind_dockerd" {
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
        }
        resource "docker_container" "entrypoint_dockerd" {
          image   = "docker:dind"
          command = ["dockerd-entrypoint.sh", "/usr/local/bin/dockerd", "-H", "tcp://0.0.0.0:2375"]
        }
        resource "docker_container" "mtu" {
          image   = "registry.example.com/dockerd:1"
          command = ["dockerd", "--mtu=1400"]
        }
    ''')
    found = {}
    for w in s.workloads:
        (daemon,) = container_daemons(w.containers[0])
        found[w.address.split(".")[1]] = (listeners(w.containers[0]), daemon.complete,
                                          daemon.data_root.text if daemon.data_root is not None else None)
    default = [("unix:///var/run/docker.sock", False, True)]
    assert found == {
        "tls": ([("tcp://localhost:2376", False, True)], True, None),
        "tls_true": ([("tcp://localhost:2376", False, True)], True, None),
        "tls_false": (default, True, None),
        "config": ([], False, None),
        "config_eq": ([], False, None),
        "g": (default, True, "/data/docker"),
        "graph": (default, True, "/data/docker"),
        "graph_eq": (default, True, "/data/docker"),
        "root_missing": (default, True, None),
        "unknown_flag": (default, False, None),  # the unknown argument could be a -H of its own
        "dind_dockerd": ([("tcp://0.0.0.0:2375", False, False)], True, None),
        # the entrypoint runs dockerd as given when its first argument is dockerd
        "entrypoint_dockerd": ([("tcp://0.0.0.0:2375", False, False)], True, None),
        "mtu": (default, True, None),  # an option that names no host leaves the daemon fully known
    }


def test_cyclic_locals_end_the_start_count_search():
    # Terraform refuses the cycle; the linter must still answer, not recurse forever
    m = module('''
        locals {
          a = local.b
          b = local.a
        }
    ''')
    assert mentions_start_count(m.locals["a"], m) is False


@pytest.mark.parametrize("text, expected", [
    ("http://docker:2375", Address("http", "docker", "2375")),
    ("tcp://docker:2375/v1.45/info", Address("tcp", "docker", "2375")),
    ('tcp://${trimsuffix(var.url, "/")}:2376', Address("tcp", '${trimsuffix(var.url, "/")}', "2376")),
])
def test_parse_address_paths_and_schemes(text, expected):
    assert parse_address(text) == expected


def test_a_conditional_env_element_setting_different_variables_on_each_branch():
    # each variable is set on one branch only: unset (None) on the other
    s = scene('''
        variable "tls" {
          type = bool
        }
        resource "docker_container" "workspace" {
          image = "codercom/enterprise-base:ubuntu"
          env   = [var.tls ? "DOCKER_TLS_VERIFY=1" : "DOCKER_HOST=tcp://dind:2375"]
        }
    ''')
    env = environment(s.workloads[0].containers[0])
    assert [(x.name, x.text) for x in env.settings] == [
        ("DOCKER_TLS_VERIFY", None), ("DOCKER_HOST", "tcp://dind:2375"), ("DOCKER_HOST", None)]


def test_a_conditional_setting_other_than_docker_host_names_its_container():
    # the branches disagree: one setting, value unknown, still written in the container
    s = scene('''
        variable "tls" {
          type = bool
        }
        resource "docker_container" "workspace" {
          image = "codercom/enterprise-base:ubuntu"
          env   = [var.tls ? "DOCKER_TLS_VERIFY=1" : "DOCKER_TLS_VERIFY="]
        }
    ''')
    workload = s.workloads[0]
    (setting,) = environment(workload.containers[0]).settings
    assert (setting.name, setting.text, setting.subject, setting.owner) == (
        "DOCKER_TLS_VERIFY", None, "docker_container.workspace", workload.owner)
    assert setting.span.line == 7


def test_nine_nested_conditionals_are_all_followed():
    # _branches follows conditionals to a depth of 8 below the first: nine nested ones give ten values
    conditions = "".join(f'var.c{i} ? "DOCKER_HOST=tcp://h{i}:2375" : ' for i in range(9))
    s = scene('''
        variable "c0" {}
        resource "docker_container" "workspace" {
          image = "codercom/enterprise-base:ubuntu"
          env   = [''' + conditions + '''"DOCKER_HOST=tcp://h9:2375"]
        }
    ''')
    texts = [x.text for x in environment(s.workloads[0].containers[0]).settings]
    assert texts == [f"tcp://h{i}:2375" for i in range(10)]


def test_unreadable_docker_env_elements_open_the_environment():
    s = scene('''
        variable "extra" {
          type = string
        }
        variable "tls" {
          type = bool
        }
        resource "docker_container" "element" {
          image = "x"
          env   = [var.extra]
        }
        resource "docker_container" "branch" {
          image = "x"
          env   = [var.tls ? "DOCKER_HOST=tcp://dind:2375" : var.extra]
        }
        resource "docker_container" "closed" {
          image = "x"
          env   = ["DOCKER_HOST=tcp://dind:2375"]
        }
    ''')
    found = {w.address: environment(w.containers[0]) for w in s.workloads}
    for name in ("docker_container.element", "docker_container.branch"):
        env = found[name]
        assert (env.settings, env.open, env.flag("DOCKER_TLS_VERIFY")) == ([], True, None), name
    assert found["docker_container.closed"].open is False
    assert found["docker_container.closed"].flag("DOCKER_TLS_VERIFY") is False


def test_bare_names_and_value_from_in_the_environment():
    # Docker `NAME` alone passes the variable of the docker CLI's environment: unknown; a Kubernetes entry
    # without value or valueFrom is empty; valueFrom is unknown
    s = scene('''
        resource "docker_container" "workspace" {
          image = "x"
          env   = ["DOCKER_TLS_VERIFY"]
        }
    ''')
    workload = s.workloads[0]
    (setting,) = environment(workload.containers[0]).settings
    assert (setting.name, setting.text, setting.span.line, setting.subject, setting.owner) == (
        "DOCKER_TLS_VERIFY", None, 4, "docker_container.workspace", workload.owner)
    pod, = manifest('''
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: dev
              image: x
              env:
                - name: EMPTY
                - name: FROM_SECRET
                  valueFrom: {secretKeyRef: {name: s, key: k}}
    ''')
    settings = environment(pod.containers[0]).settings
    assert [(x.name, x.text, x.span.line, x.subject, x.owner) for x in settings] == [
        ("EMPTY", "", 10, pod.address, pod.owner), ("FROM_SECRET", None, 11, pod.address, pod.owner)]


def test_entrypoint_daemons_point_at_what_starts_them():
    s = scene('''
        variable "args" {
          type = list(string)
        }
        resource "docker_container" "named" {
          image   = "docker:dind"
          command = ["dockerd-entrypoint.sh", "--data-root=/var/lib/docker=x"]
        }
        resource "docker_container" "unknown_args" {
          image   = "docker:dind"
          command = var.args
        }
    ''')
    named, unknown_args = (w.containers[0] for w in s.workloads)
    (daemon,) = container_daemons(named)
    assert (daemon.span.line, daemon.span.column) == (7, 14)
    assert [(l.span.line, l.span.column) for l in daemon.listeners] == [(7, 14), (7, 14)]
    assert daemon.plain_by is None and daemon.tls is True
    assert daemon.data_root.text == "/var/lib/docker=x"  # split at the first `=`
    (daemon,) = container_daemons(unknown_args)
    assert (daemon.listeners, daemon.complete, daemon.subject, daemon.owner, daemon.attribute) == (
        [], False, "docker_container.unknown_args", unknown_args.workload.owner, "command")


def test_agent_env_does_not_reach_the_containers_own_dockerd():
    # coder_agent.env is the agent's: a dockerd the container's command starts does not see it
    s = scene('''
        resource "coder_agent" "main" {
          env = {
            DOCKER_TLS_VERIFY = "1"
          }
          startup_script = "dockerd --host=tcp://0.0.0.0:2377"
        }
        resource "docker_container" "workspace" {
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", "dockerd --host=tcp://0.0.0.0:2376 & ${coder_agent.main.init_script}"]
        }
    ''')
    container = s.workloads[0].containers[0]
    own, script = container_daemons(container)
    assert (str(own.listeners[0].address), own.tls, own.container is container) == ("tcp://0.0.0.0:2376", False, True)
    assert (str(script.listeners[0].address), script.container is container, script.subject) == (
        "tcp://0.0.0.0:2377", True, "coder_agent.main")


@pytest.mark.parametrize("text, expected", [
    # a conditional in the host holds `:` twice: the port is after the last one
    ('tcp://${var.tls ? "dind" : "docker"}:2376', Address("tcp", '${var.tls ? "dind" : "docker"}', "2376")),
    ('${var.tls ? "dind" : "docker"}:2376', None),
    # a known first character cannot start an unknown scheme's place... it is read as a host
    ("d${var.suffix}:2375", Address("tcp", "d${var.suffix}", "2375", has_scheme=False)),
])
def test_parse_address_with_interpolations(text, expected):
    assert parse_address(text) == expected


def test_network_modes_that_join_no_user_network():
    m = module('''
        resource "docker_container" "dind" {
          image = "docker:dind"
        }
        resource "docker_container" "none" {
          image        = "x"
          network_mode = "none"
        }
        resource "docker_container" "joined" {
          image        = "x"
          network_mode = "container:${docker_container.dind.id}"
        }
    ''')
    _, none, joined = from_module(m)
    assert networks(none, m) == set()
    assert networks(joined, m) == set()


def test_clients_and_daemons_of_agents_with_and_without_a_container():
    # `main` runs in the container, `vm` in none: each client and daemon is counted once, with its container
    s = scene('''
        resource "coder_agent" "main" {
          env = {
            DOCKER_HOST = "tcp://localhost:2375"
          }
          startup_script = "dockerd --host=tcp://127.0.0.1:2375"
        }
        resource "coder_agent" "vm" {
          env = {
            DOCKER_HOST = "tcp://build-host:2376"
          }
          startup_script = "echo vm"
        }
        resource "docker_container" "workspace" {
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
        }
    ''')
    container = s.workloads[0].containers[0]
    assert [(c.setting.text, c.container is container) for c in s.clients] == [
        ("tcp://localhost:2375", True), ("tcp://build-host:2376", False)]
    assert [(d.subject, d.container is container) for d in s.daemons] == [("coder_agent.main", True)]


@pytest.mark.parametrize("path, mount, expected", [
    ("/var/lib/docker", "/var/lib/docker/", True), ("/var/lib/docker/x", "/var/lib", True),
    ("/var/lib/dockerd", "/var/lib/docker", False),
    # only slashes are stripped from the mount: a name ending in another character stays whole
    ("/dataX/docker", "/dataX", True), ("/data/docker", "/dataX", False),
    ("/var/lib/docker", None, True), ("/var/lib/docker", "${var.path}", True),  # unknown: it may be there
])
def test_under(path, mount, expected):
    assert under(path, mount) is expected
