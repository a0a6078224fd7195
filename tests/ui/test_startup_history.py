"""The app opens the run history once the window is shown (issue 15): runs sent after that are
recorded, by clients built before it too, and a History pane shown first lists them then."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import endpoint_for, pane_client, run_async
from tests.waits import WAIT_MS
from workbench.api.models import Flavour, RerankRequest
from workbench.core.runs.store import RunFilter
from workbench.ui import app
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.core.runs.history import History
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REQUEST = RerankRequest(query="apple pie", documents=["apple pie", "car tyre"], model="m")


def _queries(history: History) -> list[str]:
    history.writer.flush()
    return [summary.query for summary in history.store.find(RunFilter())]


def test_runs_are_recorded_from_the_history_attached_on(services: Services, qtbot: QtBot) -> None:
    history = services.history
    assert history is not None
    services.attach_history(None)  # as the app starts: no history until the window shows
    client = run_async(qtbot, pane_client(services, "rerank"))
    run_async(qtbot, client.rerank(REQUEST.model_copy(update={"query": "before"})))
    services.attach_history(history)
    assert services.history is history
    run_async(qtbot, client.rerank(REQUEST))  # the client made before records from now on
    other = endpoint_for(services, Flavour.COHERE_V1)
    later = run_async(qtbot, services.session.client_for(other.id))
    assert later is not client
    run_async(qtbot, later.rerank(REQUEST.model_copy(update={"query": "after"})))
    assert sorted(_queries(history)) == ["after", "apple pie"]


def test_a_history_pane_shown_first_lists_the_runs_once_the_history_is_attached(
    services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = services.history
    assert history is not None
    run_async(qtbot, run_async(qtbot, pane_client(services, "rerank")).rerank(REQUEST))
    assert _queries(history) == ["apple pie"]
    services.attach_history(None)
    window = services.settings.settings.window.model_copy(update={"last_pane": "history"})
    services.settings.update(window=window)
    main = MainWindow(services=services, lazy_panes=True)
    qtbot.addWidget(main)
    main.show()
    assert main.is_pane_built("history")
    assert main.history_pane.model.runs() == []
    monkeypatch.setattr(app, "open_history", lambda _notices, _loop: history)
    app._attach_history(main, services)
    assert services.history is history
    assert [run.query for run in main.history_pane.model.runs()] == ["apple pie"]
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    main.close()  # while the pane can still stop its work (not in the collector's teardown)
