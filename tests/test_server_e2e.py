"""`tfdind-lint server` end to end: the real server in a subprocess, driven by pytest-lsp's LSP client."""

from __future__ import annotations

import asyncio
import json
import os
import sys

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="the e2e tests need pytest-lsp (the test extra)")
types = pytest.importorskip("lsprotocol.types")

from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from conftest import ROOT  # noqa: E402
from tfdind_lint.formats.links import rule_url  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="function")

SERVER = [sys.executable, "-m", "tfdind_lint", "server"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

MAIN = """\
terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    docker = { source = "kreuzwerker/docker" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "dind" {
  count      = data.coder_workspace.me.start_count
  image      = "docker:dind"
  privileged = true
  name       = "dind-${var.suffix}"
  entrypoint = ["dockerd", "--label=🐳é", "-H", "tcp://0.0.0.0:2375"]
}
"""
VARIABLES = 'variable "suffix" {\n  type = string\n}\n'
WORKSPACE = """\
resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "codercom/enterprise-base:ubuntu"
  name       = "ws-${var.suffix}"
  entrypoint = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=${coder_agent.main.token}",
    "DOCKER_HOST=tcp://dind-${var.suffix}:2376",
  ]
}
"""

CAPABILITIES = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True, snippet_edit_support=True)),
    window=types.WindowClientCapabilities(show_document=types.ShowDocumentClientCapabilities(support=True)),
    general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]),
)


def _range(a, b, c, d):
    return types.Range(types.Position(a, b), types.Position(c, d))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient, tmp_path):
    (tmp_path / "main.tf").write_text(MAIN, encoding="utf-8")
    (tmp_path / "variables.tf").write_text(VARIABLES, encoding="utf-8")
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=CAPABILITIES, workspace_folders=[types.WorkspaceFolder(tmp_path.as_uri(), "templates")],
        initialization_options={"debounce": 0}))
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str, condition=lambda diagnostics: True, timeout: float = 20):
    """The diagnostics of ``uri`` once a publication for it satisfies ``condition``."""
    async def wait():
        while True:
            diagnostics = client.diagnostics.get(uri)
            if diagnostics is not None and condition(diagnostics):
                return diagnostics
            await asyncio.sleep(0.01)
    return await asyncio.wait_for(wait(), timeout)


def open_document(client: LanguageClient, path, text: str, language: str = "terraform", version: int = 1) -> str:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, version, text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, edits) -> None:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangePartial(range=r, text=t) for r, t in edits]))


def summary(diagnostics) -> list[tuple]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                  for d in diagnostics)


