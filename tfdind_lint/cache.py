"""Results of earlier runs, reused for unchanged inputs.

On by default (``--no-cache`` turns it off, and then nothing is written).  An
entry is what checking one piece gave (pieces.py: a ``UnitResult`` per unit),
keyed by a digest of everything that result depends on: the paths and bytes of
the piece's files (every file of its module directories, and their lock files),
the rules, severities, parameters and suppression annotation of each file, every
policy (built-in and custom, parameters included), the project-scoped rules
gathered for, the tool's version and code, the versions of its parsers, and
Python's.  A changed sibling file changes its module's key; suppression expiry
and the configuration's ``suppress`` entries are applied after the cache, so
they never go stale in it.

Where: ``$TFDIND_LINT_CACHE_DIR``, else the user cache directory:
``$XDG_CACHE_HOME/tfdind-lint`` or ``~/.cache/tfdind-lint`` (Linux),
``~/Library/Caches/tfdind-lint`` (macOS), ``%LOCALAPPDATA%\\tfdind-lint\\cache``
(Windows).  An entry is one file, ``v1/<ab>/<key>``: a header, the SHA-256 of the
payload, and the payload (a pickle, read only from this directory, which is the
user's own).  It is written to a temporary file beside it and renamed into place,
so concurrent runs see a whole entry or none; an entry that does not read
(truncated, corrupt, another format) is a miss and is written again.  After a run
that wrote entries, the least recently used ones go while the cache is over
``MAX_BYTES``.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile

from . import __version__

FORMAT = b"tfdind-lint cache v1\n"
MAX_BYTES = 256 * 1024 * 1024


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


class Cache:
    def __init__(self, directory: str | None = None, max_bytes: int = MAX_BYTES):
        self.directory = os.path.join(directory or default_directory(), "v1")
        self.max_bytes = max_bytes
        self.written = 0
        self._rules: dict[int, str] = {}
        self._settings: dict[int, str] = {}

    # keys -------------------------------------------------------------------------------------
    def key(self, piece, digests: dict[int, str], settings, project_rules: frozenset[str]) -> str:
        """The key of a piece's result (``digests``: unit index -> digest of its files)."""
        units = [(spec.kind, spec.path, spec.files, digests[spec.index], [self._rules_digest(settings.rules(f))
                                                                          for f in spec.files])
                 for spec in piece]
        parts = (self._settings_digest(settings), sorted(project_rules), self._rules_digest(settings.rules()), units)
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def _rules_digest(self, rules) -> str:
        """One file's rules: enabled ones, severities, parameters, annotation key (memoised: most files share them)."""
        found = self._rules.get(id(rules))
        if found is None:
            text = json.dumps([sorted(rules.enabled), sorted((r, int(s)) for r, s in rules.severities.items()),
                               rules.parameters, rules.annotation], sort_keys=True, default=repr)
            found = self._rules[id(rules)] = hashlib.sha256(text.encode()).hexdigest()
        return found

    def _settings_digest(self, settings) -> str:
        """The tool, the parsers, Python, and every policy of the run."""
        found = self._settings.get(id(settings.policies))
        if found is None:
            policies = repr(sorted(settings.policies.items()))
            found = hashlib.sha256(f"{_code()}\0{policies}".encode()).hexdigest()
            self._settings[id(settings.policies)] = found
        return found

    # entries ----------------------------------------------------------------------------------
    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key)

    def get(self, key: str):
        """The stored result, or None (no entry, or one that does not read)."""
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        header = len(FORMAT) + 32
        payload = data[header:]
        if data[:len(FORMAT)] != FORMAT or data[len(FORMAT):header] != hashlib.sha256(payload).digest():
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # noqa: BLE001  (whatever a damaged entry raises: it is a miss)
            return None
        try:
            os.utime(path)  # recently used: trimmed last
        except OSError:
            pass
        return value

    def put(self, key: str, value) -> None:
        """Store a result; a cache that cannot be written is simply not used."""
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        directory = os.path.dirname(self._path(key))
        try:
            os.makedirs(directory, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + hashlib.sha256(payload).digest() + payload)
                os.replace(temporary, self._path(key))
            except BaseException:
                _remove(temporary)
                raise
        except OSError:
            return
        self.written += len(payload)

    def trim(self) -> None:
        """Remove the least recently used entries while the cache holds more than ``max_bytes``."""
        if not self.written:
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


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


_CODE: list[str] = []


def _code() -> str:
    """The tool's version and code (size and time of each source file), its parsers' and Python's versions."""
    if not _CODE:
        import importlib.util  # noqa: PLC0415

        from .resources import data_path  # noqa: PLC0415

        parts = [__version__, sys.version]
        roots = [os.path.dirname(os.path.abspath(__file__)), data_path("policies"), data_path("schemas")]
        for name in ("ruamel.yaml",):  # (the HCL parser is the tool's own code)
            spec = importlib.util.find_spec(name)
            if spec is not None and spec.origin:
                roots.append(os.path.dirname(spec.origin))
        for root in roots:
            for directory, _, files in sorted(os.walk(root)):
                for name in sorted(files):
                    if name.endswith((".py", ".yaml", ".json", ".lark", ".bin")):
                        stat = os.stat(os.path.join(directory, name))
                        parts.append(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
        _CODE.append(hashlib.sha256("\n".join(parts).encode()).hexdigest())
    return _CODE[0]
