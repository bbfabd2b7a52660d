"""Output formats: ``render(report, settings, options) -> str`` functions; explicit registry below.

Formats are imported on use, so a text run never loads the SARIF machinery.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..report import Report
    from ..settings import RunSettings

#: name -> (module, function); ``text`` is the default ``full`` format's older name
FORMATS = {
    "full": ("text", "render"),
    "text": ("text", "render"),
    "concise": ("text", "render_concise"),
    "json": ("json_format", "render"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
    "gitlab": ("gitlab", "render"),
    "junit": ("junit", "render"),
}


@dataclass
class Options:
    """How a report is rendered (from the command line)."""

    color: bool = False
    show_suppressed: bool = False
    sarif_include_suppressed: bool = False
    sarif_category: str | None = None
    verbose: bool = False  # text: list the files not read, with the reason
    quiet: bool = False  # text: the findings only, no summary line
    #: the fixes --fix would apply (autofix.FixSelection): text marks them and counts them; None: only safe ones
    fixes: object = None
    extra: dict = field(default_factory=dict)


def render(name: str, report: Report, settings: RunSettings, options: Options | None = None) -> str:
    module, function = FORMATS[name]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)(report, settings, options or Options())
