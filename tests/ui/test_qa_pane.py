"""The QA pane on a real window against the sandbox: a whole run, the evidence, the run link,
the chart and the saved reports."""

from __future__ import annotations

import errno
import os
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator

from tests.conftest import SANDBOX_TEST_KEY
from tests.folders import unmakeable
from tests.ui.conftest import TEST_LANGUAGE, endpoint_for, run_async, tr
from tests.ui.marked import marking
from tests.waits import WAIT_MS
from workbench.api.errors import ProtocolError
from workbench.api.models import AuthScheme, Connection, Flavour
from workbench.api.text import Text
from workbench.core.endpoints import EndpointConfig
from workbench.core.qa import report as reports
from workbench.core.qa.context import QaOptions
from workbench.core.qa.model import CheckResult, LatencySample, LatencySummary, QaReport
from workbench.core.qa.report import MARK
from workbench.core.qa.runner import CheckFinished, QaRun
from workbench.sandbox.runner import SandboxConfig, start_sandbox
from workbench.ui.common.core_text import shown
from workbench.ui.common.l10n import format_ms
from workbench.ui.i18n import apply_language
from workbench.ui.qa.pane import TASK as QA_TASK
from workbench.ui.qa.pane import latency_chart
from workbench.ui.qa.results import QaResultsTree, shown_reason
from workbench.ui.qa.saving import save_or_warn

if TYPE_CHECKING:
    import asyncio
    from pathlib import Path

    from PySide6.QtWidgets import QTreeWidgetItem
    from pytestqt.qtbot import QtBot

    from workbench.core.qa.model import Status
    from workbench.ui.main_window import MainWindow
    from workbench.ui.qa.pane import QaPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _qa(window: MainWindow, services: Services) -> QaPane:
    window.show_pane("qa")
    pane = window.qa_pane
    pane.select_endpoint(endpoint_for(services, Flavour.COHERE_V1).id)
    pane.requests.setValue(2)
    return pane


def _counts(report: QaReport) -> str:
    """The summary's counts as the GUI says them, each in its plural form."""

    def count(source: str, status: Status) -> str:
        return QCoreApplication.translate("QaPane", source, None, report.count(status))

    passed, failed = count("%n passed", "pass"), count("%n failed", "fail")
    return tr("QaPane", "%1, %2, %3", passed, failed, count("%n skipped", "skip"))


def _rows(pane: QaPane) -> list[QTreeWidgetItem]:
    rows = (pane.results.topLevelItem(i) for i in range(pane.results.topLevelItemCount()))
    return [row for row in rows if row is not None]


def test_a_qa_run_in_the_pane_passes_and_links_its_runs(
    window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    pane = _qa(window, services)
    pane.groups["errors"].setChecked(False)
    pane.run_button.click()
    assert not pane.run_button.isEnabled()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)
    report = pane.report
    assert report is not None
    assert report.count("fail") == 0, [r.reason for r in report.results if r.status == "fail"]
    assert pane.results.topLevelItemCount() == len(report.results) == 23
    assert pane.progress.value() == pane.progress.maximum() == 23
    assert [report.count(s) for s in ("pass", "fail", "skip")] == [22, 0, 1]
    verdict = tr("QaPane", "Every check passed")
    assert pane.status.text() == tr("QaPane", "Done. %1: %2.", verdict, _counts(report))
    assert pane.chart.isVisible()
    # expand a check to its evidence; the evidence row names its run and opens it in History
    check = next(row for row in _rows(pane) if row.text(1) == tr("Core", "top_n"))
    check.setExpanded(True)
    evidence = check.child(0)
    assert evidence is not None
    pane.results.setCurrentItem(evidence)
    assert "top_n" in pane.details.toPlainText()
    assert pane.open_run.isEnabled()
    run_id = pane.results.run_id_at(evidence)
    assert run_id is not None
    assert evidence.text(2).endswith(f" · {tr('QaResultsTree', 'run %1', run_id)}")
    pane.open_run.click()
    assert window.current_pane_key() == "history"
    selected = window.history_pane.selected_runs()
    assert [r.id for r in selected] == [run_id]
    assert window.history_pane.table.hasFocus()  # the keyboard is on that run too
    assert "top_n" in window.history_pane.inspector.toPlainText()
    # the reports, saved from the pane
    pane.save_report(tmp_path / "qa.html")
    pane.save_report(tmp_path / "qa.md")
    pane.save_junit(tmp_path / "qa.xml")
    html = (tmp_path / "qa.html").read_text(encoding="utf-8")
    assert "<svg" in html
    assert len(list(ET.parse(tmp_path / "qa.xml").getroot().iter("testcase"))) == 23
    for name in ("qa.html", "qa.md", "qa.xml"):
        assert SANDBOX_TEST_KEY not in (tmp_path / name).read_text(encoding="utf-8")


