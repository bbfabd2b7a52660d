"""model/scripts.py: which command-line element a shell runs, where template holes sit, spans inside scripts."""

from __future__ import annotations

import pytest

from tfdind_lint.model import scripts
from tfdind_lint.module import Module
from tfdind_lint.node import Span
from tfdind_lint.sources import kubernetes, terraform
from tfdind_lint.workload import from_manifest, from_module

TEMPLATE = '''resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "heredoc" {
  image = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", <<-EOF
    sudo -u coder sh -c '${coder_agent.main.init_script}' &
    echo ${coder_agent.main.token} ${coder_agent.main.id}
    exec /sbin/init
  EOF
  ]
}

resource "docker_container" "one_line" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", "runuser -l coder -c \\"${coder_agent.main.init_script}\\" & exec /sbin/init"]
}
'''


def containers():
    module = Module.build("m", [terraform.parse_file("m/main.tf", TEMPLATE.encode())])
    return {w.address: w.containers[0] for w in from_module(module)}


def test_placeholders_and_what_they_render():
    (script,) = scripts.shell_scripts(containers()["docker_container.heredoc"])
    holes = scripts.placeholders(script)
    assert [(line, column) for line, column, _ in holes] == [(0, 21), (1, 5), (1, 7)]
    assert [scripts.renders_agent_init(part) for _, _, part in holes] == [True, False, False]
    assert [part.text for _, _, part in holes] == [
        "coder_agent.main.init_script", "coder_agent.main.token", "coder_agent.main.id"]


def test_line_span_inside_a_heredoc():
    (script,) = scripts.shell_scripts(containers()["docker_container.heredoc"])
    assert scripts.line_span(script, 0, 0, 13) == Span("m/main.tf", 9, 5, 9, 18)  # `sudo -u coder`
    assert scripts.line_span(script, 2) == Span("m/main.tf", 11, 5, 11, 20)  # the whole line


def test_line_span_in_a_one_line_template():
    (script,) = scripts.shell_scripts(containers()["docker_container.one_line"])
    assert scripts.line_span(script, 0, 0, 16) == Span("m/main.tf", 18, 27, 18, 43)  # `runuser -l coder`
    # past an escape the columns are no longer the file's: the whole string
    assert scripts.line_span(script, 0, 0, 25) == script.span


POD = '''apiVersion: v1
kind: Pod
metadata: {{name: p}}
spec:
  containers:
    - name: c
      image: busybox
      command: {command}
      args: {args}
'''


@pytest.mark.parametrize("command, args, script", [
    ('["sh", "-c"]', '["echo hi"]', "echo hi"),
    ('["/bin/bash", "-ec", "set -x; run"]', "[]", "set -x; run"),
    ('["bash", "-x", "-c", "run"]', "[]", "run"),
    ('["sh", "script.sh"]', "[]", None),
    ('["python3", "-c", "print(1)"]', "[]", None),
    ('["sh", "-c"]', "[]", None),
])
def test_shell_scripts(command, args, script):
    (document,) = kubernetes.parse_text("pod.yaml", POD.format(command=command, args=args)).documents
    found = scripts.shell_scripts(from_manifest(document, "pod.yaml").containers[0])
    assert [node.value for node in found] == ([script] if script is not None else [])
