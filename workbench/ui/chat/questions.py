"""Chat pane questions: whether turns of the conversation are discarded.

The actions that replace the conversation (`replacing`), and a demo's Previous turn with live
turns after it, drop turns that nothing brings back (with History's Keep off they are recorded
nowhere else); the History section's Apply keeps their messages but not the rest of them. They
ask here first; with no turn to lose they go on unasked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from workbench.ui.common.l10n import QT_TRANSLATE_NOOP
from workbench.ui.common.question import ask

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

BOX_NAME = "chatDiscardBox"
Loss = Literal["conversation", "step", "apply"]
"""What is discarded: the whole conversation, a demo step with the live turns after it, or the
turns the History section's messages replace."""

# Counted texts: lupdate files plural forms only from a number literal (see QT_TRANSLATE_NOOP).
_CONVERSATION = QT_TRANSLATE_NOOP(
    "ChatPane", "Discard the %n turn(s) of this conversation?", None, 1
)
_STEP = QT_TRANSLATE_NOOP(
    "ChatPane",
    "Previous turn takes back the replayed turn and the %n turn(s) asked after it. Discard them?",
    None,
    1,
)
_APPLY = QT_TRANSLATE_NOOP(
    "ChatPane",
    "Apply makes the History section's messages the conversation: the %n turn(s) there now go, "
    "with their citations, sources and timings. Discard them?",
    None,
    1,
)
_QUESTIONS = {"conversation": _CONVERSATION, "step": _STEP, "apply": _APPLY}


def confirm_discard(
    parent: QWidget, turns: int, then: Callable[[], object], loss: Loss = "conversation"
) -> None:
    """Call `then` at once when `turns` is 0, else once Discard is chosen in a question saying
    how many turns go (Cancel, the default, and Esc keep them).

    For a demo step (`loss="step"`), `turns` counts the live turns after the replayed one.
    """
    if turns <= 0:
        then()
        return
    buttons = QMessageBox.StandardButton

    def answered(chosen: QMessageBox.StandardButton) -> None:
        if chosen == buttons.Discard:
            then()

    # Cancel by default: Enter pressed out of habit must not lose the conversation.
    texts = _texts(turns, loss)
    ask(parent, BOX_NAME, texts, buttons.Discard | buttons.Cancel, buttons.Cancel, answered)


def _texts(turns: int, loss: Loss) -> tuple[str, str]:
    title = QCoreApplication.translate("ChatPane", "Discard turns")
    return title, QCoreApplication.translate("ChatPane", _QUESTIONS[loss], None, turns)
