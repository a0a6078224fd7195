"""Rerank results table: a model over the hits, a score-bar delegate and a preview delegate."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from workbench.core.rerank_docs import preview_segments
from workbench.ui.common import l10n
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP
from workbench.ui.common.table_models import AnyIndex, HeaderedTableModel
from workbench.ui.common.theme import score_bar_colour

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QStyle

    from workbench.api.models import Document, RerankHit


SCORE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The relevance score as a float (the bar delegate draws it)."""
SEGMENTS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The preview as [(text, emphasised)] pieces (the preview delegate draws them)."""
DOC_INDEX_ROLE = int(Qt.ItemDataRole.UserRole) + 3
"""The document's position in the request."""

# Plain ints: a view asks data() for about ten roles per cell on every paint (issue 15); an enum
# comparison or flag OR each time showed in the profile.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED = frozenset(
    {SCORE_ROLE, DOC_INDEX_ROLE, SEGMENTS_ROLE, _DISPLAY, _ALIGNMENT, _ACCESSIBLE}
)
"""The roles data() answers; every other role is None at once."""


class RerankResultsModel(HeaderedTableModel):
    """One row per hit: rank, original index, score, document preview (ranked fields emphasised)."""

    HEADERS: ClassVar[list[str]] = [
        QT_TRANSLATE_NOOP("RerankResultsModel", "Rank"),
        QT_TRANSLATE_NOOP("RerankResultsModel", "Index"),
        QT_TRANSLATE_NOOP("RerankResultsModel", "Score"),
        QT_TRANSLATE_NOOP("RerankResultsModel", "Document"),
    ]
    """Column names in English; shown translated (a language switch redraws the header)."""
    RANK, INDEX, SCORE, DOCUMENT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[RerankHit] = []
        self._documents: Sequence[Document] = ()
        self._fields: list[str] = []
        self._previews: dict[int, list[tuple[str, bool]]] = {}

    def set_results(
        self, hits: Sequence[RerankHit], documents: Sequence[Document], rank_fields: Sequence[str]
    ) -> None:
        """Show new hits; `documents` are the ones sent (hits refer to them by index)."""
        self.beginResetModel()
        self._hits = list(hits)
        self._documents = documents
        self._fields = list(rank_fields)
        self._previews = {}
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing."""
        self.set_results([], [], [])

    def hit(self, row: int) -> RerankHit:
        """The hit shown on `row`."""
        return self._hits[row]

    def hits(self) -> list[RerankHit]:
        """Every hit in rank order."""
        return list(self._hits)

    def document(self, row: int) -> Document | None:
        """The whole document of the hit on `row` (the one sent, else the one returned)."""
        hit = self._hits[row]
        if 0 <= hit.index < len(self._documents):
            return self._documents[hit.index]
        return hit.document

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column's name in the current language."""
        name = super().headerData(section, orientation, role)
        return QCoreApplication.translate("RerankResultsModel", name) if name else name

    def retranslate(self) -> None:
        """Redraw the header and the cells in the current language and locale."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._hits:
            last = self.index(len(self._hits) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        hit = self._hits[row]
        if role == SCORE_ROLE:
            return hit.relevance_score
        if role == DOC_INDEX_ROLE:
            return hit.index
        if role == SEGMENTS_ROLE:
            return self._segments(row) if column == self.DOCUMENT else None
        if role == _DISPLAY:
            return self._display(row, column)
        if role == _ALIGNMENT:
            return _RIGHT if column != self.DOCUMENT else None
        if column == self.SCORE:  # the accessible text
            score = l10n.format_score(hit.relevance_score)
            return QCoreApplication.translate("RerankResultsModel", "score %1").replace("%1", score)
        return None

    def _display(self, row: int, column: int) -> str:
        hit = self._hits[row]
        if column == self.RANK:
            return str(row + 1)
        if column == self.INDEX:
            return str(hit.index)
        if column == self.SCORE:
            return l10n.format_score(hit.relevance_score)
        return "".join(text for text, _ in self._segments(row))

    def _segments(self, row: int) -> list[tuple[str, bool]]:
        # Computed on demand and cached: only rows that are painted pay for their preview.
        cached = self._previews.get(row)
        if cached is None:
            cached = preview_segments(self.document(row), self._fields)
            self._previews[row] = cached
        return cached


@cache
def _style_values() -> tuple[QStyle.ControlElement, QStyle.StateFlag]:
    """CE_ItemViewItem and State_Selected. QStyle is loaded when a result is first painted: its
    class builds 11 enums (about 570 members) that the first paint does not need (issue 15)."""
    from PySide6.QtWidgets import QStyle

    return QStyle.ControlElement.CE_ItemViewItem, QStyle.StateFlag.State_Selected


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws the score as a bar beside its number (scores are 0..1 and not proportional).

    The bar never runs under the number, so the number keeps the contrast of plain text; the
    bar takes the theme's score colour (HighlightedText on a selected row), 3:1 or more against
    what is behind it.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        score = index.data(SCORE_ROLE)
        if not isinstance(score, float):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = option.text  # the model's display text: the score as the locale writes it
        item, selected_state = _style_values()
        style = option.widget.style() if option.widget else None
        if style is not None:
            option.text = ""
            style.drawControl(item, option, painter, option.widget)
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)
        room = rect.width() - QFontMetrics(option.font).horizontalAdvance(text) - 6
        selected = bool(option.state & selected_state)
        palette = option.palette
        painter.save()
        painter.fillRect(
            QRect(rect.left(), rect.top(), round(room * max(0.0, min(1.0, score))), rect.height()),
            palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else score_bar_colour(palette),
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.drawText(rect, _RIGHT, text)
        painter.restore()


class PreviewDelegate(QStyledItemDelegate):
    """Draws a document preview with the ranked fields in bold, elided to the cell."""

    _fonts_key: str | None = None
    """The base font the kept fonts were made from (`QFont.key`)."""
    _font_pair: tuple[tuple[QFont, QFontMetrics], tuple[QFont, QFontMetrics]]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        segments = index.data(SEGMENTS_ROLE)
        if not isinstance(segments, list):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        item, selected_state = _style_values()
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(item, option, painter, widget)
        selected = bool(option.state & selected_state)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        self._draw_segments(painter, option.font, rect, segments)
        painter.restore()

    def _fonts(self, base: QFont) -> tuple[tuple[QFont, QFontMetrics], tuple[QFont, QFontMetrics]]:
        """The plain and bold fonts with their metrics, made once per base font (not per cell)."""
        key = base.key()
        if self._fonts_key != key:
            plain, bold = QFont(base), QFont(base)  # copies: `base` dies with the paint's option
            bold.setBold(True)
            self._fonts_key = key
            self._font_pair = (plain, QFontMetrics(plain)), (bold, QFontMetrics(bold))
        return self._font_pair

    def _draw_segments(
        self, painter: QPainter, base: QFont, rect: QRect, segments: list[tuple[str, bool]]
    ) -> None:
        plain, bold = self._fonts(base)
        x = rect.left()
        for text, strong in segments:
            font, metrics = bold if strong else plain
            room = rect.right() - x
            if room <= 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(font)
            painter.drawText(QRect(x, rect.top(), room, rect.height()), _LEFT, shown)
            x += metrics.horizontalAdvance(shown)
            if shown != text:
                break
