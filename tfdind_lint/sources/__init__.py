"""Readers that turn files into the positioned tree (``node.py``).

``hcl/`` reads HCL's native syntax (our own scanner and parser), ``kubernetes.py``
is the only module that imports ruamel.yaml; ``text.py`` decodes bytes and maps offsets
to lines and columns for both.
"""

from __future__ import annotations

from ..node import Span
from ..record import Value


class Comment(Value):
    """A source comment: its text without the ``#`` / ``//`` marker, and where it is."""

    __slots__ = _fields = ("text", "span")

    text: str
    span: Span

    def __init__(self, text: str, span: Span):
        self.text = text
        self.span = span


#: Marks an unknown piece of a Terraform template in text handed to a reader (YAML in a heredoc, TOML user
#: data): a private-use character that YAML and TOML accept inside strings.  Values holding it are unknown.
UNKNOWN = "\ue000"


class SourceError(Exception):
    """A file that cannot be read or parsed; ``span`` is the best position known."""

    def __init__(self, message: str, span: Span):
        super().__init__(message)
        self.message = message
        self.span = span

    def __reduce__(self):  # picklable: node definitions carry one back from worker processes (pieces.py)
        return type(self), (self.message, self.span)
