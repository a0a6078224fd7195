"""Chat pane over loopback to the sandbox: streaming, citations, tools, stop, cut-off, flavours."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from tests.ui.conftest import (
    CHAT_MODEL,
    new_chat_pane,
    pane_client,
    run_async,
    select_flavour,
    use_endpoint,
)
from tests.ui.marked import marking
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS, WAIT_S
from workbench.api.models import AuthScheme, ChatRequest, Flavour, GenerationParams
from workbench.core.endpoints import EndpointConfig
from workbench.sandbox.runner import SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.core.chat_session import Reply
    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MODEL = CHAT_MODEL
FLAVOURS = [Flavour.COHERE_V1, Flavour.COHERE_V2, Flavour.OPENAI]
UNICODE_DOCS = """[
  {"id": "cafe", "title": "Café", "text": "Le café crème coûte €3 😀 à Zürich. Les croissants sont très frais."},
  {"id": "famille", "text": "La famille 👩‍👩‍👧 préfère le café glacé 🧊 en été. Señor Núñez sert le café."}
]"""
TOOLS = """[
  {"name": "get_weather", "description": "Current weather for a city",
   "parameter_definitions": {"city": {"type": "str", "description": "City name", "required": true}}}
]"""


def _ask(pane: ChatPane, services: Services, qtbot: QtBot, message: str) -> Reply:
    busy_at_answer: list[bool] = []
    renders = pane.transcript.renders

    def answer_arrives(_index: int) -> None:
        if pane.transcript.renders > renders:
            busy_at_answer.append(pane.composer.busy.isVisibleTo(pane))

    # The busy bar is drawn with the live turn at the latest (a stream's opening events, which
    # show nothing, may come before either).
    pane.controller.snapshot_changed.connect(answer_arrives)
    pane.send(message)
    assert pane.is_streaming()
    assert not pane.composer.send.isEnabled()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    pane.controller.snapshot_changed.disconnect(answer_arrives)
    assert all(busy_at_answer)
    assert pane.composer.send.isEnabled()
    assert not pane.composer.busy.isVisibleTo(pane)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    return reply


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_streamed_text_equals_non_streamed_text(
    pane: ChatPane, services: Services, qtbot: QtBot, flavour: Flavour
) -> None:
    select_flavour(services, flavour)
    pane.params.set_text("seed", "11")
    reply = _ask(pane, services, qtbot, "Tell me something about rerankers")
    assert reply.cut_off is None
    assert reply.text
    assert reply.finish_reason
    client = run_async(qtbot, pane_client(services))
    request = ChatRequest(
        message="Tell me something about rerankers", model=MODEL, params=GenerationParams(seed=11)
    )
    whole = run_async(qtbot, client.chat(request))
    assert reply.text == whole.text
    status = pane.transcript.turns()[-1].status
    assert status in pane.transcript.toPlainText()
    assert status not in pane.composer.status.text()  # said once, under the answer
    assert before(tr("ChatTurns", "finish: %1")) in status
    assert before(tr("ChatTurns", "first token %1")) in status
    assert tr("ChatTurns", "%1 tokens/s").removeprefix("%1") in status
    assert reply.usage is not None  # every flavour streams usage (OpenAI: asked for it)
    assert "USD" in status  # the fixture endpoints carry prices
    assert before(tr("ChatTurns", "tokens in %1 / out %2")) in status


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2])
def test_citations_highlight_exactly_the_cited_unicode_text(
    pane: ChatPane, services: Services, qtbot: QtBot, flavour: Flavour
) -> None:
    select_flavour(services, flavour)
    pane.documents.editor.set_text(UNICODE_DOCS)
    reply = _ask(
        pane, services, qtbot, "Combien coûte le café crème à Zürich? Et le café glacé 🧊?"
    )
    assert reply.citations, reply.text
    for citation in reply.citations:
        assert reply.text[citation.start : citation.end] == citation.text
    assert any(ord(ch) > 0xFFFF for c in reply.citations for ch in c.text) or any(
        ord(ch) > 0xFFFF for ch in reply.text[: reply.citations[-1].start]
    ), "the test needs an astral character before or inside a cited span"
    shown = pane.transcript.highlighted_spans(0)
    assert shown == {i: c.text for i, c in enumerate(reply.citations)}
    sources = pane.sources.toPlainText()
    assert "cafe" in sources
    assert before(tr("SourcesView", "Cited by %n span(s): %1", n=1), "1") in sources
    pane.tabs.show_section(pane.setup)
    pane.transcript.citation_activated.emit(0, (0,))
    assert reply.citations[0].text in pane.sources.toPlainText()
    assert pane.tabs.current_section() is pane.sources  # a clicked span opens its sources


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_tool_round_trip_across_two_turns(
    pane: ChatPane, services: Services, qtbot: QtBot, flavour: Flavour
) -> None:
    select_flavour(services, flavour)
    pane.tools.editor.set_text(TOOLS)
    first = _ask(pane, services, qtbot, "What is the weather in Paris?")
    assert [c.name for c in first.tool_calls] == ["get_weather"]
    assert tr("TraceView", "Tool call %1", "get_weather") in pane.trace.steps(0)
    form = pane.tool_results
    form.editor(0).set_fields({"forecast": "sunny", "celsius": "21"})
    continue_button = form.findChild(QPushButton, "chatContinue")
    assert continue_button is not None
    continue_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    second = pane.session().turns[-1].reply
    assert second is not None
    assert pane.session().turns[-1].user is None
    assert "sunny" in second.text
    assert second.cut_off is None
    steps = pane.trace.steps(1)
    assert steps[0] == tr("TraceView", "Tool result → %1", "get_weather")
    citation = before(tr("TraceView", "Citation «%1»"))
    assert any(s.startswith(citation) for s in steps) or flavour is Flavour.OPENAI
    assert len(pane.transcript.turns()) == 2


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V2, Flavour.OPENAI])
def test_a_message_instead_of_tool_results_is_refused_and_kept(
    pane: ChatPane, services: Services, qtbot: QtBot, flavour: Flavour
) -> None:
    """It was sent as user, assistant tool calls, user: the server refused it (a 400)."""
    select_flavour(services, flavour)
    pane.tools.editor.set_text(TOOLS)
    _ask(pane, services, qtbot, "What is the weather in Paris?")
    pane.send("Never mind: what about Rome?")
    assert not pane.is_streaming()
    assert len(pane.session().turns) == 1
    refusal = tr(
        "Core",
        "the tool calls of this answer have no results: send them first (tool results), or start a new conversation",
    )
    assert refusal in pane.error.text()
    assert pane.composer.message.toPlainText() == "Never mind: what about Rome?"


def test_stop_mid_stream_keeps_the_partial_answer(
    pane: ChatPane, services: Services, qtbot: QtBot, faulty_endpoint: FaultyEndpoints
) -> None:
    faulty_endpoint.select(services, "slow_stream_ms=50")
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=WAIT_MS)
    pane.composer.stop.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.cut_off == "Stopped by you"
    assert reply.text
    assert reply.text == pane.live_snapshot().text
    stopped = tr("Transcript", "Stopped by you")
    assert f"■ {stopped}" in pane.transcript.toPlainText()  # the person's choice, no warning
    client = run_async(qtbot, pane_client(services))
    whole = run_async(
        qtbot,
        client.chat(
            ChatRequest(message="Tell me a long story about rerankers and chat models", model=MODEL)
        ),
    )
    assert whole.text.startswith(reply.text)
    assert len(reply.text) < len(whole.text)
    assert not [n for n in services.notices.history() if n.level == "error"]


def test_saving_the_endpoint_mid_stream_lets_the_answer_finish(
    pane: ChatPane, services: Services, qtbot: QtBot, faulty_endpoint: FaultyEndpoints
) -> None:
    """Saving the endpoint closed its client under the stream: the answer broke off, blamed on
    the server ("the stream broke off")."""
    faulty_endpoint.select(services, "slow_stream_ms=50")
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=WAIT_MS)
    endpoint = services.session.selected("chat")
    assert endpoint is not None
    services.session.save_endpoint(endpoint.model_copy(update={"name": "renamed mid-stream"}))
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.cut_off is None
    assert not [n for n in services.notices.history() if n.level == "error"]


def test_dropped_stream_shows_as_cut_off_with_the_reason(
    pane: ChatPane, services: Services, qtbot: QtBot, faulty_endpoint: FaultyEndpoints
) -> None:
    faulty_endpoint.select(services, "drop_after_events=5")
    reply = _ask(pane, services, qtbot, "Tell me a long story about rerankers and chat models")
    assert reply.cut_off
    assert reply.text == pane.live_snapshot().text
    cut = tr("Transcript", "Cut off: %1", reply.cut_off)
    assert f"⚠ {cut}" in pane.transcript.toPlainText()
    assert pane.transcript.error_card.isVisibleTo(pane)
    assert [n for n in services.notices.history() if n.level == "error"]


def test_out_of_range_parameter_blocks_send_and_keeps_the_message(
    pane: ChatPane, services: Services
) -> None:
    pane.params.set_text("temperature", "3")
    pane.send("hello")
    assert not pane.is_streaming()
    assert tr("ParamsPanel", "%1 to %2", 0, 2) in pane.error.text()
    assert pane.composer.message.toPlainText() == "hello"
    assert pane.session().turns == []


def test_search_queries_only_hands_a_query_to_rerank(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    select_flavour(services, Flavour.COHERE_V1)
    queries_only = pane.params.findChild(QCheckBox, "paramSearchQueriesOnly")
    assert queries_only is not None
    queries_only.setChecked(True)
    reply = _ask(pane, services, qtbot, "best croissants in Zürich")
    assert reply.search_queries
    assert pane.queries.list.count() == len(reply.search_queries)
    with qtbot.waitSignal(pane.rerank_requested, timeout=WAIT_MS) as asked:
        pane.queries.rerank.click()
    assert asked.args == [reply.search_queries[0]]


def test_regenerate_and_edit_and_resend(pane: ChatPane, services: Services, qtbot: QtBot) -> None:
    _ask(pane, services, qtbot, "first question")
    _ask(pane, services, qtbot, "second question")
    pane.composer.regenerate.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert [t.user for t in pane.session().turns] == ["first question", "second question"]
    pane.transcript.edit_requested.emit(0)
    assert pane.composer.message.toPlainText() == "first question"
    pane.composer.message.setPlainText("first question, edited")
    pane.composer.send.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert [t.user for t in pane.session().turns] == ["first question, edited"]
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert "edited" in reply.text


def _shown(pane: ChatPane) -> tuple[object, ...]:
    """What the transcript and the trace show of the finished turns."""
    trace = pane.trace
    items = [trace.topLevelItem(n) for n in range(trace.topLevelItemCount())]
    return (
        pane.transcript.turns(),
        pane.transcript.toPlainText(),
        [(item.text(0), item.childCount()) for item in items if item is not None],
    )


def test_sends_that_skip_the_redraw_show_what_a_full_redraw_shows(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """A Send after a finished turn does not redraw the turns shown (issue 15): checked against a
    pane that draws the same conversation whole, after plain Sends, a regenerate and an edit."""
    for message in ("first question", "second question"):
        _ask(pane, services, qtbot, message)
    pane.composer.regenerate.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    pane.transcript.edit_requested.emit(0)
    pane.composer.message.setPlainText("first question, edited")
    pane.composer.send.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    for message in ("third question", "fourth question"):
        _ask(pane, services, qtbot, message)
    assert [t.user for t in pane.session().turns] == [
        "first question, edited",
        "third question",
        "fourth question",
    ]
    whole = new_chat_pane(services, qtbot)  # restores the saved conversation, drawn whole
    assert len(whole.session().turns) == 3
    assert _shown(pane) == _shown(whole)


class FaultyEndpoints:
    """Sandboxes with a default fault, each saved as an endpoint without a key."""

    def __init__(self) -> None:
        self._running: dict[str, RunningSandbox] = {}

    def select(self, services: Services, faults: str) -> None:
        if faults not in self._running:
            self._running[faults] = start_sandbox(SandboxConfig(default_faults=faults))
        endpoint = EndpointConfig(
            name=f"faulty {faults}",
            base_url=self._running[faults].base_url,
            flavour=Flavour.COHERE_V2,
            auth=AuthScheme.NONE,
            timeout_s=WAIT_S,
        )
        services.session.save_endpoint(endpoint)
        use_endpoint(services, endpoint.id)

    def stop(self) -> None:
        for running in self._running.values():
            running.stop()


@pytest.fixture(scope="module")
def faulty_endpoint() -> Iterator[FaultyEndpoints]:
    endpoints = FaultyEndpoints()
    try:
        yield endpoints
    finally:
        endpoints.stop()


def _at(editor_name: str, line: int, column: int) -> str:
    """The place of a refusal in a named editor, as the error line says it."""
    place = f"{editor_name}, {tr('Errors', 'line %1, column %2', line, column)}"
    return tr("Errors", "at %1", place)


def test_a_refusal_of_bad_json_names_the_editor_it_is_in(pane: ChatPane) -> None:
    """The refusal said "Invalid JSON … at line 1, column 11", leaving the person to guess which
    of the pane's JSON editors (documents, tools, the schema) it meant."""
    pane.tools.editor.set_text('[{"name": ')
    pane.send("What is the weather in Paris?")
    assert not pane.is_streaming()
    assert _at(tr("ChatSidePanel", "Tools"), 1, 11) in pane.error.text()
    pane.tools.editor.set_text("[]")
    pane.documents.editor.set_text('[{"text": ')
    pane.send("What is the weather in Paris?")
    assert _at(tr("ChatSidePanel", "Documents"), 1, 11) in pane.error.text()
    pane.documents.editor.set_text("[]")
    options = pane.model_options
    options.format_kind.setCurrentIndex(options.format_kind.findData("json_schema"))
    options.schema.set_text('{"type": ')
    pane.send("What is the weather in Paris?")
    assert _at(tr("ModelOptions", "JSON schema"), 1, 10) in pane.error.text()
    assert pane.session().turns == []


