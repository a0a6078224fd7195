"""How a turn ends, over loopback to the sandbox: an error card to act on, Stop as the person's own
choice, a tool call waiting for its results, citation markers leading to their sources."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from tests.hostile_server import Answer, HostileServer
from tests.ui.conftest import (
    refused_endpoint,
    select_flavour,
    use_endpoint,
    use_odd_server,
)
from tests.ui.marked import marked_errors as marked_errors
from tests.ui.shown_texts import switch_language
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS, WAIT_S
from workbench.api.models import AuthScheme, Flavour
from workbench.core.endpoints import EndpointConfig
from workbench.core.probe import explain
from workbench.sandbox.runner import SandboxConfig, start_sandbox
from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_line, error_title
from workbench.ui.common.l10n import format_seconds
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TOOLS = """[
  {"name": "get_weather", "description": "Current weather for a city",
   "parameter_definitions": {"city": {"type": "str", "description": "City name", "required": true}}}
]"""
DOCS = """[
  {"id": "cafe", "title": "Café", "text": "Le café crème coûte 3 euros à Zürich."},
  {"id": "the", "title": "Thé", "text": "Le thé vert coûte 2 euros à Genève."}
]"""


@pytest.fixture
def refused(services: Services) -> EndpointConfig:
    """An endpoint on a loopback port nothing listens on (yet), selected in every pane."""
    return refused_endpoint(services)


def _finish(pane: ChatPane, services: Services, qtbot: QtBot, message: str) -> None:
    pane.send(message)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _status_says(pane: ChatPane, line: str) -> None:
    """The composer's status line shows `line`, and a screen reader reads it as its name."""
    status = pane.findChild(QLabel, "chatStatus")
    assert status is not None
    assert status.text() == line
    assert status.accessibleName() == line


def test_a_refused_connection_shows_an_error_card_whose_retry_succeeds(
    pane: ChatPane, services: Services, qtbot: QtBot, refused: EndpointConfig
) -> None:
    _finish(pane, services, qtbot, "hello there")
    card = pane.transcript.error_card
    assert card.isVisibleTo(pane)
    error = pane.controller.run.error
    assert error is not None
    assert tr("Errors", error.title) in card.title.text()
    # The words Test connection uses, in the GUI's language (issue 18).
    assert card.explanation.text() == shown(explain(error))
    assert str(explain(error)).startswith("Connection refused")
    failed = before(tr("Transcript", "No answer: %1"))
    assert f"⚠ {failed}" in pane.transcript.toPlainText()  # no "Cut off" of nothing
    assert card.retry.accessibleName()
    assert card.edit_endpoint.accessibleName()
    port = int(refused.base_url.rsplit(":", 1)[1])
    running = start_sandbox(SandboxConfig(port=port))
    try:
        card.retry.click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        running.stop()
    turns = pane.session().turns
    assert len(turns) == 1  # the same turn, sent again
    assert turns[0].user == "hello there"
    assert turns[0].reply is not None
    assert turns[0].reply.cut_off is None
    assert turns[0].reply.text
    assert not card.isVisibleTo(pane)


def test_edit_endpoint_opens_the_failed_turns_endpoint(
    services: Services, qtbot: QtBot, refused: EndpointConfig
) -> None:
    window = MainWindow(services=services)
    qtbot.addWidget(window)
    window.show_pane("chat")
    chat = window.chat_pane
    chat.setup.model.setText("command-r")
    chat.documents.editor.set_text("[]")
    chat.tools.editor.set_text("[]")
    _finish(chat, services, qtbot, "hello there")
    other = next(e for e in services.session.endpoints() if e.id != refused.id)
    services.session.set_current(other.id)
    chat.transcript.error_card.edit_endpoint.click()
    assert window.current_pane_key() == "endpoints"
    assert window.endpoints_pane.shown_endpoint_id() == refused.id
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


