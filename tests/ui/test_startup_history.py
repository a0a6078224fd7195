"""The app opens the run history once the window is shown (issue 15): runs sent after that are
recorded, by clients built before it too, and a History pane shown first lists them then."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import endpoint_for, pane_client, run_async
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour, RerankRequest
from workbench.api.redact import register_secret
from workbench.core.runs import database as database_module
from workbench.core.runs import writer as writer_module
from workbench.core.runs.aside import KeptAside, aside_files
from workbench.core.runs.search import RunFilter
from workbench.core.runs.tap import RunStart
from workbench.ui import app
from workbench.ui.history_notices import open_history, say_kept
from workbench.ui.i18n import apply_language
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    import asyncio
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.core.runs.history import History
    from workbench.ui.notices import NoticeCenter
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


def test_runs_refused_at_quit_are_kept_aside_and_restored_at_the_next_start(
    qloop: asyncio.AbstractEventLoop,
    notices: NoticeCenter,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another process held the history's write lock at quit: the runs were logged as lost.
    Quitting names the side file they went to; the next start adds them and says so."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_S", 0.02)  # the lock outlasts every try
    monkeypatch.setattr(writer_module, "CLOSE_WAIT_S", 0.1)
    history = open_history(notices, qloop)
    assert history is not None
    other = database_module.connect(history.store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        history.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        history.writer.flush()
        say_kept(notices, history.close())  # what quitting does with close()'s answer
    finally:
        other.execute("ROLLBACK")
        other.close()
    (kept,) = aside_files(history.store.path)
    said = notices.history()[-1]
    assert (said.title, said.detail) == (
        tr("App", "Runs kept aside: %1", 1),
        tr(
            "App",
            "The run history refused them; they were kept in %1 and are added to it at "
            "the next start.",
            kept,
        ),
    )
    assert f"they were kept in {kept}" in capsys.readouterr().err
    again = open_history(notices, qloop)
    assert again is not None
    restored = tr("App", "Runs restored: %1", 1)
    qtbot.waitUntil(lambda: notices.history()[-1].title == restored, timeout=WAIT_MS)
    assert _queries(again) == ["locked out"]
    assert aside_files(again.store.path) == []
    again.close()


def test_the_quit_line_on_stderr_goes_through_the_redactor(
    notices: NoticeCenter, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every line the program prints is masked: a kept-aside path or an OS reason may quote a
    value the redactor knows as secret (here, a folder named after it)."""
    register_secret("folder-named-after-a-key-4711")
    path = tmp_path / "folder-named-after-a-key-4711" / "runs.sqlite3.held-x.jsonl"
    say_kept(notices, [KeptAside(path, 1), KeptAside(path, 2, "disk full")])
    err = capsys.readouterr().err
    assert err.count("workbench: ") == 2
    assert "folder-named-after-a-key-4711" not in err


@pytest.mark.usefixtures("restore_language")
def test_a_damaged_history_is_said_in_italian(
    qloop: asyncio.AbstractEventLoop, notices: NoticeCenter
) -> None:
    """The detail was an English f-string of the core in the Italian window ("The run history
    at … was not used because it could not be read …"); SQLite's own words stay."""
    path = database_module.data_dir() / database_module.DB_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"no database here " * 100)
    apply_language("it")
    history = open_history(notices, qloop)
    assert history is not None
    said = notices.history()[-1]
    assert said.title == "La cronologia delle esecuzioni è ripartita da zero"
    assert said.detail.startswith(
        f"La cronologia delle esecuzioni in {path} non è stata usata perché non è stato "
        "possibile leggerla (file is not a database). È stata conservata come "
    ), said.detail
    assert str(history.notice).startswith(f"The run history at {path} was not used because")
    history.close()
