"""Shell helpers: the program a command runs, and the script of ``sh -c``."""

from __future__ import annotations

import pytest

from tfdind_lint import shell


@pytest.mark.parametrize("argv, expected", [
    (["dockerd", "-H", "x"], 0),
    (["sudo", "-u", "root", "--preserve-env=A", "dockerd"], 4),
    (["env", "DOCKER_HOST=x", "docker", "ps"], 2),
    (["A=1", "B=2", "exec", "nohup", "dockerd"], 4),
    (["sudo", None, "dockerd"], None),
    (["sudo"], None),
    ([], None),
])
def test_command_start(argv, expected):
    assert shell.command_start(argv) == expected


def test_program_and_command_name():
    assert shell.program("/usr/local/bin/dockerd") == "dockerd"
    assert shell.program("dockerd-entrypoint.sh") == "dockerd-entrypoint.sh"
    command = shell.parse("sudo -E /usr/bin/dockerd --tlsverify &").commands[0]
    assert shell.command_name(command) == "dockerd"


@pytest.mark.parametrize("argv, expected", [
    (["sh", "-c", "dockerd"], 2),
    (["/bin/bash", "-ec", "dockerd", "name", "arg"], 2),
    (["bash", "--login", "-c", "x"], 3),
    (["bash", "-o", "pipefail", "-c", "x"], 4),
    (["sudo", "-u", "coder", "bash", "-c", "x"], 5),
    (["sh", "-c", None], 2),  # a partly unknown script is still the script
    (["sh", "-c", "--", "x"], 3),
    (["sh", "script.sh"], None),  # a file, not -c
    (["sh", "-e"], None),
    (["dockerd", "-c", "x"], None),  # not a shell
    (["sh", None, "x"], None),
])
def test_script_operand(argv, expected):
    assert shell.script_operand(argv) == expected
