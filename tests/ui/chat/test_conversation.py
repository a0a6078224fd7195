"""History and Request sections over loopback: import, edit, apply, send; the body shown is sent."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import CHAT_MODEL, pane_client, run_async, select_flavour
from tests.ui.marked import marked_errors as marked_errors
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.api.flavours import codec_for
from workbench.api.models import Flavour
from workbench.core.endpoints import FLAVOUR_LABELS

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.api.models import ChatRequest
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MODEL = CHAT_MODEL
V1_HISTORY: dict[str, Any] = {
    "preamble": "You are a terse weather bot.",
    "chat_history": [
        {"role": "user", "message": "Weather in Lyon?"},
        {
            "role": "Chatbot",
            "message": "",
            "tool_calls": [{"name": "get_weather", "parameters": {"city": "Lyon"}}],
        },
        {
            "role": "TOOL",
            "tool_results": [
                {
                    "call": {"name": "get_weather", "parameters": {"city": "Lyon"}},
                    "outputs": [{"temp_c": 18}],
                }
            ],
        },
        {"role": "CHATBOT", "message": "18 °C in Lyon."},
    ],
}


def _record_requests(qtbot: QtBot, services: Services) -> list[ChatRequest]:
    """Wrap the chat client's stream so each request it is handed is kept (and then sent)."""
    client = run_async(qtbot, pane_client(services))
    sent: list[ChatRequest] = []
    original = client.chat_stream

    def recording(request: ChatRequest) -> Any:
        sent.append(request)
        return original(request)

    client.chat_stream = recording  # type: ignore[method-assign]
    return sent


