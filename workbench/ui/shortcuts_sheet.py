"""Keyboard shortcuts sheet: every shortcut the window's actions and QShortcuts carry, filterable.

Nothing is listed by hand: the sheet reads the live QActions and QShortcuts under the window
each time it opens, so a shortcut added anywhere shows up without touching this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.keys import native, without_mnemonic
from workbench.ui.common.retranslate import Retranslating

PANE_TABS = "paneTabs"
"""The main window's tab widget: a shortcut under one of its pages works in that pane only."""


@dataclass(frozen=True)
class ShortcutEntry:
    """One key combination and what it does."""

    keys: str
    """As the platform writes it ("Ctrl+Return")."""
    what: str
    """The action's text, or what a QShortcut says it does (its whatsThis)."""
    where: str
    """The pane or part it works in ("" for the whole window)."""


def collect_shortcuts(window: QWidget) -> list[ShortcutEntry]:
    """Every shortcut of the actions and QShortcuts under `window`, sorted by place then keys."""
    found: set[ShortcutEntry] = set()
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            found.add(
                ShortcutEntry(native(keys), without_mnemonic(action.text()), _where(action, window))
            )
    for shortcut in window.findChildren(QShortcut):
        sequences = shortcut.keys()  # QShortcut's, not a dict's
        for keys in sequences:
            if not keys.isEmpty():
                found.add(ShortcutEntry(native(keys), _what(shortcut), _where(shortcut, window)))
    return sorted(found, key=lambda e: (e.where, e.keys, e.what))


def _what(shortcut: QShortcut) -> str:
    if shortcut.whatsThis():
        return shortcut.whatsThis()
    parent = shortcut.parent()
    return parent.accessibleName() if isinstance(parent, QWidget) else ""


def _where(item: QObject, window: QWidget) -> str:
    """The accessible name of the pane the item belongs to (a page of the window's pane tabs)."""
    widget = item.parent()
    while isinstance(widget, QWidget) and widget is not window:
        stack = widget.parentWidget()
        tabs = stack.parentWidget() if stack is not None else None
        if tabs is not None and tabs.objectName() == PANE_TABS:
            return widget.accessibleName()
        widget = stack
    return ""


class ShortcutsSheet(Retranslating, QDialog):
    """A non-modal sheet: a filter field over a table of keys, what they do and where."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsSheet")
        self._window = window
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setClearButtonEnabled(True)
        self._filter_label = QLabel(self)
        self._filter_label.setBuddy(self.filter)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, back to the filter
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._filter_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.resize(560, 480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language and list the shortcuts again."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._filter_label.setText(self.tr("&Find a shortcut:"))
        self.filter.setAccessibleName(self.tr("Find a shortcut"))
        self.filter.setPlaceholderText(self.tr("keys or what they do"))
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Where")])
        self.refresh()

    def refresh(self) -> None:
        """List the window's shortcuts as they are now, the filter applied."""
        entries = collect_shortcuts(self._window)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            where = entry.where or self.tr("Everywhere")
            for column, text in enumerate((entry.keys, entry.what, where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._on_filter_text_changed(self.filter.text())

    def shown_keys(self) -> list[str]:
        """The key combinations of the rows the filter leaves, in order."""
        rows = range(self.table.rowCount())
        return [self._cell(r, 0) for r in rows if not self.table.isRowHidden(r)]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            cells = " ".join(self._cell(row, c) for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in cells)


def open_sheet(window: QWidget, sheet: ShortcutsSheet | None) -> ShortcutsSheet:
    """Show the sheet (made once per window, listed again each time), raised and focused."""
    if sheet is None:
        sheet = ShortcutsSheet(window)
    sheet.refresh()
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    sheet.filter.setFocus(Qt.FocusReason.OtherFocusReason)
    return sheet