def test_a_refusal_naming_an_editor_is_said_again_in_a_new_language(
    pane: ChatPane, qtbot: QtBot
) -> None:
    """The refusal kept the editor's name and "Invalid JSON" in the language it was made in
    until the next Send; a marking translator stands for the new language."""
    pane.tools.editor.set_text('[{"name": ')
    pane.send("What is the weather in Paris?")
    assert pane.error.has_error()
    with marking("ChatSidePanel", "JsonEditor"):
        qtbot.waitUntil(lambda: "«Tools»" in pane.error.text(), timeout=WAIT_MS)
        reason = tr("Core", "Expecting value")
        assert "«Invalid JSON: %1»".replace("%1", reason) in pane.error.text()
    qtbot.waitUntil(lambda: "«" not in pane.error.text(), timeout=WAIT_MS)  # and back
    assert pane.session().turns == []


def test_a_schema_that_is_no_object_is_placed_in_the_named_editor(pane: ChatPane) -> None:
    """The refusal said "at Schema", a fixed English word no translation reached, and not the
    editor's name the other refusals of the schema editor use."""
    options = pane.model_options
    options.format_kind.setCurrentIndex(options.format_kind.findData("json_schema"))
    options.schema.set_text("[]")
    pane.send("What is the weather in Paris?")
    name = tr("ModelOptions", "JSON schema")
    assert tr("Errors", "at %1", name) in pane.error.text()
    options.schema.set_text('{"type": 5}')
    pane.send("What is the weather in Paris?")
    assert tr("Errors", "at %1", f"{name} $.type") in pane.error.text()
    assert pane.session().turns == []


def test_an_emptied_documents_editor_is_no_error_and_sends_none(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """An emptied editor said "The JSON is empty" in red and Send was refused, although empty
    can only mean no documents (as it does in Compare)."""
    editor = pane.documents.editor
    message = editor.findChild(QLabel, "jsonEditorMessage")
    assert message is not None
    editor.editor.selectAll()
    qtbot.keyClick(editor.editor, Qt.Key.Key_Delete)
    hint = tr("ChatSidePanel", "Empty: no documents are sent.")
    qtbot.waitUntil(lambda: message.text() == hint, timeout=WAIT_MS)
    assert message.property("role") == "hint"
    assert editor.error_position() is None  # no red mark
    _ask(pane, services, qtbot, "A question without documents")
    assert not pane.error.isVisible()
    assert message.text() == hint
    assert len(pane.session().turns) == 1
