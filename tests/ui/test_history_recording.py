"""GUI runs go into the run history: a rerank run, a chat turn, a stopped turn; none when off."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import destroyed_after, new_chat_pane, select_flavour, shown
from workbench.api.models import Flavour, RerankRequest
from workbench.core.runs.search import RunFilter
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.core.runs.store import RunRecord
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _runs(services: Services) -> list[RunRecord]:
    assert services.history is not None
    services.history.writer.flush()
    store = services.history.store
    return [r for r in (store.get(s.id) for s in store.find(RunFilter())) if r is not None]


def _rerank(services: Services, qtbot: QtBot) -> None:
    with destroyed_after(shown(RerankPane(services=services))) as pane:
        pane.set_query("apple pie")
        pane.editor.json.set_text(json.dumps(["apple pie recipe", "car repair", "pear tart"]))
        pane.run_button.click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)


def test_a_gui_rerank_run_is_recorded(services: Services, qtbot: QtBot) -> None:
    _rerank(services, qtbot)
    runs = _runs(services)
    [record] = [r for r in runs if r.kind == "rerank"]
    assert (record.source, record.outcome, record.status) == ("gui", "ok", 200)
    assert record.query == "apple pie"
    assert record.endpoint
    assert record.inputs["request"]["documents"][0] == "apple pie recipe"
    assert json.loads(record.response_body)["results"]
    assert record.usage == {"billed_units": {"search_units": 1.0}}
    assert record.cost == pytest.approx(0.002)  # 1 search unit at 2.0 per 1,000
    assert record.currency == "USD"


def test_a_gui_chat_turn_is_recorded_with_its_answer(services: Services, qtbot: QtBot) -> None:
    pane = new_chat_pane(services, qtbot)
    pane.send("Tell me something about rerankers")
    qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    [record] = _runs(services)
    assert (record.kind, record.source, record.outcome) == ("chat", "gui", "ok")
    assert record.answer == reply.text
    assert record.events
    assert record.usage
    assert record.cost is not None
    assert record.cost > 0
    assert record.currency == "USD"


def test_a_stopped_turn_is_recorded_as_stopped_with_what_arrived(
    services: Services, qtbot: QtBot
) -> None:
    endpoint = select_flavour(services, Flavour.COHERE_V2)
    slow = {"x-sandbox-fault": "slow_stream_ms=50"}
    services.session.save_endpoint(endpoint.model_copy(update={"extra_headers": slow}))
    pane = new_chat_pane(services, qtbot)
    pane.send("Tell me a long story about rerankers")
    qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=20_000)
    pane.composer.stop.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    [record] = _runs(services)
    assert record.outcome == "stopped"
    assert record.answer == reply.text


def test_nothing_is_recorded_when_the_setting_is_off(services: Services, qtbot: QtBot) -> None:
    services.settings.update(keep_history=False)
    _rerank(services, qtbot)
    assert _runs(services) == []


def test_a_recorded_rerank_run_opens_again_with_the_same_request(
    services: Services, qtbot: QtBot
) -> None:
    _rerank(services, qtbot)
    [record] = _runs(services)
    with destroyed_after(RerankPane(services=services)) as pane:
        pane.show()
        pane.open_request(RerankRequest.model_validate(record.inputs["request"]))
        assert json.loads(pane.request_body_text()) == json.loads(record.request_body)
