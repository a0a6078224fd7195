"""OpenAI-compatible dialect: `/chat/completions` (SSE ending in `[DONE]`) ⇄ neutral models.

Rerank on compatible servers (vLLM, Infinity) is Cohere-v1-shaped, so it reuses the v1 mapping.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from workbench.api import jsontext
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
from workbench.api.flavours import declared
from workbench.api.flavours.cohere_v1 import parse_rerank, rerank_body
from workbench.api.flavours.common import (
    StreamMapper,
    check_wire_calls_answered,
    checked,
    drop_none,
    generation_fields,
    list_at,
    needs_call_id,
    str_at,
    user_content,
)
from workbench.api.models import ToolCall, Usage
from workbench.api.text import Text
from workbench.api.tools import tool_to_function
from workbench.api.wire_values import bad, count_at, index_value, object_at, text_at

if TYPE_CHECKING:
    from workbench.api.models import ChatMessage, ChatRequest, ToolResult

__all__ = [
    "PARAMS",
    "TRAITS",
    "UNMODELLED",
    "chat_body",
    "chat_events",
    "parse_rerank",
    "rerank_body",
    "stream_mapper",
]

PARAMS = {
    "temperature": "temperature",
    "p": "top_p",
    "max_tokens": "max_tokens",
    "seed": "seed",
    "stop_sequences": "stop",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "response_format": "response_format",
    "tool_choice": "tool_choice",
}
"""Generation parameters by name: `GenerationParams` field → body field (`top_p`, `stop`)."""
UNMODELLED: frozenset[str] = frozenset(())
"""Chat body fields the wire reference documents and `GenerationParams` does not model: sent
as given from `extra`, they are no typo to warn about."""
_LABEL = Text("The OpenAI-compatible route")

TRAITS = declared.OPENAI
"""What this flavour is (declared apart, so reading it does not load the codec)."""

# --- chat request -------------------------------------------------------------------------------


def _tool_messages(results: list[ToolResult], where: str) -> list[dict[str, Any]]:
    messages = []
    for pos, result in enumerate(results):
        if not result.call.id:
            raise InputError(needs_call_id(_LABEL), where=f"{where}[{pos}].call.id")
        content = json.dumps(result.outputs, ensure_ascii=False)
        messages.append({"role": "tool", "tool_call_id": result.call.id, "content": content})
    return messages


def _message(message: ChatMessage, pos: int) -> list[dict[str, Any]]:
    if message.role == "tool":
        return _tool_messages(message.tool_results, f"history[{pos}].tool_results")
    content = user_content(message.content, message.images)
    wire: dict[str, Any] = {"role": message.role, "content": content}
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
            Text(
                "%1 has no documents field: send grounded questions to the deployment's Cohere chat route (v1 or v2)",
                _LABEL,
            ),
            where="documents",
        )
    if request.search_queries_only:
        raise InputError(Text("%1 has no search_queries_only", _LABEL), where="search_queries_only")
    wire: list[dict[str, Any]] = []
    if request.preamble:
        wire.append({"role": "system", "content": request.preamble})
    for pos, message in enumerate(request.history):
        wire += _message(message, pos)
    wire += _tool_messages(request.tool_results, "tool_results")  # answer the history's calls
    if request.message is not None:
        wire.append({"role": "user", "content": user_content(request.message, request.images)})
    check_wire_calls_answered(wire)
    body: dict[str, Any] = drop_none(
        {
            "model": request.model or model,
            "messages": wire,
            "tools": [tool_to_function(t) for t in request.tools] or None,
        }
    )
    body.update(generation_fields(request.params, PARAMS, _LABEL))
    body.update(_openai_forms(request))
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


def _openai_forms(request: ChatRequest) -> dict[str, Any]:
    """`response_format` and `tool_choice` in the OpenAI spelling (the neutral form is Cohere's)."""
    forms: dict[str, Any] = {}
    fmt = request.params.response_format
    if fmt is not None and fmt.json_schema is not None:
        schema = {"name": "answer", "schema": fmt.json_schema}
        forms["response_format"] = {"type": "json_schema", "json_schema": schema}
    if request.params.tool_choice is not None:
        forms["tool_choice"] = request.params.tool_choice.lower()
    return forms


# --- chat response ------------------------------------------------------------------------------


def _arguments(text: str) -> dict[str, Any]:
    try:
        value = jsontext.loads(text or "{}")
    except ValueError:
        return {}  # broken JSON from the model: the snapshot keeps the text
    return value if isinstance(value, dict) else {}


def _usage(obj: Any, path: str = "usage") -> Usage | None:
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise bad(path, Text("an object"), obj)
    return Usage(
        input_tokens=count_at(obj, "prompt_tokens", path),
        output_tokens=count_at(obj, "completion_tokens", path),
    )


def _error(obj: dict[str, Any]) -> str | None:
    error = obj.get("error")
    if isinstance(error, dict):
        message = error.get("message")
        return message if isinstance(message, str) and message else json.dumps(error)
    return error if isinstance(error, str) and error else None


_FILTERED = "content_filter"
"""The finish reason of an answer the server's content filter stopped."""


def _filtered(finish: str | None) -> list[StreamEvent]:
    if finish != _FILTERED:
        return []
    return [StreamFailed(Text("the server's content filter stopped the answer (%1)", _FILTERED))]


def chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    """A non-streamed completion as the events a stream would have carried.

    Raises:
        ProtocolError: naming the field of a value of the wrong type or range.
    """
    with checked():
        return _chat_events(body)


def _chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    choice = next((c for c in list_at(body, "choices") if isinstance(c, dict)), {})
    message = object_at(choice, "message", "choices[0]")
    where = "choices[0].message"
    events: list[StreamEvent] = [StreamStarted(str_at(body, "id"))]
    if reasoning := text_at(message, "reasoning_content", where):
        events.append(ThinkingDelta(reasoning))
    if content := text_at(message, "content", where):
        events.append(TextDelta(content))
    for pos, call in enumerate(list_at(message, "tool_calls")):
        at = f"{where}.tool_calls[{pos}]"
        if not isinstance(call, dict):
            raise bad(at, Text("an object"), call)
        function = object_at(call, "function", at)
        name = text_at(function, "name", f"{at}.function") or ""
        arguments = text_at(function, "arguments", f"{at}.function") or ""
        call_id = text_at(call, "id", at)
        events += [
            ToolCallStarted(pos, call_id, name),
            ToolCallDelta(pos, arguments),
            ToolCallCompleted(
                pos, ToolCall(id=call_id, name=name, parameters=_arguments(arguments))
            ),
        ]
    if usage := _usage(body.get("usage")):
        events.append(UsageReported(usage))
    finish = text_at(choice, "finish_reason", "choices[0]")
    if error := _error(body):
        events.append(StreamFailed(error))
    else:
        events += _filtered(finish)
    return [*events, StreamEnded(finish, body)]


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
            if not isinstance(choice, dict):
                raise bad("choices[0]", Text("an object"), choice)
            events += self._delta(object_at(choice, "delta", "choices[0]"))
            self._finish = text_at(choice, "finish_reason", "choices[0]") or self._finish
        if usage := _usage(obj.get("usage")):
            events.append(UsageReported(usage))
        return events

    def _delta(self, delta: dict[str, Any]) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        where = "choices[0].delta"
        if reasoning := text_at(delta, "reasoning_content", where):
            events.append(ThinkingDelta(reasoning))
        if content := text_at(delta, "content", where):
            events.append(TextDelta(content))
        for pos, call in enumerate(list_at(delta, "tool_calls")):
            at = f"{where}.tool_calls[{pos}]"
            if not isinstance(call, dict):
                raise bad(at, Text("an object"), call)
            events += self._tool(pos, call, at)
        return events

    def _tool(self, pos: int, call: dict[str, Any], path: str) -> list[StreamEvent]:
        raw_index = call.get("index")
        index = pos if raw_index is None else index_value(raw_index, f"{path}.index")
        function = object_at(call, "function", path)
        events: list[StreamEvent] = []
        if index not in self._calls:
            # Some servers repeat id and name in every chunk: only the first one counts.
            call_id = text_at(call, "id", path)
            name = text_at(function, "name", f"{path}.function") or ""
            self._calls[index] = [call_id, name, ""]
            events.append(ToolCallStarted(index, call_id, name))
        if arguments := text_at(function, "arguments", f"{path}.function"):
            self._calls[index][2] += arguments
            events.append(ToolCallDelta(index, arguments))
        return events

    def _close(self) -> list[StreamEvent]:
        self.ended = True
        events: list[StreamEvent] = [
            ToolCallCompleted(i, ToolCall(id=cid, name=name, parameters=_arguments(args)))
            for i, (cid, name, args) in sorted(self._calls.items())
        ]
        return [*events, *_filtered(self._finish), StreamEnded(self._finish, None)]

    def on_done(self) -> list[StreamEvent]:
        """`data: [DONE]`: the stream's normal end."""
        return [] if self.ended else self._close()

    def finish(self, frames_seen: int, bytes_seen: int) -> list[StreamEvent]:
        """End of body: tolerate a missing `[DONE]` once a finish reason arrived."""
        if not self.ended and self._finish is not None:
            return self.repaired(self._close())
        return super().finish(frames_seen, bytes_seen)


def stream_mapper() -> StreamMapper:
    """A mapper for one OpenAI-style stream."""
    return OpenAIStreamMapper()
