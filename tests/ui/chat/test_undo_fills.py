"""Text the person typed and a fill replaced comes back with Ctrl+Z; Cancel edit restores it.

An example prompt, a turn's Edit, an imported conversation and History's "Open back in its pane"
each replace what the message box, the preamble or the model field holds: as one undo step, never
clearing the undo history (`setPlainText` did, and the typed text was gone for good).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from tests.ui.conftest import new_chat_pane
from tests.waits import WAIT_MS
from workbench.api.models import ChatRequest

if TYPE_CHECKING:
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


def _editor(pane: ChatPane, name: str) -> QPlainTextEdit:
    edit = pane.findChild(QPlainTextEdit, name)
    assert edit is not None, name
    return edit


def _type(edit: QPlainTextEdit, text: str) -> None:
    QTest.keyClicks(edit, text)
    assert edit.toPlainText() == text


def _undo(edit: QPlainTextEdit) -> None:
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_an_example_prompt_replaces_the_draft_undoably(pane: ChatPane) -> None:
    message = _editor(pane, "chatMessage")
    _type(message, "my half-written question")
    button = pane.findChild(QPushButton, "chatExamplePlain")
    assert button is not None
    button.click()
    assert message.toPlainText() != "my half-written question"
    _undo(message)
    assert message.toPlainText() == "my half-written question"


def _one_turn(pane: ChatPane, services: Services, qtbot: QtBot) -> None:
    pane.send("first question")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert [t.user for t in pane.session().turns] == ["first question"]


def test_edit_replaces_the_draft_undoably(pane: ChatPane, services: Services, qtbot: QtBot) -> None:
    _one_turn(pane, services, qtbot)
    message = _editor(pane, "chatMessage")
    _type(message, "a draft")
    pane.transcript.edit_requested.emit(0)
    assert message.toPlainText() == "first question"
    _undo(message)
    assert message.toPlainText() == "a draft"


def test_cancel_edit_puts_the_draft_back(pane: ChatPane, services: Services, qtbot: QtBot) -> None:
    _one_turn(pane, services, qtbot)
    message = _editor(pane, "chatMessage")
    _type(message, "a draft")
    pane.transcript.edit_requested.emit(0)
    pane.transcript.edit_requested.emit(0)  # Edit twice: the draft is still the one before
    cancel = pane.findChild(QPushButton, "chatCancelEdit")
    assert cancel is not None
    assert cancel.isVisible()
    cancel.click()
    assert message.toPlainText() == "a draft"
    assert not cancel.isVisible()


def test_an_imported_preamble_replaces_the_typed_one_undoably(
    pane: ChatPane, tmp_path: Path
) -> None:
    preamble = _editor(pane, "chatPreamble")
    _type(preamble, "Answer in French.")
    path = tmp_path / "conversation.json"
    conversation = {"preamble": "Be terse.", "chat_history": [{"role": "user", "message": "hi"}]}
    path.write_text(json.dumps(conversation), encoding="utf-8")
    assert pane.import_history(path)
    assert preamble.toPlainText() == "Be terse."
    _undo(preamble)
    assert preamble.toPlainText() == "Answer in French."


def test_open_back_replaces_message_and_preamble_undoably(pane: ChatPane) -> None:
    message, preamble = _editor(pane, "chatMessage"), _editor(pane, "chatPreamble")
    _type(message, "my question")
    _type(preamble, "my preamble")
    assert pane.open_request(ChatRequest(message="recorded question", preamble="recorded"))
    assert (message.toPlainText(), preamble.toPlainText()) == ("recorded question", "recorded")
    _undo(message)
    _undo(preamble)
    assert (message.toPlainText(), preamble.toPlainText()) == ("my question", "my preamble")


def test_open_back_replaces_the_typed_model_undoably_and_fits_the_safety_modes(
    pane: ChatPane,
) -> None:
    model = pane.findChild(QLineEdit, "chatModel")
    safety = pane.findChild(QComboBox, "paramSafetyMode")
    assert model is not None
    assert safety is not None
    model.selectAll()
    QTest.keyClicks(model, "my-model")
    assert pane.open_request(ChatRequest(message="recorded", model="command-a-03-2025"))
    assert model.text() == "command-a-03-2025"
    # A whole name filled in, not one half typed: the safety modes follow it at once.
    assert "OFF" not in [safety.itemText(i) for i in range(safety.count())]
    QTest.keyClick(model, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.text() == "my-model"
