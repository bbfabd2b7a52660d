"""The common ``check`` command lines, read without argparse.

Importing argparse (with gettext and locale behind it) and building the parser is the largest single cost of a
pre-commit run (docs/benchmarks.md). A command line made only of paths, then or preceded by options spelt out in
full (``--no-cache``, ``--format json``, ``--format=json``, ``-q``), is read here; anything else (``--help``,
``--version``, an abbreviation, grouped short flags, ``--``, a value argparse would refuse, paths on both sides of
an option) gives None, and arguments.py's argparse parser reads it or says what is wrong.
tests/test_quick_arguments.py holds the two to the same answer and this table to the parser's options.
"""

from __future__ import annotations

import sys

#: ``types.SimpleNamespace`` without importing ``types`` (a one-file run: docs/benchmarks.md): ``sys.implementation`` is one
SimpleNamespace = type(sys.implementation)

FLAG, OFF, VALUE, APPEND, RULES, ARGPARSE = "flag", "off", "value", "append", "rules", "argparse"

#: (option strings, dest, kind, choices): ``FLAG`` store_true, ``OFF`` store_false, ``VALUE`` store,
#: ``APPEND`` append, ``RULES`` append of ``rule_list``; ``ARGPARSE``: left to argparse (its value needs checking)
ACTIONS = (
    (("--output-format", "--format", "-f"), "format", VALUE,
     ("full", "concise", "text", "json", "sarif", "github", "gitlab", "junit")),
    (("-q", "--quiet"), "quiet", FLAG, None),
    (("-o", "--output", "--output-file"), "output", VALUE, None),
    (("--color",), "color", VALUE, ("auto", "always", "never")),
    (("--show-suppressed",), "show_suppressed", FLAG, None),
    (("-v", "--verbose"), "verbose", FLAG, None),
    (("--sarif-include-suppressed",), "sarif_include_suppressed", FLAG, None),
    (("--sarif-category",), "sarif_category", VALUE, None),
    (("--statistics",), "statistics", FLAG, None),
    (("--config",), "config", VALUE, None),
    (("--isolated",), "isolated", FLAG, None),
    (("--policy-dir",), "policy_dir", APPEND, None),
    (("--select",), "select", RULES, None),
    (("--extend-select",), "extend_select", RULES, None),
    (("--ignore",), "ignore", RULES, None),
    (("--fail-on",), "fail_on", VALUE, ("error", "warning", "note")),
    (("--exit-zero",), "exit_zero", FLAG, None),
    (("--baseline",), "baseline", VALUE, None),
    (("--write-baseline",), "write_baseline", FLAG, None),
    (("--force-exclude",), "force_exclude", FLAG, None),
    (("--fail-if-empty",), "fail_if_empty", FLAG, None),
    (("--sarif-output",), "sarif_output", VALUE, None),
    (("--fix",), "fix", FLAG, None),
    (("--diff",), "diff", FLAG, None),
    (("--unsafe-fixes",), "unsafe_fixes", FLAG, None),
    (("--no-unsafe-fixes",), "unsafe_fixes", OFF, None),
    (("--fixable",), "fixable", RULES, None),
    (("--extend-fixable",), "extend_fixable", RULES, None),
    (("--unfixable",), "unfixable", RULES, None),
    (("--max-file-size",), "max_file_size", ARGPARSE, None),
    (("--jobs", "-j"), "jobs", ARGPARSE, None),
    (("--no-cache",), "no_cache", FLAG, None),
)
#: what argparse gives a command line that names no option
DEFAULTS = {
    "paths": [], "format": "full", "quiet": False, "output": None, "color": "auto", "show_suppressed": False,
    "verbose": False, "sarif_include_suppressed": False, "sarif_category": None, "statistics": False, "config": None,
    "isolated": False, "policy_dir": [], "select": None, "extend_select": None, "ignore": None, "fail_on": None,
    "exit_zero": False, "baseline": None, "write_baseline": False, "force_exclude": False, "fail_if_empty": False,
    "sarif_output": None, "fix": False, "diff": False, "unsafe_fixes": None, "fixable": None, "extend_fixable": None,
    "unfixable": None, "max_file_size": None, "jobs": None, "no_cache": False,
}
#: options argparse refuses together (its mutually exclusive groups), by their first option string
EXCLUSIVE = (("--config", "--isolated"), ("--unsafe-fixes", "--no-unsafe-fixes"))

OPTIONS = {option: action for action in ACTIONS for option in action[0]}


def rule_list(text: str) -> list[str]:
    """``TDL401,TDL4`` -> the selectors (``--select`` may also be repeated)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def read(argv: list[str]) -> SimpleNamespace | None:
    """The ``check`` command line's values, as argparse would give them; None when argparse must read it."""
    values = {dest: list(default) if isinstance(default, list) else default for dest, default in DEFAULTS.items()}
    given: set[str] = set()
    paths_ended = False
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if not word.startswith("-"):
            if paths_ended:
                return None  # paths after an option that followed paths: argparse refuses them
            values["paths"].append(word)
            continue
        if values["paths"]:
            paths_ended = True
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        action = OPTIONS.get(name)
        if action is None:
            return None
        _, dest, kind, choices = action
        given.add(action[0][0])
        if kind in (FLAG, OFF):
            if equals:
                return None
            values[dest] = kind == FLAG
            continue
        if kind == ARGPARSE:
            return None
        if not equals:
            if i == len(argv):
                return None
            value = argv[i]
            i += 1
        if not value or value.startswith("-") or (choices and value not in choices):
            return None
        if kind == VALUE:
            values[dest] = value
        else:
            values[dest] = [*(values[dest] or ()), rule_list(value) if kind == RULES else value]
    if any(len(given.intersection(group)) > 1 for group in EXCLUSIVE):
        return None
    return SimpleNamespace(**values)
