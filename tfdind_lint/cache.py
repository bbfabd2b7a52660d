"""Results of earlier runs, reused for unchanged inputs.

On by default (``--no-cache`` turns it off, and then nothing is written), but for a run over less than
``cli.SMALL_RUN_BYTES`` of input, which is checked sooner than the cache could answer. An entry is what checking one
piece gave (pieces.py: a ``UnitResult`` per unit), keyed by a digest of everything that result depends on: the paths
and bytes of the piece's files (every file of its module directories, and their lock files), the rules, severities,
parameters and suppression annotation of each file, every policy (built-in and custom, parameters included), the
project-scoped rules gathered for and whether the piece is the whole run (pieces.check_piece), the tool's version
and code, the versions of its parsers, and Python's. A changed sibling file changes its module's key; suppression
expiry and the configuration's ``suppress`` entries are applied after the cache, so they never go stale in it.

Where: ``$TFDIND_LINT_CACHE_DIR``, else the user cache directory:
``$XDG_CACHE_HOME/tfdind-lint`` or ``~/.cache/tfdind-lint`` (Linux),
``~/Library/Caches/tfdind-lint`` (macOS), ``%LOCALAPPDATA%\\tfdind-lint\\cache``
(Windows).  An entry is one file, ``v2/<ab>/<key>``: a header, the SHA-256 of the
payload, and the payload: JSON of plain values (plain.py), read back into our own
types with validation, never code.  It is written to a temporary file beside it and
renamed into place, so concurrent runs see a whole entry or none; an entry that does
not read (truncated, corrupt, another format, a value of the wrong type) is a miss and
is written again.  After a run that wrote entries, the least recently used ones go
while the cache is over ``MAX_BYTES``.

Whoever can write an entry decides what the report says about the files it covers, so
on POSIX systems the cache directory must be the user's own: a directory owned by
someone else, or writable by group or others, is not used (one warning says why and how
to fix it, and the run goes on without the cache), and every directory the tool creates
is private (0700).  Entries owned by someone else are misses.
"""

from __future__ import annotations

import json
import os
import stat
import sys

from . import __version__, plain

try:  # SHA-256 without OpenSSL: importing hashlib (and starting OpenSSL) costs a one-file run more than its checks
    from _sha2 import sha256  # CPython 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # CPython 3.10 and 3.11
    except ImportError:  # an interpreter built without them
        from hashlib import sha256

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from .config import RuleSet
    from .pieces import UnitSpec
    from .settings import RunSettings

FORMAT = b"tfdind-lint cache v2\n"
VERSION_DIRECTORY = "v2"
MAX_BYTES = 256 * 1024 * 1024
#: An entry larger than this is not read: far above any real one (docs/benchmarks.md).
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def default_directory() -> str:
    """The cache directory: ``$TFDIND_LINT_CACHE_DIR``, else the platform's user cache directory."""
    override = os.environ.get("TFDIND_LINT_CACHE_DIR")
    if override:
        return override
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/tfdind-lint")
    if os.name == "nt":
        return os.path.join(os.environ.get("LOCALAPPDATA") or os.path.expanduser("~"), "tfdind-lint", "cache")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "tfdind-lint")


def _warn(message: str) -> None:
    sys.stderr.write(f"tfdind-lint: warning: {message}\n")


