"""The result cache is data, never code, and is used only from a directory that is the user's own.

- A crafted entry with a valid checksum (a pickle, or JSON with values of the wrong type) is a miss: under an
  audit hook (PEP 578) the run executes and compiles nothing, unpickles nothing, and reports what a run without
  the cache reports; the entry is then written again, valid.
- A cache directory writable by group or others, or owned by someone else, is refused with one warning and the
  run goes on without it, writing nothing there; the directories the tool creates are private (0700).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import PADDING_TF, ROOT, SIDECAR_TF, SIDECAR_YAML, TESTS, write_tree
from tfdind_lint import plain
from tfdind_lint.cache import FORMAT, Cache
from tfdind_lint.pieces import UnitResult

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX ownership and modes")


def entries(directory) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, files in os.walk(directory) for f in files)


def seal(payload: bytes) -> bytes:
    """An entry with a valid header and checksum around any payload."""
    return FORMAT + hashlib.sha256(payload).digest() + payload


class _Payload:
    """Unpickling this runs a shell command."""

    def __reduce__(self):
        return os.system, ("touch PWNED",)


@pytest.fixture
def repo(tmp_path):
    """A tree whose pieces carry every kind of extract: Terraform, Kubernetes (a device plugin), Bottlerocket."""
    root = tmp_path / "repo"
    write_tree(root, {"t/main.tf": SIDECAR_TF, "k/pod.yaml": SIDECAR_YAML})
    for rule in ("TDL302", "TDL304"):
        shutil.copytree(TESTS / "policies" / rule, root / rule)
    return root


def lint(repo, cache, *options: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TFDIND_LINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tfdind_lint", "--format", "json", "--jobs", "1", *options, "."],
                          cwd=repo, env=env, capture_output=True, check=False, timeout=300)


#: Under the hook: the CLI once without the cache (so nearly every module is imported and every dataclass
#: built), then, recording, once with it.  Recorded: process creation (blocked), exec and compile of any code
#: but the tool's and Python's own modules (``.py`` files outside the linted tree), unpickling of any class.
AUDITED = textwrap.dedent("""\
    import json, os, sys
    from tfdind_lint.cli import main

    BLOCKED = ("os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.fork")
    TREE = os.getcwd() + os.sep
    events = []
    recording = []

    def foreign(name):  # Python's frozen standard modules (`<frozen importlib.util>`) are its own code too
        if isinstance(name, str) and name.startswith("<frozen ") and name[8:-1].split(".")[0] in sys.stdlib_module_names:
            return False
        return not (isinstance(name, str) and name.endswith(".py") and os.path.isfile(name)
                    and not os.path.abspath(name).startswith(TREE))

    def hook(event, args):
        if not recording:
            return
        if event.startswith(BLOCKED):
            events.append(event)
            raise PermissionError(event)
        if event == "exec" and foreign(getattr(args[0], "co_filename", None)):
            events.append(f"exec {args[0]!r}")
        elif event == "compile" and foreign(args[1]):
            events.append(f"compile {args[1]!r}: {args[0]!r:.200}")
        elif event == "pickle.find_class":
            events.append(f"pickle.find_class {args[0]}.{args[1]}")

    sys.addaudithook(hook)
    main(["--no-cache", "--format", "json", "--jobs", "1", "--output", "/dev/null", "."])
    import tempfile  # writing cache entries imports it; the run above used no cache
    recording.append(True)
    try:
        code = main(["--format", "json", "--jobs", "1", "--output", "report.json", "."])
    finally:
        recording.clear()
    sys.stderr.write("\\nEVENTS " + json.dumps({"code": code, "events": events}) + "\\n")
""")


def audited(repo, cache) -> tuple[dict, bytes]:
    env = {**os.environ, "TFDIND_LINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", AUDITED], cwd=repo, env=env, capture_output=True, text=True,
                            check=False, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    report = (repo / "report.json").read_bytes()
    (repo / "report.json").unlink()
    return json.loads(result.stderr.rsplit("\nEVENTS ", 1)[1]), report


def wrong_types(payload: bytes) -> bytes:
    """The same entry with a value of the wrong type in every result: the index a string, a span's line a string."""
    document = json.loads(payload)
    for result in document["results"]:
        result[0] = str(result[0])
        for finding in result[2]:
            finding[0][1] = str(finding[0][1])
    return json.dumps(document).encode()


def pickled(payload: bytes) -> bytes:
    return pickle.dumps(_Payload())


@pytest.mark.parametrize("craft", [pickled, wrong_types])
def test_a_crafted_entry_with_a_valid_checksum_runs_nothing_and_is_a_miss(repo, tmp_path, craft):
    cache = tmp_path / "cache"
    expected = lint(repo, cache, "--no-cache").stdout
    assert lint(repo, cache).stdout == expected  # fills the cache
    for path in entries(cache):
        with open(path, "rb") as handle:
            payload = handle.read()[len(FORMAT) + 32:]
        with open(path, "wb") as handle:
            handle.write(seal(craft(payload)))
        with pytest.raises(plain.Invalid):
            plain.loads(craft(payload))
    report, output = audited(repo, cache)
    assert report["events"] == []
    assert output == expected and report["code"] == 1
    assert not (repo / "PWNED").exists() and not (tmp_path / "PWNED").exists()
    store = Cache(str(cache))
    assert all(store.get(os.path.basename(path)) is not None for path in entries(cache))  # written again, valid


