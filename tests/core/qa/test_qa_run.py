"""A whole QA run against the sandbox passes; with each fault on, exactly the right checks fail."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.core.qa.conftest import qa_report
from workbench.core.qa.catalogue import CHECKS
from workbench.core.runs.history import History

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.core.qa.model import QaReport
    from workbench.sandbox.runner import RunningSandbox


def _verdicts(report: QaReport, status: str) -> set[str]:
    return {r.id for r in report.results if r.status == status}


def test_whole_qa_run_against_the_sandbox_passes(sandbox: RunningSandbox) -> None:
    report = qa_report(sandbox.base_url)
    assert [r.id for r in report.results] == [c.id for c in CHECKS]
    assert _verdicts(report, "fail") == set(), [r.reason for r in report.results]
    assert _verdicts(report, "skip") == {"tls"}  # plain HTTP on loopback
    assert report.passed
    assert len(report.latency.samples) == 3
    assert report.latency.ttft_p95 is not None


def test_v2_run_without_a_model_names_the_model_info_gives(sandbox: RunningSandbox) -> None:
    report = qa_report(sandbox.base_url, "cohere-v2")
    assert _verdicts(report, "fail") == set(), [r.reason for r in report.results]
    # v2 has no return_documents and no chunking: said, not failed
    assert _verdicts(report, "skip") == {"tls", "rerank-return-documents", "rerank-chunk-rule"}
    assert "command-r-plus" in report.settings["model used"]


def test_openai_route_skips_what_it_has_no_route_for(sandbox: RunningSandbox) -> None:
    report = qa_report(sandbox.base_url, "openai", checks=("connection", "rerank", "chat"))
    assert _verdicts(report, "fail") == set(), [r.reason for r in report.results]
    rerank = {r.id: r.reason for r in report.results if r.group == "rerank"}
    assert all("no rerank route" in why for why in rerank.values()), rerank
    rag = next(r for r in report.results if r.id == "chat-rag")
    assert rag.status == "skip"
    assert "takes no RAG documents" in rag.reason


_SERVER_CHECKS = {c.id for c in CHECKS} - {"reachability", "tls", "auth-refused", "model-identity"}


@pytest.mark.parametrize(
    ("fault", "options", "failing", "why"),
    [
        ("wrong_citations=1", {}, {"chat-rag"}, "doc-never-sent, which was never sent"),
        ("drop_after_events=3", {}, {"chat-stream", "latency"}, "the stream broke off"),
        ("slow_stream_ms=120", {"ttft_budget_ms": 100.0}, {"latency"}, "over the 100 ms budget"),
        ("status=500", {}, _SERVER_CHECKS, "500"),
        ("burst_429=2", {}, set(), ""),
    ],
)
def test_each_fault_fails_exactly_the_right_checks(
    faulty_sandbox: Callable[[str], RunningSandbox],
    fault: str,
    options: dict[str, float],
    failing: set[str],
    why: str,
) -> None:
    report = qa_report(faulty_sandbox(fault).base_url, **options)  # type: ignore[arg-type]
    assert _verdicts(report, "fail") == failing
    for result in report.results:
        if result.status == "fail":
            assert why in result.reason, (result.id, result.reason)


def test_a_429_burst_is_waited_out_as_retry_after_says(
    faulty_sandbox: Callable[[str], RunningSandbox],
) -> None:
    report = qa_report(faulty_sandbox("burst_429=2").base_url, checks=("reachability", "info"))
    assert report.passed
    evidence = [e for r in report.results for e in r.evidence]
    refused = [e for e in evidence if e.status == 429]
    assert len(refused) == 2
    assert all("Retry-After 1 s" in " ".join(e.notes) for e in refused)
    answered = next(e for e in evidence if e.status == 200)
    assert "after a 429, waited 1 s as Retry-After said" in answered.notes


def test_each_request_is_a_run_in_the_record(sandbox: RunningSandbox, tmp_path: Path) -> None:
    history = History(tmp_path / "runs.sqlite")
    try:
        report = qa_report(sandbox.base_url, history=history, checks=("rerank-top-n", "chat-plain"))
    finally:
        history.close()
    run_ids = [i for r in report.results for i in r.run_ids]
    assert len(run_ids) == 2
    store = History(tmp_path / "runs.sqlite").store
    records = [store.get(i) for i in run_ids]
    assert [r.kind for r in records if r is not None] == ["rerank", "chat"]
    assert all(r is not None and r.source == "qa" and r.outcome == "ok" for r in records)
    store.close()


def test_an_unreachable_endpoint_fails_reachability_and_skips_the_rest() -> None:
    report = qa_report("http://127.0.0.1:9", checks=("connection", "chat-plain"))
    assert report.results[0].status == "fail"
    assert {r.status for r in report.results[1:]} == {"skip"}
    assert all("could not be reached" in r.reason for r in report.results[1:])
