"""A thousand documents load a chunk per turn (issue 15) and end up shown as a load at once shows them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.core.rerank_docs import key_inventory
from workbench.ui.common.l10n import format_count
from workbench.ui.rerank.pane import PREVIEW_DOCS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def documents(count: int = 1000) -> list[dict[str, str]]:
    """About a kilobyte each; every tenth has no `year` (the picker counts keys)."""
    docs = []
    for i in range(count):
        doc = {"title": f"Doc {i}", "text": f"apple orchard {i} " + "harvest river " * 70}
        if i % 10:
            doc["year"] = "2024"
        docs.append(doc)
    return docs


def shown(pane: RerankPane) -> dict[str, Any]:
    """Everything the documents feed: text, table, picker, count, body preview, split offer."""
    pane._refresh_preview()  # the preview's debounce, skipped
    count = pane.findChild(QLabel, "rerankDocumentCount")
    assert count is not None
    return {
        "text": pane.editor.json.editor.toPlainText(),
        "rows": pane.editor.model.documents(),
        "columns": pane.editor.model.columns(),
        "picker": [pane.form.fields.item(i).text() for i in range(pane.form.fields.count())],
        "inventory": pane.form.inventory(),
        "last": pane.editor.last_documents(),
        "count": count.text(),
        "preview": pane.request_body_text(),
        "split": (pane.split.isVisibleTo(pane), pane.split.text()),
        "empty": pane.editor.empty.isVisibleTo(pane),
    }


def load_spread(pane: RerankPane, qtbot: QtBot, docs: list[Any]) -> None:
    pane.editor.set_documents(docs)
    assert pane.editor.json.is_loading()  # spread over turns, not all at once
    qtbot.waitUntil(lambda: not pane.editor.json.is_loading(), timeout=WAIT_MS)


def test_a_thousand_documents_show_as_a_load_at_once_shows_them(
    pane: RerankPane, qtbot: QtBot
) -> None:
    docs = documents()
    pane.set_query("apple harvest")
    pane.editor.json.set_text('["something else"]')  # the picker keeps checks: same start twice
    pane.set_documents(docs)  # the pane's own path: all at once
    assert not pane.editor.json.is_loading()
    at_once = shown(pane)
    pane.editor.json.set_text('["something else"]')
    assert shown(pane)["rows"] == ["something else"]
    load_spread(pane, qtbot, docs)
    assert shown(pane) == at_once
    assert at_once["rows"] == docs
    assert at_once["text"] == json.dumps(docs, indent=2, ensure_ascii=False)
    assert at_once["columns"] == ["title", "text", "year"]
    assert at_once["inventory"] == key_inventory(docs)
    assert at_once["picker"][2] == f"year  ({format_count(900)}/{format_count(1000)})"
    # Grouped as every figure of the GUI is: Qt's %Ln left "1000 documenti" bare in Italian.
    assert at_once["count"] == tr("DocumentsEditor", "%1 document(s)", format_count(1000), n=1000)
    assert '"query": "apple harvest"' in at_once["preview"]
    assert at_once["preview"].count("apple orchard") == PREVIEW_DOCS
    assert not at_once["empty"]


def test_a_broken_thousand_documents_mark_the_error_and_the_results_stale(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    pane.set_query("apple harvest")
    pane.editor.json.set_text(json.dumps(["apple pie", "car repair"]))
    query = pane.findChild(QPlainTextEdit, "rerankQuery")
    assert query is not None
    query.setFocus()
    qtbot.keyClick(query, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.results.model.rowCount() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    text = json.dumps(documents(), indent=2)
    comma = text.rindex(",\n")
    broken = text[:comma] + text[comma + 1 :]
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(broken)
    pane.editor.json.set_text(broken)
    assert not pane.stale.is_stale()  # nothing is said about half a text
    qtbot.waitUntil(lambda: not pane.editor.json.is_loading(), timeout=WAIT_MS)
    assert pane.editor.json.error_position() == (expected.value.lineno, expected.value.colno)
    assert pane.stale.is_stale()
    assert pane.editor.last_documents() is None
    fixed = documents(3)
    load_spread(pane, qtbot, documents())
    pane.editor.json.set_text(json.dumps(fixed))
    qtbot.waitUntil(lambda: not pane.stale.is_stale(), timeout=WAIT_MS)
    assert pane.editor.model.documents() == fixed


def test_running_mid_load_sends_every_document(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    docs = documents(300)
    pane.set_query("apple harvest")
    pane.editor.set_documents(docs)
    assert pane.editor.json.is_loading()
    pane.run()  # reads the documents: the load finishes first
    qtbot.waitUntil(lambda: pane.results.model.rowCount() == len(docs), timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert sorted(hit.index for hit in pane.results.model.hits()) == list(range(len(docs)))