def test_no_pickle_in_the_read_path(tmp_path):
    """The cache modules import no pickle, and a run reading cached results does not load it at all."""
    write_tree(tmp_path, {"pod.yaml": SIDECAR_YAML, "main.tf": 'resource "docker_container" "x" {\n  privileged = true\n}\n',
                          "padding.tf": PADDING_TF})
    run = "main(['--format', 'json', '--output', os.devnull, '.'])"
    code = f"import os, sys\nfrom tfdind_lint.cli import main\n{run}\n{run}\nprint('pickle' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TFDIND_LINT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.stdout.strip() == "False", result.stderr
    assert entries(tmp_path / "cache")
    for module in ("cache.py", "plain.py"):
        assert "import pickle" not in (ROOT / "tfdind_lint" / module).read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", [
    lambda data: data[:len(data) // 2],  # truncated
    lambda data: os.urandom(len(data)),  # random bytes
    lambda data: seal(os.urandom(200)),  # random bytes with a valid checksum
    lambda data: seal(b'{"version": 1, "paths": [], "results": []}'),  # another version
    lambda data: seal(b"[" * 100_000 + b"]" * 100_000),  # nested deeper than any decoder recurses
    lambda data: data.replace(b"tfdind-lint cache v2", b"tfdind-lint cache v1"),
], ids=["truncated", "random", "random-sealed", "other-version", "deep", "other-header"])
def test_damaged_entries_are_misses_and_are_written_again(repo, tmp_path, damage):
    cache = tmp_path / "cache"
    expected = lint(repo, cache, "--no-cache").stdout
    lint(repo, cache)
    for path in entries(cache):
        with open(path, "rb") as handle:
            data = handle.read()
        with open(path, "wb") as handle:
            handle.write(damage(data))
    assert lint(repo, cache).stdout == expected
    store = Cache(str(cache))
    assert all(store.get(os.path.basename(path)) is not None for path in entries(cache))


@POSIX_ONLY
def test_an_entry_that_is_a_fifo_or_a_link_is_a_miss(repo, tmp_path):
    """Never blocks on a FIFO, never follows a link (to /dev/zero, to another user's file)."""
    cache = tmp_path / "cache"
    expected = lint(repo, cache).stdout
    first, second = entries(cache)[:2]
    os.remove(first)
    os.mkfifo(first)
    target = tmp_path / "elsewhere"
    target.write_bytes(Path(second).read_bytes())
    os.remove(second)
    os.symlink(target, second)
    store = Cache(str(cache))
    assert store.get(os.path.basename(first)) is None and store.get(os.path.basename(second)) is None
    assert lint(repo, cache).stdout == expected  # and both are written again, as files
    assert os.path.isfile(first) and not os.path.islink(second)


def test_twelve_concurrent_runs_give_the_same_report(repo, tmp_path):
    env = {**os.environ, "TFDIND_LINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tfdind_lint", "--format", "json", "--jobs", "1", "."]
    expected = lint(repo, tmp_path / "unused", "--no-cache").stdout
    runs = [subprocess.Popen(command, cwd=repo, env=env, stdout=subprocess.PIPE) for _ in range(12)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert outputs == [expected] * 12 and b"TDL401" in expected
    assert lint(repo, tmp_path / "cache").stdout == expected
    store = Cache(str(tmp_path / "cache"))
    names = [os.path.basename(path) for path in entries(tmp_path / "cache")]
    assert names and not [n for n in names if n.startswith(".tmp-")]
    assert all(store.get(name) is not None for name in names)


# ----------------------------------------------------------------------------------------------
# The directory
# ----------------------------------------------------------------------------------------------

def warning(directory, problem: str) -> str:
    return (f"tfdind-lint: warning: not using the cache directory {directory}: {problem}. Continuing without the "
            "cache (pass --no-cache to silence this, or set TFDIND_LINT_CACHE_DIR to a directory only you can "
            "write)\n")


@POSIX_ONLY
@pytest.mark.parametrize(("mode", "writers"), [(0o777, "group and others"), (0o770, "group"), (0o703, "others"),
                                               (0o1777, "group and others")])
def test_a_cache_directory_others_can_write_is_refused(repo, tmp_path, mode, writers):
    cache = tmp_path / "shared"
    cache.mkdir()
    os.chmod(cache, mode)
    expected = lint(repo, cache, "--no-cache")
    result = lint(repo, cache)
    assert result.stderr.decode() == warning(
        cache, f"it is writable by {writers} (mode {mode:04o}); make it private: chmod 700 {cache}")
    assert (result.returncode, result.stdout) == (expected.returncode, expected.stdout)
    assert entries(cache) == []  # nothing read, nothing written
    assert stat.S_IMODE(os.stat(cache).st_mode) == mode  # and not changed behind the user's back


def test_a_cache_path_that_is_not_a_directory_is_refused(repo, tmp_path):
    cache = tmp_path / "file"
    cache.write_text("not a directory\n", encoding="utf-8")
    expected = lint(repo, cache, "--no-cache")
    result = lint(repo, cache)
    assert result.stderr.decode() == warning(cache, "it is not a directory")
    assert result.stdout == expected.stdout and cache.read_text(encoding="utf-8") == "not a directory\n"


@POSIX_ONLY
def test_an_unsafe_directory_inside_the_cache_is_refused(repo, tmp_path):
    cache = tmp_path / "cache"
    lint(repo, cache)
    os.chmod(cache / "v2", 0o777)
    result = lint(repo, cache)
    assert result.stderr.decode() == warning(
        cache / "v2", f"it is writable by group and others (mode 0777); make it private: chmod 700 {cache / 'v2'}")


@POSIX_ONLY
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a directory away")
def test_a_cache_directory_owned_by_someone_else_is_refused(repo, tmp_path):
    cache = tmp_path / "theirs"
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)  # nobody
    expected = lint(repo, cache, "--no-cache")
    result = lint(repo, cache)
    assert result.stderr.decode() == warning(
        cache, "it is owned by uid 65534, not by you (uid 0); anyone who can write it decides what the report says")
    assert result.stdout == expected.stdout and entries(cache) == []


