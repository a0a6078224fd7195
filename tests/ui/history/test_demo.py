"""Demo scripts in the GUI: chosen in History, saved and opened, stepped through in the Chat pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from tests.conftest import SANDBOX_TEST_KEY
from tests.ui.chat.asked import answer, asked_now
from tests.ui.conftest import CHAT_MODEL
from tests.ui.tr import tr
from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
QUESTIONS = ("Which plan has SSO?", "What does it cost?")


def _converse(chat: ChatPane, services: Services, qtbot: QtBot) -> list[str]:
    chat.setup.model.setText(CHAT_MODEL)
    for message in QUESTIONS:
        chat.send(message)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    answers = [t.reply.text for t in chat.session().turns if t.reply is not None]
    assert services.history is not None
    services.history.writer.flush()
    return answers


def _shown(chat: ChatPane) -> list[tuple[str | None, str | None]]:
    return [(t.user, t.reply.text if t.reply else None) for t in chat.session().turns]


def test_a_demo_script_is_saved_opened_and_stepped_through_offline(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    chat = window.chat_pane
    answers = _converse(chat, services, qtbot)
    window.show_pane("history")
    history = window.history_pane
    history.table.selectAll()
    path = tmp_path / "pitch.jsonl"
    assert history.save_demo_script(tmp_path) == 0  # a folder: said, not raised out of the slot
    assert history.status.text() == tr(
        "HistoryPane", "Not written: %1", f"{tmp_path.name}: Is a directory"
    )
    assert history.save_demo_script(path) == 2
    assert SANDBOX_TEST_KEY not in path.read_text()
    history.speed.setValue(100.0)
    assert history.open_demo_script(path) is not None
    answer(window, qtbot, discard=True)  # the two turns asked before go
    assert window.current_pane_key() == "chat"
    bar = chat.demo
    assert bar.isVisible()
    assert chat.session().turns == []  # a demo starts from an empty conversation
    assert bar.position.text().endswith(_position(0, 2))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(chat.transcript, Qt.Key.Key_F8)  # the presenter's key for Next turn
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert _shown(chat) == [(tr("ChatPane", "▶ Replay: %1", QUESTIONS[0]), answers[0])]
    assert bar.position.text().endswith(_position(1, 2))  # says "replayed with no network"
    bar.next.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert [reply for _, reply in _shown(chat)] == answers
    assert not bar.next.isEnabled()  # the script is over
    assert bar.previous.isEnabled()
    qtbot.keyClick(chat.transcript, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    # QTest's last event leaves Shift as the application's modifier state; later selections in
    # this process would extend instead of select.
    qtbot.keyRelease(chat.transcript, Qt.Key.Key_Shift)
    assert _shown(chat) == [(tr("ChatPane", "▶ Replay: %1", QUESTIONS[0]), answers[0])]
    assert bar.position.text().endswith(_position(1, 2))
    history.refresh()
    assert len(history.model.runs()) == 2  # replaying sent nothing
    bar.end.click()
    assert not bar.isVisible()


def _step(chat: ChatPane, services: Services, qtbot: QtBot) -> None:
    chat.demo.next.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_previous_turn_asks_before_taking_live_turns_with_the_replayed_one(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """After Next turn and a live question answered, Previous turn took both away, unasked."""
    chat = window.chat_pane
    _converse(chat, services, qtbot)
    chat.clear()
    window.show_pane("history")
    history = window.history_pane
    history.table.selectAll()
    history.speed.setValue(100.0)
    history.play_demo.click()
    assert not asked_now(window)  # nothing to lose: the demo starts unasked
    bar = chat.demo
    _step(chat, services, qtbot)
    bar.previous.click()  # nothing after the replayed turn: it goes, unasked
    assert not asked_now(window)
    assert chat.session().turns == []
    _step(chat, services, qtbot)
    chat.send("A live question from the audience")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    shown = _shown(chat)
    assert len(shown) == 2
    bar.previous.click()
    asked = tr(
        "ChatPane",
        "Previous turn takes back the replayed turn and the %n turn(s) asked after it. "
        "Discard them?",
        n=1,
    )
    assert answer(window, qtbot, discard=False) == asked.replace("%n", "1")
    assert _shown(chat) == shown
    assert bar.position.text().endswith(_position(1, 2))
    bar.previous.click()
    answer(window, qtbot, discard=True)
    assert chat.session().turns == []
    assert bar.position.text().endswith(_position(0, 2))


def test_the_demo_bar_is_keyboard_reachable(window: MainWindow) -> None:
    chat = window.chat_pane
    bar = chat.demo
    chain: list[QWidget] = []
    step: QWidget | None = chat.nextInFocusChain()
    for _ in range(400):
        assert step is not None
        chain.append(step)
        step = step.nextInFocusChain()
    for control in (bar.previous, bar.next, bar.speed, bar.end):
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
        assert control in chain, control.objectName()
        assert control.accessibleName(), control.objectName()
    assert bar.speed_label.buddy() is bar.speed


def test_a_bad_demo_script_is_named_in_the_status(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"format": "cohere-workbench-demo", "version": 1}\n{"id": "x"}\n')
    history = window.history_pane
    assert history.open_demo_script(path) is None
    assert history.status.text().startswith(tr("HistoryPane", "Not opened: %1", "bad.jsonl: "))
    assert tr("Errors", "line %1", 2) in history.status.text()
    assert not window.chat_pane.demo.isVisible()


def _position(played: int, total: int) -> str:
    """The demo bar's words after the script's title, in the run's language."""
    template = tr("DemoBar", "▶ %1: turn %2 of %3, replayed with no network", "%1", played, total)
    return template.split("%1", 1)[1]
