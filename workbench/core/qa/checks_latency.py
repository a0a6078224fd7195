"""The latency check: time to first token and total time over paced requests, p50 and p95."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, TypeAlias

from workbench.api.errors import WorkbenchError
from workbench.api.models import ChatRequest, GenerationParams, RerankRequest
from workbench.api.text import Figure, Text
from workbench.core.qa.context import Fail, Skip
from workbench.core.qa.model import LatencySample, LatencySummary
from workbench.core.qa.probes import ENGLISH

if TYPE_CHECKING:
    from workbench.core.qa.context import QaContext


def percentile(values: list[float], p: float) -> float | None:
    """The nearest-rank percentile `p` (0..100) of `values`; None for none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def summarise(samples: list[LatencySample]) -> LatencySummary:
    """p50 and p95 of the successful samples."""
    ok = [s for s in samples if s.ok]
    ttfts = [s.ttft_ms for s in ok if s.ttft_ms is not None]
    totals = [s.total_ms for s in ok]
    return LatencySummary(
        samples=samples,
        ttft_p50=percentile(ttfts, 50),
        ttft_p95=percentile(ttfts, 95),
        total_p50=percentile(totals, 50),
        total_p95=percentile(totals, 95),
    )


Why: TypeAlias = "Text | str | WorkbenchError | None"
"""Why a sample failed: in words, as the stream reported it, or the request's failure (None:
it did not)."""


async def _chat_sample(ctx: QaContext, i: int, n: int) -> tuple[LatencySample, Why]:
    request = ChatRequest(
        message=f"Name one river in Europe ({i + 1}).",
        params=GenerationParams(max_tokens=24, temperature=0.0),
    )
    label = Text("request %1 of %2, streamed", Figure(i + 1), Figure(n))
    run = await ctx.send.stream(ctx.client, request, label)
    ttft = run.ttft_s()
    ok = run.error is None and run.snapshot.done and not run.snapshot.error
    sample = LatencySample(None if ttft is None else ttft * 1000, run.elapsed_s() * 1000, ok)
    if ok:
        return sample, None
    return sample, run.error or run.snapshot.error or Text("no final event")


async def _rerank_sample(ctx: QaContext, i: int, n: int) -> tuple[LatencySample, Why]:
    request = RerankRequest(query=ENGLISH.query, documents=list(ENGLISH.documents))
    started = time.perf_counter()
    label = Text("request %1 of %2", Figure(i + 1), Figure(n))
    await ctx.send.rerank(ctx.client, request, label)
    return LatencySample(None, (time.perf_counter() - started) * 1000, True), None


async def latency(ctx: QaContext) -> Text:
    """Paced requests within the quota; p50/p95 of time to first token and total, in budget."""
    n = ctx.options.requests
    if n < 1:
        raise Skip(Text("the run asks for no latency requests"))
    chat = await ctx.serves("chat")
    if not chat and not await ctx.serves("rerank"):
        raise Skip(Text("the deployment serves neither chat nor rerank"))
    take = _chat_sample if chat else _rerank_sample
    samples: list[LatencySample] = []
    failures: list[tuple[int, Text | str | WorkbenchError]] = []
    for i in range(n):
        sample, why = await take(ctx, i, n)
        samples.append(sample)
        if why:
            failures.append((i + 1, why))
    ctx.report.latency = summary = summarise(samples)
    figures = _figures(summary)
    if failures:
        at, why = failures[0]
        error = why if isinstance(why, WorkbenchError) else None
        said = str(why) if isinstance(why, WorkbenchError) else why
        first = Text("request %1: %2", Figure(at), said)
        count = Figure(len(failures))
        failed = Text("%1 of %n request(s) failed (%2); %3", count, first, figures, count=n)
        raise Fail(failed, error=error)
    over = _over_budget(ctx, summary)
    if over is not None:
        raise Fail(Text("%1; %2", over, figures))
    return Text("%n request(s): %1", figures, count=n)


def _ms(v: float | None) -> Text:
    return Text("n/a") if v is None else Text("%1 ms", v, decimals=0)


def _figures(s: LatencySummary) -> Text:
    total = Text("total p50 %1, p95 %2", _ms(s.total_p50), _ms(s.total_p95))
    if s.ttft_p50 is None:
        return total
    return Text("first token p50 %1, p95 %2; %3", _ms(s.ttft_p50), _ms(s.ttft_p95), total)


def _over_budget(ctx: QaContext, s: LatencySummary) -> Text | None:
    o = ctx.options
    if s.ttft_p95 is not None and s.ttft_p95 > o.ttft_budget_ms:
        return Text(
            "time to first token p95 %1 ms is over the %2 ms budget",
            s.ttft_p95,
            o.ttft_budget_ms,
            decimals=0,
        )
    if s.total_p95 is not None and s.total_p95 > o.total_budget_ms:
        return Text(
            "total time p95 %1 ms is over the %2 ms budget",
            s.total_p95,
            o.total_budget_ms,
            decimals=0,
        )
    return None
