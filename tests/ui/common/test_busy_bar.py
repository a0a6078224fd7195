"""The busy bar is drawn by the style, moved on by its own coarse frames, not Qt's 60 Hz driver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractAnimation

from tests.waits import WAIT_MS
from workbench.ui.common.busy_bar import BusyBar

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def _shown_bar(qtbot: QtBot) -> tuple[BusyBar, QAbstractAnimation]:
    bar = BusyBar()
    qtbot.addWidget(bar)
    bar.setAccessibleName("Working")
    bar.show()
    qtbot.waitUntil(lambda: bar.style_animation() is not None, timeout=WAIT_MS)
    animation = bar.style_animation()
    assert animation is not None
    return bar, animation


def test_the_style_animation_is_paused_and_moved_on_by_the_bars_frames(qtbot: QtBot) -> None:
    bar, animation = _shown_bar(qtbot)
    paused = QAbstractAnimation.State.Paused
    qtbot.waitUntil(lambda: animation.state() == paused, timeout=WAIT_MS)
    before = animation.currentTime()
    qtbot.waitUntil(lambda: animation.currentTime() > before, timeout=WAIT_MS)
    assert animation.state() == paused  # moved on by the frames, not by the driver
    assert (bar.minimum(), bar.maximum()) == (0, 0)  # still busy, as assistive tools read it
    assert bar.accessibleName() == "Working"
