"""The History timeline chart: each marked moment's label is drawn whole, the last token's too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette

from tests.ui.tr import tr
from workbench.core.runs.timeline import Timeline
from workbench.ui.history.timeline import TimelineChart, label_left

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_a_label_goes_after_its_line_unless_that_runs_past_the_edge() -> None:
    assert label_left(100.0, 30.0, 400.0) == 102.0
    assert label_left(392.0, 30.0, 400.0) == 360.0  # before the line, whole
    assert label_left(20.0, 30.0, 40.0) == 0.0  # no room either side: from the left edge


def test_the_last_tokens_label_is_drawn_before_its_line_at_the_right_edge(qtbot: QtBot) -> None:
    """Drawn after its line at the chart's end, "last" showed as "l" ("u" of "ultimo")."""
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(400, 64)
    chart.set_timeline(Timeline(0.005, 0.006, 0.74, (0.006, 0.2, 0.74), 68.0))
    image = chart.grab().toImage()
    ink = chart.palette().color(QPalette.ColorRole.WindowText)
    line = 400 - 8  # the last token is the chart's end: its line is at the right margin
    width = chart.fontMetrics().horizontalAdvance(tr("TimelineChart", "last"))

    def inked(x: int, y: int) -> bool:
        return _near(QColor(image.pixel(x, y)), ink)

    # The third label's row (baseline 36), left of the line: the label is there, whole.
    assert any(inked(x, y) for x in range(line - width - 2, line - 2) for y in range(28, 37))


def _near(colour: QColor, ink: QColor) -> bool:
    """A text pixel: antialiased, so near the ink's colour, not on it."""
    pairs = ((colour.red(), ink.red()), (colour.green(), ink.green()), (colour.blue(), ink.blue()))
    return all(abs(a - b) < 85 for a, b in pairs)
