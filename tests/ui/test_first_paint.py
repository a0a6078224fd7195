"""Start-up work waits for the window's first paint (`workbench.ui.first_paint`), not for a timer
that ran before it and held the paint back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from tests.waits import WAIT_MS
from workbench.ui import first_paint
from workbench.ui.first_paint import FirstPaint

if TYPE_CHECKING:
    import pytest
    from PySide6.QtGui import QPaintEvent
    from pytestqt.qtbot import QtBot


class Window(QWidget):
    """A top-level window that counts its paints."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        super().paintEvent(event)


def test_the_work_runs_once_after_the_window_is_painted(qtbot: QtBot) -> None:
    window = Window()
    qtbot.addWidget(window)
    paints_seen: list[int] = []
    FirstPaint(window, lambda: paints_seen.append(window.paints))
    window.resize(300, 200)
    window.show()
    assert paints_seen == []  # show() alone runs nothing
    qtbot.waitUntil(lambda: paints_seen != [], timeout=WAIT_MS)
    assert paints_seen[0] >= 1
    window.update()
    qtbot.waitUntil(lambda: window.paints > paints_seen[0], timeout=WAIT_MS)
    assert len(paints_seen) == 1  # later paints run nothing


def test_a_window_never_painted_runs_the_work_after_the_wait(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_paint, "FIRST_PAINT_WAIT_MS", 50)
    window = Window()
    qtbot.addWidget(window)
    ran: list[bool] = []
    FirstPaint(window, lambda: ran.append(True))  # never shown: never painted
    qtbot.waitUntil(lambda: ran == [True], timeout=WAIT_MS)
    assert window.paints == 0
