"""postlint's language server driven end to end by a real LSP client (pytest-lsp, on pygls):
open a Markdown draft with emoji and CRLF line ends, see diagnostics at the right ranges in
the negotiated encoding (utf-16 and utf-8), edit incrementally, see them update once per
burst, apply code actions (a suggestion and "disable for this line"), hover, reload the
configuration, and shut down with exit code 0."""

import asyncio
import os

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import make_test_lsp_client

from text_model import apply_edits, index_of, position_of, slice_of

POSTLINT = os.environ.get("POSTLINT", "postlint")
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

DRAFT = (
    "# 😀 Café news\r\n"
    "\r\n"
    "Good vibes only! 👋🏽 Everything happens for a reason.\r\n"
    "\r\n"
    "`good vibes only` in code is not linted.\r\n"
)


def make_client():
    """pytest-lsp's client, also keeping every publishDiagnostics (with its version) and
    answering client/registerCapability."""
    client = make_test_lsp_client()
    client.published = []
    client.registrations = []
    original = client.protocol._handle_notification

    def handle(method, params):
        if method == PUBLISH:
            client.published.append(params)
        return original(method, params)

    client.protocol._handle_notification = handle

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(ls, params):
        client.registrations.append(params)

    return client


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / ".postlint.yml").write_text("version: 1\nregion: GB\n")
    (tmp_path / "posts").mkdir()
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[POSTLINT, "lsp", "--debounce", "150"], client_factory=make_client),
    params=["utf-16", "utf-8"],
)
async def client(request, lsp_client: LanguageClient, workspace):
    lsp_client.encoding = request.param
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(position_encodings=[request.param]),
                workspace=types.WorkspaceClientCapabilities(
                    did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)),
                text_document=types.TextDocumentClientCapabilities(
                    hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                    code_action=types.CodeActionClientCapabilities(
                        code_action_literal_support=types.ClientCodeActionLiteralOptions(
                            code_action_kind=types.ClientCodeActionKindOptions(value_set=[types.CodeActionKind.QuickFix]))),
                    publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
                ),
            ),
            root_uri=workspace.as_uri(),
        )
    )
    assert result.capabilities.position_encoding == request.param
    assert result.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    yield
    await lsp_client.shutdown_session()
    # shutdown then exit: LSP's clean exit code.
    assert lsp_client._server.returncode == 0


