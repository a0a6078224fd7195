"""Rerank checks: strings, objects with rank_fields, top_n, return_documents, scores, indices,
the probe sets, a 1,000-document request and the chunk rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.api.errors import RateLimited, StatusError
from workbench.api.models import Document, RerankRequest, RerankResponse
from workbench.core.qa.context import Fail, Skip
from workbench.core.qa.probes import ENGLISH, OBJECTS, OBJECTS_RELEVANT, PROBES, thousand_documents

if TYPE_CHECKING:
    from workbench.core.qa.context import QaContext


def _request(ctx: QaContext, query: str, documents: list[Document], **fields: Any) -> RerankRequest:
    rules = ctx.traits.rerank
    if rules.chunk_budget and rules.length_parameter == "max_chunks_per_doc":
        default = rules.default_chunks_per_doc or 1
        fields.setdefault(
            "max_chunks_per_doc", min(default, (rules.chunk_budget - 1) // len(documents))
        )
    return RerankRequest(query=query, documents=documents, **fields)


async def _probe(ctx: QaContext, label: str, **fields: Any) -> RerankResponse:
    await ctx.require("rerank")
    request = _request(ctx, ENGLISH.query, list(ENGLISH.documents), **fields)
    return await ctx.send.rerank(ctx.client, request, label)


def _has_route(ctx: QaContext) -> None:
    if not ctx.traits.rerank.supported:
        raise Skip(f"the {ctx.traits.short_label} flavour has no rerank route")


def _order(response: RerankResponse) -> str:
    return ", ".join(f"#{h.index} {h.relevance_score:.3f}" for h in response.results[:5])


async def strings(ctx: QaContext) -> str:
    """String documents are ranked: one result per document."""
    response = await _probe(ctx, "5 string documents")
    if len(response.results) != len(ENGLISH.documents):
        raise Fail(f"{len(response.results)} results for {len(ENGLISH.documents)} documents")
    return f"{len(response.results)} results: {_order(response)}"


async def objects(ctx: QaContext) -> str:
    """Object documents are ranked by the keys `rank_fields` names."""
    _has_route(ctx)
    rules = ctx.traits.rerank
    if not rules.objects:
        raise Skip("the flavour takes string documents only")
    await ctx.require("rerank")
    fields = {"rank_fields": ["title", "text"]} if rules.rank_fields else {}
    request = _request(ctx, ENGLISH.query, list(OBJECTS), **fields)
    response = await ctx.send.rerank(ctx.client, request, "3 object documents, rank_fields")
    _valid_indices(response, len(OBJECTS))
    if response.results[0].index != OBJECTS_RELEVANT:
        raise Fail(f"the password document (#{OBJECTS_RELEVANT}) is not first: {_order(response)}")
    how = "rank_fields title,text" if rules.rank_fields else "rendered to text by the workbench"
    return f"objects ranked ({how}); the relevant one first: {_order(response)}"


async def top_n(ctx: QaContext) -> str:
    """`top_n` limits the results."""
    response = await _probe(ctx, "top_n 2", top_n=2)
    if len(response.results) != 2:
        raise Fail(f"top_n 2 gave {len(response.results)} results")
    return "top_n 2 gave exactly 2 results"


async def return_documents(ctx: QaContext) -> str:
    """`return_documents` gives each result its document, as sent."""
    _has_route(ctx)
    if not ctx.traits.rerank.return_documents:
        raise Skip("the flavour has no return_documents")
    response = await _probe(ctx, "return_documents", return_documents=True)
    for hit in response.results:
        text = (hit.document or {}).get("text")
        if text != ENGLISH.documents[hit.index]:
            raise Fail(
                f"result #{hit.index} came back with {hit.document!r}, not the document sent"
            )
    return f"all {len(response.results)} results carry the document sent"


async def scores(ctx: QaContext) -> str:
    """Scores lie within 0..1 and come sorted, highest first."""
    response = await _probe(ctx, "scores")
    values = [h.relevance_score for h in response.results]
    outside = [v for v in values if not 0.0 <= v <= 1.0]
    if outside:
        raise Fail(f"scores outside 0..1: {outside[:5]}")
    if values != sorted(values, reverse=True):
        raise Fail(f"scores are not sorted highest first: {values}")
    return f"{len(values)} scores within 0..1, sorted: {values[0]:.3f} … {values[-1]:.3f}"


def _valid_indices(response: RerankResponse, count: int) -> None:
    indices = [h.index for h in response.results]
    bad = [i for i in indices if not 0 <= i < count]
    if bad:
        raise Fail(f"indices outside 0..{count - 1}: {bad[:5]}")
    if len(set(indices)) != len(indices):
        twice = sorted({i for i in indices if indices.count(i) > 1})
        raise Fail(f"indices repeated: {twice[:5]}")
    if not indices:
        raise Fail("the answer has no results")


async def indices(ctx: QaContext) -> str:
    """Indices point into the documents sent, each once."""
    response = await _probe(ctx, "indices")
    _valid_indices(response, len(ENGLISH.documents))
    return f"{len(response.results)} indices, all valid and unique"


async def probes(ctx: QaContext) -> str:
    """An obviously relevant document comes first, in English and in Italian."""
    await ctx.require("rerank")
    said: list[str] = []
    wrong: list[str] = []
    for probe in PROBES:
        request = _request(ctx, probe.query, list(probe.documents))
        response = await ctx.send.rerank(ctx.client, request, f"probe set, {probe.language}")
        _valid_indices(response, len(probe.documents))
        first = response.results[0]
        line = f"{probe.language}: #{first.index} first ({first.relevance_score:.3f})"
        (said if first.index == probe.relevant else wrong).append(line)
        if first.index != probe.relevant:
            wrong[-1] += f", expected #{probe.relevant}: {probe.documents[probe.relevant][:60]}…"
    if wrong:
        raise Fail("the relevant document is not first — " + "; ".join(wrong))
    return "the relevant document ranks first — " + "; ".join(said)


async def thousand(ctx: QaContext) -> str:
    """A 1,000-document request is answered, with the planted relevant document first."""
    await ctx.require("rerank")
    docs, planted = thousand_documents()
    request = _request(ctx, ENGLISH.query, list(docs), top_n=10)
    response = await ctx.send.rerank(ctx.client, request, "1,000 documents, top_n 10")
    _valid_indices(response, len(docs))
    if response.results[0].index != planted:
        raise Fail(f"the planted document #{planted} is not first: {_order(response)}")
    return f"1,000 documents ranked; the planted #{planted} first ({_order(response)})"


async def chunk_rule(ctx: QaContext) -> str:
    """Where documents are chunked, documents x max_chunks_per_doc at the budget is refused."""
    _has_route(ctx)
    rules = ctx.traits.rerank
    if rules.chunk_budget is None:
        raise Skip("the flavour truncates long documents instead of chunking them: no chunk rule")
    await ctx.require("rerank")
    budget = rules.chunk_budget or 0
    docs, _planted = thousand_documents()
    chunks = budget // len(docs)
    request = RerankRequest(query=ENGLISH.query, documents=list(docs), max_chunks_per_doc=chunks)
    label = f"1,000 documents x {chunks} chunks = {budget:,} (at the budget)"
    try:
        await ctx.send.rerank(ctx.client, request, label)
    except RateLimited:
        raise
    except StatusError as exc:
        if exc.status is not None and 400 <= exc.status < 500 and exc.server_message:
            return f"{label} was refused with HTTP {exc.status}: {exc.server_message[:160]}"
        raise Fail(f"{label} was refused without a clear 4xx message: {exc}") from None
    raise Fail(f"{label} was accepted; the rule says the product must stay below {budget:,}")
