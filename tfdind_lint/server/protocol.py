"""The Language Server Protocol side (pygls 2): documents in, diagnostics, code actions and hovers out.

Linting runs in the event loop, one file at a time: an open or a save is linted at once, and
so is the first change after ``debounce`` seconds without a lint of the file; changes that
follow closer are linted once they pause for ``debounce`` seconds (a burst is linted twice,
not once per change).  Nothing a buffer holds can stop the server: the pipeline turns unreadable input
into TDL000 and a failing check into TDL999, and anything else that escapes is logged and
shown as a TDL999 diagnostic on the file.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..discover import display_path, is_terraform
from ..finding import Finding, Severity
from ..formats.links import rule_url
from . import actions
from .engine import Engine, Outcome, is_configuration, is_linted
from .positions import position, text_lines, units

log = logging.getLogger("tfdind-lint.server")

SOURCE = "tfdind-lint"
#: seconds without a change before a buffer is linted (``initializationOptions.debounce``, in milliseconds)
DEBOUNCE = 0.02
PLACE_CURSOR = "tfdind-lint.placeCursor"

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.NOTE: types.DiagnosticSeverity.Information}


class _Protocol(LanguageServerProtocol):
    """pygls logs a request whose params it cannot read and drops it; JSON-RPC wants an error answer, or the
    client waits for ever (an ``initialize`` with ``clientInfo: {}`` did)."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data.get("id"), (int, str)) and "method" in data:
                self._send_response(data["id"], error=error.to_response_error())
            raise


