"""A Compare column's answers view: a plain-text view built for appending, headings and citations.

Only what is drawn once a turn lives here (the view, the heading of a turn, the cited spans of a
finished answer); the column appends the streaming answer itself, at every tick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from workbench.ui.common.roles import role_background
from workbench.ui.common.steady_scroll import SteadyScrollBar

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QWidget

    from workbench.core.citations import CitationMap


def answers_view(name: str, parent: QWidget) -> QPlainTextEdit:
    """The read-only view a column's answers are appended to."""
    # A plain-text view: its line layout appends in time independent of the answer's length,
    # where a rich text view relaid out enough to stall three columns (benchmarks).
    view = QPlainTextEdit(parent)
    view.setObjectName(name)
    view.setReadOnly(True)
    # Nobody undoes a transcript: an undo step per tick only held memory.
    view.setUndoRedoEnabled(False)
    view.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, view))
    return view


def write_user(document: QTextDocument, message: str) -> None:
    """Append the person's message and the heading the answer streams in under."""
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    if not document.isEmpty():
        cursor.insertBlock()
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    cursor.insertText(QCoreApplication.translate("CompareColumn", "You: "), bold)
    cursor.insertText(message, QTextCharFormat())
    cursor.insertBlock()
    cursor.insertText(QCoreApplication.translate("CompareColumn", "Assistant: "), bold)
    cursor.insertBlock()
    cursor.setCharFormat(QTextCharFormat())


def paint_citations(document: QTextDocument, base: int, cmap: CitationMap) -> None:
    """Mark the cited spans of the answer starting at `base`, in the theme's colours."""
    cursor = QTextCursor(document)
    background = role_background("citation")
    for span in cmap.spans:
        if span.start16 is None or span.end16 is None:
            continue
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        cited = QCoreApplication.translate("CompareColumn", "Cited: %1")
        fmt.setToolTip(cited.replace("%1", ", ".join(span.document_ids)))
        cursor.setPosition(base + span.start16)
        cursor.setPosition(base + span.end16, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
