"""Every form of suppression, expiry on both sides of its date, unused and reason-less suppressions."""

from __future__ import annotations

import datetime
import json

from conftest import SIDECAR_TF, SIDECAR_YAML, write_tree
from tfdind_lint import suppress
from tfdind_lint.config import Configuration, Selection
from tfdind_lint.formats import Options, render
from tfdind_lint.linter import lint
from tfdind_lint.node import Span
from tfdind_lint.settings import RunSettings
from tfdind_lint.sources import Comment

TODAY = datetime.date(2027, 3, 1)
#: the rules these tests are about (other rules' findings on the same templates are not their business)
RULES = ("TDL401", "TDL412", "TDL900", "TDL901")


def findings(report, *rules):
    """(path, line, rule, suppression kind or None) of the findings, optionally of some rules only."""
    return [(f.span.path, f.span.line, f.rule, f.suppressed.kind if f.suppressed else None)
            for f in report.findings if not rules or f.rule in rules]


def run(tmp_path, monkeypatch, files, today=TODAY, configured=False):
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    if configured:
        return lint(["."], RunSettings(configuration=Configuration(["."], selection=Selection(select=RULES)), today=today))
    return lint(["."], RunSettings(enabled=set(RULES), today=today))


def sidecar(comment: str = "", line: int = 14) -> str:
    """SIDECAR_TF with a comment added at the end of a line (1-based)."""
    lines = SIDECAR_TF.split("\n")
    lines[line - 1] += f" # {comment}" if comment else ""
    return "\n".join(lines)


# inline --------------------------------------------------------------------------------------


def test_inline_on_the_line_by_id_and_by_name(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {
        "a/main.tf": sidecar("tfdind-lint: ignore[TDL401] -- nodes cannot run Sysbox (OPS-123)"),
        "b/main.tf": sidecar("tfdind-lint: ignore[privileged-sidecar-unacknowledged] -- GPU nodes (OPS-124)"),
    })
    assert findings(report) == [("a/main.tf", 14, "TDL401", "inline"), ("b/main.tf", 14, "TDL401", "inline")]
    assert [f.suppressed.reason for f in report.findings] == ["nodes cannot run Sysbox (OPS-123)", "GPU nodes (OPS-124)"]
    assert report.findings[0].suppressed.span == Span("a/main.tf", 14, 21, 14, 87)


def test_inline_above_and_on_the_resource_line(tmp_path, monkeypatch):
    lines = SIDECAR_TF.split("\n")
    above = lines[:13] + ["  # tfdind-lint: ignore[TDL401] -- build farm"] + lines[13:]
    head = lines[:11] + ["# tfdind-lint: ignore[TDL401] -- build farm"] + lines[11:]
    report = run(tmp_path, monkeypatch, {"above/main.tf": "\n".join(above), "head/main.tf": "\n".join(head)})
    assert findings(report) == [("above/main.tf", 15, "TDL401", "inline"), ("head/main.tf", 15, "TDL401", "inline")]


def test_a_trailing_comment_does_not_cover_the_next_line(tmp_path, monkeypatch):
    text = sidecar("tfdind-lint: ignore[TDL401] -- wrong line", line=13)
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 13, "TDL901", None), ("main.tf", 14, "TDL401", None)]


def test_several_ids_in_one_comment(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"main.tf": sidecar("tfdind-lint: ignore[TDL401,TDL412] -- dedicated nodes")})
    assert findings(report) == [("main.tf", 14, "TDL401", "inline"), ("main.tf", 14, "TDL901", None)]
    assert report.findings[1].message == (
        "TDL412 (privileged-workspace-container) in this suppression matches no finding: remove it from the list")


def test_same_syntax_in_yaml(tmp_path, monkeypatch):
    text = SIDECAR_YAML.replace("{privileged: true}", "{privileged: true} # tfdind-lint: ignore[TDL401] -- CI only")
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert findings(report) == [("pod.yaml", 9, "TDL401", "inline")]


# reason-less and malformed -------------------------------------------------------------------


def test_without_a_reason_nothing_is_suppressed(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"main.tf": sidecar("tfdind-lint: ignore[TDL401]")})
    assert findings(report) == [("main.tf", 14, "TDL401", None), ("main.tf", 14, "TDL900", None)]
    assert report.findings[1].message == (
        "This suppression of TDL401 has no reason, so it suppresses nothing: "
        "add `-- <why>` after `ignore[TDL401]`")


def test_parse_errors_cannot_be_suppressed():
    comments = [Comment(" tfdind-lint: ignore[TDL000] -- generated", Span("a.tf", 1, 1, 1, 40))]
    found, problems = suppress.parse_comments(comments, ["# tfdind-lint: ignore[TDL000] -- generated"], str.upper)
    assert found == []
    assert [p.message for p in problems] == [
        "TDL000 findings cannot be suppressed: fix the file or exclude it in the configuration"]


