"""Side-by-side rankings: a table model of each document's rank and score under A and B."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from workbench.core.rerank_docs import preview_segments
from workbench.ui.common import l10n
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP
from workbench.ui.common.roles import role_colour
from workbench.ui.common.table_models import AnyIndex, HeaderedTableModel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QObject

    from workbench.api.models import Document, RerankResponse
    from workbench.core.rerank_compare import Comparison


def movement_text(delta: int | None, rank_a: int | None, rank_b: int | None) -> str:
    """How a document moved from A to B, for people: "▲ 2", "▼ 1", "=", "only A", "only B"."""
    if rank_b is None:
        return QCoreApplication.translate("CompareModel", "only A")
    if rank_a is None:
        return QCoreApplication.translate("CompareModel", "only B")
    if not delta:
        return "="
    return f"▲ {delta}" if delta > 0 else f"▼ {-delta}"


class CompareModel(HeaderedTableModel):
    """One row per document in B's order (then those only A ranked), with the movement."""

    HEADERS: ClassVar[list[str]] = [
        QT_TRANSLATE_NOOP("CompareModel", "Index"),
        QT_TRANSLATE_NOOP("CompareModel", "Rank A"),
        QT_TRANSLATE_NOOP("CompareModel", "Score A"),
        QT_TRANSLATE_NOOP("CompareModel", "Rank B"),
        QT_TRANSLATE_NOOP("CompareModel", "Score B"),
        QT_TRANSLATE_NOOP("CompareModel", "Move"),
        QT_TRANSLATE_NOOP("CompareModel", "Document"),
    ]
    """Column names in English; shown translated (a language switch redraws the header)."""
    MOVE = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._scores_a: dict[int, float] = {}
        self._scores_b: dict[int, float] = {}
        self._documents: Sequence[Document] = ()
        self._fields: list[str] = []

    def set_rankings(
        self,
        a: RerankResponse,
        b: RerankResponse,
        documents: Sequence[Document],
        rank_fields: Sequence[str],
        k: int,
    ) -> Comparison:
        """Compare two answers to the same request; returns the comparison shown."""
        from workbench.core.rerank_compare import compare_rankings  # here: not for the first paint

        self.beginResetModel()
        order_a = [h.index for h in a.results]
        order_b = [h.index for h in b.results]
        self._comparison = compare_rankings(order_a, order_b, k)
        self._scores_a = {h.index: h.relevance_score for h in a.results}
        self._scores_b = {h.index: h.relevance_score for h in b.results}
        self._documents = documents
        self._fields = list(rank_fields)
        self.endResetModel()
        return self._comparison

    def clear(self) -> None:
        """Show nothing."""
        self.beginResetModel()
        self._comparison = None
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        """The comparison shown, if any."""
        return self._comparison

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column's name in the current language."""
        name = super().headerData(section, orientation, role)
        return QCoreApplication.translate("CompareModel", name) if name else name

    def retranslate(self) -> None:
        """Redraw the header and the cells in the current language and locale."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(self.HEADERS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.movements)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        move = self._comparison.movements[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.MOVE:
            if move.delta:
                return role_colour("success" if move.delta > 0 else "error")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        columns = [
            str(move.index),
            _opt(move.rank_a),
            _score(self._scores_a.get(move.index)),
            _opt(move.rank_b),
            _score(self._scores_b.get(move.index)),
            movement_text(move.delta, move.rank_a, move.rank_b),
            self._preview(move.index),
        ]
        return columns[index.column()]

    def _preview(self, doc_index: int) -> str:
        if not 0 <= doc_index < len(self._documents):
            return ""
        pieces = preview_segments(self._documents[doc_index], self._fields, limit=160)
        return "".join(text for text, _ in pieces)


def _opt(value: int | None) -> str:
    return "—" if value is None else str(value)


def _score(value: float | None) -> str:
    return "—" if value is None else l10n.format_score(value)
