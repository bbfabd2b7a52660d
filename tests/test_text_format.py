"""The text formats: ``full`` (header with the severity word, code frame, help, related frames, explain pointer)
and ``concise`` (one line per finding); colour only added to the words, never replacing them."""

from __future__ import annotations

import re

import pytest

from tfdind_lint.finding import Finding, Related, Severity
from tfdind_lint.formats import Options, links, render
from tfdind_lint.formats.text import MAX_LINE_WIDTH
from tfdind_lint.linter import lint
from tfdind_lint.node import Span
from tfdind_lint.report import Report
from tfdind_lint.settings import RunSettings

ANSI = re.compile(r"\033\[[0-9;]*[A-Za-z]")
RULES = {"TDL000", "TDL001", "TDL002"}


@pytest.fixture(autouse=True)
def no_project_urls(monkeypatch):
    """The package names no URL today; tests that want one set a stand-in."""
    monkeypatch.setattr(links, "project_urls", lambda: {})


def run(paths, fmt="full", rules=RULES, **options):
    settings = RunSettings(enabled=rules)
    report = lint(paths, settings)
    return render(fmt, report, settings, Options(**options))


def test_full_has_header_frame_help_related_frame_and_pointer(in_root):
    text = run(["tests/policies/TDL001/bad", "tests/policies/TDL000/unterminated_string.tf"])
    assert text == (
        "tests/policies/TDL000/unterminated_string.tf:2:11: TDL000 error: Unterminated string: the closing '\"' is "
        "missing on this line\n"
        "  |\n"
        "2 |   image = \"codercom/enterprise-base:ubuntu # expect: TDL000\n"
        "  |           ^\n"
        "  |\n"
        "  = more: tfdind-lint explain TDL000\n"
        "\n"
        "tests/policies/TDL001/bad/main.tf:12:17: TDL001 error: `var.namespace` is not declared in this module: plan "
        "fails with \"Reference to undeclared input variable\"\n"
        "   |\n"
        "12 |     namespace = var.namespace # expect: TDL001\n"
        "   |                 ^^^^^^^^^^^^^\n"
        "   |\n"
        "   = help: did you mean `var.workspaces_namespace`?\n"
        "   = help: declare `variable \"namespace\"` in a file of tests/policies/TDL001/bad/\n"
        "  ::: tests/policies/TDL001/bad/main.tf:2:1: `variable \"workspaces_namespace\"` is declared here\n"
        "   |\n"
        " 2 | variable \"workspaces_namespace\" {\n"
        "   | -------------------------------\n"
        "   = more: tfdind-lint explain TDL001\n"
        "\n"
        "Found 2 findings (2 errors, 0 warnings, 0 notes) in 2 of 2 files; 1 fixable with --fix --unsafe-fixes.\n"
    )


def test_text_is_the_full_format(in_root):
    assert run(["tests/policies/TDL001/bad"], "text") == run(["tests/policies/TDL001/bad"], "full")


def test_concise_is_one_line_per_finding_with_the_severity_word(in_root):
    text = run(["tests/policies/TDL001/bad", "tests/policies/TDL000/unterminated_string.tf"], "concise")
    assert text == (
        "tests/policies/TDL000/unterminated_string.tf:2:11: TDL000 error: Unterminated string: the closing '\"' is "
        "missing on this line\n"
        "tests/policies/TDL001/bad/main.tf:12:17: TDL001 error: `var.namespace` is not declared in this module: plan "
        "fails with \"Reference to undeclared input variable\"\n"
        "Found 2 findings (2 errors, 0 warnings, 0 notes) in 2 of 2 files; 1 fixable with --fix --unsafe-fixes.\n"
    )


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_quiet_prints_the_findings_only(in_root, fmt):
    text = run(["tests/policies/TDL001/bad"], fmt, quiet=True)
    assert "Found" not in text and "TDL001 error:" in text
    assert run(["examples/dind-docker/good"], fmt, quiet=True) == ""


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_colour_adds_to_the_words_and_takes_nothing_away(in_root, fmt):
    plain = run(["examples/dind-kubernetes/bad"], fmt)
    coloured = run(["examples/dind-kubernetes/bad"], fmt, color=True)
    assert coloured != plain
    assert ANSI.sub("", coloured) == plain
    assert "\033[1m\033[31mTDL001 error:\033[0m" in coloured


