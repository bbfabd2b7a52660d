"""The command line's argparse parsers: the ``check`` command's options, and the other commands' parsers' base.

quick_arguments.py reads the common ``check`` command lines without importing argparse; everything else
(``--help``, errors, abbreviations) comes here.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .cli import EXIT_ERROR
from .config import DEFAULT_BASELINE
from .quick_arguments import rule_list

COMMANDS_HELP = """commands:
  check [PATH ...]  lint files and directories (the default: `tfdind-lint PATH` means `tfdind-lint check PATH`)
  rules             list the rules (`--format markdown` writes docs/rules.md)
  explain RULE      print a rule's documentation (an id such as TDL401, or a kebab name)
  server            a language server over stdio for editors (needs `pip install 'tfdind-lint[lsp]'`; docs/editors.md)

A first argument that names a command is the command, even when a file or directory of that name
exists (tfdind-lint says so); lint such a path with `tfdind-lint check rules` or `tfdind-lint ./rules`."""

class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the width: argparse makes one per argument, each importing shutil to ask."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position, _help_width() if width is None else width)


def _help_width() -> int:
    """``shutil.get_terminal_size().columns - 2``, as argparse computes it, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


class Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        sys.stderr.write(f"tfdind-lint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def config_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("configuration")
    exclusive = group.add_mutually_exclusive_group()
    exclusive.add_argument("--config", metavar="FILE",
                           help="use this configuration file for every path (default: the nearest .tfdind-lint.yaml, "
                                ".tfdind-lint.yml or pyproject.toml [tool.tfdind-lint] above each file)")
    exclusive.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    group.add_argument("--policy-dir", action="append", default=[], metavar="DIR",
                       help="load custom policies from DIR (may be repeated)")


def check_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="tfdind-lint",
        usage="tfdind-lint [check] [options] [PATH ...]\n       tfdind-lint rules [options]\n"
              "       tfdind-lint explain RULE",
        description="Lint Coder workspace templates (Terraform) and Kubernetes manifests that run Docker in workspaces.",
        formatter_class=Formatter,
        epilog=COMMANDS_HELP + "\n\nExit codes: 0 no findings (at or above --fail-on), 1 findings, 2 usage, "
               "configuration or internal error.\nSee docs/configuration.md.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint (default: .)")
    parser.add_argument("--output-format", "--format", "-f", dest="format", default="full", metavar="FORMAT",
                        choices=["full", "concise", "text", "json", "sarif", "github", "gitlab", "junit"],
                        help="report format: full (the default: code frames and help; text is another name for it), "
                             "concise (one line per finding), json, sarif, github (workflow-command annotations, and a "
                             "summary appended to $GITHUB_STEP_SUMMARY when it is set), gitlab (Code Quality), junit")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print the findings only: no summary line, no progress")
    parser.add_argument("-o", "--output", "--output-file", dest="output", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour text output (default: auto, which honours NO_COLOR and FORCE_COLOR)")
    parser.add_argument("--show-suppressed", action="store_true",
                        help="text format: also list suppressed and baselined findings")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="text format: list the files not read (FIFOs, links out of the directory, Helm templates...) and why")
    parser.add_argument("--sarif-include-suppressed", action="store_true",
                        help="SARIF: include suppressed and baselined findings, marked with suppressions[] "
                             "(GitHub code scanning shows them as open alerts)")
    parser.add_argument("--sarif-category", metavar="NAME",
                        help="SARIF: set runs[0].automationDetails.id (overrides upload-sarif's category)")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule reported instead of the findings (text or json)")
    parser.add_argument("--version", action="version", version=f"tfdind-lint {__version__}")
    config_arguments(parser)
    selection = parser.add_argument_group("rule selection (ids, kebab names or group prefixes such as TDL4; "
                                          "comma-separated or repeated; the command line wins over the configuration)")
    selection.add_argument("--select", action="append", type=rule_list, metavar="RULES",
                           help="run only these rules")
    selection.add_argument("--extend-select", action="append", type=rule_list, metavar="RULES",
                           help="run these rules as well")
    selection.add_argument("--ignore", action="append", type=rule_list, metavar="RULES",
                           help="do not run these rules")
    outcome = parser.add_argument_group("exit code and baseline")
    outcome.add_argument("--fail-on", choices=["error", "warning", "note"],
                         help="the lowest severity that fails the run (default: note, so any finding)")
    outcome.add_argument("--exit-zero", action="store_true",
                         help="exit 0 even when there are findings (still 2 on errors)")
    outcome.add_argument("--baseline", metavar="FILE",
                         help=f"do not report the findings recorded in FILE (default: the configuration's `baseline`, "
                              f"or {DEFAULT_BASELINE} next to the configuration file or in this directory)")
    outcome.add_argument("--write-baseline", action="store_true",
                         help="record the current findings in the baseline (--baseline FILE, the configuration's "
                              f"`baseline`, or {DEFAULT_BASELINE} next to the configuration file) and exit 0; entries "
                              "of rules and files the run did not check are kept")
    _integration_arguments(parser)
    _fix_arguments(parser)
    parser.add_argument("--max-file-size", type=_size, metavar="SIZE",
                        help="do not read files larger than SIZE (bytes, or 2MiB, 512KiB...; default: the "
                             "configuration's `max-file-size`, or 1MiB); a larger file is a TDL000 finding")
    speed = parser.add_argument_group("speed (docs/benchmarks.md)")
    speed.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                       help="check with at most N processes (default: one per core, for inputs large enough to gain; "
                            "1: this process only)")
    speed.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the result cache (default: reuse the results of unchanged files "
                            "from the user cache directory, or $TFDIND_LINT_CACHE_DIR)")
    return parser


