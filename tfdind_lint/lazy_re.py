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
            if bound not in type(self).__dict__:  # a subclass's own method stays
                setattr(self, bound, getattr(compiled, bound))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"


class GuardedPattern(LazyPattern):
    """A ``LazyPattern`` every match of which holds one of the literal strings ``needs``.

    Text that holds none of them cannot match, so it is answered without compiling: the scripts of most
    templates never name systemd or podman, and a pattern is compiled only for text that could match.
    """

    def __init__(self, pattern: str | bytes, needs: tuple, flags: int = 0):
        super().__init__(pattern, flags)
        self.needs = needs
        self._compiled = None

    def _pattern(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return self._compiled

    def _could_match(self, string) -> bool:
        return any(literal in string for literal in self.needs)

    def search(self, string, *args):
        return self._pattern().search(string, *args) if self._could_match(string) else None

    def match(self, string, *args):
        return self._pattern().match(string, *args) if self._could_match(string) else None

    def fullmatch(self, string, *args):
        return self._pattern().fullmatch(string, *args) if self._could_match(string) else None

    def findall(self, string, *args):
        return self._pattern().findall(string, *args) if self._could_match(string) else []

    def finditer(self, string, *args):
        return self._pattern().finditer(string, *args) if self._could_match(string) else iter(())