def test_repeated_findings_in_a_file_keep_every_place_and_print_the_help_once(in_root):
    text = run(["examples/dind-kubernetes/bad"], rules={"TDL002"})
    headers = [line for line in text.splitlines() if ": TDL002 error:" in line]
    assert [h.split(": TDL002")[0] for h in headers] == [
        "examples/dind-kubernetes/bad/main.tf:82:32", "examples/dind-kubernetes/bad/main.tf:99:26",
        "examples/dind-kubernetes/bad/main.tf:104:35"]
    assert text.count("= help: use `data.coder_workspace_owner.me.name`") == 1
    assert text.count("= more: tfdind-lint explain TDL002") == 1
    assert text.count("::: examples/dind-kubernetes/bad/main.tf:7:5:") == 1
    assert text.count("^^^^^^^^^^^^^^^^^^^^^^^^^^^^^") == 3  # a frame under each place


def test_findings_are_grouped_by_file_in_file_order(in_root):
    text = run(["examples"], "concise", rules=None, quiet=True)
    paths = [line.split(":")[0] for line in text.splitlines()]
    blocks = [p for i, p in enumerate(paths) if i == 0 or paths[i - 1] != p]
    assert len(blocks) > 3 and blocks == sorted(set(blocks))  # each file once, in order


def _report(tmp_path, source: str, *spans, related=()):
    path = tmp_path / "main.tf"
    path.write_text(source, encoding="utf-8")
    findings = [Finding(Span(str(path), *span), "TDL401", "privileged-sidecar-unacknowledged", Severity.WARNING,
                        "message", related=related) for span in spans]
    return Report(findings, [str(path)]), str(path)


def _full(report) -> str:
    return render("full", report, RunSettings(), Options(quiet=True))


def test_a_span_over_many_lines_shows_its_first_and_last_line(tmp_path):
    source = 'resource "x" "y" {\n  a = 1\n  b = 2\n  c = 3\n}\n'
    report, path = _report(tmp_path, source, (1, 1, 5, 2))
    frame = _full(report).splitlines()[1:7]
    assert frame == [
        "  |",
        '1 | resource "x" "y" {',
        "  | ^^^^^^^^^^^^^^^^^^",
        ". |",
        "5 | }",
        "  | ^",
    ]


def test_a_span_over_two_lines_has_no_ellipsis_and_a_span_ending_at_a_line_break_stays_on_its_line(tmp_path):
    report, _ = _report(tmp_path, "a = [\n  1]\nb = 2\n", (1, 1, 2, 5), (3, 1, 4, 1))
    lines = _full(report).splitlines()
    assert lines[1:6] == ["  |", "1 | a = [", "  | ^^^^^", "2 |   1]", "  |   ^^"]
    second = lines[lines.index(next(line for line in lines if line.endswith(":3:1: TDL401 warning: message"))) + 1:][:3]
    assert second == ["  |", "3 | b = 2", "  | ^^^^^"]


def test_tabs_and_wide_characters_keep_the_carets_under_the_span(tmp_path):
    report, _ = _report(tmp_path, '\tname = "日本" # x\n', (1, 9, 1, 13))  # `"日本"`
    lines = _full(report).splitlines()
    assert lines[2] == '1 |     name = "日本" # x'
    assert lines[3] == "  |            ^^^^^^"


def test_a_long_line_is_cut_around_the_span(tmp_path):
    source = "x = [" + ", ".join(f'"{i:04}"' for i in range(500)) + "]\n"
    column = source.index('"0400"') + 1
    report, _ = _report(tmp_path, source, (1, column, 1, column + 6))
    shown, marks = _full(report).splitlines()[2:4]
    assert shown.startswith("1 | …") and shown.endswith("…")
    assert len(shown) <= MAX_LINE_WIDTH + 8
    start = marks.index("^")
    assert shown[start:start + 6] == '"0400"' and marks[start:] == "^^^^^^"


