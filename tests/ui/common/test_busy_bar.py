"""The busy bar slides a block along its track on its own coarse frames; the style never animates it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractAnimation, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette

from tests.waits import WAIT_MS
from workbench.ui.common.busy_bar import BLOCK_SHARE, SWEEP_MS, BusyBar, block_span

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def _shown_bar(qtbot: QtBot) -> BusyBar:
    bar = BusyBar()
    qtbot.addWidget(bar)
    bar.setAccessibleName("Working")
    bar.resize(120, 14)
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def test_the_block_moves_on_while_shown_and_the_frames_stop_when_hidden(qtbot: QtBot) -> None:
    bar = _shown_bar(qtbot)
    assert bar.is_animating()
    before = bar.block_rect()
    qtbot.waitUntil(lambda: bar.block_rect() != before, timeout=WAIT_MS)
    bar.hide()
    assert not bar.is_animating()


def test_it_stays_a_busy_progress_bar_that_the_style_never_animates(qtbot: QtBot) -> None:
    bar = _shown_bar(qtbot)
    moved = bar.block_rect()
    qtbot.waitUntil(lambda: bar.block_rect() != moved, timeout=WAIT_MS)  # frames were drawn
    assert (bar.minimum(), bar.maximum()) == (0, 0)  # still busy, as assistive tools read it
    assert bar.accessibleName() == "Working"
    # Fusion makes its 60 Hz animation only when it paints a busy bar; this one it never paints.
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    assert bar.findChild(QAbstractAnimation, "", direct) is None


def test_assistive_tools_find_one_busy_bar_with_nothing_unnamed_inside(qtbot: QtBot) -> None:
    """The track and block were child widgets once: an unnamed "Border" inside the bar."""
    bar = _shown_bar(qtbot)
    face = QAccessible.queryAccessibleInterface(bar)
    assert face is not None
    assert face.role() == QAccessible.Role.ProgressBar
    assert face.text(QAccessible.Text.Name) == "Working"
    assert face.childCount() == 0


def test_the_block_is_drawn_in_the_palettes_highlight_inside_the_track(qtbot: QtBot) -> None:
    bar = _shown_bar(qtbot)
    palette = bar.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ff0000"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#00ff00"))
    bar.setPalette(palette)  # a theme switch
    qtbot.waitUntil(lambda: bar.block_rect().width() > 4, timeout=WAIT_MS)
    image = bar.grab().toImage()
    block = bar.block_rect()
    assert bar.rect().contains(block)
    assert image.pixelColor(block.center()) == QColor("#ff0000")
    outside = block.right() + 2 if block.right() + 2 < bar.width() - 2 else block.left() - 2
    assert image.pixelColor(outside, block.center().y()) == QColor("#00ff00")


@given(st.integers(min_value=1, max_value=2000), st.integers(min_value=0, max_value=10**9))
def test_the_block_never_leaves_its_track(track: int, elapsed: int) -> None:
    left, width = block_span(track, elapsed)
    assert left >= 0
    assert width >= 0
    assert left + width <= track
    assert width <= max(1, round(track * BLOCK_SHARE))


def test_the_block_crosses_the_whole_track_once_a_sweep() -> None:
    track = 100
    spans = [block_span(track, t) for t in range(0, SWEEP_MS, 10)]
    assert min(left for left, width in spans if width) == 0
    assert max(left + width for left, width in spans) == track
    assert block_span(track, 0) == block_span(track, SWEEP_MS)
