"""The evaluation runner against the sandbox: scores, history runs, batches, 429s and resuming."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.core.evaluation.test_metrics import SAMPLE
from tests.waits import WAIT_S
from workbench.api import Connection, Flavour, WorkbenchClient
from workbench.api.errors import RateLimited
from workbench.core.evaluation.progress import ProgressStore, progress_path
from workbench.core.evaluation.readers import load_set
from workbench.core.evaluation.runner import EvalReport, EvaluationRunner, Pacer, Side
from workbench.core.runs.history import History, rerank_start
from workbench.core.runs.search import RunFilter

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.sandbox.runner import RunningSandbox


class FirstAnswer429(httpx.AsyncBaseTransport):
    """Asks the real sandbox for a 429 (its fault header) on the first request only."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.sent = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        if self.sent == 1:
            request.headers["x-sandbox-fault"] = "status=429"
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _client(sandbox: RunningSandbox, **changes: object) -> WorkbenchClient:
    connection = Connection(
        base_url=sandbox.base_url, api_key=SANDBOX_TEST_KEY, model="rerank-v3.5"
    ).model_copy(update={k: v for k, v in changes.items() if k != "transport"})
    transport = changes.get("transport")
    return WorkbenchClient(connection, transport=transport)  # type: ignore[arg-type]


def test_two_endpoints_every_request_a_run(sandbox: RunningSandbox, tmp_path: Path) -> None:
    asyncio.run(_test_two_endpoints_every_request_a_run(sandbox, tmp_path))


async def _test_two_endpoints_every_request_a_run(sandbox: RunningSandbox, tmp_path: Path) -> None:
    eval_set = load_set(SAMPLE)
    history = History(tmp_path / "runs.sqlite3")
    async with _client(sandbox) as a, _client(sandbox, flavour=Flavour.COHERE_V1) as b:
        for client in (a, b):
            client.recorder = lambda _kind, request, c=client: history.begin(
                rerank_start(c.connection, request, source="cli")
            )
        report = await EvaluationRunner(eval_set, [Side("A", a), Side("B", b)], k=10).run()
    history.writer.flush()
    runs = history.store.find(RunFilter(limit=100))
    history.close()
    assert len(runs) == report.requests == 40
    assert {r.outcome for r in runs} == {"ok"}
    assert report.sides[0].means["ndcg"] > 0.5
    assert report.comparison is not None
    assert len(report.comparison.queries) == 20


def test_429_waits_for_retry_after_then_goes_on(sandbox: RunningSandbox) -> None:
    asyncio.run(_test_429_waits_for_retry_after_then_goes_on(sandbox))


async def _test_429_waits_for_retry_after_then_goes_on(sandbox: RunningSandbox) -> None:
    eval_set = load_set(SAMPLE)
    eval_set.queries = eval_set.queries[:2]
    transport = FirstAnswer429()
    async with _client(sandbox, transport=transport) as client:
        report = await EvaluationRunner(eval_set, [Side("A", client, Pacer())], concurrency=1).run()
    assert transport.sent == 3  # the 429, its retry, the second query
    assert report.requests == 2


