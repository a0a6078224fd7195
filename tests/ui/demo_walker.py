"""Collects every text a window shows, for the demo-mode test: widgets, item models, a11y, menus.

Generic on purpose: it visits every child widget of the window (hidden inner pages included,
since a click shows them), so a pane added to `PANES` later is walked with no change here. Only
what demo mode hid on purpose (`HIDDEN_PROPERTY` on it or an ancestor) is skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from workbench.ui.common.demo import HIDDEN_PROPERTY

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtCore import QAbstractItemModel

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
)
_A11Y = (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value)
_MAX_ROWS = 500
"""Rows of one model walked (enough for every view a test fills)."""
_MAX_DEPTH = 6


def hidden_by_demo(widget: QWidget) -> bool:
    """Whether demo mode hid this widget or one of its ancestors on purpose."""
    current: QWidget | None = widget
    while current is not None:
        if current.property(HIDDEN_PROPERTY):
            return True
        current = current.parentWidget()
    return False


def window_texts(window: QMainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window and its widgets show or expose."""
    yield "window title", window.windowTitle()
    yield "status bar", window.statusBar().currentMessage()
    for action in window.findChildren(QAction):
        yield f"action {action.objectName()}", f"{action.text()} {action.toolTip()}"
    for widget in [window, *window.findChildren(QWidget)]:
        if hidden_by_demo(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName() or '(unnamed)'}"
        for text in widget_texts(widget):
            if text:
                yield where, text


def widget_texts(widget: QWidget) -> Iterator[str]:
    """The texts one widget shows: its own, its model's, and what assistive technology reads."""
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    yield from _own_texts(widget)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from model_texts(widget.model())
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is not None and interface.isValid():
        for kind in _A11Y:
            yield interface.text(kind)


def _own_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QComboBox):
        yield widget.currentText()
        yield from model_texts(widget.model())
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)


def model_texts(
    model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0
) -> Iterator[str]:
    """Every cell's text in every role a view shows or reads out, headers too, tree included."""
    parent = parent or QModelIndex()
    # PySide6 hides a list model's columnCount (it is private in QAbstractListModel): one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    rows = min(model.rowCount(parent), _MAX_ROWS)
    if not parent.isValid():
        for column in range(columns):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            # A tree's children; the depth bound guards a flat model that ignores its parent.
            if column == 0 and depth < _MAX_DEPTH and model.rowCount(index) > 0:
                yield from model_texts(model, index, depth + 1)


def leaks(texts: Iterator[tuple[str, str]], needles: list[str]) -> list[str]:
    """`where: needle` for each text holding a needle (case-insensitive)."""
    found = []
    for where, text in texts:
        lowered = text.lower()
        found += [f"{where}: {n!r} in {text[:160]!r}" for n in needles if n.lower() in lowered]
    return found
