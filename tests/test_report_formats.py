"""GitLab Code Quality and JUnit reports; SARIF links from the package's project URLs."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

from sarif_schemas import assert_valid_sarif
from tfdind_lint.finding import Finding, Severity
from tfdind_lint.formats import Options, links, render
from tfdind_lint.formats.sarif import FINGERPRINT_KEY
from tfdind_lint.linter import lint
from tfdind_lint.node import Span
from tfdind_lint.report import Report
from tfdind_lint.settings import RunSettings

#: GitLab's Code Quality report: "a JSON array of objects" with these fields (docs.gitlab.com, ci/testing/code_quality,
#: "Code Quality report format"); severity one of these values; the path relative to the repository root.
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def assert_valid_code_quality(data) -> None:
    assert isinstance(data, list)
    fingerprints = [issue["fingerprint"] for issue in data]
    assert len(set(fingerprints)) == len(fingerprints), "fingerprints must be unique"
    for issue in data:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in GITLAB_SEVERITIES
        path = issue["location"]["path"]
        assert isinstance(path, str) and path and not os.path.isabs(path) and not path.startswith("./")
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and not isinstance(begin, bool) and begin >= 1


@pytest.fixture
def examples(in_root, monkeypatch):
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    settings = RunSettings()
    return lint(["examples"], settings), settings


def test_gitlab_report_follows_the_code_quality_field_rules(examples):
    report, settings = examples
    data = json.loads(render("gitlab", report, settings, Options()))
    assert_valid_code_quality(data)
    assert len(data) == len(report.active)
    first = next(d for d in data if d["location"]["path"] == "examples/dind-docker/bad/main.tf")
    assert first["check_name"] == "TDL406" and first["severity"] == "major"
    assert first["location"] == {"path": "examples/dind-docker/bad/main.tf", "lines": {"begin": 96}}
    assert first["description"].startswith("TDL406 `docker_container.dind` has no `count")
    assert {d["severity"] for d in data} == {"critical", "major", "minor"}


def test_gitlab_fingerprints_are_the_sarif_fingerprints(examples):
    report, settings = examples
    gitlab = json.loads(render("gitlab", report, settings, Options()))
    sarif = json.loads(render("sarif", report, settings, Options()))["runs"][0]["results"]
    assert [i["fingerprint"] for i in gitlab] == [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif]


def test_gitlab_paths_are_relative_to_the_project_directory(tmp_path, monkeypatch):
    file = tmp_path / "sub" / "main.tf"
    file.parent.mkdir()
    file.write_text("a = 1\n")
    report = Report([Finding(Span(str(file), 1, 1, 1, 2), "TDL401", "n", Severity.NOTE, "m")], [str(file)])
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    data = json.loads(render("gitlab", report, RunSettings(), Options()))
    assert_valid_code_quality(data)
    assert data[0]["location"]["path"] == "sub/main.tf" and data[0]["severity"] == "minor"


def test_gitlab_report_of_a_clean_run_is_an_empty_array(in_root):
    settings = RunSettings()
    assert render("gitlab", lint(["examples/dind-docker/good"], settings), settings, Options()) == "[]\n"


def test_junit_is_well_formed_with_a_case_per_rule_and_file_and_a_failure_per_finding(examples):
    report, settings = examples
    root = ET.fromstring(render("junit", report, settings, Options()).encode())
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == report.files
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == len(report.active)
    cases = root.findall("./testsuite/testcase")
    assert int(root.get("tests")) == len(cases)
    assert int(root.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
    for suite in suites:
        names = [c.get("name") for c in suite.findall("testcase")]
        assert len(names) == len(set(names)) and all(c.get("classname") == suite.get("name") for c in suite)
    kubernetes = next(s for s in suites if s.get("name") == "examples/dind-kubernetes/bad/main.tf")
    owner = next(c for c in kubernetes if c.get("name") == "TDL002 coder-workspace-owner-removed")
    assert [f.get("message").split(":")[0] for f in owner] == ["line 82, column 32", "line 99, column 26",
                                                               "line 104, column 35"]
    assert owner[0].text.startswith("examples/dind-kubernetes/bad/main.tf:82:32: TDL002 error: ")
    assert "\nhelp: use `data.coder_workspace_owner.me.name`" in owner[0].text
    clean = next(s for s in suites if s.get("name") == "examples/dind-docker/good/main.tf")
    assert [(c.get("name"), len(c)) for c in clean] == [("no findings", 0)]


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold(tmp_path):
    path = str(tmp_path / 'a"<b>&.tf')
    report = Report([Finding(Span(path, 1, 1, 1, 2), "TDL401", "n", Severity.ERROR, 'x <y> & "z"\x01\n\tw',
                             hint="a]]>b")], [path])
    root = ET.fromstring(render("junit", report, RunSettings(), Options()).encode())
    failure = root.find("./testsuite/testcase/failure")
    assert failure.get("message") == 'line 1, column 1: x <y> & "z"\n\tw'
    assert root.find("testsuite").get("name") == path
    assert failure.text.endswith("help: a]]>b")


def test_sarif_links_come_from_the_project_urls(examples, monkeypatch):
    report, settings = examples
    data = json.loads(render("sarif", report, settings, Options()))
    driver = data["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and all("helpUri" not in r for r in driver["rules"])
    monkeypatch.setattr(links, "project_urls", lambda: {"homepage": "https://example.org/tfdind-lint",
                                                        "documentation": "https://example.org/tfdind-lint/docs"})
    data = json.loads(render("sarif", report, settings, Options()))
    assert_valid_sarif(data)
    driver = data["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/tfdind-lint"
    rule = next(r for r in driver["rules"] if r["id"] == "TDL401")
    assert rule["helpUri"] == "https://example.org/tfdind-lint/docs/rules.md#tdl401-privileged-sidecar-unacknowledged"


def test_github_annotation_bodies_do_not_repeat_the_place(examples):
    report, settings = examples
    lines = render("github", report, settings, Options()).splitlines()[:-1]
    assert len(lines) == len(report.active)
    for line, finding in zip(lines, report.active):
        body = line.split("::", 2)[2]
        assert body.startswith(f"{finding.rule} {finding.message}")
        assert f"{finding.span.path}:{finding.span.line}:{finding.span.column}" not in body
