"""The latency check: time to first token and total time over paced requests, p50 and p95."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from workbench.api.models import ChatRequest, GenerationParams, RerankRequest
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


async def _chat_sample(ctx: QaContext, i: int, n: int) -> tuple[LatencySample, str]:
    request = ChatRequest(
        message=f"Name one river in Europe ({i + 1}).",
        params=GenerationParams(max_tokens=24, temperature=0.0),
    )
    run = await ctx.send.stream(ctx.client, request, f"request {i + 1} of {n}, streamed")
    ttft = run.ttft_s()
    ok = run.error is None and run.snapshot.done and not run.snapshot.error
    sample = LatencySample(None if ttft is None else ttft * 1000, run.elapsed_s() * 1000, ok)
    return sample, "" if ok else str(run.error or run.snapshot.error or "no final event")


async def _rerank_sample(ctx: QaContext, i: int, n: int) -> tuple[LatencySample, str]:
    request = RerankRequest(query=ENGLISH.query, documents=list(ENGLISH.documents))
    started = time.perf_counter()
    await ctx.send.rerank(ctx.client, request, f"request {i + 1} of {n}")
    return LatencySample(None, (time.perf_counter() - started) * 1000, True), ""


async def latency(ctx: QaContext) -> str:
    """Paced requests within the quota; p50/p95 of time to first token and total, in budget."""
    n = ctx.options.requests
    if n < 1:
        raise Skip("the run asks for no latency requests")
    chat = await ctx.serves("chat")
    if not chat and not await ctx.serves("rerank"):
        raise Skip("the deployment serves neither chat nor rerank")
    take = _chat_sample if chat else _rerank_sample
    samples, failures = [], []
    for i in range(n):
        sample, why = await take(ctx, i, n)
        samples.append(sample)
        if why:
            failures.append(f"request {i + 1}: {why}")
    ctx.report.latency = summary = summarise(samples)
    figures = _figures(summary)
    if failures:
        raise Fail(f"{len(failures)} of {n} requests failed ({failures[0]}); {figures}")
    over = _over_budget(ctx, summary)
    if over:
        raise Fail(f"{over}; {figures}")
    return f"{n} requests: {figures}"


def _figures(s: LatencySummary) -> str:
    def ms(v: float | None) -> str:
        return "n/a" if v is None else f"{v:,.0f} ms"

    ttft = f"first token p50 {ms(s.ttft_p50)}, p95 {ms(s.ttft_p95)}; "
    return (ttft if s.ttft_p50 is not None else "") + (
        f"total p50 {ms(s.total_p50)}, p95 {ms(s.total_p95)}"
    )


def _over_budget(ctx: QaContext, s: LatencySummary) -> str:
    o = ctx.options
    if s.ttft_p95 is not None and s.ttft_p95 > o.ttft_budget_ms:
        return f"time to first token p95 {s.ttft_p95:,.0f} ms is over the {o.ttft_budget_ms:,.0f} ms budget"
    if s.total_p95 is not None and s.total_p95 > o.total_budget_ms:
        return (
            f"total time p95 {s.total_p95:,.0f} ms is over the {o.total_budget_ms:,.0f} ms budget"
        )
    return ""
