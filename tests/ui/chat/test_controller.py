"""Chat controller: it owns the conversation and announces changes; the views draw from it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.waits import WAIT_MS
from workbench.api.events import CitationsAdded, StreamEnded, StreamStarted, TextDelta
from workbench.api.models import Citation
from workbench.core.citations import resolve_citations
from workbench.ui.chat.pane import ChatPane

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from pytestqt.qtbot import QtBot

    from workbench.api.events import StreamEvent
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ANSWER = "Paris is sunny. Berlin is grey."


class ScriptedClient:
    """Yields an answer word by word, with one citation, then ends."""

    async def chat_stream(self, request: Any) -> AsyncIterator[StreamEvent]:
        yield StreamStarted("scripted")
        for word in ANSWER.split(" "):
            yield TextDelta(word if word == "Paris" else " " + word)
        cite = Citation(start=9, end=14, text="sunny", document_ids=["d1"])
        yield CitationsAdded((cite,))
        yield StreamEnded("COMPLETE")


@pytest.fixture
def pane(services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> ChatPane:
    async def scripted(_endpoint_id: str) -> ScriptedClient:
        return ScriptedClient()

    monkeypatch.setattr(services.session, "client_for", scripted)
    widget = ChatPane(services=services)
    qtbot.addWidget(widget)
    widget.documents.editor.set_text('[{"id": "d1", "text": "Paris is sunny."}]')
    widget.tools.editor.set_text("[]")
    return widget


def test_a_turn_is_announced_and_its_citations_come_anchored_from_core(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    controller = pane.controller
    news: list[int] = []
    controller.snapshot_changed.connect(news.append)
    with qtbot.waitSignal(controller.turn_finished, timeout=WAIT_MS) as finished:
        pane.send("Weather?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert finished.args == [0]
    assert news
    assert set(news) == {0}
    assert len(news) < controller.run.snapshot.event_count  # once per drawing, not per event
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert reply.text == ANSWER
    cmap = controller.citations(0)
    assert cmap == resolve_citations(reply.text, reply.citations)
    assert pane.transcript.highlighted_spans(0) == {0: "sunny"}  # drawn where core put it
    pane.transcript.citation_activated.emit(0, (0,))
    assert "Paris is sunny." in pane.sources.toPlainText()


def test_clear_is_announced_and_the_views_follow(pane: ChatPane, qtbot: QtBot) -> None:
    with qtbot.waitSignal(pane.controller.turn_finished, timeout=WAIT_MS):
        pane.send("Weather?")
    qtbot.waitUntil(lambda: not pane.is_streaming(), timeout=WAIT_MS)
    with qtbot.waitSignal(pane.controller.conversation_cleared, timeout=WAIT_MS):
        pane.clear()
    assert pane.session().turns == []
    assert pane.transcript.turns() == []
    assert pane.controller.citations(0).spans == ()
