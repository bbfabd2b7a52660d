"""Configuration: discovery order and precedence, validation errors, excludes, overrides, parameters."""

from __future__ import annotations

import pytest

from conftest import SIDECAR_TF, SIDECAR_YAML, TESTS, write_tree
from tfdind_lint.config import ConfigError, Configuration, Globs, Selection
from tfdind_lint.config_file import toml_locator
from tfdind_lint.discover import discover
from tfdind_lint.finding import Severity
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings


def lines(out: str) -> list[str]:
    """The finding lines of a text report (summary dropped)."""
    return [line for line in out.splitlines()[:-1] if not line.startswith(" ")]


def rules_at(tmp_path, monkeypatch, files, path, **options):
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    return Configuration(["."], **options).rules(path)


# globs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("examples", "examples/docker/main.tf", True),  # a name matches anywhere
    ("examples", "templates/examples/main.tf", True),
    ("examples", "templates/examples.tf", False),
    ("*.rendered.yaml", "k8s/pod.rendered.yaml", True),
    ("examples/**", "examples/docker/main.tf", True),  # anchored to the configuration's directory
    ("examples/**", "templates/examples/main.tf", False),
    ("examples/", "examples/main.tf", True),
    ("examples/*.tf", "examples/docker/main.tf", False),  # `*` stays within a name
    ("examples/*/main.tf", "examples/docker/main.tf", True),
    ("**/generated/*.yaml", "a/b/generated/x.yaml", True),
    ("**/generated/*.yaml", "generated/x.yaml", True),
    ("charts/[ab]*", "charts/app/x.yaml", True),
    ("charts/[!ab]*", "charts/app/x.yaml", False),
    ("examples/**", "../examples/main.tf", False),  # outside the directory: anchored globs never match
    ("[z-a]*.yaml", "[z-a]x.yaml", True),  # not a character class: the brackets are literal
])
def test_globs(pattern, path, expected):
    assert Globs([pattern]).match(path) is expected


# discovery and precedence --------------------------------------------------------------------


def test_in_one_directory_yaml_beats_yml_beats_pyproject(tmp_path, monkeypatch):
    files = {
        ".tfdind-lint.yaml": "fail-on: error\n",
        ".tfdind-lint.yml": "fail-on: warning\n",
        "pyproject.toml": "[tool.tfdind-lint]\nfail-on = \"note\"\n",
    }
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert Configuration(["."]).root.path == ".tfdind-lint.yaml"
    (tmp_path / ".tfdind-lint.yaml").unlink()
    assert Configuration(["."]).root.path == ".tfdind-lint.yml"
    (tmp_path / ".tfdind-lint.yml").unlink()
    configuration = Configuration(["."])
    assert (configuration.root.path, configuration.fail_on) == ("pyproject.toml", Severity.NOTE)


def test_a_pyproject_without_the_table_is_passed_over(tmp_path, monkeypatch):
    write_tree(tmp_path, {".tfdind-lint.yaml": "fail-on: error\n",
                          "sub/pyproject.toml": "[project]\nname = \"x\"\n[tool.ruff]\nline-length = 100\n"})
    monkeypatch.chdir(tmp_path / "sub")
    configuration = Configuration(["."])
    # a configuration outside the working directory is shown with its absolute path
    assert (configuration.root.path, configuration.fail_on) == (str(tmp_path / ".tfdind-lint.yaml"), Severity.ERROR)


def test_the_nearest_file_wins_whole(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {
        ".tfdind-lint.yaml": "select: [TDL401]\nrules:\n  TDL401: {enabled: false}\n",
        "team/.tfdind-lint.yaml": "select: [TDL401]\nrules:\n  TDL401: {severity: error}\n",
        "main.tf": SIDECAR_TF,
        "team/main.tf": SIDECAR_TF,
    })
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("--format", "json", ".")
    assert code == 1
    import json

    assert [(f["path"], f["rule"], f["severity"]) for f in json.loads(out)["findings"]] == [
        ("team/main.tf", "TDL401", "error")]


