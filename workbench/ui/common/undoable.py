"""Replacing what an editor holds as one step its Undo takes back.

`setPlainText` and `setText` clear an editor's undo history: text the person typed, replaced by a
sample, a recorded request or another pane's hand-off, was gone with no way back (Ctrl+Z did
nothing). Every programmatic fill of a field the person types in goes through `replace_text`.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit


def replace_text(edit: QPlainTextEdit | QTextEdit | QLineEdit, text: str) -> None:
    """Replace the whole text of `edit` with `text` as a single undoable edit.

    A line edit records `insert` for undo (and emits `textEdited`, as typing does); a text
    editor's document records one edit block.
    """
    if isinstance(edit, QLineEdit):
        if edit.text() != text:  # no empty undo step for an unchanged text
            edit.selectAll()
            edit.insert(text)
        return
    replace_document(edit.document(), text)


def replace_document(document: QTextDocument, text: str) -> None:
    """Replace the whole of `document` with `text` as one undo step."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
