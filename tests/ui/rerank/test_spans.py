"""Rerank 5's relevant spans in the Rerank pane: asked for in the form, marked in the result."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.rerank.test_pane import error_text, fill, ranking, run
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.ui.rerank.span_marks import marked_texts

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DOCS = [
    "Crème brûlée is a dessert.",
    "Bananas are yellow 🍌. Penguins live in Antarctica. They cannot fly.",
]


def test_relevant_spans_are_offered_for_rerank_5_only(pane: RerankPane) -> None:
    pane.form.model.setText("rerank-v3.5")
    assert not pane.form.spans.enabled.isEnabled()
    pane.form.model.setText("rerank-v5.0-pro")
    assert pane.form.spans.enabled.isEnabled()
    assert not pane.form.spans.threshold.isEnabled()
    pane.form.spans.enabled.setChecked(True)
    assert pane.form.spans.threshold.isEnabled()


def test_spans_are_sent_and_marked_in_the_selected_document(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    pane.form.model.setText("rerank-v5.0-fast")
    pane.form.spans.enabled.setChecked(True)
    pane.form.spans.max_spans.setValue(1)
    pane.form.spans.priority.setValue(3)
    fill(pane, "where do penguins live", DOCS)
    qtbot.waitUntil(lambda: '"relevant_spans"' in pane.preview.toPlainText(), timeout=WAIT_MS)
    body = json.loads(pane.preview.toPlainText())
    assert body["relevant_spans"] == {"mode": "enabled", "threshold": 0.1, "max_spans": 1}
    assert body["priority"] == 3
    run(pane, services, qtbot)
    assert error_text(pane) == ""
    assert ranking(pane)[0] == 1
    detail = pane.findChild(QPlainTextEdit, "rerankResultDocument")
    assert detail is not None
    # After an emoji (two UTF-16 units), the mark still covers exactly the sentence.
    assert marked_texts(detail) == ["Penguins live in Antarctica."]
    caption = tr("RerankTexts", "// span %1 · score %2 · characters %3 to %4", 1)
    assert caption.split("%2")[0] in detail.toPlainText()
