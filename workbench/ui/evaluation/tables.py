"""The Evaluation pane's two tables: metrics per endpoint (and B - A), and per-query outcomes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from workbench.core.evaluation.metrics import METRICS, metric_label
from workbench.ui.common.l10n import fill, format_count, format_score

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.core.evaluation.runner import EvalReport


def number(value: float, *, signed: bool = False) -> str:
    """A figure in the person's locale, four decimals (what is copied stays locale-neutral)."""
    text = format_score(value)
    return f"+{text}" if signed and value > 0 else text


def _item(text: str, *, figure: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if figure:  # a column of figures reads down its decimals, as a spreadsheet's does
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def new_table(name: str, parent: QWidget) -> QTableWidget:
    """A read-only table that Tab leaves (as every table in the program)."""
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Each column as wide as its cells: a stretched last column put its right-aligned figure
    # at the far edge, away from its row.
    header.setStretchLastSection(False)
    return table


def fill_metrics(table: QTableWidget, report: EvalReport) -> None:
    """One row per endpoint, then B - A, its p-value and wins/losses/ties when comparing."""
    k = report.k
    table.clear()
    table.setColumnCount(len(METRICS) + 1)
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("EvaluationTables", "Endpoint"),
            *(metric_label(m, k) for m in METRICS),
        ]
    )
    rows: list[list[str]] = [
        [side.label, *(number(side.means[m]) for m in METRICS)] for side in report.sides
    ]
    comparison = report.comparison
    if comparison is not None:
        deltas = [comparison.metrics[m] for m in METRICS]
        rows.append(
            [
                QCoreApplication.translate("EvaluationTables", "B - A"),
                *(number(d.difference, signed=True) for d in deltas),
            ]
        )
        rows.append(
            [
                QCoreApplication.translate("EvaluationTables", "p-value"),
                *(number(d.p_value) for d in deltas),
            ]
        )
        rows.append(
            [
                QCoreApplication.translate("EvaluationTables", "B wins / losses / ties"),
                *(
                    f"{format_count(d.wins)} / {format_count(d.losses)} / {format_count(d.ties)}"
                    for d in deltas
                ),
            ]
        )
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, _item(text, figure=c > 0))


def fill_queries(table: QTableWidget, report: EvalReport, metric: str = "ndcg") -> list[str]:
    """One row per query: its figures (and B - A with the outcome when comparing), biggest
    differences first. Returns the query ids in row order."""
    label = metric_label(metric, report.k)
    a = report.sides[0]
    comparison = report.comparison
    headers = [
        QCoreApplication.translate("EvaluationTables", "Query id"),
        QCoreApplication.translate("EvaluationTables", "Query"),
        # Whose figure the column holds, in the GUI's word order ("A nDCG@10" reads in Italian
        # as "to nDCG@10"); the metric's own name stays.
        fill(QCoreApplication.translate("EvaluationTables", "A %1"), label),
    ]
    if comparison is not None:
        headers += [
            fill(QCoreApplication.translate("EvaluationTables", "B %1"), label),
            fill(QCoreApplication.translate("EvaluationTables", "B - A %1"), label),
            QCoreApplication.translate("EvaluationTables", "Outcome"),
        ]
        order = sorted(comparison.queries, key=lambda q: -abs(q.delta(metric)))
        rows = [
            [
                q.query_id,
                number(q.a.value(metric)),
                number(q.b.value(metric)),
                number(q.delta(metric), signed=True),
                _outcome(q.outcome(metric)),
            ]
            for q in order
        ]
    else:
        rows = [[q.query_id, number(q.value(metric))] for q in a.per_query]
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    figure_columns = range(2, 5 if comparison is not None else 3)  # not the outcome's words
    for r, row in enumerate(rows):
        query_id, *figures = row
        cells = [query_id, report.query_texts.get(query_id, ""), *figures]
        for c, text in enumerate(cells):
            table.setItem(r, c, _item(text, figure=c in figure_columns))
    return [row[0] for row in rows]


def _outcome(outcome: str) -> str:
    return {
        "win": QCoreApplication.translate("EvaluationTables", "B wins"),
        "loss": QCoreApplication.translate("EvaluationTables", "B loses"),
        "tie": QCoreApplication.translate("EvaluationTables", "tie"),
    }[outcome]
