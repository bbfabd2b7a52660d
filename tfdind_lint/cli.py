"""Command line: arguments -> configuration -> lint() -> format -> exit code.

Exit codes (ruff's convention): 0 no findings at or above ``--fail-on``, 1 findings,
2 usage, configuration or internal error.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

COMMANDS = ("check", "rules", "explain")
DEFAULT_BASELINE = ".tfdind-lint-baseline.json"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        sys.stderr.write(f"tfdind-lint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _rule_list(text: str) -> list[str]:
    """``TDL401,TDL4`` -> the selectors (``--select`` may also be repeated)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("configuration")
    exclusive = group.add_mutually_exclusive_group()
    exclusive.add_argument("--config", metavar="FILE",
                           help="use this configuration file for every path (default: the nearest .tfdind-lint.yaml, "
                                ".tfdind-lint.yml or pyproject.toml [tool.tfdind-lint] above each file)")
    exclusive.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    group.add_argument("--policy-dir", action="append", default=[], metavar="DIR",
                       help="load custom policies from DIR (may be repeated)")


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tfdind-lint",
        description="Lint Coder workspace templates (Terraform) and Kubernetes manifests that run Docker in workspaces.",
        epilog="Commands: `tfdind-lint rules` lists the rules, `tfdind-lint explain TDL101` prints one. "
               "Exit codes: 0 no findings (at or above --fail-on), 1 findings, 2 usage, configuration or internal error. "
               "See docs/configuration.md.",
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
    _config_arguments(parser)
    selection = parser.add_argument_group("rule selection (ids, kebab names or group prefixes such as TDL4; "
                                          "comma-separated or repeated; the command line wins over the configuration)")
    selection.add_argument("--select", action="append", type=_rule_list, metavar="RULES",
                           help="run only these rules")
    selection.add_argument("--extend-select", action="append", type=_rule_list, metavar="RULES",
                           help="run these rules as well")
    selection.add_argument("--ignore", action="append", type=_rule_list, metavar="RULES",
                           help="do not run these rules")
    outcome = parser.add_argument_group("exit code and baseline")
    outcome.add_argument("--fail-on", choices=["error", "warning", "note"],
                         help="the lowest severity that fails the run (default: note, so any finding)")
    outcome.add_argument("--exit-zero", action="store_true",
                         help="exit 0 even when there are findings (still 2 on errors)")
    outcome.add_argument("--baseline", metavar="FILE",
                         help="do not report the findings recorded in FILE (default: the configuration's `baseline`)")
    outcome.add_argument("--write-baseline", nargs="?", const="", metavar="FILE",
                         help=f"record the current findings in FILE (default: --baseline, the configuration's "
                              f"`baseline`, or {DEFAULT_BASELINE}) and exit 0")
    _integration_arguments(parser)
    speed = parser.add_argument_group("speed (docs/benchmarks.md)")
    speed.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                       help="check with at most N processes (default: one per core, for inputs large enough to gain; "
                            "1: this process only)")
    speed.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the result cache (default: reuse the results of unchanged files "
                            "from the user cache directory, or $TFDIND_LINT_CACHE_DIR)")
    return parser


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
    parser.add_argument("--sarif-output", metavar="FILE",
                        help="also write a SARIF report to FILE, whatever the --format "
                             "(annotations and code scanning from one run)")


