"""The Compare tab is built when first opened or first filled (issue 15), and works as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from tests.ui.tr import tr
from workbench.api.models import RerankHit, RerankRequest, RerankResponse

if TYPE_CHECKING:
    from workbench.ui.rerank.pane import RerankPane

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def next_tab_stop(widget: QWidget) -> QWidget:
    """The next widget after `widget` (and its own parts) that Tab can stop at."""
    step = widget.nextInFocusChain()
    while step is not None and (
        widget.isAncestorOf(step) or not step.focusPolicy() & Qt.FocusPolicy.TabFocus
    ):
        step = step.nextInFocusChain()
    assert step is not None
    return step


def test_the_compare_tab_is_built_when_first_opened(pane: RerankPane) -> None:
    results = pane.results
    assert pane.findChild(QTableView, "rerankCompareTable") is None  # nothing built up front
    results.setCurrentIndex(1)
    table = pane.findChild(QTableView, "rerankCompareTable")
    summary = pane.findChild(QLabel, "rerankCompareSummary")
    assert table is not None
    assert summary is not None
    assert table.isVisible()
    assert table.model() is results.compare_model
    assert table.accessibleName() == tr("RerankResultsView", "Comparison")
    assert summary.text() == tr(
        "RerankResultsView", "Pick an endpoint under “Compare with” and run."
    )
    assert next_tab_stop(results.detail) is table  # Tab meets it where it always did


def test_a_comparison_shown_before_the_tab_was_opened_is_there(pane: RerankPane) -> None:
    def response(order: list[int]) -> RerankResponse:
        return RerankResponse(
            results=[RerankHit(index=i, relevance_score=1 - r / 10) for r, i in enumerate(order)]
        )

    request = RerankRequest(query="q", documents=["d0", "d1", "d2"], top_n=2)
    pane.results.show_comparison(response([0, 1, 2]), response([2, 0, 1]), request, "A", "B")
    pane.results.setCurrentIndex(1)
    summary = pane.findChild(QLabel, "rerankCompareSummary")
    assert summary is not None
    assert "overlap@2: 1/2" in summary.text()
    assert pane.results.compare_table.model().rowCount() == 3


def test_a_failed_comparison_before_the_tab_was_opened_says_so(pane: RerankPane) -> None:
    pane.results.show_comparison_failed("B failed: HTTP 401")
    pane.results.setCurrentIndex(1)
    assert pane.results.compare_summary.text() == "B failed: HTTP 401"
