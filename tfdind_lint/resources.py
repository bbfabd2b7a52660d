"""Where the data shipped with the tool lives: ``policies/`` and ``schemas/``.

In a wheel they are inside the package (``tfdind_lint/policies``), mapped there
by pyproject.toml (importlib.resources finds them in a zipped install).  In a
source checkout they are at the top level of the repository, next to the package.
"""

from __future__ import annotations

from pathlib import Path


def data_dir(name: str) -> Path:
    """The directory of shipped data called ``name`` (``policies`` or ``schemas``)."""
    here = Path(__file__).resolve().parent
    if (here / name).is_dir():  # an installed wheel, unzipped (importlib.resources costs 10 ms of cold start)
        return here / name
    if (here.parent / "pyproject.toml").is_file() and (here.parent / name).is_dir():  # a source checkout
        return here.parent / name
    from importlib import resources  # noqa: PLC0415

    return Path(str(resources.files("tfdind_lint").joinpath(name)))
