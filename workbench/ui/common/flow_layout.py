"""A layout that places widgets left to right and wraps them onto new rows (chips, tags)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLayoutItem


class FlowLayout(QLayout):
    """Rows of items at their size hints, wrapped at the layout's width; height follows width.

    Heights, the minimum size and the last placement are kept until Qt invalidates the layout,
    as Qt's own layouts keep theirs: one layout pass asks for the same height many times, and
    the whole row was laid out again each time (issue 15: ~18 times when the chat's busy bar
    appeared, before the request was even sent).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._heights: dict[int, int] = {}
        self._minimum: QSize | None = None
        self._placed: QRect | None = None
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        """Qt adds each widget through this."""
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at `index`, or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at `index` (None past the end)."""
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def invalidate(self) -> None:
        """Forget the kept sizes: an item changed (Qt calls this before every layout pass)."""
        self._heights.clear()
        self._minimum = None
        self._placed = None
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        """Neither: rows take the width they are given."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Yes: narrower means more rows."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the rows need at `width`."""
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in `rect`."""
        super().setGeometry(rect)
        if rect != self._placed:
            self._place(rect, move=True)
            self._placed = QRect(rect)

    def sizeHint(self) -> QSize:
        """The widest item's size (rows are laid out to the width given)."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """Room for the widest item."""
        if self._minimum is None:
            size = QSize()
            for item in self._items:
                size = size.expandedTo(item.minimumSize())
            margins = self.contentsMargins()
            extra = QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
            self._minimum = size + extra
        return QSize(self._minimum)

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
