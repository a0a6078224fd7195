"""Chat pane under a heavy stream: the window keeps running, earlier turns are kept, history lands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QTimer

from tests.ui.chat.asked import answer
from tests.waits import WAIT_MS
from workbench.api.events import StreamEnded, StreamEvent, StreamStarted, TextDelta
from workbench.core.saved_chat import load_chat
from workbench.ui.chat import turn_presenter
from workbench.ui.chat.pane import ChatPane

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class BurstClient:
    """Yields every event at once, never suspending, like a read that returned a long backlog."""

    def __init__(self, text: str, *, during: Any = None) -> None:
        self._text = text
        self._during = during

    async def chat_stream(self, request: Any) -> AsyncIterator[StreamEvent]:
        yield StreamStarted("burst")
        if self._during is not None:
            self._during()
        for word in self._text.split(" "):
            yield TextDelta(word + " ")
        yield StreamEnded("COMPLETE")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    widget = ChatPane(services=services)
    qtbot.addWidget(widget)
    widget.documents.editor.set_text("[]")
    widget.tools.editor.set_text("[]")
    return widget


def _use(monkeypatch: pytest.MonkeyPatch, services: Services, client: BurstClient) -> None:
    async def current_client(_endpoint_id: str) -> BurstClient:
        return client

    monkeypatch.setattr(services.session, "client_for", current_client)


def test_a_stream_that_never_suspends_still_lets_qt_run(
    pane: ChatPane, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(turn_presenter, "YIELD_AFTER_S", 0.0)  # a break after every event
    fired: list[int] = []
    client = BurstClient(
        " ".join(["word"] * 300), during=lambda: QTimer.singleShot(0, lambda: fired.append(1))
    )
    _use(monkeypatch, services, client)
    pane.turn_finished.connect(lambda _: fired.append(0))
    pane.send("go")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert fired[:2] == [1, 0], "a Qt timer due mid-stream ran before the turn ended"
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.text == "word " * 300


def test_a_follow_up_turn_leaves_earlier_turns_as_they_are(
    pane: ChatPane, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, services, BurstClient("first answer"))
    pane.send("one")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    first_block = pane.transcript.document().begin()
    first_block.setUserState(42)  # survives only if turn 1 is not rendered again
    first_item = pane.trace.topLevelItem(0)
    _use(monkeypatch, services, BurstClient("second answer"))
    pane.send("two")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.transcript.document().begin().userState() == 42
    assert pane.trace.topLevelItem(0) is first_item
    assert pane.trace.topLevelItemCount() == 2
    assert [t.text for t in pane.transcript.turns()] == ["first answer ", "second answer "]
    pane.composer.regenerate.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.transcript.document().begin().userState() == 42
    assert pane.trace.topLevelItemCount() == 2


def test_history_is_written_in_the_background_by_the_time_the_pane_is_idle(
    pane: ChatPane, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, services, BurstClient("saved answer"))
    pane.send("remember this")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    saved = load_chat()
    assert [t.user for t in saved.turns] == ["remember this"]
    assert saved.turns[0].reply is not None
    assert saved.turns[0].reply.text == "saved answer "
    pane.composer.clear.click()
    answer(pane, qtbot, discard=True)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert load_chat().turns == []
