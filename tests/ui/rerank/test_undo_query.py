"""The query or model the person typed comes back with Ctrl+Z after a fill or hand-off replaced it.

`setPlainText` cleared the query box's undo history: Load sample, History's "Open back in its
pane", Evaluation's "Open in Rerank" and Chat's query to Rerank each lost the typed query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from workbench.api.models import RerankRequest

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.rerank.pane import RerankPane

FILLS: dict[str, Callable[[RerankPane], object]] = {
    "load sample": lambda pane: pane.fill_sample(),
    "open back": lambda pane: pane.open_request(
        RerankRequest(query="recorded query", documents=["a", "b"])
    ),
    "hand-off": lambda pane: pane.set_query("a query from chat"),
}


@pytest.mark.parametrize("fill", FILLS.values(), ids=FILLS.keys())
def test_a_replaced_query_comes_back_with_undo(
    pane: RerankPane, fill: Callable[[RerankPane], object]
) -> None:
    query = pane.findChild(QPlainTextEdit, "rerankQuery")
    assert query is not None
    QTest.keyClicks(query, "my own query")
    fill(pane)
    assert query.toPlainText() not in {"", "my own query"}
    QTest.keyClick(query, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert query.toPlainText() == "my own query"


def test_open_back_replaces_the_typed_model_undoably(pane: RerankPane) -> None:
    model = pane.findChild(QLineEdit, "rerankModel")
    assert model is not None
    QTest.keyClicks(model, "my-reranker")
    pane.open_request(RerankRequest(query="q", documents=["a"], model="rerank-v3.5"))
    assert model.text() == "rerank-v3.5"
    QTest.keyClick(model, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.text() == "my-reranker"
