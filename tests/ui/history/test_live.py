"""The History inspector follows a running chat turn: events and the timeline grow as they arrive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import destroyed_after, new_chat_pane, select_flavour, shown
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.ui.history.pane import HistoryPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services) -> Iterator[HistoryPane]:
    with destroyed_after(shown(HistoryPane(services=services))) as widget:
        yield widget


def test_the_inspector_follows_a_turn_while_it_streams(
    pane: HistoryPane, services: Services, qtbot: QtBot
) -> None:
    endpoint = select_flavour(services, Flavour.COHERE_V2)
    paced = {"x-sandbox-fault": "slow_stream_ms=80"}
    services.session.save_endpoint(endpoint.model_copy(update={"extra_headers": paced}))
    chat = new_chat_pane(services, qtbot)
    chat.send("Tell me a long story about rerankers")

    def running_turn_inspected() -> bool:
        pane.refresh()  # as switching to the History tab does
        return pane.view.is_live() and pane.view.event_count() > 0

    qtbot.waitUntil(running_turn_inspected, timeout=WAIT_MS)
    first = pane.view.event_count()
    first_ticks = len(pane.timeline.timeline().events)
    # Nothing is asked of the pane from here on: its own timer reads what the writer committed.
    qtbot.waitUntil(lambda: pane.view.event_count() >= first + 2, timeout=WAIT_MS)
    assert chat.is_streaming()  # it grew before the stream ended
    assert len(pane.timeline.timeline().events) > first_ticks
    assert pane.inspector.toPlainText().count(" ms] ") == pane.view.event_count()
    assert not pane.inspector.document().isUndoAvailable()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not pane.view.is_live(), timeout=WAIT_MS)
    record = pane.view.record()
    assert record is not None
    assert record.outcome == "ok"
    reply = chat.session().turns[-1].reply
    assert reply is not None
    assert tr("Core", "answer: %1", reply.text) in pane.inspector.toPlainText()
    assert pane.model.runs()[0].outcome == "ok"  # the list was read again at the end


def test_a_turn_started_while_the_pane_is_in_view_shows_up_and_is_followed(
    pane: HistoryPane, services: Services, qtbot: QtBot
) -> None:
    endpoint = select_flavour(services, Flavour.COHERE_V2)
    paced = {"x-sandbox-fault": "slow_stream_ms=80"}
    services.session.save_endpoint(endpoint.model_copy(update={"extra_headers": paced}))
    assert pane.model.runs() == []
    chat = new_chat_pane(services, qtbot)
    chat.send("Tell me a long story about rerankers")
    # Nothing is asked of the pane: it notices the new run by itself.
    # Live means it was still running when read: the pane found it mid-stream.
    qtbot.waitUntil(lambda: pane.view.is_live() and pane.view.event_count() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