def _size(text: str) -> int:
    from .sources.text import parse_size  # noqa: PLC0415

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value


def _integration_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags for pre-commit and CI (docs/integrations.md)."""
    parser.add_argument("--force-exclude", action="store_true",
                        help="skip named files and directories that a directory walk would skip (the "
                             "configuration's exclude, .terraform/ and other hidden directories), as pre-commit needs")
    parser.add_argument("--fail-if-empty", action="store_true",
                        help="exit 2 when a directory named holds no Terraform or Kubernetes file (a mistyped "
                             "path in CI must not pass; the GitHub Action sets it unless allow-empty is true)")
    parser.add_argument("--sarif-output", metavar="FILE",
                        help="also write a SARIF report to FILE, whatever the --format "
                             "(annotations and code scanning from one run)")


def _fix_arguments(parser: argparse.ArgumentParser) -> None:
    """--fix and its selection, as in ruff (docs/configuration.md, "Fixing")."""
    group = parser.add_argument_group("fixing (the rules whose policy says `fix: safe` or `unsafe`; "
                                      "`tfdind-lint rules` lists them)")
    group.add_argument("--fix", action="store_true",
                       help="apply the safe fixes of the findings, write the files, then report what remains")
    group.add_argument("--diff", action="store_true",
                       help="print a unified diff of what --fix would change and change nothing "
                            "(exit 1 when something would change)")
    unsafe = group.add_mutually_exclusive_group()
    unsafe.add_argument("--unsafe-fixes", action="store_true", default=None,
                        help="with --fix or --diff, also apply the unsafe fixes (suggested edits that change behaviour)")
    unsafe.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false",
                        help="do not apply unsafe fixes, whatever the configuration's `unsafe-fixes` says")
    group.add_argument("--fixable", action="append", type=rule_list, metavar="RULES",
                       help="fix only these rules (replaces the configuration's `fixable`)")
    group.add_argument("--extend-fixable", action="append", type=rule_list, metavar="RULES",
                       help="fix these rules as well")
    group.add_argument("--unfixable", action="append", type=rule_list, metavar="RULES",
                       help="never fix these rules (they are still reported)")
