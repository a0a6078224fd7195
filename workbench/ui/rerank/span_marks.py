"""Draws Rerank 5's relevant spans over the selected document, as the chat marks citations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from workbench.ui.common import l10n
from workbench.ui.common.json_highlight import utf16_index
from workbench.ui.common.roles import role_background

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QPlainTextEdit

    from workbench.core.rerank_spans import SpanMark

SPAN_PROPERTY = 0x100100
"""QTextFormat user property carrying a span's score (tests and tooltips read it)."""


def mark_spans(edit: QPlainTextEdit, offset: int, text: str, marks: Sequence[SpanMark]) -> None:
    """Highlight each span of `text`, which starts `offset` UTF-16 units into the edit.

    The server counts in code points; Qt positions count UTF-16 units (an emoji is two).
    """
    selections = []
    background = role_background("citation")  # as the chat marks citations
    for mark in marks:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(background)
        selection.format.setFontUnderline(True)
        tip = QCoreApplication.translate("SpanMarks", "Relevant span, score %1")
        selection.format.setToolTip(tip.replace("%1", l10n.format_number(mark.score, 2)))
        selection.format.setProperty(SPAN_PROPERTY, mark.score)
        cursor = QTextCursor(edit.document())
        cursor.setPosition(offset + utf16_index(text, mark.start))
        cursor.setPosition(offset + utf16_index(text, mark.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    edit.setExtraSelections(selections)


def marked_texts(edit: QPlainTextEdit) -> list[str]:
    """The texts currently marked as spans, in document order."""
    return [s.cursor.selectedText() for s in edit.extraSelections()]
