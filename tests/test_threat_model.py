"""docs/robustness.md, "Threat model": nothing read from the linted tree, the environment or the cache runs code.

Every file the tool reads from a repository under review carries a payload here (YAML tags that would call
``os.system`` if constructed, jsonpickle-style objects, Terraform functions that read files or run programs),
the tree holds modules that shadow the standard library and the tool itself, and a custom policy directory
holds Python files.  Under an audit hook (PEP 578) the run starts no process, executes or compiles no code
but Python's and the tool's own modules, unpickles nothing, and leaves no trace of a payload.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, SIDECAR_TF, TESTS, write_tree

PAYLOAD = '!!python/object/apply:os.system ["touch PWNED"]'
#: Python files that write a PWNED-<name> file if they are ever imported or run.
SHADOWS = {name: f"open('PWNED-{name.replace('/', '-')}', 'w').close()\n"
           for name in ("json.py", "tomllib.py", "hashlib.py", "argparse.py", "shlex.py", "plain.py",
                        "tfdind_lint/__init__.py", "tfdind_lint/__main__.py", "ruamel/__init__.py",
                        "policies/ACME900.py", "policies/__init__.py", "conftest.py", "sitecustomize.py")}

CONFIG = f"""\
policies: policies
exclude: {PAYLOAD}
suppress:
  - rules: [TDL101]
    files: !!python/object/new:subprocess.Popen ["tf/*.tf"]
    reason: tags are ignored, values read as written
"""

POLICY = (TESTS / "custom" / "policies" / "ACME001-no-latest-images.yaml").read_text(encoding="utf-8").replace(
    'forbid: ["*:latest"]', 'forbid: !!python/object/apply:os.system ["*:latest"]')

MANIFEST = f"""\
apiVersion: v1
kind: Pod
metadata:
  name: ws
  annotations:
    a: {PAYLOAD}
    b: !!python/name:os.system
spec:
  containers:
    - name: dind
      image: !!python/object/new:subprocess.Popen docker:dind
      securityContext: {{privileged: true}}
    - name: dev
      image: busybox:latest
"""

TF_JSON = json.dumps({
    "resource": {"docker_container": {"dind": {
        "image": "docker:dind", "privileged": True, "name": "${file(\"/etc/passwd\")}",
        "command": ["sh", "-c", "${templatefile(\"x.tpl\", {})}"],
        "provisioner": [{"local-exec": {"command": "touch PWNED"}}]}}},
    "data": {"external": {"run": {"program": ["sh", "-c", "touch PWNED"]}}},
    "py/object": "os.system",
}, indent=2)

USER_DATA = """\
[settings.kernel.sysctl]
"user.max_user_namespaces" = "0"

[settings.bootstrap-containers.x]
source = "$(touch PWNED)"
user-data = "dG91Y2ggUFdORUQ="
"""

PYPROJECT = """\
[tool.tfdind-lint]
fail-on = "error"
"""


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "repo"
    files = {".tfdind-lint.yaml": CONFIG, "policies/ACME001.yaml": POLICY, "tf/main.tf": SIDECAR_TF,
             "json/main.tf.json": TF_JSON, "k8s/pod.yaml": MANIFEST, "nodes/user-data.toml": USER_DATA,
             "sub/pyproject.toml": PYPROJECT, "sub/main.tf": SIDECAR_TF, **SHADOWS}
    write_tree(root, files)
    return root


#: The CLI under the hook, twice on the same arguments: the first run imports what the run needs (and builds the
#: dataclasses, whose methods Python compiles), the second is recorded.  Process creation is blocked in both.
DRIVER = textwrap.dedent("""\
    import sys
    sys.path[:] = [p for p in sys.path if p not in ("", ".")]  # python -c puts the working directory first
    import json, os

    BLOCKED = ("os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "socket.")
    TREE = os.getcwd() + os.sep
    events, recording = [], []

    def foreign(name):
        return not (isinstance(name, str) and name.endswith(".py") and os.path.isfile(name)
                    and not os.path.abspath(name).startswith(TREE))

    def hook(event, args):
        if event.startswith(BLOCKED):
            events.append(event)
            raise PermissionError(event)
        if not recording:
            return
        if event == "exec" and foreign(getattr(args[0], "co_filename", None)):
            events.append(f"exec {args[0]!r}")
        elif event == "compile" and foreign(args[1]):
            events.append(f"compile {args[1]!r}: {args[0]!r:.200}")
        elif event == "pickle.find_class":
            events.append(f"pickle.find_class {args[0]}.{args[1]}")
        elif event == "import" and args[0] not in sys.modules:
            events.append(f"import {args[0]}")

    sys.addaudithook(hook)
    from tfdind_lint.cli import main

    argv = json.loads(sys.argv[1])
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv)
    recording.append(True)
    code = main(argv)
    sys.stderr.write("\\nEVENTS " + json.dumps({"code": code, "events": events}) + "\\n")
