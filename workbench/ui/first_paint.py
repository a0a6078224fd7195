"""Start-up work that waits for the window's first paint.

A zero-time timer started after `show()` runs before the window is painted: the platform's
expose (X11's, or the offscreen platform's) arrives as an event after it, so whatever the timer
did held the first paint back (issue 15: opening the run history and starting the sandbox put the
first paint ~160 ms after the window was "shown", under Xvfb as offscreen). `FirstPaint`
waits for the paint itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

FIRST_PAINT_WAIT_MS = 3000
"""How long a window shown but never painted (minimised at once, a platform with no screen)
holds the start-up work back: then it goes on anyway."""


class FirstPaint(QObject):
    """Calls `then` once: when the event loop is back after `window`'s first paint, or after
    `FIRST_PAINT_WAIT_MS` with no paint. A child of `window`: gone with it."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.setObjectName("firstPaintWatcher")
        self._window, self._then, self._done = window, then, False
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the window's first paint, go once the whole paint (its children's too) is done."""
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._go)
        return False

    def _go(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._then()
