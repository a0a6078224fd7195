"""A turn's start is drawn a moment after Send, or with the first answer text if that comes first:
the busy state, nothing moved, every early end."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.events import StreamEnded, StreamStarted, TextDelta
from workbench.core.turns import STOPPED
from workbench.ui.chat.pane import ChatPane
from workbench.ui.chat.transcript import Transcript

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from pytestqt.qtbot import QtBot

    from workbench.api.events import StreamEvent
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class HeldClient:
    """A server that holds its answer until `answer()`; counts the streams opened."""

    def __init__(self) -> None:
        self.opened = 0
        self._gate = asyncio.Event()

    def answer(self) -> None:
        self._gate.set()

    async def chat_stream(self, request: Any) -> AsyncIterator[StreamEvent]:
        self.opened += 1
        await self._gate.wait()
        yield StreamStarted("held")
        yield TextDelta("Hello there.")
        yield StreamEnded("COMPLETE")


@pytest.fixture
def client() -> HeldClient:
    return HeldClient()


@pytest.fixture
def pane(
    services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, client: HeldClient
) -> ChatPane:
    async def held(_endpoint_id: str) -> HeldClient:
        return client

    monkeypatch.setattr(services.session, "client_for", held)
    widget = ChatPane(services=services)
    qtbot.addWidget(widget)
    widget.documents.editor.set_text("[]")
    widget.tools.editor.set_text("[]")
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_busy_state_and_the_message_show_while_the_server_works(
    pane: ChatPane, services: Services, qtbot: QtBot, client: HeldClient
) -> None:
    pane.send("Hi")
    # At once: no second Send, Stop on.
    assert pane.is_streaming()
    assert not pane.composer.send.isEnabled()
    assert pane.composer.stop.isEnabled()
    qtbot.waitUntil(lambda: pane.composer.busy.isVisibleTo(pane), timeout=WAIT_MS)
    assert client.opened == 1
    assert pane.composer.status.text() == tr("ChatPane", "Answering…")
    assert pane.transcript.isVisibleTo(pane)
    assert not pane.examples.isVisibleTo(pane)
    assert "Hi" in pane.transcript.toPlainText()  # the turn's header, before any answer
    client.answer()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not pane.composer.busy.isVisibleTo(pane)
    assert pane.composer.send.isEnabled()
    assert "Hello there." in pane.transcript.toPlainText()
    whole = Transcript()
    whole.set_turns(pane.transcript.turns())
    assert pane.transcript.toHtml() == whole.toHtml()


class QuickClient:
    """A server that answers at once: the stream opens, and its first text follows a step later."""

    async def chat_stream(self, request: Any) -> AsyncIterator[StreamEvent]:
        yield StreamStarted("quick")
        await asyncio.sleep(0)
        yield TextDelta("Hello there.")
        yield StreamEnded("COMPLETE")


def test_a_quick_answer_is_drawn_with_the_turn_start_in_one_render(
    pane: ChatPane, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def quick(_endpoint_id: str) -> QuickClient:
        return QuickClient()

    monkeypatch.setattr(services.session, "client_for", quick)
    # The answer comes first, however slow the machine.
    pane.presenter.start_timer.setInterval(60_000)
    drawn: list[tuple[str, bool]] = []
    render = pane.transcript._render_live

    def noted(display: Any) -> None:
        render(display)
        drawn.append((display.text, pane.composer.busy.isVisibleTo(pane)))

    monkeypatch.setattr(pane.transcript, "_render_live", noted)
    pane.send("Hi")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    # Not the header alone first (for the stream's opening event), then the text.
    assert drawn[0] == ("Hello there.", True)
    assert "Hi" in pane.transcript.toPlainText()
    assert "Hello there." in pane.transcript.toPlainText()
    assert pane.composer.send.isEnabled()


def test_a_turn_stopped_before_its_start_is_drawn_still_ends_drawn(
    pane: ChatPane, services: Services, qtbot: QtBot, client: HeldClient
) -> None:
    pane.send("Hi")
    pane.cancel()  # before the turn's task took its first step
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert client.opened == 0
    assert not pane.composer.busy.isVisibleTo(pane)
    assert pane.composer.send.isEnabled()
    assert not pane.composer.stop.isEnabled()
    assert pane.composer.status.text() == tr("Transcript", STOPPED)
    assert pane.transcript.isVisibleTo(pane)
    assert "Hi" in pane.transcript.toPlainText()


def test_the_first_send_moves_nothing_on_screen(
    pane: ChatPane, services: Services, qtbot: QtBot, client: HeldClient
) -> None:
    composer, place = pane.composer.geometry(), pane.examples.geometry()
    pane.send("Hi")
    qtbot.waitUntil(lambda: pane.composer.busy.isVisibleTo(pane), timeout=WAIT_MS)
    assert pane.composer.geometry() == composer  # the busy bar had its place kept
    assert pane.transcript.geometry() == place  # the transcript takes the examples' place
    client.answer()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.composer.geometry() == composer
