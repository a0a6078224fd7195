"""The transcript's scroll bar repaints only for a change that moves what it draws."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.paints import Paints, counted
from tests.waits import WAIT_MS
from workbench.ui.common.steady_scroll import SteadyScrollBar

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def _settled(bar: SteadyScrollBar, qtbot: QtBot) -> None:
    """Wait until the bar has looked at its changes; a repaint it asked for is then posted."""
    qtbot.waitUntil(lambda: not bar._check.isActive(), timeout=WAIT_MS)
    QApplication.processEvents()


def _long_document_bar(qtbot: QtBot) -> tuple[SteadyScrollBar, Paints]:
    bar = SteadyScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.resize(16, 400)
    bar.setRange(0, 200_000)
    bar.setPageStep(500)
    bar.setValue(bar.maximum())
    paints = counted(bar)
    bar.show()
    qtbot.waitUntil(lambda: paints.count > 0, timeout=WAIT_MS)
    return bar, paints


def test_a_document_growing_under_a_view_kept_at_its_end_does_not_repaint_the_bar(
    qtbot: QtBot,
) -> None:
    bar, paints = _long_document_bar(qtbot)
    _settled(bar, qtbot)
    drawn = paints.count
    for grown in range(1, 6):  # a tick: the range grows, the page step is set, the value follows
        bar.setRange(0, 200_000 + 40 * grown)
        bar.setPageStep(500)
        bar.setValue(bar.maximum())
        _settled(bar, qtbot)
    assert paints.count == drawn
    assert bar.value() == bar.maximum() == 200_200  # the value itself is set at once


def test_a_change_that_moves_the_handle_repaints_the_bar(qtbot: QtBot) -> None:
    bar, paints = _long_document_bar(qtbot)
    _settled(bar, qtbot)
    drawn = paints.count
    bar.setValue(0)
    qtbot.waitUntil(lambda: paints.count > drawn, timeout=WAIT_MS)
    drawn = paints.count
    bar.setRange(0, 1_000)  # the handle grows
    qtbot.waitUntil(lambda: paints.count > drawn, timeout=WAIT_MS)
