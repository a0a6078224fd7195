"""A busy bar (a QProgressBar with no range): a block sliding along a track, `FRAME_MS` apart.

The style's own busy bar cost too much while a model streams (issue 15). Fusion moves it by an
animation on Qt's 60 Hz driver, and each frame paints gradients and stripes. Pausing that
animation and stepping it on a coarse timer still cost 0.07 of the chat pane's CPU ratio in the
bursts benchmark (in-process A/B against no bar). So the bar is two plain child widgets that Qt
fills in C++: a track and a block in the palette's colours, which follow the theme. A frame is one
`setGeometry` of the block (0.02 of that ratio). The progress bar itself is never painted (its
opaque track covers it), so the style never makes its animation. It stays a QProgressBar (same
role, range and accessible name): assistive tools read it as busy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QRect, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QProgressBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent

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


def _filled(parent: QWidget, role: QPalette.ColorRole) -> QFrame:
    widget = QFrame(parent)
    widget.setAutoFillBackground(True)
    widget.setBackgroundRole(role)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


class BusyBar(QProgressBar):
    """An indeterminate progress bar: a block slides along a framed track, a frame every
    `FRAME_MS`, while the bar is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self._track = _filled(self, QPalette.ColorRole.Base)
        self._track.setObjectName("busyTrack")
        self._track.setFrameShape(QFrame.Shape.Box)
        self._track.setForegroundRole(QPalette.ColorRole.Mid)  # the frame's colour
        self._block = _filled(self._track, QPalette.ColorRole.Highlight)
        self._block.setObjectName("busyBlock")
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
        return self._block.geometry().translated(self._track.pos())

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
        self._track.setGeometry(self.rect())
        self._place_block()

    def _on_frames_timeout(self) -> None:
        self._place_block()

    def _place_block(self) -> None:
        inside = self._track.contentsRect()
        left, width = block_span(inside.width(), self._clock.elapsed())
        self._block.setGeometry(inside.x() + left, inside.y(), width, inside.height())
