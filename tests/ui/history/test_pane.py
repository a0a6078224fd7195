"""History pane on real recorded runs: list, search, filter, inspect, annotate, export, import."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from tests.conftest import SANDBOX_TEST_KEY
from tests.folders import unmakeable
from tests.ui.conftest import CHAT_MODEL, destroyed_after, pane_client, run_async, shown
from tests.ui.shown_texts import switch_language
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import ChatRequest, RerankRequest
from workbench.core.runs.store import RunRecord
from workbench.core.settings import SettingsStore
from workbench.ui.history.pane import HistoryPane

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def recorded(services: Services, qtbot: QtBot) -> Services:
    """Two chat turns and a rerank run recorded through the GUI's clients."""
    client = run_async(qtbot, pane_client(services, "chat"))
    for message in ("Which plan includes single sign-on?", "Tell me about lentil soup"):
        run_async(qtbot, client.chat(ChatRequest(message=message, model=CHAT_MODEL)))
    rerank = run_async(qtbot, pane_client(services, "rerank"))
    request = RerankRequest(query="apple pie", documents=["apple pie", "car tyre"], model="m")
    run_async(qtbot, rerank.rerank(request))
    assert services.history is not None
    services.history.writer.flush()
    return services


@pytest.fixture
def pane(recorded: Services, qtbot: QtBot) -> Iterator[HistoryPane]:
    with destroyed_after(shown(HistoryPane(services=recorded))) as widget:
        yield widget


def _queries(pane: HistoryPane) -> list[str]:
    return [r.query for r in pane.model.runs()]


@pytest.mark.usefixtures("restore_language")
def test_the_inspector_is_written_again_in_the_new_language(
    pane: HistoryPane, qtbot: QtBot
) -> None:
    switch_language(qtbot, "en", lambda: pane.accessibleName() == "History")
    pane.table.selectRow(1)
    assert "status 200  outcome ok" in pane.inspector.toPlainText()
    switch_language(qtbot, "it", lambda: "stato 200  esito ok" in pane.inspector.toPlainText())
    assert "risposta: " in pane.inspector.toPlainText()


def test_pane_lists_runs_newest_first_and_inspects_the_selected_one(pane: HistoryPane) -> None:
    assert _queries(pane) == [
        "apple pie",
        "Tell me about lentil soup",
        "Which plan includes single sign-on?",
    ]
    pane.table.selectRow(1)
    text = pane.inspector.toPlainText()
    assert text.startswith("POST http")
    assert "[redacted]" in text
    assert tr("Core", "status %1  outcome %2  (%3)", 200, "ok").split("(")[0] in text
    assert tr("Core", "answer: %1", "") in text
    assert SANDBOX_TEST_KEY not in text
    timeline = pane.timeline.timeline()
    assert timeline.headers is not None
    assert timeline.last is not None
    assert timeline.headers <= timeline.last
    assert pane.timeline.accessibleDescription() == pane.timeline.summary()
    assert " ms" in pane.timeline.summary()
    pane.timeline.repaint()  # paints without error


def test_search_and_filters_narrow_the_list(pane: HistoryPane, qtbot: QtBot) -> None:
    pane.search.setText("lentil")
    qtbot.waitUntil(lambda: _queries(pane) == ["Tell me about lentil soup"])
    pane.search.setText("")
    qtbot.waitUntil(lambda: len(_queries(pane)) == 3)
    pane.kind.setCurrentIndex(pane.kind.findData("rerank"))
    pane.kind.activated.emit(pane.kind.currentIndex())
    assert _queries(pane) == ["apple pie"]
    pane.kind.setCurrentIndex(0)
    pane.outcome.setCurrentIndex(pane.outcome.findData("error"))
    pane.outcome.activated.emit(pane.outcome.currentIndex())
    assert _queries(pane) == []


def test_pin_label_and_note(pane: HistoryPane, qtbot: QtBot) -> None:
    pane.table.selectRow(2)
    pane.pin.click()
    assert _queries(pane)[0] == "Which plan includes single sign-on?"
    pane.table.selectRow(0)
    pane.label_edit.setText("demo")
    pane.note_edit.setText("shown at the zanzibar meetup")
    pane.save_notes.click()
    assert pane.model.runs()[0].label == "demo"
    pane.search.setText("zanzibar")
    qtbot.waitUntil(lambda: _queries(pane) == ["Which plan includes single sign-on?"])