@pytest.mark.usefixtures("restore_language", "refused")
def test_the_error_card_is_said_again_in_the_new_language(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    _finish(pane, services, qtbot, "hello there")
    card, error = pane.transcript.error_card, pane.controller.run.error
    assert error is not None
    # From English to Italian whatever the run's language: the card must say it again.
    switch_language(qtbot, "en", lambda: card.title.text() == "⚠ " + error_title(error))
    english = card.explanation.text()
    switch_language(qtbot, "it", lambda: card.explanation.text() != english)
    assert card.explanation.text() == shown(explain(error))
    assert card.title.text() == "⚠ " + error_title(error)
    assert card.accessibleDescription().startswith(error_title(error))


def _other_language(qtbot: QtBot, done: Callable[[], bool]) -> None:
    """Switch to English, then Italian (whatever the run's language), waiting for `done`."""
    switch_language(qtbot, "en", done)
    switch_language(qtbot, "it", done)


@pytest.mark.usefixtures("restore_language", "refused")
def test_the_error_card_stays_after_a_switch_with_the_keyboard_on_retry(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.resize(640, 1000)  # Italian's longer explanation takes one more line here
    pane.show()
    _finish(pane, services, qtbot, "hello there")
    card, error = pane.transcript.error_card, pane.controller.run.error
    assert error is not None
    pane.activateWindow()
    card.retry.setFocus()
    qtbot.waitUntil(card.retry.hasFocus, timeout=WAIT_MS)
    _other_language(qtbot, lambda: card.title.text() == "⚠ " + error_title(error))
    assert card.isVisibleTo(pane)  # Retry is still offered, in the new words

    def fits() -> bool:  # the card grew to the new words
        labels = (card.title, card.explanation)
        return all(x.height() >= x.heightForWidth(x.width()) for x in labels)

    qtbot.waitUntil(fits, timeout=WAIT_MS)
    assert card.retry.text() == tr("ErrorCard", "Retr&y")
    assert card.explanation.text() == shown(explain(error))
    assert card.retry.hasFocus()  # the keyboard stays where it was
    assert card.edit_endpoint.isVisibleTo(pane)
    QTest.keyClick(card.retry, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card.edit_endpoint


@pytest.mark.usefixtures("restore_language")
def test_the_tool_wait_stays_after_a_switch_and_is_reached_from_the_keyboard(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    pane.tools.editor.set_text(TOOLS)
    pane.show()
    _finish(pane, services, qtbot, "What is the weather in Paris?")
    wait = pane.transcript.tool_wait

    def said() -> bool:
        return wait.title.text() == tr("ToolWaitCard", "⚙ Waiting for %1's result", "get_weather")

    _other_language(qtbot, said)
    assert wait.isVisibleTo(pane)
    assert wait.answer.text() == tr("ToolWaitCard", "E&nter tool results…")
    assert wait.answer.focusPolicy() & Qt.FocusPolicy.TabFocus
    pane.tabs.show_section(pane.setup)
    pane.activateWindow()
    wait.answer.setFocus()
    qtbot.waitUntil(wait.answer.hasFocus, timeout=WAIT_MS)
    QTest.keyClick(wait.answer, Qt.Key.Key_Space)
    assert pane.tabs.current_section() is pane.tool_results


def test_stop_is_said_in_neutral_colours_and_keeps_the_partial_answer(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    slow = start_sandbox(SandboxConfig(default_faults="slow_stream_ms=50"))
    try:
        endpoint = EndpointConfig(
            name="slow",
            base_url=slow.base_url,
            flavour=Flavour.COHERE_V2,
            auth=AuthScheme.NONE,
            timeout_s=WAIT_S,
        )
        services.session.save_endpoint(endpoint)
        use_endpoint(services, endpoint.id)
        pane.send("Tell me a long story about rerankers and chat models")
        qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=WAIT_MS)
        pane.composer.stop.click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        slow.stop()
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.text
    assert reply.text in pane.transcript.toPlainText()
    stopped = tr("Transcript", "Stopped by you")
    text = pane.transcript.toPlainText()
    assert f"■ {stopped}" in text
    assert "⚠" not in text
    assert not pane.transcript.error_card.isVisibleTo(pane)
    block = pane.transcript.document().findBlock(text.index(f"■ {stopped}"))
    colour = block.begin().fragment().charFormat().foreground().color()
    assert colour == QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert pane.composer.status.text() == stopped


def test_a_tool_call_waits_in_a_block_whose_button_opens_the_tool_results_form(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    pane.tools.editor.set_text(TOOLS)
    _finish(pane, services, qtbot, "What is the weather in Paris?")
    wait = pane.transcript.tool_wait
    assert wait.isVisibleTo(pane)
    assert "get_weather" in wait.title.text()
    assert wait.title.text() == tr("ToolWaitCard", "⚙ Waiting for %1's result", "get_weather")
    _status_says(pane, tr("ToolWaitCard", "Waiting for tool results"))  # the card says which
    assert pane.tabs.current_section() is pane.tool_results  # the side panel follows
    pane.tabs.show_section(pane.setup)
    wait.answer.click()
    assert pane.tabs.current_section() is pane.tool_results
    pane.tool_results.editor(0).set_fields({"forecast": "sunny"})
    pane.tool_results.continue_requested.emit()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not wait.isVisibleTo(pane)


def test_citation_markers_lead_to_their_source(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    select_flavour(services, Flavour.COHERE_V2)
    pane.documents.editor.set_text(DOCS)
    _finish(pane, services, qtbot, "Combien coûte le café crème à Zürich et le thé vert?")
    markers = _markers(pane)
    assert markers, pane.transcript.toPlainText()
    assert markers[0][0] == "[1]"
    assert pane.transcript.highlighted_spans(0)  # the highlighting stays
    reply = pane.session().turns[0].reply
    assert reply is not None
    first = sorted(reply.citations, key=lambda c: c.start)[0].document_ids[0]
    pane.tabs.show_section(pane.setup)
    with qtbot.waitSignal(pane.transcript.source_activated, timeout=WAIT_MS) as chosen:
        pane.transcript.anchorClicked.emit(QUrl(markers[0][1]))
    assert chosen.args == [0, first]
    assert pane.tabs.current_section() is pane.sources
    shown = pane.sources.toPlainText()
    assert shown.startswith(first)  # that document, shown alone
    assert not any(f"{o}\n" in shown for o in {"cafe", "the"} - {first})


def _markers(pane: ChatPane) -> list[tuple[str, str]]:
    """(text, href) of the citation markers in the transcript, in order."""
    found = []
    block = pane.transcript.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.anchorHref().startswith("source:"):
                found.append((it.fragment().text(), fmt.anchorHref()))
            it += 1
        block = block.next()
    return found


@pytest.fixture(autouse=True)
def _no_leftover(qtbot: QtBot, services: Services) -> Iterator[None]:
    yield
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_a_turn_that_failed_before_any_text_gets_no_json_verdict(
    pane: ChatPane, services: Services, qtbot: QtBot, refused: EndpointConfig
) -> None:
    options = pane.model_options
    options.format_kind.setCurrentIndex(options.format_kind.findData("json_schema"))
    _finish(pane, services, qtbot, "a film as JSON")
    assert pane.transcript.error_card.isVisibleTo(pane)
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert reply.cut_off
    assert "JSON" not in reply.status  # nothing arrived to be checked against the schema
    assert "JSON ✗" not in pane.transcript.toPlainText()


@pytest.mark.usefixtures("marked_errors")
def test_a_failed_turns_transcript_line_says_the_error_in_the_guis_words(
    pane: ChatPane, services: Services, qtbot: QtBot, refused: EndpointConfig
) -> None:
    _finish(pane, services, qtbot, "hello there")
    error = pane.controller.run.error
    assert error is not None
    said = tr("Transcript", "No answer: %1", error_line(error))
    assert said in pane.transcript.toPlainText()
    assert "«" in said  # the error's fixed words went through translation


@pytest.mark.usefixtures("restore_language")
def test_a_complete_answer_is_said_done_with_its_time_and_tokens(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The status went from "Answering…" to nothing: only Stop said the turn had ended."""
    _finish(pane, services, qtbot, "hello there")
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert reply.usage is not None
    assert reply.usage.output_tokens
    tokens, took = round(reply.usage.output_tokens), pane.controller.run.elapsed_s()

    def answered() -> str:  # in the language of the moment, as the metrics line writes seconds
        return tr("TurnPresenter", "Answered in %1, %n token(s).", format_seconds(took), n=tokens)

    _status_says(pane, answered())
    _other_language(qtbot, lambda: pane.composer.status.text() == answered())
    _status_says(pane, answered())


def test_a_failed_turn_says_so_and_points_to_the_error_card(
    pane: ChatPane, services: Services, qtbot: QtBot, refused: EndpointConfig
) -> None:
    _finish(pane, services, qtbot, "hello there")
    assert pane.transcript.error_card.isVisibleTo(pane)
    _status_says(pane, tr("TurnPresenter", "The turn failed: see the error above."))


def test_an_answer_without_usage_is_said_done_with_its_time(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """A server that reports no usage: the time alone, no token count made up."""
    events = [
        {"type": "message-start", "id": "m"},
        {"type": "content-start", "index": 0, "delta": {"message": {"content": {"text": ""}}}},
        {"type": "content-delta", "index": 0, "delta": {"message": {"content": {"text": "Hi."}}}},
        {"type": "content-end", "index": 0},
        {"type": "message-end", "delta": {"finish_reason": "COMPLETE"}},
    ]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events).encode()
    with HostileServer() as server:
        use_odd_server(services, server, Answer.whole(body))
        _finish(pane, services, qtbot, "hello there")
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert reply.text == "Hi."
    assert reply.cut_off is None
    assert reply.usage is None
    took = format_seconds(pane.controller.run.elapsed_s())
    _status_says(pane, tr("TurnPresenter", "Answered in %1.", took))
