"""Command line: arguments -> configuration -> lint() -> format -> exit code.

Exit codes (ruff's convention): 0 no findings at or above ``--fail-on``, 1 findings,
2 usage, configuration or internal error.
"""

from __future__ import annotations

import gc
import os
import sys

from . import quick_arguments, quick_import

COMMANDS = ("check", "rules", "explain", "server")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fix_selection(args, configuration):
    def joined(lists):
        return tuple(s for items in lists or () for s in items)

    return configuration.fix_selection(args.unsafe_fixes, joined(args.fixable) if args.fixable is not None else None,
                                       joined(args.extend_fixable), joined(args.unfixable))


def run() -> None:
    """The ``tfdind-lint`` command: ``main()``, then exit at once.

    Tearing the interpreter down (freeing every object, parser tables included) costs
    a large share of a pre-commit run (docs/benchmarks.md); the OS frees it all anyway.
    Files are closed by then; the standard streams are flushed here.  The garbage collector is off
    until the check's start-up is done (``pieces.tune_collector``): what start-up makes lives until exit.
    """
    gc.disable()
    quick_import.install()
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
        if argv[:1] and argv[0] in COMMANDS and os.path.lexists(argv[0]):
            sys.stderr.write(f"tfdind-lint: note: `{argv[0]}` is read as the command, not as the path {argv[0]}; "
                             f"to lint that path, run `tfdind-lint check ./{argv[0]}`\n")
        elif argv[:1] and _unknown_command(argv[0]):
            return report_error(f"no such command or path: {argv[0]} (commands: {', '.join(COMMANDS)}; a path is linted, "
                          "as `check PATH` does; see `tfdind-lint --help`)")
        if argv[:1] and argv[0] in ("rules", "explain", "server"):
            from . import commands  # noqa: PLC0415

            return getattr(commands, argv[0])(argv[1:])
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


def _unknown_command(word: str) -> bool:
    """A bare word (an ASCII letter, then letters, digits, ``-``, ``_``) that is neither a command nor an existing
    path (``help``, ``init``, ``lint``)."""
    bare = word.isascii() and word[:1].isalpha() and word.replace("-", "").replace("_", "").isalnum()
    return bare and word not in COMMANDS and not os.path.lexists(word)


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


def report_error(messages) -> int:
    for message in [messages] if isinstance(messages, str) else messages:
        sys.stderr.write(f"tfdind-lint: error: {message}\n")
    return EXIT_ERROR


def configuration_of(args, paths: list[str]):
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
                         baseline=getattr(args, "baseline", None), max_file_size=getattr(args, "max_file_size", None))


