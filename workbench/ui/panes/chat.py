"""Chat pane: sends prompts and renders the streaming transcript, citations and tool traces."""

from __future__ import annotations

import asyncio
import functools
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from workbench.api.errors import InputError, WorkbenchError
from workbench.api.models import Flavour
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.core.chat_inputs import parse_documents, parse_tools, source_lookup
from workbench.core.chat_metrics import TurnTiming, describe, observe, price_table, turn_metrics
from workbench.core.chat_session import (
    ChatFrame,
    ChatSession,
    Reply,
    SavedChat,
    Turn,
    default_history_path,
    dump_chat,
    load_chat,
    reply_from_snapshot,
    write_chat,
)
from workbench.ui import resources
from workbench.ui.widgets.chat_controls import (
    DOCUMENTS_SAMPLE,
    TOOLS_SAMPLE,
    Composer,
    EditorPage,
    PreamblePage,
    QueriesPage,
)
from workbench.ui.widgets.chat_sources import SourcesView
from workbench.ui.widgets.endpoint_picker import EndpointPicker
from workbench.ui.widgets.params_panel import ParamsPanel
from workbench.ui.widgets.tool_results_form import ToolResultsForm
from workbench.ui.widgets.trace import TraceTurn, TraceView
from workbench.ui.widgets.transcript import Transcript, TurnDisplay

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.api.models import ChatRequest
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.services import Services

TASK_KEY = "chat.send"
TOOLS_SAMPLE_MESSAGE = "What is the weather in São Paulo right now?"
"""The question `load_sample("tools")` asks with the JSON-schema tools sample."""
SAVE_KEY = "chat.save"
STOPPED = "Stopped by you"
YIELD_AFTER_S = 0.005
"""Longest stretch the fold runs without letting Qt paint and handle input.

A stream whose events are already buffered (a fast server, a burst after a stall) never suspends
between events, so without a break the whole backlog would be folded in one go."""


def _check_documents(value: Any) -> None:
    parse_documents(value)


def _check_tools(value: Any) -> None:
    parse_tools(value)


def display_of(index: int, turn: Turn, snap: ChatSnapshot | None = None) -> TurnDisplay:
    """The transcript's view of a turn, live (from a snapshot) or finished (from its reply)."""
    if snap is not None:
        return _live_display_of(index, turn, snap)
    reply = turn.reply or Reply()
    return TurnDisplay(
        index=index,
        user=turn.user,
        text=reply.text,
        tool_plan=reply.tool_plan,
        tool_results_sent=len(turn.tool_results),
        citations=tuple(reply.citations),
        search_queries=tuple(reply.search_queries),
        cut_off=reply.cut_off,
        status=reply.status,
        streaming=False,
        tool_calls=tuple(f"{c.name}({c.parameters})" for c in reply.tool_calls),
    )


def _live_display_of(index: int, turn: Turn, snap: ChatSnapshot) -> TurnDisplay:
    # Straight from the snapshot: building a pydantic Reply per tick would copy every citation
    # and document and parse every tool call's arguments, only to read a few fields back.
    return TurnDisplay(
        index=index,
        user=turn.user,
        text=snap.text,
        tool_plan=snap.tool_plan,
        tool_results_sent=len(turn.tool_results),
        citations=snap.citations,
        search_queries=snap.search_queries,
        cut_off=None,
        status="",
        streaming=True,
        tool_calls=tuple(f"{c.name}({c.arguments_json})" for c in snap.tool_calls),
    )


def trace_of(index: int, turn: Turn, snap: ChatSnapshot | None = None) -> TraceTurn:
    """The trace's view of a turn."""
    reply = reply_from_snapshot(snap) if snap is not None else (turn.reply or Reply())
    pending = tuple((c.name, c.arguments_json) for c in (snap.tool_calls if snap else ()))
    pending = tuple(p for p in pending if p[0] not in {c.name for c in reply.tool_calls})
    return TraceTurn(
        index=index,
        title=turn.user if turn.user is not None else "tool results",
        tool_results_sent=tuple(turn.tool_results),
        tool_plan=reply.tool_plan,
        tool_calls=tuple(reply.tool_calls),
        pending_calls=pending,
        search_queries=tuple(reply.search_queries),
        citations=tuple(reply.citations),
        finish_reason=reply.finish_reason,
        cut_off=reply.cut_off,
    )


