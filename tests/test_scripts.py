"""model/scripts.py: commands and their positions in scripts, manifests in here-documents, startup scripts."""

from __future__ import annotations

from tfdind_lint.context import Unit
from tfdind_lint.model import scripts
from tfdind_lint.module import Module
from tfdind_lint.node import Node, Span
from tfdind_lint.sources import kubernetes, terraform
from tfdind_lint.workload import from_module


def module_of(tmp_path, text: str) -> Module:
    path = tmp_path / "main.tf"
    path.write_text(text, encoding="utf-8")
    return Module.build(str(tmp_path), [terraform.parse_file(str(path), path.read_bytes())])


def containers_of(tmp_path, text: str) -> dict:
    return {c.display_name: c for w in from_module(module_of(tmp_path, text)) for c in w.containers}


def texts(commands) -> list[list[str]]:
    return [[a.text for a in args] for args in commands]


def test_a_quoted_script_with_a_newline_escape_points_at_the_whole_string(tmp_path):
    found = containers_of(tmp_path, r"""
resource "docker_container" "a" {
  image   = "ubuntu:24.04"
  command = ["sh", "-c", "echo starting\ndockerd &"]
}
""")
    node = found["docker_container.a"].argv()[2]
    span, _ = scripts.search(node, scripts.STARTS_DOCKER)
    assert span == node.span


def test_numbers_and_templates_in_a_command_line(tmp_path):
    found = containers_of(tmp_path, """
variable "port" {
  type = number
}

resource "docker_container" "a" {
  image   = "docker:27-dind"
  command = ["dockerd", "--host=tcp://${var.host}:${var.port}", "--max-concurrent-downloads", 3]
}
""")
    assert texts(scripts.container_commands(found["docker_container.a"])) == [
        ["dockerd", "--host=tcp://\x00:\x00", "--max-concurrent-downloads", "3"]]


def test_su_c_runs_its_script_and_points_at_it(tmp_path):
    node = Node("su coder -c 'dockerd --debug' && echo done", Span("s.sh", 3, 5, 3, 48),
                lines=((3, 5),))
    found = list(scripts.commands(node))
    assert texts(found) == [["su", "coder", "-c", "dockerd --debug"], ["dockerd", "--debug"], ["echo", "done"]]
    assert [a.span for a in found[1]] == [Span("s.sh", 3, 17, 3, 34)] * 2  # the quoted word, quotes included


def test_a_shell_here_document_keeps_its_tabs_and_its_multi_line_words():
    text = 'bash <<EOF\n\techo "one\n\ttwo"\n\tdockerd\nEOF'
    node = Node(text, Span("s.sh", 10, 3, 14, 6), lines=((10, 3), (11, 3), (12, 3), (13, 3), (14, 3)))
    found = list(scripts.commands(node))
    assert texts(found) == [["bash"], ["echo", "one\n\ttwo"], ["dockerd"]]
    assert found[1][1].span.line == 11
    assert found[2][0].span == Span("s.sh", 13, 4, 13, 11)


YAML = """\
apiVersion: batch/v1
kind: Job
metadata:
  name: install
spec:
  template:
    spec:
      containers:
        - name: kubectl
          image: bitnami/kubectl
          args:
            - sh
            - -c
            - |
              cat <<EOF > /tmp/notes
              just text
              EOF
              cat <<EOF | kubectl apply -f -
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: settings
              EOF
              cat <<EOF | kubectl apply -f -
              \tapiVersion: v1
              \tkind: Secret
              EOF
"""


def test_manifests_after_another_here_document_and_not_with_tabs_kept():
    yaml = kubernetes.parse_text("job.yaml", YAML)
    documents = [d for node in scripts.strings(Unit("job.yaml", yaml=yaml)) for d in scripts.embedded_manifests(node)]
    assert [(d.get("kind").value, d.get("kind").span.line) for d in documents] == [("ConfigMap", 20)]


def test_a_quoted_string_holds_no_placed_manifest():
    text = "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nEOF"
    assert scripts.embedded_manifests(Node(text, Span("main.tf", 4, 13, 4, 90))) == []


def test_a_coder_script_without_an_agent_belongs_to_no_named_agent(tmp_path):
    module = module_of(tmp_path, """
resource "coder_agent" "main" {
  startup_script = "echo main"
}

resource "coder_script" "orphan" {
  script = "echo orphan"
}

resource "coder_script" "tools" {
  agent_id = coder_agent.main.id
  script   = "echo tools"
}
""")
    assert [node.value for _, node in scripts.startup_scripts(module, {"main"})] == ["echo main", "echo tools"]
    assert [node.value for _, node in scripts.startup_scripts(module)] == ["echo main", "echo orphan", "echo tools"]
