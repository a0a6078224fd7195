"""relevant_spans and priority through the client to the sandbox and back (Cohere v2)."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

from workbench.api import Flavour, RerankRequest, WorkbenchClient
from workbench.api.flavours import codec_for
from workbench.api.models import RelevantSpansOption, RerankHit

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Connection

DOCS = ["Bananas are yellow. Penguins live in Antarctica.", "Paris is in France."]


def test_v2_body_carries_relevant_spans_and_priority() -> None:
    request = RerankRequest(
        query="penguins",
        documents=DOCS,
        relevant_spans=RelevantSpansOption(threshold=0.2, max_spans=3),
        priority=2,
    )
    body = codec_for(Flavour.COHERE_V2).rerank_body(request, "rerank-v5.0-pro")
    assert body["relevant_spans"] == {"mode": "enabled", "threshold": 0.2, "max_spans": 3}
    assert body["priority"] == 2
    plain = codec_for(Flavour.COHERE_V2).rerank_body(request.model_copy(
        update={"relevant_spans": None, "priority": None}), "m")  # fmt: skip
    assert "relevant_spans" not in plain
    assert "priority" not in plain


def test_spans_come_back_as_typed_hits(connection: Callable[..., Connection]) -> None:
    request = RerankRequest(
        query="where do penguins live",
        documents=DOCS,
        model="rerank-v5.0-fast",
        relevant_spans=RelevantSpansOption(max_spans=1),
    )

    async def go() -> list[RerankHit]:
        async with WorkbenchClient(connection(Flavour.COHERE_V2)) as client:
            return (await client.rerank(request)).results

    hits = asyncio.run(go())
    assert hits[0].index == 0
    (span,) = hits[0].relevant_spans
    assert DOCS[0][span.start : span.end] == "Penguins live in Antarctica."
    assert hits[1].relevant_spans == []


def test_malformed_spans_are_dropped_not_fatal() -> None:
    raw = {"index": 0, "relevance_score": 0.5, "relevant_spans": [{"start": "x"}, {"start": 1,
           "end": 4, "score": 0.3}, 7]}  # fmt: skip
    hit = RerankHit.model_validate(raw)
    assert [(s.start, s.end) for s in hit.relevant_spans] == [(1, 4)]
    assert json.loads(hit.model_dump_json())["relevant_spans"][0]["score"] == 0.3
