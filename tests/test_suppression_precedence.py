"""Which suppression wins when several cover one finding, and rules no suppression can silence.

The most specific form wins: inline, then annotation, then file level, then configuration.
The winner carries the reason; a suppression that matched nothing else is reported unused
(TDL901), since removing it changes nothing.
"""

from __future__ import annotations

from test_suppressions import TODAY, findings, run, sidecar

from conftest import SIDECAR_TF, SIDECAR_YAML, write_tree
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

FILE_LEVEL = "# tfdind-lint: ignore-file[TDL401] -- build farm (SEC-12)\n"
CONFIG = "suppress:\n  - rules: [TDL401]\n    reason: every template (SEC-1)\n"


def annotated(reason: str) -> str:
    return SIDECAR_YAML.replace("  name: ws\n", f'  name: ws\n  annotations:\n    tfdind-lint.io/ignore: "TDL401 -- {reason}"\n')


def test_annotation_wins_over_file_level(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {"pod.yaml": FILE_LEVEL + annotated("CI builders (OPS-7)")})
    assert findings(report) == [("pod.yaml", 1, "TDL901", None), ("pod.yaml", 12, "TDL401", "annotation")]
    assert report.findings[1].suppressed.reason == "CI builders (OPS-7)"


def test_annotation_wins_whichever_comes_first_in_the_file(tmp_path, monkeypatch):
    text = annotated("CI builders (OPS-7)") + "# tfdind-lint: ignore-file[TDL401] -- build farm (SEC-12)\n"
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert [(f.rule, f.suppressed and f.suppressed.kind) for f in report.findings] == [
        ("TDL401", "annotation"), ("TDL901", None)]


def test_inline_wins_over_file_level(tmp_path, monkeypatch):
    text = FILE_LEVEL + sidecar("tfdind-lint: ignore[TDL401] -- this sidecar only (OPS-9)", line=14)
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 1, "TDL901", None), ("main.tf", 15, "TDL401", "inline")]
    assert report.findings[1].suppressed.reason == "this sidecar only (OPS-9)"


def test_inline_wins_over_annotation(tmp_path, monkeypatch):
    text = annotated("CI builders (OPS-7)").replace(
        "securityContext: {privileged: true}", "securityContext: {privileged: true} # tfdind-lint: ignore[TDL401] -- dind (OPS-9)")
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert findings(report) == [("pod.yaml", 6, "TDL901", None), ("pod.yaml", 11, "TDL401", "inline")]


def test_file_level_wins_over_configuration(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": CONFIG, "main.tf": FILE_LEVEL + SIDECAR_TF},
                 configured=True)
    assert findings(report) == [(".tfdind-lint.yaml", 2, "TDL901", None), ("main.tf", 15, "TDL401", "file")]
    assert report.findings[1].suppressed.reason == "build farm (SEC-12)"


def test_configuration_applies_when_nothing_nearer_does(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": CONFIG, "main.tf": SIDECAR_TF}, configured=True)
    assert findings(report) == [("main.tf", 14, "TDL401", "config")]


def test_an_expired_inline_suppression_leaves_the_finding_to_the_next_form(tmp_path, monkeypatch):
    text = FILE_LEVEL + sidecar("tfdind-lint: ignore[TDL401] -- old (until 2020-01-01)", line=14)
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 15, "TDL401", "file"), ("main.tf", 15, "TDL900", None)]


# rules no suppression silences ---------------------------------------------------------------


def test_ignore_tdl900_is_refused_and_the_finding_stays(tmp_path, monkeypatch):
    """A reason-less suppression (TDL900) under an own-line ignore[TDL900] that would cover it: both reported."""
    text = sidecar("tfdind-lint: ignore[TDL401]", line=14).replace(
        "  privileged = true", "  # tfdind-lint: ignore[TDL900] -- noisy\n  privileged = true")
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 14, "TDL900", None), ("main.tf", 15, "TDL401", None),
                                ("main.tf", 15, "TDL900", None)]
    assert report.findings[0].message == (
        "TDL900 findings cannot be suppressed: fix the suppression, or turn TDL900 off in the configuration")