def test_cancel_stops_the_run_and_keeps_what_was_done(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = _qa(window, services)
    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.results.topLevelItemCount() >= 2, timeout=WAIT_MS)
    pane.cancel_button.click()
    qtbot.waitUntil(services.tasks.is_idle)
    assert pane.run_button.isEnabled()
    assert not pane.cancel_button.isEnabled()
    report = pane.report
    assert report is not None
    assert report.cancelled
    assert 2 <= pane.results.topLevelItemCount() < 25
    assert pane.status.text() == tr("QaPane", "Cancelled; the checks done so far are kept.")


def test_each_group_box_is_named_by_its_shown_title(window: MainWindow, services: Services) -> None:
    pane = _qa(window, services)
    for box in pane.groups.values():
        title = box.text().replace("&", "")  # "Error handling", not the key "errors"
        assert box.accessibleName() == tr("QaPane", "Run the %1 checks").replace("%1", title)


def test_escape_cancels_the_run_as_in_the_other_panes(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = _qa(window, services)
    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.results.topLevelItemCount() >= 2, timeout=WAIT_MS)
    pane.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)  # where Run hands it on
    qtbot.keyClick(pane.cancel_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.report is not None
    assert pane.report.cancelled
    assert pane.cancel_button.toolTip().endswith("(Esc)")


def _connection_and_latency_checks(pane: QaPane) -> None:
    for group, box in pane.groups.items():
        box.setChecked(group in {"connection", "latency"})


@pytest.mark.usefixtures("restore_language")
def test_a_run_that_cannot_start_leaves_no_earlier_report_to_save(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = _qa(window, services)
    _connection_and_latency_checks(pane)
    pane.run_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)
    assert pane.report is not None
    assert pane.save_report_button.isEnabled()
    assert pane.chart.isVisible()
    base_url = endpoint_for(services, Flavour.COHERE_V2).base_url
    no_key = EndpointConfig(
        name="No key", base_url=base_url, flavour=Flavour.COHERE_V2, auth=AuthScheme.BEARER
    )
    services.session.save_endpoint(no_key)
    pane.select_endpoint(no_key.id)
    pane.run_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    qtbot.waitUntil(pane.run_button.isEnabled)
    assert pane.report is None  # the Cohere v1 report is gone with its results
    assert pane.results.topLevelItemCount() == 0
    assert not pane.save_report_button.isEnabled()
    assert not pane.save_junit_button.isEnabled()
    assert not pane.chart.isVisible()
    why = tr("Errors", "No API key stored for this endpoint")
    assert pane.status.text() == tr("QaPane", "Stopped: %1.", why)
    assert pane.error.isVisible()
    assert "No key" in pane.error.text()
    window.language_actions["en" if TEST_LANGUAGE == "it" else "it"].trigger()
    why = tr("Errors", "No API key stored for this endpoint")  # in the new language
    qtbot.waitUntil(lambda: pane.status.text() == tr("QaPane", "Stopped: %1.", why))


VERDICTS = {"pass": "Passed", "fail": "Failed", "skip": "Skipped"}
"""A check's verdict word, as the results list's first column says it (context QaResults)."""


@pytest.mark.usefixtures("restore_language")
def test_a_finished_run_is_written_again_in_a_new_language(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """After a switch of language the status kept the run's counts, and the rows their verdicts,
    times and runs, in the language of the run: only the column headers followed."""
    pane = _qa(window, services)
    _connection_and_latency_checks(pane)
    pane.run_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)
    report = pane.report
    assert report is not None
    window.language_actions["en" if TEST_LANGUAGE == "it" else "it"].trigger()
    verdict = tr("QaPane", "Every check passed" if report.passed else "Checks failed")
    done = tr("QaPane", "Done. %1: %2.", verdict, _counts(report))
    qtbot.waitUntil(lambda: pane.status.text() == done, timeout=WAIT_MS)
    rows = [pane.results.topLevelItem(i) for i in range(pane.results.topLevelItemCount())]
    assert len(rows) == len(report.results)
    for row, result in zip(rows, report.results, strict=True):
        assert row.text(0) == f"{MARK[result.status]} {tr('QaResults', VERDICTS[result.status])}"
        for index, evidence in enumerate(result.evidence):
            run = tr("QaResultsTree", "run %1", evidence.run_id)
            said = run if evidence.run_id else tr("QaResultsTree", "not recorded")
            took = "" if evidence.elapsed_ms is None else format_ms(evidence.elapsed_ms)
            assert row.child(index).text(2) == f"{took} · {said}"
    assert any(e.run_id and e.elapsed_ms for r in report.results for e in r.evidence)


def _removed_mid_run(pane: QaPane, services: Services, qtbot: QtBot) -> EndpointConfig:
    """Start a run on the v1 endpoint and remove that endpoint once a first result is in."""
    _connection_and_latency_checks(pane)
    checked = endpoint_for(services, Flavour.COHERE_V1)
    pane.run_button.click()
    qtbot.waitUntil(lambda: pane.results.topLevelItemCount() >= 1, timeout=WAIT_MS)
    services.session.remove_endpoint(checked.id)
    return checked


def test_removing_the_endpoint_checked_mid_run_keeps_it_named(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = _qa(window, services)
    checked = _removed_mid_run(pane, services, qtbot)
    # the box goes on showing the endpoint being checked, marked as removed
    assert pane.endpoint.currentText() == tr("QaPane", "%1 (removed)", checked.name)
    assert not pane.endpoint.isEnabled()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)
    report = pane.report
    assert report is not None
    assert report.endpoint == checked.name
    gone = "“%1” was removed while it was checked; the report is still about it."
    assert pane.status.text().endswith(tr("QaPane", gone, checked.name))
    assert pane.endpoint.isEnabled()
    assert pane.endpoint.findData(checked.id) < 0  # once the run ends it cannot be chosen


@pytest.mark.usefixtures("restore_language")
def test_the_removed_endpoint_checked_is_marked_again_in_a_new_language(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """Its "(removed)" stayed in the language it was removed in, beside texts that followed."""
    pane = _qa(window, services)
    checked = _removed_mid_run(pane, services, qtbot)
    marked = pane.endpoint.currentText()
    apply_language("en" if TEST_LANGUAGE == "it" else "it")
    # The switch reaches the widgets as posted events: delivered now, while the run goes on.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert services.tasks.is_running(QA_TASK)
    assert pane.endpoint.currentText() == tr("QaPane", "%1 (removed)", checked.name) != marked
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)


def test_every_control_is_named_and_labelled(window: MainWindow, services: Services) -> None:
    pane = _qa(window, services)
    for label in (pane.endpoint_label, pane.requests_label, pane.results_label):
        assert label.buddy() is not None
    for widget in (pane.endpoint, pane.requests, pane.run_button, pane.results, pane.chart):
        assert widget.accessibleName()
        assert widget.objectName()[0].islower()


IDLE_HINT = (
    "Tick the groups of checks and press Run checks: each check's evidence shows beside it, "
    "and the report can be saved when they are done."
)


def test_the_first_screen_says_what_to_do_and_shows_no_empty_bar(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """Before any run an empty progress bar stretched across the pane (read as a text field),
    the requests count's box was as wide as the window, and the status said nothing."""
    pane = _qa(window, services)
    assert not pane.progress.isVisible()
    assert pane.status.text() == tr("QaPane", IDLE_HINT)
    assert pane.requests.width() < pane.width() // 4
    pane.groups["errors"].setChecked(False)
    pane.run_button.click()
    assert pane.progress.isVisible()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)
    assert not pane.progress.isVisible()
    assert pane.status.text() != tr("QaPane", IDLE_HINT)


def _marked(text: str) -> bool:
    return text.startswith("«") and text.endswith("»")


def _run_checks(pane: QaPane, services: Services, qtbot: QtBot, *groups: str) -> QaReport:
    for group, box in pane.groups.items():
        box.setChecked(group in groups)
    pane.run_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS * 4)
    report = pane.report
    assert report is not None
    return report


