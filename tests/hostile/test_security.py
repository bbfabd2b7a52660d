"""Security properties, tested.

- Loading YAML never constructs objects from tags.
- The tool never opens a network connection: run with socket creation made to fail, it gives the same results.
- It never executes anything: run with process creation made to fail, it gives the same results, and the
  payloads in the input (local-exec, external data sources, YAML tags) leave no trace.
- It writes nothing but ``--output`` (and, unless ``--no-cache``, its result cache in the cache directory).
- Findings do not leak absolute paths of the machine unless the user passed absolute paths.

The network, execution and write properties are checked in a subprocess with a Python audit hook
(PEP 578) installed before tfdind_lint is imported: every socket, process and file-write event goes
through it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from cases import PYTHON_TAGS
from conftest import ROOT
from harness import make_tree, run
from tfdind_lint import cli
from tfdind_lint.sources import kubernetes

#: Input that would do something if a tool ever ran, fetched or constructed it.
PAYLOADS = {
    "payload/main.tf": b"""\
terraform {
  backend "http" {
    address = "http://127.0.0.1:9/state"
  }
}

module "remote" {
  source = "git::https://127.0.0.1:9/module.git"
}

data "external" "run" {
  program = ["sh", "-c", "touch PWNED"]
}

data "http" "fetch" {
  url = "http://127.0.0.1:9/"
}

resource "docker_container" "workspace" {
  image      = "codercom/enterprise-base:ubuntu"
  privileged = true
  command    = ["sh", "-c", file("/etc/passwd")]

  provisioner "local-exec" {
    command = "touch PWNED"
  }
}
""",
    "payload/tags.yaml": PYTHON_TAGS,
}

#: Audit events that must never happen: network, processes, loading native code at run time.
FORBIDDEN = ("socket.", "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
             "pty.spawn", "ctypes.dlopen", "webbrowser.open")
#: Audit events that change the file system (besides opening a file for writing).
MUTATING = ("os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate",
            "os.chmod", "os.chown", "os.utime", "os.mkfifo", "os.mknod", "shutil.")

DRIVER = textwrap.dedent("""\
    import json, os, sys

    FORBIDDEN, MUTATING = tuple(json.loads(sys.argv[1])), tuple(json.loads(sys.argv[2]))
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    events = []

    def hook(event, args):
        if event.startswith(FORBIDDEN):
            events.append(["forbidden", event])
            raise PermissionError(f"{event} is blocked by the test")
        if event == "open":
            path, mode, flags = args
            if (isinstance(mode, str) and set(mode) & set("wax+")) or (isinstance(flags, int) and flags & WRITE_FLAGS):
                events.append(["write", os.path.abspath(os.fsdecode(path)) if isinstance(path, (str, bytes)) else repr(path)])
        elif event == "os.rename" and isinstance(args[0], (str, bytes)):  # os.replace: a temporary file onto a report
            events.append(["rename", *(os.path.abspath(os.fsdecode(path)) for path in args[:2])])
        elif event.startswith(MUTATING):
            events.append(["write", event])

    sys.addaudithook(hook)
    from tfdind_lint.cli import main

    codes = [main(json.loads(arguments)) for arguments in sys.argv[3:]]
    sys.stderr.write("\\nEVENTS " + json.dumps({"codes": codes, "events": events}) + "\\n")
