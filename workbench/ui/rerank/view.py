"""Rerank output: the results table with the selected document in full, and the comparison tab."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.api.models import Usage
from workbench.core.chat_metrics import estimate_cost
from workbench.core.rerank_spans import ranked_text, span_marks
from workbench.ui.common import l10n
from workbench.ui.common.a11y import name_tab_bar
from workbench.ui.common.json_editor import JsonHighlighter
from workbench.ui.common.json_highlight import utf16_index
from workbench.ui.rerank.compare_model import CompareModel
from workbench.ui.rerank.results import (
    PreviewDelegate,
    RerankResultsModel,
    ScoreBarDelegate,
)
from workbench.ui.rerank.span_marks import mark_spans
from workbench.ui.rerank.texts import cost_text, fill, spans_caption

if TYPE_CHECKING:
    from workbench.api.models import RerankRequest, RerankResponse
    from workbench.core.chat_metrics import PriceTable
    from workbench.core.rerank_compare import Comparison


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("RerankResultsView", text, None, n)


def _billed(unit: str, amount: float) -> str:
    """ "1 search unit", "3 search units"; a unit the workbench does not know keeps its name."""
    shown = l10n.format_number(amount, 0 if float(amount).is_integer() else 2)
    if unit == "search_units":
        return fill(_tr("%1 search unit(s)", round(amount)), shown)
    name = unit.replace("_", " ")
    return f"{shown} {name[:-1] if name.endswith('s') and amount == 1 else name}"


def summary_line(response: RerankResponse, prices: PriceTable | None = None) -> str:
    """ "12 results in 84 ms · 1 search unit · ≈ 0.0020 USD" (other billed units too).

    The cost is estimated from the billed units at the endpoint's prices, when it has them.
    """
    count = len(response.results)
    head = _tr("%1 result(s) in %2", count)
    parts = [fill(head, l10n.format_count(count), l10n.format_ms(response.latency_ms))]
    parts += [_billed(unit, amount) for unit, amount in response.billed_units.items()]
    cost = estimate_cost(Usage(billed_units=response.billed_units), prices)
    if cost is not None and prices is not None:
        parts.append(cost_text(cost, prices.currency))
    return " · ".join(parts)


def comparison_line(comparison: Comparison, name_a: str, name_b: str) -> str:
    """One line naming A and B with overlap@k and Kendall's tau."""
    tau = _tr("n/a") if comparison.tau is None else l10n.format_number(comparison.tau, 3)
    if comparison.tau is not None and comparison.tau >= 0:
        tau = "+" + tau
    line = _tr("A: %1  ·  B: %2  ·  overlap@%3: %4/%3  ·  Kendall's τ over %5 shared: %6")
    k = l10n.format_count(comparison.k)
    overlap, common = l10n.format_count(comparison.overlap), l10n.format_count(comparison.common)
    return fill(line, name_a, name_b, k, overlap, common, tau)


