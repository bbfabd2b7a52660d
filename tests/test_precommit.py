"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real pre-commit.

A snapshot of this working tree is committed to a temporary repository (the
hook source), and a second temporary repository uses it the way a user would:
``.pre-commit-config.yaml`` pointing at it, ``pre-commit install``, ``git
commit``.  pre-commit installs the hook source with pip (from PyPI for the
build backend and the dependencies), once for the module thanks to a shared
``PRE_COMMIT_HOME``; ``pre-commit try-repo`` makes a store of its own and
installs once more (about ten seconds each with a warm pip cache).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples"


def _run(args, cwd, env, check=True) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def _snapshot(destination: Path, env: dict) -> str:
    """Commit the working tree as it is (tracked and untracked files, .gitignore honoured); return the commit."""
    listed = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env, check=False)
    if listed.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout: {listed.stderr.strip()}")
    destination.mkdir()
    for name in sorted(set(listed.stdout.split("\0")) - {""}):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not part of the snapshot
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    _run(["git", "init", "-q"], destination, env)
    _run(["git", "add", "-A"], destination, env)
    _run(["git", "commit", "-q", "-m", "snapshot of the tree under test"], destination, env)
    return _run(["git", "rev-parse", "HEAD"], destination, env).stdout.strip()


@pytest.fixture(scope="module")
def hooks(tmp_path_factory):
    """(environment, hook source path, commit) shared by every test of the module."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    base = tmp_path_factory.mktemp("pre-commit")
    gitconfig = base / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n"
                         "[commit]\n\tgpgsign = false\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_HOME=str(base / "cache"),
               PIP_DISABLE_PIP_VERSION_CHECK="1",
               PRE_COMMIT_COLOR="never", NO_COLOR="1")
    source = base / "tfdind-lint"
    return env, source, _snapshot(source, env)


def _project(path: Path, hooks, hook_id: str = "tfdind-lint") -> Path:
    """A user's repository whose .pre-commit-config.yaml uses the hook source; the git hook installed."""
    env, source, commit = hooks
    path.mkdir()
    _run(["git", "init", "-q"], path, env)
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source.as_posix()}\n    rev: {commit}\n    hooks:\n      - id: {hook_id}\n",
        encoding="utf-8")
    _run([sys.executable, "-m", "pre_commit", "install"], path, env)
    return path


def _copy(example: str, destination: Path) -> None:
    shutil.copytree(EXAMPLES / example, destination)


def _commit(project: Path, hooks, *paths: str, force: bool = False) -> tuple[int, str]:
    """Stage and commit; (exit code, what the user sees: git prints hook output on stderr)."""
    env = hooks[0]
    _run(["git", "add", *(["-f"] if force else []), *paths], project, env)
    done = _run(["git", "commit", "-m", "change"], project, env, check=False)
    return done.returncode, done.stdout + done.stderr


def _commits(project: Path, env) -> int:
    done = _run(["git", "rev-list", "--count", "--all"], project, env, check=False)
    return int(done.stdout.strip() or 0)


def test_defective_template_is_refused_and_the_finding_printed(tmp_path, hooks):
    project = _project(tmp_path / "project", hooks)
    _copy("sysbox-docker/bad", project / "workspace")
    code, output = _commit(project, hooks, ".pre-commit-config.yaml", "workspace")
    assert code != 0, output
    assert "tfdind-lint..." in output and "Failed" in output
    assert "workspace/main.tf:94:1: TDL101 error: No `runtime = \"sysbox-runc\"` on this container" in output
    assert "= help: set `runtime = \"sysbox-runc\"`" in output  # the full form, with help
    assert "workspace/main.tf:35:10: TDL010" in output
    assert _commits(project, hooks[0]) == 0


def test_clean_template_is_committed_and_siblings_resolve(tmp_path, hooks):
    env = hooks[0]
    project = _project(tmp_path / "project", hooks)
    _copy("sysbox-kubernetes/good", project / "workspace")
    # a defective module under .terraform/ (forced past a .gitignore) is not the user's code
    bad = project / ".terraform" / "modules" / "vendored" / "main.tf"
    bad.parent.mkdir(parents=True)
    shutil.copy2(EXAMPLES / "sysbox-docker" / "bad" / "main.tf", bad)
    code, output = _commit(project, hooks, ".pre-commit-config.yaml", "workspace", ".terraform", force=True)
    assert code == 0, output
    assert "tfdind-lint..." in output and "Passed" in output
    # only main.tf is staged: its variables are declared in the committed variables.tf
    main = project / "workspace" / "main.tf"
    main.write_text(main.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    code, output = _commit(project, hooks, "workspace/main.tf")
    assert code == 0, output
    assert "Passed" in output
    assert _commits(project, env) == 2


def test_whole_repository_hook_reports_unstaged_modules(tmp_path, hooks):
    env = hooks[0]
    project = _project(tmp_path / "project", hooks, "tfdind-lint-all")
    _copy("sysbox-docker/bad", project / "old")
    _run(["git", "add", "old"], project, env)
    _run(["git", "commit", "--no-verify", "-q", "-m", "old defect"], project, env)
    _copy("sysbox-kubernetes/good", project / "new")
    code, output = _commit(project, hooks, ".pre-commit-config.yaml", "new")
    assert code != 0, output
    assert "old/main.tf:94:1: TDL101" in output


def test_try_repo_flags_the_defective_template_and_not_the_clean_one(tmp_path, hooks):
    env, source, commit = hooks
    project = tmp_path / "project"
    project.mkdir()
    _run(["git", "init", "-q"], project, env)
    _copy("sysbox-docker/bad", project / "bad")
    _copy("sysbox-kubernetes/good", project / "good")
    _run(["git", "add", "."], project, env)
    done = _run([sys.executable, "-m", "pre_commit", "try-repo", str(source), "tfdind-lint", "--ref", commit,
                 "--all-files"], project, env, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    report = done.stdout.split("- exit code: 1", 1)[1]
    assert "bad/main.tf:94:1: TDL101" in report
    assert "good/" not in report
    assert re.search(r"^Found \d+ findings \(.*\) in \d of 4 files", report, re.M)  # bad/ and good/ were read


def test_fix_hook_fixes_the_staged_template_fails_and_the_next_commit_passes(tmp_path, hooks):
    env = hooks[0]
    project = _project(tmp_path / "project", hooks, "tfdind-lint-fix")
    _copy("dind-docker/good", project / "workspace")
    main = project / "workspace" / "main.tf"
    original = main.read_text(encoding="utf-8")
    assert '"DOCKER_HOST=tcp://docker:2376",' in original
    main.write_text(original.replace("DOCKER_HOST=tcp://docker:2376", "DOCKER_HOST=docker:2376"), encoding="utf-8")
    code, output = _commit(project, hooks, ".pre-commit-config.yaml", "workspace")
    assert code != 0, output
    assert "files were modified by this hook" in output
    assert "Fixed 1 finding (0 remaining)." in output
    assert main.read_text(encoding="utf-8") == original
    code, output = _commit(project, hooks, "workspace")
    assert code == 0, output
    assert "Passed" in output
    assert _commits(project, env) == 1