class Cache:
    """``directory``: the cache directory (default: ``default_directory()``); ``warn``: how to say it is unsafe."""

    def __init__(self, directory: str | None = None, max_bytes: int = MAX_BYTES, warn=_warn):
        self.root = directory or default_directory()
        self.directory = os.path.join(self.root, VERSION_DIRECTORY)
        self.max_bytes = max_bytes
        self.written = 0
        self._warn = warn
        self._rules: dict[int, str] = {}
        self._settings: dict[int, str] = {}
        #: False once the directory is found unsafe: nothing is read or written then
        self.usable = True
        self._checked = False  # the directory has been checked (or created private)
        self._check()

    # the directory ----------------------------------------------------------------------------
    def _check(self) -> None:
        """Refuse an unsafe cache directory (POSIX); one that does not exist yet is checked when created."""
        for path in (self.root, self.directory):
            problem = unsafe(path)
            if problem is None:
                continue
            if problem != "missing":
                self._refuse(path, problem)
            return
        self._checked = True

    def _refuse(self, path: str, problem: str) -> None:
        self.usable = False
        self._warn(f"not using the cache directory {path}: {problem}. Continuing without the cache (pass "
                   "--no-cache to silence this, or set TFDIND_LINT_CACHE_DIR to a directory only you can write)")

    def _make_directory(self, path: str) -> bool:
        """Create ``path`` and the directories above it that are missing, each private; False if it is unsafe."""
        missing = []
        while path and not os.path.lexists(path):
            missing.append(path)
            parent = os.path.dirname(path)
            if parent == path:
                break
            path = parent
        for directory in reversed(missing):
            try:
                os.mkdir(directory, 0o700)
            except FileExistsError:  # another run made it just now: checked below like any other
                pass
            else:
                if os.name != "nt" and os.stat(directory).st_mode & 0o777 != 0o700:
                    os.chmod(directory, 0o700)  # a umask that keeps the owner out
        if not self._checked:
            for directory in (self.root, self.directory):
                problem = unsafe(directory)
                if problem is not None and problem != "missing":
                    self._refuse(directory, problem)
                    return False
            self._checked = True
        return True

    # keys -------------------------------------------------------------------------------------
    def key(self, piece: list[UnitSpec], digests: dict[int, str], settings: RunSettings, project_rules: frozenset[str],
            whole: bool = False) -> str:
        """The key of a piece's result (``digests``: unit index -> digest of its files; ``whole``: the piece is the
        run, which may leave out project-scoped rules: pieces.check_piece)."""
        units = [(spec.kind, spec.path, spec.files, digests[spec.index], [self._rules_digest(settings.rules(f))
                                                                          for f in spec.files])
                 for spec in piece]
        parts = (self._settings_digest(settings), sorted(project_rules), whole, self._rules_digest(settings.rules()),
                 units)
        return sha256(repr(parts).encode()).hexdigest()

    def _rules_digest(self, rules: RuleSet) -> str:
        """One file's rules: enabled ones, severities, parameters, annotation key (memoised: most files share them)."""
        found = self._rules.get(id(rules))
        if found is None:
            text = json.dumps([sorted(rules.enabled), sorted((r, int(s)) for r, s in rules.severities.items()),
                               rules.parameters, rules.annotation], sort_keys=True, default=repr)
            found = self._rules[id(rules)] = sha256(text.encode()).hexdigest()
        return found

    def _settings_digest(self, settings: RunSettings) -> str:
        """The tool, the parsers, Python, and every policy of the run."""
        found = self._settings.get(id(settings.policies))
        if found is None:
            policies = repr(sorted(settings.policies.items()))
            found = sha256(f"{_code()}\0{policies}".encode()).hexdigest()
            self._settings[id(settings.policies)] = found
        return found

    # entries ----------------------------------------------------------------------------------
    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key)

    def get(self, key: str):
        """The stored results of a piece (a list of ``UnitResult``), or None: no entry, or one that does not read."""
        if not self.usable or not self._checked:
            return None
        path = self._path(key)
        try:
            # not through a link, never blocking on a FIFO; only a regular file of this user's, of a sane size
            with os.fdopen(os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK), "rb") as handle:
                status = os.fstat(handle.fileno())
                if (not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES
                        or (_POSIX and status.st_uid != _USER)):
                    return None
                data = handle.read()
        except OSError:
            return None
        header = len(FORMAT) + 32
        payload = data[header:]
        if data[:len(FORMAT)] != FORMAT or data[len(FORMAT):header] != sha256(payload).digest():
            return None
        try:
            value = plain.loads(payload)
        except plain.Invalid:
            return None
        try:
            os.utime(path)  # recently used: trimmed last
        except OSError:
            pass
        return value

    def put(self, key: str, value) -> None:
        """Store the results of a piece; a cache that cannot be written, or a result that is not plain data
        (``plain.Unencodable``), is simply not stored."""
        if not self.usable:
            return
        try:
            payload = plain.dumps(value)
        except plain.Unencodable:
            return
        directory = os.path.dirname(self._path(key))
        try:
            if (not self._checked or not os.path.isdir(directory)) and not self._make_directory(directory):
                return
            # a private file of an unguessable name, as tempfile.mkstemp makes (which imports shutil, random,
            # bz2 and lzma: more than a one-file run's checks cost); a name taken is only a skipped write
            temporary = os.path.join(directory, f".tmp-{os.urandom(8).hex()}")
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + sha256(payload).digest() + payload)
                os.replace(temporary, self._path(key))
            except BaseException:
                _remove(temporary)
                raise
        except OSError:
            return
        self.written += len(payload)

    def trim(self) -> None:
        """Remove the least recently used entries while the cache holds more than ``max_bytes``."""
        if not self.written or not self.usable:
            return
        entries = []
        try:
            with os.scandir(self.directory) as subdirectories:
                for sub in subdirectories:
                    if sub.is_dir():
                        with os.scandir(sub.path) as files:
                            entries += [(f.stat().st_mtime, f.stat().st_size, f.path) for f in files]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        for _, size, path in sorted(entries):  # oldest first, down to three quarters: not again at the next run
            if total <= self.max_bytes * 3 // 4:
                break
            _remove(path)
            total -= size