""")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("security") / "tree"
    make_tree(root)
    for name, data in PAYLOADS.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_bytes(data)
    return root


def snapshot(root) -> dict:
    """Every entry under root: its kind, size and modification time."""
    out = {}
    for directory, dirs, files in os.walk(root):
        for name in dirs + files:
            info = os.lstat(os.path.join(directory, name))
            out[os.path.relpath(os.path.join(directory, name), root)] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return out


def in_process(tree, out, formats=("text", "json", "sarif")) -> dict:
    """Each format of the CLI in-process, run in ``tree`` on ``.``."""
    here = os.getcwd()
    os.chdir(tree)
    try:
        for fmt in formats:
            cli.main([".", "--no-cache", "--jobs", "1", "--verbose", "--format", fmt, "--output", str(out / f"in-process.{fmt}")])
    finally:
        os.chdir(here)
    return {fmt: (out / f"in-process.{fmt}").read_bytes() for fmt in formats}


def hooked(tree, out, formats=("text", "json", "sarif"), cache: bool = False) -> tuple[dict, dict]:
    """The same in a subprocess under the audit hook: (outputs, {"codes", "events"})."""
    # one process: worker processes (parallel.py) are the tool itself, and tests/test_parallel.py checks them
    options = [".", "--verbose", "--jobs", "1"] + ([] if cache else ["--no-cache"])
    arguments = [json.dumps([*options, "--format", fmt, "--output", str(out / f"hooked.{fmt}")]) for fmt in formats]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}  # no .pyc: the interpreter's writes
    result = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(FORBIDDEN), json.dumps(MUTATING), *arguments],
                            cwd=tree, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stderr.rsplit("\nEVENTS ", 1)[1])
    return {fmt: (out / f"hooked.{fmt}").read_bytes() for fmt in formats}, report


def writes(report) -> set:
    """The files written, a temporary file renamed onto its destination counting as the destination (writes.py)."""
    renamed = {event[1]: event[2] for event in report["events"] if event[0] == "rename"}
    return {renamed.get(event[1], event[1]) for event in report["events"] if event[0] == "write"}


def test_no_network_no_process_no_write_and_the_same_results(tree, tmp_path):
    before = snapshot(tree)
    expected = in_process(tree, tmp_path)
    outputs, report = hooked(tree, tmp_path)
    assert outputs == expected, "blocking sockets and processes must not change a single byte"
    assert report["codes"] == [1, 1, 1]
    assert [e for e in report["events"] if e[0] == "forbidden"] == []
    written = writes(report)
    assert written == {str(tmp_path / f"hooked.{fmt}") for fmt in ("text", "json", "sarif")}
    assert snapshot(tree) == before
    assert not (tree / "PWNED").exists() and not (tmp_path / "PWNED").exists()


def test_the_result_cache_is_the_only_other_write(tree, tmp_path, monkeypatch):
    """Without --no-cache the result cache is written too (the one exception, docs/architecture.md), and only there."""
    monkeypatch.setenv("TFDIND_LINT_CACHE_DIR", str(tmp_path / "cache"))
    before = snapshot(tree)
    expected = in_process(tree, tmp_path)
    outputs, report = hooked(tree, tmp_path, cache=True)
    assert outputs == expected
    assert [e for e in report["events"] if e[0] == "forbidden"] == []
    written = {path for path in writes(report) if os.path.isabs(path)}
    reports = {str(tmp_path / f"hooked.{fmt}") for fmt in ("text", "json", "sarif")}
    assert reports <= written
    assert all(path.startswith(str(tmp_path / "cache") + os.sep) for path in written - reports)
    assert snapshot(tree) == before


def test_the_hook_does_block(tree, tmp_path):
    """The audit hook is live: a CLI whose code opened a socket would fail under it."""
    code = "import socket; socket.socket()"
    driver = DRIVER.replace("from tfdind_lint.cli import main", code + "\nfrom tfdind_lint.cli import main")
    result = subprocess.run([sys.executable, "-c", driver, json.dumps(FORBIDDEN), json.dumps(MUTATING)],
                            cwd=tree, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "socket.__new__ is blocked by the test" in result.stderr


def test_yaml_tags_never_construct_objects(monkeypatch, tmp_path):
    from ruamel.yaml import constructor

    def refuse(*args, **kwargs):
        raise AssertionError("a ruamel constructor ran")

    for cls in (constructor.BaseConstructor, constructor.SafeConstructor, constructor.RoundTripConstructor):
        for name in ("construct_document", "construct_object", "construct_non_recursive_object"):
            if name in vars(cls):
                monkeypatch.setattr(cls, name, refuse)
    # as a kind whose fields have no shape to conform to (a ConfigMap's data must be strings: the lists become unknown)
    yaml = kubernetes.parse_file("tags.yaml", PYTHON_TAGS.replace(b"kind: ConfigMap", b"kind: Settings"))
    data = yaml.documents[0].value["data"].value
    plain = {k: [i.value for i in v.value] if isinstance(v.value, list) else v.value for k, v in data.items()}
    # the tags are ignored: `a` is the list it is written as, `b` (`!!python/name:os.system`, no value) is null
    assert plain == {"a": ["touch PWNED"], "b": None, "c": [plain["c"][0]], "d": None, "e": "SomeParameter", "f": "aGVsbG8="}
    assert [i.value for i in plain["c"][0]] == ["touch", "PWNED"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tags.yaml").write_bytes(PYTHON_TAGS)
    assert cli.main(["tags.yaml", "--format", "json", "--output", str(tmp_path / "out.json")]) == 0
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_no_absolute_path_unless_given_one(tree, tmp_path, fmt):
    machine = {str(tree.parent), os.path.realpath(tree.parent), str(tmp_path), os.path.expanduser("~")} - {"/", "~"}
    output = tmp_path / f"relative.{fmt}"
    here = os.getcwd()
    os.chdir(tree)
    try:
        cli.main([".", "--verbose", "--format", fmt, "--output", str(output)])
        cli.main([str(tree / "good"), "--format", fmt, "--output", str(tmp_path / f"absolute.{fmt}")])
    finally:
        os.chdir(here)
    text = output.read_text(encoding="utf-8")
    assert "payload/main.tf" in text and "good/docker/main.tf" in text
    leaks = [m for m in machine if re.search(re.escape(m) + r"(?![\w.-])", text)]  # not "/root" in ".../rootless.md"
    assert leaks == [], leaks
    assert str(tree / "good") in (tmp_path / f"absolute.{fmt}").read_text(encoding="utf-8")  # the user's own absolute path


def test_relative_paths_with_parent_directories_stay_relative(tree, tmp_path):
    code, report = run(tree / "good", ["../payload", "."], tmp_path / "out.json")
    assert code == 1
    paths = {f["path"] for f in report["findings"]}
    assert "../payload/main.tf" in paths and all(not p.startswith("/") for p in paths)
