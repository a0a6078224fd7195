"""Rerank first screen: the empty editor's Load sample and Import, the results hint, and imports
read by the file's extension and content, never by the dialog's filter (issue 19, items 3 and 5)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.ui import resources
from workbench.ui.rerank.pane import SAMPLE

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RECIPES_CSV = (
    "title,text\n"
    "Lentil soup,Red lentils with cumin\n"
    "Pancakes,Flour and milk\n"
    "Dal,Yellow lentils and rice\n"
    "Salad,Tomatoes and basil\n"
    "Chili,Beans and lentils\n"
    "Tart,Pears and almonds\n"
)
"""Six recipes as CSV: read as JSON, its first line fails at "line 1, column 1"."""


def _import_dialog(pane: RerankPane, qtbot: QtBot) -> QFileDialog:
    found: list[QFileDialog] = []

    def shown() -> bool:
        found[:] = [d for d in pane.findChildren(QFileDialog, "rerankImportDialog")]
        return bool(found) and found[0].isVisible()

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def _choose(dialog: QFileDialog, path: Path, name_filter: str) -> None:
    """Pick `path` in the dialog under `name_filter`, as a person would, and press Open."""
    dialog.selectNameFilter(name_filter)
    assert dialog.selectedNameFilter() == name_filter
    dialog.setDirectory(str(path.parent))
    dialog.selectFile(str(path))
    dialog.accept()


def test_empty_editor_offers_load_sample_which_fills_query_documents_and_fields(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    empty = pane.editor.empty
    assert empty.isVisible()
    text = pane.findChild(QLabel, "rerankEmptyDocumentsText")
    assert text is not None
    assert text.text() == empty.accessibleDescription()  # read by screen readers too
    button = pane.findChild(QPushButton, "rerankEmptyLoadSample")
    assert button is not None
    assert button.accessibleName() == tr("EmptyDocuments", "Load sample documents")
    button.click()
    sample = resources.sample(SAMPLE)
    assert json.loads(pane.editor.json.text()) == sample["documents"]
    assert pane.query.toPlainText() == sample["query"]
    assert pane.form.rank_fields() == sample["rank_fields"]
    assert not empty.isVisible()
    assert services.tasks.is_idle()  # filled, not sent: Run is the next step
    pane.editor.json.set_text("")
    assert empty.isVisible()  # cleared: the next steps come back


def test_results_hint_names_the_run_shortcut_until_a_run_answers(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    hint = pane.results.hint
    assert hint.isVisible()
    keys = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
    assert keys in hint.text()  # "Ctrl+Return", "Ctrl+Invio" in Italian
    assert hint.accessibleDescription() == hint.text()
    pane.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.results.model.rowCount() > 0
    assert not hint.isVisible()


def test_csv_picked_under_the_json_filter_is_read_as_csv_and_confirmed(
    pane: RerankPane, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "recipes.csv"
    source.write_text(RECIPES_CSV, encoding="utf-8")
    import_button = pane.findChild(QPushButton, "rerankEmptyImport")
    assert import_button is not None
    import_button.click()  # the empty state's Import… opens the dialog
    dialog = _import_dialog(pane, qtbot)
    all_supported = tr(
        "RerankFirstScreen", "All supported (*.json *.jsonl *.ndjson *.csv *.tsv *.txt)"
    )
    assert dialog.selectedNameFilter() == all_supported
    _choose(dialog, source, "JSON (*.json)")
    docs = json.loads(pane.editor.json.text())
    assert len(docs) == 6
    assert docs[0] == {"title": "Lentil soup", "text": "Red lentils with cumin"}
    shown = tr("ImportTexts", "%n document(s) from %1, %2", "recipes.csv", "CSV", n=6)
    count = pane.findChild(QLabel, "rerankDocumentCount")
    assert count is not None
    assert count.text() == shown
    assert pane.editor.imported_text() == shown
    assert not pane.error.isVisible()


def test_a_file_without_extension_is_read_by_its_content(
    pane: RerankPane, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "recipes"
    source.write_text(RECIPES_CSV, encoding="utf-8")
    pane.editor.json.set_text('["already here"]')
    assert not pane.editor.empty.isVisible()  # documents shown: the toolbar's Import… imports
    import_action = next(a for a in pane.editor.actions() if a.objectName() == "rerankImport")
    import_action.trigger()
    _choose(_import_dialog(pane, qtbot), source, tr("RerankFirstScreen", "Any file (*)"))
    assert len(json.loads(pane.editor.json.text())) == 6
    shown = tr(
        "ImportTexts",
        "%n document(s) from %1, %2 (read by its content)",
        "recipes",
        "CSV",
        n=6,
    )
    assert pane.editor.imported_text() == shown
    jsonl = tmp_path / "notes"
    jsonl.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    pane.editor.import_file(jsonl)
    assert json.loads(pane.editor.json.text()) == [{"text": "a"}, {"text": "b"}]
    pane.editor.json.set_text('["edited"]')
    assert pane.editor.imported_text() == ""  # the confirmation lasts until the next edit
