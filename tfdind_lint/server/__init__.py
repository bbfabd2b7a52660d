"""``tfdind-lint server``: the findings in the editor, through the Language Server Protocol (docs/editors.md).

``engine.py`` lints buffers over the disk with the command line's pipeline and configuration;
``protocol.py`` speaks LSP over stdio with pygls (the ``lsp`` extra); ``positions.py`` turns
our spans into LSP positions; ``actions.py`` holds the code actions.  The command line never
imports this package (tests/test_cold_start.py).
"""

from __future__ import annotations


def main() -> int:
    """Serve one client over stdin/stdout until it exits."""
    import logging  # noqa: PLC0415

    logging.basicConfig(level=logging.WARNING, format="tfdind-lint server: %(levelname)s: %(message)s")
    from .protocol import server  # noqa: PLC0415

    server.start_io()
    return 0
