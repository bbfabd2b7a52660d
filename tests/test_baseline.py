"""Baselines: written from the current findings, surviving line shifts and renames, catching new findings."""

from __future__ import annotations

import json

from conftest import SIDECAR_TF, write_tree
from tfdind_lint.baseline import Baseline, Entry, write
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

SECOND_SIDECAR = """
resource "docker_container" "buildkit" {
  image      = "moby/buildkit:v0.18.2"
  privileged = true
  name       = "buildkit"
}
"""


#: the rules these tests are about (other rules' findings on the same templates are not their business)
SELECT = "select: [TDL401, TDL900, TDL901]\n"


def adopt(tmp_path, monkeypatch, cli, files):
    """A repository with findings adopts the tool: write the baseline, then CI is green."""
    write_tree(tmp_path, {".tfdind-lint.yaml": SELECT, **files})
    monkeypatch.chdir(tmp_path)
    assert cli("--write-baseline") == (0, "Recorded 1 finding in the baseline .tfdind-lint-baseline.json.\n"
                                          "Later runs read it from this default location (next to .tfdind-lint.yaml); "
                                          "commit it.\n", "")
    assert cli(".") == (0, "No findings in 1 file; 1 baselined.\n", "")  # found at the default location


def test_written_baseline(tmp_path, monkeypatch, cli):
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    assert json.loads((tmp_path / ".tfdind-lint-baseline.json").read_text()) == {
        "tool": "tfdind-lint",
        "format": 1,
        "findings": [{
            "rule": "TDL401", "path": "templates/main.tf", "line": 14, "subject": "docker_container.dind",
            "attribute": "privileged", "excerpt": "privileged = true",
            "message": "`dind` is a privileged Docker-in-Docker sidecar: its Docker API is root on the host",
        }],
    }


def test_lines_moving_keep_the_match_and_a_new_finding_is_reported(tmp_path, monkeypatch, cli):
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    write_tree(tmp_path, {"templates/main.tf": "# Docker-in-Docker template\n# owned by the platform team\n\n" + SIDECAR_TF})
    assert cli(".") == (0, "No findings in 1 file; 1 baselined.\n", "")
    write_tree(tmp_path, {"templates/main.tf": SIDECAR_TF + SECOND_SIDECAR})
    code, out, _ = cli("--output-format", "concise", ".")
    assert code == 1
    assert out.splitlines() == [
        "templates/main.tf:20:3: TDL401 warning: `buildkit` is a privileged sidecar: whatever it runs is root on the host",
        "Found 1 finding (0 errors, 1 warning, 0 notes) in 1 file; 1 baselined.",
    ]


def test_a_renamed_file_still_matches_a_copy_does_not(tmp_path, monkeypatch, cli):
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    (tmp_path / "templates" / "main.tf").rename(tmp_path / "templates" / "dind.tf")
    assert cli(".") == (0, "No findings in 1 file; 1 baselined.\n", "")
    write_tree(tmp_path, {"copy/main.tf": SIDECAR_TF})  # a second template copied from the baselined one
    code, out, _ = cli("--output-format", "concise", ".")
    assert (code, out.splitlines()[0][:36]) == (1, "copy/main.tf:14:3: TDL401 warning: `")


def test_a_fixed_finding_makes_the_entry_stale(tmp_path, monkeypatch, cli):
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    write_tree(tmp_path, {"templates/main.tf": SIDECAR_TF.replace("privileged = true", "privileged = false")})
    assert cli(".") == (0, "No findings in 1 file; 1 baseline entry matches no finding any more (write the baseline again).\n", "")


