"""Custom policies: each generic check in Terraform and YAML, validation, and findings that flow like built-in ones.

``tests/custom/`` is a small repository of a fictional company: its configuration
names ``policies/`` (one policy per generic check), and its templates and
manifests carry ``# expect: ACMEnnn`` markers on every line a finding points at, and
``findings.txt`` records what each finding says there.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from conftest import ROOT, SIDECAR_TF, TESTS, write_tree
from tfdind_lint.config import ConfigError, Configuration, Selection
from tfdind_lint.formats import Options, render
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings

CUSTOM = TESTS / "custom"
SNAPSHOT = CUSTOM / "findings.txt"
MARKER = re.compile(r"#\s*expect:\s*(?P<rules>ACME\d{3}(?:\s*,\s*ACME\d{3})*)")
POLICY = """\
id: ACME001
name: no-latest-images
severity: warning
summary: Images are pinned to a version, not latest.
origin: custom
files: [terraform, yaml]
check: image-pattern
parameters:
  forbid: ["*:latest"]
help: Pin images.
"""


def markers() -> set[tuple[str, int, str]]:
    found = set()
    for path in sorted(CUSTOM.rglob("*")):
        if path.suffix in (".tf", ".yaml") and "policies" not in path.relative_to(CUSTOM).parts:
            for number, line in enumerate(path.read_text().split("\n"), start=1):
                m = MARKER.search(line)
                for rule in re.split(r"\s*,\s*", m.group("rules")) if m else ():
                    found.add((path.relative_to(ROOT).as_posix(), number, rule))
    return found


def custom_report(in_root):
    configuration = Configuration(["tests/custom"], selection=Selection(select=("ACME",)))
    return lint(["tests/custom"], RunSettings(configuration=configuration))


def test_every_generic_check_in_terraform_and_yaml(in_root):
    report = custom_report(in_root)
    assert {(f.span.path, f.span.line, f.rule) for f in report.findings} == markers()
    # every policy fires in both kinds of file
    kinds = {(f.rule, f.span.path.endswith(".tf")) for f in report.findings}
    assert kinds >= {(f"ACME00{n}", tf) for n in (1, 3, 4, 5, 6) for tf in (True, False)} | {("ACME002", True), ("ACME002", False)}


def test_findings_match_the_snapshot(in_root):
    """Message, severity, hint and related places of every finding, beside the lines they point at:
    ``tests/custom/findings.txt`` (regenerate with ``TFDIND_UPDATE_GOLDEN=1`` and review the diff)."""
    report = custom_report(in_root)
    text = render("full", report, RunSettings(configuration=Configuration(["tests/custom"])), Options(quiet=True))
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), "tests/custom/findings.txt differs"


def test_finding_fields_match_the_snapshot(in_root):
    """Subject, attribute (what a baseline keys on), owner and exact spans of every finding:
    ``tests/custom/fields.txt`` (regenerate with ``TFDIND_UPDATE_GOLDEN=1`` and review the diff)."""
    from test_policy_fixtures import snapshot

    text = snapshot(custom_report(in_root).findings)
    path = CUSTOM / "fields.txt"
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), "tests/custom/fields.txt differs"


def test_files_limits_the_kinds_of_file(tmp_path, monkeypatch):
    yaml_only = POLICY.replace("files: [terraform, yaml]", "files: [yaml]")
    write_tree(tmp_path, {".tfdind-lint.yaml": "policies: p\n", "p/latest.yaml": yaml_only,
                          "main.tf": SIDECAR_TF.replace("docker:dind", "docker:latest")})
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(configuration=Configuration(["."], selection=Selection(select=("ACME001",)))))
    assert report.findings == []


# validation ----------------------------------------------------------------------------------


def policy_errors(tmp_path, monkeypatch, text: str, name="bad.yaml") -> list[str]:
    write_tree(tmp_path, {".tfdind-lint.yaml": "policies: p\n", f"p/{name}": text})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        Configuration(["."])
    return info.value.messages


def test_custom_ids_may_not_use_the_tdl_prefix_or_collide(tmp_path, monkeypatch):
    assert policy_errors(tmp_path, monkeypatch, POLICY.replace("ACME001", "TDL950")) == [
        "p/bad.yaml:1:1: id: `TDL950` is not valid: Custom ids may not use the TDL prefix of the built-in rules."]
    assert policy_errors(tmp_path, monkeypatch, POLICY.replace("no-latest-images", "parse-error")) == [
        "p/bad.yaml:2:1: name: `parse-error` is already the name of TDL000"]
    write_tree(tmp_path, {"p/again.yaml": POLICY.replace("no-latest-images", "pinned")})
    messages = policy_errors(tmp_path, monkeypatch, POLICY)
    assert len(messages) == 1 and messages[0].startswith("p/bad.yaml:1:1: id: ACME001 is already the id of pinned (")


def test_parameters_are_validated_per_generic_check(tmp_path, monkeypatch):
    text = POLICY.replace('  forbid: ["*:latest"]', "  forbid: '*:latest'\n  allow: [x]")
    assert policy_errors(tmp_path, monkeypatch, text) == [
        "p/bad.yaml:9:3: parameters.forbid: expected a list, got the string `*:latest`",
        "p/bad.yaml:10:3: parameters.allow: unknown key `allow` (known keys: containers, forbid, hint, require)",
    ]
    runtime = POLICY.replace("check: image-pattern", "check: required-runtime")
    assert policy_errors(tmp_path, monkeypatch, runtime) == [
        "p/bad.yaml:8:1: parameters: missing required key `images`",
        "p/bad.yaml:8:1: parameters: missing required key `runtimes`",
        "p/bad.yaml:9:3: parameters.forbid: unknown key `forbid` (known keys: hint, images, runtimes)",
    ]


def test_a_custom_policy_says_origin_custom_and_names_its_check(tmp_path, monkeypatch):
    assert policy_errors(tmp_path, monkeypatch, POLICY.replace("check: image-pattern", "check: image")) == [
        "p/bad.yaml:7:1: check: `image` is not one of: `image-pattern`, `forbidden-host-path`, `env-from-secret`, "
        "`forbidden-capability`, `required-runtime`"]
    assert policy_errors(tmp_path, monkeypatch, POLICY.replace("origin: custom", "origin: SEED") + "sources: [{title: ACME}]\n") == [
        "p/bad.yaml:7:1: check: `image-pattern` is not valid: Only custom policies (origin: custom) bind a generic check.",
        "p/bad.yaml:10:1: help: `Pin images.` is not valid: Built-in policies use the four headings: ## What it does, "
        "## Why is this bad?, ## Example, ## Use instead.",
    ]


def test_a_missing_policy_directory(tmp_path, monkeypatch):
    write_tree(tmp_path, {".tfdind-lint.yaml": "policies: [policies]\n"})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        Configuration(["."])
    assert info.value.messages == [".tfdind-lint.yaml:1:12: policies[0]: the custom policy directory policies does not exist"]


# flowing like built-in rules -----------------------------------------------------------------


def test_suppressions_baselines_and_outputs(tmp_path, monkeypatch, cli):
    template = SIDECAR_TF.replace('"codercom/enterprise-base:ubuntu"', '"codercom/enterprise-base" # tfdind-lint: ignore[no-latest-images] -- base image tracks upstream')
    write_tree(tmp_path, {".tfdind-lint.yaml": "policies: p\n", "p/latest.yaml": POLICY,
                          "main.tf": template.replace("docker:dind", "docker:latest")})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("--select", "ACME", "--format", "json", ".")
    document = json.loads(out)
    assert [(f["rule"], f["line"], (f["suppressed"] or {}).get("kind")) for f in document["findings"]] == [
        ("ACME001", 7, "inline"), ("ACME001", 13, None)]
    assert cli("--select", "ACME", "--baseline", "b.json", "--write-baseline")[0] == 0
    assert cli("--select", "ACME", "--baseline", "b.json", ".") == (
        0, "No findings in 1 file; 1 suppressed; 1 baselined.\n", "")
    sarif = json.loads(cli("--select", "ACME", "--format", "sarif", ".")[1])
    rules = [r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"].startswith("ACME")]
    assert [(r["id"], r["name"], r["shortDescription"]["text"], r["help"]["markdown"]) for r in rules] == [
        ("ACME001", "no-latest-images", "Images are pinned to a version, not latest.", "Pin images.\n")]
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["ACME001"]


def test_rules_and_explain_list_custom_policies(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"p/latest.yaml": POLICY})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("rules", "--policy-dir", "p")
    assert code == 0
    assert out.splitlines()[0].split() == ["ACME001", "no-latest-images", "warning", "enabled", "Images", "are", "pinned",
                                           "to", "a", "version,", "not", "latest."]
    assert cli("rules")[1].splitlines()[0].startswith("TDL000")
    code, out, _ = cli("explain", "no-latest-images", "--policy-dir", "p")
    assert (code, out) == (0, "# no-latest-images (ACME001)\n\nSeverity: warning. A custom policy of this repository. Generic check: image-pattern.\n\n"
                              "Pin images.\n\n## Parameters\n- `forbid`: `[\"*:latest\"]`\n- `require`: `[]`\n"
                              "- `containers`: `[]`\n- `hint`: `\"\"`\n")


def test_policy_dir_on_the_command_line(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"p/latest.yaml": POLICY, "main.tf": SIDECAR_TF.replace("docker:dind", "docker:latest")})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("--policy-dir", "p", "--select", "ACME001", "-f", "concise", ".")
    assert (code, out.splitlines()[0]) == (1, "main.tf:13:3: ACME001 warning: The image `docker:latest` matches the forbidden pattern "
                                              "`*:latest`: use another image")


def test_a_nested_configuration_brings_its_policies_to_named_files(tmp_path, monkeypatch, cli):
    latest = SIDECAR_TF.replace("docker:dind", "docker:latest")
    write_tree(tmp_path, {"team/.tfdind-lint.yaml": "policies: p\n", "team/p/latest.yaml": POLICY,
                          "team/main.tf": latest, "other/main.tf": latest})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("--select", "ACME001", "-f", "concise", "team/main.tf", "other/main.tf")
    assert (code, out.splitlines()[0][:43]) == (1, "team/main.tf:13:3: ACME001 warning: The ima")
    assert len(out.splitlines()) == 2  # other/ has no such policy


def test_sarif_rule_metadata_is_valid(in_root):
    report = custom_report(in_root)
    settings = RunSettings(configuration=Configuration(["tests/custom"], selection=Selection(select=("ACME",))))
    document = json.loads(render("sarif", report, settings, Options()))
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    assert sorted(rules) == [f"ACME00{n}" for n in range(1, 8)] + ["TDL000", "TDL999"]  # (those two always run)
    assert rules["ACME002"]["help"]["markdown"] == (
        "Only images scanned by the company registry may run in workspaces.\n\n## Sources\n- ACME platform standard PS-2\n")


# forbidden-host-path's parameters: the edge cases a policy file can name -------------------------


@pytest.mark.parametrize(("path", "patterns", "message"), [
    ("/", ["/"], "The host path `/` must not be mounted: remove the mount"),
    ("/var/run/docker.sock", ["/"], "The host path `/var/run/docker.sock` is inside `/`, which must not be mounted: remove the mount"),
    ("/", ["/var/run/docker.sock"],
     "The host directory `/` contains `/var/run/docker.sock`, which must not be mounted: mount a narrower path, or none"),
    ("/proc/1", ["/proc/"], "The host path `/proc/1` is inside `/proc`, which must not be mounted: remove the mount"),
    ("/process", ["/proc"], None),  # a common prefix is not a parent directory
    ("/pro", ["/proc"], None),
    ("/opt/X11/fonts", ["/opt/X11"], "The host path `/opt/X11/fonts` is inside `/opt/X11`, which must not be mounted: remove the mount"),
    ("/dev/sda", ["/dev/sd?"], "The host path `/dev/sda` matches `/dev/sd?`, which must not be mounted: remove the mount"),
    ("/dev/nvme0", ["/dev/nvme[0-9]"], "The host path `/dev/nvme0` matches `/dev/nvme[0-9]`, which must not be mounted: remove the mount"),
    ("/etc", ["/etc/*/"], None),  # the directory itself is not under it
    ("/etc/ssl", ["/etc/*/", "/etc"], "The host path `/etc/ssl` matches `/etc/*/`, which must not be mounted: remove the mount"),
    ("/etc", ["/etc/*/", "/etc"], "The host path `/etc` must not be mounted: remove the mount"),
    ("/home/coder", ["/etc/*", "/proc"], None),
    # patterns and paths ending in a character of "X/" (a strip of more than "/" would change them)
    ("/opt/box", ["/opt/*X"], None),
    ("/opt/bo/y", ["/opt/boX"], None),
    ("/opt/boX", ["/opt/bo/sock"], None),
])
def test_host_path_patterns(path, patterns, message):
    from tfdind_lint.rules.custom import _host_path_problem

    assert _host_path_problem(path, patterns) == message