def test_ignore_file_of_unsuppressible_rules_is_refused(tmp_path, monkeypatch):
    text = "# tfdind-lint: ignore-file[TDL900, TDL901] -- quiet please\n" + sidecar("tfdind-lint: ignore[TDL401]", line=14)
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 1, "TDL900", None), ("main.tf", 1, "TDL900", None),
                                ("main.tf", 15, "TDL401", None), ("main.tf", 15, "TDL900", None)]
    assert sorted(f.message.split(" findings")[0] for f in report.findings[:2]) == ["TDL900", "TDL901"]


def test_an_unused_suppression_cannot_silence_its_own_report(tmp_path, monkeypatch):
    text = "# tfdind-lint: ignore-file[TDL401] -- nothing to cover\n# tfdind-lint: ignore-file[TDL901] -- hush\n"
    report = run(tmp_path, monkeypatch, {"main.tf": text + 'resource "coder_agent" "main" {\n  os = "linux"\n}\n'})
    assert [(f.span.line, f.span.column, f.rule) for f in report.findings] == [(1, 1, "TDL901"), (2, 1, "TDL900")]
    assert report.findings[1].message == (
        "TDL901 findings cannot be suppressed: remove the unused suppression, or turn TDL901 off in the configuration")


# where each form reaches ------------------------------------------------------------------------


def test_an_annotation_covers_its_object_from_first_to_last_line(tmp_path, monkeypatch):
    """The privileged line is the document's last line; TDL007's finding is on the resource's first line."""
    pod = annotated("CI builders (OPS-7)").replace(
        "    - name: dev\n      image: codercom/enterprise-base:ubuntu\n      env: [{name: CODER_AGENT_TOKEN, value: x}]\n", "")
    pod = pod.replace("  containers:\n", "  containers:\n    - name: dev\n      image: codercom/enterprise-base:ubuntu\n"
                      "      env: [{name: CODER_AGENT_TOKEN, value: x}]\n")
    assert pod.rstrip("\n").endswith("securityContext: {privileged: true}")
    report = run(tmp_path, monkeypatch, {"pod.yaml": pod})
    assert findings(report) == [("pod.yaml", 14, "TDL401", "annotation")]


def test_an_annotation_covers_the_resource_line_of_a_terraform_object(tmp_path, monkeypatch):
    text = """\
resource "kubernetes_pod" "ws" {
  metadata {
    name = "ws"
    annotations = {
      "tfdind-lint.io/ignore" = "TDL007 -- the provider is required by the root module (OPS-3)"
    }
  }
  spec {
    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
    }
  }
}
"""
    write_tree(tmp_path, {"main.tf": text})
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(enabled={"TDL007", "TDL900", "TDL901"}, today=TODAY))
    assert findings(report) == [("main.tf", 1, "TDL007", "annotation")]


def test_blank_lines_between_annotation_entries(tmp_path, monkeypatch):
    text = SIDECAR_YAML.replace("  name: ws\n", '  name: ws\n  annotations:\n    tfdind-lint.io/ignore: |\n'
                                "      TDL412 -- none here (OPS-1)\n\n      TDL401 -- CI builders (OPS-7)\n")
    report = run(tmp_path, monkeypatch, {"pod.yaml": text})
    assert findings(report) == [("pod.yaml", 7, "TDL901", None), ("pod.yaml", 14, "TDL401", "annotation")]


def test_a_trailing_comment_on_the_resource_line_covers_the_resource(tmp_path, monkeypatch):
    text = SIDECAR_TF.replace('resource "docker_container" "dind" {',
                              'resource "docker_container" "dind" { # tfdind-lint: ignore[TDL401] -- build farm (SEC-12)')
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 14, "TDL401", "inline")]