def test_config_flag_replaces_discovery_and_isolated_ignores_everything(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {".tfdind-lint.yaml": "select: [TDL401]\nignore: [TDL401]\n",
                          "strict.yaml": "select: [TDL401]\nfail-on: error\n", "main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli(".")[0] == 0  # the discovered file turns TDL401 off
    code, out, _ = cli("--config", "strict.yaml", "--output-format", "concise", ".")
    assert (code, lines(out)) == (0, ["main.tf:14:3: TDL401 warning: `dind` is a privileged Docker-in-Docker sidecar: its "
                                      "Docker API is root on the host"])  # reported, but below fail-on: error
    code, out, _ = cli("--isolated", "--select", "TDL401", "-f", "concise", ".")
    assert (code, len(lines(out))) == (1, 1)
    code, _, err = cli("--config", "strict.yaml", "--isolated", ".")
    assert code == 2 and "argument --isolated: not allowed with argument --config" in err


def test_the_command_line_wins_over_the_file(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {".tfdind-lint.yaml": "select: [TDL1]\nfail-on: error\n", "main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli(".") == (0, "No findings in 1 file.\n", "")
    code, out, _ = cli("--select", "TDL401", "-f", "concise", ".")
    assert (code, len(lines(out))) == (0, 1)  # selected, but a warning under fail-on: error
    code, out, _ = cli("--select", "TDL401", "--fail-on", "warning", "-f", "concise", ".")
    assert (code, len(lines(out))) == (1, 1)


def test_enabled_in_the_file_and_selection_on_the_command_line(tmp_path, monkeypatch):
    files = {".tfdind-lint.yaml": "rules:\n  TDL401: {enabled: false}\n", "main.tf": SIDECAR_TF}
    assert "TDL401" not in rules_at(tmp_path, monkeypatch, files, "main.tf").enabled
    cli_selected = Configuration(["."], selection=Selection(extend_select=("TDL401",))).rules("main.tf")
    assert "TDL401" in cli_selected.enabled


# validation ----------------------------------------------------------------------------------


def config_errors(tmp_path, monkeypatch, name, text) -> list[str]:
    write_tree(tmp_path, {name: text, "main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        Configuration(["."])
    return info.value.messages


def test_schema_errors_name_the_file_the_line_and_the_key(tmp_path, monkeypatch):
    text = """\
exclude: examples
fail_on: error
rules:
  TDL401:
    severity: fatal
    enable: false
overrides:
  - ignore: [TDL4]
suppress:
  - rules: [TDL401]
    reason: ""
"""
    assert config_errors(tmp_path, monkeypatch, ".tfdind-lint.yaml", text) == [
        ".tfdind-lint.yaml:1:1: exclude: expected a list, got the string `examples`",
        ".tfdind-lint.yaml:2:1: fail_on: unknown key `fail_on`; did you mean `fail-on`?",
        ".tfdind-lint.yaml:5:5: rules.TDL401.severity: `fatal` is not one of: `error`, `warning`, `note`",
        ".tfdind-lint.yaml:6:5: rules.TDL401.enable: unknown key `enable`; did you mean `enabled`?",
        ".tfdind-lint.yaml:8:5: overrides[0]: missing required key `files`",
        ".tfdind-lint.yaml:11:5: suppress[0].reason: `` is not valid: Why this is acceptable: a reviewer reads it in the "
        "JSON and SARIF reports.",
    ]


def test_rule_names_and_parameters_are_checked(tmp_path, monkeypatch):
    text = """\
select: [TDL4, TLD1]
rules:
  sysbox-runtime-mising: {enabled: false}
  TDL101:
    parameters:
      runtimes: sysbox-runc
      runtime: [sysbox-runc]
parameters:
  envbox_image: [x]
suppress:
  - rules: [TDL000]
    reason: generated
"""
    assert config_errors(tmp_path, monkeypatch, ".tfdind-lint.yaml", text) == [
        ".tfdind-lint.yaml:1:16: select[1]: `TLD1` names no rule (an id, a kebab name or a group prefix such as TDL4); "
        "did you mean `TDL1`?",
        ".tfdind-lint.yaml:3:3: rules.sysbox-runtime-mising: unknown rule `sysbox-runtime-mising`; "
        "did you mean `sysbox-runtime-missing`?",
        ".tfdind-lint.yaml:6:7: rules.TDL101.parameters.runtimes: expected a list like the default `[sysbox-runc]`, got a string",
        ".tfdind-lint.yaml:7:7: rules.TDL101.parameters.runtime: TDL101 has no parameter `runtime`; did you mean `runtimes`? (its parameters: "
        "docker_default_runtime_is_sysbox, envbox_images, runtimes)",
        ".tfdind-lint.yaml:9:3: parameters.envbox_image: no rule takes a parameter `envbox_image`; did you mean `envbox_images`?",
        ".tfdind-lint.yaml:11:13: suppress[0].rules[0]: TDL000 findings cannot be suppressed: fix the file or exclude it "
        "in the configuration",
    ]


def test_pyproject_errors_point_at_the_key(tmp_path, monkeypatch):
    text = """\
[project]
name = "templates"

[tool.tfdind-lint]
fail-on = "fatal"

[tool.tfdind-lint.rules.TDL401]
severity = "error"
colour = true

[[tool.tfdind-lint.overrides]]
files = ["examples/**"]

[[tool.tfdind-lint.overrides]]
ignore = ["TDL4"]
"""
    assert config_errors(tmp_path, monkeypatch, "pyproject.toml", text) == [
        "pyproject.toml:5:1: fail-on: `fatal` is not one of: `error`, `warning`, `note`",
        "pyproject.toml:9:1: rules.TDL401.colour: unknown key `colour` (known keys: enabled, parameters, severity)",
        "pyproject.toml:14:1: overrides[1]: missing required key `files`",
    ]


def test_syntax_errors(tmp_path, monkeypatch):
    assert config_errors(tmp_path, monkeypatch, ".tfdind-lint.yaml", "rules:\n  TDL401: {severity: error\n") == [
        ".tfdind-lint.yaml:2:11: Invalid YAML: the '{' opened here is never closed"]
    (tmp_path / ".tfdind-lint.yaml").unlink()
    assert config_errors(tmp_path, monkeypatch, "pyproject.toml", "[tool.tfdind-lint]\nfail-on = error\n") == [
        "pyproject.toml:2:11: invalid TOML: Invalid value"]


def test_a_bad_configuration_is_exit_code_2(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {".tfdind-lint.yaml": "fail-on: fatal\n", "main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    assert cli(".") == (2, "", "tfdind-lint: error: .tfdind-lint.yaml:1:1: fail-on: `fatal` is not one of: "
                               "`error`, `warning`, `note`\n")
    assert cli("--config", "missing.yaml", ".") == (
        2, "", "tfdind-lint: error: missing.yaml: cannot read the configuration: No such file or directory\n")


def test_toml_locator():
    text = '[tool.tfdind-lint]\nselect = ["TDL4"]\n\n[tool.tfdind-lint.rules]\nTDL101 = { severity = "x" }\n'
    locate = toml_locator(text)
    assert locate(("select", 0)) == (2, 1)
    assert locate(("rules", "TDL101", "severity")) == (5, 1)
    assert locate(("nothing",)) == (1, 1)


# excludes ------------------------------------------------------------------------------------


def test_exclude_prunes_the_walk_relative_to_the_config_directory(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "repo/.tfdind-lint.yaml": "exclude: [vendor, examples/**, '*.rendered.yaml']\n",
        "repo/vendor/a/main.tf": SIDECAR_TF,
        "repo/examples/docker/main.tf": SIDECAR_TF,
        "repo/templates/examples/main.tf": SIDECAR_TF,
        "repo/k8s/pod.rendered.yaml": SIDECAR_YAML,
        "repo/k8s/pod.yaml": SIDECAR_YAML,
    })
    monkeypatch.chdir(tmp_path)
    configuration = Configuration(["repo"])
    found = discover(["repo"], exclude=configuration.excluded)
    manifests = [p for p in found.yaml if not p.endswith(".tfdind-lint.yaml")]  # (read, then passed over: not a manifest)
    assert (sorted(found.terraform), manifests) == (["repo/templates/examples"], ["repo/k8s/pod.yaml"])


def test_named_files_are_linted_unless_force_exclude(tmp_path, monkeypatch):
    write_tree(tmp_path, {".tfdind-lint.yaml": "exclude: [examples]\n", "examples/main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    configuration = Configuration(["examples/main.tf"])
    assert discover(["examples/main.tf"], exclude=configuration.excluded).terraform == {"examples": ["examples/main.tf"]}
    assert discover(["examples/main.tf"], exclude=configuration.excluded, force_exclude=True).terraform == {}


def test_an_excluded_tf_file_still_declares_for_its_module(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        ".tfdind-lint.yaml": "exclude: [generated.tf]\n",
        "generated.tf": 'variable "image" {\n  default = "docker:dind"\n}\nresource "docker_container" "x" {\n'
                        '  image      = var.image\n  privileged = true\n  name       = "x"\n}\n',
        "main.tf": 'resource "docker_container" "dev" {\n  image = var.image\n  name  = "dev"\n}\n',
    })
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(configuration=Configuration(["."], selection=Selection(select=("TDL001", "TDL401")))))
    assert [(f.span.path, f.rule) for f in report.findings] == []  # var.image resolves; generated.tf is not reported


# overrides and parameters --------------------------------------------------------------------


def test_overrides_apply_to_their_paths_only(tmp_path, monkeypatch, cli):
    config = """\
overrides:
  - files: ["examples/**"]
    ignore: [TDL4]
  - files: ["prod/**"]
    rules:
      TDL401: {severity: error}
"""
    write_tree(tmp_path, {".tfdind-lint.yaml": config, "examples/main.tf": SIDECAR_TF, "prod/main.tf": SIDECAR_TF,
                          "dev/main.tf": SIDECAR_TF})
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("--format", "json", "--select", "TDL401", ".")
    import json

    assert [(f["path"], f["severity"]) for f in json.loads(out)["findings"]] == [
        ("dev/main.tf", "warning"), ("prod/main.tf", "error")]


def test_parameters_shared_per_rule_and_per_path(tmp_path, monkeypatch):
    config = """\
parameters:
  envbox_images: ["registry.example.com/envbox*"]
rules:
  TDL101:
    parameters:
      runtimes: [sysbox-runc, sysbox]
overrides:
  - files: [legacy/**]
    rules:
      TDL101: {parameters: {runtimes: [sysbox-legacy]}}
"""
    files = {".tfdind-lint.yaml": config}
    main = rules_at(tmp_path, monkeypatch, files, "main.tf")
    assert main.parameters["TDL101"] == {"envbox_images": ["registry.example.com/envbox*"], "runtimes": ["sysbox-runc", "sysbox"]}
    assert main.parameters["TDL401"] == {"envbox_images": ["registry.example.com/envbox*"]}
    legacy = Configuration(["."]).rules("legacy/main.tf")
    assert legacy.parameters["TDL101"]["runtimes"] == ["sysbox-legacy"]


def test_a_runtime_parameter_reaches_the_check(tmp_path, monkeypatch):
    pod = SIDECAR_YAML.replace("spec:\n", "spec:\n  runtimeClassName: sysbox\n", 1)
    pod = pod.replace("securityContext: {privileged: true}", "command: [sh, -c, 'dockerd &']")
    write_tree(tmp_path, {"pod.yaml": pod})
    monkeypatch.chdir(tmp_path)
    before = lint(["."], RunSettings(enabled={"TDL101"}))
    assert [(f.rule, f.span.line) for f in before.findings] == [("TDL101", 6)]
    write_tree(tmp_path, {".tfdind-lint.yaml": "rules:\n  TDL101:\n    parameters:\n      runtimes: [sysbox-runc, sysbox]\n"})
    after = lint(["."], RunSettings(configuration=Configuration(["."], selection=Selection(select=("TDL101",)))))
    assert after.findings == []


# the documentation -------------------------------------------------------------------------


def test_the_config_schema_is_draft_07_for_editors():
    import json

    import jsonschema

    from conftest import ROOT

    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def test_documented_examples_are_valid(tmp_path, monkeypatch):
    """Every configuration and custom policy example of docs/configuration.md passes validation."""
    import re

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the backport the package depends on there
        import tomli as tomllib

    from conftest import ROOT
    from tfdind_lint import schema
    from tfdind_lint.sources.kubernetes import parse_data

    text = (ROOT / "docs" / "configuration.md").read_text()
    blocks = re.findall(r"```(yaml|toml)\n(.*?)```", text, re.S)
    configs = policies = 0
    for language, body in blocks:
        first = body.splitlines()[0]
        if language == "toml":
            data = tomllib.loads(body)["tool"]["tfdind-lint"]
        elif first == "# .tfdind-lint.yaml":
            data = parse_data("doc.yaml", body).plain()
        elif first.startswith("# lint-policies/"):
            write_tree(tmp_path, {first[2:]: body})
            policies += 1
            continue
        else:
            continue
        configs += 1
        assert schema.validate(data, "config.schema.json", "doc", lambda keys: (0, 0)) == [], body
    write_tree(tmp_path, {".tfdind-lint.yaml": "policies: lint-policies\n"})
    monkeypatch.chdir(tmp_path)
    loaded = Configuration(["."]).policies
    assert (configs, policies) == (4, 6)
    assert sorted(p for p in loaded if not p.startswith("TDL")) == ["ACME001", "ACME002", "ACME003", "ACME004", "ACME005", "ACME006"]


def test_a_toml_configuration_named_on_the_command_line(tmp_path, monkeypatch, cli):
    write_tree(tmp_path, {"lint.toml": 'ignore = ["TDL4"]\n\n[rules.TDL101]\nseverity = "fatal"\n', "main.tf": SIDECAR_TF,
                          "pyproject.toml": "[project]\nname = 'x'\n"})
    monkeypatch.chdir(tmp_path)
    assert cli("--config", "lint.toml", ".") == (
        2, "", "tfdind-lint: error: lint.toml:4:1: rules.TDL101.severity: `fatal` is not one of: `error`, `warning`, `note`\n")
    write_tree(tmp_path, {"lint.toml": 'select = ["TDL4"]\nignore = ["TDL4"]\n'})
    assert cli("--config", "lint.toml", ".") == (0, "No findings in 1 file.\n", "")
    assert cli("--config", "pyproject.toml", ".") == (
        2, "", "tfdind-lint: error: pyproject.toml: no [tool.tfdind-lint] table in this file\n")


def test_readme_configuration_example_is_valid():
    import re

    from conftest import ROOT
    from tfdind_lint import schema
    from tfdind_lint.sources.kubernetes import parse_data

    text = (ROOT / "README.md").read_text()
    (body,) = re.findall(r"```yaml\n(# \.tfdind-lint\.yaml\n.*?)```", text, re.S)
    data = parse_data("README.yaml", body).plain()
    assert schema.validate(data, "config.schema.json", "README", lambda keys: (0, 0)) == []
    assert data["rules"]["TDL101"]["parameters"]["runtimes"] == ["sysbox-runc", "sysbox"]


# mutation testing's survivors (docs/testing.md): each part of a configuration read, and where its errors point ------


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("**/generated", "../generated/x.yaml", False),  # anchored, even when it could match one name
    ("/examples/**", "examples/docker/main.tf", True),  # a leading `/` only anchors
    ("file?.tf", "file1.tf", True),
    ("file?.tf", "file10.tf", False),
    ("[a]bc.tf", "abc.tf", True),
    ("x]y[ab]z", "x]yaz", True),  # a `]` before the class
    ("[ab]-[cd].yaml", "a-c.yaml", True),  # two classes
    ("[ab]-[cd].yaml", "a-b.yaml", False),
    ("[ab]x[!c].tf", "axd.tf", True),  # each class ends at its own `]`
    ("[ab]*[cd].tf", "a-long-c.tf", True),
    ("x[\\]y", "x\\y", True),  # a backslash in a class is literal
    ("x[\\]y", "xXy", False),
])
def test_more_globs(pattern, path, expected):
    assert Globs([pattern]).match(path) is expected


def test_a_config_error_has_one_line_per_problem():
    assert str(ConfigError(["a: one", "b: two"])) == "a: one\nb: two"


def test_the_arguments_rebuild_the_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    selection = Selection(select=("TDL4",))
    configuration = Configuration(["."], isolated=True, selection=selection, fail_on=Severity.ERROR,
                                  baseline="b.json", max_file_size=10)
    assert configuration.arguments == (["."], dict(config_file=None, isolated=True, selection=selection, policy_dirs=(),
                                                   fail_on=Severity.ERROR, baseline="b.json", max_file_size=10))


def test_an_installation_without_policies_is_refused(tmp_path, monkeypatch):
    import tfdind_lint.config as config_module
    from tfdind_lint.resources import data_path

    monkeypatch.setattr(config_module, "builtin_policies", dict)
    with pytest.raises(ConfigError) as info:
        Configuration(["."])
    assert info.value.messages == [f"the built-in policies are missing (no policy in {data_path('policies')}): this "
                                   "installation of tfdind-lint is incomplete; reinstall it"]


def test_the_run_takes_the_configuration_of_the_paths_not_of_the_working_directory(tmp_path, monkeypatch):
    write_tree(tmp_path, {"repo/.tfdind-lint.yaml": "fail-on: error\n", "elsewhere/x": ""})
    monkeypatch.chdir(tmp_path / "elsewhere")
    configuration = Configuration(["../repo"])
    assert (configuration.root.path, configuration.fail_on) == (str(tmp_path / "repo" / ".tfdind-lint.yaml"),
                                                                 Severity.ERROR)


def test_the_baseline_and_where_it_was_named(tmp_path, monkeypatch):
    write_tree(tmp_path, {"sub/.tfdind-lint.yaml": "fail-on: error\nbaseline: known.json\n", "other/x": ""})
    monkeypatch.chdir(tmp_path / "other")
    configuration = Configuration(["../sub"])
    assert (configuration.baseline, configuration.baseline_source) == (str(tmp_path / "sub" / "known.json"), "config")
    assert configuration.baseline_where() == f"{tmp_path / 'sub' / '.tfdind-lint.yaml'}:2:1: baseline"
    flagged = Configuration(["../sub"], baseline="mine.json")
    assert (flagged.baseline, flagged.baseline_source, flagged.baseline_where()) == (
        str(tmp_path / "other" / "mine.json"), "flag", "")
    monkeypatch.chdir(tmp_path)
    assert (Configuration(["."]).baseline, Configuration(["."]).baseline_source) == (None, "default")
    write_tree(tmp_path, {".tfdind-lint-baseline.json": "{}"})
    assert (Configuration(["."]).baseline, Configuration(["."]).baseline_source) == (
        str(tmp_path / ".tfdind-lint-baseline.json"), "default")


def test_every_key_of_a_configuration_is_read(tmp_path, monkeypatch):
    config = """\
extend-select: [TDL107]
ignore: [TDL401]
max-file-size: 2KiB
suppression-annotation: example.com/lint-ignore
fixable: [TDL4]
unfixable: [TDL403]
extend-fixable: [TDL102]
unsafe-fixes: true
"""
    rules = rules_at(tmp_path, monkeypatch, {".tfdind-lint.yaml": config}, "main.tf")
    assert "TDL107" in rules.enabled and "TDL401" not in rules.enabled and "TDL402" in rules.enabled
    assert rules.annotation == "example.com/lint-ignore"
    configuration = Configuration(["."])
    assert configuration.max_file_size == 2048
    selection = configuration.fix_selection()
    assert (selection.unsafe, selection.unfixable) == (True, frozenset({"TDL403"}))
    assert "TDL102" in selection.fixable and "TDL403" in selection.fixable and "TDL101" not in selection.fixable
    assert Configuration(["."]).rules("main.tf").annotation == "example.com/lint-ignore"


def test_defaults_of_a_configuration_file(tmp_path, monkeypatch):
    rules = rules_at(tmp_path, monkeypatch, {".tfdind-lint.yaml": "fail-on: error\n"}, "main.tf")
    assert rules.annotation == "tfdind-lint.io/ignore"
    selection = Configuration(["."]).fix_selection()
    assert (selection.unsafe, selection.fixable, selection.unfixable) == (False, None, frozenset())


def test_the_command_line_fix_selection_wins_over_the_file(tmp_path, monkeypatch):
    write_tree(tmp_path, {".tfdind-lint.yaml": "fixable: [TDL4]\nextend-fixable: [TDL102]\nunsafe-fixes: true\n"})
    monkeypatch.chdir(tmp_path)
    selection = Configuration(["."]).fix_selection(unsafe=False, fixable=["TDL403"], extend_fixable=["TDL103"],
                                                   unfixable=["TDL102"])
    assert (selection.unsafe, selection.fixable, selection.unfixable) == (
        False, frozenset({"TDL403", "TDL102", "TDL103"}), frozenset({"TDL102"}))
    # a fix selector names rules disabled by default too
    assert Configuration(["."]).fix_selection(fixable=["TDL1"]).fixable >= {"TDL107"}


def test_unknown_fix_selectors_are_errors():
    configuration = Configuration(["."])
    configuration.fix_selection(fixable=["TDL4"], extend_fixable=["TDL107"], unfixable=["NOPE"])
    with pytest.raises(ConfigError) as info:
        configuration.check_fix_selection()
    assert info.value.messages == ["unknown rule selector `NOPE` (see `tfdind-lint rules`)"]


def test_an_override_turns_rules_on_and_off_and_adds_to_the_parameters(tmp_path, monkeypatch):
    config = """\
parameters:
  envbox_images: ["registry.example.com/envbox*"]
overrides:
  - files: [legacy/**]
    rules:
      TDL401: {enabled: false}
      TDL107: {enabled: true}
      TDL101: {parameters: {runtimes: [sysbox-legacy]}}
"""
    rules_at(tmp_path, monkeypatch, {".tfdind-lint.yaml": config}, "main.tf")
    legacy = Configuration(["."]).rules("legacy/main.tf")
    assert "TDL401" not in legacy.enabled and "TDL107" in legacy.enabled
    assert legacy.parameters["TDL101"] == {"envbox_images": ["registry.example.com/envbox*"], "runtimes": ["sysbox-legacy"]}
    plain = Configuration(["."]).rules("main.tf")
    assert "TDL401" in plain.enabled and "TDL107" not in plain.enabled


def test_ignoring_a_group_drops_its_rules_selected_by_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rules = Configuration(["."], selection=Selection(extend_select=("TDL107",), ignore=("TDL1",))).rules("main.tf")
    assert "TDL107" not in rules.enabled and "TDL101" not in rules.enabled


def test_custom_rules_run_only_under_the_configuration_that_loads_them(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a/.tfdind-lint.yaml": "policies: [p, q]\nselect: [ACME001, ACME002]\n",
                          "a/p/one.yaml": (TESTS / "custom" / "policies" / "ACME001-no-latest-images.yaml").read_text(),
                          "a/q/two.yaml": (TESTS / "custom" / "policies" / "ACME002-company-registry.yaml").read_text(),
                          "b/.tfdind-lint.yaml": "fail-on: error\n"})
    monkeypatch.chdir(tmp_path)
    configuration = Configuration(["a", "b"], selection=Selection(extend_select=("ACME001",)))
    assert configuration.rules("a/main.tf").enabled >= {"ACME001", "ACME002"}
    assert not {"ACME001", "ACME002"} & configuration.rules("b/main.tf").enabled
    configuration = Configuration(["a", "b"], selection=Selection(select=("ACME001", "TDL401")))
    assert configuration.rules("b/main.tf").enabled == {"TDL000", "TDL999", "TDL401"}


def test_a_generic_checks_parameters_are_accepted(tmp_path, monkeypatch):
    from tfdind_lint.config_file import accepted_parameters

    monkeypatch.chdir(TESTS / "custom")
    policies = Configuration(["."], policy_dirs=("policies",)).policies
    assert accepted_parameters(policies["ACME001"]) == {"forbid": ["*:latest"], "require": (), "containers": (),
                                                        "hint": "Pin the image to a version or a digest (platform "
                                                                "standard PS-4)."}


def test_each_error_points_at_its_key(tmp_path, monkeypatch):
    text = """\
ignore: [TDL401, NOPE]
policies: [missing]
overrides:
  - ignore: [TDL4]
  - files: [x/**]
    ignore: [NADA]
suppress:
  - rules: [TDL401, TDL4O1]
  - rules: [TDL401, TDL4O2]
    reason: dated
    until: 2027-02-30
max-file-size: 0KiB
fixable: [FIX]
unfixable: [UNFIX]
extend-fixable: [EXT]
parameters:
  envbox_images: registry.example.com/envbox
  fuse_resources: [a, b]
rules:
  TDL101:
    parameters:
      docker_default_runtime_is_sysbox: "yes"
      podman_images: [x]
  TDL002:
    parameters:
      x: 1
  TDL301:
    parameters:
      podman_images: podman
"""
    assert config_errors(tmp_path, monkeypatch, ".tfdind-lint.yaml", text) == [
        ".tfdind-lint.yaml:1:18: ignore[1]: `NOPE` names no rule (an id, a kebab name or a group prefix such as TDL4)",
        ".tfdind-lint.yaml:2:12: policies[0]: the custom policy directory missing does not exist",
        ".tfdind-lint.yaml:4:5: overrides[0]: missing required key `files`",
        ".tfdind-lint.yaml:6:14: overrides[1].ignore[0]: `NADA` names no rule (an id, a kebab name or a group prefix "
        "such as TDL4)",
        ".tfdind-lint.yaml:8:5: suppress[0]: missing required key `reason`",
        ".tfdind-lint.yaml:8:21: suppress[0].rules[1]: unknown rule `TDL4O1`; did you mean `TDL401`?",
        ".tfdind-lint.yaml:9:21: suppress[1].rules[1]: unknown rule `TDL4O2`; did you mean `TDL402`?",
        ".tfdind-lint.yaml:11:5: suppress[1].until: `2027-02-30` is not a date (YYYY-MM-DD)",
        ".tfdind-lint.yaml:12:1: max-file-size: `0KiB` is not a size: it must be at least 1 byte",
        ".tfdind-lint.yaml:13:11: fixable[0]: `FIX` names no rule (an id, a kebab name or a group prefix such as TDL4)",
        ".tfdind-lint.yaml:14:13: unfixable[0]: `UNFIX` names no rule (an id, a kebab name or a group prefix such as "
        "TDL4)",
        ".tfdind-lint.yaml:15:18: extend-fixable[0]: `EXT` names no rule (an id, a kebab name or a group prefix such as "
        "TDL4)",
        ".tfdind-lint.yaml:17:3: parameters.envbox_images: expected a list like the default `[*/coder/envbox*, "
        "coder/envbox*]`, got a string",
        ".tfdind-lint.yaml:22:7: rules.TDL101.parameters.docker_default_runtime_is_sysbox: expected true or false like "
        "the default `false`, got a string",
        ".tfdind-lint.yaml:23:7: rules.TDL101.parameters.podman_images: TDL101 has no parameter `podman_images` (its "
        "parameters: docker_default_runtime_is_sysbox, envbox_images, runtimes)",
        ".tfdind-lint.yaml:26:7: rules.TDL002.parameters.x: TDL002 has no parameter `x` (its parameters: none)",
        ".tfdind-lint.yaml:29:7: rules.TDL301.parameters.podman_images: expected a list like the default `[*podman*]`, "
        "got a string",
    ]


def test_parameters_that_are_no_mapping_are_an_error_not_a_crash(tmp_path, monkeypatch):
    assert config_errors(tmp_path, monkeypatch, ".tfdind-lint.yaml", "rules:\n  TDL101:\n    parameters: [x]\n") == [
        ".tfdind-lint.yaml:3:5: rules.TDL101.parameters: expected a mapping, got a list"]


def test_a_pyproject_whose_table_is_no_table(tmp_path, monkeypatch):
    assert config_errors(tmp_path, monkeypatch, "pyproject.toml", '[tool]\ntfdind-lint = "strict"\n') == [
        "pyproject.toml: [tool.tfdind-lint] must be a table"]


def test_toml_locator_quoted_headers_and_arrays_of_tables():
    text = ('[tool."tfdind-lint"]\nfail-on = "x"\n\n[[tool.tfdind-lint.overrides]]\nfiles = ["a"]\n\n'
            '[[tool.tfdind-lint.overrides]]\nignore = ["TDL4"]\n')
    locate = toml_locator(text)
    assert locate(("fail-on",)) == (2, 1)
    assert locate(("overrides", 0, "files")) == (5, 1)
    assert locate(("overrides", 1)) == (7, 1)
    assert locate(("overrides", 1, "ignore", 0)) == (8, 1)
    assert locate(("overrides", 0, "ignore")) == (4, 1)  # not in its table: the table, not a later one's key
    assert locate(("overrides",)) == (4, 1)
    assert toml_locator('[tool]\ntfdind-lint = { fail-on = "fatal" }\n')(("fail-on",)) == (2, 1)
    assert toml_locator('[tool.tfdind-lint]\n\n[tool.tfdind-lint.rules.TDL40X]\n')(("rules", "TDL40X")) == (3, 1)


def test_a_suppression_entry_as_read(tmp_path, monkeypatch):
    import datetime

    from tfdind_lint.node import Span

    config = """\
suppress:
  - rules: [TDL401, privileged-sidecar-unacknowledged]
    reason: "  migrating  "
    until: 2027-02-28
    files: [legacy/**]
    subjects: [docker_container.*]
  - rules: [TDL402]
    reason: everywhere
"""
    write_tree(tmp_path, {".tfdind-lint.yaml": config, "team/.tfdind-lint.yaml": "fail-on: error\n"})
    monkeypatch.chdir(tmp_path)
    first, second = Configuration(["."]).suppressions()
    assert (first.kind, first.rules, first.reason, first.span, first.until, first.subjects) == (
        "config", ("TDL401",), "migrating", Span(".tfdind-lint.yaml", 2, 5, 2, 6), datetime.date(2027, 2, 28),
        ("docker_container.*",))
    assert (second.rules, second.until, second.subjects, second.span.line) == (("TDL402",), None, (), 7)
    assert [first.paths(p) for p in ("legacy/main.tf", "main.tf", "team/legacy/main.tf")] == [True, False, False]
    assert [second.paths(p) for p in ("legacy/main.tf", "main.tf", "team/main.tf")] == [True, True, False]


def test_a_prefix_that_names_only_rules_disabled_by_default_is_valid(tmp_path, monkeypatch):
    policy = (TESTS / "custom" / "policies" / "ACME001-no-latest-images.yaml").read_text() + "enabled: false\n"
    write_tree(tmp_path, {".tfdind-lint.yaml": "policies: p\nextend-select: [ACME]\n", "p/one.yaml": policy})
    monkeypatch.chdir(tmp_path)
    assert "ACME001" not in Configuration(["."]).rules("main.tf").enabled  # a prefix selects enabled rules only


def test_a_fix_selector_that_names_only_rules_disabled_by_default_is_valid(tmp_path, monkeypatch):
    policy = (TESTS / "custom" / "policies" / "ACME001-no-latest-images.yaml").read_text() + "enabled: false\n"
    write_tree(tmp_path, {"p/one.yaml": policy})
    monkeypatch.chdir(tmp_path)
    configuration = Configuration(["."], policy_dirs=("p",))
    assert configuration.fix_selection(fixable=["ACME"]).fixable == {"ACME001"}
    configuration.check_fix_selection()  # no error