def test_a_pinned_run_is_marked_with_an_icon_and_said_in_words(pane: HistoryPane) -> None:
    """The mark was a pushpin emoji in the date's text: a blank box where no font has it (the
    DejaVu fonts of a bare Debian), and a symbol for a screen reader to guess at."""
    pane.table.selectRow(2)
    pane.pin.click()
    model, run = pane.model, pane.model.runs()[0]
    assert run.pinned
    when, second = model.index(0, 0), model.index(1, 0)
    icon = model.data(when, Qt.ItemDataRole.DecorationRole)
    assert icon is not None
    assert not icon.pixmap(16, 16).isNull()
    date = model.data(when)
    assert not any(ord(ch) > 0xFFFF for ch in date)  # the date's text alone: no emoji in it
    assert not model.runs()[1].pinned
    said = tr("RunsModel", "Pinned, %1", date)
    assert model.data(when, Qt.ItemDataRole.AccessibleTextRole) == said
    assert model.data(when, Qt.ItemDataRole.ToolTipRole) == said
    assert model.data(second, Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DecorationRole) is None


def test_copy_code_puts_runnable_code_on_the_clipboard(pane: HistoryPane) -> None:
    pane.table.selectRow(1)
    pane.export_as.setCurrentIndex(pane.export_as.findText("httpx"))
    pane.copy_code.click()
    code = QGuiApplication.clipboard().text()
    assert "import httpx" in code
    assert "os.environ['WORKBENCH_API_KEY']" in code
    assert SANDBOX_TEST_KEY not in code


@pytest.mark.usefixtures("restore_language")
def test_code_in_a_form_the_run_cannot_take_is_refused_in_italian(
    pane: HistoryPane, qtbot: QtBot
) -> None:
    """The core's refusal was English in the Italian window, and placed at `--as`, the command
    line's option, where the person chose the format in the list beside Copy code."""
    switch_language(qtbot, "it", lambda: pane.copy_code.text() != "&Copy code")
    pane.table.selectRow(1)  # a Cohere v2 chat turn
    pane.export_as.setCurrentIndex(pane.export_as.findText("openai"))
    pane.copy_code.click()
    said = "Dati non validi: l'SDK OpenAI parla solo la route /chat/completions"
    assert pane.status.text() == said, pane.status.text()


def test_export_then_import_a_selection(pane: HistoryPane, tmp_path: Path) -> None:
    pane.table.selectAll()
    path = tmp_path / "runs.jsonl"
    assert pane.export_selection(path, mask_hosts=True) == 3
    assert SANDBOX_TEST_KEY not in path.read_text()
    assert "127.0.0.1" not in path.read_text()
    assert pane.import_from(path) == 3
    assert len(_queries(pane)) == 6


def test_an_export_that_cannot_be_written_is_said_and_the_pane_goes_on(
    pane: HistoryPane, tmp_path: Path
) -> None:
    """A folder, a full disk or a read-only share: the OSError escaped the slot before."""
    pane.table.selectAll()
    assert pane.export_selection(tmp_path) == 0  # a folder, not a file
    assert pane.status.text() == tr(
        "HistoryPane", "Not written: %1", f"{tmp_path.name}: Is a directory"
    )
    assert pane.export_selection(tmp_path / "runs.jsonl") == 3


def test_a_setting_that_cannot_be_saved_is_said_once_and_kept(
    pane: HistoryPane, services: Services, tmp_path: Path
) -> None:
    """A read-only or full settings folder: the OSError escaped the slot as a crash before."""
    services.settings.path = unmakeable(tmp_path, "config") / "settings.json"
    before = len(services.notices.history())
    pane.keep.click()
    pane.keep.click()
    assert services.notices.crashes() == []
    [said] = services.notices.history()[before:]
    assert (said.level, said.title) == ("warning", tr("Services", "Settings could not be saved"))
    assert services.settings.settings.keep_history  # the last choice, kept in memory
    services.settings.path = tmp_path / "settings.json"
    pane.keep.click()  # the folder works again: saved, and nothing more said
    assert SettingsStore(services.settings.path).load().keep_history is False
    assert len(services.notices.history()) == before + 1


def test_a_malformed_import_names_the_line(pane: HistoryPane, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"format": "cohere-workbench-runs", "version": 1}\n{"id": 1}\n')
    assert pane.import_from(path) == 0
    assert tr("Errors", "line %1", 2) in pane.status.text()


def test_delete_and_delete_all(pane: HistoryPane) -> None:
    pane.table.selectRow(0)
    pane.delete.click()
    assert len(_queries(pane)) == 2
    pane.delete_everything()
    assert _queries(pane) == []