async def test_diagnostics_exact_then_updated_after_an_edit(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    diagnostics = await published(client, uri)
    # line 20 holds 🐳 (two UTF-16 code units) before the address: columns move by one from there on
    assert summary(diagnostics) == [("TDL009", 9, 0, 9, 29), ("TDL401", 17, 2, 17, 19), ("TDL402", 19, 48, 19, 68),
                                    ("TDL407", 19, 2, 19, 69)]
    by_code = {d.code: d for d in diagnostics}
    assert by_code["TDL402"].severity == types.DiagnosticSeverity.Error
    assert by_code["TDL401"].severity == types.DiagnosticSeverity.Warning
    assert by_code["TDL402"].message.startswith("The Docker daemon listens on `tcp://0.0.0.0:2375` without `--tlsverify`")
    assert {d.source for d in diagnostics} == {"tfdind-lint"}
    url = rule_url("TDL402", "dind-tcp-without-tls")  # a link only when the installed metadata names the docs
    assert (by_code["TDL402"].code_description.href if by_code["TDL402"].code_description else None) == url
    # the buffer, not the disk: fix the listening address (never saved)
    change(client, uri, 2, [(_range(19, 49, 19, 67), "tcp://127.0.0.1:2375")])
    diagnostics = await published(client, uri)
    assert summary(diagnostics) == [("TDL009", 9, 0, 9, 29), ("TDL401", 17, 2, 17, 19), ("TDL402", 19, 48, 19, 70),
                                    ("TDL407", 19, 2, 19, 71)]
    tdl402 = next(d for d in diagnostics if d.code == "TDL402")  # loopback only: a note now
    assert tdl402.severity == types.DiagnosticSeverity.Information and "`tcp://127.0.0.1:2375`" in tdl402.message
    change(client, uri, 3, [(_range(19, 49, 19, 69), "unix:///var/run/docker.sock")])
    assert "TDL402" not in {d.code for d in await published(client, uri)}
    assert (tmp_path / "main.tf").read_text(encoding="utf-8") == MAIN


async def test_an_unsaved_sibling_refreshes_the_module_and_brings_related_locations(client: LanguageClient, tmp_path):
    main = open_document(client, tmp_path / "main.tf", MAIN)
    assert "TDL009" in {d.code for d in await published(client, main)}
    workspace = open_document(client, tmp_path / "workspace.tf", WORKSPACE)  # not on disk at all
    diagnostics = await published(client, workspace)
    assert summary(diagnostics) == [("TDL404", 7, 4, 7, 47), ("TDL405", 7, 4, 7, 47)]
    related = {d.code: d.related_information for d in diagnostics}
    assert [(r.location.uri, r.location.range, r.message) for r in related["TDL404"]] == [
        (main, _range(19, 48, 19, 68), "the Docker daemon listens on `tcp://0.0.0.0:2375`")]
    # the sibling runs the agent's init script: main.tf's TDL009 is gone without main.tf changing
    assert "TDL009" not in {d.code for d in await published(client, main, lambda ds: "TDL009" not in {d.code for d in ds})}

    # half-typed input: one TDL000 at its place, main.tf keeps its last diagnostics
    client.diagnostics.pop(main, None)
    change(client, workspace, 2, [(_range(9, 0, 9, 1), "resource \"x\" {\n")])
    diagnostics = await published(client, workspace)
    assert [d.code for d in diagnostics if d.code == "TDL000"] == ["TDL000"]
    assert await asyncio.sleep(0.3) is None and main not in client.diagnostics


async def test_acknowledge_action_inserts_the_comment_with_a_snippet_cursor(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    diagnostics = await published(client, uri)
    tdl401 = next(d for d in diagnostics if d.code == "TDL401")
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), tdl401.range, types.CodeActionContext([tdl401])))
    assert [a.title for a in result] == ["Acknowledge TDL401 with a reason (suppression comment)"]
    edit = result[0].edit.document_changes[0].edits[0]
    assert edit.range == _range(17, 0, 17, 0)
    assert edit.snippet.value == "  # tfdind-lint: ignore[TDL401] -- $0\n"
    # the user writes the reason: the finding is acknowledged
    change(client, uri, 2, [(edit.range, "  # tfdind-lint: ignore[TDL401] -- lab cluster, Sysbox in Q3\n")])
    diagnostics = await published(client, uri)
    assert "TDL401" not in {d.code for d in diagnostics}
    assert ("TDL402", 20, 48, 20, 68) in summary(diagnostics)


async def test_a_finding_with_a_fix_offers_it_as_the_preferred_quick_fix_and_fix_all(client: LanguageClient,
                                                                                    tmp_path):
    text = MAIN.replace('"tcp://0.0.0.0:2375"]', '"tcp://0.0.0.0:2375"]\n  env        = ["DOCKER_HOST=dind:2375"]')
    uri = open_document(client, tmp_path / "main.tf", text)
    diagnostics = await published(client, uri)
    tdl403 = next(d for d in diagnostics if d.code == "TDL403")
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), tdl403.range, types.CodeActionContext([tdl403])))
    assert [(a.title, a.kind, a.is_preferred) for a in result][0] == (
        "Fix TDL403: Prepend tcp://", types.CodeActionKind.QuickFix, True)
    [edit] = result[0].edit.changes[uri]
    assert (edit.range, edit.new_text) == (_range(20, 29, 20, 29), "tcp://")  # before `dind:2375`
    everything = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), _range(0, 0, 0, 0), types.CodeActionContext([], only=["source.fixAll"])))
    [fix_all] = everything
    assert fix_all.kind == "source.fixAll.tfdind-lint"
    assert fix_all.edit.changes[uri][0].new_text == text.replace("DOCKER_HOST=dind", "DOCKER_HOST=tcp://dind").replace(
        '  entrypoint = ["dockerd"', '  command    = ["dockerd"')  # TDL403's and TDL407's fixes
    # the client applies the quick fix: the finding goes
    change(client, uri, 2, [(edit.range, edit.new_text)])
    diagnostics = await published(client, uri, lambda ds: "TDL403" not in {d.code for d in ds})
    assert "TDL403" not in {d.code for d in diagnostics}


async def test_the_place_cursor_command_shows_the_document_with_the_cursor_after_the_comment(client: LanguageClient,
                                                                                              tmp_path):
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    await published(client, uri)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="tfdind-lint.placeCursor", arguments=[uri, 17, 35]))
    [shown] = client.shown_documents
    assert (shown.uri, shown.selection, shown.take_focus) == (uri, _range(17, 35, 17, 35), True)