@POSIX_ONLY
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_an_entry_owned_by_someone_else_is_a_miss(repo, tmp_path):
    cache = tmp_path / "cache"
    expected = lint(repo, cache).stdout
    first = entries(cache)[0]
    os.chown(first, 65534, 65534)
    assert Cache(str(cache)).get(os.path.basename(first)) is None
    assert lint(repo, cache).stdout == expected
    assert os.stat(first).st_uid == 0  # written again by this user


@POSIX_ONLY
def test_no_cache_neither_warns_nor_writes(repo, tmp_path):
    cache = tmp_path / "shared"
    cache.mkdir()
    os.chmod(cache, 0o777)
    result = lint(repo, cache, "--no-cache")
    assert result.stderr == b"" and entries(cache) == []
    missing = tmp_path / "missing"
    assert lint(repo, missing, "--no-cache").stderr == b"" and not missing.exists()


def modes(top, bottom) -> dict[str, str]:
    """The mode of every directory from ``top`` down to ``bottom``."""
    out = {}
    path = bottom
    while True:
        out[os.path.relpath(path, top)] = f"{stat.S_IMODE(os.stat(path).st_mode):04o}"
        if path == top:
            return out
        path = os.path.dirname(path)


@POSIX_ONLY
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_every_directory_the_tool_creates_is_private(repo, tmp_path, umask):
    """The chain up to an existing directory, whatever the umask: ``$TFDIND_LINT_CACHE_DIR`` and the default."""
    code = f"import os, sys\nos.umask({umask:#o})\nfrom tfdind_lint.cli import main\nsys.exit(main(['.']))"
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    for variable, value, top in [("TFDIND_LINT_CACHE_DIR", str(tmp_path / "a" / "b" / "cache"), tmp_path / "a"),
                                 ("HOME", str(home), home / ".cache")]:
        env = {key: v for key, v in os.environ.items() if key not in ("TFDIND_LINT_CACHE_DIR", "XDG_CACHE_HOME")}
        env.update({variable: value, "PYTHONPATH": str(ROOT)})
        result = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, check=False,
                                timeout=300)
        assert result.returncode == 1 and result.stderr == b""
        written = entries(top)
        assert written
        for entry in written:
            assert set(modes(str(top), os.path.dirname(entry)).values()) == {"0700"}, modes(str(top), entry)
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o755  # the existing directory above is the user's business


@POSIX_ONLY
def test_an_existing_private_directory_is_used_as_it_is(repo, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o755)  # not writable by others: fine, and left as it is
    expected = lint(repo, cache, "--no-cache").stdout
    result = lint(repo, cache)
    assert result.stderr == b"" and result.stdout == expected and entries(cache)
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o755


def test_a_result_that_is_not_plain_data_is_not_cached(tmp_path):
    """A piece whose extract holds a Terraform module (a device plugin evaluated through it) is checked every run."""
    store = Cache(str(tmp_path / "cache"))
    store.put("ab" + "0" * 62, [UnitResult(0, gathered={"TDL302": object()})])
    assert entries(tmp_path / "cache") == [] and store.get("ab" + "0" * 62) is None
    store.put("ab" + "1" * 62, [UnitResult(0, files=["x.tf"])])
    assert store.get("ab" + "1" * 62)[0].files == ["x.tf"]