def run() -> None:
    """The ``tfdind-lint`` command: ``main()``, then exit at once.

    Tearing the interpreter down (freeing every object, parser tables included) would
    add ~80 ms to each run, a third of a pre-commit run; the OS frees it all anyway.
    Files are closed by then; the standard streams are flushed here.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code)


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


def _error(messages) -> int:
    for message in [messages] if isinstance(messages, str) else messages:
        sys.stderr.write(f"tfdind-lint: error: {message}\n")
    return EXIT_ERROR


def _configuration(args, paths: list[str]):
    """The run's Configuration from the command line (raises config.ConfigError)."""
    from .config import Configuration, Selection  # noqa: PLC0415
    from .finding import Severity  # noqa: PLC0415

    def joined(lists):
        return tuple(s for items in lists or () for s in items)

    selection = Selection(joined(args.select) if args.select is not None else None,
                          joined(args.extend_select), joined(args.ignore)) if hasattr(args, "select") else Selection()
    fail_on = getattr(args, "fail_on", None)
    return Configuration(paths, config_file=args.config, isolated=args.isolated, selection=selection,
                         policy_dirs=tuple(args.policy_dir), fail_on=Severity.parse(fail_on) if fail_on else None,
                         baseline=getattr(args, "baseline", None))


def _check(argv: list[str]) -> int:
    args = _check_parser().parse_args(argv)  # first: --help and --version import nothing more
    from .config import ConfigError  # noqa: PLC0415
    from .discover import UsageError, discover, display_path  # noqa: PLC0415
    from .formats import Options, render  # noqa: PLC0415
    from .linter import Settings, lint  # noqa: PLC0415
    from .pieces import tune_collector  # noqa: PLC0415
    from .progress import Progress  # noqa: PLC0415

    tune_collector()

    paths = args.paths or ["."]
    if args.statistics and args.format in ("sarif", "gitlab", "junit"):
        return _error(f"--statistics prints text or json, not {args.format}")
    try:
        configuration = _configuration(args, paths)
        discovery = discover(paths, exclude=configuration.excluded, force_exclude=args.force_exclude)
        configuration.load_for(discovery.files())
        configuration.check_selection()
        baseline_file = display_path(os.path.relpath(configuration.baseline)) if configuration.baseline else None
        write_to = None
        if args.write_baseline is not None:
            write_to = args.write_baseline or baseline_file or DEFAULT_BASELINE
        settings = Settings(configuration=configuration,
                            baseline=_baseline(baseline_file) if baseline_file and write_to is None else None)
        cache = None
        if not args.no_cache:
            from .cache import Cache  # noqa: PLC0415

            cache = Cache()
        progress = Progress(sys.stderr) if Progress.wanted(sys.stderr, args.quiet) else None
        try:
            report = lint(paths, settings, discovery, jobs=args.jobs, cache=cache, progress=progress)
        finally:
            if progress is not None:
                progress.close()
    except UsageError as exc:
        return _error(str(exc))
    except ConfigError as exc:
        return _error(exc.messages)
    if write_to is not None:
        from .baseline import write  # noqa: PLC0415

        try:
            count = write(write_to, report.findings)
        except OSError as exc:
            return _error(f"cannot write {write_to}: {exc.strerror or exc}")
        sys.stdout.write(f"Recorded {count} finding{'s' if count != 1 else ''} in the baseline {write_to}.\n")
        return EXIT_ERROR if report.internal_errors else EXIT_CLEAN
    to_file = args.output is not None
    options = Options(
        color=args.format in ("full", "text", "concise") and not to_file and _use_color(args.color, sys.stdout),
        show_suppressed=args.show_suppressed,
        verbose=args.verbose,
        quiet=args.quiet,
        sarif_include_suppressed=args.sarif_include_suppressed,
        sarif_category=args.sarif_category,
    )
    if args.statistics:
        from .formats import statistics  # noqa: PLC0415

        text = statistics.render(report, as_json=args.format == "json")
    else:
        text = render(args.format, report, settings, options)
    if to_file:
        if not _write(args.output, text):
            return EXIT_ERROR
    else:
        if hasattr(sys.stdout, "reconfigure"):  # a console that cannot show a character must not crash the run
            sys.stdout.reconfigure(errors="backslashreplace")
        sys.stdout.write(text)
        sys.stdout.flush()
    if args.sarif_output is not None and not _write(args.sarif_output, render("sarif", report, settings, options)):
        return EXIT_ERROR
    if report.internal_errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    failing = any(f.severity >= configuration.fail_on for f in report.active)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _baseline(path: str):
    """The baseline file; a file that is missing or not a baseline is a usage error."""
    from .baseline import Baseline, BaselineError  # noqa: PLC0415
    from .discover import UsageError  # noqa: PLC0415

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


