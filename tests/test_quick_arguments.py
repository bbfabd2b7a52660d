"""quick_arguments.py reads the common ``check`` command lines as argparse would, and leaves it everything else."""

from __future__ import annotations

import argparse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfdind_lint.arguments import check_parser
from tfdind_lint.quick_arguments import (
    APPEND,
    ARGPARSE,
    DEFAULTS,
    EXCLUSIVE,
    FLAG,
    OFF,
    OPTIONS,
    RULES,
    VALUE,
    read,
    rule_list,
)

PARSER = check_parser()


def parsed(argv: list[str]) -> dict | None:
    """argparse's values, or None when it refuses the command line (it exits 2, or 0 for --help)."""
    try:
        return vars(PARSER.parse_args(argv))
    except SystemExit:
        return None


def _kind(action: argparse.Action) -> str:
    if isinstance(action, argparse._StoreTrueAction):
        return FLAG
    if isinstance(action, argparse._StoreFalseAction):
        return OFF
    if action.type is rule_list:
        return RULES
    if action.type is not None:
        return ARGPARSE
    return APPEND if isinstance(action, argparse._AppendAction) else VALUE


def test_the_table_is_the_parsers_options():
    expected = {}
    for action in PARSER._actions:
        if action.option_strings and action.dest not in ("help", "version"):
            choices = tuple(action.choices) if action.choices else None
            for option in action.option_strings:
                expected[option] = (action.dest, _kind(action), choices, action.option_strings[0])
    got = {option: (dest, kind, choices, options[0]) for option, (options, dest, kind, choices) in OPTIONS.items()}
    assert got == expected


def test_the_defaults_are_argparses():
    assert parsed([]) == DEFAULTS


def test_the_exclusive_groups_are_argparses():
    groups = {tuple(action.option_strings[0] for action in group._group_actions)
              for group in PARSER._mutually_exclusive_groups}
    assert set(EXCLUSIVE) == groups


@pytest.mark.parametrize("argv", [
    [], ["--no-cache", "main.tf"], ["main.tf", "--no-cache"],
    ["--force-exclude", "a/main.tf", "b/main.tf"], ["--force-exclude", "--fix", "main.tf"],
    ["--format=json", "."], ["-f", "sarif", "-o", "out.sarif", "."], ["--output-file=r.txt", "-q", "-v"],
    ["--select", "TDL4, TDL101", "--select=TDL2", "--ignore", "TDL402", "."], ["--policy-dir", "p", "--policy-dir=q"],
    ["--unsafe-fixes", "--diff"], ["--no-unsafe-fixes", "--fix"], ["--config", "c.yaml", "--config", "d.yaml"],
    ["--fail-on", "warning", "--exit-zero", "--color", "never", "--sarif-output", "s.sarif", "x"],
])
def test_the_common_command_lines_are_read_as_argparse_reads_them(argv):
    quick = read(argv)
    assert quick is not None and vars(quick) == parsed(argv)


def test_the_values_are_fresh_for_each_command_line():
    read(["--policy-dir", "p", "a.tf"])
    assert vars(read([]))["paths"] == [] and vars(read([]))["policy_dir"] == []


@pytest.mark.parametrize("argv", [
    ["--help"], ["-h"], ["--version"], ["--no-c", "a.tf"], ["-qv"], ["-fjson"], ["a.tf", "--no-cache", "b.tf"],
    ["--jobs", "2"], ["-j", "1"], ["--max-file-size", "2MiB"], ["--", "-a.tf"], ["--format", "xml"], ["--format"],
    ["--format="], ["--output", "-"], ["--config", "c", "--isolated"], ["--fix=yes"], ["--unsafe-fixes",
    "--no-unsafe-fixes"], ["-"], ["--nonsense"],
])
def test_anything_else_is_left_to_argparse(argv):
    assert read(argv) is None


WORDS = st.sampled_from([
    *OPTIONS, "--help", "--version", "--", "-", "--no-c", "--form", "-qv", "-fjson", "--format=json", "--format=xml",
    "--fix=1", "--select=TDL4", "--config=c", "json", "sarif", "xml", "never", "warning", "TDL4,TDL101", "2", "0",
    "1MiB", "a.tf", "dir/", ".", "", "-x",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=8))
def test_what_it_reads_argparse_reads_the_same(argv):
    quick = read(argv)
    if quick is not None:
        assert vars(quick) == parsed(argv)
