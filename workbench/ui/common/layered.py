"""Widgets that take turns in one place, each filling it, placed without a layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent


class Layered(QWidget):
    """Holds widgets in one rectangle, each given all of it; the caller shows one at a time.

    A widget shown or hidden in a layout makes Qt lay out every layout above it again, at once
    (issue 15: the chat's first message did that for the transcript and for the busy bar before
    the request was written). Here nothing is laid out: the place keeps its size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held: list[QWidget] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def hold(self, *widgets: QWidget) -> None:
        """Place these children here (made with this as their parent)."""
        self._held.extend(widgets)
        for widget in widgets:
            widget.setGeometry(self.rect())
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """The largest hint of the widgets held."""
        return _largest([w.sizeHint() for w in self._held])

    def minimumSizeHint(self) -> QSize:
        """The largest minimum of the widgets held."""
        return _largest([w.minimumSizeHint() for w in self._held])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Give each widget the whole place (a hidden one too: it shows at its size)."""
        super().resizeEvent(event)
        for widget in self._held:
            widget.setGeometry(self.rect())


def _largest(sizes: list[QSize]) -> QSize:
    size = QSize(0, 0)
    for hint in sizes:
        size = size.expandedTo(hint)
    return size