class RerankResultsView(QTabWidget):
    """Results | Compare tabs; they keep their content until the next successful run."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rerankResultsTabs")
        self._shown: tuple[RerankResponse, PriceTable | None] | None = None
        """The last results and their prices (the summary is redrawn from them)."""
        self._compared: tuple[Comparison, str, str] | None = None
        self._fields: list[str] | None = None
        self.model = RerankResultsModel(self)
        self.compare_model = CompareModel(self)
        self.addTab(self._results_page(), "")
        self.addTab(self._compare_page(), "")
        name_tab_bar(self)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch: texts, table headers and figures."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language; redraw headers, cells and summaries."""
        self.setAccessibleName(self.tr("Rerank output"))
        self.tabBar().setAccessibleName(self.accessibleName())
        self.setTabText(0, self.tr("Res&ults"))
        self.setTabText(1, self.tr("Com&pare"))
        self.table.setAccessibleName(self.tr("Results"))
        self.detail.setAccessibleName(self.tr("Selected document"))
        self.compare_summary.setAccessibleName(self.tr("Comparison summary"))
        self.compare_table.setAccessibleName(self.tr("Comparison"))
        if self._compared is None:
            self.compare_summary.setText(self.tr("Pick an endpoint under “Compare with” and run."))
        else:
            self.compare_summary.setText(comparison_line(*self._compared))
        self.model.retranslate()
        self.compare_model.retranslate()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show_detail(rows[0].row())

    def _results_page(self) -> QWidget:
        self.table = QTableView(self)
        self.table.setObjectName("rerankResultsTable")
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between results
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(RerankResultsModel.SCORE, ScoreBarDelegate(self.table))
        self.table.setItemDelegateForColumn(
            RerankResultsModel.DOCUMENT, PreviewDelegate(self.table)
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.resizeSection(RerankResultsModel.SCORE, 140)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("rerankResultDocument")
        self.detail.setReadOnly(True)
        self._detail_highlighter = JsonHighlighter(self.detail.document())
        self.notes = QLabel(self)
        self.notes.setObjectName("rerankResultNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split, 1)
        box.addWidget(self.notes)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        return page

    def _compare_page(self) -> QWidget:
        self.compare_summary = QLabel(self)
        self.compare_summary.setObjectName("rerankCompareSummary")
        self.compare_summary.setWordWrap(True)
        self.compare_table = QTableView(self)
        self.compare_table.setObjectName("rerankCompareTable")
        self.compare_table.setModel(self.compare_model)
        self.compare_table.setTabKeyNavigation(False)
        self.compare_table.horizontalHeader().setStretchLastSection(True)
        self.compare_table.verticalHeader().setVisible(False)
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.compare_summary)
        box.addWidget(self.compare_table, 1)
        return page

    def show_results(
        self,
        response: RerankResponse,
        request: RerankRequest,
        notes: list[str],
        prices: PriceTable | None = None,
    ) -> None:
        """Replace the results with a new answer to `request` (its cost at `prices`, if known)."""
        fields = request.rank_fields or ["text"]
        self._fields = request.rank_fields
        self.model.set_results(response.results, request.documents, fields)
        self._shown = (response, prices)
        shown = [*notes, *response.warnings]
        self.notes.setText("\n".join(f"• {n}" for n in shown))
        self.notes.setVisible(bool(shown))
        self.detail.clear()
        if response.results:
            self.table.selectRow(0)

    def show_comparison(
        self, a: RerankResponse, b: RerankResponse, request: RerankRequest, name_a: str, name_b: str
    ) -> Comparison:
        """Show A's and B's rankings of the same request side by side."""
        k = request.top_n or min(10, len(request.documents))
        comparison = self.compare_model.set_rankings(
            a, b, request.documents, request.rank_fields or ["text"], k
        )
        self._compared = (comparison, name_a, name_b)
        self.compare_summary.setText(comparison_line(comparison, name_a, name_b))
        self.compare_table.resizeColumnsToContents()
        return comparison

    def summary(self) -> str:
        """The status line of the last results ("" before any), in the current language."""
        return summary_line(*self._shown) if self._shown is not None else ""

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self._show_detail(rows[0].row())

    def _show_detail(self, row: int) -> None:
        document = self.model.document(row)
        hit = self.model.hit(row)
        score = l10n.format_number(hit.relevance_score, 6)
        head = fill(self.tr("// rank %1 · index %2 · score %3"), row + 1, hit.index, score) + "\n"
        if hit.relevant_spans and document is not None:
            # Spans count in the text that was ranked: show that text, with the spans marked.
            text = ranked_text(document, self._fields)
            marks = span_marks(text, hit.relevant_spans)
            head += spans_caption(marks) + "\n"
            self.detail.setPlainText(head + text)
            mark_spans(self.detail, utf16_index(head, len(head)), text, marks)
            return
        self.detail.setExtraSelections([])
        self.detail.setPlainText(head + json.dumps(document, indent=2, ensure_ascii=False))