def _has_output(snap: ChatSnapshot) -> bool:
    return bool(snap.text or snap.tool_plan or snap.tool_calls)


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
        # One writer thread, so history files land in the order they were taken.
        self._history_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-history")
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
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chat_side_tabs")
        self.params = ParamsPanel(parent=self)
        self.setup = PreamblePage(self)
        self.documents = EditorPage(
            "Documents",
            "chat_documents",
            "RAG documents: strings or objects; `id` and `_excludes` are honoured (Cohere only).",
            DOCUMENTS_SAMPLE,
            self,
        )
        self.tools = EditorPage(
            "Tools",
            "chat_tools",
            "v1 `parameter_definitions` or JSON-schema functions; "
            "converted for the endpoint's flavour.",
            TOOLS_SAMPLE,
            self,
        )
        self.documents.editor.set_checker(_check_documents)
        self.tools.editor.set_checker(_check_tools)
        self.tool_results = ToolResultsForm(parent=self)
        self.trace = TraceView(parent=self)
        self.sources = SourcesView(parent=self)
        self.queries = QueriesPage(self)
        for page, title in (
            (self.setup, "Setup"), (self.params, "Parameters"), (self.documents, "Documents"),
            (self.tools, "Tools"), (self.tool_results, "Tool results"), (self.trace, "Trace"),
            (self.sources, "Sources"), (self.queries, "Search queries"),
        ):  # fmt: skip
            self.tabs.addTab(page, title)
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
        self._rebuild()
        self._save()

    def _on_transcript_edit_requested(self, index: int) -> None:
        turn = self._session.turns[index] if 0 <= index < len(self._session.turns) else None
        if turn is None or turn.user is None or self.is_streaming():
            return
        self._editing = index
        self.composer.message.setPlainText(turn.user)
        self.composer.editing.setText(
            f"Editing turn {index + 1}: Send replaces it and drops the turns after it."
        )
        self.composer.editing.show()
        self.composer.cancel_edit.show()
        self.composer.message.setFocus()

    def _on_cancel_edit_clicked(self) -> None:
        self._editing = None
        self.composer.editing.hide()
        self.composer.cancel_edit.hide()

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
        self.tabs.setCurrentWidget(self.sources)

    def _on_session_selection_changed(self, pane: str) -> None:
        if pane != "chat":
            return
        endpoint = self._services.session.selected("chat")
        flavour = endpoint.flavour if endpoint else Flavour.COHERE_V2
        self.params.set_flavour(flavour)
        has_docs = flavour is not Flavour.OPENAI
        self.tabs.setTabEnabled(self.tabs.indexOf(self.documents), has_docs)
        self.tabs.setTabToolTip(
            self.tabs.indexOf(self.documents),
            "" if has_docs else "This flavour has no RAG documents.",
        )
        model = endpoint.model if endpoint and endpoint.model else "server's default"
        self.setup.model.setPlaceholderText(model)

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
                        timing = observe(timing, _has_output(snap), False, now)
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
        metrics = turn_metrics(
            timing,
            finish_reason=snap.finish_reason,
            usage=snap.usage,
            output_chars=len(snap.text) + len(snap.tool_plan),
            prices=price_table(endpoint.prices),
        )
        status = describe(metrics)
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
        self._save()
        self.turn_finished.emit(index)

    def _set_busy(self, busy: bool) -> None:
        self.composer.set_busy(busy)
        self.tool_results.set_busy(busy)
        if busy:
            self.composer.status.setText("Answering…")

    def _rebuild(self, upto: int | None = None) -> None:
        # Both views keep the turns they already show unchanged, so this costs what changed.
        turns = self._session.turns[:upto] if upto is not None else self._session.turns
        self.transcript.set_turns([display_of(i, t) for i, t in enumerate(turns)])
        self.trace.set_turns([trace_of(i, t) for i, t in enumerate(turns)])

    # --- history --------------------------------------------------------------------------------

    def _save(self) -> None:
        """Write the history in the background (the JSON is taken now, the disk is not waited on)."""
        chat = SavedChat(
            preamble=self.setup.preamble.toPlainText(),
            turns=self._session.turns,
            extras={"documents": self.documents.editor.text(), "tools": self.tools.editor.text()},
        )
        payload = dump_chat(chat)
        written = self._history_writer.submit(write_chat, payload, default_history_path())
        self._services.tasks.start(SAVE_KEY, self._report_save(written))

    async def _report_save(self, written: Future[Path]) -> None:
        try:
            # Shielded: quitting or a newer save must not cancel a write still queued.
            await asyncio.shield(asyncio.wrap_future(written))
        except OSError as exc:
            self._services.notices.warn("Chat history not saved", str(exc))

    def _restore(self) -> None:
        try:
            saved = load_chat()
        except InputError as exc:
            self._services.notices.post_error(exc)
            return
        self._session = ChatSession(saved.turns)
        self.setup.preamble.setPlainText(saved.preamble)
        for key, page in (("documents", self.documents), ("tools", self.tools)):
            text = saved.extras.get(key)
            if isinstance(text, str):
                page.editor.set_text(text)
        self._rebuild()