def _press_in_the_next_box(key: Qt.Key) -> list[str]:
    """Press `key` in the message box about to open (a blocking one too); its text is listed."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not open yet: look again at the next turn
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        QTest.keyClick(box, key)

    QTimer.singleShot(0, press)
    return seen


def test_enter_in_the_delete_all_question_deletes_nothing(pane: HistoryPane, qtbot: QtBot) -> None:
    seen = _press_in_the_next_box(Qt.Key.Key_Return)
    pane.delete_all.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen == [pane.tr("Delete every recorded run for good?")]
    assert len(_queries(pane)) == 3


def test_the_questions_leave_the_event_loop_running(
    pane: HistoryPane, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blocking box ran a loop of its own inside the click: the click returned only once the
    box closed. Open, it must leave the click returned (a stream goes on meanwhile)."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(tmp_path / "r.jsonl"), ""))
    pane.table.selectRow(0)
    for button, name in (
        (pane.delete_all, "confirmDeleteAllBox"),
        (pane.export_file, "maskHostsBox"),
    ):
        returned: list[bool] = []
        asked: list[bool] = []

        def check(
            name: str = name, returned: list[bool] = returned, asked: list[bool] = asked
        ) -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, check)
                return
            asked.append(bool(returned) and box.objectName() == name)
            QTest.keyClick(box, Qt.Key.Key_Escape)

        QTimer.singleShot(0, check)
        button.click()
        returned.append(True)
        qtbot.waitUntil(partial(bool, asked))
        assert asked == [True], name
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert len(_queries(pane)) == 3  # Esc deleted nothing
    assert not (tmp_path / "r.jsonl").exists()  # and exported nothing


def test_esc_in_the_mask_question_exports_nothing(
    pane: HistoryPane, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "runs.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), ""))  # the edge
    pane.table.selectRow(0)
    seen = _press_in_the_next_box(Qt.Key.Key_Escape)
    pane.export_file.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen == [pane.tr("Mask host names?")]
    assert not target.exists()  # Esc is "not now", not "export with the hosts shown"
    _press_in_the_next_box(Qt.Key.Key_Return)
    pane.export_file.click()
    qtbot.waitUntil(target.exists)
    assert "127.0.0.1" not in target.read_text(encoding="utf-8")  # Enter masks


def test_open_in_its_pane_asks_with_the_stored_inputs(pane: HistoryPane, qtbot: QtBot) -> None:
    pane.table.selectRow(0)
    with qtbot.waitSignal(pane.run_open_requested) as blocker:
        pane.open_run.click()
    kind, inputs = blocker.args
    assert kind == "rerank"
    assert inputs["request"]["query"] == "apple pie"


def test_every_control_is_named_labelled_and_reachable(pane: HistoryPane) -> None:
    buddies = {label.buddy() for label in pane.findChildren(QLabel) if label.buddy() is not None}
    controls = [
        w
        for kind in (QLineEdit, QComboBox, QTableView, QPlainTextEdit)
        for w in pane.findChildren(kind)
        if w.parent() is pane or isinstance(w.parent(), QGroupBox)  # not a spin box's own edit
    ]
    assert len(controls) >= 9
    for control in controls:
        assert control.objectName(), control
        assert control.accessibleName(), control.objectName()
        assert control in buddies, control.objectName()
    focusable: list[QWidget] = []
    step: QWidget | None = pane.search
    for _ in range(300):
        assert step is not None
        focusable.append(step)
        step = step.nextInFocusChain()
        if step is pane.search:
            break
    for control in controls:
        assert control in focusable, control.objectName()


@pytest.mark.parametrize(
    ("section", "first"),
    [
        ("historyNotesSection", "label_edit"),
        ("historyReplaySection", "replay"),
        ("historyStorageSection", "export_file"),
    ],
)
def test_a_sections_alt_letter_focuses_its_first_control(
    pane: HistoryPane, qtbot: QtBot, section: str, first: str
) -> None:
    # The pane has more controls than letters: those in a section are reached by its letter.
    box = pane.findChild(QGroupBox, section)
    assert box is not None
    letter = QKeySequence.mnemonic(box.title())
    assert not letter.isEmpty(), box.title()
    with qtbot.waitActive(pane):  # shortcuts work only in the active window
        pane.activateWindow()
    pane.search.setFocus()
    QTest.keySequence(pane.search, letter)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is getattr(pane, first), timeout=WAIT_MS)


def test_unchecking_keep_history_stops_recording(
    pane: HistoryPane, recorded: Services, qtbot: QtBot
) -> None:
    pane.keep.setChecked(False)
    assert recorded.settings.settings.keep_history is False
    client = run_async(qtbot, pane_client(recorded, "chat"))
    run_async(qtbot, client.chat(ChatRequest(message="not kept", model=CHAT_MODEL)))
    assert recorded.history is not None
    recorded.history.writer.flush()
    pane.refresh()
    assert "not kept" not in _queries(pane)


def test_an_import_with_a_number_out_of_range_is_refused_in_words(
    pane: HistoryPane, tmp_path: Path
) -> None:
    """`"status": 10**20` escaped import_from as an OverflowError out of SQLite."""
    path = tmp_path / "big.jsonl"
    run = '{"id": "x", "created": 1.7e9, "kind": "rerank", "status": 100000000000000000000}'
    path.write_text('{"format": "cohere-workbench-runs", "version": 1}\n' + run + "\n")
    assert pane.import_from(path) == 0
    assert "'status'" in pane.status.text()
    assert "2" in pane.status.text()  # the line
    assert len(_queries(pane)) == 3


def test_a_stored_run_of_impossible_time_is_listed_and_inspected(
    pane: HistoryPane, services: Services
) -> None:
    """Stored before imports checked it, `created: 1e300` raised at every paint of the table
    and in the inspector."""
    assert services.history is not None
    services.history.store.add([RunRecord(id="far", created=1e300, kind="rerank", query="far")])
    pane.refresh()
    row = _queries(pane).index("far")
    assert pane.model.data(pane.model.index(row, 0)) == "1e+300"
    pane.table.selectRow(row)
    assert "1e+300" in pane.inspector.toPlainText()


def _not_imported(pane: HistoryPane, path: Path) -> str:
    assert pane.import_from(path) == 0
    prefix = tr("HistoryPane", "Not imported: %1", f"{path.name}: ")
    assert pane.status.text().startswith(prefix)  # the file is named
    return pane.status.text().removeprefix(prefix)


def test_a_run_file_that_is_not_utf8_is_named_with_the_byte_in_words(
    pane: HistoryPane, tmp_path: Path
) -> None:
    """It said "Not imported: 'utf-8' codec can't decode byte 0xff in position 50: …"."""
    path = tmp_path / "binary.jsonl"
    header = b'{"format": "cohere-workbench-runs", "version": 1}\n'
    path.write_bytes(header + b"\xff\xfe garbage\n")
    where = tr("Errors", "at %1", tr("Errors", "byte %1", len(header)))
    assert _not_imported(pane, path) == f"{tr('Errors', 'The file is not UTF-8 text')} · {where}"


def test_a_malformed_run_file_names_the_place_once(pane: HistoryPane, tmp_path: Path) -> None:
    """It said "Invalid input · at line 1: line 1: not JSON (…)"."""
    path = tmp_path / "garbage.jsonl"
    path.write_text("not json at all\n")
    reason = _not_imported(pane, path)
    assert tr("Errors", "line %1, column %2", 1, 1) in reason
    line_word = tr("Errors", "line %1", 1).split()[0]
    assert reason.count(line_word) == 1


def test_a_demo_script_of_no_chat_turn_is_refused_in_the_guis_language(
    pane: HistoryPane, tmp_path: Path
) -> None:
    """It said "Invalid input · at runs: a demo script needs at least one chat turn" in
    English whatever the language."""
    pane.table.selectRow(0)  # the rerank run, newest
    assert pane.save_demo_script(tmp_path / "demo.jsonl") == 0
    needs = tr("Core", "a demo script needs at least one chat turn")
    assert pane.status.text() == tr("Errors", "%1: %2", tr("Errors", "Invalid input"), needs)


def test_the_status_line_is_read_as_its_message_and_redacted(
    pane: HistoryPane, tmp_path: Path
) -> None:
    """Its accessible name was always "History status", and its text skipped the redactor."""
    assert pane.status.accessibleName() == tr("HistoryPane", "%n run(s)", n=3)
    path = tmp_path / f"{SANDBOX_TEST_KEY}.jsonl"
    path.write_text("not json\n")
    assert pane.import_from(path) == 0
    assert SANDBOX_TEST_KEY not in pane.status.text()
    assert pane.status.accessibleName() == " ".join(pane.status.text().split())
    assert pane.status.accessibleName().startswith(tr("HistoryPane", "Not imported: %1", ""))
