"""Clear, Play demo, "Open in its pane", Import… and Apply ask before the turns they drop go."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.ui.chat.asked import answer, asked_now, discard_box
from tests.ui.conftest import new_chat_pane
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.api.models import ChatMessage, ChatRequest
from workbench.core.runs.demo import DemoScript
from workbench.core.saved_chat import load_chat

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    widget = new_chat_pane(services, qtbot)
    widget.show()
    return widget


def _converse(pane: ChatPane, services: Services, qtbot: QtBot, turns: int) -> list[str]:
    for number in range(turns):
        pane.send(f"question {number}")
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    return [t.user or "" for t in pane.session().turns]


def _question(turns: int) -> str:
    return tr("ChatPane", "Discard the %n turn(s) of this conversation?", n=turns).replace(
        "%n", str(turns)
    )


def _users(pane: ChatPane) -> list[str]:
    return [t.user or "" for t in pane.session().turns]


def test_clear_asks_with_cancel_first_and_esc_keeps_every_turn(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """Clear wiped the conversation (and its saved file) with no question and no undo."""
    users = _converse(pane, services, qtbot, 3)
    pane.composer.clear.click()
    box = discard_box(pane, qtbot)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    for name in ("chatDiscardBoxDiscard", "chatDiscardBoxCancel"):
        button = box.findChild(QPushButton, name)
        assert button is not None, name
        assert button.accessibleName(), name
    assert answer(pane, qtbot, discard=False) == _question(3)
    assert _users(pane) == users
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert [t.user for t in load_chat().turns] == users
    pane.composer.clear.click()
    answer(pane, qtbot, discard=True)
    assert pane.session().turns == []
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert load_chat().turns == []


def test_an_empty_conversation_is_cleared_unasked(pane: ChatPane) -> None:
    pane.composer.message.setPlainText("kept draft")
    pane.composer.clear.click()
    assert not asked_now(pane)
    assert pane.session().turns == []


def _open_request(pane: ChatPane) -> bool:
    earlier = [
        ChatMessage(role="user", content="opened question"),
        ChatMessage(role="assistant", content="opened answer"),
    ]
    return pane.open_request(ChatRequest(message="opened message", history=earlier))


def _play_demo(pane: ChatPane) -> bool:
    return pane.play_script(DemoScript([], "pitch"))


@pytest.mark.parametrize("start", [_open_request, _play_demo], ids=["open", "demo"])
def test_replacing_the_conversation_asks_first(
    pane: ChatPane, services: Services, qtbot: QtBot, start: Callable[[ChatPane], bool]
) -> None:
    """History's "Open in its pane" and Play demo replaced a conversation with no question."""
    users = _converse(pane, services, qtbot, 2)
    pane.composer.message.setPlainText("")
    assert start(pane)
    assert answer(pane, qtbot, discard=False) == _question(2)
    assert _users(pane) == users
    assert not pane.demo.isVisible()
    assert pane.composer.message.toPlainText() == ""  # nothing was filled in either
    assert start(pane)
    answer(pane, qtbot, discard=True)
    assert _users(pane) != users
    if start is _play_demo:
        assert pane.demo.isVisible()
        assert pane.session().turns == []
    else:
        assert pane.composer.message.toPlainText() == "opened message"
        assert _users(pane) == ["opened question"]


def test_an_empty_conversation_is_replaced_unasked(pane: ChatPane) -> None:
    assert _open_request(pane)
    assert not asked_now(pane)
    assert _users(pane) == ["opened question"]
    pane.clear()
    assert _play_demo(pane)
    assert not asked_now(pane)
    assert pane.demo.isVisible()


def test_a_conversation_file_picked_to_import_asks_first(
    pane: ChatPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """History's Import… replaced a conversation with the file's, with no question."""
    users = _converse(pane, services, qtbot, 2)
    path = tmp_path / "conversation.json"
    imported = [{"role": "user", "content": "imported"}, {"role": "assistant", "content": "ok"}]
    path.write_text(json.dumps({"messages": imported}), encoding="utf-8")
    pane.history.import_chosen.emit(path)  # as the file dialog's choice does
    assert answer(pane, qtbot, discard=False) == _question(2)
    assert _users(pane) == users
    pane.history.import_chosen.emit(path)
    answer(pane, qtbot, discard=True)
    assert _users(pane) == ["imported"]


def _apply_question(turns: int) -> str:
    question = tr(
        "ChatPane",
        "Apply makes the History section's messages the conversation: the %n turn(s) there now "
        "go, with their citations, sources and timings. Discard them?",
        n=turns,
    )
    return question.replace("%n", str(turns))


def test_apply_asks_before_the_turns_it_replaces_go(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """History's Apply replaced the turns (their citations, sources, timings) with no question."""
    _converse(pane, services, qtbot, 2)
    before_apply = pane.session().turns
    edited = [{"role": "user", "content": "edited"}, {"role": "assistant", "content": "ok"}]
    pane.history.editor.set_value(edited)
    pane.history.apply.click()
    assert answer(pane, qtbot, discard=False) == _apply_question(2)
    assert pane.session().turns == before_apply
    assert json.loads(pane.history.editor.text()) == edited  # the edits wait for the next Apply
    pane.history.apply.click()
    answer(pane, qtbot, discard=True)
    assert _users(pane) == ["edited"]
    applied = tr("ConversationTexts", "Applied: %n message(s) in the conversation.", n=2)
    assert pane.history.status.text() == applied.replace("%n", "2")


def test_apply_says_what_is_wrong_before_asking_anything(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    users = _converse(pane, services, qtbot, 1)
    pane.history.editor.set_text('[{"role": "user" "content": "x"}]')
    pane.history.apply.click()
    assert not asked_now(pane)
    assert before(tr("ConversationControl", "Not applied: %1")) in pane.history.status.text()
    assert _users(pane) == users


def test_an_empty_conversation_takes_the_history_unasked(pane: ChatPane) -> None:
    pane.history.editor.set_value([{"role": "user", "content": "first"}])
    pane.history.apply.click()
    assert not asked_now(pane)
    assert _users(pane) == ["first"]
