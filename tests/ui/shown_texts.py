"""What a pane shows and says, widget by widget, to compare one language with another (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from tests.waits import WAIT_MS
from workbench.ui.common.endpoint_picker import EndpointPicker
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.i18n import apply_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

Texts = dict[tuple[int, str], str]
"""Text by (widget id, what it is: "text", "accessible", "tab 2", "placeholder"…)."""

SAME_IN_ITALIAN = frozenset(
    {
        # API and wire names stay as they are (docs/translations.md).
        "rank_fields",
        "r&ank_fields",
        "top_n",
        "&top_n",
        "return_documents",
        "max_chunks_per_doc",
        "max_chun&ks_per_doc",
        "max_tokens_per_doc",
        "max_to&kens_per_doc",
        "relevant_spans",
        "relevant_spans max_spans",
        "max_spans:",
        "ma&x_spans:",
        "threshold:",
        "priority",
        "priority:",
        "Seed",
        "Seed:",
        "Top p",
        "Top p:",
        "Top k",
        "Top k:",
        # Words Italian keeps as they are.
        "Chat",
        "Rerank",
        "Query",
        "&Query",
        "Endpoint",
        "&Endpoint:",
        "JSON",
        "&JSON",
        "Schema:",
        "%1:",
    }
)
"""Texts that read the same in English and Italian."""


DATA = frozenset({"rerankRankFields", "rerankDocumentsTable"})
"""Object names of views whose items and headers are data, not words (the documents' keys)."""


def _shared(widget: QWidget) -> bool:
    """Whether `widget` is a part of a shared widget the panes only place (ui/common: the
    endpoint picker, a JSON editor's Format button and message), whose words its own tests
    check; a JSON editor's text box, which the pane names, is the pane's."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, EndpointPicker):
            return True
        if isinstance(parent, JsonEditor):
            return widget is not parent.editor
        parent = parent.parentWidget()
    return False


def shown_texts(root: QWidget) -> Texts:
    """Every label, button, tab, title, placeholder, tool tip and accessible name on `root` and
    its children that are shown (what a person or a screen reader meets), by widget."""
    found: Texts = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, EndpointPicker) or _shared(widget):
            continue
        key = id(widget)
        found[(key, "accessible")] = widget.accessibleName()
        found[(key, "tooltip")] = widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            found[(key, "text")] = widget.text()
        if isinstance(widget, QGroupBox):
            found[(key, "title")] = widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            found[(key, "placeholder")] = widget.placeholderText()
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                found[(key, f"tab {tab}")] = widget.tabText(tab)
        if widget.objectName() in DATA:
            continue
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                found[(key, f"item {row}")] = widget.item(row).text()
        if isinstance(widget, QTableView | QTreeView) and (model := widget.model()) is not None:
            for column in range(model.columnCount(QModelIndex())):
                name = model.headerData(column, Qt.Orientation.Horizontal)
                found[(key, f"header {column}")] = str(name or "")
    return {k: v for k, v in found.items() if v}


def still_english(english: Texts, italian: Texts, allowed: frozenset[str] = frozenset()) -> Texts:
    """The texts that did not change between the two languages, beyond the allowed ones."""
    same = SAME_IN_ITALIAN | allowed
    return {k: v for k, v in english.items() if italian.get(k) == v and v not in same}


def switch_language(qtbot: QtBot, language: str, shown: Callable[[], bool]) -> None:
    """Apply `language` and wait until `shown()` says the widgets under test have redrawn."""
    apply_language(language)
    qtbot.waitUntil(shown, timeout=WAIT_MS)
