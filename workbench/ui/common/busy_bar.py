"""A busy bar (a QProgressBar with no range): a block sliding along a track, `FRAME_MS` apart.

The style's own busy bar cost too much while a model streams (issue 15). Fusion moves it by an
animation on Qt's 60 Hz driver, and each frame paints gradients and stripes. Pausing that
animation and stepping it on a coarse timer still cost 0.07 of the chat pane's CPU ratio in the
bursts benchmark (in-process A/B against no bar). So the bar paints itself: a framed track and a
block in the palette's colours, which follow the theme, and a frame repaints only where the block
was and is. The style never paints it, so never makes its animation. It stays a QProgressBar
(same role, range and accessible name) with no child widgets, so assistive tools read it as one
busy bar and find nothing unnamed inside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QProgressBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent, QPaintEvent, QResizeEvent, QShowEvent

FRAME_MS = 66
"""Between two frames of the bar: 15 a second."""
SWEEP_MS = 1600
"""How long the block takes to cross the track once."""
BLOCK_SHARE = 0.3
"""The block's width as a share of the track's."""


def block_span(track: int, elapsed_ms: int) -> tuple[int, int]:
    """The block's left edge and width inside a track `track` pixels wide, `elapsed_ms` in.

    The block enters from the left and leaves on the right; the part outside is cut off.
    """
    width = max(1, round(track * BLOCK_SHARE))
    phase = (elapsed_ms % SWEEP_MS) / SWEEP_MS
    left = round(phase * (track + width)) - width
    right = min(track, left + width)
    left = max(0, left)
    return left, max(0, right - left)


class BusyBar(QProgressBar):
    """An indeterminate progress bar: a block slides along a framed track, a frame every
    `FRAME_MS`, while the bar is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted here
        self._block = QRect()
        self._inside = QRect()
        """The track inside its one-pixel frame."""
        self._clock = QElapsedTimer()
        self._clock.start()
        self._frames = QTimer(self)
        self._frames.setTimerType(Qt.TimerType.CoarseTimer)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self._on_frames_timeout)

    def is_animating(self) -> bool:
        """Whether frames are being drawn (only while shown)."""
        return self._frames.isActive()

    def block_rect(self) -> QRect:
        """Where the sliding block is, in the bar's coordinates."""
        return QRect(self._block)

    def showEvent(self, event: QShowEvent) -> None:
        """Start the frames."""
        super().showEvent(event)
        self._place_block()
        self._frames.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """No frames while hidden."""
        if "_frames" in vars(self):  # not when garbage collection cleared the bar before Qt hid it
            self._frames.stop()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The track fills the bar."""
        super().resizeEvent(event)
        self._inside = self.rect().adjusted(1, 1, -1, -1)
        self._place_block()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The track (Base, framed in Mid) and the block (Highlight); never the style's bar."""
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.base())
        painter.fillRect(self._block, palette.highlight())
        if not self._inside.contains(event.rect()):  # a frame's repaint stays inside the track
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _on_frames_timeout(self) -> None:
        self._place_block()

    def _place_block(self) -> None:
        inside = self._inside
        left, width = block_span(inside.width(), self._clock.elapsed())
        block = QRect(inside.x() + left, inside.y(), width, inside.height())
        if block != self._block:
            self.update(self._block.united(block))
            self._block = block
