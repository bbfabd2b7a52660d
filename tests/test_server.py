"""The language server's parts in this process: positions, the acknowledge action, the engine, the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from tfdind_lint import cli
from tfdind_lint.server.actions import acknowledge, inside_string
from tfdind_lint.server.engine import Engine, is_configuration, problem
from tfdind_lint.server.positions import position, text_lines, units

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SERVER = [sys.executable, "-m", "tfdind_lint", "server"]


# positions --------------------------------------------------------------------------------------
def test_columns_count_utf16_code_units_utf8_bytes_or_characters():
    lines = text_lines("a = \"é🐳x\"\n")
    # our column 8 is the `x` (1-based characters: a,space,=,space,",é,🐳,x)
    assert position(lines, 1, 8, "utf-16") == (0, 8)  # 🐳 is a surrogate pair
    assert position(lines, 1, 8, "utf-8") == (0, 11)  # é two bytes, 🐳 four
    assert position(lines, 1, 8, "utf-32") == (0, 7)
    assert units("abc", "utf-16") == 3


def test_lines_break_as_the_readers_break_them_and_positions_clamp():
    lines = text_lines("\ufeffa\r\nb\rc\n")
    assert lines == ["a", "b", "c", ""]
    assert position(lines, 3, 2) == (2, 1)
    assert position(lines, 9, 1) == (3, 0)  # past the end: the end of the last line
    assert position(None, 2, 3) == (1, 2)


# the acknowledge action -------------------------------------------------------------------------
def test_acknowledge_goes_above_the_line_indented_like_it():
    lines = ['resource "docker_container" "dind" {', "  privileged = true", "}"]
    [action] = acknowledge("TDL401", 1, 0, lines, "/x/main.tf")
    assert (action.line, action.text) == (1, "  # tfdind-lint: ignore[TDL401] -- \n")
    assert action.text[:action.cursor] == "  # tfdind-lint: ignore[TDL401] -- "


def test_acknowledge_inside_a_heredoc_goes_above_the_object_and_json_gets_none():
    lines = ['resource "coder_agent" "main" {', "  startup_script = <<-EOT", "    docker run --privileged x", "  EOT",
             "}"]
    assert inside_string(lines, 2, yaml=False) and not inside_string(lines, 4, yaml=False)
    [action] = acknowledge("TDL410", 2, 0, lines, "/x/main.tf")
    assert action.line == 0 and action.text.startswith("# tfdind-lint: ignore[TDL410] -- ")
    assert acknowledge("TDL410", 2, None, lines, "/x/main.tf") == []  # no object line known: nothing safe to offer
    assert acknowledge("TDL401", 1, 0, lines, "/x/main.tf.json") == []
    assert acknowledge("TDL000", 1, 0, lines, "/x/main.tf") == []  # a syntax error is fixed, not acknowledged


def test_acknowledge_inside_a_yaml_block_scalar_goes_above_the_object():
    lines = ["apiVersion: v1", "kind: Pod", "spec:", "  containers:", "    - name: a", "      args:",
             "        - |", "          dockerd -H tcp://0.0.0.0:2375", "      image: docker:dind"]
    assert inside_string(lines, 7, yaml=True) and not inside_string(lines, 8, yaml=True)
    [action] = acknowledge("TDL402", 7, 0, lines, "/x/pod.yaml")
    assert action.line == 0
    [action] = acknowledge("TDL402", 8, 0, lines, "/x/pod.yml")
    assert (action.line, action.text) == (8, "      # tfdind-lint: ignore[TDL402] -- \n")


# the engine -------------------------------------------------------------------------------------
DIND = 'resource "docker_container" "dind" {\n  image      = "docker:dind"\n  privileged = true\n' \
       '  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]\n}\n'


def rules(outcome, path) -> list[tuple[str, int]]:
    return sorted((f.rule, f.span.line) for f in outcome.findings[path])


def test_buffers_stand_for_files_and_new_files_join_their_module(tmp_path):
    (tmp_path / "main.tf").write_text(DIND)
    engine = Engine([str(tmp_path)])
    main = str(tmp_path / "main.tf")
    assert ("TDL402", 4) in rules(engine.lint(main), main)
    engine.buffers[main] = DIND.replace("tcp://0.0.0.0:2375", "unix:///var/run/docker.sock")
    assert "TDL402" not in {rule for rule, _ in rules(engine.lint(main), main)}
    assert (tmp_path / "main.tf").read_text() == DIND  # the disk is never written
    extra = str(tmp_path / "extra.tf")  # an unsaved new file: linted with its module, both reported
    engine.buffers[extra] = 'variable "unused" {}\n'
    outcome = engine.lint(extra)
    assert set(outcome.findings) == {main, extra}
    assert rules(outcome, extra) == [("TDL008", 1)]


def test_suppressions_configuration_and_baseline_apply_as_on_the_command_line(tmp_path):
    (tmp_path / "main.tf").write_text(DIND)
    main = str(tmp_path / "main.tf")
    command_line = json.loads(subprocess.run([sys.executable, "-m", "tfdind_lint", "--no-cache", "--format", "json",
                                              main], capture_output=True, text=True, env=ENV, check=False).stdout)
    expected = sorted((f["rule"], f["line"]) for f in command_line["findings"])
    assert ("TDL402", 4) in expected
    assert rules(Engine([str(tmp_path)]).lint(main), main) == expected
    subprocess.run([sys.executable, "-m", "tfdind_lint", "--no-cache", "--write-baseline", str(tmp_path)],
                   capture_output=True, env=ENV, check=True, cwd=tmp_path)
    (tmp_path / ".tfdind-lint.yaml").write_text("ignore: [TDL407]\n")
    assert rules(Engine([str(tmp_path)]).lint(main), main) == []  # the baseline (found next to the config) holds all
    engine = Engine([str(tmp_path)])
    engine.buffers[main] = DIND.replace("  privileged = true\n", "  privileged = true\n  memory = 512\n")
    assert rules(engine.lint(main), main) == []  # lines moved: baseline entries still match


def test_a_broken_configuration_is_a_located_problem_not_an_exception(tmp_path):
    (tmp_path / "main.tf").write_text(DIND)
    (tmp_path / ".tfdind-lint.yaml").write_text("ignore: [TDL407]\nselect: 12\n")
    outcome = Engine([str(tmp_path)]).lint(str(tmp_path / "main.tf"))
    assert outcome.findings == {}
    [found] = outcome.problems
    assert (found.path, found.line) == (str(tmp_path / ".tfdind-lint.yaml"), 2)
    assert problem("something odd", str(tmp_path)).path == str(tmp_path / ".tfdind-lint.yaml")
    assert is_configuration("/a/pyproject.toml") and is_configuration("/a/.tfdind-lint.yml")
    assert not is_configuration("/a/main.tf")


def test_an_excluded_file_gets_no_diagnostics(tmp_path):
    (tmp_path / "gen").mkdir()
    (tmp_path / "gen" / "main.tf").write_text(DIND)
    (tmp_path / ".tfdind-lint.yaml").write_text("exclude: [gen/]\n")
    path = str(tmp_path / "gen" / "main.tf")
    assert Engine([str(tmp_path)]).lint(path).findings == {path: []}


# the protocol side, in this process -------------------------------------------------------------
def test_an_error_outside_the_pipeline_is_a_tdl999_diagnostic_and_the_server_goes_on(tmp_path, monkeypatch):
    pytest.importorskip("pygls")
    from tfdind_lint.server.protocol import TfdindLanguageServer

    server = TfdindLanguageServer()
    sent = []
    monkeypatch.setattr(server, "text_document_publish_diagnostics", sent.append)
    monkeypatch.setattr(server, "window_log_message", lambda params: None)
    monkeypatch.setattr(type(server), "workspace", property(lambda self: _NoDocuments()))
    path = str(tmp_path / "main.tf")
    server.engine.buffers[path] = DIND

    def broken(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(server.engine, "lint", broken)
    server.lint(path)
    [params] = sent
    assert [(d.code, d.range.start.line) for d in params.diagnostics] == [("TDL999", 0)]
    assert "RuntimeError: boom" in params.diagnostics[0].message


class _NoDocuments:
    text_documents: dict = {}


def test_diagnostic_links_to_the_rule_only_when_the_metadata_names_the_documentation(monkeypatch):
    pytest.importorskip("pygls")
    from tfdind_lint.finding import Finding, Related, Severity
    from tfdind_lint.formats import links
    from tfdind_lint.node import Span
    from tfdind_lint.server.protocol import TfdindLanguageServer

    server = TfdindLanguageServer()
    finding = Finding(Span("/nowhere/main.tf", 3, 3, 3, 20), "TDL401", "privileged-sidecar-unacknowledged",
                      Severity.WARNING, "message", hint="hint",
                      related=(Related(Span("/nowhere/other.tf", 1, 1, 1, 5), "there"),))
    monkeypatch.setattr(links, "project_urls", lambda: {})
    diagnostic = server.diagnostic(finding, {})
    assert diagnostic.code_description is None and diagnostic.message == "message\nhint"
    assert diagnostic.related_information[0].location.uri == "file:///nowhere/other.tf"
    monkeypatch.setattr(links, "project_urls", lambda: {"documentation": "https://example.org/docs"})
    assert server.diagnostic(finding, {}).code_description.href == \
        "https://example.org/docs/rules.md#tdl401-privileged-sidecar-unacknowledged"


# the command ------------------------------------------------------------------------------------
def test_server_without_the_extra_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls raises ImportError
    assert cli.main(["server"]) == 2
    assert "pip install 'tfdind-lint[lsp]'" in capsys.readouterr().err


def test_malformed_messages_on_stdio_are_survived(tmp_path):
    """Bytes that are not JSON-RPC, then a real request: the server answers it and exits when told."""
    pytest.importorskip("pygls")

    def message(payload: dict) -> bytes:
        body = json.dumps(payload).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    garbage = b"Content-Length: 9\r\n\r\n{not json" + message({"jsonrpc": "2.0", "method": "nonsense", "params": 7})
    # a request whose params do not fit its method is answered with an error, not left waiting
    garbage += message({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}, "clientInfo": {}}})
    request = message({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
    bye = message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + message({"jsonrpc": "2.0", "method": "exit"})
    result = subprocess.run(SERVER, input=garbage + request + bye, capture_output=True, env=ENV, timeout=60, check=False)
    replies = [json.loads(part.split(b"\r\n\r\n", 1)[1]) for part in result.stdout.split(b"Content-Length")[1:]]
    answered = {r["id"]: r for r in replies if "id" in r}
    assert answered[0]["error"]["code"] == -32602  # Invalid params
    assert answered[1]["result"]["serverInfo"]["name"] == "tfdind-lint"
    assert answered[1]["result"]["capabilities"]["hoverProvider"]
    assert result.returncode == 0


def test_without_snippet_edits_the_action_inserts_text_and_a_command_places_the_cursor(monkeypatch):
    types = pytest.importorskip("lsprotocol.types")
    from tfdind_lint.server import actions
    from tfdind_lint.server.protocol import PLACE_CURSOR, TfdindLanguageServer, _code_action

    server = TfdindLanguageServer()
    monkeypatch.setattr(type(server), "workspace", property(lambda self: _NoDocuments()))
    server.protocol.client_capabilities = types.ClientCapabilities(
        window=types.WindowClientCapabilities(show_document=types.ShowDocumentClientCapabilities(support=True)))
    [action] = actions.acknowledge("TDL401", 1, 0, ["x {", "  é = true", "}"], "/x/main.tf")
    diagnostic = types.Diagnostic(range=types.Range(types.Position(1, 2), types.Position(1, 10)), message="m")
    code_action = _code_action(server, "file:///x/main.tf", action, diagnostic)
    [edit] = code_action.edit.changes["file:///x/main.tf"]
    assert edit.new_text == "  # tfdind-lint: ignore[TDL401] -- \n" and edit.range.start == types.Position(1, 0)
    assert code_action.command.command == PLACE_CURSOR
    assert code_action.command.arguments == ["file:///x/main.tf", 1, len("  # tfdind-lint: ignore[TDL401] -- ")]
    server.protocol.client_capabilities = types.ClientCapabilities()  # neither: the edit alone
    assert _code_action(server, "file:///x/main.tf", action, diagnostic).command is None


def test_kept_trees_give_the_same_findings_as_parsing_again():
    """Every Terraform fixture and example, linted with trees kept from an earlier run: the same report."""
    from tfdind_lint.linter import lint
    from tfdind_lint.pieces import keeping_trees

    def report(paths):
        return [(f.span, f.rule, f.message, f.related, f.suppressed) for f in lint(paths).findings]

    paths = [str(p) for p in sorted((ROOT / "tests" / "policies").iterdir())] + [str(ROOT / "examples")]
    fresh = report(paths)
    memo: dict = {}
    with keeping_trees(memo):
        assert report(paths) == fresh
        kept = dict(memo)
        assert len(kept) > 50
        assert report(paths) == fresh  # every tree from the memo this time
    assert all(memo[path][2] is kept[path][2] for path in kept)  # reused, not parsed again


def test_a_burst_of_changes_is_linted_at_its_first_change_and_once_it_pauses(monkeypatch):
    pytest.importorskip("pygls")
    import asyncio

    from tfdind_lint.server.protocol import TfdindLanguageServer

    server = TfdindLanguageServer()
    server.debounce = 0.05
    linted = []
    monkeypatch.setattr(server.engine, "lint", lambda path: linted.append(path) or _Empty())

    async def burst():
        for _ in range(5):  # five changes 5 ms apart: the first at once, the other four as one, 50 ms later
            server.schedule("/x/main.tf")
            await asyncio.sleep(0.005)
        assert linted == ["/x/main.tf"]
        await asyncio.sleep(0.2)
        assert linted == ["/x/main.tf", "/x/main.tf"]
        server.schedule("/x/main.tf")  # after a pause: at once again
        assert len(linted) == 3

    asyncio.run(burst())


class _Empty:
    findings: dict = {}
    problems: list = []
    broken: set = set()
    folder = ""