def test_the_check_column_fits_the_titles_up_to_two_fifths_of_the_view(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The titles were cut at Qt's default column width of 100 px ("The server answ…")."""
    window.resize(1200, 800)
    pane = _qa(window, services)
    _run_checks(pane, services, qtbot, "connection", "chat")
    tree = pane.results
    widest = tree.viewport().width() * 2 // 5
    # The widest title (or evidence label) as Qt lays it out, or the header's, if wider.
    needed = max(tree.sizeHintForColumn(1), tree.header().sectionSizeHint(1))
    assert tree.columnWidth(1) == min(needed, widest)
    assert tree.columnWidth(1) > 100
    for row in _rows(pane):
        assert row.toolTip(1) == row.text(1)  # whole, where the column cuts it


@pytest.mark.usefixtures("restore_language")
def test_the_checks_own_words_follow_the_language(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The titles, reasons, evidence labels, the evidence view and the latency chart were the
    core's English f-strings: an Italian window showed "The server answers", "request:". A
    marking translator stands for the language: every text of the core comes back «marked»."""
    pane = _qa(window, services)
    report = _run_checks(pane, services, qtbot, "connection", "rerank", "latency")
    assert report.count("fail") == 0, [r.reason for r in report.results if r.status == "fail"]
    latency = next(row for row in _rows(pane) if pane.results.result_at(row).id == "latency")
    pane.results.setCurrentItem(latency)
    chart = pane.chart.grab().toImage()
    with marking("Core", "QaResultsTree"):
        qtbot.waitUntil(lambda: all(_marked(row.text(1)) for row in _rows(pane)), timeout=WAIT_MS)
        for row, result in zip(_rows(pane), report.results, strict=True):
            assert _marked(row.text(2)), (result.id, row.text(2))
            children = (row.child(i) for i in range(row.childCount()))
            labels = [child.text(1) for child in children if child is not None]
            assert all(_marked(label) for label in labels), (result.id, labels)
        details = pane.details.toPlainText()
        assert details.startswith(
            "«Latency: first token and total, p50/p95» (latency)\n«2 request(s): "
        )
        assert "«request: " in details
        assert "«response: «" in details  # the stream's summary, in words: "«… stream events"
        assert " stream event(s); the first:»" in details  # the form the translator gave
        qtbot.waitUntil(lambda: pane.chart.grab().toImage() != chart, timeout=WAIT_MS)
        assert "«Latency per request»" in reports.latency_svg(report, None, shown)
    qtbot.waitUntil(lambda: not _marked(_rows(pane)[0].text(1)), timeout=WAIT_MS)
    for row, result in zip(_rows(pane), report.results, strict=True):
        assert row.text(1) == shown(result.title)
        assert "«" not in row.text(2)
    assert "«" not in pane.details.toPlainText()


@pytest.mark.usefixtures("restore_language")
def test_one_latency_request_reads_in_the_singular_in_italian(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The latency check said "1 richieste" in the Italian window ("1 requests" in English):
    its counts were filled into one sentence, with no plural forms to choose from."""
    apply_language("it")
    pane = _qa(window, services)
    pane.requests.setValue(1)
    report = _run_checks(pane, services, qtbot, "latency")
    assert report.results[0].reason.startswith("1 request: first token p50 ")
    latency = _rows(pane)[0]
    assert latency.text(2).startswith("1 richiesta: primo token p50 "), latency.text(2)
    pane.results.setCurrentItem(latency)
    assert "\n1 richiesta: " in pane.details.toPlainText()
    apply_language("en")
    qtbot.waitUntil(lambda: latency.text(2).startswith("1 request: first token"), timeout=WAIT_MS)


@pytest.mark.usefixtures("restore_language")
def test_the_scores_read_with_a_decimal_comma_in_italian(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The rerank checks wrote their scores into English strings: the Italian window read
    "ordinati: 0.995 … 0.012" and "#0 per primo (0.995)". The command line keeps "0.995"."""
    apply_language("it")
    pane = _qa(window, services)
    report = _run_checks(pane, services, qtbot, "rerank")
    assert report.count("fail") == 0, [r.reason for r in report.results if r.status == "fail"]
    score = re.compile(r"\b0[.,]\d{3}\b")
    for check in ("rerank-strings", "rerank-scores", "rerank-probes"):
        row = next(row for row in _rows(pane) if pane.results.result_at(row).id == check)
        english = next(r.reason for r in report.results if r.id == check)
        scores = score.findall(english)
        assert scores, english
        assert all("." in said for said in scores), english
        assert score.findall(row.text(2)) == [said.replace(".", ",") for said in scores], check
    strings = next(row for row in _rows(pane) if pane.results.result_at(row).id == "rerank-strings")
    assert strings.text(2).count("; #") == 4  # "#2 0,995; #0 0,412": a comma would read as one


@pytest.mark.usefixtures("restore_language")
def test_a_failure_a_check_ends_with_or_quotes_is_said_in_the_guis_words(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """A check that failed with an error showed the error's English line ("Could not connect
    · …"), and the checks skipped after it quoted that line in an English sentence."""
    nowhere = EndpointConfig(
        name="Nowhere",
        base_url="http://127.0.0.1:9",
        flavour=Flavour.COHERE_V2,
        auth=AuthScheme.NONE,
    )
    services.session.save_endpoint(nowhere)
    pane = _qa(window, services)
    pane.select_endpoint(nowhere.id)
    report = _run_checks(pane, services, qtbot, "connection")
    assert [r.status for r in report.results][:2] == ["fail", "skip"]
    with marking("Core", "Errors"):
        qtbot.waitUntil(lambda: _rows(pane)[1].text(2).startswith("«"), timeout=WAIT_MS)
        failed, *skipped = _rows(pane)
        assert failed.text(2).startswith("«")  # the error's title, translated
        assert failed.text(2) != report.results[0].reason
        for row in skipped:
            assert row.text(2).startswith("«the endpoint could not be reached: «"), row.text(2)


class _PluralMarks(QTranslator):
    """Says which plural form the GUI asked for: "%n skipped" with n 1 reads "1 skipped [one]"."""

    def translate(
        self, context: str, source: str, _disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context != "QaPane" or "%n" not in source:
            return None
        return f"{source} [{'one' if n == 1 else 'many'}]"

    def isEmpty(self) -> bool:
        return False


@pytest.mark.usefixtures("restore_language")
def test_the_summary_says_each_count_in_its_plural_form(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """The Italian summary read "1 saltati": the counts were %1 in one sentence, with no plural
    forms to choose from."""
    pane = _qa(window, services)
    report = _run_checks(pane, services, qtbot, "connection")
    assert [report.count(s) for s in ("pass", "fail", "skip")] == [5, 0, 1]
    translator = _PluralMarks()
    QCoreApplication.installTranslator(translator)
    try:
        line = "5 passed [many], 0 failed [many], 1 skipped [one]"
        qtbot.waitUntil(lambda: line in pane.status.text(), timeout=WAIT_MS)
    finally:
        QCoreApplication.removeTranslator(translator)
    done = tr("QaPane", "Done. %1: %2.", tr("QaPane", "Every check passed"), _counts(report))
    qtbot.waitUntil(lambda: pane.status.text() == done, timeout=WAIT_MS)


def _latency_report(*totals_ms: float) -> QaReport:
    samples = [LatencySample(ttft_ms=None, total_ms=ms, ok=True) for ms in totals_ms]
    return QaReport(
        endpoint="Sandbox",
        url="http://127.0.0.1:9",
        flavour="cohere-v1",
        model="",
        started=datetime.now(UTC),
        version="0",
        latency=LatencySummary(samples=samples),
    )


def _y_ticks(svg: str) -> list[str]:
    texts = ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    return [t.text for t in texts if t.text and t.text.endswith(" ms")]


@pytest.mark.usefixtures("restore_language")
def test_the_charts_numbers_follow_the_guis_locale_and_the_reports_stay_english() -> None:
    """The chart's ticks were English in the Italian window: "1,000 ms" read as one millisecond
    and "2.5 ms" as two and a half thousand. The command line's report keeps the English way."""
    slow, fast = _latency_report(900.0, 1000.0), _latency_report(2.0, 9.0)
    apply_language("it")
    assert _y_ticks(latency_chart(slow, None)) == ["0 ms", "250 ms", "500 ms", "750 ms", "1.000 ms"]
    assert _y_ticks(latency_chart(fast, None)) == ["0 ms", "2,5 ms", "5 ms", "7,5 ms", "10 ms"]
    assert "1,000 ms</text>" in reports.to_html(slow)
    assert "2.5 ms</text>" in reports.to_html(fast)
    apply_language("en")
    assert _y_ticks(latency_chart(slow, None))[-1] == "1,000 ms"
    assert _y_ticks(latency_chart(fast, None))[1] == "2.5 ms"
    for report in (slow, fast):  # the English window's chart is the report's, as before
        assert latency_chart(report, None) == reports.latency_svg(report, None, shown)


def _x_ticks(svg: str) -> list[str]:
    texts = ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    return [t.text for t in texts if t.text and re.fullmatch(r"[\d.,]+", t.text)]


@pytest.mark.usefixtures("restore_language")
def test_the_charts_request_numbers_are_grouped_the_guis_way() -> None:
    """The x axis wrote its requests' numbers as plain digits in the GUI: "1081" beside the y
    axis's "1.000 ms". The reports keep the plain digits they always wrote."""
    many = _latency_report(*[5.0] * 1200)
    apply_language("it")
    assert _x_ticks(latency_chart(many, None))[-2:] == ["961", "1.081"]
    apply_language("en")
    assert _x_ticks(latency_chart(many, None))[-2:] == ["961", "1,081"]
    assert _x_ticks(reports.latency_svg(many))[-2:] == ["961", "1081"]


@pytest.mark.usefixtures("restore_language")
def test_a_counted_reason_that_quotes_a_failure_keeps_its_count() -> None:
    """A counted reason quoting a failure ("the stream broke after 3 events: …") lost its count
    when the GUI put the failure in its own words: the row read "%n" for the number."""
    error = ProtocolError(Text("the stream broke off: %1", "reset"))
    said = Text("the stream broke after %n event(s): %1", str(error), count=3)
    result = CheckResult("chat-stream", "Streaming", "chat", "fail", said)
    apply_language("it")
    assert shown_reason(result, error).startswith("lo stream si è interrotto dopo 3 eventi: ")
    apply_language("en")
    assert shown_reason(result, error).startswith("the stream broke after 3 events: ")


async def _finished(run: QaRun) -> list[CheckFinished]:
    return [event async for event in run.events() if isinstance(event, CheckFinished)]


def _ungrouped(text: str) -> str:
    """`text` with thousands written as plain digits: the GUI groups a figure the command line
    writes plain ("1,234 ms" beside "1234 ms"), so both sides are compared ungrouped."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


@pytest.mark.usefixtures("restore_language")
def test_in_english_the_rows_and_the_evidence_read_as_the_reports(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """A check's reason and evidence were kept twice, as English lines for the command line and
    the reports and as `Text`s for the GUI: a change to one could miss the other. In English
    the GUI's words are the reports' lines: 429 notes, a cut request, a stream's summary."""
    del qloop
    apply_language("en")
    config = SandboxConfig(
        key=SANDBOX_TEST_KEY, seed=7, rpm=1_000_000, tpm=1_000_000_000, default_faults="burst_429=1"
    )
    checks = ("reachability", "rerank-1000", "chat-stream")
    with start_sandbox(config) as sandbox:
        url = sandbox.base_url
        connection = Connection(base_url=url, flavour=Flavour.COHERE_V1, api_key=SANDBOX_TEST_KEY)
        run = QaRun(connection, QaOptions(checks=checks, rpm=60_000))
        finished = run_async(qtbot, _finished(run), timeout=WAIT_MS * 4)
    tree = QaResultsTree()
    qtbot.addWidget(tree)
    evidence = [e for event in finished for e in event.result.evidence]
    assert any(e.notes for e in evidence)
    assert any(e.request.endswith(" more characters)") for e in evidence)
    assert any(" stream events; the first:\n" in e.response for e in evidence)
    for event in finished:
        result = event.result
        row = tree.add_result(result, event.error)
        assert event.error is None, result.reason
        assert _ungrouped(row.text(2)) == _ungrouped(result.reason)
        details = _ungrouped(tree.details(row))
        for index, e in enumerate(result.evidence):
            child = row.child(index)
            assert child is not None
            assert _ungrouped(child.text(1)) == _ungrouped(e.label)
            said = [f"\n  {note}" for note in e.notes]
            said += [f"\n  request: {e.request}"] if e.request else []
            said += [f"\n  response: {e.response}"] if e.response else []
            assert _ungrouped("".join(said)) in details, (result.id, index)


def test_a_report_that_cannot_be_written_says_the_os_reason_and_the_file_name(
    services: Services, tmp_path: Path
) -> None:
    """The warning said Python's whole OSError ("[Errno 20] Not a directory: '/…/qa.html'"):
    the machine's path, where the other panes say the file's name and the OS's reason."""
    target = unmakeable(tmp_path, "qa.html")

    def save(path: Path) -> None:
        path.write_text("report", encoding="utf-8")

    save_or_warn(save, target, services.notices)
    notice = services.notices.history()[-1]
    assert (notice.level, notice.where) == ("warning", "qa.html")
    assert notice.detail == os.strerror(errno.ENOTDIR)
    assert str(tmp_path) not in notice.text() + notice.shown_text()
