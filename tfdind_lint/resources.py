"""Where the data shipped with the tool lives: ``policies/`` and ``schemas/``.

In a wheel they are inside the package (``tfdind_lint/policies``), mapped there
by pyproject.toml (importlib.resources finds them in a zipped install).  In a
source checkout they are at the top level of the repository, next to the package.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from pathlib import Path


def data_path(name: str) -> str:
    """The directory of shipped data called ``name`` (``policies`` or ``schemas``), as a string.

    pathlib and importlib.resources stay unimported when the data is a plain
    directory (they are a noticeable part of a cold start: docs/benchmarks.md).
    """
    written = os.path.dirname(os.path.abspath(__file__))
    for here in (written, os.path.dirname(os.path.realpath(__file__))):  # the package as imported, then its target
        if os.path.isdir(os.path.join(here, name)):  # an installed wheel, unzipped
            return os.path.join(here, name)
        parent = os.path.dirname(here)
        if os.path.isfile(os.path.join(parent, "pyproject.toml")) and os.path.isdir(os.path.join(parent, name)):
            return os.path.join(parent, name)  # a source checkout
    from importlib import resources  # noqa: PLC0415

    return str(resources.files("tfdind_lint").joinpath(name))


def data_dir(name: str) -> Path:
    """The directory of shipped data called ``name``, as a ``Path``."""
    from pathlib import Path  # noqa: PLC0415

    return Path(data_path(name))