def test_a_trailing_comment_above_the_resource_line_does_not(tmp_path, monkeypatch):
    """It belongs to its own line (the end of the block above), not to the resource below."""
    text = SIDECAR_TF.replace('  command = ["sh", "-c", coder_agent.main.init_script]\n}\n\n',
                              '  command = ["sh", "-c", coder_agent.main.init_script]\n'
                              '} # tfdind-lint: ignore[TDL401] -- meant for the block below\n')
    assert 'below\nresource "docker_container" "dind"' in text
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 10, "TDL901", None), ("main.tf", 13, "TDL401", None)]


def test_inline_wins_over_configuration(tmp_path, monkeypatch):
    report = run(tmp_path, monkeypatch, {
        ".tfdind-lint.yaml": CONFIG, "main.tf": sidecar("tfdind-lint: ignore[TDL401] -- this sidecar only (OPS-9)")},
        configured=True)
    assert findings(report) == [(".tfdind-lint.yaml", 2, "TDL901", None), ("main.tf", 14, "TDL401", "inline")]


def test_a_finding_no_suppression_may_cover_does_not_stop_the_others(tmp_path, monkeypatch):
    """The reason-less directive on line 1 (TDL900) comes before the suppressed TDL401 in the report's order."""
    text = "# tfdind-lint: ignore[TDL412]\n" + sidecar("tfdind-lint: ignore[TDL401] -- build farm (SEC-12)", line=14)
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 1, "TDL900", None), ("main.tf", 15, "TDL401", "inline")]


def test_a_configuration_entry_applies_when_any_of_its_subject_globs_matches(tmp_path, monkeypatch):
    config = ("suppress:\n  - rules: [TDL401]\n    subjects: [docker_container.buildkit, 'docker_container.d*']\n"
              "    reason: build farm (SEC-12)\n")
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": config, "main.tf": SIDECAR_TF}, configured=True)
    assert findings(report) == [("main.tf", 14, "TDL401", "config")]
    config = config.replace("'docker_container.d*'", "'docker_container.x*'")
    report = run(tmp_path, monkeypatch, {".tfdind-lint.yaml": config, "main.tf": SIDECAR_TF}, configured=True)
    assert findings(report) == [(".tfdind-lint.yaml", 2, "TDL901", None), ("main.tf", 14, "TDL401", None)]


def test_a_misplaced_file_level_directive_after_a_blank_line_is_refused_and_the_rest_still_read(tmp_path, monkeypatch):
    """`ignore-file` trailing code is refused even when the line above is blank; the inline one below still works."""
    text = SIDECAR_TF.replace('  arch = "amd64"\n', '  arch = "amd64"\n\n  os2 = 1 # tfdind-lint: ignore-file[TDL401] -- all\n')
    text = text.replace("  privileged = true\n", "  privileged = true # tfdind-lint: ignore[TDL401] -- build farm (SEC-12)\n")
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 5, "TDL900", None), ("main.tf", 16, "TDL401", "inline")]


def test_a_file_level_directive_on_the_last_line_after_code_is_refused(tmp_path, monkeypatch):
    text = SIDECAR_TF.rstrip("\n") + " # tfdind-lint: ignore-file[TDL401] -- all"  # no newline at the end
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 14, "TDL401", None), ("main.tf", 16, "TDL900", None)]


def test_a_broken_file_does_not_stop_suppressions_in_the_next(tmp_path, monkeypatch):
    """The parse error (never suppressible) comes first in the report's order."""
    report = run(tmp_path, monkeypatch, {
        "a/main.tf": 'resource "x" "y" {\n',
        "b/main.tf": sidecar("tfdind-lint: ignore[TDL401] -- build farm (SEC-12)")})
    assert findings(report) == [("a/main.tf", 1, "TDL000", None), ("b/main.tf", 14, "TDL401", "inline")]


def test_a_file_level_directive_trailing_code_on_the_first_line_is_refused(tmp_path, monkeypatch):
    text = SIDECAR_TF.replace('resource "coder_agent" "main" {\n',
                              'resource "coder_agent" "main" { # tfdind-lint: ignore-file[TDL401] -- all\n', 1)
    report = run(tmp_path, monkeypatch, {"main.tf": text})
    assert findings(report) == [("main.tf", 1, "TDL900", None), ("main.tf", 14, "TDL401", None)]
