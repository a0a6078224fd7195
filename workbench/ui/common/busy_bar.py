"""A busy bar (a QProgressBar with no range) that animates at `FRAME_MS`, not at 60 frames a second.

Fusion animates a busy bar through a style animation on Qt's 60 Hz animation driver: each beat
woke the event loop and repainted the bar, about 33 ms of CPU a second (issue 15: 10-15% of the
CPU of reading a stream, twice over with the status bar's). Here that animation is paused as
soon as the style has made it, and moved on by a coarse timer of our own: the bar looks the same
and moves at the same speed, in steps of a few pixels. It stays a QProgressBar (same role, range
and accessible name), and a style that makes no such animation draws it as ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractAnimation, QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent, QShowEvent

FRAME_MS = 66
"""Between two frames of the bar: 15 a second."""


class BusyBar(QProgressBar):
    """An indeterminate progress bar drawn by the style, a frame every `FRAME_MS`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._frames = QTimer(self)
        self._frames.setTimerType(Qt.TimerType.CoarseTimer)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self._on_frames_timeout)

    def style_animation(self) -> QAbstractAnimation | None:
        """The animation the style made for this bar (its child), if it made one yet."""
        return self.findChild(QAbstractAnimation, "", Qt.FindChildOption.FindDirectChildrenOnly)

    def showEvent(self, event: QShowEvent) -> None:
        """Start the frames (the style makes its animation at the first paint)."""
        super().showEvent(event)
        self._frames.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """No frames while hidden."""
        self._frames.stop()
        super().hideEvent(event)

    def _on_frames_timeout(self) -> None:
        animation = self.style_animation()
        if animation is None:
            return
        if animation.state() == QAbstractAnimation.State.Running:
            animation.pause()  # off the 60 Hz driver; the time is set below
        # The style draws the step this time gives and asks for a repaint when it changed.
        animation.setCurrentTime(int(self._clock.elapsed()))
