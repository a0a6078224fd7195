"""The Evaluation pane's charts (pyqtgraph): the metrics per endpoint, and per-query differences.

pyqtgraph (with numpy) takes a second or more to import cold, so it loads when the charts are
first drawn, never at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.core.evaluation.metrics import METRICS, metric_label
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.roles import role_colour

if TYPE_CHECKING:
    from workbench.core.evaluation.runner import EvalReport

_WIDTH = 0.35


class EvaluationCharts(Retranslating, QWidget):
    """Two bar charts: each metric's mean per endpoint; each query's difference (or score)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationCharts")
        self._report: EvalReport | None = None
        self._plots: tuple[Any, Any] | None = None
        self._layout = QVBoxLayout(self)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("evaluationChartsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.placeholder)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.setAccessibleName(self.tr("Evaluation charts"))
        self.placeholder.setText(self.tr("Run an evaluation to see its charts."))
        if self._report is not None and self._plots is not None:
            self._draw(self._report)

    def changeEvent(self, event: QEvent) -> None:
        """Draw the charts again in a new theme's colours."""
        if event.type() == QEvent.Type.PaletteChange and self._plots and self._report:
            self._draw(self._report)
        super().changeEvent(event)

    def show_report(self, report: EvalReport | None) -> None:
        """Chart this report (drawn now if the charts show, else when they are first shown)."""
        self._report = report
        if self.isVisible():
            self._refresh()

    def showEvent(self, event: Any) -> None:
        """Draw what is pending; pyqtgraph loads here the first time."""
        super().showEvent(event)
        self._refresh()

    def plots(self) -> tuple[Any, Any] | None:
        """The two PlotWidgets once built (tests read their items)."""
        return self._plots

    def _refresh(self) -> None:
        if self._report is None:
            return
        if self._plots is None:
            self._plots = self._build_plots()
        self._draw(self._report)

    def _build_plots(self) -> tuple[Any, Any]:
        pg = importlib.import_module("pyqtgraph")
        self.placeholder.hide()
        plots = []
        for name in ("evaluationMetricsChart", "evaluationQueriesChart"):
            plot = pg.PlotWidget(self)
            plot.setObjectName(name)
            # The figures are in the tables beside; a chart is a picture, not a control.
            plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            plot.setBackground(None)
            plot.showGrid(y=True, alpha=0.3)
            for side in ("left", "bottom"):
                _ticks_in_locale(plot.getAxis(side))
            self._layout.addWidget(plot)
            plots.append(plot)
        return plots[0], plots[1]

    def _draw(self, report: EvalReport) -> None:
        assert self._plots is not None
        pg = importlib.import_module("pyqtgraph")
        metrics_plot, queries_plot = self._plots
        metrics_plot.setAccessibleName(self.tr("Chart of the metrics per endpoint"))
        queries_plot.setAccessibleName(self.tr("Chart of the per-query figures"))
        self._draw_metrics(pg, metrics_plot, report)
        self._draw_queries(pg, queries_plot, report)
        ink = self._ink()
        for plot in self._plots:  # pyqtgraph's own grey is 2.7:1 on the light window
            for side in ("left", "bottom"):
                plot.getAxis(side).setPen(ink)
                plot.getAxis(side).setTextPen(ink)

    def _ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _draw_metrics(self, pg: Any, plot: Any, report: EvalReport) -> None:
        plot.clear()
        plot.addLegend(offset=(10, 10)).setLabelTextColor(self._ink())
        colours = (self.palette().color(QPalette.ColorRole.Highlight), role_colour("warning"))
        for i, side in enumerate(report.sides):
            offset = (i - (len(report.sides) - 1) / 2) * _WIDTH
            bars = pg.BarGraphItem(
                x=[n + offset for n in range(len(METRICS))],
                height=[side.means[m] for m in METRICS],
                width=_WIDTH,
                brush=colours[i % 2],
                name=("A: " if i == 0 else "B: ") + side.label,
            )
            plot.addItem(bars)
        ticks = [(n, metric_label(m, report.k)) for n, m in enumerate(METRICS)]
        plot.getAxis("bottom").setTicks([ticks])
        plot.setYRange(0, 1.25)  # room above the bars for the legend
        plot.setTitle(self.tr("Mean per endpoint"), color=self._ink())

    def _draw_queries(self, pg: Any, plot: Any, report: EvalReport) -> None:
        plot.clear()
        label = metric_label("ndcg", report.k)
        if report.comparison is not None:
            values = sorted((q.delta("ndcg") for q in report.comparison.queries), reverse=True)
            title = self.tr("B - A per query (%1), best for B first").replace("%1", label)
        else:
            values = sorted((q.ndcg for q in report.sides[0].per_query), reverse=True)
            title = self.tr("%1 per query, best first").replace("%1", label)
        tie = self.palette().color(QPalette.ColorRole.Mid)
        up, down = role_colour("success"), role_colour("error")
        brushes = [up if v > 0 else down if v < 0 else tie for v in values]
        plot.addItem(
            pg.BarGraphItem(x=list(range(len(values))), height=values, width=0.8, brushes=brushes)
        )
        plot.setTitle(title, color=self._ink())


def _ticks_in_locale(axis: Any) -> None:
    """Write `axis`'s tick labels with the GUI locale's decimal point.

    pyqtgraph writes them the C way ("0.5", "-0.25") beside tables in the locale's ("0,5"); in
    Italian the point groups thousands. Its own strings are kept, only the point is the
    locale's, so the places it chose for the spacing stay.
    """
    english = axis.tickStrings

    def tick_strings(values: list[float], scale: float, spacing: float) -> list[str]:
        point = QLocale().decimalPoint()
        return [text.replace(".", point) for text in english(values, scale, spacing)]

    axis.tickStrings = tick_strings
