"""The progress line: on a terminal's stderr only, erased at the end; never in a pipe, under CI or with --quiet.

The run happens in a subprocess whose stderr is a pseudo-terminal (or a pipe); the
one-second delay is set to 0 there so a short run shows it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from tfdind_lint.progress import Progress

pty = pytest.importorskip("pty")

CODE = ("import sys, tfdind_lint.progress as p\np.DELAY = 0\nfrom tfdind_lint.cli import main\n"
        "sys.exit(main(sys.argv[1:]))")


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "TERM", "NO_COLOR", "FORCE_COLOR")}
    return {**env, "PYTHONPATH": str(ROOT), "TERM": "xterm", **extra}


def run_on_terminal(*argv: str, **env) -> tuple[str, str]:
    """(stdout, what the terminal on stderr received)."""
    master, slave = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-c", CODE, "--no-cache", *argv], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=slave, env=_env(**env), timeout=300, check=False)
        os.close(slave)
        slave = -1
        received = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal is closed and drained
                break
            if not chunk:
                break
            received += chunk
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
    return result.stdout.decode(), received.decode()


def test_progress_is_shown_on_a_terminal_and_erased(in_root):
    out, terminal = run_on_terminal("examples")
    assert "\rtfdind-lint: checked " in terminal and " files\033[K" in terminal
    assert terminal.endswith("\r\033[K")  # the line is erased: the screen keeps the report alone
    files = int(re.search(r" in (?:\d+ of )?(\d+) files?", out).group(1))  # the files linted, not those with findings
    assert f"checked {files}/{files} files" in terminal
    assert "checked" not in out


def test_no_progress_with_quiet_under_ci_or_on_a_dumb_terminal(in_root):
    assert run_on_terminal("-q", "examples")[1] == ""
    assert run_on_terminal("examples", CI="true")[1] == ""
    assert run_on_terminal("examples", TERM="dumb")[1] == ""


def test_no_progress_when_stderr_is_a_pipe(in_root):
    result = subprocess.run([sys.executable, "-c", CODE, "--no-cache", "examples"], cwd=ROOT, capture_output=True,
                            env=_env(), timeout=300, check=False)
    assert result.stderr == b""


class _Screen:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_nothing_is_drawn_before_the_delay_so_a_short_run_never_flickers():
    screen = _Screen()
    progress = Progress(screen, delay=3600)
    progress(1, 2)
    progress(2, 2)
    progress.close()
    assert screen.text == ""
