"""The safety mode chosen is kept while the model takes it, comes back when it does again, and a
model that does not take it is said, never cleared in silence; a half-typed model name changes
nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from tests.ui.conftest import CHAT_MODEL, new_chat_pane, select_flavour
from tests.ui.tr import tr
from workbench.api.models import Flavour

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

W = TypeVar("W", bound=QWidget)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    select_flavour(services, Flavour.COHERE_V2)
    widget = new_chat_pane(services, qtbot)  # on CHAT_MODEL, a Command R+ that takes OFF
    widget.show()
    return widget


def _find(pane: ChatPane, kind: type[W], name: str) -> W:
    found = pane.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def _type_model(pane: ChatPane, name: str, *, finish: bool = True) -> None:
    model = _find(pane, QLineEdit, "chatModel")
    model.selectAll()
    QTest.keyClicks(model, name)
    if finish:
        QTest.keyClick(model, Qt.Key.Key_Return)


def test_safety_off_is_kept_said_and_restored_as_the_model_changes(pane: ChatPane) -> None:
    safety = _find(pane, QComboBox, "paramSafetyMode")
    note = _find(pane, QLabel, "chatParamsNote")
    safety.setCurrentText("OFF")  # as choosing it in the list does
    _type_model(pane, "command-a-03-2025", finish=False)
    assert safety.currentText() == "OFF"  # "command-a-" on the way: nothing decided yet
    assert note.text() == ""
    QTest.keyClick(_find(pane, QLineEdit, "chatModel"), Qt.Key.Key_Return)  # typed: done
    assert safety.currentText() == ""  # not sent to a model that refuses it…
    assert pane.params.params().safety_mode is None
    label = tr("ParamsPanel", "Safety mode")
    said = tr(
        "ParamsPanel",
        "%1 %2 is not taken by this model, so it is not sent; "
        "it comes back with a model that takes it.",
        label,
        "OFF",
    )
    assert note.text() == said  # …and said so
    assert note.accessibleName() == said
    _type_model(pane, CHAT_MODEL)
    assert safety.currentText() == "OFF"  # back with a model that takes it
    assert note.text() == ""


def test_a_choice_made_after_the_note_replaces_the_one_kept(pane: ChatPane) -> None:
    safety = _find(pane, QComboBox, "paramSafetyMode")
    safety.setCurrentText("OFF")
    _type_model(pane, "command-a-03-2025")
    safety.setCurrentText("STRICT")
    assert pane.params.note_text() == ""
    _type_model(pane, CHAT_MODEL)
    assert safety.currentText() == "STRICT"
