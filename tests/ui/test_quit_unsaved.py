"""Closing the window with endpoint edits not saved asks Save / Discard / Cancel first.

The real main window's close() (the close button, File > Quit and Ctrl+Q all end there) used to
save only its geometry: typed endpoint edits, a key among them, were gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListView, QMessageBox

from tests.ui.conftest import endpoint_for
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.ui.window.unsaved import QUESTION_NAME

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEY = "typed-key-abcdef-4321"


def _type(window: MainWindow, name: str, text: str) -> None:
    edit = window.endpoints_pane.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.selectAll()
    QTest.keyClicks(edit, text)


def _question(window: MainWindow, qtbot: QtBot) -> QMessageBox:
    """The question on show (one answered before may wait to be deleted)."""

    def shown() -> list[QMessageBox]:
        return [b for b in window.findChildren(QMessageBox, QUESTION_NAME) if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=WAIT_MS)
    return shown()[0]


def _answer(box: QMessageBox, button: str) -> None:
    found = box.findChild(QAbstractButton, QUESTION_NAME + button)
    assert found is not None, button
    assert found.accessibleName()
    found.click()


def window_asks_nothing(window: MainWindow) -> bool:
    return not any(b.isVisible() for b in window.findChildren(QMessageBox, QUESTION_NAME))


@pytest.fixture
def edited(window: MainWindow) -> MainWindow:
    """The window with the current endpoint renamed, a model and a key typed, not saved."""
    window.show_pane("endpoints")
    _type(window, "endpointName", "Renamed before quitting")
    _type(window, "model", "command-a-03-2025")  # Cohere v2 saves with a model named
    _type(window, "apiKey", KEY)
    assert window.endpoints_pane.is_dirty()
    return window


def test_nothing_to_save_closes_without_asking(window: MainWindow) -> None:
    window.show_pane("endpoints")
    assert window.close()
    assert window.findChild(QMessageBox, QUESTION_NAME) is None


def test_cancel_and_esc_keep_the_window_and_the_edits(edited: MainWindow, qtbot: QtBot) -> None:
    assert not edited.close()
    box = _question(edited, qtbot)
    QTest.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window_asks_nothing(edited))
    edited.quit_action.trigger()  # File > Quit asks the same
    _answer(_question(edited, qtbot), "Cancel")
    assert edited.isVisible()
    assert edited.endpoints_pane.is_dirty()


def test_discard_closes_and_saves_nothing(
    edited: MainWindow, services: Services, qtbot: QtBot
) -> None:
    edited.close()
    _answer(_question(edited, qtbot), "Discard")
    qtbot.waitUntil(lambda: not edited.isVisible())
    current = services.session.current()
    assert current is not None
    assert current.name != "Renamed before quitting"
    assert services.secrets.get(current.key_ref) != KEY


def test_save_stores_the_edits_and_the_key_in_the_keyring_then_closes(
    edited: MainWindow, services: Services, qtbot: QtBot
) -> None:
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    pane = edited.endpoints_pane
    view = pane.findChild(QListView, "endpointList")
    assert view is not None
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == v1.name)
    view.setCurrentIndex(model.index(row, 0))  # the first edits wait as a draft
    _type(edited, "model", "command-r-plus-edited")
    edited.close()
    _answer(_question(edited, qtbot), "Save")
    qtbot.waitUntil(lambda: not edited.isVisible(), timeout=WAIT_MS)
    renamed = [e for e in services.session.endpoints() if e.name == "Renamed before quitting"]
    assert len(renamed) == 1
    assert services.secrets.get(renamed[0].key_ref) == KEY
    edited_v1 = services.session.endpoint(v1.id)
    assert edited_v1 is not None
    assert edited_v1.model == "command-r-plus-edited"
    assert KEY not in services.settings.path.read_text(encoding="utf-8")


def test_a_refused_save_keeps_the_window_open_on_the_endpoint(
    edited: MainWindow, qtbot: QtBot
) -> None:
    _type(edited, "baseUrl", "not a url")
    edited.show_pane("chat")
    edited.close()
    _answer(_question(edited, qtbot), "Save")
    qtbot.waitUntil(lambda: edited.current_pane_key() == "endpoints", timeout=WAIT_MS)
    assert edited.isVisible()
    assert edited.endpoints_pane.is_dirty()
