"""Cohere v1 dialect: `/v1/rerank` and `/v1/chat` (JSON lines or SSE stream) ⇄ neutral models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.api.events import (
    CitationsAdded,
    SearchQueriesGenerated,
    SearchResultsReceived,
    StreamEnded,
    StreamEvent,
    StreamFailed,
    StreamStarted,
    TextDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    ToolPlanDelta,
    UnknownEvent,
    UsageReported,
)
from workbench.api.flavours import declared
from workbench.api.flavours.common import (
    StreamMapper,
    check_rank_fields,
    checked,
    citation,
    cohere_usage,
    drop_none,
    failed,
    generation_fields,
    list_at,
    refuse_images,
    rerank_response,
    str_at,
    stringify_document,
)
from workbench.api.models import ToolCall, Usage
from workbench.api.text import Text
from workbench.api.tools import tool_to_v1
from workbench.api.wire_values import (
    bad,
    count_at,
    finite_object_at,
    index_at,
    object_at,
    objects_at,
    text_at,
)

if TYPE_CHECKING:
    from workbench.api.models import (
        ChatMessage,
        ChatRequest,
        RerankRequest,
        RerankResponse,
        ToolResult,
    )

PARAMS = {
    "temperature": "temperature",
    "p": "p",
    "k": "k",
    "max_tokens": "max_tokens",
    "seed": "seed",
    "stop_sequences": "stop_sequences",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "prompt_truncation": "prompt_truncation",
    "citation_mode": "citation_quality",
    "safety_mode": "safety_mode",
    "response_format": "response_format",
}
"""Generation parameters by name: `GenerationParams` field → body field (`citation_quality`)."""
UNMODELLED: frozenset[str] = frozenset({"force_single_step", "return_prompt"})
"""Chat body fields the wire reference documents and `GenerationParams` does not model: sent
as given from `extra`, they are no typo to warn about."""
_ROLES = {"system": "SYSTEM", "user": "USER", "assistant": "CHATBOT", "tool": "TOOL"}

TRAITS = declared.COHERE_V1
"""What this flavour is (declared apart, so reading it does not load the codec)."""

# --- rerank -------------------------------------------------------------------------------------


def rerank_body(request: RerankRequest, model: str | None) -> dict[str, Any]:
    """The `/v1/rerank` body; object documents get non-string values stringified.

    Raises:
        InputError: for an object document with none of the rank fields.
    """
    check_rank_fields(request)
    documents = [
        doc if isinstance(doc, str) else stringify_document(doc, f"documents[{pos}]")
        for pos, doc in enumerate(request.documents)
    ]
    return drop_none(
        {
            "model": request.model or model,
            "query": request.query,
            "documents": documents,
            "top_n": request.top_n,
            "return_documents": request.return_documents or None,
            "max_chunks_per_doc": request.max_chunks_per_doc,
            "rank_fields": request.rank_fields,
        }
    )


def parse_rerank(body: dict[str, Any], request: RerankRequest) -> RerankResponse:
    """The neutral rerank answer."""
    return rerank_response(body, request)


# --- chat request -------------------------------------------------------------------------------


def _results(results: list[ToolResult]) -> list[dict[str, Any]]:
    return [
        {"call": {"name": r.call.name, "parameters": r.call.parameters}, "outputs": r.outputs}
        for r in results
    ]


def _history_entry(message: ChatMessage) -> dict[str, Any]:
    entry: dict[str, Any] = {"role": _ROLES[message.role]}
    if message.role == "tool":
        entry["tool_results"] = _results(message.tool_results)
        return entry
    # v1 has no tool_plan field: a CHATBOT turn that called tools carries its plan as `message`,
    # as v1's own responses do (`text` is the plan when `tool_calls` are returned).
    entry["message"] = message.content or message.tool_plan or ""
    if message.tool_calls:
        entry["tool_calls"] = [
            {"name": c.name, "parameters": c.parameters} for c in message.tool_calls
        ]
    return entry


def _document(document: Any, pos: int) -> dict[str, Any]:
    fields: dict[str, Any] = stringify_document(document, f"documents[{pos}]")
    if isinstance(document, dict) and isinstance(document.get("_excludes"), list):
        # `_excludes` is a list of keys the model must not see; it must stay a list on the wire.
        fields["_excludes"] = document["_excludes"]
    return fields


def chat_body(request: ChatRequest, model: str | None, *, stream: bool) -> dict[str, Any]:
    """The `/v1/chat` body.

    Raises:
        InputError: for a parameter v1 does not have, or images.
    """
    refuse_images(request, "Cohere v1")
    body: dict[str, Any] = {"message": request.message or ""}
    body.update(
        drop_none(
            {
                "model": request.model or model,
                "preamble": request.preamble,
                "chat_history": [_history_entry(m) for m in request.history] or None,
                "documents": [_document(d, i) for i, d in enumerate(request.documents)] or None,
                "tools": [tool_to_v1(t) for t in request.tools] or None,
                "tool_results": _results(request.tool_results) or None,
                "search_queries_only": request.search_queries_only or None,
            }
        )
    )
    body.update(generation_fields(request.params, PARAMS, "Cohere v1"))
    if request.params.response_format is not None:  # v1 names the schema `schema`
        fmt = request.params.response_format
        body["response_format"] = drop_none({"type": fmt.type, "schema": fmt.json_schema})
    if stream:
        body["stream"] = True
    return body


# --- chat response ------------------------------------------------------------------------------


def _citations(obj: dict[str, Any], path: str = "") -> tuple[Any, ...]:
    where = f"{path}.citations" if path else "citations"
    return tuple(
        citation(c, _document_ids(c, f"{where}[{pos}]"), f"{where}[{pos}]")
        for pos, c in enumerate(objects_at(obj, "citations", path))
    )


def _document_ids(obj: dict[str, Any], path: str) -> list[str]:
    ids = obj.get("document_ids")
    if ids is None:
        return []
    if not isinstance(ids, list) or not all(isinstance(d, str | int) for d in ids):
        raise bad(f"{path}.document_ids", Text("a list of ids"), ids)
    return [str(d) for d in ids]


def _usage(response: dict[str, Any], path: str = "") -> Usage | None:
    prefix = f"{path}." if path else ""
    meta = object_at(response, "meta", path)
    if meta:
        return cohere_usage(meta.get("billed_units"), meta.get("tokens"), f"{prefix}meta")
    counts = object_at(response, "token_count", path)  # servers from before `meta.billed_units`
    if counts:
        where = f"{prefix}token_count"
        return Usage(
            input_tokens=count_at(counts, "prompt_tokens", where),
            output_tokens=count_at(counts, "response_tokens", where),
        )
    return None


def _tool_call(obj: Any, path: str) -> ToolCall:
    if not isinstance(obj, dict):
        raise bad(path, Text("an object"), obj)
    params = finite_object_at(obj, "parameters", path)
    return ToolCall(name=text_at(obj, "name", path) or "", parameters=params)


def _queries(obj: dict[str, Any]) -> tuple[str, ...]:
    queries = []
    for pos, query in enumerate(list_at(obj, "search_queries")):
        if isinstance(query, dict):
            query = text_at(query, "text", f"search_queries[{pos}]")
        if not isinstance(query, str):
            raise bad(f"search_queries[{pos}]", Text("text or an object with `text`"), query)
        queries.append(query)
    return tuple(queries)


def _search_results(obj: dict[str, Any], path: str = "") -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    results = objects_at(obj, "search_results", path)
    return tuple(results), tuple(objects_at(obj, "documents", path))


def _failure(finish_reason: str | None, response: dict[str, Any]) -> list[StreamEvent]:
    if not failed(finish_reason):
        return []
    detail = str_at(response, "error") or str_at(response, "message") or ""
    if detail:
        return [StreamFailed(Text("generation failed (%1): %2", str(finish_reason), detail))]
    return [StreamFailed(Text("generation failed (%1)", str(finish_reason)))]


def chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    """A non-streamed `/v1/chat` answer as the events a stream would have carried.

    Raises:
        ProtocolError: naming the field of a value of the wrong type or range.
    """
    with checked():
        return _chat_events(body)


def _chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    events: list[StreamEvent] = [
        StreamStarted(str_at(body, "response_id") or str_at(body, "generation_id"))
    ]
    if queries := _queries(body):
        events.append(SearchQueriesGenerated(queries))
    results, documents = _search_results(body)
    if results or documents:
        events.append(SearchResultsReceived(results, documents))
    calls = list_at(body, "tool_calls")
    text = text_at(body, "text") or ""
    if calls and text:
        events.append(ToolPlanDelta(text))  # with tool calls, v1's `text` is the plan
    elif text:
        events.append(TextDelta(text))
    if citations := _citations(body):
        events.append(CitationsAdded(citations))
    events += [ToolCallCompleted(i, _tool_call(c, f"tool_calls[{i}]")) for i, c in enumerate(calls)]
    if usage := _usage(body):
        events.append(UsageReported(usage))
    finish = text_at(body, "finish_reason")
    return [*events, *_failure(finish, body), StreamEnded(finish, body)]


class V1StreamMapper(StreamMapper):
    """Maps v1 stream objects (`event_type`) to neutral events."""

    def __init__(self) -> None:
        super().__init__()
        self._saw_plan = False
        self._saw_documents = False

    def map_object(self, obj: dict[str, Any]) -> list[StreamEvent]:
        """The events of one v1 stream object."""
        kind = str_at(obj, "event_type") or ""
        match kind:
            case "stream-start":
                return [StreamStarted(str_at(obj, "generation_id"))]
            case "text-generation":
                return [TextDelta(text_at(obj, "text") or "")]
            case "citation-generation":
                return [CitationsAdded(_citations(obj))]
            case "search-queries-generation":
                return [SearchQueriesGenerated(_queries(obj))]
            case "search-results":
                self._saw_documents = True
                return [SearchResultsReceived(*_search_results(obj))]
            case "tool-calls-chunk":
                return self._chunk(obj)
            case "tool-calls-generation":
                return self._generation(obj)
            case "stream-end":
                return self._end(obj)
            case "debug":
                return []
        return [UnknownEvent(kind or "(no event_type)")]

    def _chunk(self, obj: dict[str, Any]) -> list[StreamEvent]:
        delta = obj.get("tool_call_delta")
        if delta is None:
            self._saw_plan = True
            return [ToolPlanDelta(text_at(obj, "text") or "")]
        if not isinstance(delta, dict):
            raise bad("tool_call_delta", Text("an object"), delta)
        index = index_at(delta, "index", "tool_call_delta")
        events: list[StreamEvent] = []
        if name := text_at(delta, "name", "tool_call_delta"):
            events.append(ToolCallStarted(index, None, name))
        if params := text_at(delta, "parameters", "tool_call_delta"):
            events.append(ToolCallDelta(index, params))
        return events

    def _generation(self, obj: dict[str, Any]) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        plan = text_at(obj, "text")
        if plan and not self._saw_plan:
            events.append(ToolPlanDelta(plan))
        calls = list_at(obj, "tool_calls")
        return events + [
            ToolCallCompleted(i, _tool_call(c, f"tool_calls[{i}]")) for i, c in enumerate(calls)
        ]

    def _end(self, obj: dict[str, Any]) -> list[StreamEvent]:
        self.ended = True
        response = object_at(obj, "response")
        events: list[StreamEvent] = []
        documents = objects_at(response, "documents", "response")
        if documents and not self._saw_documents:
            events.append(SearchResultsReceived((), tuple(documents)))
        if usage := _usage(response, "response"):
            events.append(UsageReported(usage))
        finish = text_at(obj, "finish_reason") or text_at(response, "finish_reason", "response")
        events += _failure(finish, response)
        return [*events, StreamEnded(finish, response or None)]


def stream_mapper() -> StreamMapper:
    """A mapper for one v1 stream."""
    return V1StreamMapper()
