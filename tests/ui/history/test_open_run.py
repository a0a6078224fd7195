"""History's "Open in its pane": the main window fills the Rerank or Chat pane with the run's inputs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTimer

from tests.ui.conftest import CHAT_MODEL, pane_client, run_async, select_flavour, tr
from tests.waits import WAIT_MS
from workbench.api.events import TextDelta
from workbench.api.models import (
    ChatRequest,
    Flavour,
    GenerationParams,
    RerankRequest,
    ResponseFormat,
)
from workbench.core.runs.store import RecordedEvent, RunRecord

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _record(services: Services, qtbot: QtBot, pane: str, call: object) -> None:
    client = run_async(qtbot, pane_client(services, pane))  # type: ignore[arg-type]
    run_async(qtbot, getattr(client, pane if pane == "rerank" else "chat")(call))
    assert services.history is not None
    services.history.writer.flush()


def test_a_rerank_run_opens_in_the_rerank_pane(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    request = RerankRequest(query="apple pie", documents=["pie", "tyre"], model="m", top_n=1)
    _record(services, qtbot, "rerank", request)
    window.show_pane("history")
    history = window.history_pane
    history.table.selectRow(0)
    history.open_run.click()
    assert window.current_pane_key() == "rerank"
    body = json.loads(window.rerank_pane.request_body_text())
    assert (body["query"], body["documents"], body["top_n"]) == ("apple pie", ["pie", "tyre"], 1)


def test_a_chat_turn_opens_in_the_chat_pane(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    params = GenerationParams(temperature=0.3)
    request = ChatRequest(message="Which plan has SSO?", model=CHAT_MODEL, params=params)
    _record(services, qtbot, "chat", request)
    window.show_pane("history")
    history = window.history_pane
    history.table.selectRow(0)
    history.open_run.click()
    assert window.current_pane_key() == "chat"
    chat = window.chat_pane
    assert chat.composer.message.toPlainText() == "Which plan has SSO?"
    assert chat.params.params().temperature == 0.3


def test_a_later_chat_turn_opens_with_the_earlier_turns_of_its_conversation(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    chat = window.chat_pane
    chat.setup.model.setText(CHAT_MODEL)
    for message in ("Which plan has SSO?", "And what does it cost?"):
        chat.send(message)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    first_answer = chat.session().turns[0].reply
    assert first_answer is not None
    chat.clear()
    assert services.history is not None
    services.history.writer.flush()
    window.show_pane("history")
    history = window.history_pane
    history.table.selectRow(0)  # the second turn, newest first
    history.open_run.click()
    assert window.current_pane_key() == "chat"
    [earlier] = chat.session().turns
    assert earlier.user == "Which plan has SSO?"
    assert earlier.reply is not None
    assert earlier.reply.text == first_answer.text
    assert chat.composer.message.toPlainText() == "And what does it cost?"
    assert "Which plan has SSO?" in chat.transcript.toPlainText()


def _replay_newest(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    assert services.history is not None
    services.history.writer.flush()
    window.show_pane("history")
    history = window.history_pane
    history.table.selectRow(0)
    history.speed.setValue(100.0)
    history.replay.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)


def test_a_chat_turn_replays_in_the_chat_pane_marked_and_offline(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    client = run_async(qtbot, pane_client(services, "chat"))

    async def turn() -> str:
        text = ""
        async for event in client.chat_stream(ChatRequest(message="Tell me", model=CHAT_MODEL)):
            if isinstance(event, TextDelta):
                text += event.text
        return text

    answer = run_async(qtbot, turn())
    _replay_newest(window, services, qtbot)
    assert window.current_pane_key() == "chat"
    chat, history = window.chat_pane, window.history_pane
    [turn_shown] = chat.session().turns
    assert turn_shown.user == tr("ChatPane", "▶ Replay: %1", "Tell me")
    assert turn_shown.reply is not None
    assert turn_shown.reply.text == answer
    history.refresh()
    assert [r.query for r in history.model.runs()] == ["Tell me"]  # the replay sent nothing


def test_a_replayed_json_turn_is_checked_against_its_own_response_format(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    client = run_async(qtbot, pane_client(services, "chat"))
    params = GenerationParams(response_format=ResponseFormat(type="json_object"))
    request = ChatRequest(message="A film as JSON", model="command-a-03-2025", params=params)

    async def turn() -> None:
        async for _event in client.chat_stream(request):
            pass

    run_async(qtbot, turn())
    _replay_newest(window, services, qtbot)
    [replayed] = window.chat_pane.session().turns
    assert replayed.reply is not None
    # The recorded request asked for JSON: the replay says whether the answer is, as the
    # turn did when it ran (before, a replay was checked against the pane's last Send).
    assert tr("ChatTurns", "JSON ✓ valid") in replayed.reply.status


def test_a_search_typed_then_left_waits_for_the_pane_to_show_again(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    _record(services, qtbot, "chat", ChatRequest(message="lentil soup", model=CHAT_MODEL))
    _record(services, qtbot, "chat", ChatRequest(message="weather today", model=CHAT_MODEL))
    window.show_pane("history")
    history = window.history_pane
    history.search.setText("lentil")
    window.show_pane("chat")
    # Nothing may fire into a pane nobody sees (nor into a history closed meanwhile).
    assert not [timer for timer in history.findChildren(QTimer) if timer.isActive()]
    window.show_pane("history")
    qtbot.waitUntil(lambda: history.table.model().rowCount() == 1, timeout=WAIT_MS)


@pytest.mark.parametrize("flavour", ["", "cohere_v9"])
def test_a_stored_turn_of_unknown_flavour_is_refused_in_words_not_crashed(
    window: MainWindow, services: Services, qtbot: QtBot, flavour: str
) -> None:
    """Such a turn (stored before imports checked the flavour) raised ValueError in the
    replaying task: a crash notice."""
    assert services.history is not None
    request = {"message": "hi"}
    record = RunRecord(
        id="old", created=1.7e9, kind="chat", flavour=flavour, inputs={"request": request}
    )
    record.events = [RecordedEvent(0.1, None, "{}")]
    services.history.store.add([record])
    before = len(services.notices.history())
    _replay_newest(window, services, qtbot)
    assert services.notices.crashes() == []
    [said] = services.notices.history()[before:]
    assert said.title == tr("MainWindow", "This turn cannot be replayed")
    if flavour:
        reason = "The turn's flavour %1 is unknown (known: %2): its events cannot be read."
        assert said.detail == tr("Core", reason, flavour, "cohere-v1, cohere-v2, openai")
    else:
        reason = "The turn was recorded without its flavour: its events cannot be read."
        assert said.detail == tr("Core", reason)
    assert window.chat_pane.session().turns == []  # nothing half-started


def _store(services: Services, record: RunRecord) -> None:
    assert services.history is not None
    services.history.store.add([record])


def test_a_stored_turn_without_its_request_says_so_when_replayed(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The notice read "'request'", a KeyError's text."""
    _store(services, RunRecord(id="bare", created=1.7e9, kind="chat", flavour="cohere-v2"))
    before = len(services.notices.history())
    _replay_newest(window, services, qtbot)
    [said] = services.notices.history()[before:]
    reason = "The turn was recorded without its request (imported without its inputs)."
    assert (said.title, said.detail) == (
        tr("MainWindow", "This turn cannot be replayed"),
        tr("Core", reason),
    )


def test_a_stored_run_of_unknown_kind_names_its_kind_when_opened(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """It said "recorded without its inputs", though it had them."""
    inputs = {"request": {"x": 1}}
    _store(services, RunRecord(id="b", created=1.7e9, kind="banana", inputs=inputs))
    window.show_pane("history")
    history = window.history_pane
    history.table.selectRow(0)
    before = len(services.notices.history())
    history.open_run.click()
    [said] = services.notices.history()[before:]
    reason = "Its kind %1 is not one the workbench opens (chat, rerank)."
    assert (said.title, said.detail) == (
        tr("MainWindow", "This run cannot be opened"),
        tr("MainWindow", reason, "banana"),
    )
    assert window.current_pane_key() == "history"