""")


def audited(tree, *argv: str, **env: str) -> tuple[dict, str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    result = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(list(argv))], cwd=tree, env=environment,
                            capture_output=True, text=True, check=False, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stderr.rsplit("\nEVENTS ", 1)[1])
    return report, result.stdout


def traces(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("PWNED*"))


def test_a_hostile_repository_runs_nothing(tree, tmp_path):
    """Configuration (YAML tags), a custom policy (YAML tags, Python files beside it), Kubernetes YAML (tags),
    .tf.json (functions, provisioners, a jsonpickle key), Bottlerocket TOML, pyproject.toml, and modules named like
    the standard library's and the tool's: read as data, never run."""
    report, out = audited(tree, "--format", "json", "--jobs", "1", ".", TFDIND_LINT_CACHE_DIR=str(tmp_path / "c"))
    assert report["events"] == []
    assert traces(tree) == [] and traces(tmp_path) == []
    findings = json.loads(out)["findings"]
    rules = {f["rule"] for f in findings}
    assert {"TDL401", "ACME001"} <= rules  # the tree was linted: the custom policy and the tagged manifest read
    assert report["code"] == 1


def test_the_cached_run_of_a_hostile_repository_runs_nothing(tree, tmp_path):
    """The same with the cache filled by the first run: the second run reads every result from it."""
    cache = str(tmp_path / "cache")
    first, out = audited(tree, "--format", "json", "--jobs", "1", ".", TFDIND_LINT_CACHE_DIR=cache)
    again, cached = audited(tree, "--format", "json", "--jobs", "1", ".", TFDIND_LINT_CACHE_DIR=cache)
    assert first["events"] == again["events"] == [] and cached == out
    assert traces(tree) == []


@pytest.mark.parametrize("baseline", [
    {"py/reduce": [{"py/function": "os.system"}, {"py/tuple": ["touch PWNED"]}]},
    {"version": 1, "findings": [{"py/object": "subprocess.Popen", "rule": "TDL401"}]},
    [["__reduce__", "os.system", "touch PWNED"]],
])
def test_a_hostile_baseline_is_data(tree, tmp_path, baseline):
    (tree / "baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
    report, out = audited(tree, "--no-cache", "--baseline", "baseline.json", ".")
    assert report["events"] == [] and traces(tree) == []
    assert report["code"] in (1, 2)


def test_the_environment_is_data(tree, tmp_path):
    """The variables the tool reads are paths, flags and link text: none is evaluated."""
    hostile = "$(touch PWNED)`touch PWNED`;touch PWNED"
    env = {"TFDIND_LINT_CACHE_DIR": str(tmp_path / hostile.replace("/", "_")), "XDG_CACHE_HOME": hostile,
           "NO_COLOR": hostile, "FORCE_COLOR": hostile, "GITHUB_WORKSPACE": hostile, "GITHUB_REPOSITORY": hostile,
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "TFDIND_LINT_RULES_URL": hostile,
           "GITHUB_SERVER_URL": hostile, "GITHUB_SHA": hostile}
    report, _ = audited(tree, "--format", "github", ".", **env)
    assert report["events"] == [] and traces(tree) == [] and traces(tmp_path) == []


def test_every_python_the_action_starts_is_isolated():
    """The action runs in the checkout under review: ``python -m``/``-c`` would import a ``venv/``, ``pip/``,
    ``shlex.py`` or ``tfdind_lint/`` from it.  ``-I`` keeps the working directory (and PYTHON* variables) out."""
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    starts = re.findall(r'^\s*"\$(?:python|TFDIND_PYTHON)" ([^\n]*)', text, re.M)
    assert len(starts) == 6
    assert [s for s in starts if not s.startswith("-I ")] == []


def test_python_dash_m_from_a_hostile_checkout_imports_from_it_unless_isolated(tree):
    """Why the action needs ``-I``: the same command without it runs the checkout's ``tfdind_lint/``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    plain_m = subprocess.run([sys.executable, "-m", "tfdind_lint", "--version"], cwd=tree, env=env,
                             capture_output=True, text=True, check=False, timeout=120)
    assert "PWNED-tfdind_lint-__init__.py" in traces(tree)
    for trace in traces(tree):
        os.remove(tree / trace)
    isolated = subprocess.run([sys.executable, "-I", "-m", "tfdind_lint", "--version"], cwd=tree, env=env,
                              capture_output=True, text=True, check=False, timeout=120)
    if "No module named tfdind_lint" in isolated.stderr:
        pytest.skip("tfdind-lint is not installed in this interpreter (only on PYTHONPATH)")
    assert isolated.stdout.startswith("tfdind-lint ") and traces(tree) == []
    assert plain_m.returncode is not None