def test_imported_v1_history_is_sent_with_the_next_message(
    pane: ChatPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    select_flavour(services, Flavour.COHERE_V1)
    path = tmp_path / "history.json"
    path.write_text(json.dumps(V1_HISTORY), encoding="utf-8")
    assert pane.import_history(path)
    assert pane.setup.preamble.toPlainText() == "You are a terse weather bot."
    imported = tr(
        "ConversationTexts",
        "Imported %n message(s) and its system message as the preamble from %1 (%2).",
        n=4,
    )
    assert before(imported) in pane.history.status.text()
    assert "18 °C in Lyon." in pane.transcript.toPlainText()
    shown = json.loads(pane.history.editor.text())
    assert [m["role"] for m in shown] == ["user", "assistant", "tool", "assistant"]
    pane.send("And in Nice?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    raw = pane.live_snapshot().raw
    assert raw is not None
    # The sandbox echoes the history it received, plus the new exchange.
    echoed = raw["chat_history"]
    assert [e["role"].upper() for e in echoed[:4]] == ["USER", "CHATBOT", "TOOL", "CHATBOT"]
    assert echoed[0]["message"] == "Weather in Lyon?"
    assert echoed[3]["message"] == "18 °C in Lyon."
    assert echoed[2]["tool_results"][0]["outputs"] == [{"temp_c": 18}]
    assert len(pane.session().turns) == 3  # two imported turns and the new one


def test_an_edited_assistant_turn_is_what_the_next_request_carries(
    pane: ChatPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    sent = _record_requests(qtbot, services)
    path = tmp_path / "history.json"
    path.write_text(json.dumps(V1_HISTORY), encoding="utf-8")
    assert pane.import_history(path)
    edited = json.loads(pane.history.editor.text())
    edited[3]["content"] = "Snowing in Lyon, oddly."
    pane.history.editor.set_value(edited)
    assert pane.history.is_edited()
    assert pane.apply_history()
    assert "Snowing in Lyon, oddly." in pane.transcript.toPlainText()
    pane.send("Really?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert sent[-1].history[3].content == "Snowing in Lyon, oddly."
    body = codec_for(Flavour.COHERE_V2).chat_body(sent[-1], MODEL, stream=True)
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user", "assistant", "tool", "assistant", "user"]
    assert body["messages"][4]["content"] == "Snowing in Lyon, oddly."
    # The v1 call got an id, and its result carries the same one to v2.
    assert body["messages"][3]["tool_call_id"] == body["messages"][2]["tool_calls"][0]["id"]
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.text
    assert reply.cut_off is None
    # After the turn the History section shows the whole conversation, the new turn included.
    shown = json.loads(pane.history.editor.text())
    assert shown[-2] == {"role": "user", "content": "Really?"}


def test_bad_json_names_line_and_column_and_keeps_the_text(
    pane: ChatPane, services: Services
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    bad = '[\n  {"role": "user", "content": "hi"},\n  {"role": "assistant" "content": "x"}\n]'
    pane.history.editor.set_text(bad)
    assert not pane.apply_history()
    assert before(tr("Errors", "line %1, column %2", 3), "%2") in pane.history.status.text()
    assert pane.history.editor.text() == bad
    assert pane.history.editor.error_position() is not None
    assert pane.session().turns == []
    wrong = '[{"role": "tool", "content": "{}"}]'
    pane.history.editor.set_text(wrong)
    assert not pane.apply_history()
    reason = tr("Core", "required for role tool")  # the reader's words, in the run's language
    assert f"history[0].tool_call_id: {reason}" in pane.history.status.text()
    # A turn that ends meanwhile does not overwrite the edits.
    pane.history.show_history([])
    assert pane.history.editor.text() == wrong


def test_a_bad_file_is_refused_with_its_entry_and_field(
    pane: ChatPane, services: Services, tmp_path: Path
) -> None:
    select_flavour(services, Flavour.OPENAI)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"messages": [{"role": "robot"}]}), encoding="utf-8")
    assert not pane.import_history(path)
    assert "messages[0].role" in pane.history.status.text()
    path.write_text('{"messages": [', encoding="utf-8")
    assert not pane.import_history(path)
    assert before(tr("Errors", "line %1, column %2", 1), "%2") in pane.history.status.text()


def test_a_file_that_is_not_utf8_is_refused_naming_it(pane: ChatPane, tmp_path: Path) -> None:
    path = tmp_path / "h4.json"
    path.write_bytes(b"\xff[]")
    assert not pane.import_history(path)
    status = pane.history.status.text()
    prefix = tr("ConversationControl", "Not imported: %1: %2", "h4.json")
    assert status.startswith(before(prefix, "%2"))
    assert tr("Errors", "The file is not UTF-8 text") in status
    assert "codec" not in status
    assert status.endswith("0")  # the byte


@pytest.mark.usefixtures("marked_errors")
def test_import_errors_say_their_place_once_in_the_guis_words(
    pane: ChatPane, tmp_path: Path
) -> None:
    path = tmp_path / "h2.json"
    path.write_text('{"chat": []}', encoding="utf-8")
    assert not pane.import_history(path)
    status = pane.history.status.text()
    assert status.count("(top level)") == 1
    assert "«Not a conversation»" in status
    path.write_text("{oops", encoding="utf-8")
    assert not pane.import_history(path)
    assert "«line 1, column 2»" in pane.history.status.text()


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2, Flavour.OPENAI])
def test_export_then_import_gives_the_same_conversation(
    pane: ChatPane, services: Services, tmp_path: Path, flavour: Flavour
) -> None:
    select_flavour(services, flavour)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(V1_HISTORY), encoding="utf-8")
    assert pane.import_history(source)
    before = pane.session().history()
    out = tmp_path / "out.json"
    assert pane.export_history(out, flavour)
    # The flavour as the Endpoints pane and the endpoint pickers name it, not "cohere-v2".
    done = tr("ConversationControl", "Exported to %1 (%2).", "out.json", FLAVOUR_LABELS[flavour])
    assert pane.history.status.text() == done
    written = json.loads(out.read_text(encoding="utf-8"))
    assert ("chat_history" if flavour is Flavour.COHERE_V1 else "messages") in written
    pane.clear()
    assert pane.import_history(out)
    assert pane.session().history() == before


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2, Flavour.OPENAI])
def test_request_section_shows_the_body_the_client_sends(
    pane: ChatPane, services: Services, qtbot: QtBot, tmp_path: Path, flavour: Flavour
) -> None:
    endpoint = select_flavour(services, flavour)
    sent = _record_requests(qtbot, services)
    path = tmp_path / "history.json"
    path.write_text(json.dumps(V1_HISTORY), encoding="utf-8")
    assert pane.import_history(path)
    pane.params.set_text("seed", "7")
    pane.composer.message.setPlainText("What about Nice?")
    pane.tabs.show_section(pane.request)  # showing it builds the body at once
    shown = json.loads(pane.request.body.toPlainText())
    client = run_async(qtbot, pane_client(services))
    assert pane.request.url.text() == client.url_for("chat")
    assert pane.request.copy.isEnabled()
    pane.request.copy.click()
    from PySide6.QtGui import QGuiApplication

    assert json.loads(QGuiApplication.clipboard().text()) == shown
    # Typing refreshes it after the debounce.
    pane.composer.message.setPlainText("What about Nice, tomorrow?")
    qtbot.waitUntil(lambda: "tomorrow" in pane.request.body.toPlainText(), timeout=WAIT_MS)
    shown = json.loads(pane.request.body.toPlainText())
    pane.send("What about Nice, tomorrow?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert shown == codec_for(flavour).chat_body(sent[-1], endpoint.model, stream=True)


def test_request_section_follows_parameter_edits_live(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    pane.composer.message.setPlainText("hi")
    pane.tabs.show_section(pane.request)
    assert "temperature" not in json.loads(pane.request.body.toPlainText())
    field = pane.params.field("temperature")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "0.9")  # typed, focus still in the field: no editingFinished yet
    qtbot.waitUntil(
        lambda: json.loads(pane.request.body.toPlainText()).get("temperature") == 0.9,
        timeout=WAIT_MS,
    )


def test_request_section_says_why_send_would_be_refused(pane: ChatPane, services: Services) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    pane.tools.editor.set_text("[{")
    pane.composer.message.setPlainText("hi")
    assert pane.refresh_request() is None
    assert before(tr("RequestPage", "Send would be refused: %1")) in pane.request.problem.text()
    assert not pane.request.copy.isEnabled()


@pytest.mark.usefixtures("marked_errors")
def test_why_send_would_be_refused_is_said_in_the_guis_words(
    pane: ChatPane, services: Services
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    pane.tools.editor.set_text("[{")
    pane.composer.message.setPlainText("hi")
    assert pane.refresh_request() is None
    assert "«line 1, column 3»" in pane.request.problem.text()
