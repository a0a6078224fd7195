"""What a QA run says: English lines for the command line and the reports, and the same words
kept as `Text`s the GUI shows in its own language (issue 18)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from tests.core.qa.conftest import qa_report
from workbench.api.errors import ConnectError
from workbench.api.models import AuthScheme, Connection, Flavour
from workbench.api.text import Text
from workbench.core.qa import checks_latency
from workbench.core.qa.context import QaOptions
from workbench.core.qa.model import LatencySummary, excerpt, excerpt_lines
from workbench.core.qa.report import to_json
from workbench.core.qa.runner import CheckFinished, QaRun

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox


def _english(lines: list[Text | str]) -> str:
    return "\n".join(map(str, lines))


def test_every_line_of_a_run_keeps_its_words_for_the_gui(sandbox: RunningSandbox) -> None:
    # The English lines are made from these words (core/qa/model.py), so only the words are
    # checked: every reason and label says something, and the workbench's own lines are Texts.
    report = qa_report(sandbox.base_url)
    evidence = [e for r in report.results for e in r.evidence]
    assert all(str(result.reason_text).strip() for result in report.results)
    assert all(str(e.label_text).strip() for e in evidence)
    streamed = [e for e in evidence if " stream events; the first:\n" in e.response]
    assert streamed
    assert all(isinstance(e.response_text[0], Text) for e in streamed)
    cut = [e for e in evidence if e.request.endswith(" more characters)")]
    assert cut  # the 1,000 documents
    assert all(isinstance(e.request_text[-1], Text) for e in cut)


def test_the_json_report_leaves_the_guis_texts_out(sandbox: RunningSandbox) -> None:
    report = qa_report(sandbox.base_url, checks=("rerank-top-n",))
    result = to_json(report)["results"][0]
    assert list(result) == ["id", "title", "group", "status", "reason", "evidence", "elapsed_ms"]
    fields = ["label", "request", "response", "status", "elapsed_ms", "run_id", "notes"]
    assert list(result["evidence"][0]) == fields


def test_a_failure_is_handed_on_with_the_checks_that_quote_it() -> None:
    """The GUI says a failure in its own words: it needs the error, not only its English."""
    connection = Connection(
        base_url="http://127.0.0.1:9", flavour=Flavour.COHERE_V2, auth=AuthScheme.NONE
    )
    run = QaRun(connection, QaOptions(checks=("connection",), rpm=60_000))

    async def finished() -> list[CheckFinished]:
        return [e async for e in run.events() if isinstance(e, CheckFinished)]

    first, *rest = asyncio.run(finished())
    assert isinstance(first.error, ConnectError)
    assert first.result.reason_text == str(first.error)  # its own line, no words of ours
    assert first.result.reason == str(first.error)
    assert rest
    for event in rest:
        assert event.error is first.error
        assert isinstance(event.result.reason_text, Text)
        assert event.result.reason_text.values == (str(first.error),)


def test_evidence_lines_are_cut_where_the_english_excerpt_is() -> None:
    lines: list[Text | str] = [
        Text("%n stream event(s); the first:", count=12),
        '{"a": 1}',
        "",
        Text("… the last:"),
        '{"b": "' + "x" * 30 + '"}',
    ]
    whole = _english(lines)
    for limit in range(len(whole) + 2):
        cut = excerpt_lines(lines, limit)
        assert _english(cut) == excerpt(whole, limit), limit
        whole_lines = [line for line in cut[:-1] if isinstance(line, Text)]
        assert all(line in lines for line in whole_lines)  # kept in their words
    assert excerpt_lines(lines, len(whole)) == lines


def test_latency_figures_read_as_the_reports_always_wrote_them() -> None:
    summary = LatencySummary(ttft_p50=1234.4, ttft_p95=2345.6, total_p50=12345.0, total_p95=None)
    assert str(checks_latency._figures(summary)) == (
        "first token p50 1,234 ms, p95 2,346 ms; total p50 12,345 ms, p95 n/a"
    )