class Editor:
    """One open document as the editor holds it: edits go to both the local text and the
    server (as incremental changes), and diagnostics are awaited per document."""

    def __init__(self, client, path, text, language="markdown"):
        self.client, self.uri, self.text, self.version = client, path.as_uri(), text, 1
        self.encoding = client.encoding
        self.seen = len(client.published)
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=self.uri, language_id=language, version=1, text=text)))

    async def diagnostics(self, timeout=15):
        """The next diagnostics published for this document (since the last ones seen)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for index in range(self.seen, len(self.client.published)):
                if self.client.published[index].uri == self.uri:
                    self.seen = index + 1
                    return self.client.published[index]
            assert loop.time() < deadline, f"no diagnostics for {self.uri} within {timeout} s"
            await asyncio.sleep(0.02)

    def lsp_range(self, start, end):
        (l1, c1), (l2, c2) = position_of(self.text, start, self.encoding), position_of(self.text, end, self.encoding)
        return types.Range(start=types.Position(line=l1, character=c1), end=types.Position(line=l2, character=c2))

    def apply(self, edits):
        """Applies TextEdits locally and sends them as one incremental change each."""
        for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            self.text = apply_edits(self.text, [edit], self.encoding)
            self.version += 1
            self.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
                content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))

    def replace(self, old, new):
        start = self.text.index(old)
        self.apply([types.TextEdit(range=self.lsp_range(start, start + len(old)), new_text=new)])

    def flagged(self, params):
        """(rule, flagged text) for each diagnostic, in order."""
        return [(d.code, slice_of(self.text, d.range, self.encoding)) for d in params.diagnostics]

    async def actions_at(self, words):
        start = self.text.index(words)
        return await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri), range=self.lsp_range(start, start),
            context=types.CodeActionContext(diagnostics=[])))


async def test_diagnostics_edits_code_actions_and_hover(client: LanguageClient, workspace):
    editor = Editor(client, workspace / "posts" / "draft.md", DRAFT)
    params = await editor.diagnostics()
    assert params.version == 1
    assert editor.flagged(params) == [
        ("toxic-positivity/good-vibes-only", "Good vibes only"),
        ("toxic-positivity/everything-happens-for-a-reason", "Everything happens for a reason"),
    ]
    first = params.diagnostics[0]
    assert first.source == "postlint"
    assert first.severity == types.DiagnosticSeverity.Warning
    assert first.code_description.href.endswith("docs/rules/toxic-positivity/good-vibes-only.md")
    # After the waving hand with a skin tone: 4 UTF-16 units or 8 bytes.
    assert params.diagnostics[1].range.start == types.Position(line=2, character=22 if editor.encoding == "utf-16" else 26)

    # A burst of typing (one character per change) is linted once, after the pause.
    before = len(client.published)
    for character in "I hear you. ":
        index = editor.text.index("Everything")
        editor.apply([types.TextEdit(range=editor.lsp_range(index, index), new_text=character)])
    editor.replace("Everything happens for a reason", "That sounds hard 💙")
    params = await editor.diagnostics()
    await asyncio.sleep(0.4)
    assert len(client.published) - before == 1
    assert params.version == editor.version
    assert editor.flagged(params) == [("toxic-positivity/good-vibes-only", "Good vibes only")]

    # Hover: the rule, why, and its sources in Markdown; nothing on clean words.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri), position=params.diagnostics[0].range.start))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "toxic-positivity/good-vibes-only" in hover.contents.value
    assert "**Sources:**" in hover.contents.value and "https://" in hover.contents.value
    assert hover.range == params.diagnostics[0].range
    clean = editor.text.index("Café")
    line, character = position_of(editor.text, clean, editor.encoding)
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri),
        position=types.Position(line=line, character=character))) is None

    # A quick fix from the rule's suggestions, applied as an editor applies a WorkspaceEdit.
    actions = await editor.actions_at("Good vibes only")
    titles = [action.title for action in actions]
    assert "Replace with 'All vibes are welcome here.'" in titles
    assert "Disable toxic-positivity/good-vibes-only for this line" in titles
    fix = next(a for a in actions if a.title == "Replace with 'All vibes are welcome here.'")
    assert fix.kind == types.CodeActionKind.QuickFix
    editor.apply(fix.edit.changes[editor.uri])
    params = await editor.diagnostics()
    assert "All vibes are welcome here.! 👋🏽 I hear you." in editor.text
    assert editor.flagged(params) == []

    # "Disable for this line": the Markdown comment goes on its own line above, CRLF kept.
    editor.replace("`good vibes only` in code", "Good vibes only, friends. `good vibes only` in code")
    params = await editor.diagnostics()
    assert editor.flagged(params) == [("toxic-positivity/good-vibes-only", "Good vibes only")]
    disable = next(a for a in await editor.actions_at("Good vibes only, friends") if a.title.startswith("Disable"))
    editor.apply(disable.edit.changes[editor.uri])
    assert "\r\n<!-- postlint-disable-next-line toxic-positivity/good-vibes-only -->\r\nGood vibes only, friends." in editor.text
    params = await editor.diagnostics()
    assert editor.flagged(params) == []  # suppressed, and the comment is not superfluous


async def test_plain_text_gets_a_plain_suppression_line(client: LanguageClient, workspace):
    editor = Editor(client, workspace / "note.txt", "Hi 🙂\nGood vibes only\n", language="plaintext")
    params = await editor.diagnostics()
    assert editor.flagged(params) == [("toxic-positivity/good-vibes-only", "Good vibes only")]
    disable = next(a for a in await editor.actions_at("Good vibes") if a.title.startswith("Disable"))
    editor.apply(disable.edit.changes[editor.uri])
    assert editor.text == "Hi 🙂\npostlint-disable-next-line toxic-positivity/good-vibes-only\nGood vibes only\n"
    assert editor.flagged(await editor.diagnostics()) == []


async def test_configuration_is_reloaded_and_errors_are_shown(client: LanguageClient, workspace):
    # The server asked to watch configuration files.
    await asyncio.sleep(0.2)
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
               for params in client.registrations for r in params.registrations)
    editor = Editor(client, workspace / "posts" / "draft.md", DRAFT)
    assert len((await editor.diagnostics()).diagnostics) == 2
    config = workspace / ".postlint.yml"

    def changed():
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))

    config.write_text("version: 1\nregion: GB\noverrides:\n  - files: [\"posts/**\"]\n    rules: {toxic-positivity: off}\n")
    changed()
    assert list((await editor.diagnostics()).diagnostics) == []

    config.write_text("version: 1\nregoin: GB\n")
    changed()
    params = await editor.diagnostics()
    assert list(params.diagnostics) == []
    assert any(m.type == types.MessageType.Error and "regoin" in m.message for m in client.messages)
    # Still serving: a hover answers, and a fixed configuration lints again.
    line, _ = position_of(editor.text, editor.text.index("Good"), editor.encoding)
    await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri), position=types.Position(line=line, character=0)))
    config.write_text("version: 1\n")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    assert len((await editor.diagnostics()).diagnostics) == 2


HOUSE_RULE = """id: house/fruit
kind: phrases
category: toxic-positivity
severity: warning
message: "'{match}' again"
explanation: For tests.
sources: [https://example.org/rule]
phrases: [PHRASE]
examples:
  bad: ["[[PHRASE]]"]
  good: ["calm"]
"""


async def test_rule_folders_are_reread_and_exclude_applies(client: LanguageClient, workspace):
    # A house rule in the configuration's rule folder is re-read when it changes on disk.
    (workspace / "rules").mkdir()
    rule = workspace / "rules" / "fruit.yml"
    rule.write_text(HOUSE_RULE.replace("PHRASE", "banana"))
    (workspace / ".postlint.yml").write_text('version: 1\nrule-folders: [rules]\nexclude: ["drafts/**"]\n')
    editor = Editor(client, workspace / "posts" / "note.txt", "banana and cherry\n", language="plaintext")
    assert editor.flagged(await editor.diagnostics()) == [("house/fruit", "banana")]
    rule.write_text(HOUSE_RULE.replace("PHRASE", "cherry"))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=rule.as_uri(), type=types.FileChangeType.Changed)]))
    assert editor.flagged(await editor.diagnostics()) == [("house/fruit", "cherry")]
    # A document the configuration's exclude skips gets no diagnostics, as `check` skips it.
    (workspace / "drafts").mkdir()
    excluded = Editor(client, workspace / "drafts" / "x.txt", "Good vibes only, cherry\n", language="plaintext")
    assert list((await excluded.diagnostics()).diagnostics) == []
