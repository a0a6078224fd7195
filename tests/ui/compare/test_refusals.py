"""The Compare pane when it cannot do what was asked: what was typed stays, and it says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.compare.conftest import compare_pane
from tests.ui.conftest import TEST_LANGUAGE, endpoint_for
from tests.ui.marked import marking
from tests.ui.shown_texts import switch_language
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api import flavour_traits
from workbench.api.models import Flavour
from workbench.ui.compare.targets import Target
from workbench.ui.i18n import apply_language

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.compare.pane import ComparePane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FOLLOW_UP = "my carefully typed follow-up question"


@pytest.fixture
def pane(services: Services) -> Iterator[ComparePane]:
    """Columns 1 and 2 on the v1 and v2 sandbox routes, column 3 off."""
    with compare_pane(services, (Flavour.COHERE_V1, Flavour.COHERE_V2, None)) as widget:
        yield widget


def test_a_refused_follow_up_stays_in_its_box(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    pane.send("Tell me about rerankers")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    first = pane.columns[0]
    pane.inputs.documents.set_text('[{"text": ')
    first.follow_up.setText(FOLLOW_UP)
    first.continue_button.click()
    assert pane.error.isVisible()
    assert tr("Errors", "line %1, column %2", 1, 11) in pane.error.text()
    assert first.follow_up.text() == FOLLOW_UP  # nothing typed is lost
    assert len(first.session.turns) == 1
    pane.inputs.documents.set_text("")
    first.continue_button.click()
    assert first.is_streaming()
    assert first.follow_up.text() == ""  # sent: the box is free for the next one
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert first.session.turns[-1].user == FOLLOW_UP


def test_a_column_whose_endpoint_is_removed_says_so_and_is_not_sent_to(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    first, second, _third = pane.columns
    route = second.picker.currentText()
    removed = endpoint_for(services, Flavour.COHERE_V2)
    services.session.remove_endpoint(removed.id)
    # not silently another route (column 1's, say): the route stays, marked as removed
    assert second.picker.currentText() == tr("CompareColumn", "%1 (removed)", route)
    assert second.route_removed()
    pane.send("after the removal")
    assert not pane.is_streaming()
    gone = "The endpoint of column %1 was removed: pick another route for it."
    assert pane.error.text() == tr("ComparePane", gone, 2)
    assert pane.inputs.message.toPlainText() == "after the removal"  # kept to send again
    assert [len(c.session.turns) for c in pane.columns] == [0, 0, 0]
    second.pick(Target(endpoint_for(services, Flavour.OPENAI).id))
    pane.send("after the removal")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not pane.error.isVisible()
    assert [len(c.session.turns) for c in pane.columns] == [1, 1, 0]
    assert first.picker.findData(Target(removed.id).data()) < 0


@pytest.mark.usefixtures("restore_language")
def test_a_removed_route_is_named_again_in_a_new_language(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """The mark followed a switch, but the route's own words ("… · /v2/chat route") were kept
    as shown when its endpoint went, in the language of that moment."""
    second = pane.columns[1]
    removed = endpoint_for(services, Flavour.COHERE_V2)
    services.session.remove_endpoint(removed.id)
    marked = second.picker.currentText()
    route = flavour_traits(Flavour.COHERE_V2).routes.chat

    def named() -> str:
        return tr(
            "CompareColumn",
            "%1 (removed)",
            tr("CompareTargets", "%1 · %2 route", removed.name, route),
        )

    assert marked == named()
    apply_language("en" if TEST_LANGUAGE == "it" else "it")
    qtbot.waitUntil(lambda: second.picker.currentText() != marked, timeout=WAIT_MS)
    assert second.picker.currentText() == named()
    assert second.route_removed()


@pytest.mark.usefixtures("restore_language")
def test_the_refusal_of_a_removed_endpoint_is_said_again_in_a_new_language(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """It was handed to the error line as words, so it stayed in the language it was made in;
    the inputs' refusals were said again."""
    switch_language(qtbot, "en", lambda: pane.send_button.text().startswith("&Send"))
    services.session.remove_endpoint(endpoint_for(services, Flavour.COHERE_V2).id)
    pane.send("after the removal")
    assert pane.error.text() == ("The endpoint of column 2 was removed: pick another route for it.")
    italian = "L'endpoint della colonna 2 è stato rimosso: scegli un'altra route."
    switch_language(qtbot, "it", lambda: pane.error.text() == italian)
    assert pane.error.accessibleName() == italian  # read out in the new language too
    assert [len(c.session.turns) for c in pane.columns] == [0, 0, 0]


