"""QA reports: Markdown, self-contained HTML with the chart inline, JUnit XML; never the key."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.core.qa.conftest import qa_report
from workbench import __version__
from workbench.api.text import Text
from workbench.core.qa import report as reports
from workbench.core.qa.model import CheckResult, Evidence, QaReport
from workbench.core.runs.history import History
from workbench.core.svg_chart import Series, line_chart
from workbench.sandbox.runner import SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox


@pytest.fixture(scope="module")
def failed_report(tmp_path_factory: pytest.TempPathFactory) -> QaReport:
    """A run against a sandbox with wrong citations: one failure, every other check passed."""
    config = SandboxConfig(key=SANDBOX_TEST_KEY, default_faults="wrong_citations=1")
    history = History(tmp_path_factory.mktemp("qa") / "runs.sqlite")
    try:
        with start_sandbox(config) as sandbox:
            checks = ("connection", "chat", "latency")
            return qa_report(sandbox.base_url, history=history, checks=checks)
    finally:
        history.close()


def _all_outputs(report: QaReport, mask: bool = False) -> list[str]:
    return [
        reports.to_markdown(report, mask_hosts=mask),
        reports.to_html(report, mask_hosts=mask),
        reports.to_junit(report, mask_hosts=mask),
        str(reports.to_json(report, mask_hosts=mask)),
    ]


def test_markdown_names_endpoint_date_version_and_every_check(failed_report: QaReport) -> None:
    text = reports.to_markdown(failed_report)
    assert text.startswith(f"# Deployment QA: {failed_report.endpoint}")
    assert "FAILED: " in text
    assert "Failed: RAG citations (chat-rag)" in text
    assert f"cohere-workbench {__version__}" in text
    assert failed_report.started.strftime("%Y-%m-%d") in text
    for result in failed_report.results:
        assert f"(`{result.id}`)" in text
    assert "✘ FAIL — RAG citations (`chat-rag`)" in text
    assert "## Latency" in text
    for run_id in failed_report.results[-1].run_ids:  # each request names its run
        assert f"run {run_id}" in text


def test_html_is_self_contained_with_the_chart_inline(failed_report: QaReport) -> None:
    page = reports.to_html(failed_report)
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "Latency per request" in page
    assert not re.search(r"<script|<link|\bsrc=|href=\"?https?:|@import|url\(", page)
    for result in failed_report.results:
        assert f'id="{result.id}"' in page


def test_junit_has_one_case_per_check_and_the_failure_says_why(failed_report: QaReport) -> None:
    root = ET.fromstring(reports.to_junit(failed_report))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == len(failed_report.results)
    assert suite.get("failures") == "1"
    assert suite.get("skipped") == str(failed_report.count("skip"))
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name", "").split(":")[0] for c in failed] == ["chat-rag"]
    failure = failed[0].find("failure")
    assert failure is not None
    assert "never sent" in failure.get("message", "")
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["Workbench"] == f"cohere-workbench {__version__}"


def test_no_output_holds_the_key_and_masked_ones_hold_no_host(failed_report: QaReport) -> None:
    host = failed_report.url.split("//")[1]
    for text in _all_outputs(failed_report):
        assert SANDBOX_TEST_KEY not in text
    for text in _all_outputs(failed_report, mask=True):
        assert SANDBOX_TEST_KEY not in text
        assert host not in text
        assert "host.invalid" in text


def test_a_key_echoed_by_a_server_is_redacted_in_reports(sandbox: RunningSandbox) -> None:
    from workbench.api.redact import register_secret

    report = qa_report(sandbox.base_url, checks=("reachability",))
    register_secret(SANDBOX_TEST_KEY)
    report.results[0].reason_text = f"the server said Bearer {SANDBOX_TEST_KEY}"
    for text in _all_outputs(report):
        assert SANDBOX_TEST_KEY not in text


def _said_report() -> QaReport:
    """A report whose words name the host and whose evidence quotes a header value never
    registered as a secret (a server echoing what it was sent)."""
    url = "https://qa-host.example:8443"
    evidence = Evidence(
        Text("%1 — %2", "POST /v2/chat", Text("asked %1", url)),
        request_text=['{"message": "hello"}'],
        response_text=[
            Text("%n stream event(s); the first:", count=2),
            '{"api-key": "echoed-1234"}',
        ],
        status=200,
        notes_text=[Text("%1 asked for a pause", url)],
    )
    result = CheckResult("chat-plain", "A plain answer", "chat", "fail", Text("%1 said no", url))
    result.evidence.append(evidence)
    started = datetime(2024, 1, 2, tzinfo=UTC)
    return QaReport(url, url, "Cohere v2", "m", started, __version__, results=[result])


def test_every_line_is_written_from_its_words_redacted_and_masked() -> None:
    """A check's lines were kept twice, in English for the reports and as `Text`s for the GUI;
    each report writes them from the `Text`s now: the header value is redacted before HTML
    escapes its quotes, and the host is masked in every line."""
    report = _said_report()
    for text in _all_outputs(report):
        assert "echoed-1234" not in text
        assert "[redacted]" in text
        assert "2 stream events; the first:" in text
        assert "asked https://qa-host.example:8443" in text
    for text in _all_outputs(report, mask=True):
        assert "echoed-1234" not in text
        assert "qa-host.example" not in text
        assert "https://host.invalid said no" in text
        assert "https://host.invalid asked for a pause" in text
    obj = reports.to_json(report)
    evidence = obj["results"][0]["evidence"][0]
    assert obj["results"][0]["reason"] == "https://qa-host.example:8443 said no"
    assert evidence["label"] == "POST /v2/chat — asked https://qa-host.example:8443"
    assert evidence["notes"] == ["https://qa-host.example:8443 asked for a pause"]


def test_markdown_quotes_a_servers_html_and_never_passes_it_on() -> None:
    """The answer text and a model's name went into the Markdown as they came: a previewer
    that allows HTML drew `<b>` and would run `<script>`."""
    said = "</script><script>alert(1)</script><b>x</b> & more"
    result = CheckResult("chat-plain", "A plain answer", "chat", "pass", f"answered: {said}")
    note = Evidence("POST /v2/chat", notes_text=[f"note {said}"])
    result.evidence.append(note)
    started = datetime(2024, 1, 2, tzinfo=UTC)
    endpoint = "m|x</script><b>"
    report = QaReport(endpoint, "https://h.example", "Cohere v2", "m", started, __version__)
    report.results.append(result)
    text = reports.to_markdown(report)
    assert "<script" not in text
    assert "<b>" not in text
    assert "&lt;/script>&lt;script>alert(1)&lt;/script>&lt;b>x&lt;/b> &amp; more" in text


def test_svg_chart_leaves_gaps_and_escapes_text() -> None:
    svg = line_chart(
        [Series("a<b", (1.0, None, 3.0, 4.0))], title="T & U", y_unit="ms", x_label="request"
    )
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag.endswith("svg")
    assert "a&lt;b" in svg
    assert "T &amp; U" in svg
    assert svg.count("<polyline") == 1  # 3 and 4 are joined; 1 stands alone
    assert svg.count("<circle") == 3


def test_junit_survives_control_characters(
    failed_report: QaReport, sandbox: RunningSandbox
) -> None:
    del sandbox
    failed_report.results[0].reason_text = failed_report.results[0].reason + "\x00\x1b[31m"
    ET.fromstring(reports.to_junit(failed_report))


def test_a_lone_surrogate_from_a_server_is_reported_as_u_fffd(sandbox: RunningSandbox) -> None:
    report = qa_report(sandbox.base_url, checks=("reachability",))
    report.results[0].reason_text = "the server said \ud800 here"
    for text in _all_outputs(report):
        text.encode("utf-8")  # what a report file and the terminal need
        assert "the server said \ufffd here" in text
