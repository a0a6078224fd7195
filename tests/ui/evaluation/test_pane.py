"""The Evaluation pane in a real window against the sandbox: sample set, comparison, charts,
opening a query in the Rerank pane, cancel and resume."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from tests.conftest import SANDBOX_TEST_KEY
from tests.core.evaluation.test_metrics import SAMPLE
from tests.ui.conftest import (
    SANDBOX_ENDPOINT_NAMES,
    TEST_LANGUAGE,
    endpoint_for,
    run_async,
    tr,
)
from tests.ui.marked import marked_core as marked_core
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.cli import main as cli_main
from workbench.core.runs.search import RunFilter
from workbench.ui.i18n import apply_language
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
    from pytestqt.qtbot import QtBot

    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.evaluation.pane import EvaluationPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    main.show()
    main.show_pane("evaluation")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def _finish(pane: EvaluationPane, services: Services, qtbot: QtBot) -> None:
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.report() is not None, pane.status.text()


IDLE_HINT = (
    "Choose a labelled set (or press Sample set) and endpoint A, then Run evaluation: nDCG, "
    "MRR and recall at k show here, per endpoint and per query."
)


def test_the_first_screen_says_what_to_do(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """Before any run the status was empty: a blank line over an empty table."""
    pane = window.evaluation_pane
    hint = QCoreApplication.translate("EvaluationPane", IDLE_HINT)
    assert pane.status.text() == hint
    assert pane.status.accessibleName()  # read as its text by a screen reader (StatusLabel)
    pane.sample.click()
    _finish(pane, services, qtbot)
    assert pane.status.text() != hint


def test_the_sample_set_runs_in_one_click_and_every_request_is_in_the_history(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = window.evaluation_pane
    assert pane.endpoint_a.currentText() == SANDBOX_ENDPOINT_NAMES[Flavour.COHERE_V2]
    pane.sample.click()
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert len(report.sides[0].per_query) == 20
    assert pane.metrics_table.rowCount() == 1
    assert _text(pane.metrics_table.horizontalHeaderItem(1)) == "nDCG@10"
    assert pane.queries_table.rowCount() == 20
    assert pane.tr("%n queries evaluated.", "", 20) in pane.status.text()
    assert services.history is not None
    services.history.writer.flush()
    runs = services.history.store.find(RunFilter(kind="rerank"))
    assert len(runs) == 20
    assert {r.source for r in runs} == {"gui"}
    pane.results.setCurrentWidget(pane.charts)  # pyqtgraph loads and draws here
    plots = pane.charts.plots()
    assert plots is not None
    assert all(len(plot.getPlotItem().items) == 1 for plot in plots)
    _check_ticks_read_in_italian(plots[0].getAxis("left"))


@pytest.mark.usefixtures("restore_language")
def test_the_per_query_headers_say_whose_figure_in_italian(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The Queries tab's columns were made as f"A {label}": English word order, which reads in
    Italian as "to nDCG@5"."""
    apply_language("it")
    pane = window.evaluation_pane
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    pane.endpoint_b.setCurrentIndex(pane.endpoint_b.findData(v1.id))
    pane.k.setValue(5)
    pane.load_sample()
    _finish(pane, services, qtbot)
    headers = [
        _text(pane.queries_table.horizontalHeaderItem(c))
        for c in range(pane.queries_table.columnCount())
    ]
    assert headers[2:5] == ["nDCG@5 di A", "nDCG@5 di B", "nDCG@5 B - A"], headers


def _check_ticks_read_in_italian(axis: Any) -> None:
    """pyqtgraph wrote "0.5" in the Italian window, which reads there as five."""
    try:
        apply_language("it")
        assert axis.tickStrings([0.0, 0.5, 1.0], 1.0, 0.5) == ["0", "0,5", "1,0"]
        apply_language("en")
        assert axis.tickStrings([0.0, 0.5, 1.0], 1.0, 0.5) == ["0", "0.5", "1.0"]
    finally:
        apply_language(TEST_LANGUAGE)


