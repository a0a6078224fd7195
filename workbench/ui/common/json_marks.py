"""The JSON editor's error mark: the faulty line tinted, the character at fault underlined.

Placed from a problem's "line L, column C" (as people count, 1-based, columns in characters)
and read back the same way, so a test or a screen reader's helper can ask where it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from workbench.ui.common.json_highlight import utf16_index
from workbench.ui.common.roles import role_colour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

_PLACE = re.compile(r"line (\d+), column (\d+)")


def mark_error(edit: QPlainTextEdit, where: str) -> None:
    """Mark the place `where` names in `edit`; a place that is no line and column clears it."""
    found = _PLACE.fullmatch(where)
    if not found:
        edit.setExtraSelections([])
        return
    line, column = int(found.group(1)), int(found.group(2))
    block = edit.document().findBlockByNumber(line - 1)
    if not block.isValid():
        block = edit.document().lastBlock()
    red = role_colour("error")  # the style sheet's, so the dark scheme's lighter red
    whole = QTextEdit.ExtraSelection()
    whole.format.setBackground(_tint(red, 40))
    whole.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
    whole.cursor = QTextCursor(block)
    spot = QTextEdit.ExtraSelection()
    spot.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    spot.format.setUnderlineColor(red)
    spot.format.setBackground(_tint(red, 110))
    cursor = QTextCursor(block)
    offset = min(utf16_index(block.text(), column - 1), max(0, block.length() - 1))
    cursor.setPosition(block.position() + offset)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    spot.cursor = cursor
    edit.setExtraSelections([whole, spot])


def marked_position(edit: QPlainTextEdit) -> tuple[int, int] | None:
    """(line, column) of the error `mark_error` marked, 1-based, or None when nothing is."""
    selections = edit.extraSelections()
    if len(selections) < 2:
        return None
    cursor = selections[1].cursor
    block = cursor.block()
    column16 = cursor.selectionStart() - block.position()
    text = block.text()
    column = 0
    units = 0
    while units < column16 and column < len(text):
        units += 2 if ord(text[column]) > 0xFFFF else 1
        column += 1
    return block.blockNumber() + 1, column + 1


def _tint(colour: QColor, alpha: int) -> QColor:
    """`colour` see-through, for a background that keeps the text under it readable."""
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted
