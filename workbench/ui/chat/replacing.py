"""The chat actions that replace the conversation, each asking before the turns there go.

Clear, the History section's Apply and Import…, History's "Open in its pane" and Play demo each
put something else where the conversation's turns were; nothing brings those back (with History's
Keep off they are recorded nowhere else). Each asks first (`questions.confirm_discard`) when there
is a turn to lose, and does nothing once answered if a turn started streaming meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from workbench.ui.chat.questions import Loss, confirm_discard

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from workbench.api.models import ChatMessage, ChatRequest
    from workbench.core.runs.demo import DemoScript
    from workbench.ui.chat.controller import ChatController
    from workbench.ui.chat.conversation_control import ConversationControl
    from workbench.ui.chat.demo_bar import DemoBar


@dataclass(kw_only=True, eq=False)
class Replacing:
    """Asks, then replaces the conversation, for the Chat pane's actions that do."""

    asker: QWidget
    """What the question opens over (the pane)."""
    controller: ChatController
    conversation: ConversationControl
    fill: Callable[[ChatRequest], None]
    """Puts a recorded request's message, preamble, model, documents, tools and parameters in."""
    demo: DemoBar

    def clear(self) -> None:
        """Clear: a new, empty conversation."""
        self._discard_then(self.controller.clear)

    def apply(self) -> None:
        """Apply: the History section's messages become the conversation. Checked before
        asking: a question answered, then "line 3, column 9", would waste the answer."""
        messages = self.conversation.applicable()
        if messages is not None:
            self._discard_then(partial(self._apply_now, messages), loss="apply")

    def import_file(self, path: Path) -> None:
        """Import…: the file picked becomes the conversation."""
        self._discard_then(partial(self.conversation.import_file, path))

    def open_request(self, request: ChatRequest) -> bool:
        """ "Open in its pane": the turns before the recorded one become the conversation, and
        its inputs come back; refused (False) while a turn streams."""
        if self.controller.is_streaming():
            return False
        self._discard_then(partial(self._open_now, request))
        return True

    def play_script(self, script: DemoScript, speed: float) -> bool:
        """Play demo: an empty conversation that the script's turns replay into; refused (False)
        while a turn streams."""
        if self.controller.is_streaming():
            return False
        self._discard_then(partial(self._play_now, script, speed))
        return True

    def _apply_now(self, messages: list[ChatMessage]) -> None:
        if not self.controller.is_streaming():  # one may have started while the question was open
            self.conversation.apply_messages(messages)

    def _open_now(self, request: ChatRequest) -> None:
        if not self.controller.is_streaming():
            self.controller.replace_history(request.history)
            self.fill(request)

    def _play_now(self, script: DemoScript, speed: float) -> None:
        if not self.controller.is_streaming():
            self.controller.clear()
            self.demo.start(script, speed)

    def _discard_then(self, then: Callable[[], object], loss: Loss = "conversation") -> None:
        confirm_discard(self.asker, len(self.controller.turns), then, loss=loss)