class TfdindLanguageServer(LanguageServer):
    def __init__(self):
        super().__init__("tfdind-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.engine = Engine()
        self.debounce = DEBOUNCE
        #: path -> the diagnostics last published for it, each with its finding (None for one of ours, TDL999)
        self.published: dict[str, list[tuple[types.Diagnostic, Finding | None]]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.linted: dict[str, float] = {}  # path -> when its last lint started (time.monotonic)
        self.config_shown: dict[str, set[str]] = {}  # workspace folder -> its configuration files showing a problem

    # helpers ----------------------------------------------------------------------------------
    def encoding(self) -> str:
        chosen = self.workspace.position_encoding if self.protocol._workspace is not None else None
        value = getattr(chosen, "value", chosen) or "utf-16"
        return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def lines_of(self, path: str, cache: dict) -> list[str] | None:
        if path not in cache:
            text = self.engine.buffers.get(path)
            if text is None:
                try:
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        text = handle.read()
                except OSError:
                    text = None
            cache[path] = text_lines(text) if text is not None else None
        return cache[path]

    def range_of(self, span, cache: dict) -> types.Range:
        lines = self.lines_of(os.path.abspath(span.path), cache)
        encoding = self.encoding()
        start = position(lines, span.line, span.column, encoding)
        end = position(lines, span.end_line, span.end_column, encoding)
        return types.Range(types.Position(*start), types.Position(*end))

    def diagnostic(self, finding: Finding, cache: dict) -> types.Diagnostic:
        url = rule_url(finding.rule, finding.name)
        related = [types.DiagnosticRelatedInformation(
            types.Location(from_fs_path(os.path.abspath(r.span.path)), self.range_of(r.span, cache)), r.message)
            for r in finding.related]
        message = finding.message + (f"\n{finding.hint}" if finding.hint else "")
        return types.Diagnostic(
            range=self.range_of(finding.span, cache), message=message, severity=_SEVERITY[finding.severity],
            code=finding.rule, code_description=types.CodeDescription(href=url) if url else None, source=SOURCE,
            related_information=related or None,
            tags=[types.DiagnosticTag.Unnecessary] if finding.rule == "TDL901" else None,
            data={"rule": finding.rule, "name": finding.name})

    def publish(self, path: str, findings: list[Finding]) -> None:
        cache: dict = {}
        entries = [(self.diagnostic(f, cache), f) for f in findings]
        self.send(path, entries)

    def send(self, path: str, entries) -> None:
        self.published[path] = entries
        document = self.workspace.text_documents.get(from_fs_path(path))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=from_fs_path(path), diagnostics=[d for d, _ in entries],
            version=document.version if document is not None else None))

    # linting ----------------------------------------------------------------------------------
    def schedule(self, path: str) -> None:
        """Lint a changed buffer: at once after a quiet spell, else once the burst of changes pauses."""
        loop = asyncio.get_running_loop()
        handle = self.pending.pop(path, None)
        if handle is not None:
            handle.cancel()
        elif time.monotonic() - self.linted.get(path, float("-inf")) >= self.debounce:
            self.lint(path)  # the first change after a pause: no wait (one keystroke, one lint)
            return
        self.pending[path] = loop.call_later(self.debounce, self.lint, path)

    def lint(self, path: str) -> None:
        handle = self.pending.pop(path, None)
        if handle is not None:
            handle.cancel()
        self.linted[path] = time.monotonic()
        try:
            outcome = self.engine.lint(path)
        except Exception as exc:
            log.exception("linting %s failed", path)
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"tfdind-lint: linting {path} "
                                                           f"failed: {type(exc).__name__}: {exc}"))
            diagnostic = types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 1)), severity=types.DiagnosticSeverity.Error,
                code="TDL999", source=SOURCE, message=f"Internal error while linting this file: {type(exc).__name__}: "
                f"{exc}. Other files are unaffected. Please report this bug")
            self.send(path, [(diagnostic, None)])
            return
        self.show_problems(outcome)
        for file, findings in outcome.findings.items():
            if file not in self.engine.buffers:
                continue  # diagnostics are published for open documents
            if outcome.broken and file != path and file not in outcome.broken:
                continue  # a sibling does not parse: keep this file's last diagnostics until it does
            self.publish(file, findings)

    def show_problems(self, outcome: Outcome) -> None:
        """Configuration problems as diagnostics on their files; cleared once a lint of the folder runs."""
        shown = self.config_shown.pop(outcome.folder, set())
        if not outcome.problems:
            for path in sorted(shown):
                self.send(path, [])
            return
        by_file: dict[str, list] = {}
        cache: dict = {}
        for problem in outcome.problems:
            if not problem.path:
                self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"tfdind-lint: {problem.message}"))
                continue
            lines = self.lines_of(problem.path, cache)
            start = types.Position(*position(lines, problem.line, problem.column, self.encoding()))
            end = types.Position(start.line, start.character + 1)
            by_file.setdefault(problem.path, []).append((types.Diagnostic(
                range=types.Range(start, end), message=problem.message, severity=types.DiagnosticSeverity.Error,
                source=SOURCE, code="configuration"), None))
        for path in sorted(shown - set(by_file)):
            self.send(path, [])
        for path, entries in by_file.items():
            self.send(path, entries)
        self.config_shown[outcome.folder] = set(by_file)

    def lint_open(self, where=None) -> None:
        """Lint every open document (``where(path)``: only those it accepts), a module directory once."""
        seen: set[str] = set()
        for path in sorted(self.engine.buffers):
            key = os.path.dirname(path) if is_terraform(path) else path
            if key in seen or (where is not None and not where(path)):
                continue
            seen.add(key)
            self.lint(path)


server = TfdindLanguageServer()


def _path(uri: str) -> str | None:
    path = to_fs_path(uri)
    return display_path(os.path.abspath(path)) if path else None


def _sync(ls: TfdindLanguageServer, uri: str) -> str | None:
    """The document's text into the engine; its path when the server lints it."""
    path = _path(uri)
    if path is None:
        return None
    document = ls.workspace.get_text_document(uri)
    if is_linted(path):
        ls.engine.buffers[path] = document.source
        return path
    return None


