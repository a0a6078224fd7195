"""Flow layout: a row of buttons that wraps onto more lines instead of widening the window."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Lays its items left to right and starts a new line when the next one does not fit.

    A button row in a QHBoxLayout makes the window at least as wide as every button together
    (issue 19: at 800x600 the window could not shrink and buttons were cut); here the row's
    minimum width is its widest item, and the height follows the width (`heightForWidth`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        """Take an item (addWidget comes here)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at `index`, or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at `index` (None past the end)."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Grows in neither direction on its own."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """The height depends on how many lines the width leaves."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need at this width."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items inside `rect`."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Every visible item on one line."""
        size = QSize()
        for item in self._shown():
            hint = item.sizeHint()
            size = QSize(
                size.width() + hint.width() + self._gap(), max(size.height(), hint.height())
            )
        return size.grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest item: narrower than that, something would be cut."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out line by line (placing them when `move`); return the height used."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line = area.x(), area.y(), 0
        gap = max(self._gap(), 0)
        for item in self._shown():
            hint = item.sizeHint().expandedTo(item.minimumSize())
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + gap, 0
            width = min(hint.width(), area.width()) if area.width() > 0 else hint.width()
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
