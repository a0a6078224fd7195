"""Rerank to chat through the main window: the best results become the chat's documents, and the
answer's citations name their rerank rank and score and lead back to the row."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import CHAT_MODEL
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.ui import resources
from workbench.ui.common.l10n import format_number
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    main.show()
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _texts() -> list[str]:
    """The sample's documents as plain strings (they get `rerank-<rank>` ids in chat)."""
    return [d["data"]["text"] for d in resources.sample("chat_documents.json")["documents"]]


def _rerank(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    rerank = window.rerank_pane
    assert not rerank.to_chat.button.isEnabled()
    rerank.set_query("Which plan includes single sign-on?")
    rerank.set_documents(_texts())
    rerank.run()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert rerank.results.model.rowCount() == 5, [n.text() for n in services.notices.history()]
    assert rerank.to_chat.button.isEnabled()


def _origin(rank: int, score: float) -> str:
    """How chat names a document from the rerank results: its rank and score."""
    return tr("ChatPane", "rank %1 · score %2", rank, format_number(score, 2))


def _tooltips(window: MainWindow) -> set[str]:
    document = window.chat_pane.transcript.document()
    tips = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            tip = it.fragment().charFormat().toolTip()
            if tip:
                tips.add(tip)
            it += 1
        block = block.next()
    return tips


def test_the_top_results_go_to_chat_and_its_citations_lead_back(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    _rerank(window, services, qtbot)
    rerank, chat = window.rerank_pane, window.chat_pane
    hits = rerank.results.model.hits()
    rerank.to_chat.count.setValue(2)
    rerank.to_chat.button.click()
    assert window.current_pane() is chat
    sent = chat.documents.editor.value()
    assert [d["id"] for d in sent] == ["rerank-1", "rerank-2"]
    assert [d["text"] for d in sent] == [_texts()[h.index] for h in hits[:2]]
    handed = tr("ChatPane", "%n document(s) from the rerank results.", n=2)
    assert chat.composer.status.text() == handed

    chat.setup.model.setText(CHAT_MODEL)
    chat.send("Which plan includes single sign-on?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = chat.session().turns[-1].reply
    assert reply is not None
    assert reply.citations
    cited = {d for c in reply.citations for d in c.document_ids}
    assert cited <= {"rerank-1", "rerank-2"}
    labels = {_origin(i, hits[i - 1].relevance_score) for i in (1, 2)}
    tips = _tooltips(window)
    assert tips
    assert all(any(label in tip for label in labels) for tip in tips)
    sources = chat.sources.toPlainText()
    assert any(label in sources for label in labels)

    # Following the source's link shows the rerank pane with that row selected.
    rerank.results.table.clearSelection()
    rank = min(int(i.removeprefix("rerank-")) for i in cited)
    chat.sources.anchorClicked.emit(QUrl(f"rerank:{rank}"))
    assert window.current_pane() is rerank
    assert rerank.results.currentIndex() == 0
    selected = rerank.results.table.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [rank - 1]
    hit = hits[rank - 1]
    score = format_number(hit.relevance_score, 6)
    head = tr("RerankResultsView", "// rank %1 · index %2 · score %3", rank, hit.index, score)
    assert rerank.results.detail.toPlainText().splitlines()[0] == head


def test_the_source_list_link_is_a_real_anchor(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    _rerank(window, services, qtbot)
    window.rerank_pane.to_chat.button.click()
    chat = window.chat_pane
    chat.setup.model.setText(CHAT_MODEL)
    chat.send("Which plan includes single sign-on?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    html = chat.sources.toHtml()
    assert 'href="rerank:' in html
    cursor = chat.sources.document().find(before(tr("ChatPane", "rank %1 · score %2")))
    assert isinstance(cursor, QTextCursor)
    assert cursor.charFormat().isAnchor()