def test_pairs_by_text_then_nearest_line(tmp_path, monkeypatch):
    write_tree(tmp_path, {"main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    finding = lint(["."], RunSettings(enabled={"TDL401"})).findings[0]
    path = str(tmp_path / "main.tf")
    entry = Entry("TDL401", path, "docker_container.dind", "privileged", "privileged = var.other", 40)
    assert Baseline("b.json", [entry]).apply([finding], {path}) == 0  # same subject and attribute: the text changed
    assert finding.suppressed.kind == "baseline"
    finding.suppressed = None
    other = Entry("TDL401", path, "docker_container.other", "privileged", "privileged = true", 14)
    assert Baseline("b.json", [other]).apply([finding], {path}) == 1  # another resource: stale, no match
    assert finding.suppressed is None


def test_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"repo/templates/main.tf": SIDECAR_TF, "repo/.tfdind-lint.yaml": SELECT})
    monkeypatch.chdir(tmp_path / "repo")
    assert cli("--baseline", "ci/baseline.json", "--write-baseline", ".") == (
        0, "Recorded 1 finding in the baseline ci/baseline.json.\n"
           "Later runs read it with `--baseline ci/baseline.json`, or add `baseline: ci/baseline.json` to .tfdind-lint.yaml.\n",
        "")
    assert json.loads((tmp_path / "repo/ci/baseline.json").read_text())["findings"][0]["path"] == "../templates/main.tf"
    monkeypatch.chdir(tmp_path)
    assert cli("--baseline", "repo/ci/baseline.json", "repo") == (0, "No findings in 1 file; 1 baselined.\n", "")


def test_json_and_sarif_mark_baselined_findings(tmp_path, monkeypatch, cli):
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    code, out, _ = cli("--format", "json", ".")
    document = json.loads(out)
    assert (code, document["findings"][0]["suppressed"], document["summary"]["baselined"]) == (
        0, {"kind": "baseline", "reason": "Recorded in the baseline .tfdind-lint-baseline.json", "location": None, "until": None}, 1)
    assert json.loads(cli("--format", "sarif", ".")[1])["runs"][0]["results"] == []
    results = json.loads(cli("--format", "sarif", "--sarif-include-suppressed", ".")[1])["runs"][0]["results"]
    assert results[0]["suppressions"] == [
        {"kind": "external", "justification": "Recorded in the baseline .tfdind-lint-baseline.json", "status": "accepted"}]


def test_a_missing_or_foreign_baseline_is_a_usage_error(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"main.tf": SIDECAR_TF, "other.json": '{"results": []}'})
    monkeypatch.chdir(tmp_path)
    assert cli("--baseline", "nope.json", ".") == (
        2, "", "tfdind-lint: error: baseline file not found: nope.json (write one with --write-baseline)\n")
    assert cli("--baseline", "other.json", ".") == (
        2, "", "tfdind-lint: error: other.json: not a tfdind-lint baseline (write one with --write-baseline)\n")


def test_suppressed_findings_are_not_written(tmp_path, monkeypatch):
    text = SIDECAR_TF.replace("privileged = true", "privileged = true # tfdind-lint: ignore[TDL401] -- reviewed")
    write_tree(tmp_path, {"main.tf": text + SECOND_SIDECAR})
    monkeypatch.chdir(tmp_path)
    assert write("b.json", lint(["."], RunSettings(enabled={"TDL401"})).findings) == (1, 0)
    assert [f["subject"] for f in json.loads((tmp_path / "b.json").read_text())["findings"]] == ["docker_container.buildkit"]


def test_a_repository_adopts_the_tool_in_one_commit(tmp_path, monkeypatch, cli):
    """examples/ as a repository with findings: baseline it, and CI fails only on what comes next."""
    import shutil

    from conftest import ROOT

    shutil.copytree(ROOT / "examples", tmp_path / "templates")
    write_tree(tmp_path, {".tfdind-lint.yaml": "baseline: .tfdind-lint-baseline.json\n"})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("--write-baseline")
    assert code == 0 and out.startswith("Recorded ")
    code, out, _ = cli("--format", "json", ".")
    document = json.loads(out)
    assert (code, document["summary"]["findings"]) == (0, 0)
    # every silenced finding is there with its reason: the examples' own acknowledgements, then the baseline
    assert all(f["suppressed"] and f["suppressed"]["reason"] for f in document["findings"])
    assert {f["suppressed"]["kind"] for f in document["findings"]} == {"inline", "baseline"}
    write_tree(tmp_path, {"templates/new/main.tf": SIDECAR_TF})
    code, out, _ = cli("--select", "TDL401", "--output-format", "concise", ".")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["templates/new/main.tf"]


