"""Command line: arguments -> settings -> lint() -> format -> exit code.

Exit codes (ruff's convention): 0 no findings, 1 findings, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

COMMANDS = ("check", "rules", "explain")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        sys.stderr.write(f"tfdind-lint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tfdind-lint",
        description="Lint Coder workspace templates (Terraform) and Kubernetes manifests that run Docker in workspaces.",
        epilog="Commands: `tfdind-lint rules` lists the rules, `tfdind-lint explain TDL101` prints one. "
               "Exit codes: 0 no findings, 1 findings, 2 usage or internal error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint (default: .)")
    parser.add_argument("-f", "--format", "--output-format", dest="format", default="text",
                        choices=["text", "json", "sarif"], help="report format (default: text)")
    parser.add_argument("-o", "--output", "--output-file", dest="output", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour text output (default: auto, which honours NO_COLOR and FORCE_COLOR)")
    parser.add_argument("--show-suppressed", action="store_true", help="text format: also list suppressed findings")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="text format: list the files not read (FIFOs, links out of the directory, Helm templates...) and why")
    parser.add_argument("--sarif-include-suppressed", action="store_true",
                        help="SARIF: include suppressed findings, marked with suppressions[] "
                             "(GitHub code scanning shows them as open alerts)")
    parser.add_argument("--sarif-category", metavar="NAME",
                        help="SARIF: set runs[0].automationDetails.id (overrides upload-sarif's category)")
    parser.add_argument("--version", action="version", version=f"tfdind-lint {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["rules"]:
            return _rules(argv[1:])
        if argv[:1] == ["explain"]:
            return _explain(argv[1:])
        if argv[:1] == ["check"]:
            argv = argv[1:]
        return _check(argv)
    except KeyboardInterrupt:
        sys.stderr.write("tfdind-lint: interrupted\n")
        return 130
    except BrokenPipeError:
        # the reader went away (`| head`): not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return EXIT_ERROR


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") or os.environ.get("CLICOLOR_FORCE"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _check(argv: list[str]) -> int:
    from .discover import UsageError, discover  # noqa: PLC0415
    from .formats import Options, render  # noqa: PLC0415
    from .linter import Settings, lint  # noqa: PLC0415

    args = _check_parser().parse_args(argv)
    paths = args.paths or ["."]
    try:
        discovery = discover(paths)
    except UsageError as exc:
        sys.stderr.write(f"tfdind-lint: error: {exc}\n")
        return EXIT_ERROR
    settings = Settings()
    report = lint(paths, settings, discovery)
    to_file = args.output is not None
    options = Options(
        color=args.format == "text" and not to_file and _use_color(args.color, sys.stdout),
        show_suppressed=args.show_suppressed,
        verbose=args.verbose,
        sarif_include_suppressed=args.sarif_include_suppressed,
        sarif_category=args.sarif_category,
    )
    text = render(args.format, report, settings, options)
    if to_file:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as exc:
            sys.stderr.write(f"tfdind-lint: error: cannot write {args.output}: {exc.strerror or exc}\n")
            return EXIT_ERROR
    else:
        if hasattr(sys.stdout, "reconfigure"):  # a console that cannot show a character must not crash the run
            sys.stdout.reconfigure(errors="backslashreplace")
        sys.stdout.write(text)
        sys.stdout.flush()
    if report.internal_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.active else EXIT_CLEAN


def _rules(argv: list[str]) -> int:
    from .checks import BUILTIN, CHECKS  # noqa: PLC0415
    from .policy import builtin_policies  # noqa: PLC0415

    parser = _Parser(prog="tfdind-lint rules", description="List every rule.")
    parser.add_argument("-f", "--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    policies = builtin_policies()
    if args.format == "json":
        import json  # noqa: PLC0415

        data = [{"id": p.id, "name": p.name, "severity": str(p.severity), "enabled": p.enabled,
                 "summary": p.summary, "implemented": p.id in CHECKS or p.id in BUILTIN} for p in policies.values()]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(p.name) for p in policies.values())
    for p in policies.values():
        enabled = "enabled" if p.enabled else "disabled"
        sys.stdout.write(f"{p.id}  {p.name:<{width}}  {str(p.severity):<7}  {enabled:<8}  {p.summary}\n")
    return EXIT_CLEAN


def _explain(argv: list[str]) -> int:
    from .policy import builtin_policies, find_policy  # noqa: PLC0415

    parser = _Parser(prog="tfdind-lint explain", description="Print the documentation of a rule.")
    parser.add_argument("rule", metavar="RULE", help="a rule id (TDL101) or name (sysbox-runtime-missing)")
    args = parser.parse_args(argv)
    policy = find_policy(builtin_policies(), args.rule)
    if policy is None:
        sys.stderr.write(f"tfdind-lint: error: unknown rule: {args.rule} (see `tfdind-lint rules`)\n")
        return EXIT_ERROR
    sys.stdout.write(explain_text(policy))
    return EXIT_CLEAN


def explain_text(policy) -> str:
    sources = "\n".join(
        f"- {s.title}" + (f" <{s.url}>" if s.url else "") + (f"\n  > {s.quote}" if s.quote else "") for s in policy.sources
    )
    enabled = "" if policy.enabled else " Disabled by default."
    return (
        f"# {policy.name} ({policy.id})\n\n"
        f"Severity: {policy.severity}. Origin: {policy.origin}.{enabled}\n\n"
        f"{policy.help.strip()}\n\n## Sources\n{sources}\n"
    )