# file level ----------------------------------------------------------------------------------


def test_file_level_covers_the_whole_file_only(tmp_path, monkeypatch):
    text = "# tfdind-lint: ignore-file[TDL401] -- build farm templates (SEC-12)\n" + SIDECAR_TF
    report = run(tmp_path, monkeypatch, {"farm/main.tf": text, "other/main.tf": SIDECAR_TF})
    assert findings(report) == [("farm/main.tf", 15, "TDL401", "file"), ("other/main.tf", 14, "TDL401", None)]
    assert report.findings[0].suppressed.reason == "build farm templates (SEC-12)"


def test_file_level_must_be_alone_on_its_line(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"main.tf": sidecar("tfdind-lint: ignore-file[TDL401] -- everything")})
    assert findings(report) == [("main.tf", 14, "TDL401", None), ("main.tf", 14, "TDL900", None)]
    assert report.findings[1].message == (
        "A file-level suppression must be alone on its line, so it is not mistaken for the line's own")


# annotations ---------------------------------------------------------------------------------


def test_annotation_on_the_object(tmp_path, monkeypatch):
    text = SIDECAR_YAML.replace("  name: ws\n", '  name: ws\n  annotations:\n    tfdind-lint.io/ignore: "TDL401 -- CI builders (OPS-7)"\n')
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert findings(report) == [("pod.yaml", 11, "TDL401", "annotation")]
    assert report.findings[0].suppressed.reason == "CI builders (OPS-7)"
    assert report.findings[0].suppressed.span == Span("pod.yaml", 6, 5, 6, 59)


def test_annotation_lines_each_one_suppression(tmp_path, monkeypatch):
    text = SIDECAR_YAML.replace("  name: ws\n", (
        "  name: ws\n  annotations:\n    tfdind-lint.io/ignore: |\n"
        "      TDL401 -- CI builders (OPS-7)\n      TDL412 -- not privileged any more\n"))
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert findings(report) == [("pod.yaml", 8, "TDL901", None), ("pod.yaml", 13, "TDL401", "annotation")]
    assert report.findings[0].span == Span("pod.yaml", 8, 7, 8, 40)


def test_annotation_only_covers_its_own_object(tmp_path, monkeypatch):
    annotated = SIDECAR_YAML.replace("  name: ws\n", '  name: ws\n  annotations:\n    tfdind-lint.io/ignore: "TDL401 -- ok"\n')
    report = run(tmp_path, monkeypatch, {"pods.yaml": annotated + "---\n" + SIDECAR_YAML})
    assert findings(report) == [("pods.yaml", 11, "TDL401", "annotation"), ("pods.yaml", 24, "TDL401", None)]


def test_annotation_without_reason(tmp_path, monkeypatch):
    text = SIDECAR_YAML.replace("  name: ws\n", '  name: ws\n  annotations:\n    tfdind-lint.io/ignore: "TDL401"\n')
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert findings(report) == [("pod.yaml", 6, "TDL900", None), ("pod.yaml", 11, "TDL401", None)]
    assert report.findings[0].message == (
        "This suppression of TDL401 has no reason, so it suppresses nothing: add `-- <why>` after `TDL401`")


def test_annotation_on_a_terraform_kubernetes_resource(tmp_path, monkeypatch):
    text = """\
resource "kubernetes_deployment" "builder" {
  metadata {
    name = "builder"
    annotations = {
      "tfdind-lint.io/ignore" = "TDL401 -- builders on a dedicated pool"
    }
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "dind"
          image = "docker:dind"
          security_context {
            privileged = true
          }
        }
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
        }
      }
    }
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
"""
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 16, "TDL401", "annotation")]


def test_the_annotation_key_is_configurable(tmp_path, monkeypatch):
    text = SIDECAR_YAML.replace("  name: ws\n", '  name: ws\n  annotations:\n    example.com/lint-ignore: "TDL401 -- ok"\n')
    report = run(tmp_path, monkeypatch, {"pod.yaml": text, ".tfdind-lint.yaml": "suppression-annotation: example.com/lint-ignore\n"},
                 configured=True)
    assert findings(report) == [("pod.yaml", 11, "TDL401", "annotation")]


# configuration -------------------------------------------------------------------------------


def test_config_suppression_with_files_and_subjects(tmp_path, monkeypatch):
    config = """\
suppress:
  - rules: [privileged-sidecar-unacknowledged]
    files: ["farm/**"]
    subjects: ["docker_container.dind"]
    reason: build farm (SEC-12)
"""
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": config, "farm/main.tf": SIDECAR_TF, "web/main.tf": SIDECAR_TF},
                 configured=True)
    assert findings(report) == [("farm/main.tf", 14, "TDL401", "config"), ("web/main.tf", 14, "TDL401", None)]
    assert report.findings[0].suppressed.span == Span(".tfdind-lint.yaml", 2, 5, 2, 6)


