"""Starting the chat's turns from its inputs: a message (new or edited), a regeneration, the
tool results, or a recorded turn played back; each checked by the request guard first.

The texts keep the pane's translation context ("ChatPane"): they were the pane's before they
moved here, and the translations hold them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.core.chat_session import Turn
from workbench.core.runs.replay import ReplayClient, request_of

if TYPE_CHECKING:
    from workbench.api.models import ChatRequest
    from workbench.core.runs.store import RunRecord
    from workbench.ui.chat.controller import ChatController
    from workbench.ui.chat.controls import Composer
    from workbench.ui.chat.model_options import ModelOptions
    from workbench.ui.chat.request_guard import RequestGuard
    from workbench.ui.chat.tool_results_form import ToolResultsForm
    from workbench.ui.chat.turn_presenter import TurnPresenter
    from workbench.ui.gc_guard import MemoryRelease


class TurnStarter:
    """Makes the next turn's request from the inputs and starts it; keeps which turn's message
    the message box edits. Nothing starts while a turn is in flight."""

    def __init__(
        self,
        *,
        controller: ChatController,
        guard: RequestGuard,
        presenter: TurnPresenter,
        memory: MemoryRelease,
        composer: Composer,
        model_options: ModelOptions,
        tool_results: ToolResultsForm,
    ) -> None:
        self._controller, self._guard, self._presenter = controller, guard, presenter
        self._memory, self._composer = memory, composer
        self._model_options, self._tool_results = model_options, tool_results
        self.editing: int | None = None
        """The turn whose message the box holds for editing (Send resends from it), or None."""

    def send(self) -> None:
        """Send the message box's text: a new turn, or the edited turn's message again."""
        message = self._composer.message.toPlainText()
        if self._controller.is_streaming() or not message.strip():
            return
        controller, editing = self._controller, self.editing
        if editing is not None:
            request = self._guard.build(
                lambda f: controller.session.edit_and_resend(editing, message, f)
            )
        else:
            images = self._model_options.images()
            request = self._guard.build(lambda f: controller.session.send(message, f, images))
        if request is not None:
            self._start(request)  # first: the box is emptied once the composer's paint is held
            self._composer.message.clear()
            if self._model_options.strip.count():  # else its notices rewrite labels for nothing
                self._model_options.strip.clear_images()
            self.end_edit()

    def regenerate(self) -> None:
        """Ask for the last turn's answer again."""
        if not self._controller.is_streaming() and self._controller.turns:
            request = self._guard.build(self._controller.session.regenerate)
            if request is not None:
                self._start(request)

    def regenerate_turn(self, index: int) -> None:
        """Regenerate turn `index`, when it is the last one (only the last can be)."""
        if index == len(self._controller.turns) - 1:
            self.regenerate()

    def continue_with_results(self) -> None:
        """Send the Tool results page's outputs for the model's tool calls."""
        if self._controller.is_streaming():
            return
        try:
            results = self._tool_results.results()
        except InputError as exc:
            self._guard.refuse(exc)
            return
        controller = self._controller
        request = self._guard.build(lambda f: controller.session.continue_with(results, f))
        if request is not None:
            self._start(request)

    def replay(self, record: RunRecord, speed: float) -> None:
        """Play a recorded turn back as a new turn whose message is marked as a replay.

        Raises:
            InputError: the turn cannot be replayed (no request stored, or a flavour missing or
                unknown).
        """
        if self._controller.is_streaming():
            return
        request = request_of(record)
        marked = QCoreApplication.translate("ChatPane", "▶ Replay: %1")
        self._controller.session.turns.append(
            Turn(user=marked.replace("%1", request.message or ""))
        )
        status = QCoreApplication.translate("ChatPane", "Replaying a recorded turn (no network)")
        self._start(request, status, ReplayClient(record, speed))

    def preview(self, message: str) -> ChatRequest:
        """The request Send would post for `message` now (nothing is changed).

        Raises:
            InputError: Send would be refused.
        """
        return self._controller.session.preview(message, self._guard.frame(), self.editing)

    def recheck(self, *_: object) -> None:
        """After an edit, check a refusal on show again (gone once the inputs are fine)."""
        if not self._controller.is_streaming():
            self._guard.recheck(self._composer.message.toPlainText(), self.editing)

    def begin_edit(self, index: int) -> None:
        """Put turn `index`'s message in the box to edit and resend it."""
        turns = self._controller.turns
        turn = turns[index] if 0 <= index < len(turns) else None
        if turn is None or turn.user is None or self._controller.is_streaming():
            return
        self.editing = index
        self._composer.begin_edit(index, turn.user)

    def end_edit(self) -> None:
        """Back to sending new turns."""
        self.editing = None
        self._composer.end_edit()

    def _start(
        self, request: ChatRequest, status: str | None = None, client: ReplayClient | None = None
    ) -> None:
        # Picked now (the frame was just built for it): switching mid-turn does not move it.
        self._presenter.begin(request, self._guard.endpoint(), status, client)
        self._memory.hold()
