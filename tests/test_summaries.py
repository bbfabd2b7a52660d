"""Summaries and exit codes that say what happened: files with findings of files linted, thresholds,
paths with nothing to lint, directories passed over, the file size limit."""

from __future__ import annotations

from conftest import SIDECAR_TF, write_tree

CLEAN_TF = 'resource "coder_agent" "main" {\n  os   = "linux"\n  arch = "amd64"\n}\n'
SIDECAR = "--select", "TDL401"


def test_the_summary_counts_files_with_findings_of_files_linted(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"a/main.tf": SIDECAR_TF, "b/main.tf": CLEAN_TF, "c/main.tf": CLEAN_TF})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(*SIDECAR, ".")
    assert (code, out.splitlines()[-1]) == (1, "Found 1 finding (0 errors, 1 warning, 0 notes) in 1 of 3 files.")
    assert cli(*SIDECAR, "a")[1].splitlines()[-1] == "Found 1 finding (0 errors, 1 warning, 0 notes) in 1 file."


def test_findings_below_fail_on_say_that_they_do_not_fail_the_run(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(*SIDECAR, "--fail-on", "error", ".")
    assert (code, err) == (0, "tfdind-lint: the finding is below the threshold of --fail-on error, so the exit code is 0\n")
    assert out.endswith("in 1 file.\n")
    write_tree(tmp_path, {".tfdind-lint.yaml": "fail-on: error\n"})
    assert cli(*SIDECAR, "-f", "json", ".")[2] == (
        "tfdind-lint: the finding is below the threshold of `fail-on: error` in .tfdind-lint.yaml, so the exit code is 0\n")
    assert cli(*SIDECAR, ".")[0] == 0
    assert cli(*SIDECAR, "--fail-on", "warning", ".")[::2] == (1, "")  # at the threshold: nothing to explain


def test_a_directory_with_nothing_to_lint_is_named_on_stderr(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"ci/build.yaml": "on: push\njobs: {}\n", "t/main.tf": CLEAN_TF, "ex/.terraform/x.tf": CLEAN_TF})
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli(*SIDECAR, "ci", "empty", "t") == (0, "No findings in 1 file.\n",
                                       "tfdind-lint: warning: no Terraform or Kubernetes files found under ci\n"
                                       "tfdind-lint: warning: no Terraform or Kubernetes files found under empty\n")
    assert cli(*SIDECAR, "ex")[2] == ("tfdind-lint: warning: no Terraform or Kubernetes files found under ex "
                            "(-v lists what was skipped there)\n")
    assert cli(*SIDECAR, "--fail-if-empty", "-o", "report.txt", "ci", "t") == (
        2, "", "tfdind-lint: warning: no Terraform or Kubernetes files found under ci\n"
               "tfdind-lint: error: nothing to lint under ci (--fail-if-empty); no report written\n")
    assert not (tmp_path / "report.txt").exists()
    assert cli(*SIDECAR, "--fail-if-empty", "t") == (0, "No findings in 1 file.\n", "")
    assert cli(*SIDECAR, "--fail-if-empty", "ci/build.yaml")[0] == 0  # a file named (pre-commit passes them): no warning


def test_verbose_lists_hidden_and_excluded_directories_with_the_reason(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {".tfdind-lint.yaml": "exclude: [generated, '*.rendered.yaml']\n", "t/main.tf": CLEAN_TF,
                          "t/.terraform/modules/m/main.tf": SIDECAR_TF, "generated/main.tf": SIDECAR_TF,
                          "k8s/pod.rendered.yaml": "kind: Pod\n"})
    monkeypatch.chdir(tmp_path)
    assert cli(*SIDECAR, "-v", ".") == (0, "generated/: skipped: excluded by the configuration's `exclude`\n"
                                 "k8s/pod.rendered.yaml: skipped: excluded by the configuration's `exclude`\n"
                                 "t/.terraform/: skipped: a hidden directory: not entered (name it on the command line "
                                 "to lint it)\n"
                                 "No findings in 1 file.\n", "")
    assert cli(*SIDECAR, ".") == (0, "No findings in 1 file.\n", "")  # passed over on purpose: not counted as skipped


def test_the_file_size_limit_is_a_setting_and_a_flag(tmp_path, monkeypatch, cli):
    big = CLEAN_TF + "# padding\n" * 300  # about 3 KiB
    write_tree(tmp_path, {"main.tf": big})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(*SIDECAR, "--max-file-size", "2KiB", ".")
    assert (code, out.splitlines()[0]) == (
        1, "main.tf:1:1: TDL000 error: File too large to lint: 3 KiB, over the limit of 2 KiB; raise the limit with "
           "`max-file-size: 3KiB` in the configuration or `--max-file-size 3KiB`, split the file, or exclude it if it "
           "is generated")
    assert cli(*SIDECAR, "--max-file-size", "3KiB", ".")[0] == 0
    write_tree(tmp_path, {".tfdind-lint.yaml": "max-file-size: 2048\n"})
    assert cli(*SIDECAR, ".")[0] == 1
    assert cli(*SIDECAR, "--max-file-size", "1MiB", ".")[0] == 0  # the flag wins
    write_tree(tmp_path, {".tfdind-lint.yaml": "max-file-size: 2 parsecs\n"})
    code, _, err = cli(".")
    assert code == 2 and err.startswith("tfdind-lint: error: .tfdind-lint.yaml:1:1: max-file-size: ")
    assert cli("--max-file-size", "lots", ".")[0] == 2


def test_the_limit_reaches_worker_processes(tmp_path, monkeypatch, cli):
    from tfdind_lint import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    write_tree(tmp_path, {f"t{i}/main.tf": CLEAN_TF + "# padding\n" * 300 for i in range(3)})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(*SIDECAR, "--jobs", "2", "--max-file-size", "2KiB", ".")
    assert (code, out.count("TDL000 error: File too large to lint: 3 KiB, over the limit of 2 KiB")) == (1, 3)
    assert cli(*SIDECAR, "--jobs", "2", "--max-file-size", "8KiB", ".")[0] == 0
