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
                        choices=["text", "json", "sarif", "github"],
                        help="report format (default: text); github prints workflow-command annotations and "
                             "appends a summary to $GITHUB_STEP_SUMMARY when it is set")
    parser.add_argument("-o", "--output", "--output-file", dest="output", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour text output (default: auto, which honours NO_COLOR and FORCE_COLOR)")
    parser.add_argument("--show-suppressed", action="store_true", help="text format: also list suppressed findings")
    parser.add_argument("--sarif-include-suppressed", action="store_true",
                        help="SARIF: include suppressed findings, marked with suppressions[] "
                             "(GitHub code scanning shows them as open alerts)")
    parser.add_argument("--sarif-category", metavar="NAME",
                        help="SARIF: set runs[0].automationDetails.id (overrides upload-sarif's category)")
    parser.add_argument("--version", action="version", version=f"tfdind-lint {__version__}")
    _integration_arguments(parser)
    return parser


def _integration_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags for pre-commit and CI (docs/integrations.md)."""
    parser.add_argument("--force-exclude", action="store_true",
                        help="skip named files and directories that a directory walk would skip "
                             "(inside .terraform/ or another hidden directory), as pre-commit needs")
    parser.add_argument("--sarif-output", metavar="FILE",
                        help="also write a SARIF report to FILE, whatever the --format "
                             "(annotations and code scanning from one run)")


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
        discovery = discover(paths, force_exclude=args.force_exclude)
    except UsageError as exc:
        sys.stderr.write(f"tfdind-lint: error: {exc}\n")
        return EXIT_ERROR
    settings = Settings()
    report = lint(paths, settings, discovery)
    to_file = args.output is not None
    options = Options(
        color=args.format == "text" and not to_file and _use_color(args.color, sys.stdout),
        show_suppressed=args.show_suppressed,
        sarif_include_suppressed=args.sarif_include_suppressed,
        sarif_category=args.sarif_category,
    )
    text = render(args.format, report, settings, options)
    if to_file:
        if not _write(args.output, text):
            return EXIT_ERROR
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if args.sarif_output is not None and not _write(args.sarif_output, render("sarif", report, settings, options)):
        return EXIT_ERROR
    if report.internal_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.active else EXIT_CLEAN


def _write(path: str, text: str) -> bool:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        sys.stderr.write(f"tfdind-lint: error: cannot write {path}: {exc.strerror or exc}\n")
        return False
    return True


def _rules(argv: list[str]) -> int:
    from .checks import BUILTIN, CHECKS  # noqa: PLC0415
    from .policy import builtin_policies  # noqa: PLC0415

    parser = _Parser(prog="tfdind-lint rules", description="List every rule.")
    parser.add_argument("-f", "--format", choices=["text", "json", "markdown"], default="text",
                        help="markdown writes the rules index (docs/rules.md)")
    args = parser.parse_args(argv)
    policies = builtin_policies()
    if args.format == "markdown":
        sys.stdout.write(rules_markdown(policies))
        return EXIT_CLEAN
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


def rules_markdown(policies) -> str:
    """docs/rules.md: an index table, then every rule's documentation (generated; do not edit by hand)."""
    out = [
        "# Rules",
        "",
        "<!-- Generated by `tfdind-lint rules --format markdown`; do not edit. -->",
        "",
        "Severity: **error** = plan/apply fails, the workspace cannot start, or host-root exposure that contradicts "
        "the chosen method; **warning** = works but unsafe, silently degraded, or breaks on some clusters; "
        "**note** = hygiene, deprecation, or version-dependent.",
        "",
        "| id | name | severity | enabled | summary |",
        "|---|---|---|---|---|",
    ]
    for p in policies.values():
        anchor = f"{p.id}-{p.name}".lower()
        summary = p.summary.replace("|", "\\|")
        out.append(f"| [{p.id}](#{anchor}) | `{p.name}` | {p.severity} | {'yes' if p.enabled else 'no'} | {summary} |")
    for p in policies.values():
        out += ["", f"## {p.id} {p.name}", "", f"Severity: {p.severity}. Origin: {p.origin}. "
                f"Reads: {', '.join(p.files)}.{'' if p.enabled else ' Disabled by default.'}"]
        params = ", ".join(f"`{k}`" for k in p.parameters)
        if params:
            out[-1] += f" Parameters: {params}."
        out.append("")
        out += [("#" + line) if line.startswith("## ") else line for line in p.help.strip().split("\n")]
        out += ["", "### Sources", ""]
        for source in p.sources:
            line = f"- [{source.title}]({source.url})" if source.url else f"- {source.title}"
            out.append(line + (f": \"{source.quote}\"" if source.quote else ""))
    return "\n".join(out) + "\n"