@server.feature(types.INITIALIZE)
def initialize(ls: TfdindLanguageServer, params: types.InitializeParams) -> None:
    folders = [to_fs_path(f.uri) for f in params.workspace_folders or ()]
    if not folders and (params.root_uri or params.root_path):
        folders = [to_fs_path(params.root_uri) if params.root_uri else params.root_path]
    ls.engine.set_folders([f for f in folders if f])
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
        ls.debounce = max(0.0, options["debounce"] / 1000)


@server.feature(types.INITIALIZED)
async def initialized(ls: TfdindLanguageServer, params: types.InitializedParams) -> None:
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is None or not watched.dynamic_registration:
        return  # a configuration saved in the editor is still read again (did_save)
    watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in (
        "**/.tfdind-lint.yaml", "**/.tfdind-lint.yml", "**/pyproject.toml", "**/*baseline.json", "**/*.tf", "**/*.tf.json")]
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
            id="tfdind-lint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
    except Exception:  # noqa: BLE001  (a client that refuses: configuration changes are seen on save)
        log.warning("the client did not register the file watchers")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TfdindLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    path = _sync(ls, params.text_document.uri)
    if path is not None:
        ls.lint(path)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TfdindLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    path = _sync(ls, params.text_document.uri)
    if path is not None:
        ls.schedule(path)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TfdindLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is not None and is_configuration(path):
        ls.engine.reload()
        ls.lint_open()
    elif path is not None and path in ls.engine.buffers:
        ls.lint(path)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TfdindLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is None or path not in ls.engine.buffers:
        return
    del ls.engine.buffers[path]
    handle = ls.pending.pop(path, None)
    if handle is not None:
        handle.cancel()
    ls.published.pop(path, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))
    if is_terraform(path):  # the file on disk stands for the closed buffer now
        directory = os.path.dirname(path)
        ls.lint_open(lambda p: os.path.dirname(p) == directory and is_terraform(p))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: TfdindLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [p for p in (_path(change.uri) for change in params.changes) if p]
    if any(is_configuration(p) for p in paths):
        ls.engine.reload()
        ls.lint_open()
        return
    directories = {os.path.dirname(p) for p in paths if is_terraform(p) and p not in ls.engine.buffers}
    if directories:
        ls.lint_open(lambda p: is_terraform(p) and os.path.dirname(p) in directories)


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def did_change_folders(ls: TfdindLanguageServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    ls.engine.set_folders([to_fs_path(f.uri) for f in ls.workspace.folders.values()])
    ls.engine.reload()
    ls.lint_open()


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL],
                                        resolve_provider=False))
def code_action(ls: TfdindLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    path = _path(params.text_document.uri)
    text = ls.engine.buffers.get(path) if path else None
    if text is None:
        return []
    lines = text_lines(text)
    found = []
    for diagnostic, finding in ls.published.get(path, ()):
        if finding is None or not _overlaps(diagnostic.range, params.range):
            continue
        owner = finding.owner.line - 1 if finding.owner is not None and finding.owner.path == finding.span.path else None
        title = actions.fix_title(finding)
        if title is not None:  # the finding's own fix first: the preferred action when it is safe
            newline = "\r\n" if "\r\n" in text else "\n"
            found.append(_fix_action(ls, params.text_document.uri, lines, title, finding, diagnostic, newline))
        for provider in actions.PROVIDERS:
            for action in provider(finding.rule, finding.span.line - 1, owner, lines, path):
                found.append(_code_action(ls, params.text_document.uri, action, diagnostic))
    only = params.context.only or []
    if any(actions.FIX_ALL.startswith(kind) for kind in only):  # "source", "source.fixAll", ours
        fixed = actions.fix_all(text, [finding for _, finding in ls.published.get(path, ()) if finding is not None])
        if fixed is not None:
            end = types.Position(len(lines) - 1, units(lines[-1], ls.encoding()))
            whole = types.TextEdit(range=types.Range(types.Position(0, 0), end), new_text=fixed)
            found.append(types.CodeAction(title="Fix all safely fixable tfdind-lint findings", kind=actions.FIX_ALL,
                                          edit=types.WorkspaceEdit(changes={params.text_document.uri: [whole]})))
    if only:
        found = [a for a in found if any(a.kind == kind or a.kind.startswith(kind + ".") for kind in only)]
    return found


def _fix_action(ls: TfdindLanguageServer, uri: str, lines: list[str], title: str, finding, diagnostic,
                newline: str) -> types.CodeAction:
    encoding = ls.encoding()
    edits = []
    for edit in finding.fix.edits:
        span = edit.span
        start, end = position(lines, span.line, span.column, encoding), position(lines, span.end_line, span.end_column,
                                                                                 encoding)
        edits.append(types.TextEdit(range=types.Range(types.Position(*start), types.Position(*end)),
                                    new_text=edit.text.replace("\n", newline)))
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            edit=types.WorkspaceEdit(changes={uri: edits}), is_preferred=finding.fix.safe or None)


