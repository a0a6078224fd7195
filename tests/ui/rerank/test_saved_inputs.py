"""The Rerank pane's inputs come back at the next start as they were typed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import isValid

from tests.ui.conftest import saved_text, wait_saved
from workbench.api.redact import forget_secrets, register_secret
from workbench.core.saved_rerank import default_inputs_path
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

DOCS = [
    {"title": "Pasta", "text": "Boil the water, salt it."},
    {"title": "Risotto", "text": "Toast the rice first."},
]
KEY = "sk-rerank-inputs-0123456789abcdef"


@pytest.fixture
def restarted(services: Services) -> Iterator[Callable[[], RerankPane]]:
    """Makes a new pane reading the same config folder, as the next start does; each is
    destroyed at the end on the GUI thread (as the `pane` fixture's, and for the same reason:
    left to the garbage collector, a pane was torn down in the middle of a later test)."""
    made: list[RerankPane] = []

    def restart() -> RerankPane:
        made.append(RerankPane(services=services))
        return made[-1]

    yield restart
    for widget in made:
        if isValid(widget):  # a test may have destroyed it itself
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def key() -> Iterator[str]:
    register_secret(KEY)
    yield KEY
    forget_secrets()


def test_the_query_documents_and_options_come_back_at_the_next_start(
    services: Services, qtbot: QtBot, pane: RerankPane, restarted: Callable[[], RerankPane]
) -> None:
    """Nothing of the Rerank inputs was kept: a restart brought an empty pane back."""
    pane.query.setPlainText("quick weeknight dinner")
    pane.set_documents(DOCS)
    pane.form.set_rank_fields(["text", "title"])
    pane.form.top_n.setValue(1)
    pane.form.max_chunks.setValue(7)
    pane.form.return_documents.setChecked(True)
    pane.form.spans.enabled.setChecked(True)
    pane.form.spans.threshold.setValue(0.35)
    pane.form.spans.priority.setValue(3)
    wait_saved(
        qtbot,
        services,
        default_inputs_path(),
        "weeknight",
        "Risotto",
        '"top_n": 1',
        '"priority": 3',
    )
    again = restarted()
    assert again.query.toPlainText() == "quick weeknight dinner"
    assert again.editor.documents() == DOCS
    assert again.form.rank_fields() == ["text", "title"]
    assert (again.form.top_n.value(), again.form.max_chunks.value()) == (1, 7)
    assert again.form.return_documents.isChecked()
    spans = again.form.spans
    assert spans.enabled.isChecked()
    assert (spans.threshold.value(), spans.priority.value()) == (0.35, 3)


def test_documents_half_typed_come_back_as_they_were(
    services: Services, qtbot: QtBot, pane: RerankPane, restarted: Callable[[], RerankPane]
) -> None:
    half = '[\n  {"title": "Pasta", "text": "Boil the'
    pane.editor.json.set_text(half)
    wait_saved(qtbot, services, default_inputs_path(), "Boil the")
    again = restarted()
    assert again.editor.json.text() == half
    where = again.editor.json.error_position()  # said as any bad JSON is, where it is
    assert where is not None
    assert where[0] == 2


def test_an_edit_still_waiting_for_its_save_is_written_at_quit(
    services: Services, qtbot: QtBot, restarted: Callable[[], RerankPane]
) -> None:
    pane = restarted()
    pane.query.setPlainText("typed just before quitting")
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # what quitting sends; then the loop stops and the window goes
    pane.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(pane)  # its timer went with it: only the save at quit can write
    wait_saved(qtbot, services, default_inputs_path(), "just before quitting")


def test_a_key_pasted_into_the_documents_never_reaches_the_file(
    services: Services, qtbot: QtBot, pane: RerankPane, key: str
) -> None:
    pane.set_documents([{"text": f"the deployment key is {key}"}, "second"])
    wait_saved(qtbot, services, default_inputs_path(), "second")
    assert key not in saved_text(default_inputs_path())
    assert json.loads(saved_text(default_inputs_path()))[
        "documents"
    ]  # still JSON, the documents masked inside


def test_a_damaged_inputs_file_is_said_with_where_and_the_pane_starts_empty(
    services: Services, qtbot: QtBot, restarted: Callable[[], RerankPane]
) -> None:
    path = default_inputs_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": "cohere-workbench.rerank-inputs",\n "top_n": }', encoding="utf-8")
    pane = restarted()
    assert pane.query.toPlainText() == ""
    (notice,) = services.notices.history()
    assert "Saved rerank inputs are damaged" in notice.title
    assert notice.where.startswith("rerank_inputs.json line 2, column")
    pane.query.setPlainText("still works")
    wait_saved(qtbot, services, default_inputs_path(), "still works")