def _aligned(table: QTableWidget, row: int, column: int) -> bool:
    """Whether that cell's text is right-aligned (a figure)."""
    item = table.item(row, column)
    assert item is not None
    return bool(item.textAlignment() & Qt.AlignmentFlag.AlignRight)


def _fitted(table: QTableWidget, column: int) -> bool:
    """Whether the column is as wide as its cells or its header ask, no wider."""
    header = table.horizontalHeader()
    wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
    return table.columnWidth(column) == wanted


def test_two_endpoints_compare_and_a_query_opens_in_rerank(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = window.evaluation_pane
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    pane.endpoint_b.setCurrentIndex(pane.endpoint_b.findData(v1.id))
    pane.k.setValue(5)
    pane.load_sample()
    _finish(pane, services, qtbot)
    headers = [_text(pane.metrics_table.item(r, 0)) for r in range(pane.metrics_table.rowCount())]
    expected = ["B - A", "p-value", "B wins / losses / ties"]
    assert headers[2:] == [QCoreApplication.translate("EvaluationTables", t) for t in expected]
    assert _text(pane.metrics_table.horizontalHeaderItem(1)) == "nDCG@5"
    assert pane.queries_table.columnCount() == 6
    # Figures right-aligned, to read down their decimals; names and words not.
    assert [_aligned(pane.metrics_table, 0, c) for c in range(2)] == [False, True]
    figures = [False, False, True, True, True, False]  # id, query, A, B, B - A, outcome
    assert [_aligned(pane.queries_table, 0, c) for c in range(6)] == figures
    # …and each column as wide as its cells: a stretched last column (Recall@5) put its
    # figures at the window's far edge.
    assert _fitted(pane.metrics_table, 3)
    pane.results.setCurrentIndex(1)
    pane.queries_table.selectRow(3)
    assert pane.open_button.isEnabled()
    query_id = _text(pane.queries_table.item(3, 0))
    pane.open_button.click()
    assert window.current_pane_key() == "rerank"
    report = pane.report()
    assert report is not None
    assert window.rerank_pane.query.toPlainText() == report.query_texts[query_id]
    documents = window.rerank_pane.editor.last_documents()
    assert documents is not None
    assert len(documents) == 60


def test_a_failure_is_shown_and_the_inputs_stay(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    pane = window.evaluation_pane
    bad = tmp_path / "set.jsonl"
    bad.write_text('{"query": "q", "documents": [{"text": 5}]}\n', encoding="utf-8")
    pane.set_path.setText(str(bad))
    pane.run_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert "set.jsonl" in pane.error.text()  # said once, beside Run (issue 19)
    place = f"{tr('Errors', 'line %1', 1)}, {tr('Errors', 'field %1', 'documents[0].text')}"
    assert place in pane.error.text()
    assert "set.jsonl" not in pane.status.text()
    assert window.status_text() == ""  # the status bar does not repeat it
    assert pane.set_path.text() == str(bad)
    assert pane.run_button.isEnabled()
    pane.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.error.isHidden()  # the next run succeeded: the error is over


def _faulty(services: Services, qtbot: QtBot, flavour: Flavour, name: str, fault: str) -> str:
    """A saved sandbox endpoint whose every request carries `fault`; returns its id ("slow" for
    "Slow sandbox")."""
    endpoint_id = name.split()[0].lower()
    endpoint = endpoint_for(services, flavour).model_copy(
        update={"id": endpoint_id, "name": name, "extra_headers": {"x-sandbox-fault": fault}}
    )
    services.session.save_endpoint(endpoint)
    run_async(qtbot, services.session.set_key(endpoint_id, SANDBOX_TEST_KEY))
    return endpoint_id


def test_cancel_keeps_what_was_ranked_and_run_continues(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    slow = _faulty(services, qtbot, Flavour.COHERE_V2, "Slow sandbox", "delay_ms=40")
    pane = window.evaluation_pane
    pane.endpoint_a.setCurrentIndex(pane.endpoint_a.findData(slow))
    pane.load_sample()
    assert pane.cancel_button.isEnabled()
    assert not pane.run_button.isEnabled()
    qtbot.waitUntil(lambda: pane.progress.value() >= 4, timeout=WAIT_MS)
    window.cancel_action.trigger()  # Ctrl+. reaches the pane's cancel()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    cancelled = pane.tr("Cancelled. What was ranked is kept: Run continues from there.")
    assert pane.status.text() == cancelled
    assert pane.report() is None
    assert pane.run_button.isEnabled()
    pane.run()
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert 4 <= report.resumed < 20
    assert report.resumed + report.requests == 20


def test_escape_cancels_the_evaluation_as_in_the_other_panes(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    slow = _faulty(services, qtbot, Flavour.COHERE_V2, "Slow sandbox", "delay_ms=40")
    pane = window.evaluation_pane
    pane.endpoint_a.setCurrentIndex(pane.endpoint_a.findData(slow))
    pane.load_sample()
    qtbot.waitUntil(lambda: pane.progress.value() >= 2, timeout=WAIT_MS)
    pane.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)  # where Run hands it on
    qtbot.keyClick(pane.cancel_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.report() is None  # cancelled: no figures
    assert pane.status.text() == pane.tr(
        "Cancelled. What was ranked is kept: Run continues from there."
    )
    assert pane.cancel_button.toolTip().endswith("(Esc)")


def test_a_failing_endpoint_b_is_named_and_run_said_to_continue(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The status said "Stopped." and the error did not say whether endpoint A or B failed."""
    failing = _faulty(services, qtbot, Flavour.COHERE_V1, "Failing sandbox", "status=400")
    pane = window.evaluation_pane
    pane.endpoint_b.setCurrentIndex(pane.endpoint_b.findData(failing))
    pane.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.error.has_error()
    said = pane.tr(
        "Stopped: endpoint %1 (%2) failed. What was ranked is kept: Run continues from there."
    )
    assert pane.status.text() == said.replace("%1", "B").replace("%2", "Failing sandbox")


def _set_dialog(pane: EvaluationPane, qtbot: QtBot) -> QFileDialog:
    found: list[QFileDialog] = []

    def shown() -> bool:
        found[:] = pane.findChildren(QFileDialog, "evaluationSetDialog")
        return bool(found) and found[0].isVisible()

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def test_browse_picks_a_jsonl_or_csv_file_as_well_as_a_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The placeholder offers a .jsonl or .csv file, yet Browse could choose only a folder."""
    pane = window.evaluation_pane
    menu = pane.browse.menu()
    assert menu is not None
    assert menu.actions() == [pane.browse_folder, pane.browse_file]
    path = tmp_path / "set.csv"
    path.write_text("query,text,relevance\nq,a,1\n", encoding="utf-8")
    pane.browse_file.trigger()
    dialog = _set_dialog(pane, qtbot)
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(str(path))
    dialog.accept()
    assert pane.set_path.text() == str(path)
    qtbot.waitUntil(lambda: not pane.findChildren(QFileDialog), timeout=WAIT_MS)
    pane.browse_folder.trigger()
    dialog = _set_dialog(pane, qtbot)
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(str(tmp_path))
    dialog.accept()
    assert pane.set_path.text() == str(tmp_path)


def test_figures_of_an_earlier_run_are_marked_when_the_next_fails(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """The sample's figures stayed on show, undimmed and unnamed, after a run of another set
    failed or was cancelled: they read as that set's figures."""
    pane = window.evaluation_pane
    pane.load_sample()
    _finish(pane, services, qtbot)
    assert not pane.stale.is_stale()
    bad = tmp_path / "other.jsonl"
    bad.write_text('{"query": "q"}\n', encoding="utf-8")
    pane.set_path.setText(str(bad))
    pane.run_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.error.has_error()
    assert pane.stale.is_stale()
    assert pane.stale.isVisible()
    assert "other.jsonl" in pane.stale.text()
    pane.load_sample()
    _finish(pane, services, qtbot)
    assert not pane.stale.is_stale()
    assert pane.stale.isHidden()
    pane.set_path.setText(str(bad.with_name("missing.jsonl")))
    pane.run()
    pane.cancel()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.stale.is_stale()
    assert pane.stale.text() == pane.tr(
        "These results are from the previous run; the last run was cancelled."
    )


@pytest.mark.usefixtures("restore_language")
def test_a_language_switch_keeps_the_status_of_the_last_run(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """A switch of language wrote the earlier run's figures into the status over "Stopped." (the
    figures stay on show, marked as the previous run's), and a line it did not redraw, such as
    "Cancelled", stayed in the old language."""
    pane = window.evaluation_pane
    pane.load_sample()
    _finish(pane, services, qtbot)
    bad = tmp_path / "other.jsonl"
    bad.write_text('{"query": "q"}\n', encoding="utf-8")
    pane.set_path.setText(str(bad))
    pane.run()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.status.text() == tr("EvaluationPane", "Stopped.")
    window.language_actions["en" if TEST_LANGUAGE == "it" else "it"].trigger()
    metrics = tr("EvaluationPane", "Metrics")  # once the pane has taken the new language
    qtbot.waitUntil(lambda: pane.results.tabText(0) == metrics, timeout=WAIT_MS)
    assert pane.status.text() == tr("EvaluationPane", "Stopped.")
    assert pane.stale.is_stale()


def test_a_set_path_typed_from_home_is_read(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`~/set.jsonl`, as typed in a shell, was read as a folder named "~": no such file."""
    monkeypatch.setenv("HOME", str(tmp_path))
    row = {"query": "lentil soup", "documents": [{"text": "red lentils", "relevance": 1}]}
    (tmp_path / "set.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    pane = window.evaluation_pane
    pane.set_path.setText("~/set.jsonl")
    pane.run()
    _finish(pane, services, qtbot)
    assert pane.set_path.text() == "~/set.jsonl"  # what was typed stays as typed


ONE_TIP = (
    "Rank every query again on %1, dropping its scores saved for this set; other "
    "endpoints keep theirs."
)
TWO_TIP = (
    "Rank every query again on %1, on %2 or on both (you choose), dropping their scores "
    "saved for this set; other endpoints keep theirs."
)
WHY_TIP = "Run reuses saved scores; start over when an endpoint was redeployed since."
ONE_ASKED = (
    "Start over on %1? Its scores saved for this set are dropped and every query is "
    "ranked again on it; the saved scores of other endpoints are kept."
)
TWO_ASKED = (
    "Start over on which endpoints? Their scores saved for this set are dropped and "
    "every query is ranked again on them; the saved scores of the others are kept."
    "\n\nA: %1\nB: %2"
)


def _tip(template: str, *names: str) -> str:
    return f"{tr('EvaluationPane', template, *names)} {tr('EvaluationPane', WHY_TIP)}"


def _start_over_box(pane: EvaluationPane, qtbot: QtBot) -> QMessageBox:
    """The Start over question on show (one answered before may wait for its deletion)."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        boxes = pane.findChildren(QMessageBox, "evaluationStartOverBox")
        found[:] = [box for box in boxes if box.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def _box_button(box: QMessageBox, name: str) -> QPushButton:
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _start_over(pane: EvaluationPane, qtbot: QtBot, choice: str = "evaluationStartOverAll") -> None:
    """Start over, answering the question with the button named `choice`."""
    pane.start_over()
    _box_button(_start_over_box(pane, qtbot), choice).click()


def test_start_over_drops_the_saved_scores_and_ranks_every_query_again(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """Run reused every saved score, so after a redeploy of the same endpoint the figures were
    the old deployment's; only the command line could start over (`--restart`)."""
    pane = window.evaluation_pane
    button = pane.start_over_button
    name = SANDBOX_ENDPOINT_NAMES[Flavour.COHERE_V2]
    assert button.objectName() == "evaluationStartOver"
    assert button.accessibleName() == tr("EvaluationPane", "Start the evaluation over")
    assert button.toolTip() == _tip(ONE_TIP, name)
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "&" in button.text()  # a mnemonic, as Run has
    pane.load_sample()
    _finish(pane, services, qtbot)
    pane.run()
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert report.resumed == 20  # Run reuses what was saved
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # from the keyboard
    box = _start_over_box(pane, qtbot)
    assert box.accessibleName() == tr("EvaluationPane", "Start over")
    assert box.text() == tr("EvaluationPane", ONE_ASKED, name)
    assert box.defaultButton() is box.escapeButton()  # Cancel: Enter drops nothing
    go = _box_button(box, "evaluationStartOverAll")
    assert go.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert go.accessibleName() == tr("EvaluationPane", "Start over on %1", name)
    go.setFocus()
    qtbot.keyClick(go, Qt.Key.Key_Space)
    assert not button.isEnabled()
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert (report.resumed, report.requests, report.dropped) == (0, 20, 20)
    status = pane.status.text()
    assert tr("EvaluationPane", "Started over: no ranking taken from saved progress.") in status
    assert pane.tr("%n rankings taken from saved progress.", "", 0) not in status
    pane.run()  # what the fresh start ranked is saved again
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert (report.resumed, report.requests) == (20, 0)
    assert pane.tr("%n rankings taken from saved progress.", "", 20) in pane.status.text()


def _gui_runs(services: Services) -> int:
    """Rerank requests the History holds: each request sent is one."""
    assert services.history is not None
    services.history.writer.flush()
    return len(services.history.store.find(RunFilter(kind="rerank")))


def test_start_over_drops_the_chosen_endpoints_scores_and_keeps_the_others(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """Start over dropped the set's saved scores for every endpoint: redoing one (after a
    redeploy) ranked the other's hours of queries again too."""
    pane = window.evaluation_pane
    v1, v2 = (endpoint_for(services, f) for f in (Flavour.COHERE_V1, Flavour.COHERE_V2))
    pane.endpoint_b.setCurrentIndex(pane.endpoint_b.findData(v1.id))
    assert pane.start_over_button.toolTip() == _tip(TWO_TIP, v2.name, v1.name)
    pane.load_sample()
    _finish(pane, services, qtbot)
    assert _gui_runs(services) == 40
    pane.start_over()  # Esc leaves the question: nothing dropped, nothing run
    box = _start_over_box(pane, qtbot)
    assert box.text() == tr("EvaluationPane", TWO_ASKED, v2.name, v1.name)
    keys = [b.text().split("&")[1][:1].lower() for b in box.buttons() if "&" in b.text()]
    assert len(keys) == len(set(keys)) == 3  # each choice has its own Alt letter
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert services.tasks.is_idle()
    _start_over(pane, qtbot, "evaluationStartOverB")  # B redeployed: only B again
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert (report.requests, report.resumed, report.dropped) == (20, 20, 20)
    status = pane.status.text()
    assert tr("EvaluationPane", "Started over on %1.", v1.name) in status
    assert pane.tr("%n rankings taken from saved progress.", "", 20) in status
    assert _gui_runs(services) == 60
    pane.endpoint_a.setCurrentIndex(pane.endpoint_a.findData(v1.id))  # v1 alone: A only
    pane.endpoint_b.setCurrentIndex(0)
    assert pane.start_over_button.toolTip() == _tip(ONE_TIP, v1.name)
    pane.start_over()
    box = _start_over_box(pane, qtbot)
    assert box.text() == tr("EvaluationPane", ONE_ASKED, v1.name)
    _box_button(box, "evaluationStartOverAll").click()
    _finish(pane, services, qtbot)
    assert _gui_runs(services) == 80
    pane.endpoint_a.setCurrentIndex(pane.endpoint_a.findData(v2.id))
    pane.run()  # v2's saved scores outlived both start overs: no request sent
    _finish(pane, services, qtbot)
    report = pane.report()
    assert report is not None
    assert (report.requests, report.resumed) == (0, 20)
    assert _gui_runs(services) == 80


def _set_with_notes(tmp_path: Path) -> Path:
    """The sample set with one relevant judgment of a document its corpus lacks."""
    folder = tmp_path / "noted"
    shutil.copytree(SAMPLE, folder)
    with (folder / "qrels" / "test.tsv").open("a", encoding="utf-8") as qrels:
        qrels.write("en01\tdX\t1\n")
    return folder


MISSING = (
    "%1 relevant judged documents are not in corpus.jsonl (first: %2 for query %3); "
    "they count as never ranked"
)
MISSING_NOTE = (
    "1 relevant judged documents are not in corpus.jsonl (first: 'dX' for query 'en01'); "
    "they count as never ranked"
)
"""The note as the command line says it, in English whatever the GUI's language."""


def test_the_set_notes_show_under_the_status_and_are_read_as_their_text(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """What the reader noted (a judged document the corpus lacks, queries left out) reached the
    command line only: the pane's figures were lower with nothing saying why."""
    pane = window.evaluation_pane
    assert pane.notes.isHidden()
    pane.set_path.setText(str(_set_with_notes(tmp_path)))
    pane.run()
    _finish(pane, services, qtbot)
    assert pane.notes.isVisible()
    note = tr("Core", MISSING, 1, "'dX'", "'en01'")
    assert pane.notes.text() == f"• {note}"
    assert pane.notes.accessibleName() == pane.notes.text()  # read as its message
    assert pane.notes.accessibleDescription() == pane.tr("Notes on the set")
    pane.load_sample()  # a set without notes
    _finish(pane, services, qtbot)
    assert pane.notes.isHidden()
    assert pane.notes.text() == ""


@pytest.mark.usefixtures("restore_language")
def test_the_set_notes_and_start_over_read_italian_in_an_italian_window(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    pane = window.evaluation_pane
    pane.set_path.setText(str(_set_with_notes(tmp_path)))
    pane.run()
    _finish(pane, services, qtbot)
    window.language_actions["it"].trigger()  # the notes on show follow the language
    italian = (
        "• documenti giudicati rilevanti assenti da corpus.jsonl: 1 (il primo: 'dX' per la "
        "query 'en01'); contano come mai ordinati"
    )
    qtbot.waitUntil(lambda: pane.notes.text() == italian, timeout=WAIT_MS)
    assert pane.start_over_button.text() == "Ri&comincia da capo"
    _start_over(pane, qtbot)
    _finish(pane, services, qtbot)
    assert pane.notes.text() == italian
    assert "Ricominciata da capo: nessun ordinamento preso dai progressi salvati." in (
        pane.status.text()
    )


@pytest.mark.usefixtures("restore_language")
def test_the_set_notes_stay_english_on_the_command_line_when_qt_speaks_italian(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    apply_language("it")
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)
    argv = ["eval", "--set", str(_set_with_notes(tmp_path)), "--url", sandbox.base_url]
    assert cli_main([*argv, "--model", "rerank-v3.5", "--no-history"]) == 0
    assert f"workbench: note: {MISSING_NOTE}\n" in capsys.readouterr().err


BROKEN_SETS = {
    "set.jsonl": (
        '{"query": "q", "documents": [{"text": 5}]}\n',
        ["«missing, or not a string»", "«line 1»", "«field documents[0].text»"],
    ),
    "bad.jsonl": ('{"query": "q",\n', ["«not JSON («Expecting property name", "column 15)»"]),
    "empty.csv": ("\n", ["«the file is empty: expected a header line naming the columns query"]),
    "semi.csv": (
        "query;text\nq;t\n",
        ["«the header 'query;text' is separated by «semicolons»; expected «commas»"],
    ),
    "twice.jsonl": (
        '{"query_id": "q2", "query": "a", "documents": [{"text": "x", "relevance": 1}]}\n'
        '{"query": "b", "documents": [{"text": "y", "relevance": 1}]}\n',
        ["«this line has no query_id, so its id is 'q2', the query_id line 1 gives"],
    ),
}
"""Sets the reader refuses, and the marked words the pane's error line must show for each."""


@pytest.mark.usefixtures("marked_core")
def test_a_broken_set_is_refused_in_the_gui_language(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """The reader's reasons were English f-strings, shown as they were in an Italian window
    ("not JSON (…)", "missing, or not a string"); the place's "field" too. A marking translator
    stands for the language: every fixed word must come through it."""
    pane = window.evaluation_pane
    for name, (text, marked) in BROKEN_SETS.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        pane.set_path.setText(str(path))
        pane.run_button.click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        shown = pane.error.text()
        assert all(words in shown for words in marked), shown
