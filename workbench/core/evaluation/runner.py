"""Run a labelled set against one or two endpoints: paced, retried within quota, resumable.

Each query's candidates go to each endpoint through the api client (in batches where the
flavour's traits or the model's advice say so); every request is a run in the run record because
the client reports it to its recorder. A 429 or 503 waits as long as `Retry-After` says (stamina
retries with backoff where it says nothing), and a 429 holds back every request to that endpoint
meanwhile. Scores are saved query by query (`progress`), so a run that was cancelled or killed
continues where it stopped.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import stamina

from workbench.api import flavour_traits
from workbench.api.errors import RateLimited, ServerError, WorkbenchError
from workbench.api.models import RerankRequest
from workbench.api.redact import is_secret_header
from workbench.core.evaluation.metrics import QueryScores, means, score_query
from workbench.core.evaluation.stats import Comparison, compare
from workbench.core.rerank_compare import batch_size, merge_batches, split_batches
from workbench.core.rerank_models import limits_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.client import WorkbenchClient
    from workbench.api.models import RerankResponse
    from workbench.core.evaluation.progress import ProgressStore
    from workbench.core.evaluation.sets import EvalQuery, EvalSet

RETRIED_STATUSES = frozenset({502, 503, 504})
ATTEMPTS = 8
WAIT_MAX_S = 60.0
"""The longest wait between tries; a 429 asking for longer (a server's `Retry-After` may say
anything) ends the run at once, with the server's figure in the error."""


class Pacer:
    """Spaces one endpoint's requests to a requests-per-minute figure and holds them after a 429."""

    def __init__(self, rpm: float | None = None) -> None:
        self._interval = 60.0 / rpm if rpm else 0.0
        self._next = 0.0
        self._hold_until = 0.0
        self._lock = asyncio.Lock()

    def hold(self, seconds: float) -> None:
        """Send nothing to this endpoint for `seconds` (a 429's Retry-After)."""
        self._hold_until = max(self._hold_until, time.monotonic() + seconds)

    async def wait(self) -> None:
        """Wait for this request's turn."""
        async with self._lock:
            now = time.monotonic()
            start = max(now, self._next, self._hold_until)
            self._next = start + self._interval
        if start > now:
            await asyncio.sleep(start - now)


@dataclass
class Side:
    """One endpoint under evaluation."""

    label: str
    """For people: the endpoint's name or URL."""
    client: WorkbenchClient
    pacer: Pacer = field(default_factory=Pacer)
    model: str | None = None
    """The model sent; asked of `GET /info` when the flavour needs one and none is set."""
    fresh: bool = False
    """Start over: drop this endpoint's saved scores of the set before ranking (the pane's Start
    over, `workbench eval --restart`); the other endpoints' stay. Done once: a second `run()`
    continues."""

    @property
    def identity(self) -> str:
        """What makes two runs' scores the same: URL, flavour, model and the headers sent
        (a digest of them: one URL may route to several deployments by a header; never a key)."""
        c = self.client.connection
        identity = f"{self.client.base_url}|{c.flavour.value}|{self.model or c.model or ''}"
        headers = sorted(
            (k.strip().lower(), v) for k, v in c.extra_headers.items() if not is_secret_header(k)
        )
        if not headers:
            return identity  # as before headers counted: saved progress stays usable
        digest = hashlib.sha256(json.dumps(headers).encode()).hexdigest()[:12]
        return f"{identity}|headers={digest}"


@dataclass
class SideResult:
    """One endpoint's figures."""

    label: str
    identity: str
    per_query: list[QueryScores]
    scores: dict[str, dict[str, float]]
    """Query id → document id → the score the endpoint gave."""

    @property
    def means(self) -> dict[str, float]:
        """Every metric's mean over the queries."""
        return means(self.per_query)


@dataclass
class EvalReport:
    """What an evaluation found."""

    set_name: str
    k: int
    sides: list[SideResult]
    comparison: Comparison | None
    resumed: int = 0
    """(endpoint, query) pairs taken from saved progress instead of asked again."""
    dropped: int = 0
    """Saved (endpoint, query) pairs dropped first: the endpoints started over (`Side.fresh`)."""
    requests: int = 0
    """Requests answered in this run (retries not counted)."""
    query_texts: dict[str, str] = field(default_factory=dict)
    """Query id → its text, for tables and the playground."""


