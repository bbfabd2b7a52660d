"""Output formats: ``render(report, settings, options) -> str`` functions; explicit registry below.

Formats are imported on use, so a text run never loads the SARIF machinery.
"""

from __future__ import annotations

import sys

from ..record import MutableValue

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
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


class Options(MutableValue):
    """How a report is rendered (from the command line)."""

    _fields = ("color", "show_suppressed", "sarif_include_suppressed", "sarif_category", "verbose", "quiet", "fixes",
               "extra")

    color: bool
    show_suppressed: bool
    sarif_include_suppressed: bool
    sarif_category: str | None
    verbose: bool  # text: list the files not read, with the reason
    quiet: bool  # text: the findings only, no summary line
    #: the fixes --fix would apply (fix.FixSelection): text marks them and counts them; None: only safe ones
    fixes: object
    extra: dict

    def __init__(self, color: bool = False, show_suppressed: bool = False, sarif_include_suppressed: bool = False,
                 sarif_category: str | None = None, verbose: bool = False, quiet: bool = False, fixes: object = None,
                 extra: dict | None = None):
        self.color = color
        self.show_suppressed = show_suppressed
        self.sarif_include_suppressed = sarif_include_suppressed
        self.sarif_category = sarif_category
        self.verbose = verbose
        self.quiet = quiet
        self.fixes = fixes
        self.extra = {} if extra is None else extra


def render(name: str, report: Report, settings: RunSettings, options: Options | None = None) -> str:
    module, function = FORMATS[name]
    module = f"{__name__}.{module}"
    __import__(module)  # not importlib.import_module: importing importlib costs a one-file run more than this
    return getattr(sys.modules[module], function)(report, settings, options or Options())