def _code_action(ls: TfdindLanguageServer, uri: str, action: actions.Action, diagnostic) -> types.CodeAction:
    at = types.Range(types.Position(action.line, 0), types.Position(action.line, 0))
    capabilities = ls.client_capabilities
    workspace = capabilities.workspace if capabilities else None
    edit_caps = workspace.workspace_edit if workspace else None
    document = ls.workspace.text_documents.get(uri)
    identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=document.version if document else None)
    command = None
    if edit_caps is not None and edit_caps.snippet_edit_support and edit_caps.document_changes:
        snippet = _escape(action.text[:action.cursor]) + "$0" + _escape(action.text[action.cursor:])
        edit = types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=identifier, edits=[types.SnippetTextEdit(range=at, snippet=types.StringValue(snippet))])])
    else:
        edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=at, new_text=action.text)]})
        window = capabilities.window if capabilities else None
        if window is not None and window.show_document is not None and window.show_document.support:
            character = units(action.text[:action.cursor], ls.encoding())
            command = types.Command(title="Place the cursor for the reason", command=PLACE_CURSOR,
                                    arguments=[uri, action.line, character])
    return types.CodeAction(title=action.title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            edit=edit, command=command, is_preferred=action.preferred or None)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}")


@server.command(PLACE_CURSOR)
async def place_cursor(ls: TfdindLanguageServer, uri: str, line: int, character: int) -> None:
    """After an "acknowledge" edit: put the cursor where the reason goes (``window/showDocument``)."""
    here = types.Position(line, character)
    await ls.window_show_document_async(types.ShowDocumentParams(uri=uri, take_focus=True,
                                                                 selection=types.Range(here, here)))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: TfdindLanguageServer, params: types.HoverParams) -> types.Hover | None:
    """The documentation of the rules whose diagnostics cover the position (``tfdind-lint explain``, as Markdown)."""
    path = _path(params.text_document.uri)
    here = params.position
    parts = []
    cover = None
    under = [(d, f) for d, f in ls.published.get(path, ()) if f is not None and _contains(d.range, here)]
    for diagnostic, finding in sorted(under, key=lambda entry: _extent(entry[0].range)):  # the narrowest first
        from ..commands import explain_text  # noqa: PLC0415

        folder = ls.engine.folder_of(path)
        policies = folder.configuration.policies if folder.configuration is not None else None
        if policies is None:
            from ..policy import builtin_policies  # noqa: PLC0415

            policies = builtin_policies()
        policy = policies.get(finding.rule)
        heading = f"**{finding.rule}** {finding.message}" + (f"\n\n{finding.hint}" if finding.hint else "")
        parts.append(heading + ("\n\n" + explain_text(policy) if policy is not None else ""))
        cover = cover or diagnostic.range
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=cover)


def _extent(r: types.Range) -> tuple[int, int]:
    return r.end.line - r.start.line, r.end.character - r.start.character


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) <= (b.line, b.character)


def _contains(r: types.Range, p: types.Position) -> bool:
    return _before(r.start, p) and _before(p, r.end)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return _before(a.start, b.end) and _before(b.start, a.end)
