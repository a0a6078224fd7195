"""JSON syntax colours and the line-number gutter of the JSON editor's code view."""

from __future__ import annotations

import re

from PySide6.QtCore import SIGNAL, SLOT, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from workbench.ui.common.theme import code_colours

_TOKEN = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*"?)(?P<colon>\s*:)?'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<keyword>\btrue\b|\bfalse\b|\bnull\b)"
    r"|(?P<punct>[{}\[\],:])"
)


_CHANGED = SIGNAL("contentsChange(int,int,int)")
_REFORMAT = SLOT("_q_reformatBlocks(int,int,int)")
"""How QSyntaxHighlighter.setDocument hooks itself to its document (Qt's own string connect)."""

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""A character outside the BMP: two UTF-16 units in Qt's positions, one code point in Python's."""


def utf16_index(text: str, index: int) -> int:
    """Convert a code-point index into `text` to the UTF-16 unit index Qt positions use."""
    # Counted by the regex engine, not a Python loop: lines of a kilobyte are common here.
    return index + len(_ASTRAL.findall(text, 0, index))


class JsonHighlighter(QSyntaxHighlighter):
    """Colours keys, strings, numbers, keywords and punctuation; JSON strings never span lines.

    The colours are the theme's for `palette`, the one of the view showing the document; the
    view passes its new palette to `recolour` when the theme changes.
    """

    def __init__(self, document: QTextDocument, *, palette: QPalette) -> None:
        super().__init__(document)
        self._enabled = True
        self._formats: dict[str, QTextCharFormat] = {}
        self._set_formats(palette)

    def _set_formats(self, palette: QPalette, *, muted: bool = False) -> None:
        greyed = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for name, colour in code_colours(palette).items():
            fmt = QTextCharFormat()
            fmt.setForeground(greyed if muted else colour)
            if name == "key":
                fmt.setFontWeight(QFont.Weight.DemiBold)
            self._formats[name] = fmt

    def recolour(self, palette: QPalette, *, muted: bool = False) -> None:
        """Colour the document again in the theme's colours for `palette` (`muted`: all of it in
        the palette's disabled text colour, for an editor that is switched off)."""
        self._set_formats(palette, muted=muted)
        document = self.document()
        if self._enabled and document is not None:
            # The signal an edit sends, which reaches the hooked reformat slot; not
            # rehighlight(), which crashed on a document whose hook had been taken off and put
            # back (the `enabled` switch).
            document.contentsChange.emit(0, 0, document.characterCount())

    @property
    def enabled(self) -> bool:
        """False leaves lines uncoloured (texts too large to colour without freezing)."""
        return self._enabled

    @enabled.setter
    def enabled(self, on: bool) -> None:
        # Off means unhooked from the document's changes, not only a no-op highlightBlock:
        # Qt called that Python override once per line anyway, ~100 ms for 1,000 documents.
        if on == self._enabled:
            return
        self._enabled = on
        document = self.document()
        if document is None:
            return
        if on:
            QObject.connect(document, _CHANGED, self, _REFORMAT)
        else:
            QObject.disconnect(document, _CHANGED, self, _REFORMAT)

    def highlightBlock(self, text: str) -> None:
        """Colour one line."""
        if not self.enabled:
            return
        wide = not text.isascii() and _ASTRAL.search(text) is not None
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup or ""
            if kind == "colon" or match.group("string") is not None:
                kind = "key" if match.group("colon") else "string"
                start, end = match.span("string")
            else:
                start, end = match.span()
            if wide:
                start, end = utf16_index(text, start), utf16_index(text, end)
            self.setFormat(start, end - start, self._formats[kind])


class _Gutter(QWidget):
    """The line-number margin; it paints on behalf of its editor."""

    def __init__(self, editor: CodeEdit) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_gutter(event)


class CodeEdit(QPlainTextEdit):
    """A plain-text editor with a line-number gutter and a monospace font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)  # keyboard users must be able to leave the editor
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._on_self_block_count_changed)
        self.updateRequest.connect(self._on_self_update_request)
        self._on_self_block_count_changed(0)

    def gutter_width(self) -> int:
        """Width that fits the largest line number."""
        digits = max(3, len(str(self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    def _on_self_block_count_changed(self, _count: int) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_self_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Paint the numbers of the visible lines only (cheap for any document length)."""
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(self.palette().placeholderText().color())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width() - 4
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(
                    0, top, width, height, Qt.AlignmentFlag.AlignRight, str(block.blockNumber() + 1)
                )
            block = block.next()
            top = bottom
        painter.end()
