"""TaskRunner on a qasync loop: keyed cancellation, owners, error routing, and qtbot waits."""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

import httpx
import pytest
from PySide6.QtWidgets import QWidget

from tests.waits import WAIT_MS, WAIT_S
from workbench.api.errors import AuthError
from workbench.ui.async_bridge import TaskRunner

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.notices import NoticeCenter


@pytest.fixture
def runner(qloop: asyncio.AbstractEventLoop, notices: NoticeCenter) -> TaskRunner:
    return TaskRunner(notices, loop=qloop)


async def _wait_forever(started: list[str], name: str) -> None:
    started.append(name)
    await asyncio.Event().wait()


def test_wait_until_drives_asyncio_tasks_and_thread_hops(runner: TaskRunner, qtbot: QtBot) -> None:
    results: list[object] = []

    async def work() -> None:
        await asyncio.sleep(0)
        results.append(await asyncio.to_thread(threading.get_ident))
        await asyncio.sleep(0.01)
        results.append("done")

    runner.start("work", work())
    assert not runner.is_idle()
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)
    assert results[1] == "done"
    assert results[0] != threading.get_ident()  # the blocking call really ran on another thread


def test_wait_until_drives_loopback_http(
    runner: TaskRunner, qtbot: QtBot, sandbox: RunningSandbox
) -> None:
    statuses: list[int] = []

    async def fetch() -> None:
        async with httpx.AsyncClient(timeout=WAIT_S) as client:
            statuses.append((await client.get(sandbox.base_url + "/info")).status_code)

    runner.start("fetch", fetch())
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)
    assert statuses
    assert statuses[0] in {200, 401}


def test_starting_a_key_cancels_its_older_twin(
    runner: TaskRunner, qtbot: QtBot, notices: NoticeCenter
) -> None:
    started: list[str] = []
    first = runner.start("rerank.run", _wait_forever(started, "first"))
    qtbot.waitUntil(lambda: started == ["first"], timeout=WAIT_MS)
    second = runner.start("rerank.run", _wait_forever(started, "second"))
    qtbot.waitUntil(first.done, timeout=WAIT_MS)
    assert first.cancelled()
    assert runner.is_running("rerank.run")
    assert runner.cancel("rerank.run")
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)
    assert second.cancelled()
    assert notices.history() == []
    assert notices.crashes() == []


def test_other_keys_run_side_by_side(runner: TaskRunner, qtbot: QtBot) -> None:
    started: list[str] = []
    runner.start("a", _wait_forever(started, "a"))
    runner.start("b", _wait_forever(started, "b"))
    qtbot.waitUntil(lambda: len(started) == 2, timeout=WAIT_MS)
    assert runner.running_keys() == ["a", "b"]
    runner.cancel_all()
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)


def test_tasks_die_with_their_owner_widget(runner: TaskRunner, qtbot: QtBot) -> None:
    owner = QWidget()
    started: list[str] = []
    task = runner.start("pane.load", _wait_forever(started, "x"), owner=owner)
    qtbot.waitUntil(lambda: started == ["x"], timeout=WAIT_MS)
    owner.deleteLater()
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert task.cancelled()
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)


def test_cancel_owned_by_cancels_only_that_owner(runner: TaskRunner, qtbot: QtBot) -> None:
    mine, other = QWidget(), QWidget()
    qtbot.addWidget(mine)
    qtbot.addWidget(other)
    started: list[str] = []
    a = runner.start("a", _wait_forever(started, "a"), owner=mine)
    b = runner.start("b", _wait_forever(started, "b"), owner=other)
    qtbot.waitUntil(lambda: len(started) == 2, timeout=WAIT_MS)
    assert runner.cancel_owned_by(mine) == 1
    qtbot.waitUntil(a.done, timeout=WAIT_MS)
    assert not b.done()
    runner.cancel_all()
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)


def test_known_error_becomes_a_notice(
    runner: TaskRunner, qtbot: QtBot, notices: NoticeCenter
) -> None:
    async def fail() -> None:
        raise AuthError("invalid api token", status=401, route="/v2/rerank", request_id="r-1")

    with qtbot.waitSignal(notices.notice_posted, timeout=WAIT_MS) as posted:
        runner.start("rerank.run", fail())
    notice = posted.args[0]
    assert notice.level == "error"
    assert notice.title == "Authentication failed"
    assert "invalid api token" in notice.detail
    assert "/v2/rerank" in notice.detail
    assert notices.crashes() == []
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)


def test_unknown_error_becomes_a_crash_report_with_traceback(
    runner: TaskRunner, qtbot: QtBot, notices: NoticeCenter
) -> None:
    async def bug() -> None:
        raise KeyError("oops")

    with qtbot.waitSignal(notices.crash_reported, timeout=WAIT_MS) as crashed:
        runner.start("chat.send", bug())
    report = crashed.args[0]
    assert "KeyError" in report.summary
    assert "chat.send" in report.summary
    assert "raise KeyError" in report.traceback
    assert notices.history() == []


def test_state_changed_fires_on_start_and_finish(runner: TaskRunner, qtbot: QtBot) -> None:
    async def quick() -> int:
        await asyncio.sleep(0)
        return 1

    with qtbot.waitSignals([runner.state_changed, runner.state_changed], timeout=WAIT_MS):
        task = runner.start("quick", quick())
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)
    assert task.result() == 1


def test_shutdown_waits_for_everything(runner: TaskRunner, qtbot: QtBot) -> None:
    started: list[str] = []
    runner.start("a", _wait_forever(started, "a"))
    runner.start("b", _wait_forever(started, "b"))
    done = asyncio.get_event_loop().create_task(runner.shutdown())
    qtbot.waitUntil(done.done, timeout=WAIT_MS)
    assert runner.is_idle()
