"""GitHub code scanning's ``primaryLocationLineHash``, computed the way upload-sarif does.

A rolling hash (base 37, mod 2**64) over a window of the next 100 characters
from each line start, spaces and tabs skipped, CR and CRLF read as LF, UTF-16
code units, and a -1 "end of file" marker; equal hashes get an occurrence
number (``hex:n``).  Emitting exactly what upload-sarif would compute keeps the
API upload path (which computes nothing) free of duplicate alerts and the
action free of "inconsistent fingerprint" warnings.  Checked against the
test vectors of github/codeql-action ``src/fingerprints.test.ts``.
"""

from __future__ import annotations

_BLOCK = 100
_MOD = 37
_MASK = (1 << 64) - 1
_FIRST_MOD = pow(_MOD, _BLOCK, 1 << 64)
_EOF = 65535


def line_hashes(text: str) -> list[str]:
    """The hash of every line of ``text``: element ``i`` belongs to line ``i + 1``."""
    window = [0] * _BLOCK
    line_numbers = [-1] * _BLOCK
    counts: dict[str, int] = {}
    out: list[str] = []
    state = {"hash": 0, "index": 0}

    def output() -> None:
        value = format(state["hash"] & _MASK, "x")
        counts[value] = counts.get(value, 0) + 1
        out.append(f"{value}:{counts[value]}")
        line_numbers[state["index"]] = -1

    def update(current: int) -> None:
        index = state["index"]
        begin = window[index]
        window[index] = current
        state["hash"] = (_MOD * state["hash"] + current - _FIRST_MOD * begin) & _MASK
        state["index"] = (index + 1) % _BLOCK

    line_number = 0
    line_start = True
    prev_cr = False

    def process(current: int) -> None:
        nonlocal line_number, line_start, prev_cr
        if current in (0x20, 0x09) or (prev_cr and current == 0x0A):
            prev_cr = False
            return
        if current == 0x0D:
            current = 0x0A
            prev_cr = True
        else:
            prev_cr = False
        if line_numbers[state["index"]] != -1:
            output()
        if line_start:
            line_start = False
            line_number += 1
            line_numbers[state["index"]] = line_number
        if current == 0x0A:
            line_start = True
        update(current)

    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        process(data[i] | (data[i + 1] << 8))
    process(_EOF)
    for _ in range(_BLOCK):
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return out