def test_a_narrowed_selection_keeps_other_rules_entries_and_judges_only_its_own(tmp_path, monkeypatch, cli):
    """`--select TDL41 --write-baseline` once recorded 0 findings and wiped every other entry."""
    write_tree(tmp_path, {"templates/main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli("--write-baseline")[1].startswith("Recorded 5 findings in the baseline .tfdind-lint-baseline.json.\n")
    before = json.loads((tmp_path / ".tfdind-lint-baseline.json").read_text())["findings"]
    # a narrowed run: the entries of rules that did not run are neither stale nor reported
    assert cli("--select", "TDL41", ".") == (0, "No findings in 1 file.\n", "")
    assert cli("--ignore", "TDL0", ".") == (0, "No findings in 1 file; 1 baselined.\n", "")
    code, out, _ = cli("--select", "TDL41", "--write-baseline")
    assert (code, out.splitlines()[0]) == (
        0, "Recorded 0 findings in the baseline .tfdind-lint-baseline.json; kept 5 entries of rules or files this run "
           "did not check.")
    assert json.loads((tmp_path / ".tfdind-lint-baseline.json").read_text())["findings"] == before
    # the rule that ran is judged: its fixed finding drops out, the others stay
    write_tree(tmp_path, {"templates/main.tf": SIDECAR_TF.replace("privileged = true", "privileged = false")})
    assert cli("--select", "TDL401", ".") == (
        0, "No findings in 1 file; 1 baseline entry matches no finding any more (write the baseline again).\n", "")
    code, out, _ = cli("--select", "TDL401", "--write-baseline")
    assert out.splitlines()[0].endswith("; kept 4 entries of rules or files this run did not check.")
    assert [e["rule"] for e in json.loads((tmp_path / ".tfdind-lint-baseline.json").read_text())["findings"]] == [
        "TDL007", "TDL005", "TDL006", "TDL007"]


def test_files_not_linted_keep_their_entries(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {".tfdind-lint.yaml": SELECT, "a/main.tf": SIDECAR_TF, "b/main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli("--write-baseline")[0] == 0
    code, out, _ = cli("--write-baseline", "a")
    assert out.splitlines()[0] == ("Recorded 1 finding in the baseline .tfdind-lint-baseline.json; kept 1 entry of "
                                   "rules or files this run did not check.")
    assert [e["path"] for e in json.loads((tmp_path / ".tfdind-lint-baseline.json").read_text())["findings"]] == [
        "a/main.tf", "b/main.tf"]


def test_a_reason_written_in_an_entry_survives_writing_again(tmp_path, monkeypatch, cli):
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    path = tmp_path / ".tfdind-lint-baseline.json"
    document = json.loads(path.read_text())
    document["findings"][0]["reason"] = "CI farm, SEC-9"
    path.write_text(json.dumps(document))
    assert cli("--write-baseline")[0] == 0
    assert json.loads(path.read_text())["findings"][0]["reason"] == "CI farm, SEC-9"


def test_a_missing_baseline_named_by_the_configuration_names_its_line(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {".tfdind-lint.yaml": SELECT + "baseline: missing.json\n", "main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli(".") == (2, "", "tfdind-lint: error: .tfdind-lint.yaml:2:1: baseline: baseline file not found: "
                               "missing.json (write one with --write-baseline)\n")
    assert cli("--write-baseline")[1].splitlines() == [
        "Recorded 1 finding in the baseline missing.json.", "Later runs read it: .tfdind-lint.yaml names it (`baseline:`)."]
    assert cli(".") == (0, "No findings in 1 file; 1 baselined.\n", "")


def test_isolated_runs_do_not_read_the_default_baseline(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli("--select", "TDL401", "--write-baseline")[0] == 0
    assert cli("--select", "TDL401", ".")[0] == 0
    assert cli("--select", "TDL401", "--isolated", ".")[0] == 1


def test_entries_of_the_tools_own_rules_are_judged_where_they_are_enabled(tmp_path, monkeypatch, cli):
    """TDL900 has no check of its own: it ran wherever it is enabled, so a fixed TDL900 entry is stale."""
    broken = SIDECAR_TF.replace("privileged = true", "privileged = true # tfdind-lint: ignore[TDL401]")
    adopt(tmp_path, monkeypatch, cli, {"templates/main.tf": SIDECAR_TF})
    write_tree(tmp_path, {"templates/main.tf": broken})
    assert cli("--write-baseline")[1].startswith("Recorded 2 findings")
    write_tree(tmp_path, {"templates/main.tf": SIDECAR_TF})
    assert cli(".") == (
        0, "No findings in 1 file; 1 baselined; 1 baseline entry matches no finding any more (write the baseline again).\n",
        "")
