"""Chat pane: sends prompts and renders the streaming transcript, citations and tool traces."""

from __future__ import annotations

import asyncio
import functools
import json
import time
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget
from shiboken6 import isValid

from workbench.api.errors import InputError, WorkbenchError
from workbench.api.models import Flavour
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.core.chat_history_io import export_conversation, parse_conversation
from workbench.core.chat_inputs import parse_documents, parse_tools, source_lookup
from workbench.core.chat_metrics import TurnTiming, observe
from workbench.core.chat_request_preview import RequestPreview, chat_url, preview_request
from workbench.core.chat_session import (
    ChatFrame,
    ChatSession,
    SavedChat,
    reply_from_snapshot,
    write_chat,
)
from workbench.ui import resources
from workbench.ui.widgets.chat_controls import Composer
from workbench.ui.widgets.chat_history import ChatHistory
from workbench.ui.widgets.chat_side import ChatSidePanel
from workbench.ui.widgets.chat_turns import display_of, has_output, trace_of, turn_status
from workbench.ui.widgets.endpoint_picker import EndpointPicker
from workbench.ui.widgets.json_editor import parse_json
from workbench.ui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.api.models import ChatMessage, ChatRequest
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.services import Services
    from workbench.ui.widgets.transcript import TurnDisplay

TASK_KEY = "chat.send"
TOOLS_SAMPLE_MESSAGE = "What is the weather in São Paulo right now?"
"""The question `load_sample("tools")` asks with the JSON-schema tools sample."""
STOPPED = "Stopped by you"
PREVIEW_DELAY_MS = 250
"""How long the Request section waits after the last keystroke before rebuilding the body."""
YIELD_AFTER_S = 0.005
"""Longest stretch the fold runs without letting Qt paint and handle input.

A stream whose events are already buffered (a fast server, a burst after a stall) never suspends
between events, so without a break the whole backlog would be folded in one go."""