def _policies(argv: list[str], parser: argparse.ArgumentParser):
    """Parse a `rules` / `explain` command line; the policies include the configuration's custom ones."""
    from .config import ConfigError  # noqa: PLC0415

    _config_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return args, _configuration(args, ["."]).policies
    except ConfigError as exc:
        _error(exc.messages)
        raise SystemExit(EXIT_ERROR) from None


def _write(path: str, text: str) -> bool:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        _error(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True


def _rules(argv: list[str]) -> int:
    from .checks import BUILTIN, CHECKS  # noqa: PLC0415

    parser = _Parser(prog="tfdind-lint rules", description="List every rule, custom policies included.")
    parser.add_argument("-f", "--format", choices=["text", "json", "markdown"], default="text",
                        help="markdown writes the rules index (docs/rules.md)")
    args, policies = _policies(argv, parser)
    policies = dict(sorted(policies.items()))
    if args.format == "markdown":
        sys.stdout.write(rules_markdown(policies))
        return EXIT_CLEAN
    if args.format == "json":
        import json  # noqa: PLC0415

        data = [{"id": p.id, "name": p.name, "severity": str(p.severity), "enabled": p.enabled,
                 "summary": p.summary, "implemented": p.id in CHECKS or p.id in BUILTIN or p.custom,
                 "custom": p.custom} for p in policies.values()]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(p.name) for p in policies.values())
    for p in policies.values():
        enabled = "enabled" if p.enabled else "disabled"
        sys.stdout.write(f"{p.id}  {p.name:<{width}}  {str(p.severity):<7}  {enabled:<8}  {p.summary}\n")
    return EXIT_CLEAN


def _explain(argv: list[str]) -> int:
    from .policy import find_policy  # noqa: PLC0415

    parser = _Parser(prog="tfdind-lint explain", description="Print the documentation of a rule.")
    parser.add_argument("rule", metavar="RULE", help="a rule id (TDL101) or name (sysbox-runtime-missing)")
    args, policies = _policies(argv, parser)
    policy = find_policy(policies, args.rule)
    if policy is None:
        sys.stderr.write(f"tfdind-lint: error: unknown rule: {args.rule} (see `tfdind-lint rules`)\n")
        return EXIT_ERROR
    sys.stdout.write(explain_text(policy))
    return EXIT_CLEAN


def explain_text(policy) -> str:
    from .config import accepted_parameters  # noqa: PLC0415

    sources = "\n".join(
        f"- {s.title}" + (f" <{s.url}>" if s.url else "") + (f"\n  > {s.quote}" if s.quote else "") for s in policy.sources
    )
    enabled = "" if policy.enabled else " Disabled by default."
    check = f" Generic check: {policy.check}." if policy.custom else ""
    parameters = accepted_parameters(policy)
    listed = "\n".join(f"- `{name}`: `{_parameter_text(value)}`" for name, value in parameters.items())
    return (
        f"# {policy.name} ({policy.id})\n\n"
        f"Severity: {policy.severity}. Origin: {policy.origin}.{enabled}{check}\n\n"
        f"{policy.help.strip()}\n"
        + (f"\n## Parameters\n{listed}\n" if listed else "")
        + (f"\n## Sources\n{sources}\n" if sources else "")
    )


def _parameter_text(value) -> str:
    import json  # noqa: PLC0415

    return json.dumps(list(value) if isinstance(value, tuple) else value)


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
        out += ["", "### Sources", ""] if p.sources else []  # (custom policies may cite none)
        for source in p.sources:
            line = f"- [{source.title}]({source.url})" if source.url else f"- {source.title}"
            out.append(line + (f": \"{source.quote}\"" if source.quote else ""))
    return "\n".join(out) + "\n"