def _check(argv: list[str]) -> int:
    for word in argv:
        if word == "--":
            break
        if word.startswith("--write-baseline="):  # no FILE here: a template named after it must stay a path
            return report_error("--write-baseline takes no value: name the file with --baseline FILE "
                          "(`tfdind-lint --baseline ci/baseline.json --write-baseline`)")
    args = quick_arguments.read(argv)
    if args is None:
        from .arguments import check_parser  # noqa: PLC0415

        args = check_parser().parse_args(argv)  # first: --help and --version import nothing more
    from .config import ConfigError  # noqa: PLC0415
    from .discover import UsageError, discover  # noqa: PLC0415
    from .formats import Options, render  # noqa: PLC0415
    from .linter import lint  # noqa: PLC0415
    from .pieces import tune_collector  # noqa: PLC0415
    from .settings import RunSettings  # noqa: PLC0415

    tune_collector()

    paths = args.paths or ["."]
    if args.statistics and args.format in ("sarif", "gitlab", "junit"):
        return report_error(f"--statistics prints text or json, not {args.format}")
    if (args.fix or args.diff) and args.write_baseline:
        return report_error("--fix and --diff do not go with --write-baseline: fix first, then write the baseline")
    try:
        configuration = configuration_of(args, paths)
        discovery = discover(paths, exclude=configuration.excluded, force_exclude=args.force_exclude)
        configuration.load_for(discovery.files())
        configuration.check_selection()
        write_to = _destinations(args, configuration, discovery)
        baseline = _baseline(configuration, writing=write_to is not None)
        settings = RunSettings(configuration=configuration, baseline=baseline)
        cache = None
        if not args.no_cache and not _small(discovery):
            from .cache import Cache  # noqa: PLC0415

            cache = Cache()
        fixes = _fix_selection(args, configuration)
        configuration.check_fix_selection()
        progress = _progress(args.quiet)
        try:
            report = lint(paths, settings, discovery, jobs=args.jobs, cache=cache, progress=progress)
        finally:
            if progress is not None:
                progress.close()
        if args.fix or args.diff:
            from . import autofix  # noqa: PLC0415

            outcome = autofix.fix(paths, settings, discovery, fixes, report=report)
            if args.diff:
                return _show_diff(outcome, args)
            failed = autofix.write(outcome)
            if failed:
                return report_error([f"{path}: {why}" for path, why in failed])
            report = outcome.report
    except UsageError as exc:  # writes.WriteError too
        return report_error(str(exc))
    except ConfigError as exc:
        return report_error(exc.messages)
    empty = _empty_directories(paths, report, discovery)
    for path, passed_over in empty:
        hint = " (-v lists what was skipped there)" if passed_over and not args.verbose else ""
        sys.stderr.write(f"tfdind-lint: warning: no Terraform or Kubernetes files found under {path}{hint}\n")
    if empty and args.fail_if_empty:  # a usage error: no report (an empty SARIF upload would close every alert)
        return report_error("nothing to lint under " + ", ".join(path for path, _ in empty) + " (--fail-if-empty); "
                      "no report written")
    if write_to is not None:
        return _write_baseline(write_to, report, baseline, configuration)
    to_file = args.output is not None
    options = Options(
        color=args.format in ("full", "text", "concise") and not to_file and _use_color(args.color, sys.stdout),
        show_suppressed=args.show_suppressed,
        verbose=args.verbose,
        quiet=args.quiet,
        sarif_include_suppressed=args.sarif_include_suppressed,
        sarif_category=args.sarif_category,
        fixes=fixes,
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
    if args.fix:
        _fixed(outcome, report, args, to_file)
    if report.internal_errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    failing = any(f.severity >= configuration.fail_on for f in report.active)
    if report.active and not failing:
        _below_threshold(len(report.active), args, configuration)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


#: A run over fewer bytes of input than this is checked sooner than the result cache answers (its imports, hashing
#: the tool's code and the inputs: docs/benchmarks.md), so it neither reads nor writes it; the report is the same.
SMALL_RUN_BYTES = 16 * 1024


def _small(discovery) -> bool:
    total = 0
    for path in discovery.files():
        try:
            total += os.stat(path).st_size
        except OSError:
            return False
        if total >= SMALL_RUN_BYTES:
            return False
    return True


def _show_diff(outcome, args) -> int:
    """--diff: the unified diff on stdout, what it would fix on stderr; exit 1 when something would change."""
    from . import autofix  # noqa: PLC0415

    sys.stdout.write(autofix.diff(outcome))
    for path, why in outcome.refused:
        sys.stderr.write(f"tfdind-lint: warning: {path}: not fixed: the result would not parse ({why})\n")
    if not args.quiet:
        count = outcome.fixed
        sys.stderr.write(f"Would fix {count} finding{'s' if count != 1 else ''}"
                         f" in {len(outcome.changed)} file{'s' if len(outcome.changed) != 1 else ''}.\n" if count
                         else "No fixes to apply.\n")
    if outcome.report.internal_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome.changed else EXIT_CLEAN


def _fixed(outcome, report, args, to_file: bool) -> None:
    """--fix: "Fixed N findings (M remaining)." after a text report (on stderr after another format)."""
    for path, why in outcome.refused:
        sys.stderr.write(f"tfdind-lint: warning: {path}: not fixed: the result would not parse ({why})\n")
    if args.quiet:
        return
    count, remaining = outcome.fixed, len(report.active)
    line = f"Fixed {count} finding{'s' if count != 1 else ''} ({remaining} remaining).\n"
    text_format = args.format in ("full", "text", "concise") and not args.statistics and not to_file
    (sys.stdout if text_format else sys.stderr).write(line)


def _empty_directories(paths: list[str], report, discovery) -> list[tuple[str, bool]]:
    """The directories named on the command line under which no file was linted, and whether files were skipped there."""
    from .discover import display_path  # noqa: PLC0415

    out = []
    for raw in paths:
        path = display_path(raw)
        if path not in discovery.walked:
            continue
        prefix = "" if path == "." else path.rstrip("/") + "/"
        if not any(f.startswith(prefix) for f in report.files):
            out.append((raw, any(p.startswith(prefix) for p, _ in report.skipped + report.pruned)))
    return out


def _below_threshold(count: int, args, configuration) -> None:
    """Findings that do not fail the run: say so, and which threshold applies."""
    threshold = str(configuration.fail_on)
    source = f"--fail-on {threshold}" if args.fail_on else f"`fail-on: {threshold}` in {configuration.root.path}"
    findings = "the finding is" if count == 1 else f"the {count} findings are"
    sys.stderr.write(f"tfdind-lint: {findings} below the threshold of {source}, so the exit code is 0\n")


def _destinations(args, configuration, discovery) -> str | None:
    """Check every file the run will write before it starts (raises WriteError); returns the baseline to write, if any."""
    if not (args.write_baseline or args.output is not None or args.sarif_output is not None):
        return None
    from .writes import BASELINE, REPORT, SARIF, WriteError, check  # noqa: PLC0415

    inputs = [*discovery.files(), *configuration.loaded()]
    if args.write_baseline:
        target = configuration.baseline if configuration.baseline_source != "default" else configuration.default_baseline()
        if target is None:  # --isolated: no default location
            raise WriteError("--write-baseline with --isolated needs --baseline FILE to name the file")
        check(_shown(target), BASELINE, "--write-baseline:", inputs)
        return _shown(target)
    if configuration.baseline:
        inputs.append(configuration.baseline)
    if args.output is not None:
        check(args.output, REPORT, "--output", inputs)
    if args.sarif_output is not None:
        check(args.sarif_output, SARIF, "--sarif-output", inputs)
        if args.output is not None and os.path.abspath(args.output) == os.path.abspath(args.sarif_output):
            raise WriteError(f"--output and --sarif-output name the same file ({args.output}): name two files")
    return None


def _progress(quiet: bool):
    """The progress line (progress.py) for a person watching a terminal; not imported for a hook or CI."""
    try:
        if quiet or not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        return None
    from .progress import Progress  # noqa: PLC0415

    return Progress(sys.stderr) if Progress.wanted(sys.stderr, quiet) else None


def _shown(path: str) -> str:
    from .discover import display_path  # noqa: PLC0415

    return display_path(os.path.relpath(path))


def _baseline(configuration, writing: bool):
    """The baseline of the run; a file that is missing or not a baseline is a usage error (unless it is to be written)."""
    if configuration.baseline is None or (writing and not os.path.exists(configuration.baseline)):
        return None
    from .baseline import Baseline, BaselineError  # noqa: PLC0415
    from .discover import UsageError  # noqa: PLC0415

    try:
        return Baseline.load(_shown(configuration.baseline))
    except BaselineError as exc:
        where = configuration.baseline_where()
        raise UsageError(f"{where}: {exc}" if where else str(exc)) from None


def _write_baseline(path: str, report, baseline, configuration) -> int:
    from .baseline import write  # noqa: PLC0415

    try:
        count, kept = write(path, report.findings, baseline)
    except OSError as exc:
        return report_error(f"cannot write {path}: {exc.strerror or exc}")
    message = f"Recorded {count} finding{'s' if count != 1 else ''} in the baseline {path}"
    if kept:
        message += f"; kept {kept} entr{'ies' if kept != 1 else 'y'} of rules or files this run did not check"
    sys.stdout.write(f"{message}.\n{_how_it_is_read(path, configuration)}\n")
    return EXIT_ERROR if report.internal_errors else EXIT_CLEAN


def _how_it_is_read(path: str, configuration) -> str:
    """Whether the next plain run reads the baseline just written, and if not, the line to add."""
    target = os.path.abspath(path)
    root = configuration.root
    if root.baseline == target:
        return f"Later runs read it: {root.path} names it (`baseline:`)."
    if target == configuration.default_baseline():
        where = f"next to {root.path}" if root.path else "in this directory"
        return f"Later runs read it from this default location ({where}); commit it."
    relative = os.path.relpath(target, root.directory).replace(os.sep, "/")
    if root.path:
        return f"Later runs read it with `--baseline {path}`, or add `baseline: {relative}` to {root.path}."
    return f"Later runs read it with `--baseline {path}`, or from a .tfdind-lint.yaml with `baseline: {relative}`."


def _write(path: str, text: str) -> bool:
    from .writes import write_atomic  # noqa: PLC0415

    try:
        write_atomic(path, text)
    except OSError as exc:
        report_error(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True
