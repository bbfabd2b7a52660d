"""Every file the tool writes (--output, --sarif-output, the baseline) is checked first and written atomically."""

from __future__ import annotations

import json
import os

import pytest

from conftest import SIDECAR_TF, SIDECAR_YAML, write_tree
from tfdind_lint import writes

NOTES = "# Notes\n\nNot a report.\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    write_tree(tmp_path, {"templates/x/main.tf": SIDECAR_TF, "k8s/pod.yaml": SIDECAR_YAML, "README.md": NOTES})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_baseline_takes_no_value_so_a_template_is_never_its_file(repo, cli):
    """The old `--write-baseline [FILE]` read main.tf as FILE and replaced the template with JSON."""
    code, out, err = cli("--select", "TDL401", "--write-baseline", "templates/x/main.tf")
    assert (code, err) == (0, "")
    assert out.startswith("Recorded 1 finding in the baseline .tfdind-lint-baseline.json.\n")
    assert (repo / "templates/x/main.tf").read_text() == SIDECAR_TF
    assert json.loads((repo / ".tfdind-lint-baseline.json").read_text())["findings"][0]["path"] == "templates/x/main.tf"


def test_write_baseline_with_a_value_is_refused(repo, cli):
    assert cli("--write-baseline=templates/x/main.tf", ".") == (
        2, "", "tfdind-lint: error: --write-baseline takes no value: name the file with --baseline FILE "
               "(`tfdind-lint --baseline ci/baseline.json --write-baseline`)\n")
    assert (repo / "templates/x/main.tf").read_text() == SIDECAR_TF


@pytest.mark.parametrize("flag", ["--output", "--sarif-output"])
@pytest.mark.parametrize("target", ["templates/x/main.tf", "k8s/pod.yaml"])
def test_a_report_never_overwrites_a_linted_file(repo, cli, flag, target):
    code, out, err = cli(flag, target, ".")
    assert (code, err) == (2, f"tfdind-lint: error: {flag} {target} is one of the files this run reads: "
                              "refusing to overwrite it; name another file\n")
    assert (repo / target).read_text() == (SIDECAR_TF if target.endswith(".tf") else SIDECAR_YAML)


def test_the_configuration_is_an_input_too(repo, cli):
    write_tree(repo, {".tfdind-lint.yaml": "select: [TDL401]\n"})
    assert cli("-o", ".tfdind-lint.yaml", ".")[0] == 2
    assert (repo / ".tfdind-lint.yaml").read_text() == "select: [TDL401]\n"


@pytest.mark.parametrize("flag,what", [("--output", "a tfdind-lint report"), ("--sarif-output", "a SARIF log")])
def test_an_existing_file_of_another_kind_is_refused(repo, cli, flag, what):
    assert cli(flag, "README.md", ".") == (
        2, "", f"tfdind-lint: error: {flag} README.md exists and is not {what}: refusing to overwrite it; "
               "name another file, or delete it first\n")
    assert (repo / "README.md").read_text() == NOTES


@pytest.mark.parametrize("flag", ["--output", "--sarif-output"])
def test_a_directory_is_a_usage_error(repo, cli, flag):
    assert cli(flag, "templates", ".") == (2, "", f"tfdind-lint: error: {flag} templates is a directory: name a file\n")


@pytest.mark.parametrize("arguments", [("-f", "text"), ("-f", "json"), ("-f", "sarif"), ("-f", "github"),
                                       ("--statistics",), ("--statistics", "-f", "json")])
def test_a_previous_report_is_replaced(repo, cli, arguments):
    """Every format's output is recognised as a report, whatever format replaces it."""
    assert cli(*arguments, "-o", "report.out", ".")[0] == 1
    assert cli("-f", "json", "-o", "report.out", ".") == (1, "", "")
    assert json.loads((repo / "report.out").read_text())["tool"]["name"] == "tfdind-lint"
    (repo / "empty.txt").write_text("")  # an empty file (mktemp) is fine too
    assert cli("-o", "empty.txt", ".")[0] == 1


def test_sarif_output_replaces_a_sarif_log_only(repo, cli):
    assert cli("--sarif-output", "out.sarif", ".")[0] == 1
    assert cli("--sarif-output", "out.sarif", ".")[0] == 1
    assert cli("-f", "json", "-o", "report.json", ".")[0] == 1
    assert cli("--sarif-output", "report.json", ".")[0] == 2  # a JSON report is not a SARIF log


def test_output_and_sarif_output_must_differ(repo, cli):
    assert cli("-o", "x.sarif", "--sarif-output", "x.sarif", ".") == (
        2, "", "tfdind-lint: error: --output and --sarif-output name the same file (x.sarif): name two files\n")


def test_the_baseline_replaces_only_a_baseline(repo, cli):
    assert cli("--baseline", "README.md", "--write-baseline", ".") == (
        2, "", "tfdind-lint: error: --write-baseline: README.md exists and is not a tfdind-lint baseline: "
               "refusing to overwrite it; name another file, or delete it first\n")
    assert cli("--baseline", "templates/x/main.tf", "--write-baseline", ".")[0] == 2
    assert (repo / "templates/x/main.tf").read_text() == SIDECAR_TF
    assert cli("--baseline", "templates", "--write-baseline", ".") == (
        2, "", "tfdind-lint: error: --write-baseline: templates is a directory: name a file\n")
    assert cli("--baseline", "ci/b.json", "--write-baseline", ".")[0] == 0
    assert cli("--baseline", "ci/b.json", "--write-baseline", ".")[0] == 0  # a baseline over a baseline


def test_nothing_is_checked_by_name_only(repo, cli):
    """A link to a linted file is that file."""
    os.symlink("templates/x/main.tf", repo / "link.out")
    assert cli("-o", "link.out", ".")[0] == 2
    assert (repo / "templates/x/main.tf").read_text() == SIDECAR_TF


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(repo, cli, monkeypatch):
    assert cli("-o", "report.txt", ".")[0] == 1
    before = (repo / "report.txt").read_text()

    def fail(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(writes.os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        writes.write_atomic("report.txt", "half")
    assert (repo / "report.txt").read_text() == before
    assert sorted(p.name for p in repo.iterdir()) == ["README.md", "k8s", "report.txt", "templates"]


def test_a_write_replaces_the_file_in_one_step(repo, monkeypatch):
    calls = []
    real = os.replace
    monkeypatch.setattr(writes.os, "replace", lambda a, b: calls.append((os.path.basename(a), b)) or real(a, b))
    writes.write_atomic("out.txt", "new\n")
    assert (repo / "out.txt").read_text() == "new\n"
    [(temporary, target)] = calls
    assert temporary.startswith(".out.txt.") and temporary.endswith(".tmp") and target == "out.txt"


def test_a_device_is_written_as_a_stream(repo, cli):
    assert cli("-o", os.devnull, ".")[0] == 1
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