class HugeRetryAfter(FirstAnswer429):
    """The sandbox's 429, with the `Retry-After` a hostile server may send."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        response.headers["retry-after"] = "9" * 20
        return response


def test_a_429_asking_to_wait_longer_than_a_minute_stops_the_run(
    sandbox: RunningSandbox,
) -> None:
    """It was waited for as given: 1e20 s, the command hanging with no end."""
    asyncio.run(_test_a_429_asking_to_wait_longer_than_a_minute_stops_the_run(sandbox))


async def _test_a_429_asking_to_wait_longer_than_a_minute_stops_the_run(
    sandbox: RunningSandbox,
) -> None:
    eval_set = load_set(SAMPLE)
    eval_set.queries = eval_set.queries[:1]
    transport = HugeRetryAfter()
    async with _client(sandbox, transport=transport) as client:
        runner = EvaluationRunner(eval_set, [Side("A", client, Pacer())], concurrency=1)
        with pytest.raises(RateLimited) as stopped:
            await asyncio.wait_for(runner.run(), WAIT_S)  # a bound, not a measure
    assert transport.sent == 1  # not tried again
    assert stopped.value.retry_after == float("9" * 20)


def test_small_batches_are_merged(sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    asyncio.run(_test_small_batches_are_merged(sandbox, monkeypatch))


async def _test_small_batches_are_merged(
    sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    eval_set = load_set(SAMPLE)
    async with _client(sandbox) as client:
        whole = await EvaluationRunner(eval_set, [Side("A", client)]).run()
        monkeypatch.setattr("workbench.core.evaluation.runner._batch_size", lambda _side: 7)
        split = await EvaluationRunner(eval_set, [Side("A", client)]).run()
    assert split.requests == 20 * 9  # 60 candidates in batches of 7
    # The sandbox's BM25 weighs terms within each request, so only coverage is compared.
    assert {q: set(s) for q, s in split.sides[0].scores.items()} == {
        q: set(s) for q, s in whole.sides[0].scores.items()
    }


def test_a_cancelled_run_resumes_where_it_stopped(sandbox: RunningSandbox) -> None:
    asyncio.run(_test_a_cancelled_run_resumes_where_it_stopped(sandbox))


async def _test_a_cancelled_run_resumes_where_it_stopped(sandbox: RunningSandbox) -> None:
    eval_set = load_set(SAMPLE)
    path = progress_path(eval_set.fingerprint)
    async with _client(sandbox) as client:
        store = ProgressStore(path)
        runner = EvaluationRunner(eval_set, [Side("A", client)], progress=store, concurrency=1)
        task = asyncio.ensure_future(runner.run())

        def stop_after_five(done: int, _total: int) -> None:
            if done == 5:
                task.cancel()

        runner.on_progress = stop_after_five
        with pytest.raises(asyncio.CancelledError):
            await task
        store.close()
        with path.open("a", encoding="utf-8") as handle:
            handle.write('{"side": "cut short')  # a kill -9 in the middle of a line
        store = ProgressStore(path)
        report = await EvaluationRunner(eval_set, [Side("A", client)], progress=store).run()
        store.close()
        fresh = await EvaluationRunner(eval_set, [Side("A", client)]).run()
    assert report.resumed == 5
    assert report.requests == 15
    assert report.sides[0].scores == fresh.sides[0].scores
    assert report.sides[0].means == fresh.sides[0].means


def test_v2_without_a_model_asks_info(sandbox: RunningSandbox) -> None:
    asyncio.run(_test_v2_without_a_model_asks_info(sandbox))


async def _test_v2_without_a_model_asks_info(sandbox: RunningSandbox) -> None:
    eval_set = load_set(SAMPLE)
    eval_set.queries = eval_set.queries[:1]
    async with _client(sandbox, model=None) as client:
        side = Side("A", client)
        await EvaluationRunner(eval_set, [side]).run()
    assert side.model


def test_progress_is_not_shared_by_deployments_a_header_routes_to(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    asyncio.run(_test_progress_is_not_shared_by_routed_deployments(sandbox, tmp_path))


async def _test_progress_is_not_shared_by_routed_deployments(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    # Azure routes one endpoint URL to its blue or green deployment by a header: the same URL,
    # flavour and model, yet other scores. Blue's saved rankings must not stand in for green's.
    eval_set = load_set(SAMPLE)
    eval_set.queries = eval_set.queries[:3]
    reports = []
    for deployment in ("blue", "green"):
        headers = {"azureml-model-deployment": deployment}
        async with _client(sandbox, extra_headers=headers) as client:
            store = ProgressStore(tmp_path / "progress.jsonl")
            reports.append(
                await EvaluationRunner(eval_set, [Side(deployment, client)], progress=store).run()
            )
            store.close()
    assert [(r.requests, r.resumed) for r in reports] == [(3, 0), (3, 0)]
    assert reports[0].sides[0].identity != reports[1].sides[0].identity
    assert "blue" not in reports[0].sides[0].identity  # header values stay out of reports


def test_starting_over_one_endpoint_keeps_the_others_progress(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    asyncio.run(_test_starting_over_one_endpoint_keeps_the_others_progress(sandbox, tmp_path))


async def _test_starting_over_one_endpoint_keeps_the_others_progress(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    # A start over dropped the whole set's progress: endpoint A's hours of rankings went with
    # the redeployed endpoint B's.
    eval_set = load_set(SAMPLE)
    eval_set.queries = eval_set.queries[:4]
    path = tmp_path / "progress.jsonl"

    async def run(*sides: Side) -> EvalReport:
        store = ProgressStore(path)
        try:
            return await EvaluationRunner(eval_set, list(sides), progress=store).run()
        finally:
            store.close()

    async with _client(sandbox) as a, _client(sandbox, flavour=Flavour.COHERE_V1) as b:
        await run(Side("A", a), Side("B", b))
        fresh_b = Side("B", b, fresh=True)
        redone = await run(Side("A", a), fresh_b)
        kept = await run(Side("A", a))
        again = await run(fresh_b)  # done once: the same side continues next time
    assert (redone.dropped, redone.requests, redone.resumed) == (4, 4, 4)
    assert (kept.dropped, kept.requests, kept.resumed) == (0, 0, 4)
    assert (again.dropped, again.requests, again.resumed) == (0, 0, 4)


def test_forgetting_an_endpoint_rewrites_the_file_with_the_others(tmp_path: Path) -> None:
    path = tmp_path / "progress.jsonl"
    store = ProgressStore(path)
    for side in ("a", "b"):
        for query in ("q1", "q2"):
            store.put(side, query, {"d1": 0.5})
    store.close()
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"side": "cut short')  # a kill -9 in the middle of a line
    assert store.forget({"b", "c"}) == 2
    assert store.forget({"b"}) == 0
    store.put("b", "q1", {"d1": 0.25})  # appended after the rewrite
    store.close()
    reread = ProgressStore(path)
    assert [reread.get("a", q) for q in ("q1", "q2")] == [{"d1": 0.5}, {"d1": 0.5}]
    assert (reread.get("b", "q1"), reread.get("b", "q2")) == ({"d1": 0.25}, None)
    assert not path.with_name(path.name + ".tmp").exists()
    assert reread.forget({"a", "b"}) == 3
    assert not path.exists()  # nothing left: no empty file
