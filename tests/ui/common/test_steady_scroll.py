"""The transcript's scroll bar repaints only for a change that moves what it draws."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QScrollBar

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


@pytest.mark.parametrize("orientation", [Qt.Orientation.Vertical, Qt.Orientation.Horizontal])
@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("value", [0, 420, 1_000])
def test_the_bar_draws_the_same_pixels_as_qt_with_its_groove_kept(
    qtbot: QtBot, orientation: Qt.Orientation, enabled: bool, value: int
) -> None:
    """The groove is drawn once and kept (Fusion's gradient was most of a paint)."""
    images = []
    for bar in (QScrollBar(orientation), SteadyScrollBar(orientation)):
        qtbot.addWidget(bar)
        bar.resize(QSize(16, 300) if orientation == Qt.Orientation.Vertical else QSize(300, 16))
        bar.setRange(0, 1_000)
        bar.setPageStep(200)
        bar.setEnabled(enabled)
        bar.setValue(value)
        images.append(bar.grab().toImage())
    assert _largest_difference(*images) <= 1


def _largest_difference(first: QImage, second: QImage) -> int:
    """The largest difference of one colour channel between two images of one size.

    The groove's translucent edge is blended twice when it comes from a pixmap (onto the
    pixmap, then onto the bar), which may round a channel one level away.
    """
    assert first.size() == second.size()
    largest = 0
    for y in range(first.height()):
        for x in range(first.width()):
            one, two = first.pixelColor(x, y), second.pixelColor(x, y)
            for channel in ("red", "green", "blue", "alpha"):
                largest = max(largest, abs(getattr(one, channel)() - getattr(two, channel)()))
    return largest


def test_the_kept_groove_is_drawn_again_for_a_new_size_or_palette(qtbot: QtBot) -> None:
    steady, plain = SteadyScrollBar(Qt.Orientation.Vertical), QScrollBar(Qt.Orientation.Vertical)
    red = QPalette(steady.palette())
    for role in (QPalette.ColorRole.Button, QPalette.ColorRole.Window):
        red.setColor(role, QColor("#7a1f1f"))
    drawn = []
    for bar in (steady, plain):
        qtbot.addWidget(bar)
        for height, palette in ((300, None), (500, None), (500, red)):
            bar.resize(16, height)
            if palette is not None:
                bar.setPalette(palette)
            drawn.append(bar.grab().toImage())
    for mine, qts in zip(drawn[:3], drawn[3:], strict=True):
        assert _largest_difference(mine, qts) <= 1
