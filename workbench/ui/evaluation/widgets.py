"""Evaluation pane widgets: every control built, named, given its buddy label, and laid out.

The base of `EvaluationPane`, as a Designer form would be: it holds no texts (the pane's
`retranslate_ui` sets them, so they stay in the pane's translation context) and no behaviour.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.evaluation.metrics import MAX_K
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.pane_error import PaneErrorLine, StaleBar
from workbench.ui.evaluation.charts import EvaluationCharts
from workbench.ui.evaluation.tables import new_table


class EvaluationWidgets(QWidget):
    """Set and endpoints at the top; Run/Cancel with progress; metrics, queries and charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, QLabel] = {}
        self._build_inputs()
        self._build_results()
        self._lay_out()

    def _field(self, widget: Any, name: str) -> Any:
        widget.setObjectName(name)
        label = QLabel(self)
        label.setObjectName(name + "Label")
        label.setBuddy(widget)
        self._labels[name] = label
        return widget

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    def _build_inputs(self) -> None:
        self.set_path = self._field(QLineEdit(self), "evaluationSet")
        self.browse = self._button("evaluationBrowse")
        browse_menu = QMenu(self.browse)  # a set is a folder or one file: one dialog cannot ask
        browse_menu.setObjectName("evaluationBrowseMenu")
        self.browse_folder = browse_menu.addAction("")
        self.browse_file = browse_menu.addAction("")
        self.browse.setMenu(browse_menu)
        self.sample = self._button("evaluationSample")
        self.endpoint_a = self._field(QComboBox(self), "evaluationEndpointA")
        self.endpoint_b = self._field(QComboBox(self), "evaluationEndpointB")
        self.k = self._field(QSpinBox(self), "evaluationK")
        self.k.setRange(1, MAX_K)
        self.k.setValue(10)
        self.run_button = self._button("evaluationRun")
        self.start_over_button = self._button("evaluationStartOver")
        self.cancel_button = self._button("evaluationCancel")

    def _build_results(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setObjectName("evaluationProgress")
        self.status = StatusLabel(self)
        self.status.setObjectName("evaluationStatus")
        self.status.setWordWrap(True)
        self.notes = StatusLabel(self)  # read out as its text, as the status is
        self.notes.setObjectName("evaluationNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        self.results = QTabWidget(self)  # before its pages: Tab reaches the tab bar first
        self.error = PaneErrorLine(self)
        self.error.setObjectName("evaluationError")
        self.metrics_table = new_table("evaluationMetrics", self)
        self.queries_table = new_table("evaluationQueries", self)
        self.open_button = self._button("evaluationOpenInRerank")
        self.charts = EvaluationCharts(self)
        self.stale = StaleBar(self.results, self)
        self.stale.setObjectName("evaluationStale")
        self.results.setObjectName("evaluationResultsTabs")
        self.results.addTab(self.metrics_table, "")
        queries_page = QWidget(self)
        queries_page.setObjectName("evaluationQueriesPage")
        page_layout = QVBoxLayout(queries_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.queries_table)
        page_layout.addWidget(self.open_button)
        self.results.addTab(queries_page, "")
        self.results.addTab(self.charts, "")

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self._labels["evaluationSet"], 0, 0)
        set_row = QHBoxLayout()
        set_row.addWidget(self.set_path, 1)
        set_row.addWidget(self.browse)
        set_row.addWidget(self.sample)
        grid.addLayout(set_row, 0, 1, 1, 3)
        grid.addWidget(self._labels["evaluationEndpointA"], 1, 0)
        grid.addWidget(self.endpoint_a, 1, 1)
        grid.addWidget(self._labels["evaluationEndpointB"], 1, 2)
        grid.addWidget(self.endpoint_b, 1, 3)
        grid.addWidget(self._labels["evaluationK"], 2, 0)
        run_row = QHBoxLayout()
        self.k.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000") * 3)
        run_row.addWidget(self.k)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.start_over_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 1)
        run_row.addStretch(0)
        grid.addLayout(run_row, 2, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.notes)
        layout.addWidget(self.stale)
        layout.addWidget(self.results, 1)
