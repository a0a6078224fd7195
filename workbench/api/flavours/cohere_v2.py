"""Cohere v2 dialect: `/v2/rerank` and `/v2/chat` (SSE stream) ⇄ neutral models."""

from __future__ import annotations

import functools
import json
import weakref
from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.api.flavours import declared
from workbench.api.flavours.cohere_v2_events import chat_events, stream_mapper
from workbench.api.flavours.common import (
    check_rank_fields,
    check_wire_calls_answered,
    drop_none,
    generation_fields,
    needs_call_id,
    rerank_response,
    user_content,
)
from workbench.api.text import Text
from workbench.api.tools import tool_to_function

if TYPE_CHECKING:
    from workbench.api.models import (
        ChatMessage,
        ChatRequest,
        Document,
        RerankRequest,
        RerankResponse,
        ToolCall,
        ToolResult,
    )

# The codec is this module (the registry maps a flavour to one module): the answer side is
# written in cohere_v2_events and handed out from here, as openai_compat hands out v1's rerank.
__all__ = [
    "PARAMS",
    "TRAITS",
    "UNMODELLED",
    "chat_body",
    "chat_events",
    "messages",
    "parse_rerank",
    "render_document",
    "rerank_body",
    "stream_mapper",
]

PARAMS = {
    "temperature": "temperature",
    "p": "p",
    "k": "k",
    "max_tokens": "max_tokens",
    "seed": "seed",
    "stop_sequences": "stop_sequences",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "safety_mode": "safety_mode",
    "response_format": "response_format",
    "thinking": "thinking",
    "strict_tools": "strict_tools",
    "tool_choice": "tool_choice",
}
"""Generation parameters by name: `GenerationParams` field → body field (`citation_mode` is
written apart, as `citation_options`)."""
UNMODELLED: frozenset[str] = frozenset({"citation_options", "logprobs", "priority"})
"""Chat body fields the wire reference documents and `GenerationParams` does not model: sent
as given from `extra`, they are no typo to warn about (`citation_mode` is written as
`citation_options` too)."""

TRAITS = declared.COHERE_V2
"""What this flavour is (declared apart, so reading it does not load the codec)."""

# --- rerank -------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def render_document(document: Document, rank_fields: list[str] | None) -> str:
    """An object document as v2 wants it: `key: value` lines in rank_fields order (all keys if none).

    Args:
        document: a string (sent as is) or an object.
        rank_fields: the keys to include, in order; keys the object lacks are skipped.

    Returns:
        The text sent for this document.
    """
    if isinstance(document, str):
        return document
    keys = rank_fields if rank_fields else list(document)
    return "\n".join(f"{key}: {_text(document[key])}" for key in keys if key in document)


def _model(request_model: str | None, model: str | None) -> str:
    if request_model or model:
        return request_model or model or ""
    raise InputError(
        Text("Cohere v2 needs a model name (on Azure serverless any name works)"), where="model"
    )


def rerank_body(request: RerankRequest, model: str | None) -> dict[str, Any]:
    """The `/v2/rerank` body: documents rendered to text (v2 takes strings only).

    Raises:
        InputError: when no model is named (v2 requires one), or an object document has none of
            the rank fields (it would be ranked as an empty text).
    """
    check_rank_fields(request)
    return drop_none(
        {
            "model": _model(request.model, model),
            "query": request.query,
            "documents": [render_document(d, request.rank_fields) for d in request.documents],
            "top_n": request.top_n,
            "max_tokens_per_doc": request.max_tokens_per_doc,
            "relevant_spans": request.relevant_spans.model_dump(exclude_none=True)
            if request.relevant_spans
            else None,
            "priority": request.priority,
        }
    )


def parse_rerank(body: dict[str, Any], request: RerankRequest) -> RerankResponse:
    """The neutral answer; `return_documents` is emulated by attaching the documents sent."""
    response = rerank_response(body, request)
    if not request.return_documents:
        return response
    hits = []
    for hit in response.results:
        if 0 <= hit.index < len(request.documents):
            sent = request.documents[hit.index]
            document = {"text": sent} if isinstance(sent, str) else dict(sent)
            hit = hit.model_copy(update={"document": document})
        hits.append(hit)
    return response.model_copy(update={"results": hits})


# --- chat request -------------------------------------------------------------------------------


def _call_wire(call: ToolCall) -> dict[str, Any]:
    return {
        "id": call.id,
        "type": "function",
        "function": {
            "name": call.name,
            "arguments": json.dumps(call.parameters, ensure_ascii=False),
        },
    }


