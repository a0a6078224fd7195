"""Command-line output: JSON objects for scripts and plain text for people."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from workbench.api import ChatSnapshot, RerankResponse, Usage

_PREVIEW = 100


def rerank_json(response: RerankResponse) -> dict[str, Any]:
    """The rerank object printed by `--json`."""
    return {
        "results": [
            {"index": h.index, "relevance_score": h.relevance_score, "document": h.document}
            for h in response.results
        ],
        "id": response.id,
        "billed_units": response.billed_units,
        "latency_ms": round(response.latency_ms, 1),
    }


def _usage(usage: Usage | None) -> dict[str, float | None]:
    if usage is None:
        return {"input_tokens": None, "output_tokens": None}
    return {"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens}


def chat_json(snap: ChatSnapshot, ttft_ms: float | None, total_ms: float) -> dict[str, Any]:
    """The chat object printed by `--json` (`events` is 0 without `--stream`)."""
    return {
        "text": snap.text,
        "finish_reason": snap.finish_reason,
        "citations": [
            {"start": c.start, "end": c.end, "text": c.text, "document_ids": c.document_ids}
            for c in snap.citations
        ],
        "tool_calls": [
            {"id": c.id, "name": c.name, "parameters": c.parameters()} for c in snap.tool_calls
        ],
        "search_queries": list(snap.search_queries),
        "usage": _usage(snap.usage),
        "events": snap.event_count,
        "ttft_ms": None if ttft_ms is None else round(ttft_ms, 1),
        "total_ms": round(total_ms, 1),
    }


def print_json(obj: dict[str, Any], out: TextIO) -> None:
    """One JSON object on one line."""
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _preview(document: dict[str, Any] | None) -> str:
    if document is None:
        return ""
    text = document.get("text") if isinstance(document.get("text"), str) else json.dumps(document)
    text = " ".join(str(text).split())
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def print_rerank(response: RerankResponse, documents: list[Any], out: TextIO) -> None:
    """A ranked table for people: rank, index, score and the start of each document."""
    out.write(f"{'rank':>4}  {'index':>5}  {'score':>8}  document\n")
    for rank, hit in enumerate(response.results, 1):
        document = hit.document
        if document is None and 0 <= hit.index < len(documents):
            sent = documents[hit.index]
            document = {"text": sent} if isinstance(sent, str) else sent
        out.write(f"{rank:>4}  {hit.index:>5}  {hit.relevance_score:8.4f}  {_preview(document)}\n")
    units = ", ".join(f"{k} {v:g}" for k, v in response.billed_units.items())
    out.write(f"\n{response.latency_ms:.0f} ms" + (f"; billed: {units}" if units else "") + "\n")


def print_chat_details(snap: ChatSnapshot, total_ms: float, out: TextIO) -> None:
    """What follows the answer text for people: citations, tool calls, queries, usage."""
    if snap.tool_plan:
        out.write(f"\nTool plan: {snap.tool_plan}\n")
    for call in snap.tool_calls:
        out.write(f"Tool call: {call.name}({call.arguments_json or '{}'})\n")
    if snap.search_queries:
        out.write("Search queries: " + "; ".join(snap.search_queries) + "\n")
    if snap.citations:
        out.write("\nCitations:\n")
        for c in snap.citations:
            sources = ", ".join(c.document_ids) or "-"
            out.write(f"  [{c.start}:{c.end}] {c.text!r} ← {sources}\n")
    parts = [f"{total_ms:.0f} ms"]
    if snap.finish_reason:
        parts.append(f"finish: {snap.finish_reason}")
    if snap.usage and snap.usage.input_tokens is not None:
        parts.append(
            f"tokens in {snap.usage.input_tokens:g} / out {snap.usage.output_tokens or 0:g}"
        )
    out.write("\n" + "; ".join(parts) + "\n")
