"""An internal error in one place is a TDL999 finding naming the rule and the file; the rest is unaffected; exit 2."""

from __future__ import annotations

import json
import os

import pytest

from harness import baseline, corpus, findings, run  # noqa: F401  (fixtures)
from tfdind_lint import cli, linter, pieces
from tfdind_lint.sources import terraform


class Boom(Exception):
    pass


def failing_on(directory: str, check):
    """``check``, except that it raises on the unit of ``directory``."""

    def failing(ctx, **params):
        if any(unit.path == directory for unit in ctx.units):
            raise Boom("injected failure")
        return check(ctx, **params)

    return failing


def internal_errors(report) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "TDL999"]


def without(found: set, rule: str, under: str = "") -> set:
    return {f for f in found if not (f[1] == rule and f[0].startswith(under))}


def test_a_failing_check_is_reported_on_a_file_and_the_rest_is_complete(corpus, baseline, monkeypatch, tmp_path):
    monkeypatch.setitem(linter.CHECKS, "TDL401", failing_on("good/seed", linter.CHECKS["TDL401"]))
    code, report = run(corpus, ["."], tmp_path / "out.json")
    assert code == 2
    [error] = internal_errors(report)
    assert error["path"] == "good/seed/main.tf" and (corpus / error["path"]).is_file()
    assert (error["line"], error["column"]) == (1, 1)
    assert error["message"].startswith("Internal error in TDL401 (privileged-sidecar-unacknowledged) while checking the "
                                       "module good/seed: Boom: injected failure at test_isolation.py:")
    # TDL401 is missing only where it failed; every other rule and file is as before
    assert without(findings(report, "good/"), "TDL999") == without(baseline, "TDL401", "good/seed/")
    assert any(f[1] == "TDL401" for f in findings(report, "good/yaml/")), "TDL401 still runs on the other units"


def test_a_failing_check_on_a_manifest_names_the_manifest(corpus, baseline, monkeypatch, tmp_path):
    monkeypatch.setitem(linter.CHECKS, "TDL401", failing_on("good/yaml/workspace-pod.yaml", linter.CHECKS["TDL401"]))
    code, report = run(corpus, ["."], tmp_path / "out.json")
    assert code == 2
    [error] = internal_errors(report)
    assert error["path"] == "good/yaml/workspace-pod.yaml"
    assert "in TDL401 (" in error["message"] and "while checking good/yaml/workspace-pod.yaml" in error["message"]
    assert without(findings(report, "good/"), "TDL999") == without(baseline, "TDL401", "good/yaml/workspace-pod.yaml")
    assert any(f[1] == "TDL401" for f in findings(report, "good/seed/")), "TDL401 still runs on the other units"


@pytest.mark.parametrize("step", ["check", "collector"])
def test_a_failing_project_check_is_reported_on_the_first_file(corpus, baseline, monkeypatch, tmp_path, step):
    def failing(*args, **params):
        raise Boom("injected failure")
        yield  # a generator, like the real checks

    if step == "check":
        monkeypatch.setitem(linter.CHECKS, "TDL505", failing)
    else:  # what the check reads of each unit (rules.COLLECTORS): it runs where the unit is read
        monkeypatch.setitem(linter.COLLECTORS, "TDL505", lambda unit, **params: next(failing()))
    code, report = run(corpus, ["."], tmp_path / "out.json")
    assert code == 2
    [error] = internal_errors(report)
    assert os.path.isfile(corpus / error["path"])
    assert "Internal error in TDL505 (sysbox-runtimeclass-definition) while checking the whole run" in error["message"]
    assert without(findings(report, "good/"), "TDL999") == without(baseline, "TDL505")


def test_a_failing_model_builder_loses_only_that_module(corpus, baseline, monkeypatch, tmp_path):
    real = pieces.from_module

    def from_module(module):
        if module.directory == "good/seed":
            raise Boom("injected failure")
        return real(module)

    monkeypatch.setattr(pieces, "from_module", from_module)
    code, report = run(corpus, ["."], tmp_path / "out.json")
    assert code == 2
    [error] = internal_errors(report)
    assert error["path"] == "good/seed/main.tf"
    assert error["message"].startswith("Internal error while building the model of the module good/seed: Boom")
    assert without(findings(report, "good/"), "TDL999") == {f for f in baseline if not f[0].startswith("good/seed/")} | {
        f for f in baseline if f[0].startswith("good/seed/") and f[1] == "TDL000"}


def test_a_failing_reader_loses_only_that_file(corpus, baseline, monkeypatch, tmp_path):
    real = terraform.parse_file

    def parse_file(path, data):
        if path == "good/docker/main.tf":
            raise Boom("injected failure")
        return real(path, data)

    monkeypatch.setattr(terraform, "parse_file", parse_file)
    code, report = run(corpus, ["."], tmp_path / "out.json")
    assert code == 2
    [error] = internal_errors(report)
    assert error["path"] == "good/docker/main.tf"
    assert error["message"].startswith("Internal error while reading good/docker/main.tf: Boom: injected failure")
    assert without(findings(report, "good/"), "TDL999") == {f for f in baseline if not f[0].startswith("good/docker/")}


def test_an_internal_error_is_shown_even_outside_the_files_named(corpus, monkeypatch, tmp_path):
    """Naming one file reports its findings only, but never hides why the exit code is 2."""
    sibling = corpus / "good/docker/a.tf"  # the module's first file: where an error in the module is reported
    sibling.write_text('variable "unused" {}\n', encoding="utf-8")
    try:
        monkeypatch.setitem(linter.CHECKS, "TDL412", failing_on("good/docker", linter.CHECKS["TDL412"]))
        code, report = run(corpus, ["good/docker/main.tf"], tmp_path / "out.json")
    finally:
        sibling.unlink()
    assert code == 2
    assert [f["path"] for f in internal_errors(report)] == ["good/docker/a.tf"]


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_internal_errors_in_text_and_sarif(corpus, monkeypatch, tmp_path, fmt):
    monkeypatch.setitem(linter.CHECKS, "TDL412", failing_on("good/docker", linter.CHECKS["TDL412"]))
    monkeypatch.chdir(corpus)
    output = tmp_path / f"out.{fmt}"
    assert cli.main([".", "--format", fmt, "--output", str(output)]) == 2
    text = output.read_text(encoding="utf-8")
    if fmt == "text":
        assert "good/docker/main.tf:1:1: TDL999 error: Internal error in TDL412" in text
    else:
        invocation = json.loads(text)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert any("TDL412" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])
