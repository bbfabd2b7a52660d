"""A progress line on a terminal's stderr for runs longer than about a second (files done / total).

Shown only when stderr is a terminal (never in a pipe or a log file, never where ``CI``
is set nor with ``TERM=dumb``) and the caller did not ask for quiet; erased at the end,
so what remains on the screen is the report alone.
"""

from __future__ import annotations

import os
import time

#: Runs shorter than this show nothing: a pre-commit run should not flicker.
DELAY = 1.0
_INTERVAL = 0.1  # at most ten redraws a second


class Progress:
    def __init__(self, stream, delay: float | None = None):
        self.stream = stream
        self.start = time.monotonic()
        self.delay = DELAY if delay is None else delay
        self.last = 0.0
        self.shown = False

    @staticmethod
    def wanted(stream, quiet: bool) -> bool:
        if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
            return False
        try:
            return stream.isatty()
        except (AttributeError, ValueError, OSError):
            return False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.start < self.delay or (now - self.last < _INTERVAL and done < total):
            return
        self.last = now
        self._write(f"\rtfdind-lint: checked {min(done, total)}/{total} files\033[K")
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self._write("\r\033[K")
            self.shown = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal: nothing to show
            pass
