"""How envbox reads its environment: Go ``strconv`` values and ``CODER_MOUNTS`` (coder/envbox ``cli/``).

envbox turns environment variables into flags through ``cli/cliflag``: an
unset or empty variable means the flag's default, and a value that Go's parser
rejects *also* means the default, silently.  Integers go through
``strconv.Atoi`` (newer releases: ``strconv.ParseInt(s, 10, 64)``, the same
accept set on 64-bit), booleans through ``strconv.ParseBool``, and
``CODER_MOUNTS`` through ``parseMounts`` in ``cli/docker.go``.  These parsers
accept exactly what Go accepts; Python's ``int()`` and friends do not (they
take spaces, ``_`` and non-ASCII digits).
"""

from __future__ import annotations

from ..record import Value

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})
_FALSE = frozenset({"0", "f", "F", "FALSE", "false", "False"})


def parse_int(text: str) -> int | None:
    """Go ``strconv.Atoi``: an optional ``+``/``-`` then ASCII digits, within int64; None where Go returns an error."""
    digits = text[1:] if text[:1] in ("+", "-") else text
    if not digits or any(not "0" <= c <= "9" for c in digits):
        return None
    value = int(text)
    return value if INT64_MIN <= value <= INT64_MAX else None


def parse_bool(text: str) -> bool | None:
    """Go ``strconv.ParseBool``: exactly ``1 t T TRUE true True`` and ``0 f F FALSE false False``; None otherwise."""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


class MountEntry(Value):
    """One ``src:dst[:ro]`` entry of ``CODER_MOUNTS``."""

    _fields = ("source", "target", "read_only")

    source: str
    target: str
    read_only: bool  # the third token is exactly "ro"; any other third token means read-write

    def __init__(self, source: str, target: str, read_only: bool):
        self.source = source
        self.target = target
        self.read_only = read_only


class MountsError(ValueError):
    """``CODER_MOUNTS`` that envbox refuses ("malformed mounts value"); ``entry`` is the first bad one."""

    def __init__(self, entry: str):
        super().__init__(f"malformed mounts value {entry!r}")
        self.entry = entry


def parse_mounts(text: str) -> list[MountEntry]:
    """envbox ``parseMounts``: ``""`` is no mounts; entries split on ``,``, each on ``:`` into 2 or 3 tokens."""
    if text == "":
        return []
    mounts = []
    for entry in text.split(","):
        tokens = entry.split(":")
        if not 2 <= len(tokens) <= 3:
            raise MountsError(entry)
        mounts.append(MountEntry(tokens[0], tokens[1], len(tokens) == 3 and tokens[2] == "ro"))
    return mounts