def test_unused_config_suppression_points_at_its_entry(tmp_path, monkeypatch):
    config = "suppress:\n  - rules: [TDL401]\n    files: [gone/**]\n    reason: old\n"
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": config, "main.tf": SIDECAR_TF}, configured=True)
    assert findings(report) == [(".tfdind-lint.yaml", 2, "TDL901", None), ("main.tf", 14, "TDL401", None)]


# expiry --------------------------------------------------------------------------------------


def test_expiry_works_through_its_date_and_stops_after_it(tmp_path, monkeypatch):
    text = sidecar("tfdind-lint: ignore[TDL401] -- until the Sysbox migration (until 2027-03-01)")
    on_the_day = run(tmp_path, monkeypatch, {"main.tf": text}, today=datetime.date(2027, 3, 1))
    assert findings(on_the_day) == [("main.tf", 14, "TDL401", "inline")]
    assert on_the_day.findings[0].suppressed.reason == "until the Sysbox migration"
    assert on_the_day.findings[0].suppressed.until == "2027-03-01"
    day_after = run(tmp_path, monkeypatch, {"main.tf": text}, today=datetime.date(2027, 3, 2))
    assert findings(day_after) == [("main.tf", 14, "TDL401", None), ("main.tf", 14, "TDL900", None)]
    assert day_after.findings[1].message == (
        "This suppression of TDL401 expired on 2027-03-01: fix the finding, or renew the date with a reason")


def test_expiry_in_the_configuration(tmp_path, monkeypatch):
    config = "suppress:\n  - rules: [TDL401]\n    reason: migrating\n    until: 2027-02-28\n"
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": config, "main.tf": SIDECAR_TF}, configured=True)
    assert findings(report) == [(".tfdind-lint.yaml", 2, "TDL900", None), ("main.tf", 14, "TDL401", None)]


def test_until_in_prose_is_part_of_the_reason(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"main.tf": sidecar("tfdind-lint: ignore[TDL401] -- accepted (until further notice)")})
    assert findings(report) == [("main.tf", 14, "TDL401", "inline")]
    assert (report.findings[0].suppressed.reason, report.findings[0].suppressed.until) == ("accepted (until further notice)", None)


def test_expiry_needs_a_real_date(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"main.tf": sidecar("tfdind-lint: ignore[TDL401] -- x (until 2027-02-30)")})
    assert findings(report) == [("main.tf", 14, "TDL401", None), ("main.tf", 14, "TDL900", None)]
    assert report.findings[1].message == (
        "`until 2027-02-30` is not a date, so this suppression suppresses nothing: write `(until YYYY-MM-DD)`")


# unused --------------------------------------------------------------------------------------


def test_unused_only_when_the_rule_ran(tmp_path, monkeypatch):
    write_tree(tmp_path, {"main.tf": SIDECAR_TF.replace("privileged = true", "privileged = false # tfdind-lint: ignore[TDL401] -- old")})
    monkeypatch.chdir(tmp_path)
    ran = lint(["."], RunSettings(enabled={"TDL401", "TDL901"}, today=TODAY))
    assert findings(ran) == [("main.tf", 14, "TDL901", None)]
    assert ran.findings[0].message == "This suppression of TDL401 (privileged-sidecar-unacknowledged) matches no finding: remove it"
    not_selected = lint(["."], RunSettings(enabled={"TDL412", "TDL901"}, today=TODAY))
    assert findings(not_selected) == []


def test_unused_not_judged_in_files_not_reported(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "variables.tf": 'variable "x" {\n  default = 1 # tfdind-lint: ignore[TDL401] -- old\n}\n',
        "main.tf": SIDECAR_TF,
    })
    monkeypatch.chdir(tmp_path)
    report = lint(["main.tf"], RunSettings(enabled=set(RULES), today=TODAY))
    assert findings(report) == [("main.tf", 14, "TDL401", None)]


# output --------------------------------------------------------------------------------------


