"""workload.py: one Container model from every spelling."""

from __future__ import annotations

import textwrap

from tfdind_lint.module import Module
from tfdind_lint.sources.kubernetes import parse_file as parse_yaml
from tfdind_lint.sources.terraform import parse_file as parse_tf
from tfdind_lint.workload import from_manifest, from_module


def tf_workloads(text: str):
    tf = parse_tf("m/main.tf", textwrap.dedent(text).encode())
    return from_module(Module.build("m", [tf]))


KUBERNETES_POD = '''
    variable "uid" { default = 0 }
    resource "kubernetes_pod" "main" {
      metadata {
        name        = "ws"
        annotations = { "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" }
      }
      spec {
        runtime_class_name = "sysbox-runc"
        security_context {
          run_as_user = 1000
        }
        container {
          name    = "docker-sidecar"
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
          args    = ["--debug"]
          security_context {
            privileged  = true
            run_as_user = var.uid
            capabilities {
              add = ["SYS_ADMIN"]
            }
          }
          env {
            name  = "DOCKER_TLS_CERTDIR"
            value = ""
          }
          volume_mount {
            name       = "docker"
            mount_path = "/var/lib/docker"
            sub_path   = "dind"
          }
          resources {
            limits = { "github.com/fuse" = 1 }
          }
        }
        volume {
          name = "docker"
          empty_dir {}
        }
      }
    }
'''

MANIFEST = '''
    resource "kubernetes_manifest" "main" {
      manifest = {
        apiVersion = "v1"
        kind       = "Pod"
        metadata = {
          name        = "ws"
          annotations = { "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" }
        }
        spec = {
          runtimeClassName = "sysbox-runc"
          securityContext  = { runAsUser = 1000 }
          containers = [{
            name    = "docker-sidecar"
            image   = "docker:dind"
            command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
            args    = ["--debug"]
            securityContext = {
              privileged   = true
              runAsUser    = 0
              capabilities = { add = ["SYS_ADMIN"] }
            }
            env          = [{ name = "DOCKER_TLS_CERTDIR", value = "" }]
            volumeMounts = [{ name = "docker", mountPath = "/var/lib/docker", subPath = "dind" }]
            resources    = { limits = { "github.com/fuse" = 1 } }
          }]
          volumes = [{ name = "docker", emptyDir = {} }]
        }
      }
    }
'''

YAML = '''
    apiVersion: v1
    kind: Pod
    metadata:
      name: ws
      annotations:
        io.kubernetes.cri-o.userns-mode: "auto:size=65536"
    spec:
      runtimeClassName: sysbox-runc
      securityContext:
        runAsUser: 1000
      containers:
        - name: docker-sidecar
          image: docker:dind
          command: ["dockerd", "-H", "tcp://127.0.0.1:2375"]
          args: ["--debug"]
          securityContext:
            privileged: true
            runAsUser: 0
            capabilities:
              add: [SYS_ADMIN]
          env:
            - name: DOCKER_TLS_CERTDIR
              value: ""
          volumeMounts:
            - name: docker
              mountPath: /var/lib/docker
              subPath: dind
          resources:
            limits:
              github.com/fuse: 1
      volumes:
        - name: docker
          emptyDir: {}
'''


def test_the_same_container_from_three_spellings():
    (from_provider,) = tf_workloads(KUBERNETES_POD)
    (from_kubernetes_manifest,) = tf_workloads(MANIFEST)
    yaml = parse_yaml("pod.yaml", textwrap.dedent(YAML).lstrip().encode())
    from_yaml = from_manifest(yaml.documents[0], "pod.yaml")
    summaries = [w.containers[0].summary() for w in (from_provider, from_kubernetes_manifest, from_yaml)]
    assert summaries[0] == summaries[1] == summaries[2]
    assert summaries[0]["mounts"] == [("/var/lib/docker", "empty_dir", None, "dind", None)]
    for workload in (from_provider, from_kubernetes_manifest, from_yaml):
        assert workload.runtime.value == "sysbox-runc"
        assert workload.run_as_user.value == 1000
        assert workload.annotation("io.kubernetes.cri-o.userns-mode").value == "auto:size=65536"
        container = workload.containers[0]
        assert workload.effective_run_as_user(container).value == 0


def test_docker_container_maps_entrypoint_command_and_env():
    (workload,) = tf_workloads('''
        resource "docker_container" "dind" {
          name       = "dind"
          image      = "docker:dind"
          entrypoint = ["dockerd"]
          command    = ["-H", "tcp://0.0.0.0:2375"]
          env        = ["DOCKER_TLS_CERTDIR=", "HOST=${docker_network.n.name}:1"]
          user       = "1000:1000"
          runtime    = "sysbox-runc"
          networks_advanced {
            name    = docker_network.n.name
            aliases = ["docker"]
          }
          volumes {
            volume_name    = "cache"
            container_path = "/var/lib/docker"
          }
        }
    ''')
    container = workload.containers[0]
    assert container.entrypoint.plain() == ["dockerd"]
    assert container.args.plain() == ["-H", "tcp://0.0.0.0:2375"]
    assert container.env_named("DOCKER_TLS_CERTDIR").value.value == ""
    host = container.env_named("HOST").value.value
    assert host.parts[0].references[0].text == "docker_network.n.name" and host.parts[1] == ":1"
    assert container.run_as_user.value == 1000
    assert workload.runtime.value == "sysbox-runc"
    assert [a.value for a in workload.aliases] == ["docker"]
    mount = container.mounts[0]
    assert (mount.path.value, mount.volume.kind, mount.volume.source.value) == ("/var/lib/docker", "docker_volume", "cache")


def test_deployment_and_cron_job_templates_lead_to_the_pod_spec():
    deployment, cron = tf_workloads('''
        resource "kubernetes_deployment_v1" "d" {
          metadata { name = "d" }
          spec {
            template {
              metadata { annotations = { a = "b" } }
              spec {
                container {
                  name  = "c"
                  image = "i"
                }
              }
            }
          }
        }
        resource "kubernetes_cron_job_v1" "c" {
          metadata { name = "c" }
          spec {
            job_template {
              metadata {}
              spec {
                template {
                  metadata {}
                  spec {
                    init_container {
                      name  = "init"
                      image = "busybox"
                    }
                    container {
                      name  = "job"
                      image = "alpine"
                    }
                  }
                }
              }
            }
          }
        }
    ''')
    assert deployment.annotation("a").value == "b"
    assert [c.display_name for c in cron.all_containers()] == ["init", "job"]
    assert cron.init_containers[0].init
