"""A rerank the pane splits into batches: each request a run of its own, listed as one entry."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QCheckBox, QLabel

from tests.conftest import SANDBOX_TEST_KEY
from tests.ui.conftest import destroyed_after, select_flavour, shown
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.core.runs.search import RunFilter
from workbench.ui.history.pane import HistoryPane
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
DOCUMENTS = [f"document {i} about apples" if i % 5 == 0 else f"document {i}" for i in range(20)]


def _send_in_batches(services: Services, qtbot: QtBot) -> None:
    """20 documents at max_chunks_per_doc 1000 on v1: batches of 9, so three requests."""
    select_flavour(services, Flavour.COHERE_V1)
    with destroyed_after(shown(RerankPane(services=services))) as pane:
        pane.set_query("apples")
        pane.editor.json.set_text(json.dumps(DOCUMENTS))
        pane.form.max_chunks.setValue(1000)
        split = pane.findChild(QCheckBox, "rerankSplitBatches")
        assert split is not None
        split.setChecked(True)
        pane.run_button.click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        error = pane.findChild(QLabel, "rerankError")
        assert error is not None
        assert pane.results.model.hits(), error.text()
    assert services.history is not None
    services.history.writer.flush()


@pytest.fixture
def history(services: Services, qtbot: QtBot) -> Iterator[HistoryPane]:
    _send_in_batches(services, qtbot)
    with destroyed_after(shown(HistoryPane(services=services))) as widget:
        yield widget


def test_every_request_on_the_wire_is_a_run_with_its_own_bytes(
    services: Services, qtbot: QtBot
) -> None:
    _send_in_batches(services, qtbot)
    assert services.history is not None
    store = services.history.store
    runs = [store.get(r.id) for r in store.find(RunFilter())]
    parts = sorted((r for r in runs if r is not None), key=lambda r: r.group_part)
    assert [(r.group_part, r.group_size) for r in parts] == [(1, 3), (2, 3), (3, 3)]
    assert len({r.group_id for r in parts}) == 1
    sent = [json.loads(r.request_body)["documents"] for r in parts]
    assert sent == [DOCUMENTS[0:9], DOCUMENTS[9:18], DOCUMENTS[18:20]]
    assert all(r.status == 200 and r.t_headers is not None for r in parts)
    assert all(json.loads(r.response_body)["results"] for r in parts)
    whole = [r.inputs["request"]["documents"] for r in parts]
    assert whole == [DOCUMENTS] * 3  # each opens as the pane's one request


def test_the_pane_lists_the_batches_as_one_entry_and_shows_each_request(
    history: HistoryPane,
) -> None:
    [entry] = history.model.runs()
    assert entry.group_size == 3
    assert history.model.index(0, 1).data() == tr("RunsModel", "%1 in %n request(s)", "rerank", n=3)
    text = history.inspector.toPlainText()
    heading = "— request %1 of %2 —"
    assert [text.count(tr("RunView", heading, n, 3)) for n in (1, 2, 3)] == [1, 1, 1]
    assert text.count("POST http") == 3
    code = history.code_for_selection()
    assert code.count("# request ") == 3


def test_the_entry_opens_deletes_and_exports_as_one(
    history: HistoryPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    with qtbot.waitSignal(history.run_open_requested) as blocker:
        history.open_run.click()
    assert blocker.args[1]["request"]["documents"] == DOCUMENTS
    path = tmp_path / "runs.jsonl"
    assert history.export_selection(path) == 3
    assert SANDBOX_TEST_KEY not in path.read_text()
    assert history.import_from(path) == 3
    assert len(history.model.runs()) == 2  # the imported group is an entry of its own
    # Not selectRow: a modifier an earlier test's key clicks left behind would extend it.
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    history.table.selectionModel().select(history.model.index(0, 0), flags)
    history.delete.click()
    assert len(history.model.runs()) == 1
    assert services.history is not None
    assert services.history.store.count() == 3
