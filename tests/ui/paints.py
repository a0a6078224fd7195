"""Counting a widget's paints, and waiting for one more: for tests of what repaints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot


class Paints(QObject):
    """An event filter counting the paint events of the widgets it is installed on."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def counted(widget: QWidget) -> Paints:
    """Count `widget`'s paints from now on."""
    paints = Paints()
    widget.installEventFilter(paints)
    return paints


def painted(widget: QWidget, qtbot: QtBot) -> None:
    """Ask for one more paint of `widget` and wait for it: what was asked before is drawn by then."""
    paints = counted(widget)
    widget.update()
    qtbot.waitUntil(lambda: paints.count > 0, timeout=WAIT_MS)
    widget.removeEventFilter(paints)
