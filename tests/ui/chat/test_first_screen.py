"""Chat first screen: example prompts in the empty conversation, and the documents and tools the
next message carries shown as removable chips, in step with the side panel (issue 19, item 5)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton

from tests.ui.chat.asked import answer
from tests.ui.conftest import new_chat_pane, select_flavour
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.core.runs.search import RunFilter
from workbench.ui.chat.pane import ChatPane

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.core.runs.store import RunRecord
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DOCS = [
    {"id": "a", "title": "Alpine huts", "text": "Huts above Zermatt open in June."},
    {"id": "b", "title": "Boat tours", "text": "Lake Geneva boats leave from Ouchy."},
]
TOOLS = [
    {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameter_definitions": {"city": {"type": "str", "required": True}},
    }
]


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    widget = new_chat_pane(services, qtbot)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _chip_button(pane: ChatPane, name: str) -> QToolButton:
    shown = [b for chip in pane.chips.chips() for b in chip.findChildren(QToolButton)]
    found = [b for b in shown if b.accessibleName() == name]
    assert len(found) == 1, [b.accessibleName() for b in shown]
    return found[0]


def _chip_names(pane: ChatPane) -> list[str]:
    return [chip.accessibleName() for chip in pane.chips.chips()]


def _last_run(services: Services) -> RunRecord:
    assert services.history is not None
    services.history.writer.flush()
    store = services.history.store
    [summary, *_] = store.find(RunFilter())
    record = store.get(summary.id)
    assert record is not None
    return record


def test_a_new_chat_attaches_nothing_it_does_not_show(services: Services, qtbot: QtBot) -> None:
    pane = ChatPane(services=services)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.documents.editor.value() == []
    assert pane.tools.editor.value() == []
    assert not pane.chips.isVisible()


def test_example_prompt_fills_the_box_without_sending_and_returns_after_clear(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    assert pane.examples.isVisible()
    assert not pane.transcript.isVisible()
    assert pane.examples.accessibleName() == tr("ExamplePrompts", "Example prompts")
    assert pane.examples.accessibleDescription()  # the heading, for screen readers
    button = pane.findChild(QPushButton, "chatExamplePlain")
    assert button is not None
    prompt = tr("ExamplePrompts", "Explain in two sentences what a reranker does.")
    assert button.accessibleName() == tr("ExamplePrompts", "Example prompt: %1", prompt)
    button.click()
    assert pane.composer.message.toPlainText() == prompt
    assert services.tasks.is_idle()
    assert pane.session().turns == []  # filled, not sent
    pane.composer.send.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.session().turns
    assert not pane.examples.isVisible()
    assert pane.transcript.isVisible()
    pane.composer.clear.click()
    answer(pane, qtbot, discard=True)
    assert pane.examples.isVisible()
    assert not pane.transcript.isVisible()


def test_rag_example_attaches_the_sample_documents_as_chips(pane: ChatPane) -> None:
    assert not pane.chips.isVisible()
    button = pane.findChild(QPushButton, "chatExampleRag")
    assert button is not None
    button.click()
    documents = pane.documents.editor.value()
    assert len(documents) == 5
    assert pane.composer.message.toPlainText() == pane.examples.prompt("rag")
    assert pane.chips.isVisible()
    title = documents[0]["title"]
    assert _chip_names(pane)[0] == tr("AttachmentChips", "Document '%1'", title)


def test_chips_follow_the_editors_and_a_removed_document_is_not_sent(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.documents.editor.set_value(DOCS)
    pane.tools.editor.set_value(TOOLS)
    assert _chip_names(pane) == [
        tr("AttachmentChips", "Document '%1'", "Alpine huts"),
        tr("AttachmentChips", "Document '%1'", "Boat tours"),
        tr("AttachmentChips", "Tool '%1'", "get_weather"),
    ]
    pane.documents.editor.set_text("[{oops")  # an edit there redraws the chips at once
    pane.documents.editor.validate_now()
    assert _chip_names(pane)[0] == tr("AttachmentChips", "Documents: the JSON has an error")
    pane.documents.editor.set_value(DOCS)
    remove_b = _chip_button(pane, tr("AttachmentChips", "Remove document '%1'", "Boat tours"))
    assert remove_b.focusPolicy() & Qt.FocusPolicy.TabFocus  # keyboard reachable
    remove_b.click()
    assert pane.documents.editor.value() == [DOCS[0]]  # gone from the side panel too
    remove_tool = _chip_button(pane, tr("AttachmentChips", "Remove tool '%1'", "get_weather"))
    remove_tool.setFocus()
    qtbot.keyClick(remove_tool, Qt.Key.Key_Space)  # the keyboard removes as the mouse does
    assert pane.tools.editor.value() == []
    assert _chip_names(pane) == [tr("AttachmentChips", "Document '%1'", "Alpine huts")]
    pane.send("Where do the boats leave from?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    body = json.loads(_last_run(services).request_body)
    sent = json.dumps(body["documents"], ensure_ascii=False)
    assert "Zermatt" in sent
    assert "Ouchy" not in sent
    assert "tools" not in body


def test_delete_or_backspace_on_a_chip_removes_it_and_keeps_the_place(
    pane: ChatPane, qtbot: QtBot
) -> None:
    pane.documents.editor.set_value(DOCS)
    pane.tools.editor.set_value(TOOLS)
    huts, boats = (tr("AttachmentChips", "Document '%1'", d["title"]) for d in DOCS)
    weather = tr("AttachmentChips", "Tool '%1'", "get_weather")
    name = _chip_button(pane, huts)  # the chip's name, which opens its section
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert pane.documents.editor.value() == DOCS  # a modified Delete is not a removal
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    assert pane.documents.editor.value() == [DOCS[1]]
    assert _chip_names(pane) == [boats, weather]
    took_place = pane.focusWidget()
    assert isinstance(took_place, QToolButton)
    assert took_place.accessibleName() == tr(
        "AttachmentChips", "Remove document '%1'", "Boat tours"
    )
    qtbot.keyClick(took_place, Qt.Key.Key_Backspace)  # on the ✕ too, and again from where it is
    assert pane.documents.editor.value() == []
    assert _chip_names(pane) == [weather]


def test_documents_a_flavour_does_not_send_are_not_shown_as_attached(
    pane: ChatPane, services: Services
) -> None:
    pane.documents.editor.set_value(DOCS)
    pane.tools.editor.set_value(TOOLS)
    select_flavour(services, Flavour.OPENAI)  # /chat/completions takes no documents
    assert _chip_names(pane) == [tr("AttachmentChips", "Tool '%1'", "get_weather")]
    select_flavour(services, Flavour.COHERE_V2)
    assert len(_chip_names(pane)) == 3
