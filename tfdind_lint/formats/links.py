"""Where the project's pages are, from the installed package's metadata (``[project.urls]``).

``Homepage`` (else ``Repository``, ``Source``, ``Documentation``) is the tool's page
(SARIF ``informationUri``); the rules' pages are ``Rules`` when set, else
``rules.md`` under ``Documentation``, each rule at its heading's anchor
(``#tdl401-dind-sidecar-privileged``, as in docs/rules.md).  Nothing is invented
when the metadata names no URL: the reports then leave links out.

The metadata file is read directly: importlib.metadata would import the email parser,
a large share of a pre-commit run (docs/benchmarks.md).
"""

from __future__ import annotations

import os
import sys

from ..memo import once

_DIST = "tfdind_lint-"


@once
def project_urls() -> dict[str, str]:
    """``Project-URL`` entries of the installed distribution, labels in lower case; {} when unknown."""
    from .. import __version__  # noqa: PLC0415

    # this version's metadata, looked up by name: listing every directory on sys.path (site-packages holds
    # hundreds of entries) is for an installation whose directory is named otherwise
    exact = f"{_DIST}{__version__}.dist-info"
    for entry in sys.path:
        if os.path.isfile(os.path.join(entry or ".", exact, "METADATA")):
            return _read(os.path.join(entry or ".", exact, "METADATA"))
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith(_DIST) and name.endswith(".dist-info"):
                return _read(os.path.join(entry or ".", name, "METADATA"))
    return {}


def _read(path: str) -> dict[str, str]:
    urls: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():  # the headers end at the first blank line
                    break
                if line.startswith("Project-URL:"):
                    label, _, url = line[len("Project-URL:"):].partition(",")
                    if url.strip():
                        urls[label.strip().lower()] = url.strip()
    except OSError:
        return {}
    return urls


def information_uri() -> str | None:
    urls = project_urls()
    for label in ("homepage", "repository", "source", "documentation"):
        if urls.get(label):
            return urls[label]
    return None


def rule_url(rule: str, name: str) -> str | None:
    """The documentation of one rule, or None when the package names no documentation URL."""
    urls = project_urls()
    page = urls.get("rules")
    if not page and urls.get("documentation"):
        page = urls["documentation"].rstrip("/") + "/rules.md"
    if not page or not rule.startswith("TDL"):
        return None
    return f"{page}#{rule.lower()}-{name.lower()}"
