"""Regular expressions compiled on their first use.

Most patterns a module defines serve input a given run does not have (suppression comments, heredocs, file
modes, a report file to overwrite); compiling each at import costs a one-file run 0.1-0.7 ms apiece
(docs/benchmarks.md, "Start-up").  ``LazyPattern`` stands where ``re.compile`` stood.
"""

from __future__ import annotations

import re

#: What the first use binds on the instance, so that later uses are plain attribute reads.
_BOUND = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "groupindex", "groups",
          "pattern", "flags")


class LazyPattern:
    """``re.compile(pattern, flags)``, done when one of its methods or attributes is first asked for."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):  # only for what is not bound yet: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for bound in _BOUND:
            setattr(self, bound, getattr(compiled, bound))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"
