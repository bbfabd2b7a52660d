"""The commands besides ``check``: ``rules`` (the rule list, and docs/rules.md), ``explain`` (one rule's
documentation, also shown by the language server) and ``server`` (the language server).

Apart from cli.py: a lint run does not import them.
"""

from __future__ import annotations

import gc
import sys

from .cli import EXIT_CLEAN, EXIT_ERROR, configuration_of, report_error


def _policies(argv: list[str], parser):
    """Parse a `rules` / `explain` command line (``parser``: an ``arguments.Parser``); the policies include the
    configuration's custom ones."""
    from .arguments import config_arguments  # noqa: PLC0415
    from .config import ConfigError  # noqa: PLC0415

    config_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return args, configuration_of(args, ["."]).policies
    except ConfigError as exc:
        report_error(exc.messages)
        raise SystemExit(EXIT_ERROR) from None


def rules(argv: list[str]) -> int:
    from .arguments import Parser  # noqa: PLC0415
    from .rules import BUILTIN, CHECKS  # noqa: PLC0415

    parser = Parser(prog="tfdind-lint rules", description="List every rule, custom policies included.")
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
                 "custom": p.custom, "fix": p.fix} for p in policies.values()]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(p.name) for p in policies.values())
    for p in policies.values():
        enabled = "enabled" if p.enabled else "disabled"
        fix = "fix" if p.fix == "safe" else "fix?" if p.fix == "unsafe" else ""
        sys.stdout.write(f"{p.id}  {p.name:<{width}}  {str(p.severity):<7}  {enabled:<8}  {fix:<4}  {p.summary}\n")
    return EXIT_CLEAN


def server(argv: list[str]) -> int:
    from .arguments import Parser  # noqa: PLC0415

    parser = Parser(prog="tfdind-lint server",
                     description="Serve diagnostics, code actions and rule documentation to an editor over the Language "
                                 "Server Protocol (stdio). Set-up for each editor: docs/editors.md.")
    parser.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the only transport; accepted "
                                                             "because some clients pass it)")
    parser.parse_args(argv)
    gc.enable()  # a long-lived process (cli.run turned it off for a check's start-up)
    try:
        import lsprotocol  # noqa: F401, PLC0415
        import pygls  # noqa: F401, PLC0415
    except ImportError:
        return report_error("the language server needs the `lsp` extra: pip install 'tfdind-lint[lsp]'")
    from .server import main as serve  # noqa: PLC0415

    return serve()


def explain(argv: list[str]) -> int:
    from .arguments import Parser  # noqa: PLC0415
    from .policy import find_policy  # noqa: PLC0415

    parser = Parser(prog="tfdind-lint explain", description="Print the documentation of a rule.")
    parser.add_argument("rule", metavar="RULE", help="a rule id (TDL101) or name (sysbox-runtime-missing)")
    args, policies = _policies(argv, parser)
    policy = find_policy(policies, args.rule)
    if policy is None:
        from .suggest import did_you_mean, rule_words  # noqa: PLC0415

        hint = did_you_mean(args.rule, rule_words(policies, groups=False))
        sys.stderr.write(f"tfdind-lint: error: unknown rule: {args.rule}{hint} (see `tfdind-lint rules`)\n")
        return EXIT_ERROR
    sys.stdout.write(explain_text(policy))
    return EXIT_CLEAN


def explain_text(policy) -> str:
    from .config_file import accepted_parameters  # noqa: PLC0415

    sources = "\n".join(
        f"- {s.title}" + (f" <{s.url}>" if s.url else "") + (f"\n  > {s.quote}" if s.quote else "") for s in policy.sources
    )
    enabled = "" if policy.enabled else " Disabled by default."
    check = f" Generic check: {policy.check}." if policy.custom else ""
    parameters = accepted_parameters(policy)
    listed = "\n".join(f"- `{name}`: `{_parameter_text(value)}`" for name, value in parameters.items())
    return (
        f"# {policy.name} ({policy.id})\n\n"
        f"Severity: {policy.severity}. {basis(policy)}{enabled}{check}{fix_text(policy)}\n\n"
        f"{policy.help.strip()}\n"
        + (f"\n## Parameters\n{listed}\n" if listed else "")
        + (f"\n## Sources\n{sources}\n" if sources else "")
    )


def fix_text(policy) -> str:
    """What `--fix` does for a rule, in words (empty when it has no fix)."""
    return {"safe": " Fix: safe (applied by `--fix`).",
            "unsafe": " Fix: unsafe (a suggested edit, applied by `--fix --unsafe-fixes`)."}.get(policy.fix, "")


CODER_PAGE = "Coder's page “Docker in Workspaces” (coder.com/docs/admin/templates/extending-templates/docker-in-workspaces)"
PRIMARY = "primary sources (the projects' own documentation and code, listed under Sources)"


def basis(policy) -> str:
    """What a rule rests on, in words (the policies' `origin` tag: SEED, PRIMARY, SEED+PRIMARY, tool, custom)."""
    return {
        "SEED": f"Based on {CODER_PAGE}.",
        "PRIMARY": f"Based on {PRIMARY}.",
        "SEED+PRIMARY": f"Based on {CODER_PAGE}, made exact by {PRIMARY}.",
        "tool": "A rule about tfdind-lint's own input: files it cannot read, and its suppressions.",
        "custom": "A custom policy of this repository.",
    }.get(policy.origin, f"Origin: {policy.origin}.")


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
        "| id | name | severity | enabled | fix | summary |",
        "|---|---|---|---|---|---|",
    ]
    for p in policies.values():
        anchor = f"{p.id}-{p.name}".lower()
        summary = p.summary.replace("|", "\\|")
        fix = p.fix if p.fix in ("safe", "unsafe") else ""
        out.append(f"| [{p.id}](#{anchor}) | `{p.name}` | {p.severity} | {'yes' if p.enabled else 'no'} | {fix} | {summary} |")
    for p in policies.values():
        out += ["", f"## {p.id} {p.name}", "", f"Severity: {p.severity}. {basis(p)} "
                f"Reads: {', '.join(p.files)}.{'' if p.enabled else ' Disabled by default.'}{fix_text(p)}"]
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
