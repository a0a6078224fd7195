"""Cohere v1 and v2 rerank: validate the request, rank with BM25, build the response body."""

from __future__ import annotations

import math
import re
import uuid
from typing import Any

from workbench.sandbox import validate as v
from workbench.sandbox.ranking import rank_chunked, rank_truncated
from workbench.sandbox.spans import relevant_spans, span_options
from workbench.sandbox.text import words

MAX_QUERY_TOKENS = 2048
"""Rerank 3 and 3.5 (and any model the sandbox does not know)."""
LONG_QUERY_TOKENS = 4096
"""Rerank 4 and 5 (32k context); the client's table in workbench/core/rerank_models.py cites why."""
_NEW_FAMILY = re.compile(r"rerank\D*?v([4-9]|\d{2,})", re.IGNORECASE)
MAX_CHUNK_PRODUCT = 10_000
RECOMMENDED_MAX_DOCUMENTS = 1000


def query_limit(model: object) -> int:
    """The query limit of the model a request names (`rerank-v4.0-pro`: 4,096)."""
    newer = isinstance(model, str) and _NEW_FAMILY.search(model)
    return LONG_QUERY_TOKENS if newer else MAX_QUERY_TOKENS


def _query(body: dict[str, Any]) -> str:
    query = v.string(body, "query", need=True)
    assert query is not None  # need=True raises instead
    limit = query_limit(body.get("model"))
    if len(words(query)) > limit:
        raise v.bad("query", f"is too long: {len(words(query))} tokens, at most {limit}")
    return query


def _documents(body: dict[str, Any]) -> list[Any]:
    documents = v.array(body, "documents", need=True)
    if not documents:
        raise v.bad("documents", "must not be empty")
    return documents


def _top_n(body: dict[str, Any], count: int) -> int:
    top_n = v.integer(body, "top_n", low=1)
    return count if top_n is None else min(top_n, count)


def _object_text(doc: dict[str, Any], index: int, rank_fields: list[str]) -> str:
    for key, value in doc.items():
        if not isinstance(value, str):
            raise v.bad(f"documents[{index}].{key}", "must be a string (stringify other values)")
    present = [doc[f] for f in rank_fields if f in doc]
    if not present:
        names = ", ".join(rank_fields)
        raise v.bad(f"documents[{index}]", f"has none of the rank fields ({names})")
    return "\n".join(present)


def _meta(version: str, count: int, warnings: list[str]) -> dict[str, Any]:
    return {
        "api_version": {"version": version},
        "billed_units": {"search_units": math.ceil(count / 100)},
        "warnings": warnings,
    }


def _warnings(count: int) -> list[str]:
    if count > RECOMMENDED_MAX_DOCUMENTS:
        return [
            f"{count} documents sent; at most {RECOMMENDED_MAX_DOCUMENTS} per request "
            "are recommended for good latency"
        ]
    return []


def _results(scores: list[float], top_n: int) -> list[dict[str, Any]]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:top_n]
    return [{"index": i, "relevance_score": round(scores[i], 8)} for i in order]


def rerank_v1(body: dict[str, Any]) -> dict[str, Any]:
    """Answer `POST /v1/rerank`: strings or objects, `rank_fields`, chunking, `return_documents`."""
    v.string(body, "model")
    query = _query(body)
    documents = _documents(body)
    rank_fields = v.string_list(body, "rank_fields") or ["text"]
    max_chunks = v.integer(body, "max_chunks_per_doc", low=1) or 10
    if len(documents) * max_chunks >= MAX_CHUNK_PRODUCT:
        raise v.bad(
            "documents",
            f"times max_chunks_per_doc must be below {MAX_CHUNK_PRODUCT}: "
            f"{len(documents)} documents x {max_chunks} chunks",
        )
    texts: list[str] = []
    for i, doc in enumerate(documents):
        if isinstance(doc, str):
            texts.append(doc)
        elif isinstance(doc, dict):
            texts.append(_object_text(doc, i, rank_fields))
        else:
            raise v.bad(f"documents[{i}]", "must be a string or an object of strings")
    top_n = _top_n(body, len(documents))
    return_documents = v.boolean(body, "return_documents")
    results = _results(rank_chunked(query, texts, max_chunks), top_n)
    if return_documents:
        for hit in results:
            doc = documents[hit["index"]]
            hit["document"] = {"text": doc} if isinstance(doc, str) else dict(doc)
    return {
        "id": str(uuid.uuid4()),
        "results": results,
        "meta": _meta("1", len(documents), _warnings(len(documents))),
    }


def rerank_v2(body: dict[str, Any]) -> dict[str, Any]:
    """Answer `POST /v2/rerank`: string documents only, truncated to `max_tokens_per_doc`."""
    v.string(body, "model", need=True)
    query = _query(body)
    documents = _documents(body)
    for i, doc in enumerate(documents):
        if not isinstance(doc, str):
            raise v.bad(
                f"documents[{i}]", "must be a string (v2 takes text only; render objects as text)"
            )
    max_tokens = v.integer(body, "max_tokens_per_doc", low=1) or 4096
    v.integer(body, "priority", low=0)
    spans = span_options(body)
    top_n = _top_n(body, len(documents))
    results = _results(rank_truncated(query, documents, max_tokens), top_n)
    if spans is not None:
        for result in results:
            found = relevant_spans(query, documents[result["index"]], *spans)
            if found:  # the API leaves the field out when a document has no span
                result["relevant_spans"] = found
    return {
        "id": str(uuid.uuid4()),
        "results": results,
        "meta": _meta("2", len(documents), _warnings(len(documents))),
    }
