"""The files the tool writes (``--output``, ``--sarif-output``, the baseline): checked, then written atomically.

A destination is refused (``WriteError``, exit code 2) when it is a directory, one of
the files being read (a linted file, a configuration file, the baseline being read),
or an existing file of another kind: ``--output`` replaces only an earlier
tfdind-lint report (text, github, JSON, SARIF or ``--statistics``, or an empty file),
``--sarif-output`` only a SARIF log, the baseline only a tfdind-lint baseline.  So a
misplaced argument can never turn a template into a report.

A write goes to a temporary file in the destination's directory, which then replaces
the destination in one step (``os.replace``): an interrupted run leaves the old file
or the new one, never half of one.  A device or a pipe (``-o /dev/stdout``) is written
as a stream.
"""

from __future__ import annotations

import os
import stat

from .discover import UsageError
from .lazy_re import LazyPattern

#: destination kinds: what an existing file must be to be replaced
REPORT, SARIF, BASELINE = "report", "SARIF log", "baseline"

_WHAT = {REPORT: "a tfdind-lint report", SARIF: "a SARIF log", BASELINE: "a tfdind-lint baseline"}
#: the last line of a text, github or --statistics report
_SUMMARY = LazyPattern(r"^(Found \d+ findings?\b|No findings\b)")
_TOOL = LazyPattern(r'"(?:tool|driver)"\s*:\s*\{\s*"name"\s*:\s*"tfdind-lint"')
_SARIF = LazyPattern(r'"\$schema"\s*:\s*"[^"]*sarif[^"]*"|"version"\s*:\s*"2\.1\.0"')
_HEAD, _TAIL = 64 * 1024, 4 * 1024


class WriteError(UsageError):
    """A destination the tool will not write: a usage error (exit code 2)."""


def check(path: str, kind: str, flag: str, inputs=()) -> None:
    """Raise WriteError when writing ``path`` (given with ``flag``) could destroy something.

    ``inputs``: the files the run reads; none of them is ever replaced.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteError(f"{flag} {path}: cannot write it: {(exc.strerror or str(exc)).lower()}") from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(f"{flag} {path} is a directory: name a file")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return  # /dev/stdout, /dev/null, a pipe (`-o >(gzip > r.gz)`): a stream, not a file to keep
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{flag} {path} is not a regular file: refusing to write to it; name another file")
    for source in inputs:
        try:
            if os.path.samefile(source, path):
                raise WriteError(f"{flag} {path} is one of the files this run reads: refusing to overwrite it; "
                                 "name another file")
        except OSError:
            continue
    if info.st_size and not _is(kind, path, info.st_size):
        raise WriteError(f"{flag} {path} exists and is not {_WHAT[kind]}: refusing to overwrite it; "
                         "name another file, or delete it first")


def _is(kind: str, path: str, size: int) -> bool:
    """Whether an existing, non-empty file is of ``kind`` (read without blocking: it is a regular file)."""
    try:
        with open(path, "rb") as handle:
            if kind == BASELINE:
                import json  # noqa: PLC0415

                data = json.loads(handle.read())
                return isinstance(data, dict) and data.get("tool") == "tfdind-lint" and isinstance(data.get("findings"), list)
            first = last = handle.read(_HEAD + _TAIL)
            if size > _HEAD + _TAIL:  # a large report: its beginning and its end tell
                first = first[:_HEAD]
                handle.seek(size - _TAIL)
                last = handle.read()
    except (OSError, ValueError, RecursionError):  # (UnicodeDecodeError is a ValueError)
        return False
    first, last = first.decode("utf-8", "replace"), last.decode("utf-8", "replace")
    is_sarif = '"runs"' in first + last and bool(_SARIF.search(first) or _SARIF.search(last))
    if kind == SARIF:
        return is_sarif
    stripped = first.lstrip()
    if stripped.startswith("{"):  # a JSON or SARIF report
        return is_sarif or bool(_TOOL.search(first))
    if stripped.startswith("["):  # --statistics --format json
        return stripped[1:].lstrip().startswith("]") or ('"rule"' in first and '"count"' in first)
    lines = [line for line in last.splitlines() if line.strip()]
    return bool(lines) and bool(_SUMMARY.match(lines[-1]))


def write_atomic(path: str, text: str | bytes, mode: int | None = None) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends; or bytes as they are) to ``path`` through a temporary file and one
    rename (raises OSError); ``mode``: the permissions of the file written (default: 0o666 less the umask)."""
    directory = os.path.dirname(os.path.abspath(path))
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        streamed = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        streamed = False
    if streamed:  # a device or a pipe (check() allowed it): written as a stream, there is nothing to replace
        with open(path, "wb") as handle:
            handle.write(data)
        return
    for _ in range(100):
        temporary = os.path.join(directory, f".{os.path.basename(path)}.{os.urandom(4).hex()}.tmp")
        try:  # 0o666 and O_EXCL: the user's umask applies, and nothing already there is reused
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"no free temporary name in {directory}")
    try:
        try:
            if mode is not None:
                os.chmod(temporary, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def replace_source(path: str, data: bytes, original: bytes) -> None:
    """``--fix``: replace a linted file with its fixed bytes, atomically, keeping its permissions.

    Refused (WriteError) when the file is no longer a regular file holding ``original`` (changed since
    it was read: the fix would undo that change).  A symbolic link is followed: its target is replaced.
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(f"{path} is not a regular file any more: not fixed")
        with open(target, "rb") as handle:
            if handle.read(len(original) + 1) != original:
                raise WriteError(f"{path} changed while tfdind-lint was fixing it: not fixed")
    except FileNotFoundError:
        raise WriteError(f"{path} was removed while tfdind-lint was fixing it: not fixed") from None
    write_atomic(target, data, mode=stat.S_IMODE(info.st_mode))