def test_the_status_says_which_columns_were_stopped(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    for endpoint in services.session.endpoints():
        slow = {"x-sandbox-fault": "slow_stream_ms=50"}
        services.session.save_endpoint(endpoint.model_copy(update={"extra_headers": slow}))
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: all(c.answer_text() for c in pane.columns[:2]), timeout=WAIT_MS)
    pane.stop_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    qtbot.waitUntil(pane.send_button.isEnabled)
    status = pane.status.text()
    assert status.startswith(tr("ComparePane", "Done: %n column(s) answered.", n=0))
    assert status.endswith(tr("ComparePane", "Stopped by you: column %1.", "1, 2"))


def test_a_column_that_is_off_offers_no_follow_up(pane: ComparePane, services: Services) -> None:
    third = pane.columns[2]
    assert third.picked() is None
    assert not third.continue_button.isEnabled()
    assert not third.follow_up.isEnabled()
    third.pick(Target(endpoint_for(services, Flavour.OPENAI).id))
    assert third.continue_button.isEnabled()
    assert third.follow_up.isEnabled()


def test_a_refused_send_leaves_no_stale_done_status(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    pane.send("Tell me about rerankers")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    done = tr("ComparePane", "Done: %n column(s) answered.", n=2)
    assert pane.status.text() == done
    pane.inputs.documents.set_text('[{"text": ')
    pane.send("a question that is refused")
    assert pane.error.isVisible()
    # a screen reader must not be told the refused Send is "Done"; the error line says why
    assert pane.status.text() == ""
    assert pane.status.accessibleName() == pane.status.role()
    pane.inputs.documents.set_text("")
    pane.send("a question that goes out")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.status.text() == done
    services.session.remove_endpoint(endpoint_for(services, Flavour.COHERE_V2).id)
    pane.send("after the removal")
    assert pane.error.isVisible()
    assert pane.status.text() == ""


def test_a_refusal_of_bad_json_names_the_editor_it_is_in(pane: ComparePane) -> None:
    """The refusal said "Invalid JSON … at line 1, column 11", leaving the person to guess
    whether the documents or the tools were meant: it is said above both."""
    pane.inputs.tools.set_text('[{"name": ')
    pane.send("a question")
    assert not pane.is_streaming()
    lines = tr("Errors", "line %1, column %2", 1, 11)
    tools = tr("CompareInputs", "Tools")
    assert tr("Errors", "at %1", f"{tools}, {lines}") in pane.error.text()
    pane.inputs.tools.set_text("")
    pane.inputs.documents.set_text('[{"text": ')
    pane.send("a question")
    documents = tr("CompareInputs", "Documents")
    assert tr("Errors", "at %1", f"{documents}, {lines}") in pane.error.text()
    assert [len(c.session.turns) for c in pane.columns] == [0, 0, 0]


def test_an_emptied_documents_editor_is_no_error_and_sends_none(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """Once typed in, an emptied editor said "The JSON is empty" in red, although Send went
    out without documents: empty means none, and the editor says so, neutral."""
    editor = pane.inputs.documents
    message = editor.findChild(QLabel, "jsonEditorMessage")
    assert message is not None
    hint = tr("CompareInputs", "Empty: no documents are sent.")
    assert message.text() == hint
    qtbot.keyClicks(editor.editor, "[")
    qtbot.waitUntil(lambda: message.property("role") == "error", timeout=WAIT_MS)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: message.text() == hint, timeout=WAIT_MS)
    assert message.property("role") == "hint"
    assert editor.message() == ""
    assert editor.error_position() is None  # no red mark
    assert not editor.format()  # nothing to format, and nothing said
    assert message.text() == hint
    pane.send("a question without documents")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not pane.error.isVisible()
    assert message.text() == hint  # Send asked for the value: still no error
    assert [len(c.session.turns) for c in pane.columns] == [1, 1, 0]


@pytest.mark.usefixtures("restore_language")
def test_a_parameter_that_is_no_number_is_refused_in_italian(
    pane: ComparePane, qtbot: QtBot
) -> None:
    """ "'abc' is not a number" was built in English, so an Italian window showed it as such;
    it now reads as Chat's parameters panel does, with the parameter and its range named."""
    switch_language(qtbot, "it", lambda: pane.inputs.tabs.tabText(2) == "&Parametri")
    pane.inputs.params["temperature"].setText("abc")
    pane.send("a question")
    assert not pane.is_streaming()
    assert pane.error.text() == (
        "Dati non validi · in parameters.temperature: "
        "Temperatura: 'abc' non è un numero; ammesso da 0 a 2"
    )
    pane.inputs.params["temperature"].setText("")
    pane.inputs.params["max_tokens"].setText("0")
    pane.send("a question")
    assert "Token massimi: 0 è fuori intervallo; ammesso un numero intero ≥ 1" in pane.error.text()
    assert [len(c.session.turns) for c in pane.columns] == [0, 0, 0]


@pytest.mark.usefixtures("restore_language")
def test_a_decimal_comma_is_read_in_italian_and_rewritten_on_a_switch(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """ "0,5" was refused in the Italian window ("'0,5' non è un numero")."""
    switch_language(qtbot, "it", lambda: pane.inputs.tabs.tabText(2) == "&Parametri")
    temperature = pane.inputs.params["temperature"]
    temperature.setText("0,5")
    pane.send("a question")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not pane.error.isVisible(), pane.error.text()
    assert [len(c.session.turns) for c in pane.columns] == [1, 1, 0]
    assert pane.inputs.frame().params.temperature == 0.5
    switch_language(qtbot, "en", lambda: temperature.text() == "0.5")  # English reads no "0,5"


@pytest.mark.usefixtures("restore_language")
def test_a_refused_tool_definition_reads_italian(pane: ComparePane, qtbot: QtBot) -> None:
    """The tool reader's reasons were English strings made in the wire layer."""
    switch_language(qtbot, "it", lambda: pane.inputs.tabs.tabText(2) == "&Parametri")
    pane.inputs.tools.set_text("[5]")
    pane.send("a question")
    assert pane.error.text().endswith("tools[0]: uno strumento deve essere un oggetto JSON")
    pane.inputs.tools.set_text("")
    pane.inputs.documents.set_text('[{"id": 7}]')
    pane.send("a question")
    assert pane.error.text().endswith("documents[0].id: `id` deve essere una stringa")
    assert [len(c.session.turns) for c in pane.columns] == [0, 0, 0]


def test_a_refusal_naming_an_editor_is_said_again_in_a_new_language(
    pane: ComparePane, qtbot: QtBot
) -> None:
    """The refusal kept the editor's name and "Invalid JSON" in the language it was made in
    until the next Send; a marking translator stands for the new language."""
    pane.inputs.documents.set_text('[{"text": ')
    pane.send("Tell me about rerankers")
    assert pane.error.isVisible()
    with marking("CompareInputs", "JsonEditor"):
        qtbot.waitUntil(lambda: "«Documents»" in pane.error.text(), timeout=WAIT_MS)
        reason = tr("Core", "Expecting value")
        assert "«Invalid JSON: %1»".replace("%1", reason) in pane.error.text()
    qtbot.waitUntil(lambda: "«" not in pane.error.text(), timeout=WAIT_MS)  # and back