async def test_hover_shows_the_rule_documentation(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    await published(client, uri)
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                     types.Position(19, 55)))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**TDL402** The Docker daemon listens on")
    assert "(TDL402)\n" in hover.contents.value and "Why is this bad?" in hover.contents.value
    assert hover.range == _range(19, 48, 19, 68)
    nothing = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                       types.Position(0, 0)))
    assert nothing is None


async def test_configuration_change_is_reloaded_and_a_broken_one_is_shown(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    assert "TDL407" in {d.code for d in await published(client, uri)}
    config = tmp_path / ".tfdind-lint.yaml"
    config.write_text("ignore: [TDL407]\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(config.as_uri(), types.FileChangeType.Created)]))
    assert "TDL407" not in {d.code for d in await published(client, uri)}

    config.write_text("ignore: [TDL407]\nselect: 12\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
    problems = await published(client, config.as_uri())
    assert len(problems) == 1 and problems[0].range.start.line == 1 and "select" in problems[0].message
    assert problems[0].severity == types.DiagnosticSeverity.Error

    config.write_text("ignore: [TDL401]\n", encoding="utf-8")  # fixed: the problem is cleared, the new one applies
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
    assert list(await published(client, config.as_uri(), lambda ds: not ds)) == []
    codes = {d.code for d in await published(client, uri)}
    assert "TDL407" in codes and "TDL401" not in codes


async def test_a_configuration_saved_in_the_editor_is_read_again(client: LanguageClient, tmp_path):
    """Clients without file watchers: saving the configuration in the editor reloads it."""
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    assert "TDL009" in {d.code for d in await published(client, uri)}
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.tfdind-lint]\nignore = ["TDL009"]\n', encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri())))
    assert "TDL009" not in {d.code for d in await published(client, uri)}


async def test_tf_json_and_kubernetes_yaml(client: LanguageClient, tmp_path):
    pod = (ROOT / "tests/policies/TDL401/yaml/workspace-pod.yaml").read_text(encoding="utf-8")
    uri = open_document(client, tmp_path / "pod.yaml", pod, "yaml")
    diagnostics = await published(client, uri)
    tdl401 = next(d for d in diagnostics if d.code == "TDL401")
    assert tdl401.range.start.line == 12
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), tdl401.range, types.CodeActionContext([tdl401])))
    action = next(a for a in result if "TDL401" in a.title)
    assert action.edit.document_changes[0].edits[0].snippet.value == "        # tfdind-lint: ignore[TDL401] -- $0\n"

    document = {"resource": {"docker_container": {"dind": {"image": "docker:dind", "privileged": True,
                                                           "entrypoint": ["dockerd", "-H", "tcp://0.0.0.0:2375"]}}}}
    uri = open_document(client, tmp_path / "dind" / "main.tf.json", json.dumps(document, indent=2), "json")
    diagnostics = await published(client, uri)
    assert "TDL402" in {d.code for d in diagnostics}
    tdl402 = next(d for d in diagnostics if d.code == "TDL402")
    result = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), tdl402.range, types.CodeActionContext([tdl402])))
    assert not result  # JSON holds no comments: nothing to acknowledge with


async def test_garbage_never_stops_the_server(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "junk" / "junk.tf", "\x00\x01\ufffd}}}{{{ resource \"\n")
    assert [d.code for d in await published(client, uri)] == ["TDL000"]
    yaml = open_document(client, tmp_path / "junk" / "junk.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n", "yaml")
    assert [d.code for d in await published(client, yaml)] == ["TDL000"]
    with pytest.raises(Exception):  # noqa: B017  (an unknown method is an error response, not a crash)
        await client.protocol.send_request_async("tfdind/noSuchMethod", {"x": 1})
    # still serving
    uri = open_document(client, tmp_path / "main.tf", MAIN)
    assert len(await published(client, uri)) == 4


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def watching_client(lsp_client: LanguageClient, tmp_path):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    capabilities = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities, workspace_folders=[types.WorkspaceFolder(tmp_path.as_uri(), "templates")]))
    yield
    await lsp_client.shutdown_session()


async def test_the_server_asks_to_watch_configurations_and_templates(watching_client: LanguageClient):
    async def registered():
        while not watching_client.registrations:
            await asyncio.sleep(0.01)
    await asyncio.wait_for(registered(), 20)
    [registration] = watching_client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    patterns = [w["globPattern"] if isinstance(w, dict) else w.glob_pattern
                for w in (registration.register_options["watchers"] if isinstance(registration.register_options, dict)
                          else registration.register_options.watchers)]
    assert patterns == ["**/.tfdind-lint.yaml", "**/.tfdind-lint.yml", "**/pyproject.toml", "**/*baseline.json",
                        "**/*.tf", "**/*.tf.json"]
