"""Where the data shipped with the tool lives: ``policies/`` and ``schemas/``.

In a wheel they are inside the package (``tfdind_lint/policies``), mapped there
by pyproject.toml, and read through importlib.resources.  In a source checkout
they are at the top level of the repository, next to the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """The directory of shipped data called ``name`` (``policies`` or ``schemas``)."""
    packaged = resources.files("tfdind_lint").joinpath(name)
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name
