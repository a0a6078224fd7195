"""Chat pane: sends prompts and renders the streaming transcript, citations and tool traces."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QTimer, Signal

from workbench.ui.chat.attachments import AttachmentsSync
from workbench.ui.chat.controller import ChatController
from workbench.ui.chat.conversation_control import ConversationControl
from workbench.ui.chat.history_file import ChatHistory, ConversationFile
from workbench.ui.chat.inputs import attach_sample, fill_example, fill_from_request
from workbench.ui.chat.origins import RankedOrigins
from workbench.ui.chat.replacing import Replacing
from workbench.ui.chat.request_guard import RequestGuard
from workbench.ui.chat.request_refresh import RequestRefresh
from workbench.ui.chat.sending import TurnStarter
from workbench.ui.chat.side_links import SideLinks
from workbench.ui.chat.turn_presenter import TurnPresenter
from workbench.ui.chat.widgets import ChatWidgets
from workbench.ui.common.clipboard import copy_text
from workbench.ui.gc_guard import MemoryRelease

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from workbench.api.errors import InputError
    from workbench.api.models import ChatMessage, ChatRequest, Flavour
    from workbench.api.stream import ChatSnapshot
    from workbench.core.chat_request_preview import RequestPreview
    from workbench.core.chat_session import ChatSession
    from workbench.core.rerank_handoff import RankedDocument
    from workbench.core.runs.demo import DemoScript
    from workbench.core.runs.store import RunRecord
    from workbench.ui.chat.first_screen import Example
    from workbench.ui.services import Services

TASK_KEY = "chat.send"


class ChatPane(ChatWidgets):
    """Conversation view with a parameters panel, documents and tools editors and a trace."""

    rerank_requested = Signal(str)
    """Emitted with a generated search query the user wants to try in the rerank playground."""
    turn_finished = Signal(int)
    """Emitted with the turn index when a turn ends (complete, stopped or broken)."""
    rerank_row_requested = Signal(int)
    """Emitted with the rerank rank of a document handed over by the Rerank pane, to show it."""
    endpoint_edit_requested = Signal(str)
    """Emitted with the id of the endpoint a failed turn went to, to open it for editing."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.controller = ChatController(services=services, key=TASK_KEY, owner=self)
        self._memory = MemoryRelease(self)
        """Gives a cleared conversation's memory back, never while a turn is in flight."""
        self.setObjectName("chatPane")
        # A failed turn is shown in the transcript and the status line: the bar needs not say it.
        services.tasks.errors_shown_inline(TASK_KEY)
        self._build_widgets(services, self)
        self._build_helpers()
        self.retranslate_ui()
        self._connect_signals()
        self._on_session_selection_changed("chat")
        if self._file.restore():
            self._rebuild()
        inputs = (self.setup.preamble, self.documents.editor.editor, self.tools.editor.editor)
        self._file.watch(*(i.textChanged for i in (*inputs, self.composer.message)))
        self.presenter.show_first_screen()

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch (the parts retranslate themselves; the request is rebuilt)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.is_streaming():
                self.presenter.relabel_when_done()
            else:
                # Metrics lines drawn again from their values (Reply.measured); the cards under
                # the last turn stay, so Retry and the tool results' button are still there.
                self._rebuild(relabel=True)
                self._status.say_again()
            self._request_refresh.schedule()
            # A refusal on show is said again from the inputs, in the new language: its words
            # (an editor's name, "Invalid JSON") were translated when it was made. Once every
            # part has retranslated (the editors' names are set after this pane's event).
            QTimer.singleShot(0, self, self._starter.recheck)
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the pane's own name in the current language."""
        self.setAccessibleName(self.tr("Chat"))
        self.error.setAccessibleName(self.tr("Chat error"))

    # --- wiring -------------------------------------------------------------------------------

    def _build_helpers(self) -> None:
        """The parts that keep the widgets in step: chips, history, request, the turns' drawing."""
        self._guard = RequestGuard(
            endpoints=self._services.session,
            tabs=self.tabs,
            conversation=self.session,
            error=self.error,
            notices=self._services.notices,
        )
        self._attachments = AttachmentsSync(
            self.chips,
            editors={"document": self.documents.editor, "tool": self.tools.editor},
            documents_on=self._guard.takes_documents,
            parent=self,
        )
        self._conversation = ConversationControl(
            history=self.history,
            request=self.request,
            preamble=self.setup.preamble,
            conversation=self.controller,
        )
        self._file = ConversationFile(
            history=ChatHistory(tasks=self._services.tasks, notices=self._services.notices),
            controller=self.controller,
            preamble=self.setup.preamble,
            editors={"documents": self.documents.editor, "tools": self.tools.editor},
            draft=self.composer.message,
            parent=self,
        )
        self._origins = RankedOrigins(documents=self.documents.editor, sources=self.sources)
        self._replacing = Replacing(
            asker=self,
            controller=self.controller,
            conversation=self._conversation,
            fill=partial(fill_from_request, side=self.tabs, message=self.composer.message),
            demo=self.demo,
        )
        self._build_turn_helpers()

    def _build_turn_helpers(self) -> None:
        """The parts that start, draw and point into the turns, and preview the next request."""
        self._status = self.composer.status
        self.presenter = TurnPresenter(
            controller=self.controller,
            transcript=self.transcript,
            examples=self.examples,
            composer=self.composer,
            error=self.error,
            tabs=self.tabs,
            status=self._status,
            labels=self._origins.labels,
            parent=self,
        )
        self._starter = TurnStarter(
            controller=self.controller,
            guard=self._guard,
            presenter=self.presenter,
            memory=self._memory,
            composer=self.composer,
            model_options=self.model_options,
            tool_results=self.tool_results,
        )
        self._links = SideLinks(tabs=self.tabs, controller=self.controller)
        self._request_refresh = RequestRefresh(
            tabs=self.tabs,
            control=self._conversation,
            endpoints=self._services.session,
            message=self.composer.message,
            build=self._starter.preview,
            parent=self,
        )

    def _connect_signals(self) -> None:
        c = self.composer
        c.send.clicked.connect(self._starter.send)
        c.send_shortcut.activated.connect(self._starter.send)
        c.stop.clicked.connect(self.cancel)
        self.presenter.drawn.connect(self._on_presenter_drawn)
        self.controller.conversation_cleared.connect(self._on_controller_conversation_cleared)
        self.controller.history_replaced.connect(self._on_controller_history_replaced)
        self._services.tasks.state_changed.connect(self.demo.refresh)
        c.regenerate.clicked.connect(self._starter.regenerate)
        c.copy.clicked.connect(self._on_copy_clicked)
        c.clear.clicked.connect(self._replacing.clear)
        c.cancel_edit.clicked.connect(self._starter.end_edit)
        self.transcript.edit_requested.connect(self._starter.begin_edit)
        self.transcript.copy_requested.connect(self._on_transcript_copy_requested)
        self.transcript.citation_activated.connect(self._links.show_citation)
        self.transcript.source_activated.connect(self._links.show_source)
        self.transcript.regenerate_requested.connect(self._starter.regenerate_turn)
        self.transcript.error_card.retry_requested.connect(self._starter.regenerate)
        self.transcript.error_card.edit_endpoint_requested.connect(self._on_error_card_edit)
        self.transcript.tool_wait.answer_requested.connect(self._links.answer_tool_calls)
        self.tool_results.continue_requested.connect(self._starter.continue_with_results)
        self.queries.rerank.clicked.connect(self._on_queries_rerank_clicked)
        self.sources.rank_activated.connect(self.rerank_row_requested)
        self._services.session.selection_changed.connect(self._on_session_selection_changed)
        self.history.apply_requested.connect(self._replacing.apply)
        self.history.revert_requested.connect(self._conversation.revert)
        self.history.import_chosen.connect(self._replacing.import_file)
        self.history.export_chosen.connect(self.export_history)
        self.tabs.current_changed.connect(self._request_refresh.refresh_if_shown)
        for changed in self._request_inputs_changed():
            changed.connect(self._request_refresh.schedule)
            changed.connect(self._starter.recheck)
        self.setup.model.textChanged.connect(self._on_model_changed)
        self.model_options.strip.watch(c.message)
        self.model_options.strip.images_changed.connect(self._on_images_changed)
        self.model_options.strip.failed.connect(self._on_image_failed)
        self.examples.example_chosen.connect(self._on_examples_example_chosen)
        self.chips.open_requested.connect(self._links.open_attachments)

    # --- public API (tests drive these like the buttons) --------------------------------------

    def send(self, message: str) -> None:
        """Type a message and press Send."""
        self.composer.message.setPlainText(message)
        self._starter.send()

    def cancel(self) -> None:
        """Stop the turn in flight (as Stop does); the partial answer stays, marked as stopped."""
        self.controller.cancel()

    def clear(self) -> None:
        """Start a new conversation at once (as Clear does once the person agrees)."""
        self.controller.clear()

    def open_request(self, request: ChatRequest) -> bool:
        """Fill the inputs from a recorded turn (History's "Open in its pane"); nothing is sent.

        A conversation with turns is discarded only once the person agrees. The earlier turns of
        that conversation become the conversation, and the message, preamble, model, documents,
        tools and every parameter that was set come back. Refused (returns False) while a turn
        is in flight.
        """
        return self._replacing.open_request(request)

    def take_ranked_documents(self, ranked: Sequence[RankedDocument]) -> None:
        """Make the Rerank pane's best results the documents (their citations lead back)."""
        self._origins.take(ranked)
        self.composer.status.setText(
            self.tr("%n document(s) from the rerank results.", "", len(ranked))
        )

    def replay(self, record: RunRecord, speed: float = 1.0) -> None:
        """Play a recorded turn back as a new turn, at its pace or `speed` times faster.

        Nothing goes over the network; the turn's message is marked as a replay.

        Raises:
            InputError: the turn cannot be replayed (no request stored, or a flavour missing or
                unknown), said before the turn starts rather than as a crash of its task.
        """
        self._starter.replay(record, speed)

    def play_script(self, script: DemoScript, speed: float = 1.0) -> bool:
        """Start a demo script from an empty conversation; its turns replay one by one with the
        demo bar's Next turn (F8), once the person agrees to discard the turns there are.
        Refused (False) while a turn is in flight."""
        return self._replacing.play_script(script, speed)

    def truncate(self, keep: int) -> None:
        """Keep only the first `keep` turns (a demo's step back)."""
        if not self.is_streaming() and keep < len(self.controller.turns):
            del self.session().turns[keep:]
            self._rebuild()
            self._file.save()

    def load_sample(self, kind: Literal["rag", "tools"] = "rag") -> None:
        """Try a shipped sample: its documents (or tools) into the editors, its question sent.

        "rag" asks the question of `chat_documents.json` over its documents, for a grounded
        answer with citations; "tools" offers the JSON-schema tools and asks for a tool call.
        """
        self.send(attach_sample(kind, self.tabs, self.examples))

    def _on_examples_example_chosen(self, kind: Example) -> None:
        fill_example(kind, self.tabs, self.examples, self.composer.message)

    def session(self) -> ChatSession:
        """The conversation model."""
        return self.controller.session

    def _conversation_now(self) -> list[ChatMessage]:
        """The conversation as it is when asked (the History section asks only when seen)."""
        return self.session().history()

    def is_streaming(self) -> bool:
        """Whether a turn is in flight."""
        return self.controller.is_streaming()

    def live_snapshot(self) -> ChatSnapshot:
        """The fold of the turn in flight (or the last one)."""
        return self.controller.run.snapshot

    def apply_history(self) -> bool:
        """Replace the conversation with the History section's (as Apply does once the person
        agrees); True when done.

        Bad JSON or a bad entry is said in the section's status (with line and column, or the
        entry and field); the text stays as typed.
        """
        return self._conversation.apply()

    def import_history(self, path: Path) -> bool:
        """Load a conversation file and make it the conversation (as Import… does).

        v1 `chat_history` (with `preamble`), v2 / OpenAI `messages` (a leading system message
        goes to the preamble), or a list of neutral entries; the form is detected.
        """
        return self._conversation.import_file(path)

    def export_history(self, path: Path, flavour: Flavour) -> bool:
        """Write the History section's conversation (and the preamble) in a flavour's form."""
        return self._conversation.export_file(path, flavour)

    def refresh_request(self) -> RequestPreview | None:
        """Rebuild the Request section now; returns what it shows (None when Send is refused)."""
        return self._request_refresh.refresh()

    # --- actions --------------------------------------------------------------------------------

    def _on_copy_clicked(self) -> None:
        if self.controller.turns:
            self._on_transcript_copy_requested(len(self.controller.turns) - 1)

    def _on_transcript_copy_requested(self, index: int) -> None:
        if 0 <= index < len(self.controller.turns):
            reply = self.controller.turns[index].reply
            copy_text(reply.text if reply else "")
            self._status.setText(self.tr("Answer copied."))

    def _on_controller_conversation_cleared(self) -> None:
        self._rebuild()
        self._file.save()
        # What the conversation held goes, and its pages go back to the OS (issue 15).
        self._services.session.forget_sent_bodies()
        self._memory.request()

    def _on_controller_history_replaced(self) -> None:
        self._starter.end_edit()
        self._rebuild()
        last = self.controller.turns[-1].reply if self.controller.turns else None
        self.tool_results.set_calls(last.tool_calls if last else [])
        self.history.show_history(self._conversation_now, force=True)
        self._file.save()

    def _on_queries_rerank_clicked(self) -> None:
        item = self.queries.list.currentItem()
        if item is not None:
            self.rerank_requested.emit(item.text())

    def _on_error_card_edit(self) -> None:
        endpoint = self.controller.finished_on
        if endpoint is not None:
            self.endpoint_edit_requested.emit(endpoint.id)

    def _on_session_selection_changed(self, pane: str) -> None:
        if pane != "chat":
            return
        self.tabs.set_endpoint(self._services.session.selected("chat"))
        self._attachments.refresh()
        self._on_model_changed()
        self._request_refresh.schedule()

    def _on_images_changed(self) -> None:
        count = self.model_options.strip.count()
        if count:
            self._status.setText(
                self.tr("%n image(s) attached to the next message (Model page).", "", count)
            )

    def _on_image_failed(self, error: InputError) -> None:
        # A file that could not be attached (unreadable, not an image) was left out unsaid.
        self._services.notices.post_error(error, pane="chat")

    def _on_model_changed(self, *_: object) -> None:
        self.tabs.fit_model(self._services.session.selected("chat"))

    # --- the turn -------------------------------------------------------------------------------

    def _on_presenter_drawn(self, index: int) -> None:
        self.history.show_history(self._conversation_now)
        self._request_refresh.schedule()
        self._file.save()
        self._memory.resume()
        self.turn_finished.emit(index)

    def _rebuild(self, *, relabel: bool = False) -> None:
        if relabel:
            self.presenter.relabel()
        else:
            self.presenter.rebuild()
        self.history.show_history(self._conversation_now)
        self._request_refresh.schedule()