class ChatPane(QWidget):
    """Conversation view with a parameters panel, documents and tools editors and a trace."""

    rerank_requested = Signal(str)
    """Emitted with a generated search query the user wants to try in the rerank playground."""
    turn_finished = Signal(int)
    """Emitted with the turn index when a turn ends (complete, stopped or broken)."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = ChatSession()
        self._editing: int | None = None
        self._unfinished: int | None = None
        """The index of the turn in flight until `_finish` ends it."""
        self._snapshot = ChatSnapshot()
        self._lookups: dict[int, dict[str, dict[str, Any]]] = {}
        self._history = ChatHistory(tasks=services.tasks, notices=services.notices)
        self.setObjectName("chat_pane")
        self.setAccessibleName("Chat")
        self._build_ui()
        self._connect_signals()
        self._on_session_selection_changed("chat")
        self._restore()

    # --- layout -------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.endpoint_picker = EndpointPicker(
            session=self._services.session, pane="chat", parent=self
        )
        self.transcript = Transcript(parent=self)
        self.composer = Composer(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.transcript, 1)
        left_layout.addWidget(self.composer)
        self.tabs = ChatSidePanel(parent=self)
        # The pages the pane wires (and tests drive), named as before the tabs moved out.
        self.params, self.setup = self.tabs.params, self.tabs.setup
        self.documents, self.tools = self.tabs.documents, self.tabs.tools
        self.tool_results, self.trace = self.tabs.tool_results, self.tabs.trace
        self.sources, self.queries = self.tabs.sources, self.tabs.queries
        self.history, self.request = self.tabs.history, self.tabs.request
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.endpoint_picker)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        c = self.composer
        c.send.clicked.connect(self._on_send_clicked)
        c.send_shortcut.activated.connect(self._on_send_clicked)
        c.stop.clicked.connect(self._on_stop_clicked)
        c.stop_shortcut.activated.connect(self._on_stop_clicked)
        c.regenerate.clicked.connect(self._on_regenerate_clicked)
        c.copy.clicked.connect(self._on_copy_clicked)
        c.clear.clicked.connect(self._on_clear_clicked)
        c.cancel_edit.clicked.connect(self._on_cancel_edit_clicked)
        self.transcript.edit_requested.connect(self._on_transcript_edit_requested)
        self.transcript.copy_requested.connect(self._on_transcript_copy_requested)
        self.transcript.citation_activated.connect(self._on_transcript_citation_activated)
        self.tool_results.continue_requested.connect(self._on_tool_results_continue_requested)
        self.queries.rerank.clicked.connect(self._on_queries_rerank_clicked)
        self._services.session.selection_changed.connect(self._on_session_selection_changed)
        self.history.apply_requested.connect(self._on_history_apply_requested)
        self.history.revert_requested.connect(self._on_history_revert_requested)
        self.history.import_chosen.connect(self._on_history_import_chosen)
        self.history.export_chosen.connect(self._on_history_export_chosen)
        self.tabs.current_changed.connect(self._on_tabs_current_changed)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        for changed in (
            c.message.textChanged,
            self.setup.model.textChanged,
            self.setup.preamble.textChanged,
            self.documents.editor.editor.textChanged,
            self.tools.editor.editor.textChanged,
            self.params.params_changed,
        ):
            changed.connect(self._schedule_preview)

    # --- public API (tests drive these like the buttons) --------------------------------------

    def send(self, message: str) -> None:
        """Type a message and press Send."""
        self.composer.message.setPlainText(message)
        self._on_send_clicked()

    def cancel(self) -> None:
        """Stop the turn in flight (as Stop does); the partial answer stays, marked as stopped."""
        self._services.tasks.cancel(TASK_KEY)

    def clear(self) -> None:
        """Start a new conversation (as Clear does)."""
        self._on_clear_clicked()

    def load_sample(self, kind: Literal["rag", "tools"] = "rag") -> None:
        """Try a shipped sample: its documents (or tools) into the editors, its question sent.

        "rag" asks the question of `chat_documents.json` over its documents, for a grounded
        answer with citations; "tools" offers the JSON-schema tools and asks for a tool call.
        """
        if kind == "tools":
            self.tools.editor.set_value(resources.sample("tools_json_schema.json"))
            self.send(TOOLS_SAMPLE_MESSAGE)
            return
        sample = resources.sample("chat_documents.json")
        # The sample is in the wire's {"id", "data": {...}} form; the editor takes flat objects.
        flat = [{"id": d["id"], **d["data"]} for d in sample["documents"]]
        self.documents.editor.set_value(flat)
        self.send(sample["message"])

    def session(self) -> ChatSession:
        """The conversation model."""
        return self._session

    def is_streaming(self) -> bool:
        """Whether a turn is in flight."""
        return self._services.tasks.is_running(TASK_KEY)

    def live_snapshot(self) -> ChatSnapshot:
        """The fold of the turn in flight (or the last one)."""
        return self._snapshot

    def apply_history(self) -> bool:
        """Replace the conversation with the History section's (as Apply does); True when done.

        Bad JSON or a bad entry is said in the section's status (with line and column, or the
        entry and field); the text stays as typed.
        """
        if self.is_streaming():
            self.history.status.setText("Wait for the answer in flight, or stop it, to apply.")
            return False
        try:
            messages = self.history.messages()
        except InputError as exc:
            self.history.status.setText(f"Not applied: {exc}")
            return False
        self._replace_history(messages)
        self.history.status.setText(f"Applied: {len(messages)} message(s) in the conversation.")
        return True

    def import_history(self, path: Path) -> bool:
        """Load a conversation file and make it the conversation (as Import… does).

        v1 `chat_history` (with `preamble`), v2 / OpenAI `messages` (a leading system message
        goes to the preamble), or a list of neutral entries; the form is detected.
        """
        if self.is_streaming():
            self.history.status.setText("Wait for the answer in flight, or stop it, to import.")
            return False
        try:
            text = path.read_text(encoding="utf-8")
            imported = parse_conversation(parse_json(text))
        except (OSError, UnicodeDecodeError) as exc:
            self.history.status.setText(f"Not imported: {path.name}: {exc}")
            return False
        except InputError as exc:
            self.history.status.setText(f"Not imported: {path.name}: {exc}")
            return False
        if imported.preamble is not None:
            self.setup.preamble.setPlainText(imported.preamble)
        self._replace_history(imported.messages)
        note = " and its system message as the preamble" if imported.preamble else ""
        self.history.status.setText(
            f"Imported {len(imported.messages)} message(s){note} from {path.name} "
            f"({imported.form.value})."
        )
        return True

    def export_history(self, path: Path, flavour: Flavour) -> bool:
        """Write the History section's conversation (and the preamble) in a flavour's form."""
        try:
            exported = export_conversation(
                self.history.messages(), flavour, self.setup.preamble.toPlainText() or None
            )
            write_chat(json.dumps(exported, indent=2, ensure_ascii=False) + "\n", path)
        except InputError as exc:
            self.history.status.setText(f"Not exported: {exc}")
            return False
        except OSError as exc:
            self.history.status.setText(f"Not exported: {path.name}: {exc}")
            return False
        self.history.status.setText(f"Exported to {path.name} ({flavour.value}).")
        return True

    def refresh_request(self) -> RequestPreview | None:
        """Rebuild the Request section now; returns what it shows (None when Send is refused)."""
        self._preview_timer.stop()
        endpoint = self._services.session.selected("chat")
        if endpoint is None:
            self.request.show_problem("", "no endpoint: add one in the Endpoints pane")
            return None
        message = self.composer.message.toPlainText()
        try:
            request = self._session.preview(message, self._frame(), self._editing)
            preview = preview_request(endpoint, request)
        except InputError as exc:
            self.request.show_problem(self._chat_url(endpoint), str(exc))
            return None
        self.request.show_preview(preview)
        if not message.strip():
            self.request.problem.setText("The message box is empty: Send needs a message.")
        return preview

    # --- actions --------------------------------------------------------------------------------

    def _endpoint(self) -> EndpointConfig:
        endpoint = self._services.session.selected("chat")
        if endpoint is None:
            raise InputError(title="No endpoint: add one in the Endpoints pane", where="Endpoint")
        return endpoint

    def _frame(self) -> ChatFrame:
        has_docs = self._endpoint().flavour is not Flavour.OPENAI
        documents = parse_documents(self.documents.editor.value()) if has_docs else []
        return ChatFrame(
            model=self.setup.model.text().strip() or None,
            preamble=self.setup.preamble.toPlainText(),
            documents=documents,
            tools=parse_tools(self.tools.editor.value()),
            params=self.params.params(),
            search_queries_only=self.params.search_queries_only(),
        )

    def _guarded(self, build: Any) -> ChatRequest | None:
        try:
            request: ChatRequest = build(self._frame())
        except InputError as exc:
            self._services.notices.post_error(exc)
            self.composer.status.setText(str(exc))
            return None
        return request

    def _on_send_clicked(self) -> None:
        message = self.composer.message.toPlainText()
        if self.is_streaming() or not message.strip():
            return
        editing = self._editing
        if editing is not None:
            request = self._guarded(lambda f: self._session.edit_and_resend(editing, message, f))
        else:
            request = self._guarded(lambda f: self._session.send(message, f))
        if request is not None:
            self.composer.message.clear()
            self._on_cancel_edit_clicked()
            self._start(request)

    def _on_regenerate_clicked(self) -> None:
        if not self.is_streaming() and self._session.turns:
            request = self._guarded(self._session.regenerate)
            if request is not None:
                self._start(request)

    def _on_tool_results_continue_requested(self) -> None:
        if self.is_streaming():
            return
        try:
            results = self.tool_results.results()
        except InputError as exc:
            self._services.notices.post_error(exc)
            self.composer.status.setText(str(exc))
            return
        request = self._guarded(lambda f: self._session.continue_with(results, f))
        if request is not None:
            self._start(request)

    def _on_stop_clicked(self) -> None:
        self.cancel()

    def _on_copy_clicked(self) -> None:
        if self._session.turns:
            self._on_transcript_copy_requested(len(self._session.turns) - 1)

    def _on_transcript_copy_requested(self, index: int) -> None:
        if 0 <= index < len(self._session.turns):
            reply = self._session.turns[index].reply
            QGuiApplication.clipboard().setText(reply.text if reply else "")
            self.composer.status.setText("Answer copied.")

    def _on_clear_clicked(self) -> None:
        self._session.clear()
        self._lookups.clear()
        self._rebuild()
        self._save()

    @staticmethod
    def _chat_url(endpoint: EndpointConfig) -> str:
        try:
            return chat_url(endpoint)
        except InputError as exc:
            return str(exc)

    def _replace_history(self, messages: list[ChatMessage]) -> None:
        self._on_cancel_edit_clicked()
        self._session.replace_history(messages)
        self._lookups.clear()
        self._rebuild()
        last = self._session.turns[-1].reply if self._session.turns else None
        self.tool_results.set_calls(last.tool_calls if last else [])
        self.history.show_history(self._session.history(), force=True)
        self._save()

    def _on_history_apply_requested(self) -> None:
        self.apply_history()

    def _on_history_revert_requested(self) -> None:
        self.history.show_history(self._session.history(), force=True)
        self.history.status.setText("Edits dropped: showing the conversation as it is.")

    def _on_history_import_chosen(self, path: Path) -> None:
        self.import_history(path)

    def _on_history_export_chosen(self, path: Path, flavour: Flavour) -> None:
        self.export_history(path, flavour)

    def _on_tabs_current_changed(self, _row: int) -> None:
        if self.tabs.current_section() is self.request:
            self.refresh_request()

    def _schedule_preview(self) -> None:
        if self.tabs.current_section() is self.request:
            self._preview_timer.start()

    def _on_preview_timer_timeout(self) -> None:
        self.refresh_request()

    def _on_transcript_edit_requested(self, index: int) -> None:
        turn = self._session.turns[index] if 0 <= index < len(self._session.turns) else None
        if turn is None or turn.user is None or self.is_streaming():
            return
        self._editing = index
        self.composer.begin_edit(index, turn.user)

    def _on_cancel_edit_clicked(self) -> None:
        self._editing = None
        self.composer.end_edit()

    def _on_queries_rerank_clicked(self) -> None:
        item = self.queries.list.currentItem()
        if item is not None:
            self.rerank_requested.emit(item.text())

    def _on_transcript_citation_activated(self, turn: int, spans: tuple[int, ...]) -> None:
        cmap = self.transcript.citation_map(turn)
        if cmap is None:
            return
        chosen = [cmap.spans[i] for i in spans if 0 <= i < len(cmap.spans)]
        self.sources.show_spans(chosen, self._lookups.get(turn, {}))
        self.tabs.show_section(self.sources)

    def _on_session_selection_changed(self, pane: str) -> None:
        if pane != "chat":
            return
        self.tabs.set_endpoint(self._services.session.selected("chat"))
        self._schedule_preview()

    # --- the turn -------------------------------------------------------------------------------

    def _start(self, request: ChatRequest) -> None:
        index = len(self._session.turns) - 1
        self._rebuild(upto=index)
        self._set_busy(True)  # at once, not when the task first runs: no double Send
        self._snapshot = ChatSnapshot()
        self._unfinished = index
        # Picked now (the frame was just built for it): switching mid-turn does not move it.
        endpoint = self._endpoint()
        task = self._services.tasks.start(TASK_KEY, self._run(request, index, endpoint), owner=self)
        task.add_done_callback(functools.partial(self._on_turn_done, request, index, endpoint))

    def _on_turn_done(
        self, request: ChatRequest, index: int, endpoint: EndpointConfig, _task: object
    ) -> None:
        # A turn cancelled before its first step never ran `_run`'s finally: end it here.
        if self._unfinished == index and isValid(self.transcript):
            now = time.monotonic()
            self._finish(request, index, TurnTiming(started=now), STOPPED, endpoint)

    async def _run(self, request: ChatRequest, index: int, endpoint: EndpointConfig) -> None:
        timing = TurnTiming(started=time.monotonic())
        reason: str | None = None
        live = functools.partial(self._live_display, index)
        try:
            client = await self._services.session.client_for(endpoint.id)
            events = client.chat_stream(request)
            try:
                pause_at = time.monotonic() + YIELD_AFTER_S
                async for event in events:
                    self._snapshot = snap = accumulate(self._snapshot, event)
                    now = time.monotonic()
                    if timing.first_output is None:
                        timing = observe(timing, has_output(snap), False, now)
                    self.transcript.show_live(live)  # rendered by the transcript's timer
                    if now >= pause_at:
                        await asyncio.sleep(0)
                        pause_at = time.monotonic() + YIELD_AFTER_S
            finally:
                # Closing the generator ends the HTTP request at once (Stop, or an error).
                close = getattr(events, "aclose", None)
                if close is not None:
                    await close()
        except asyncio.CancelledError:
            reason = STOPPED
            raise
        except WorkbenchError as exc:
            reason = str(exc)
            raise
        finally:
            # When the pane itself is being destroyed there is nothing left to show the end in.
            if isValid(self.transcript):
                timing = observe(timing, False, True, time.monotonic())
                self._finish(request, index, timing, reason, endpoint)

    def _live_display(self, index: int) -> TurnDisplay:
        return display_of(index, self._session.turns[index], self._snapshot)

    def _finish(
        self,
        request: ChatRequest,
        index: int,
        timing: TurnTiming,
        reason: str | None,
        endpoint: EndpointConfig,
    ) -> None:
        self._unfinished = None
        snap = self._snapshot
        status = turn_status(snap, timing, endpoint)
        if not snap.done and reason is None:
            reason = "the stream ended without its final event"
        reply = reply_from_snapshot(snap, cut_off=reason, status=status)
        self._session.finish(reply)
        turn = self._session.turns[index]
        self._lookups[index] = source_lookup(
            request.documents, snap.documents, request.tool_results
        )
        self.transcript.finish_live(display_of(index, turn))
        self.trace.show_turn(trace_of(index, turn))
        self.tool_results.set_calls(reply.tool_calls)
        self.queries.set_queries(reply.search_queries)
        cmap = self.transcript.citation_map(index)
        if cmap is not None:
            self.sources.show_documents(cmap, self._lookups[index])
        self.composer.status.setText(status if not reply.cut_off else f"Cut off · {status}")
        self._set_busy(False)
        self.history.show_history(self._session.history())
        self._schedule_preview()
        self._save()
        self.turn_finished.emit(index)

    def _set_busy(self, busy: bool) -> None:
        self.composer.set_busy(busy)
        self.tool_results.set_busy(busy)
        self.history.set_busy(busy)
        if busy:
            self.composer.status.setText("Answering…")

    def _rebuild(self, upto: int | None = None) -> None:
        # Both views keep the turns they already show unchanged, so this costs what changed.
        turns = self._session.turns[:upto] if upto is not None else self._session.turns
        self.transcript.set_turns([display_of(i, t) for i, t in enumerate(turns)])
        self.trace.set_turns([trace_of(i, t) for i, t in enumerate(turns)])
        if upto is None:
            self.history.show_history(self._session.history())
            self._schedule_preview()

    # --- history --------------------------------------------------------------------------------

    def _save(self) -> None:
        self._history.save(
            SavedChat(
                preamble=self.setup.preamble.toPlainText(),
                turns=self._session.turns,
                extras={
                    "documents": self.documents.editor.text(),
                    "tools": self.tools.editor.text(),
                },
            )
        )

    def _restore(self) -> None:
        saved = self._history.load()
        if saved is None:
            return
        self._session = ChatSession(saved.turns)
        self.setup.preamble.setPlainText(saved.preamble)
        for key, page in (("documents", self.documents), ("tools", self.tools)):
            text = saved.extras.get(key)
            if isinstance(text, str):
                page.editor.set_text(text)
        self._rebuild()