@dataclass
class EvaluationRunner:
    """Runs one set against one or two endpoints; `run()` may be cancelled and run again."""

    eval_set: EvalSet
    sides: list[Side]
    k: int = 10
    progress: ProgressStore | None = None
    concurrency: int = 4
    on_progress: Callable[[int, int], None] | None = None
    """Called with (done, total) (endpoint, query) pairs after each one."""
    failed: int | None = field(default=None, init=False)
    """After `run()` raised: the index in `sides` of the endpoint whose request failed."""
    _done: int = 0
    _resumed: int = 0
    _requests: int = 0
    _dropped: int = 0

    def failed_side(self) -> tuple[str, str] | None:
        """After `run()` raised, when two endpoints are compared: which failed, as its letter
        and label (`("B", "Staging")`); the error alone does not say. None otherwise."""
        if self.failed is None or len(self.sides) < 2:
            return None
        return "AB"[self.failed], self.sides[self.failed].label

    async def run(self) -> EvalReport:
        """Rerank every query's candidates on every endpoint and score them.

        Raises:
            WorkbenchError: a request failed for good (what was done is kept in `progress`).
        """
        self._done = self._resumed = self._requests = self._dropped = 0
        self.failed = None
        for index, side in enumerate(self.sides):
            try:
                await self._settle_model(side)
            except WorkbenchError:
                self.failed = index
                raise
        await self._start_over()
        results: dict[tuple[int, str], dict[str, float]] = {}
        gate = asyncio.Semaphore(max(1, self.concurrency))
        jobs = [
            asyncio.ensure_future(self._job(gate, i, side, query, results))
            for query in self.eval_set.queries
            for i, side in enumerate(self.sides)
        ]
        try:
            await asyncio.gather(*jobs)
        finally:
            for job in jobs:
                job.cancel()
            await asyncio.gather(*jobs, return_exceptions=True)
        return self._report(results)

    def _total(self) -> int:
        return len(self.eval_set.queries) * len(self.sides)

    async def _settle_model(self, side: Side) -> None:
        rules = flavour_traits(side.client.connection.flavour).rerank
        side.model = side.model or side.client.connection.model
        if rules.model_required and not side.model:
            # A serverless deployment serves one model and names it at /info.
            side.model = (await side.client.info()).model_name or "default"

    async def _start_over(self) -> None:
        """Drop the saved scores of the endpoints started over, once their identities are known
        (the model may come from `/info`); nothing is dropped when an endpoint failed before."""
        fresh = {side.identity for side in self.sides if side.fresh}
        if fresh and self.progress is not None:
            self._dropped = await asyncio.to_thread(self.progress.forget, fresh)
        for side in self.sides:
            side.fresh = False  # a second run() continues from what this one saves

    async def _job(
        self,
        gate: asyncio.Semaphore,
        index: int,
        side: Side,
        query: EvalQuery,
        results: dict[tuple[int, str], dict[str, float]],
    ) -> None:
        saved = self.progress.get(side.identity, query.id) if self.progress else None
        if saved is None:
            try:
                async with gate:
                    saved = await self._rank(side, query)
            except WorkbenchError:
                # The first failure is the one gather raises; the others are cancelled after it.
                if self.failed is None:
                    self.failed = index
                raise
            if self.progress is not None:
                self.progress.put(side.identity, query.id, saved)
        else:
            self._resumed += 1
        results[(index, query.id)] = saved
        self._done += 1
        if self.on_progress is not None:
            self.on_progress(self._done, self._total())

    async def _rank(self, side: Side, query: EvalQuery) -> dict[str, float]:
        documents = [self.eval_set.documents[d].rerank_text() for d in query.candidates]
        request = RerankRequest(query=query.text, documents=documents, model=side.model)
        size = _batch_size(side)
        parts = []
        for span in split_batches(len(documents), size):
            part = request.model_copy(update={"documents": documents[span.start : span.stop]})
            parts.append((span, await self._send(side, part)))
        response = parts[0][1] if len(parts) == 1 else merge_batches(parts, None)
        return {
            query.candidates[hit.index]: hit.relevance_score
            for hit in response.results
            if 0 <= hit.index < len(query.candidates)
        }

    async def _send(self, side: Side, request: RerankRequest) -> RerankResponse:
        def backoff(error: Exception) -> bool | float:
            if isinstance(error, RateLimited):
                wait = error.retry_after if error.retry_after is not None else 1.0
                if wait > WAIT_MAX_S:
                    return False  # stop now and say so: a rerun continues from what was saved
                side.pacer.hold(wait)
                return wait
            return isinstance(error, ServerError) and error.status in RETRIED_STATUSES

        async for attempt in stamina.retry_context(
            on=backoff, attempts=ATTEMPTS, timeout=None, wait_max=WAIT_MAX_S
        ):
            with attempt:
                await side.pacer.wait()
                response = await side.client.rerank(request)
        self._requests += 1
        return response

    def _report(self, results: dict[tuple[int, str], dict[str, float]]) -> EvalReport:
        qrels = self.eval_set.qrels
        sides = []
        for i, side in enumerate(self.sides):
            scores = {q.id: results[(i, q.id)] for q in self.eval_set.queries}
            per_query = [score_query(q, s, qrels[q], self.k) for q, s in scores.items()]
            sides.append(SideResult(side.label, side.identity, per_query, scores))
        comparison = compare(sides[0].per_query, sides[1].per_query) if len(sides) == 2 else None
        texts = {q.id: q.text for q in self.eval_set.queries}
        return EvalReport(
            self.eval_set.name,
            self.k,
            sides,
            comparison,
            resumed=self._resumed,
            dropped=self._dropped,
            requests=self._requests,
            query_texts=texts,
        )


def _batch_size(side: Side) -> int:
    """Documents per request: the model's advice, and where the flavour chunks, its budget."""
    rules = flavour_traits(side.client.connection.flavour).rerank
    recommended = limits_for(side.model).recommended_documents
    if rules.chunk_budget is None:
        return recommended
    return batch_size(
        None,
        recommended,
        budget=rules.chunk_budget,
        default_chunks=rules.default_chunks_per_doc or 1,
    )
