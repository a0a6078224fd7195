"""The Chat pane in Italian: texts, accessible names, the metrics line and figures (issue 18)."""

from __future__ import annotations

import errno
import json
import os
import re
from typing import TYPE_CHECKING

import pytest

from tests.hostile_server import Answer, HostileServer
from tests.ui.conftest import new_chat_pane, slow_chat_streams, use_odd_server
from tests.ui.shown_texts import Texts, shown_texts, still_english, switch_language
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.core.chat_session import Reply, Turn
from workbench.core.runs.demo import DemoScript
from workbench.core.saved_chat import SavedChat, save_chat
from workbench.core.turns import STOPPED, UNFINISHED
from workbench.ui.common.core_text import shown

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = [
    pytest.mark.usefixtures("restore_language"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

ITALIAN_SECTIONS = [
    "Impostazione",
    "Parametri",
    "Documenti",
    "Strumenti",
    "Modello",
    "Risultati degli strumenti",
    "Traccia",
    "Fonti",
    "Query di ricerca",
    "Cronologia",
    "Richiesta",
]


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    widget = new_chat_pane(services, qtbot)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _to(qtbot: QtBot, pane: ChatPane, language: str) -> None:
    wanted = "I&nvia" if language == "it" else "&Send"
    switch_language(qtbot, language, lambda: pane.composer.send.text() == wanted)


def _ask(pane: ChatPane, services: Services, qtbot: QtBot, message: str) -> None:
    pane.send(message)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _all_texts(pane: ChatPane) -> Texts:
    """What every enabled section of the side panel shows, with the composer and transcript."""
    found: Texts = {}
    for row in range(pane.tabs.sections.count()):
        page = pane.tabs.pages.widget(row)
        if page is not None and pane.tabs.is_section_enabled(page):
            pane.tabs.show_section(page)
            found |= shown_texts(pane)
    return found


def test_chat_pane_switches_to_italian_live_and_back(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    _to(qtbot, pane, "en")
    pane.load_sample("tools")  # a tool call: the results form, the trace and a plan fill in
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.tool_calls, reply.cut_off
    english = _all_texts(pane)
    _to(qtbot, pane, "it")
    italian = _all_texts(pane)
    call = pane.tool_results.editor(0).title()  # the call as the model made it: data
    left = still_english(english, italian, frozenset({call}))
    assert not left, " | ".join(sorted(set(left.values())))
    assert pane.tabs.section_titles() == ITALIAN_SECTIONS
    assert pane.composer.send.accessibleName() == "Invia"
    assert pane.composer.message.accessibleName() == "Messaggio"
    assert pane.transcript.accessibleName() == "Conversazione"
    # How the turn ended, said again; the metrics line is in the transcript, once.
    assert pane.composer.status.text() == "In attesa dei risultati degli strumenti"
    assert pane.transcript.tool_wait.title.text() == "⚙ In attesa del risultato di get_weather"
    assert pane.trace.headerItem().text(0) == "Passo"
    assert "Chiamata allo strumento get_weather" in pane.trace.steps(0)
    shown = pane.transcript.toPlainText()
    assert {"Tu", "Assistente"} <= set(shown.splitlines())
    assert pane.transcript.turn_actions.copy.accessibleName() == "Copia la risposta"
    _to(qtbot, pane, "en")
    assert pane.tabs.section_titles()[0] == "Setup"
    assert "You" in pane.transcript.toPlainText().splitlines()


def test_a_turn_in_italian_writes_its_metrics_in_the_italian_locale(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    _to(qtbot, pane, "it")
    _ask(pane, services, qtbot, "Parlami dei reranker")
    status = pane.transcript.turns()[-1].status
    assert status.startswith("fine: ")
    assert re.search(r"primo token [\d.]+,\d ms", status), status
    assert re.search(r"[\d.]+,\d\d s$", status), status
    assert re.search(r"token in ingresso \d+ / in uscita \d+", status), status
    assert "Tu" in pane.transcript.toPlainText()


def test_params_errors_and_tips_in_italian(pane: ChatPane, qtbot: QtBot) -> None:
    _to(qtbot, pane, "it")
    pane.params.set_text("temperature", "9")
    error = pane.params.error_text()
    assert error == "Temperatura: 9 è fuori intervallo; ammesso da 0 a 2"
    assert pane.params.field("temperature").accessibleName() == "Temperatura"
    assert "Ammesso: da 0 a 2." in pane.params.field("temperature").toolTip()


def test_a_finished_turns_metrics_line_is_drawn_again_in_the_new_language(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    _to(qtbot, pane, "en")
    _ask(pane, services, qtbot, "Tell me about rerankers")
    english = pane.transcript.toPlainText()
    assert re.search(r"finish: \w+ · first token [\d,]+\.\d ms", english), english
    _to(qtbot, pane, "it")
    qtbot.waitUntil(lambda: "fine: " in pane.transcript.toPlainText(), timeout=WAIT_MS)
    italian = pane.transcript.toPlainText()
    assert re.search(r"fine: \w+ · primo token [\d.]+,\d ms", italian), italian
    assert "finish: " not in italian
    # Kept as values with the reply, so a saved conversation draws it again too.
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.measured is not None
    assert reply.status.startswith("finish: ")  # the line as it was first drawn


def test_a_switch_while_a_turn_streams_rewrites_every_turn_when_it_ends(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    _to(qtbot, pane, "en")
    _ask(pane, services, qtbot, "Tell me about rerankers")
    slow_chat_streams(services)
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=WAIT_MS)
    _to(qtbot, pane, "it")
    assert pane.is_streaming()  # the switch came while the second turn streamed
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    italian = pane.transcript.toPlainText()
    assert "finish: " not in italian
    assert italian.count("fine: ") == 2


def test_a_refused_continue_with_tool_results_reads_italian(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The conversation's refusals were plain English strings made in the core: the Italian
    window said "Dati non validi · in risultati degli strumenti: The last answer asked for no
    tool calls." The notice log keeps the English, as the command line would say it."""
    _to(qtbot, pane, "it")
    _ask(pane, services, qtbot, "Tell me about rerankers")  # an answer without tool calls
    pane.tool_results.continue_requested.emit()
    assert pane.error.text() == (
        "Dati non validi · in risultati degli strumenti: "
        "L'ultima risposta non ha chiesto chiamate agli strumenti."
    )
    assert len(pane.session().turns) == 1  # nothing sent
    assert services.notices.history()[-1].detail == "The last answer asked for no tool calls."


def test_a_refused_conversation_file_gives_its_reason_in_italian(
    pane: ChatPane, qtbot: QtBot, tmp_path: Path
) -> None:
    """The reader's reasons ("unknown role 'robot'") were English in the Italian window."""
    _to(qtbot, pane, "it")
    path = tmp_path / "robot.json"
    path.write_text(json.dumps({"messages": [{"role": "robot"}]}), encoding="utf-8")
    assert not pane.import_history(path)
    assert pane.history.status.text() == (
        "Non importata: robot.json: Non è una conversazione · in messages[0].role: "
        "ruolo sconosciuto 'robot'"
    )
    path.write_text(json.dumps({"chat": []}), encoding="utf-8")
    assert not pane.import_history(path)
    assert pane.history.status.text().endswith(
        "in (livello principale): atteso un oggetto con chat_history o messages, oppure un "
        "elenco di messaggi"
    )
    # The History editor reads its entries with the same reader.
    pane.history.editor.set_text('[{"role": "user", "content": "hi", "colour": "red"}]')
    pane.history.editor.validate_now()
    assert pane.history.editor.message().endswith(": campo sconosciuto")


def test_a_refused_tool_definition_reads_italian(pane: ChatPane, qtbot: QtBot) -> None:
    """The tool reader's reasons ("a tool needs a non-empty string `name`") were English
    strings made in the wire layer, shown so under the Tools editor and on the error line."""
    _to(qtbot, pane, "it")
    pane.tools.editor.set_text('[{"description": "no name"}]')
    pane.tools.editor.validate_now()
    reason = "uno strumento ha bisogno di un `name` che sia una stringa non vuota"
    assert pane.tools.editor.message().endswith(reason), pane.tools.editor.message()
    pane.send("What is the weather in Paris?")
    assert pane.error.text().endswith(f"tools[0].name: {reason}"), pane.error.text()
    pane.tools.editor.set_text('{"name": "f"}')
    pane.send("What is the weather in Paris?")
    assert pane.error.text().endswith(": tools deve essere un elenco JSON"), pane.error.text()
    pane.tools.editor.set_text('[{"name": "f", "parameters": [1]}]')
    pane.send("What is the weather in Paris?")
    assert pane.error.text().endswith(": atteso un oggetto JSON Schema"), pane.error.text()
    assert pane.session().turns == []


V2_START = '{"type": "message-start", "id": "m"}'


def _odd_stream(pane: ChatPane, services: Services, qtbot: QtBot, answer: Answer) -> str:
    """Why the Italian window says a turn was cut off, sent to a server answering `answer`."""
    _to(qtbot, pane, "it")
    with HostileServer() as server:
        use_odd_server(services, server, answer)
        _ask(pane, services, qtbot, "Tell me about rerankers")
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.cut_off is not None
    assert reply.cut_off in pane.transcript.toPlainText()
    return reply.cut_off


def test_a_stream_that_breaks_off_is_said_in_italian(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """A body shorter than its Content-Length: "the stream broke off" was English."""
    body = f"data: {V2_START}\n\n".encode()
    answer = Answer.whole(body, headers={"Content-Length": "500"})
    cut_off = _odd_stream(pane, services, qtbot, answer)
    assert ": lo stream si è interrotto: peer closed connection" in cut_off, cut_off


def _sse(*data: str) -> bytes:
    return "".join(f"data: {d}\n\n" for d in data).encode()


def test_a_stream_the_server_got_wrong_is_said_in_italian(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The stream decoder's reasons ("malformed event", "the stream ended before its final
    event") were English in the Italian window; the JSON parser's own words stay as they came."""
    cut_off = _odd_stream(pane, services, qtbot, Answer.whole(_sse(V2_START, '{"type": ')))
    assert "in evento 2 (byte 44)" in cut_off, cut_off
    assert ": evento malformato: Expecting value: line 1 column 10 (char 9)" in cut_off, cut_off
    cut_off = _odd_stream(pane, services, qtbot, Answer.whole(_sse(V2_START, "[1, 2]")))
    assert cut_off.endswith(": un evento deve essere un oggetto JSON"), cut_off
    cut_off = _odd_stream(pane, services, qtbot, Answer.whole(_sse(V2_START)))
    assert cut_off.endswith(": lo stream è terminato prima del suo evento finale"), cut_off
    not_utf8 = _sse(V2_START) + b'data: {"x": "\xff"}\n\n'
    cut_off = _odd_stream(pane, services, qtbot, Answer.whole(not_utf8))
    assert cut_off.endswith("in byte 57 · POST /s/odd/v2/chat: lo stream non è UTF-8 valido")
    cut_off = _odd_stream(pane, services, qtbot, Answer.whole(b"hello there\n\n"))
    assert cut_off.endswith(": attese righe JSON o server-sent events, trovato 'hello there'"), (
        cut_off
    )


def test_a_failure_the_stream_reports_by_its_finish_reason_is_said_in_italian(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """A v2 stream ending with finish_reason ERROR and no error text, and an OpenAI-compatible
    stream the content filter stopped: the workbench's own words were English."""
    end = '{"type": "message-end", "delta": {"finish_reason": "ERROR"}}'
    cut_off = _odd_stream(pane, services, qtbot, Answer.whole(_sse(V2_START, end)))
    assert cut_off == "generazione non riuscita (ERROR)", cut_off
    chunk = {"choices": [{"index": 0, "delta": {}, "finish_reason": "content_filter"}]}
    _to(qtbot, pane, "it")
    with HostileServer() as server:
        answer = Answer.whole(_sse(json.dumps(chunk), "[DONE]"))
        use_odd_server(services, server, answer, flavour=Flavour.OPENAI)
        _ask(pane, services, qtbot, "Tell me about rerankers")
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert (
        reply.cut_off
        == "il filtro dei contenuti del server ha fermato la risposta (content_filter)"
    )
    assert reply.cut_off in pane.transcript.toPlainText()


def test_a_failed_turns_cut_off_line_follows_a_language_switch(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The line was written once, in the language the turn ended in, and drawn so after a
    switch: a failure the stream reported ("generation failed (ERROR)") and one the request
    raised (its title and "the stream broke off"). The reply keeps the line as written."""
    end = '{"type": "message-end", "delta": {"finish_reason": "ERROR"}}'
    reported = _odd_stream(pane, services, qtbot, Answer.whole(_sse(V2_START, end)))
    body = f"data: {V2_START}\n\n".encode()
    answer = Answer.whole(body, headers={"Content-Length": "500"})
    raised = _odd_stream(pane, services, qtbot, answer)
    _to(qtbot, pane, "en")
    shown = pane.transcript.toPlainText()
    assert "⚠ No answer: generation failed (ERROR)" in shown, shown
    assert "⚠ No answer: Unexpected answer from the server" in shown, shown
    assert ": the stream broke off: peer closed connection" in shown, shown
    assert reported not in shown
    assert raised not in shown
    assert pane.trace.detail(0, pane.trace.steps(0).index("Cut off")) == "generation failed (ERROR)"
    assert [turn.reply.cut_off for turn in pane.session().turns if turn.reply] == [
        reported,
        raised,
    ]
    _to(qtbot, pane, "it")
    assert reported in pane.transcript.toPlainText()
    assert raised in pane.transcript.toPlainText()


def test_the_trace_says_cores_reasons_in_the_guis_language(
    services: Services, qtbot: QtBot
) -> None:
    """ "Stopped by you" and the missing final event, core's English, were English in the
    Italian trace while the transcript said them in Italian; drawn again on a switch too."""
    partial = Reply(text="Rerankers sort", cut_off=UNFINISHED)
    turns = [Turn(user="first", reply=partial), Turn(user="second", reply=Reply(cut_off=STOPPED))]
    save_chat(SavedChat(turns=turns))  # the last session's conversation, restored at start
    pane = new_chat_pane(services, qtbot)
    trace = pane.trace

    def said() -> bool:
        cut_off = tr("TraceView", "Cut off")
        unfinished = trace.detail(0, trace.steps(0).index(cut_off))
        return unfinished == shown(UNFINISHED) and shown(STOPPED) in trace.steps(1)

    assert said()
    _to(qtbot, pane, "en")
    assert said()
    _to(qtbot, pane, "it")
    qtbot.waitUntil(said, timeout=WAIT_MS)
    assert shown(STOPPED) == "Fermata da te"
    assert shown(UNFINISHED) in pane.transcript.toPlainText()


def test_a_turn_the_person_stopped_is_named_in_the_trace_as_in_the_transcript(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The transcript said "■ Stopped by you" while the Trace filed the turn under "Cut off",
    the step for what the server or the network cut."""
    _to(qtbot, pane, "it")
    slow_chat_streams(services, ms_per_event=50)
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=WAIT_MS)
    pane.composer.stop.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    stopped = tr("Core", "Stopped by you")
    assert f"■ {tr('Transcript', 'Stopped by you')}" in pane.transcript.toPlainText()
    steps = pane.trace.steps(0)
    assert stopped in steps, steps
    assert tr("TraceView", "Cut off") not in steps
    assert pane.trace.detail(0, steps.index(stopped)) == ""
    assert stopped == "Fermata da te"


def test_a_file_the_os_refuses_is_named_once_in_the_history_status(
    pane: ChatPane, qtbot: QtBot, tmp_path: Path
) -> None:
    """Import and Export said Python's whole OSError ("[Errno 21] Is a directory: '/tmp/…'")
    after the file's name: the errno and the full path again, in the Italian status line too."""
    _to(qtbot, pane, "it")
    folder = tmp_path / "chats"
    folder.mkdir()
    assert not pane.import_history(folder)
    reason = os.strerror(errno.EISDIR)
    assert pane.history.status.text() == f"Non importata: chats: {reason}"
    assert not pane.export_history(folder, Flavour.COHERE_V2)
    assert pane.history.status.text() == f"Non esportata: chats: {reason}"


def test_the_demo_bar_keeps_a_scripts_title_as_it_is(pane: ChatPane, qtbot: QtBot) -> None:
    """The bar filled its %1, %2, %3 one after the other: a title (the file's name) holding
    "%2" took the turn number into it."""
    _to(qtbot, pane, "it")
    assert pane.play_script(DemoScript([], "sconti 50%2 e 30%3"))
    expected = "▶ sconti 50%2 e 30%3: turno 0 di 0, riprodotto senza rete"
    assert pane.demo.position.text() == expected, pane.demo.position.text()


def test_an_imported_conversation_names_its_form_in_italian(
    pane: ChatPane, qtbot: QtBot, tmp_path: Path
) -> None:
    """The form's name ("v2 / OpenAI messages") came from the core in English."""
    _to(qtbot, pane, "it")
    path = tmp_path / "chat.json"
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    path.write_text(json.dumps({"messages": messages}), encoding="utf-8")
    assert pane.import_history(path)
    assert pane.history.status.text() == "Importati 2 messaggi da chat.json (messages v2 / OpenAI)."
    v1 = [{"role": "USER", "message": "hi"}]
    path.write_text(json.dumps({"chat_history": v1}), encoding="utf-8")
    assert pane.import_history(path)
    assert (
        pane.history.status.text()
        == "Importato 1 messaggio da chat.json (chat_history di Cohere v1)."
    )
    path.write_text(json.dumps(messages), encoding="utf-8")
    assert pane.import_history(path)
    assert pane.history.status.text().endswith("(cronologia neutra).")


def test_a_language_switch_keeps_the_turn_being_read_in_view(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The pane draws every turn again in the new language; the view jumped to the end."""
    _to(qtbot, pane, "en")
    for number in range(6):
        _ask(pane, services, qtbot, f"Question {number}: tell me about rerankers")
    pane.resize(900, 420)
    transcript = pane.transcript
    bar = transcript.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2 * transcript.viewport().height(), timeout=WAIT_MS)
    bar.setValue(bar.maximum() // 3)
    reading = transcript.visible_cards()[0][0]
    _to(qtbot, pane, "it")
    qtbot.waitUntil(lambda: "fine: " in transcript.toPlainText(), timeout=WAIT_MS)
    assert bar.value() < bar.maximum()
    assert transcript.visible_cards()[0][0] == reading
