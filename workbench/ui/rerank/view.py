"""Rerank output: the results table with the selected document in full, and the comparison tab."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, Qt
from PySide6.QtGui import QKeySequence
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

from workbench.ui.common import l10n
from workbench.ui.common.a11y import StatusLabel, name_tab_bar
from workbench.ui.common.core_text import shown
from workbench.ui.common.json_editor import JsonHighlighter
from workbench.ui.common.json_highlight import utf16_index
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.rerank.compare_model import CompareModel
from workbench.ui.rerank.results import (
    PreviewDelegate,
    RerankResultsModel,
    ScoreBarDelegate,
)
from workbench.ui.rerank.span_marks import mark_spans
from workbench.ui.rerank.texts import RerankTexts, fill, summary_line

if TYPE_CHECKING:
    from workbench.api.models import RerankRequest, RerankResponse
    from workbench.api.text import Text
    from workbench.core.chat_metrics import PriceTable
    from workbench.core.rerank_compare import Comparison
    from workbench.core.rerank_handoff import RankedDocument


class RerankResultsView(Retranslating, QTabWidget):
    """Results | Compare tabs; they keep their content until the next successful run."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rerankResultsTabs")
        self._shown: tuple[RerankResponse, PriceTable | None] | None = None
        """The last results and their prices (the summary is redrawn from them)."""
        self._compared: tuple[Comparison, str, str] | None = None
        self._failed_compare = ""
        """What the last comparison's failed side said (shown instead of its old results)."""
        self._fields: list[str] | None = None
        self._notes: list[Text | str] = []
        """The last results' notes: the workbench's own (said in the current language) and
        the server's warnings (as they came)."""
        self.model = RerankResultsModel(self)
        self.compare_model = CompareModel(self)
        self.addTab(self._results_page(), "")
        self._compare_page = QWidget(self)
        self._compare_built = False
        self.addTab(self._compare_page, "")
        name_tab_bar(self)
        self.retranslate_ui()
        self.currentChanged.connect(self._on_self_current_changed)

    @property
    def compare_summary(self) -> QLabel:
        """The Compare tab's summary line (the tab is built on first use)."""
        self._build_compare_page()
        return self._compare_summary

    @property
    def compare_table(self) -> QTableView:
        """The Compare tab's table (the tab is built on first use)."""
        self._build_compare_page()
        return self._compare_table

    def changeEvent(self, event: QEvent) -> None:
        """Colour the shown result and mark its spans again in a new theme's colours."""
        if event.type() == QEvent.Type.PaletteChange:
            self._detail_highlighter.recolour(self.palette())
            rows = self.table.selectionModel().selectedIndexes()
            if rows:
                self._show_detail(rows[0].row())
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language; redraw headers, cells and summaries."""
        self.setAccessibleName(self.tr("Rerank output"))
        self.tabBar().setAccessibleName(self.accessibleName())
        self.setTabText(0, self.tr("Res&ults"))
        self.setTabText(1, self.tr("Com&pare"))
        self.table.setAccessibleName(self.tr("Results"))
        self.detail.setAccessibleName(self.tr("Selected document"))
        keys = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        hint = self.tr("No results yet. Run to rank the documents by the query — %1.")
        self.hint.setText(hint.replace("%1", keys))
        self.hint.setAccessibleName(self.tr("Results hint"))
        self.hint.setAccessibleDescription(self.hint.text())
        if self._compare_built:
            self._retranslate_compare()
        self._draw_notes()
        self.model.retranslate()
        self.compare_model.retranslate()
        rows = self.table.selectionModel().selectedIndexes()
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
        self._detail_highlighter = JsonHighlighter(
            self.detail.document(), palette=self.detail.palette()
        )
        self.hint = QLabel(self)
        self.hint.setObjectName("rerankResultsHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")  # the style sheet greys hints
        self.notes = QLabel(self)
        self.notes.setObjectName("rerankResultNotes")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)  # the server's warnings, as they came
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
        box.addWidget(self.hint)
        box.addWidget(split, 1)
        box.addWidget(self.notes)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        return page

    def _build_compare_page(self) -> None:
        """Fill the Compare tab when it is first shown or first has something to show: built
        with the pane, before the first paint, it cost a table and its header (issue 15)."""
        if self._compare_built:
            return
        self._compare_built = True
        page = self._compare_page
        self._compare_summary = StatusLabel(page)  # a screen reader reads the line, not a name
        self._compare_summary.setObjectName("rerankCompareSummary")
        self._compare_summary.setWordWrap(True)
        self._compare_table = table = QTableView(page)
        table.setObjectName("rerankCompareTable")
        table.setModel(self.compare_model)
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._compare_summary)
        box.addWidget(table, 1)
        for widget in (self._compare_summary, table):
            widget.show()  # now, not on a queued call after the tab's first paint
        QWidget.setTabOrder(self.detail, table)  # where Tab met it when it was built up front
        self._retranslate_compare()
        if self._compared is not None:
            table.resizeColumnsToContents()

    def _retranslate_compare(self) -> None:
        self._compare_summary.setAccessibleName(self.tr("Comparison summary"))
        self._compare_table.setAccessibleName(self.tr("Comparison"))
        # A failed side's words stay as said (in the language of the run) until the next run.
        if self._failed_compare:
            self._compare_summary.setText(self._failed_compare)
        elif self._compared is None:
            self._compare_summary.setText(self.tr("Pick an endpoint under “Compare with” and run."))
        else:
            self._compare_summary.setText(RerankTexts().comparison_line(*self._compared))

    def _on_self_current_changed(self, index: int) -> None:
        if self.widget(index) is self._compare_page:
            self._build_compare_page()

    def show_results(
        self,
        response: RerankResponse,
        request: RerankRequest,
        notes: list[Text],
        prices: PriceTable | None = None,
    ) -> None:
        """Replace the results with a new answer to `request` (its cost at `prices`, if known)."""
        fields = request.rank_fields or ["text"]
        self._fields = request.rank_fields
        self.model.set_results(response.results, request.documents, fields)
        self._shown = (response, prices)
        self.hint.setVisible(False)  # the first screen's hint: gone once a run has answered
        self._notes = [*notes, *response.warnings]
        self._draw_notes()
        self.detail.clear()
        if response.results:
            self.table.selectRow(0)

    def _draw_notes(self) -> None:
        self.notes.setText("\n".join(f"• {shown(note)}" for note in self._notes))
        self.notes.setVisible(bool(self._notes))

    def show_comparison(
        self, a: RerankResponse, b: RerankResponse, request: RerankRequest, name_a: str, name_b: str
    ) -> Comparison:
        """Show A's and B's rankings of the same request side by side."""
        k = request.top_n or min(10, len(request.documents))
        comparison = self.compare_model.set_rankings(
            a, b, request.documents, request.rank_fields or ["text"], k
        )
        self._compared = (comparison, name_a, name_b)
        self._failed_compare = ""
        line = RerankTexts().comparison_line(comparison, name_a, name_b)
        self.compare_summary.setText(line)
        self.compare_table.resizeColumnsToContents()
        return comparison

    def show_comparison_failed(self, why: str) -> None:
        """The last comparison failed on a side: no old names or scores, only what failed."""
        self._compared = None
        self.compare_model.clear()
        self._failed_compare = why
        self.compare_summary.setText(why)

    def summary(self) -> str:
        """The status line of the last results ("" before any), in the current language."""
        return summary_line(*self._shown) if self._shown is not None else ""

    def ranked(self, n: int) -> list[RankedDocument]:
        """The best `n` results with their documents (the Chat pane's hand-off)."""
        from workbench.core.rerank_handoff import RankedDocument  # here: not for the first paint

        taken = []
        for row, hit in enumerate(self.model.hits()[: max(0, n)]):
            document = self.model.document(row)
            if document is not None:
                taken.append(RankedDocument(row + 1, hit.relevance_score, hit.index, document))
        return taken

    def select_rank(self, rank: int) -> bool:
        """Show the Results tab with the result of this rank (1 for the best) selected."""
        if not 1 <= rank <= self.model.rowCount():
            return False
        self.setCurrentIndex(0)
        self.table.selectRow(rank - 1)
        self.table.scrollTo(self.model.index(rank - 1, 0))
        return True

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
            from workbench.core.rerank_spans import (  # here: not for the first paint
                ranked_text,
                span_marks,
            )

            text = ranked_text(document, self._fields)
            marks = span_marks(text, hit.relevant_spans)
            head += RerankTexts().spans_caption(marks) + "\n"
            self.detail.setPlainText(head + text)
            mark_spans(self.detail, utf16_index(head, len(head)), text, marks)
            return
        self.detail.setExtraSelections([])
        self.detail.setPlainText(head + json.dumps(document, indent=2, ensure_ascii=False))
