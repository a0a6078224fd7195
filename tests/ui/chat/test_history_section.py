"""The History section's editor: refilled only when seen, never as an undo step, emptied by Clear."""

from __future__ import annotations

import gc
import json
import weakref
from typing import TYPE_CHECKING

import pytest

from tests.folders import unmakeable
from tests.ui.conftest import new_chat_pane, pane_client, run_async, select_flavour, tr
from tests.waits import WAIT_MS
from workbench.api.errors import InputError
from workbench.api.models import Citation, Flavour
from workbench.core.chat_session import Reply, Turn
from workbench.core.saved_chat import SavedChat, dump_chat, load_chat
from workbench.ui.chat.history_file import HistoryDumper
from workbench.ui.common.json_editor import JsonEditor

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    select_flavour(services, Flavour.COHERE_V2)
    widget = new_chat_pane(services, qtbot)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _held(pane: ChatPane) -> JsonEditor:
    """The editor widget itself (not through `history.editor`, which fills it first)."""
    editor = pane.history.findChild(JsonEditor)
    assert editor is not None
    return editor


def _turn(pane: ChatPane, services: Services, qtbot: QtBot, message: str) -> None:
    pane.send(message)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_a_hidden_history_editor_is_not_refilled_until_shown(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    assert pane.tabs.current_section() is not pane.history
    _turn(pane, services, qtbot, "first question")
    assert pane.history.is_pending()
    assert _held(pane).text() == "[]"
    pane.tabs.show_section(pane.history)
    qtbot.waitUntil(lambda: not pane.history.is_pending(), timeout=WAIT_MS)  # once shown
    shown = json.loads(_held(pane).text())
    assert shown[0] == {"role": "user", "content": "first question"}
    assert not _held(pane).editor.document().isUndoAvailable()


def test_reading_the_editor_fills_it_even_while_hidden(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    _turn(pane, services, qtbot, "asked while hidden")
    shown = json.loads(pane.history.editor.text())
    assert shown[0]["content"] == "asked while hidden"
    assert not pane.history.is_pending()


def test_a_refill_is_no_undo_step_but_an_edit_is(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.tabs.show_section(pane.history)
    _turn(pane, services, qtbot, "one")
    _turn(pane, services, qtbot, "two")
    document = _held(pane).editor.document()
    assert [m["content"] for m in json.loads(_held(pane).text())][::2] == ["one", "two"]
    assert not document.isUndoAvailable()
    _held(pane).editor.insertPlainText(" ")
    assert document.isUndoAvailable()


def test_clear_empties_the_history_editor_shown_or_hidden(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.tabs.show_section(pane.history)
    _turn(pane, services, qtbot, "remember this")
    assert "remember this" in _held(pane).text()
    pane.tabs.show_section(pane.setup)
    _turn(pane, services, qtbot, "and this")
    assert _held(pane).text() == "[]"  # let go of while hidden
    pane.clear()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    pane.tabs.show_section(pane.history)
    assert _held(pane).text() == "[]"
    assert not _held(pane).editor.document().isUndoAvailable()


def test_clear_lets_go_of_the_turns_and_their_views(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """Nothing keeps a cleared conversation alive (issue 15): not the session's kept messages and
    citations, the saved JSON, the transcript's and trace's views, nor a signal's closure; they
    are gone once Clear is done, with the collector's own timing left out."""
    pane.tabs.show_section(pane.trace)
    for message in ("first question", "second question"):
        _turn(pane, services, qtbot, message)
    pane.session().history()  # the kept history messages, as a Send builds them
    turn, reply = pane.session().turns[0], pane.session().turns[0].reply
    assert reply is not None
    item = pane.trace.topLevelItem(0)
    assert item is not None
    assert pane.trace.topLevelItemCount() == 2
    held: list[weakref.ref[object]] = [weakref.ref(turn), weakref.ref(reply), weakref.ref(item)]
    del turn, reply, item
    gc.disable()  # nothing may wait for the collector's thresholds
    try:
        pane.clear()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: all(ref() is None for ref in held), timeout=WAIT_MS)
    finally:
        gc.enable()
    assert pane.session().turns == []
    assert pane.transcript.turns() == []
    assert pane.transcript.document().isEmpty()
    assert pane.trace.topLevelItemCount() == 0


def test_clear_drops_the_conversation_json_the_chat_client_kept(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The client keeps the last body's history JSON to encode the next Send faster; after Clear
    nothing will reuse it, so it goes (issue 15)."""
    for message in ("first question", "second question"):
        _turn(pane, services, qtbot, message)
    client = run_async(qtbot, pane_client(services, "chat"))
    kept = client._body_encoder._kept
    assert any("first question" in text for _wire, text in kept.values())
    pane.clear()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert client._body_encoder._kept == {}
    _turn(pane, services, qtbot, "a new question")  # the next Send encodes afresh
    (turn,) = pane.session().turns
    assert turn.reply is not None
    assert turn.reply.text


def test_a_history_file_that_cannot_be_written_is_said_once_per_failing_spell(
    pane: ChatPane,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each turn said it again, with the machine's full path in the notice."""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(unmakeable(tmp_path, "config")))
    before = len(services.notices.history())
    _turn(pane, services, qtbot, "first question")
    _turn(pane, services, qtbot, "second question")
    said = services.notices.history()[before:]
    assert [n.title for n in said] == [tr("ChatHistory", "Chat history not saved")]
    assert str(tmp_path) not in said[0].detail
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    _turn(pane, services, qtbot, "third question")  # saved: the spell is over
    assert len(services.notices.history()) == before + 1
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(unmakeable(tmp_path, "config")))
    _turn(pane, services, qtbot, "fourth question")  # a new spell is said again
    assert len(services.notices.history()) == before + 2


def _chat(turns: int) -> SavedChat:
    citation = Citation(start=0, end=5, text="Paris", document_ids=["d1"])
    return SavedChat(
        preamble="Be brief.",
        turns=[
            Turn(user=f"q{n}", reply=Reply(text=f"Paris {n}", citations=[citation], status="ok"))
            for n in range(turns)
        ],
        extras={"documents": '[{"id": "d1"}]'},
    )


def test_the_history_file_reads_back_as_the_conversation(tmp_path: Path) -> None:
    dumper = HistoryDumper()
    chat = _chat(3)
    first = dumper.dump(chat)
    assert json.loads(first) == json.loads(dump_chat(chat))
    chat.turns.append(Turn(user="q3", reply=Reply(text="later")))
    chat.turns[0] = chat.turns[0].model_copy(update={"reply": Reply(text="regenerated")})
    path = tmp_path / "chat_history.json"
    path.write_text(dumper.dump(chat), encoding="utf-8")
    assert load_chat(path) == chat
    assert json.loads(dumper.dump(SavedChat())) == json.loads(dump_chat(SavedChat()))


@pytest.mark.parametrize("bad", ["folder", "bytes"])
def test_a_saved_history_that_cannot_be_read_is_an_error_not_a_traceback(
    tmp_path: Path, bad: str
) -> None:
    """A disk that mangled the file (or a folder in its place) raised UnicodeDecodeError or
    OSError out of the chat pane's start."""
    path = tmp_path / "chat_history.json"
    if bad == "folder":
        path.mkdir()
    else:
        path.write_bytes(b'{"format": "caf\xe8"}')
    with pytest.raises(InputError) as caught:
        load_chat(path)
    assert "chat_history.json" in f"{caught.value.title} {caught.value.where}"
