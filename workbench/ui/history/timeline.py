"""TimelineChart: a run's headers, first token, events and last token along one time axis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.core.runs.timeline import Timeline
from workbench.ui.common.l10n import fill, format_ms, format_number
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

_EMPTY = Timeline(None, None, None, (), None)


def label_left(line: float, width: float, room: float) -> float:
    """Where a marked moment's label of `width` starts: just after its line, or, where that
    runs past the chart's right edge (the last token is at the end), just before it: drawn after
    it, "last" showed as "l"."""
    after = line + 2
    return after if after + width <= room else max(0.0, line - 2 - width)


class TimelineChart(Retranslating, QWidget):
    """Ticks for each event's arrival, marked lines at headers, first and last token."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyTimeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # focus lets a screen reader read it
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timeline = _EMPTY
        self._shown = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language (also on `LanguageChange`)."""
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(self.summary() if self._shown else "")
        self.setToolTip(self.accessibleDescription())
        self.update()

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Draw this timeline (None: an empty chart)."""
        self._timeline = timeline or _EMPTY
        self._shown = timeline is not None
        self.retranslate_ui()

    def summary(self) -> str:
        """The timeline in one line of words, in the current language and number format."""
        tl = self._timeline

        def ms(t: float | None) -> str:
            return "—" if t is None else format_ms(t * 1000)

        rate = "—" if tl.tokens_per_s is None else format_number(tl.tokens_per_s, 1)
        text = self.tr(
            "headers %1, first token %2, last token %3, %n event(s), %4 tokens/s",
            "",
            len(tl.events),
        )
        return fill(text, ms(tl.headers), ms(tl.first), ms(tl.last), rate)

    def timeline(self) -> Timeline:
        """The timeline drawn."""
        return self._timeline

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Axis, event ticks, and the three marked moments with their labels."""
        tl = self._timeline
        painter = QPainter(self)
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(colour)
        left, right, axis = 8.0, float(self.width() - 8), float(self.height() - 20)
        painter.drawLine(QPointF(left, axis), QPointF(right, axis))

        end = tl.end

        def x(t: float) -> float:
            return left + (right - left) * t / end

        # One tick per pixel column that holds an event: a long stream has far more events than
        # the chart has pixels.
        width = max(1, round(right - left))
        ticks = [left + column + 0.5 for column in tl.occupied(width)]
        painter.drawLines([QLineF(tick, axis - 8, tick, axis) for tick in ticks])
        marks = (
            (tl.headers, self.tr("headers")),
            (tl.first, self.tr("first")),
            (tl.last, self.tr("last")),
        )
        metrics = painter.fontMetrics()
        for row, (moment, label) in enumerate(marks):
            if moment is None:
                continue
            line = x(moment)
            painter.drawLine(QPointF(line, 4), QPointF(line, axis + 4))
            at = label_left(line, metrics.horizontalAdvance(label), float(self.width()))
            painter.drawText(QPointF(at, 12 + 12 * row), label)
        painter.drawText(QPointF(left, float(self.height() - 4)), self.summary())
        painter.end()
