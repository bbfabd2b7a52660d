"""tfdind-lint: lint Coder workspace templates and Kubernetes manifests that run Docker in workspaces.

Public API::

    from tfdind_lint import lint
    report = lint(["examples/"])
    for finding in report.active:
        print(finding.span, finding.rule, finding.message)

Without settings no configuration file is read; to use them as the command line does::

    from tfdind_lint.config import Configuration
    from tfdind_lint.settings import RunSettings
    report = lint(["."], RunSettings(configuration=Configuration(["."])))
"""

__version__ = "0.1.0"


def lint(paths, settings=None):
    """Lint files and directories; returns a ``report.Report`` (findings sorted by file and position)."""
    from .linter import lint as _lint  # noqa: PLC0415  (keep `import tfdind_lint` cheap)

    return _lint(list(paths), settings)


__all__ = ["__version__", "lint"]
