"""rules/devcontainer/: where a template uses the Dev Containers integration, for which agent; the fixes' titles."""

from __future__ import annotations

from tfdind_lint.context import Unit
from tfdind_lint.module import Module
from tfdind_lint.rules.devcontainer.helpers import uses
from tfdind_lint.sources import terraform
from tfdind_lint.workload import from_module


def unit_of(tmp_path, text: str) -> Unit:
    path = tmp_path / "main.tf"
    path.write_text(text)
    module = Module.build(str(tmp_path), [terraform.parse_file(str(path), path.read_bytes())])
    return Unit(str(tmp_path), module=module, workloads=from_module(module))


def test_a_data_block_and_a_module_without_a_source_are_no_uses(tmp_path):
    unit = unit_of(tmp_path, """
data "coder_devcontainer" "listed" {
  agent_id = coder_agent.main.id
}

resource "coder_devcontainer" "repo" {
  agent_id = coder_agent.main.id
}

module "broken" {
  agent_id = coder_agent.main.id
}

module "devcontainers-cli" {
  source   = "registry.coder.com/coder/devcontainers-cli/coder"
  agent_id = coder_agent.main.id
}
""")
    found = [(u.kind, u.agent, u.subject, u.span.line) for u in uses(unit)]
    assert found == [("resource", "main", "coder_devcontainer.repo", 7),
                     ("module", "main", "module.devcontainers-cli", 16)]


def test_autostart_names_the_agent_the_container_runs(tmp_path):
    unit = unit_of(tmp_path, """
resource "coder_agent" "main" {
  os = "linux"
}

resource "docker_container" "logs" {
  image = "fluent/fluent-bit:3.0"
  env   = ["CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=yes"]
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE=true"]
}
""")
    found = [(u.kind, u.agent, u.subject, u.attribute, u.span.line, u.container.display_name) for u in uses(unit)]
    assert found == [("autostart", "main", "docker_container.workspace",
                      "env.CODER_AGENT_DEVCONTAINERS_DISCOVERY_AUTOSTART_ENABLE", 14, "docker_container.workspace")]


def fixes_of(case, rule, tmp_path):
    """The title and safety of each fix of ``rule`` on a fix fixture (copied: a fixture directory is no module)."""
    import shutil

    from conftest import TESTS
    from tfdind_lint.linter import Settings, lint

    tmp_path.mkdir()
    shutil.copyfile(TESTS / "fixes" / rule / case, tmp_path / case)
    return [(f.fix.title, f.fix.safe) for f in lint([str(tmp_path)], Settings(enabled={rule})).active
            if f.rule == rule and f.fix is not None]


def test_the_fixes_say_what_they_do(tmp_path):
    assert fixes_of("docker.tf", "TDL603", tmp_path / "a") == [("Remove CODER_AGENT_DEVCONTAINERS_ENABLE", False)]
    assert fixes_of("docker_sidecar.tf", "TDL605", tmp_path / "b") == [
        ("Mount /home/coder in `docker_container.dind` too", False)]


def test_no_fix_where_the_variable_is_not_an_entry_of_its_own(in_root):
    """An export in a script, a dynamic block, a kubernetes_manifest's object, an env entry that turns it on."""
    from conftest import ROOT, TESTS
    from tfdind_lint.linter import Settings, lint

    policies = TESTS / "policies/TDL603"
    cases = ["agent_export", "disabled_by_export", "dynamic_env", "export_overrides", "manifest", "yaml/export.yaml"]
    found = lint([str((policies / case).relative_to(ROOT)) for case in cases], Settings(enabled={"TDL603"})).active
    assert [(f.span.path.rsplit("TDL603/", 1)[1], f.fix) for f in found] == [
        ("agent_export/main.tf", None), ("disabled_by_export/main.tf", None), ("dynamic_env/main.tf", None),
        ("export_overrides/main.tf", None), ("manifest/main.tf", None), ("yaml/export.yaml", None)]


def test_no_mount_fix_where_a_copied_block_would_not_share_the_folder(in_root):
    """A sub-path, the sidecar in another file, a tmpfs, a dynamic block, a comment on the block's closing line,
    a sidecar that already mounts something else at the path."""
    from conftest import ROOT, TESTS
    from tfdind_lint.linter import Settings, lint

    cases = ["no_fix_sub_path", "no_fix_two_files", "no_fix_tmpfs", "no_fix_dynamic", "no_fix_trailing_comment",
             "bad_pvc_vs_empty_dir"]
    paths = [str((TESTS / "policies/TDL605" / case).relative_to(ROOT)) for case in cases]
    found = lint(paths, Settings(enabled={"TDL605"})).active
    assert sorted((f.span.path.rsplit("TDL605/", 1)[1], f.fix) for f in found) == sorted(
        (f"{case}/main.tf", None) for case in cases)