def _tool_messages(results: list[ToolResult], where: str) -> list[dict[str, Any]]:
    messages = []
    for pos, result in enumerate(results):
        if not result.call.id:
            raise InputError(needs_call_id("Cohere v2"), where=f"{where}[{pos}].call.id")
        blocks = [{"type": "document", "document": {"data": output}} for output in result.outputs]
        messages.append({"role": "tool", "tool_call_id": result.call.id, "content": blocks})
    return messages


def _assistant_content(message: ChatMessage) -> str | list[dict[str, Any]] | None:
    # Reasoning models get their thinking back as a block before the text (the SDK's
    # AssistantMessage content takes `thinking` blocks), so a tool loop keeps its reasoning.
    if not message.thinking:
        return message.content if message.content or not message.tool_calls else None
    blocks: list[dict[str, Any]] = [{"type": "thinking", "thinking": message.thinking}]
    if message.content:
        blocks.append({"type": "text", "text": message.content})
    return blocks


def _message(message: ChatMessage, pos: int) -> list[dict[str, Any]]:
    if message.role == "tool":
        return _tool_messages(message.tool_results, f"history[{pos}].tool_results")
    wire: dict[str, Any] = {"role": message.role}
    if message.role == "user":
        wire["content"] = user_content(message.content, message.images)
    elif (content := _assistant_content(message)) is not None:
        wire["content"] = content
    if message.tool_plan:
        wire["tool_plan"] = message.tool_plan
    if message.tool_calls:
        wire["tool_calls"] = [_call_wire(c) for c in message.tool_calls]
    return [wire]


def _document(document: Document) -> str | dict[str, Any]:
    if isinstance(document, str):
        return document
    data = {k: v for k, v in document.items() if k != "id"}
    return drop_none({"id": _text(document["id"]) if "id" in document else None, "data": data})


class _HistoryWire:
    """The wire messages of each history message, built once per (frozen) message object.

    The conversation is sent again with every turn; the same dicts coming back also let the
    client's `BodyEncoder` reuse their JSON (issue 15). An entry goes with its message (a weak
    reference), so a cleared conversation is not kept here.
    """

    def __init__(self) -> None:
        self._kept: dict[int, tuple[weakref.ref[ChatMessage], list[dict[str, Any]]]] = {}

    def of(self, history: list[ChatMessage]) -> list[dict[str, Any]]:
        wire: list[dict[str, Any]] = []
        for pos, message in enumerate(history):
            hit = self._kept.get(id(message))
            if hit is None or hit[0]() is not message:
                gone = functools.partial(self._forget, id(message))
                hit = (weakref.ref(message, gone), _message(message, pos))
                self._kept[id(message)] = hit
            wire += hit[1]
        return wire

    def _forget(self, key: int, gone: weakref.ref[ChatMessage]) -> None:
        hit = self._kept.get(key)
        if hit is not None and hit[0] is gone:
            del self._kept[key]


_history_wire = _HistoryWire()


def messages(request: ChatRequest) -> list[dict[str, Any]]:
    """The `messages` list: preamble, history, tool results (they answer the history's last
    calls), then the new message.

    Raises:
        InputError: when tool calls are left without results.
    """
    wire: list[dict[str, Any]] = []
    if request.preamble:
        wire.append({"role": "system", "content": request.preamble})
    wire += _history_wire.of(request.history)
    wire += _tool_messages(request.tool_results, "tool_results")
    if request.message is not None:
        wire.append({"role": "user", "content": user_content(request.message, request.images)})
    check_wire_calls_answered(wire)
    return wire


def chat_body(request: ChatRequest, model: str | None, *, stream: bool) -> dict[str, Any]:
    """The `/v2/chat` body.

    Raises:
        InputError: for a missing model, or a parameter or option v2 does not have.
    """
    if request.search_queries_only:
        raise InputError(
            Text("%1 has no search_queries_only", "Cohere v2"), where="search_queries_only"
        )
    params = request.params
    body: dict[str, Any] = drop_none(
        {
            "model": _model(request.model, model),
            "messages": messages(request),
            "documents": [_document(d) for d in request.documents] or None,
            "tools": [tool_to_function(t) for t in request.tools] or None,
        }
    )
    if params.citation_mode is not None:
        body["citation_options"] = {"mode": params.citation_mode}
    rest = params.model_copy(update={"citation_mode": None})
    body.update(generation_fields(rest, PARAMS, "Cohere v2"))
    if stream:
        body["stream"] = True
    return body