def test_json_keeps_every_suppression_with_its_kind_and_reason(tmp_path, monkeypatch):
    config = "suppress:\n  - rules: [TDL401]\n    files: [config/**]\n    reason: from the configuration\n"
    report = run(tmp_path, monkeypatch, {
        ".tfdind-lint.yaml": config,
        "config/main.tf": SIDECAR_TF,
        "inline/main.tf": sidecar("tfdind-lint: ignore[TDL401] -- inline reason (until 2030-01-01)"),
    }, configured=True)
    document = json.loads(render("json", report, RunSettings()))
    assert [f["suppressed"] for f in document["findings"]] == [
        {"kind": "config", "reason": "from the configuration", "until": None,
         "location": {"path": ".tfdind-lint.yaml", "line": 2, "column": 5, "end_line": 2, "end_column": 6}},
        {"kind": "inline", "reason": "inline reason", "until": "2030-01-01",
         "location": {"path": "inline/main.tf", "line": 14, "column": 21, "end_line": 14, "end_column": 86}},
    ]
    assert document["summary"]["suppressed"] == 2
    assert document["summary"]["findings"] == 0


def test_sarif_carries_suppressions_only_when_asked(tmp_path, monkeypatch):
    config = "suppress:\n  - rules: [TDL401]\n    files: [config/**]\n    reason: from the configuration\n"
    report = run(tmp_path, monkeypatch, {
        ".tfdind-lint.yaml": config,
        "config/main.tf": SIDECAR_TF,
        "inline/main.tf": sidecar("tfdind-lint: ignore[TDL401] -- inline reason"),
    }, configured=True)
    plain = json.loads(render("sarif", report, RunSettings()))
    assert plain["runs"][0]["results"] == []
    asked = json.loads(render("sarif", report, RunSettings(), Options(sarif_include_suppressed=True)))
    assert [r["suppressions"] for r in asked["runs"][0]["results"]] == [
        [{"kind": "external", "justification": "from the configuration", "status": "accepted"}],
        [{"kind": "inSource", "justification": "inline reason", "status": "accepted"}],
    ]


def test_text_hides_them_with_a_count(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"a/main.tf": sidecar("tfdind-lint: ignore[TDL401] -- reviewed"), "b/main.tf": SIDECAR_TF})
    text = render("text", report, RunSettings())
    assert text.splitlines()[-1] == "Found 1 finding (0 errors, 1 warning, 0 notes) in 1 of 2 files; 1 suppressed."
    shown = render("text", report, RunSettings(), Options(show_suppressed=True)).splitlines()
    assert shown[0].endswith("(suppressed inline: reviewed)")


def test_a_suppression_read_back_from_the_result_cache_keeps_its_place_and_use():
    """The cache stores each piece's suppressions (plain.py) and builds them again through ``__init__``."""
    from tfdind_lint import plain

    written = suppress.Suppression("inline", ("TDL401",), "why", Span("main.tf", 13, 3, 13, 40),
                                   datetime.date(2027, 1, 1), own_line=True, used={"TDL401"})
    from tfdind_lint.pieces import UnitResult

    [result] = plain.loads(plain.dumps([UnitResult(0, comments=[("main.tf", [written], [])])]))
    [(_, [again], _)] = result.comments
    assert [getattr(again, name) for name in written._fields if name != "paths"] == [
        "inline", ("TDL401",), "why", Span("main.tf", 13, 3, 13, 40), datetime.date(2027, 1, 1), True, None, (),
        {"TDL401"}]


def test_what_a_suppression_without_a_reason_says():
    def problems(text):
        comments = [Comment(" tfdind-lint: " + text, Span("a.tf", 1, 1, 1, 60))]
        return [p.message for p in suppress.parse_comments(comments, ["# tfdind-lint: " + text], str.upper)[1]]

    assert problems("ignore[TDL401,TDL402]") == [
        "This suppression of TDL401, TDL402 has no reason, so it suppresses nothing: add `-- <why>` after "
        "`ignore[TDL401,TDL402]`"]
    # a date alone is no reason (and no reason set off by something else than ` -- `)
    assert problems("ignore[TDL401] (until 2027-01-01)") == [
        "This suppression of TDL401 has no reason, so it suppresses nothing: add `-- <why>` after `ignore[TDL401]`"]


def test_comments_without_the_mark_are_answered_without_the_grammar(monkeypatch):
    """A file's comments none of which says ``tfdind-lint`` hold no suppression: the reader is not asked (a run over
    such files does not import it: tests/test_cold_start.py)."""
    from tfdind_lint import suppress_syntax

    asked = []
    real = suppress_syntax.parse_comments
    monkeypatch.setattr(suppress_syntax, "parse_comments", lambda *args: asked.append(args) or real(*args))
    span = Span("a.tf", 1, 1, 1, 20)
    plain = [Comment(" tfdind lint: ignore", span), Comment(" TDL401 -- no", span)]
    assert suppress.parse_comments(plain, ["# tfdind lint: ignore"], str.upper) == ([], [])
    assert asked == []
    found, problems = suppress.parse_comments([Comment(" tfdind-lint: ignore", span)], ["# tfdind-lint: ignore"],
                                              str.upper)
    assert found == [] and [p.rule for p in problems] == ["TDL900"] and len(asked) == 1
