"""The warm-up after the first paint loads what a first Send needs, and that Send still works."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.ui.conftest import pane_client, run_async
from tests.waits import WAIT_MS
from workbench.api import http_client
from workbench.api.models import RerankRequest
from workbench.ui.main_window import UNSHOWN_TASKS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


def test_a_client_built_after_the_warm_up_sends_and_uses_what_it_loaded(
    services: Services, qtbot: QtBot
) -> None:
    http_client._system_trust.cache_clear()
    services.tasks.start("app.warm-up", services.session.warm_up())
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert http_client._system_trust.cache_info().currsize == 1  # the CA bundle, loaded
    client = run_async(qtbot, pane_client(services, "rerank"))
    documents = ["Paris is in France.", "Rome."]
    request = RerankRequest(query="capital of France", documents=documents, model="rerank-v3.5")
    response = run_async(qtbot, client.rerank(request))
    assert [hit.index for hit in response.results] == [0, 1]
    assert http_client._system_trust.cache_info().hits >= 1  # the client took the loaded one
    assert "app.warm-up" in UNSHOWN_TASKS  # nothing a person asked for: no busy indicator
