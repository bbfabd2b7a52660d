"""Output formats: each module has ``render(report, options) -> str``; explicit registry below.

Formats are imported on use, so a text run never loads the SARIF machinery.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
}


@dataclass
class Options:
    color: bool = False
    show_suppressed: bool = False
    sarif_include_suppressed: bool = False
    sarif_category: str | None = None
    verbose: bool = False  # text: list the files not read, with the reason
    extra: dict = field(default_factory=dict)


def render(name: str, report, settings, options: Options | None = None) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render(report, settings, options or Options())
