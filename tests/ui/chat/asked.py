"""The chat pane's question before turns are discarded, found and answered as a person would."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.waits import WAIT_MS
from workbench.ui.chat.questions import BOX_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot


def discard_box(root: QWidget, qtbot: QtBot) -> QMessageBox:
    """The discard question on show under `root` (one answered before may wait for deletion)."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [box for box in root.findChildren(QMessageBox, BOX_NAME) if box.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def asked_now(root: QWidget) -> bool:
    """Whether a discard question is on show under `root` (it opens as its asker is called)."""
    return any(box.isVisible() for box in root.findChildren(QMessageBox, BOX_NAME))


def answer(root: QWidget, qtbot: QtBot, *, discard: bool) -> str:
    """Answer the discard question (Discard, or Esc); returns the question it asked."""
    box = discard_box(root, qtbot)
    text = box.text()
    if discard:
        button = box.findChild(QPushButton, "chatDiscardBoxDiscard")
        assert button is not None
        button.click()
    else:
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    return text