def test_related_places_get_a_one_line_frame(tmp_path):
    path = tmp_path / "main.tf"
    report, _ = _report(tmp_path, "a = 1\nb = 2\nc = 3\n", (1, 1, 1, 6),
                        related=(Related(Span(str(path), 3, 1, 4, 1), "c is here"),))
    text = _full(report)
    assert f"\n ::: {path}:3:1: c is here\n  |\n3 | c = 3\n  | -----\n" in text


def test_no_frame_for_a_file_that_cannot_be_read(tmp_path):
    report = Report([Finding(Span(str(tmp_path / "gone.tf"), 2, 1, 2, 4), "TDL401", "n", Severity.WARNING, "m")],
                    [str(tmp_path / "gone.tf")])
    assert _full(report) == f"{tmp_path / 'gone.tf'}:2:1: TDL401 warning: m\n  = more: tfdind-lint explain TDL401\n"


def test_the_pointer_gains_the_rule_page_when_the_package_names_its_documentation(in_root, monkeypatch):
    monkeypatch.setattr(links, "project_urls", lambda: {"documentation": "https://example.org/tfdind-lint/docs/"})
    text = run(["tests/policies/TDL001/bad"])
    assert ("= more: tfdind-lint explain TDL001 or "
            "https://example.org/tfdind-lint/docs/rules.md#tdl001-undeclared-variable\n") in text


def test_project_urls_are_read_from_the_installed_metadata(tmp_path, monkeypatch):
    dist = tmp_path / "tfdind_lint-9.9.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: tfdind-lint\n"
                                   "Project-URL: Homepage, https://example.org/home\n"
                                   "Project-URL: Documentation, https://example.org/docs\n\nProject-URL: X, y\n")
    monkeypatch.undo()  # the real lookup, over a path holding only the stand-in distribution
    monkeypatch.setattr("sys.path", [str(tmp_path)])
    links.project_urls.cache_clear()
    try:
        assert links.project_urls() == {"homepage": "https://example.org/home", "documentation": "https://example.org/docs"}
        assert links.information_uri() == "https://example.org/home"
        assert links.rule_url("TDL401", "x-y") == "https://example.org/docs/rules.md#tdl401-x-y"
    finally:
        links.project_urls.cache_clear()


def test_this_versions_metadata_is_found_by_name_before_any_other(tmp_path, monkeypatch):
    """The running version's dist-info is looked up by its name on every sys.path entry (no directory listing);
    another version's is used only when none is found."""
    from tfdind_lint import __version__

    other, own = tmp_path / "first", tmp_path / "second"
    for directory, version, url in ((other, "0.0.1", "https://example.org/old"), (own, __version__, "https://example.org/new")):
        dist = directory / f"tfdind_lint-{version}.dist-info"
        dist.mkdir(parents=True)
        (dist / "METADATA").write_text(f"Name: tfdind-lint\nProject-URL: Homepage, {url}\n")
    monkeypatch.undo()
    monkeypatch.setattr("sys.path", [str(other), str(own)])
    links.project_urls.cache_clear()
    try:
        assert links.information_uri() == "https://example.org/new"
        monkeypatch.setattr("sys.path", [str(other)])
        links.project_urls.cache_clear()
        assert links.information_uri() == "https://example.org/old"
    finally:
        links.project_urls.cache_clear()


def test_no_url_is_invented_when_the_metadata_names_none(tmp_path, monkeypatch):
    monkeypatch.undo()
    monkeypatch.setattr("sys.path", [str(tmp_path)])
    links.project_urls.cache_clear()
    try:
        assert links.project_urls() == {} and links.information_uri() is None and links.rule_url("TDL401", "x") is None
    finally:
        links.project_urls.cache_clear()
