"""OpenAI-compatible dialect: `/chat/completions` (SSE ending in `[DONE]`) ⇄ neutral models.

Rerank on compatible servers (vLLM, Infinity) is Cohere-v1-shaped, so it reuses the v1 mapping.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.api.events import (
    StreamEnded,
    StreamEvent,
    StreamFailed,
    StreamStarted,
    TextDelta,
    ThinkingDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    UsageReported,
)
from workbench.api.flavours.cohere_v1 import parse_rerank, rerank_body
from workbench.api.flavours.common import (
    StreamMapper,
    drop_none,
    generation_fields,
    list_at,
    obj_at,
    str_at,
)
from workbench.api.flavours.traits import FlavourTraits, Routes, params
from workbench.api.models import Flavour, ToolCall, Usage
from workbench.api.tools import tool_to_function

if TYPE_CHECKING:
    from workbench.api.models import ChatMessage, ChatRequest, ToolResult

__all__ = ["TRAITS", "chat_body", "chat_events", "parse_rerank", "rerank_body", "stream_mapper"]

_PARAMS = {
    "temperature": "temperature",
    "p": "top_p",
    "max_tokens": "max_tokens",
    "seed": "seed",
    "stop_sequences": "stop",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "response_format": "response_format",
}
_LABEL = "The OpenAI-compatible route"

TRAITS = FlavourTraits(
    flavour=Flavour.OPENAI,
    label="OpenAI-compatible / Azure model inference",
    short_label="OpenAI",
    # Compatible servers (vLLM, Infinity) serve Cohere-v1-shaped rerank next to OpenAI chat, but
    # the workbench offers rerank only on the Cohere flavours (rerank traits left unsupported).
    # Azure model inference wants `?api-version=` on chat and info.
    routes=Routes(
        chat="/chat/completions", rerank="/v1/rerank", versioned=frozenset({"chat", "info"})
    ),
    stream_accept="text/event-stream",
    framing="sse",
    documents=False,
    citations=False,
    search_queries_only=False,
    params=params(
        "temperature",
        "frequency_penalty",
        "presence_penalty",
        "seed",
        "max_tokens",
        "stop_sequences",
    ),
    stop_sequence_limit=4,  # OpenAI's `stop` takes at most four
    history_field="messages",
    preamble_field=None,
)
"""What the OpenAI-compatible route is; `workbench.api.flavour_traits` hands it out."""

# --- chat request -------------------------------------------------------------------------------


def _tool_messages(results: list[ToolResult], where: str) -> list[dict[str, Any]]:
    messages = []
    for pos, result in enumerate(results):
        if not result.call.id:
            raise InputError(f"{_LABEL} needs the id of the call", where=f"{where}[{pos}].call.id")
        content = json.dumps(result.outputs, ensure_ascii=False)
        messages.append({"role": "tool", "tool_call_id": result.call.id, "content": content})
    return messages


def _message(message: ChatMessage, pos: int) -> list[dict[str, Any]]:
    if message.role == "tool":
        return _tool_messages(message.tool_results, f"history[{pos}].tool_results")
    wire: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        # llama.cpp's server rejects `content: null` next to tool calls; "" works everywhere.
        wire["tool_calls"] = [
            {
                "id": c.id,
                "type": "function",
                "function": {
                    "name": c.name,
                    "arguments": json.dumps(c.parameters, ensure_ascii=False),
                },
            }
            for c in message.tool_calls
        ]
    return [wire]


def chat_body(request: ChatRequest, model: str | None, *, stream: bool) -> dict[str, Any]:
    """The `/chat/completions` body.

    Raises:
        InputError: for documents, search-queries-only or a parameter the route does not have.
    """
    if request.documents:
        raise InputError(
            f"{_LABEL} has no documents field (pass them with --param documents=... if the server takes them)",
            where="documents",
        )
    if request.search_queries_only:
        raise InputError(f"{_LABEL} has no search_queries_only", where="search_queries_only")
    wire: list[dict[str, Any]] = []
    if request.preamble:
        wire.append({"role": "system", "content": request.preamble})
    for pos, message in enumerate(request.history):
        wire += _message(message, pos)
    if request.message is not None:
        wire.append({"role": "user", "content": request.message})
    wire += _tool_messages(request.tool_results, "tool_results")
    body: dict[str, Any] = drop_none(
        {
            "model": request.model or model,
            "messages": wire,
            "tools": [tool_to_function(t) for t in request.tools] or None,
        }
    )
    body.update(generation_fields(request.params, _PARAMS, _LABEL))
    if stream:
        body["stream"] = True
        # Without it OpenAI-style servers send no usage in a stream, so a turn's tokens and cost
        # would be guesses; a server that ignores it simply sends none (the fold allows that).
        # A value the person passed as an extra parameter wins; null leaves the field out, for a
        # server that refuses it.
        body.setdefault("stream_options", {"include_usage": True})
        if body["stream_options"] is None:
            del body["stream_options"]
    return body


# --- chat response ------------------------------------------------------------------------------


def _arguments(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}  # broken JSON from the model: the snapshot keeps the text
    return value if isinstance(value, dict) else {}


def _usage(obj: Any) -> Usage | None:
    if not isinstance(obj, dict):
        return None
    return Usage(input_tokens=obj.get("prompt_tokens"), output_tokens=obj.get("completion_tokens"))


def _error(obj: dict[str, Any]) -> str | None:
    error = obj.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or json.dumps(error))
    return error if isinstance(error, str) and error else None


def chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    """A non-streamed completion as the events a stream would have carried."""
    choice = next((c for c in list_at(body, "choices") if isinstance(c, dict)), {})
    message = obj_at(choice, "message")
    events: list[StreamEvent] = [StreamStarted(str_at(body, "id"))]
    if reasoning := str_at(message, "reasoning_content"):
        events.append(ThinkingDelta(reasoning))
    if content := str_at(message, "content"):
        events.append(TextDelta(content))
    for pos, call in enumerate(list_at(message, "tool_calls")):
        function = obj_at(call, "function")
        name, arguments = str_at(function, "name") or "", str_at(function, "arguments") or ""
        call_id = str_at(call, "id")
        events += [
            ToolCallStarted(pos, call_id, name),
            ToolCallDelta(pos, arguments),
            ToolCallCompleted(
                pos, ToolCall(id=call_id, name=name, parameters=_arguments(arguments))
            ),
        ]
    if usage := _usage(body.get("usage")):
        events.append(UsageReported(usage))
    if error := _error(body):
        events.append(StreamFailed(error))
    return [*events, StreamEnded(str_at(choice, "finish_reason"), body)]


class OpenAIStreamMapper(StreamMapper):
    """Maps `chat.completion.chunk` objects to neutral events; `[DONE]` (or EOF after a finish
    reason) ends the stream."""

    def __init__(self) -> None:
        super().__init__()
        self._started = False
        self._finish: str | None = None
        self._calls: dict[int, list[Any]] = {}  # index → [id, name, arguments]

    def map_object(self, obj: dict[str, Any]) -> list[StreamEvent]:
        """The events of one chunk."""
        if error := _error(obj):
            self.ended = True
            return [StreamFailed(error), StreamEnded(None, None)]
        events: list[StreamEvent] = []
        if not self._started:
            self._started = True
            events.append(StreamStarted(str_at(obj, "id")))
        for choice in list_at(obj, "choices")[:1]:
            events += self._delta(obj_at(choice, "delta"))
            self._finish = str_at(choice, "finish_reason") or self._finish
        if usage := _usage(obj.get("usage")):
            events.append(UsageReported(usage))
        return events

    def _delta(self, delta: dict[str, Any]) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        if reasoning := str_at(delta, "reasoning_content"):
            events.append(ThinkingDelta(reasoning))
        if content := str_at(delta, "content"):
            events.append(TextDelta(content))
        for pos, call in enumerate(list_at(delta, "tool_calls")):
            events += self._tool(pos, call if isinstance(call, dict) else {})
        return events

    def _tool(self, pos: int, call: dict[str, Any]) -> list[StreamEvent]:
        index = call["index"] if isinstance(call.get("index"), int) else pos
        function = obj_at(call, "function")
        events: list[StreamEvent] = []
        if index not in self._calls:
            # Some servers repeat id and name in every chunk: only the first one counts.
            self._calls[index] = [str_at(call, "id"), str_at(function, "name") or "", ""]
            events.append(ToolCallStarted(index, self._calls[index][0], self._calls[index][1]))
        if arguments := str_at(function, "arguments"):
            self._calls[index][2] += arguments
            events.append(ToolCallDelta(index, arguments))
        return events

    def _close(self) -> list[StreamEvent]:
        self.ended = True
        events: list[StreamEvent] = [
            ToolCallCompleted(i, ToolCall(id=cid, name=name, parameters=_arguments(args)))
            for i, (cid, name, args) in sorted(self._calls.items())
        ]
        return [*events, StreamEnded(self._finish, None)]

    def on_done(self) -> list[StreamEvent]:
        """`data: [DONE]`: the stream's normal end."""
        return [] if self.ended else self._close()

    def finish(self, frames_seen: int, bytes_seen: int) -> list[StreamEvent]:
        """End of body: tolerate a missing `[DONE]` once a finish reason arrived."""
        if not self.ended and self._finish is not None:
            return self._close()
        return super().finish(frames_seen, bytes_seen)


def stream_mapper() -> StreamMapper:
    """A mapper for one OpenAI-style stream."""
    return OpenAIStreamMapper()
