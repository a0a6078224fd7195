"""The label and note typed for a run are kept: saved on a row change, on leaving a field, on
hiding the pane, and by the Save button; coming back shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import CHAT_MODEL, destroyed_after, pane_client, run_async, shown
from workbench.api.models import ChatRequest
from workbench.ui.history.pane import HistoryPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.core.runs.store import RunStore
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> Iterator[HistoryPane]:
    """A History pane over two recorded chat turns."""
    client = run_async(qtbot, pane_client(services, "chat"))
    for message in ("first turn", "second turn"):
        run_async(qtbot, client.chat(ChatRequest(message=message, model=CHAT_MODEL)))
    assert services.history is not None
    services.history.writer.flush()
    with destroyed_after(shown(HistoryPane(services=services))) as widget:
        yield widget


def _fields(pane: HistoryPane) -> tuple[QLineEdit, QLineEdit]:
    label = pane.findChild(QLineEdit, "historyLabelEdit")
    note = pane.findChild(QLineEdit, "historyNote")
    assert label is not None
    assert note is not None
    return label, note


def _stored(services: Services, query: str) -> tuple[str, str]:
    assert services.history is not None
    store: RunStore = services.history.store
    run = next(r for r in store.find() if r.query == query)
    return run.label, run.note


def test_label_and_note_are_saved_when_the_row_changes(
    pane: HistoryPane, services: Services, qtbot: QtBot
) -> None:
    label, note = _fields(pane)
    pane.table.selectRow(0)
    query = pane.selected_runs()[0].query
    QTest.keyClicks(label, "baseline")
    QTest.keyClicks(note, "show this one")
    pane.table.selectRow(1)
    assert _stored(services, query) == ("baseline", "show this one")
    qtbot.waitUntil(lambda: "baseline" in [r.label for r in pane.model.runs()])  # listed again
    assert pane.selected_runs()[0].query != query  # still on the row chosen
    pane.table.selectRow([r.query for r in pane.model.runs()].index(query))
    assert (label.text(), note.text()) == ("baseline", "show this one")


def test_a_note_is_saved_when_its_field_is_left(
    pane: HistoryPane, services: Services, qtbot: QtBot
) -> None:
    _label, note = _fields(pane)
    pane.table.selectRow(1)
    query = pane.selected_runs()[0].query
    QTest.keyClicks(note, "checked by hand")
    QTest.keyClick(note, Qt.Key.Key_Return)  # as leaving the field does: editing finished
    assert _stored(services, query) == ("", "checked by hand")
    qtbot.waitUntil(lambda: pane.model.runs()[1].note == "checked by hand")
    assert pane.selected_runs()[0].query == query  # still on the same run


def test_a_note_is_saved_when_the_pane_is_hidden(pane: HistoryPane, services: Services) -> None:
    label, _note = _fields(pane)
    pane.table.selectRow(0)
    query = pane.selected_runs()[0].query
    QTest.keyClicks(label, "to keep")
    pane.hide()
    assert _stored(services, query) == ("to keep", "")
