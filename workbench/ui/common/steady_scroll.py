"""A scroll bar for a view that streams: repainted only when a change moves what it draws.

While an answer streams, every tick grows the document, so the bar's range (and its page step,
set again with it, and its value, following the end) changes some 30 times a second, and each
change repainted the bar: Fusion fills its groove with a gradient, and the view's frame is painted
again under it (issue 15: about a tenth of the Chat pane's CPU while streaming; in Compare, three
bars at once, a fifth of what the pane adds). In a long answer the handle, at its smallest and at
the end, does not move by a pixel from one tick to the next. So a change is looked at once the
changes of the moment are done (a range grows first, the value follows it): only if the handle or
the ends moved from what was drawn is the bar painted. The value itself is always set at once (Qt
tells assistive tools of it before this bar is asked to repaint).

When it is painted, the groove comes from a pixmap drawn once per size, palette and state: Fusion
fills it with a gradient that took nine tenths of a paint (about 1 ms for a bar 700 pixels long,
where the text view beside it repaints in 0.2 ms), and while a short answer streams the handle
does move at every tick (in Compare, three bars at once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

Looks = tuple[QRect, bool, bool]
"""Where the handle is drawn, and whether the value is at either end (the arrows' state)."""

GrooveKey = tuple[int, int, float, int, int, int, str]
"""What the groove's pixels depend on: size, pixel ratio, palette, state, orientation, style."""
_GROOVE = QStyle.SubControl.SC_ScrollBarGroove
_MOVES = (
    QAbstractSlider.SliderChange.SliderRangeChange,
    QAbstractSlider.SliderChange.SliderStepsChange,
    QAbstractSlider.SliderChange.SliderValueChange,
)


class SteadyScrollBar(QScrollBar):
    """A scroll bar that skips repaints which would draw the same pixels."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._drawn: Looks | None = None
        """What the last paint showed (None: nothing yet, or a style that fades its bars)."""
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self._on_check_timeout)
        self._groove: tuple[GrooveKey, QPixmap] | None = None

    def looks(self) -> Looks:
        """What a paint would show now: the handle's place and the ends reached."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, self
        )
        return handle, self.value() <= self.minimum(), self.value() >= self.maximum()

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        """Repaint for a range, step or value change only if, all done, it moved what is drawn."""
        if change in _MOVES and self._drawn is not None:
            self._check.start()
            return
        super().sliderChange(change)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, and remember what was drawn."""
        transient = self.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, self)
        self._drawn = None if transient else self.looks()
        if transient or self.underMouse() or self.isSliderDown():
            # Qt's own paint: a fading bar, or one whose hovered or pressed part is drawn lit
            # (which part is known only to Qt).
            super().paintEvent(event)
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._groove_pixmap(option))
        option.subControls = QStyle.SubControl.SC_All & ~_GROOVE
        self.style().drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, self)
        painter.end()

    def _groove_pixmap(self, option: QStyleOptionSlider) -> QPixmap:
        """The groove as the style draws it, drawn again only when what it depends on changed."""
        ratio = self.devicePixelRatioF()
        key: GrooveKey = (
            self.width(),
            self.height(),
            ratio,
            option.palette.cacheKey(),
            int(option.state.value),
            int(self.orientation().value),
            self.style().name(),
        )
        if self._groove is None or self._groove[0] != key:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            groove = QStyleOptionSlider(option)
            groove.subControls = _GROOVE
            painter = QPainter(pixmap)
            self.style().drawComplexControl(
                QStyle.ComplexControl.CC_ScrollBar, groove, painter, self
            )
            painter.end()
            self._groove = (key, pixmap)
        return self._groove[1]

    def _on_check_timeout(self) -> None:
        if self.looks() != self._drawn:
            self.update()
