"""Rerank checks: strings, objects with rank_fields, top_n, return_documents, scores, indices,
the probe sets, a 1,000-document request and the chunk rule."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from workbench.api.errors import RateLimited, StatusError
from workbench.api.models import Document, RerankRequest, RerankResponse
from workbench.api.text import Figure, Text
from workbench.core.qa.context import Fail, Skip, listed
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


async def _probe(ctx: QaContext, label: Text | str, **fields: Any) -> RerankResponse:
    await ctx.require("rerank")
    request = _request(ctx, ENGLISH.query, list(ENGLISH.documents), **fields)
    return await ctx.send.rerank(ctx.client, request, label)


def _has_route(ctx: QaContext) -> None:
    if not ctx.traits.rerank.supported:
        raise Skip(Text("the %1 flavour has no rerank route", ctx.traits.short_label))


# Indices go in as text, being identifiers the reports never grouped ("#1234"); scores as
# `Figure`s of three places, "0.995" in English and "0,995" in Italian. A count is the text's
# `count`: its noun then reads singular or plural ("1 result", "2 results").


def _score(score: float) -> Figure:
    return Figure(score, 3)


def _order(response: RerankResponse) -> Text | str:
    """The first five results, "#2 0.995, #0 0.412" ('' for none)."""
    hits = [Text("#%1 %2", str(h.index), _score(h.relevance_score)) for h in response.results[:5]]
    return functools.reduce(lambda done, hit: Text("%1, %2", done, hit), hits) if hits else ""


async def strings(ctx: QaContext) -> Text:
    """String documents are ranked: one result per document."""
    response = await _probe(ctx, Text("5 string documents"))
    got = len(response.results)
    if got != len(ENGLISH.documents):
        results = Text("%n result(s)", count=got)
        raise Fail(Text("%1 for %2", results, Text("%n document(s)", count=len(ENGLISH.documents))))
    return Text("%n result(s): %1", _order(response), count=got)


async def objects(ctx: QaContext) -> Text:
    """Object documents are ranked by the keys `rank_fields` names."""
    _has_route(ctx)
    rules = ctx.traits.rerank
    if not rules.objects:
        raise Skip(Text("the flavour takes string documents only"))
    await ctx.require("rerank")
    fields = {"rank_fields": ["title", "text"]} if rules.rank_fields else {}
    request = _request(ctx, ENGLISH.query, list(OBJECTS), **fields)
    label = Text("3 object documents, rank_fields")
    response = await ctx.send.rerank(ctx.client, request, label)
    _valid_indices(response, len(OBJECTS))
    order = _order(response)
    if response.results[0].index != OBJECTS_RELEVANT:
        relevant = str(OBJECTS_RELEVANT)
        raise Fail(Text("the password document (#%1) is not first: %2", relevant, order))
    how = (
        "rank_fields title,text" if rules.rank_fields else Text("rendered to text by the workbench")
    )
    return Text("objects ranked (%1); the relevant one first: %2", how, order)


async def top_n(ctx: QaContext) -> Text:
    """`top_n` limits the results."""
    response = await _probe(ctx, "top_n 2", top_n=2)
    if len(response.results) != 2:
        raise Fail(Text("top_n 2 gave %n result(s)", count=len(response.results)))
    return Text("top_n 2 gave exactly 2 results")


async def return_documents(ctx: QaContext) -> Text:
    """`return_documents` gives each result its document, as sent."""
    _has_route(ctx)
    if not ctx.traits.rerank.return_documents:
        raise Skip(Text("the flavour has no return_documents"))
    response = await _probe(ctx, "return_documents", return_documents=True)
    for hit in response.results:
        text = (hit.document or {}).get("text")
        if text != ENGLISH.documents[hit.index]:
            came = repr(hit.document)
            raise Fail(
                Text("result #%1 came back with %2, not the document sent", str(hit.index), came)
            )
    return Text("%n result(s), each carrying the document sent", count=len(response.results))


async def scores(ctx: QaContext) -> Text:
    """Scores lie within 0..1 and come sorted, highest first."""
    response = await _probe(ctx, Text("scores"))
    values = [h.relevance_score for h in response.results]
    outside = [v for v in values if not 0.0 <= v <= 1.0]
    if outside:
        raise Fail(Text("scores outside 0..1: %1", str(outside[:5])))
    if values != sorted(values, reverse=True):
        raise Fail(Text("scores are not sorted highest first: %1", str(values)))
    high, low = _score(values[0]), _score(values[-1])
    return Text("%n score(s) within 0..1, sorted: %1 … %2", high, low, count=len(values))


def _valid_indices(response: RerankResponse, count: int) -> None:
    indices = [h.index for h in response.results]
    bad = [i for i in indices if not 0 <= i < count]
    if bad:
        raise Fail(Text("indices outside 0..%1: %2", str(count - 1), str(bad[:5])))
    if len(set(indices)) != len(indices):
        twice = sorted({i for i in indices if indices.count(i) > 1})
        raise Fail(Text("indices repeated: %1", str(twice[:5])))
    if not indices:
        raise Fail(Text("the answer has no results"))


async def indices(ctx: QaContext) -> Text:
    """Indices point into the documents sent, each once."""
    response = await _probe(ctx, Text("indices"))
    _valid_indices(response, len(ENGLISH.documents))
    return Text("indices of %n result(s), all valid and unique", count=len(response.results))


async def probes(ctx: QaContext) -> Text:
    """An obviously relevant document comes first, in English and in Italian."""
    await ctx.require("rerank")
    said: list[Text | str] = []
    wrong: list[Text | str] = []
    for probe in PROBES:
        language = Text(probe.language)
        request = _request(ctx, probe.query, list(probe.documents))
        label = Text("probe set, %1", language)
        response = await ctx.send.rerank(ctx.client, request, label)
        _valid_indices(response, len(probe.documents))
        first = response.results[0]
        score = _score(first.relevance_score)
        line = Text("%1: #%2 first (%3)", language, str(first.index), score)
        if first.index == probe.relevant:
            said.append(line)
            continue
        document = probe.documents[probe.relevant][:60]
        wrong.append(Text("%1, expected #%2: %3…", line, str(probe.relevant), document))
    if wrong:
        raise Fail(Text("the relevant document is not first — %1", listed(wrong)))
    return Text("the relevant document ranks first — %1", listed(said))


async def thousand(ctx: QaContext) -> Text:
    """A 1,000-document request is answered, with the planted relevant document first."""
    await ctx.require("rerank")
    docs, planted = thousand_documents()
    request = _request(ctx, ENGLISH.query, list(docs), top_n=10)
    response = await ctx.send.rerank(ctx.client, request, Text("%1 documents, top_n %2", 1000, 10))
    _valid_indices(response, len(docs))
    order = _order(response)
    if response.results[0].index != planted:
        raise Fail(Text("the planted document #%1 is not first: %2", str(planted), order))
    return Text("%1 documents ranked; the planted #%2 first (%3)", 1000, str(planted), order)


async def chunk_rule(ctx: QaContext) -> Text:
    """Where documents are chunked, documents x max_chunks_per_doc at the budget is refused."""
    _has_route(ctx)
    rules = ctx.traits.rerank
    if rules.chunk_budget is None:
        raise Skip(
            Text("the flavour truncates long documents instead of chunking them: no chunk rule")
        )
    await ctx.require("rerank")
    budget = rules.chunk_budget or 0
    docs, _planted = thousand_documents()
    chunks = budget // len(docs)
    request = RerankRequest(query=ENGLISH.query, documents=list(docs), max_chunks_per_doc=chunks)
    label = Text("%1 documents x %n chunk(s) = %2 (at the budget)", 1000, budget, count=chunks)
    try:
        await ctx.send.rerank(ctx.client, request, label)
    except RateLimited:
        raise
    except StatusError as exc:
        if exc.status is not None and 400 <= exc.status < 500 and exc.server_message:
            said = exc.server_message[:160]
            return Text("%1 was refused with HTTP %2: %3", label, str(exc.status), said)
        unclear = Text("%1 was refused without a clear 4xx message: %2", label, str(exc))
        raise Fail(unclear, error=exc) from None
    raise Fail(Text("%1 was accepted; the rule says the product must stay below %2", label, budget))