def unsafe(path: str) -> str | None:
    """Why ``path`` may not hold the cache (ssh's rule for its keys), ``"missing"``, or None when it may.

    On POSIX the directory must be owned by this user and writable by no one else; elsewhere any directory will do.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if not stat.S_ISDIR(status.st_mode):
        return "it is not a directory"
    if not _POSIX:
        return None
    if status.st_uid != _USER:
        return (f"it is owned by uid {status.st_uid}, not by you (uid {_USER}); anyone who can write it decides "
                "what the report says")
    writers = {0o022: "group and others", 0o020: "group", 0o002: "others"}.get(status.st_mode & 0o022)
    if writers:
        mode = stat.S_IMODE(status.st_mode)
        return f"it is writable by {writers} (mode {mode:04o}); make it private: chmod 700 {path}"
    return None


_POSIX = os.name == "posix" and hasattr(os, "geteuid")
_USER = os.geteuid() if _POSIX else -1


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


_CODE: list[str] = []


def _package_directory(*names: str) -> str | None:
    """Where the package ``.``-joined ``names`` is: imported already, or the first ``sys.path`` directory that holds
    it, as the import system looks (without importing it, or importlib.util, in a run that reads no YAML)."""
    module = sys.modules.get(".".join(names))
    if module is not None and getattr(module, "__file__", None):
        return os.path.dirname(module.__file__)
    for entry in sys.path:
        directory = os.path.join(entry or os.curdir, *names)
        if os.path.isfile(os.path.join(directory, "__init__.py")):
            return directory
    return None


def _code() -> str:
    """The tool's version and code (size and time of each source file), its parsers' and Python's versions."""
    if not _CODE:
        from .resources import data_path  # noqa: PLC0415

        parts = [__version__, sys.version]
        roots = [os.path.dirname(os.path.abspath(__file__)), data_path("policies"), data_path("schemas")]
        yaml = _package_directory("ruamel", "yaml")  # (the HCL parser is the tool's own code)
        if yaml is not None:
            roots.append(yaml)
        for root in roots:
            for directory, _, files in sorted(os.walk(root)):
                for name in sorted(files):
                    if name.endswith((".py", ".yaml", ".json")):
                        info = os.stat(os.path.join(directory, name))
                        parts.append(f"{directory}/{name}:{info.st_size}:{info.st_mtime_ns}")
        _CODE.append(sha256("\n".join(parts).encode()).hexdigest())
    return _CODE[0]
