"""Cohere v2 answers ⇄ neutral events: a whole `/v2/chat` body, or its SSE stream objects.

`cohere_v2` hands these out as its codec's `chat_events` and `stream_mapper`; the request side
(rerank and chat bodies) stays there.
"""

from __future__ import annotations

import json
from typing import Any

from workbench.api import jsontext
from workbench.api.events import (
    CitationsAdded,
    StreamEnded,
    StreamEvent,
    StreamFailed,
    StreamStarted,
    TextDelta,
    ThinkingDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    ToolPlanDelta,
    UnknownEvent,
    UsageReported,
)
from workbench.api.flavours.common import (
    StreamMapper,
    checked,
    citation,
    cohere_usage,
    failed,
    list_at,
    str_at,
)
from workbench.api.models import Citation, ToolCall
from workbench.api.text import Text
from workbench.api.wire_values import bad, index_at, object_at, objects_at, text_at

_MESSAGE = "delta.message"


def _citation(obj: dict[str, Any], path: str) -> Citation:
    ids = []
    for pos, source in enumerate(objects_at(obj, "sources", path)):
        source_id = source.get("id")
        if source_id is None:
            continue
        if not isinstance(source_id, str | int):
            raise bad(f"{path}.sources[{pos}].id", Text("an id"), source_id)
        ids.append(str(source_id))
    return citation(obj, ids, path)


def _arguments(text: str) -> dict[str, Any]:
    try:
        value = jsontext.loads(text or "{}")
    except ValueError:
        return {}  # the model wrote broken JSON: the snapshot keeps the text for people to see
    return value if isinstance(value, dict) else {}


def _call_events(pos: int, call: Any, path: str) -> list[StreamEvent]:
    if not isinstance(call, dict):
        raise bad(path, Text("an object"), call)
    function = object_at(call, "function", path)
    name = text_at(function, "name", f"{path}.function") or ""
    arguments = text_at(function, "arguments", f"{path}.function") or ""
    parsed = ToolCall(id=text_at(call, "id", path), name=name, parameters=_arguments(arguments))
    return [
        ToolCallStarted(pos, parsed.id, name),
        ToolCallDelta(pos, arguments),
        ToolCallCompleted(pos, parsed),
    ]


def _end_events(finish: str | None, usage: Any, error: str | None, path: str) -> list[StreamEvent]:
    events: list[StreamEvent] = []
    if usage is not None:
        if not isinstance(usage, dict):
            raise bad(path, Text("an object"), usage)
        events.append(
            UsageReported(cohere_usage(usage.get("billed_units"), usage.get("tokens"), path))
        )
    if error or failed(finish):
        events.append(StreamFailed(error or Text("generation failed (%1)", str(finish))))
    return events


def chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    """A non-streamed `/v2/chat` answer as the events a stream would have carried.

    Raises:
        ProtocolError: naming the field of a value of the wrong type or range.
    """
    with checked():
        return _chat_events(body)


def _chat_events(body: dict[str, Any]) -> list[StreamEvent]:
    message = object_at(body, "message")
    events: list[StreamEvent] = [StreamStarted(str_at(body, "id"))]
    if plan := text_at(message, "tool_plan", "message"):
        events.append(ToolPlanDelta(plan))
    for pos, block in enumerate(list_at(message, "content")):
        where = f"message.content[{pos}]"
        if isinstance(block, dict) and block.get("thinking") is not None:
            events.append(ThinkingDelta(text_at(block, "thinking", where) or ""))
        elif isinstance(block, dict) and block.get("text") is not None:
            events.append(TextDelta(text_at(block, "text", where) or ""))
    for pos, call in enumerate(list_at(message, "tool_calls")):
        events += _call_events(pos, call, f"message.tool_calls[{pos}]")
    citations = objects_at(message, "citations", "message")
    if citations:
        events.append(
            CitationsAdded(
                tuple(_citation(c, f"message.citations[{i}]") for i, c in enumerate(citations))
            )
        )
    finish = text_at(body, "finish_reason")
    events += _end_events(finish, body.get("usage"), _error_text(body.get("error")), "usage")
    return [*events, StreamEnded(finish, body)]


def _error_text(error: Any) -> str | None:
    if not error:
        return None
    return error if isinstance(error, str) else json.dumps(error, ensure_ascii=False)


def _content_events(kind: str, content: dict[str, Any]) -> list[StreamEvent]:
    # The SDK's content-start carries `thinking` / `text` too (usually empty): keep what it has.
    where = f"{_MESSAGE}.content"
    if content.get("thinking") is not None:
        thought = text_at(content, "thinking", where) or ""
        return [ThinkingDelta(thought)] if thought or kind == "content-delta" else []
    text = text_at(content, "text", where) or ""
    return [TextDelta(text)] if text or kind == "content-delta" else []


def _message(obj: dict[str, Any]) -> dict[str, Any]:
    """An event's `delta.message`."""
    return object_at(object_at(obj, "delta"), "message", "delta")


class V2StreamMapper(StreamMapper):
    """Maps v2 server-sent events (`type`) to neutral events."""

    def __init__(self) -> None:
        super().__init__()
        self._calls: dict[int, tuple[str | None, str, str]] = {}

    def map_object(self, obj: dict[str, Any]) -> list[StreamEvent]:
        """The events of one v2 stream object."""
        kind = str_at(obj, "type") or ""
        # Each field is read by the events that have it: an event of a type this program does
        # not know is skipped (and counted) whatever its fields hold.
        match kind:
            case "message-start":
                return [StreamStarted(str_at(obj, "id"))]
            case "content-start" | "content-delta":
                return _content_events(kind, object_at(_message(obj), "content", _MESSAGE))
            case "tool-plan-delta":
                return [ToolPlanDelta(text_at(_message(obj), "tool_plan", _MESSAGE) or "")]
            case "tool-call-start" | "tool-call-delta" | "tool-call-end":
                calls = object_at(_message(obj), "tool_calls", _MESSAGE)
                return self._tool(kind, index_at(obj, "index"), calls)
            case "citation-start":
                citation = object_at(_message(obj), "citations", _MESSAGE)
                return [CitationsAdded((_citation(citation, f"{_MESSAGE}.citations"),))]
            case "message-end":
                return self._end(object_at(obj, "delta"))
            case "content-end" | "citation-end" | "debug":
                return []
        return [UnknownEvent(kind or "(no type)")]

    def _tool(self, kind: str, index: int, call: dict[str, Any]) -> list[StreamEvent]:
        call_id, name, arguments = self._calls.get(index, (None, "", ""))
        where = f"{_MESSAGE}.tool_calls"
        function = object_at(call, "function", where)
        if kind == "tool-call-start":
            call_id = text_at(call, "id", where)
            name = text_at(function, "name", f"{where}.function") or ""
            self._calls[index] = (call_id, name, "")
            events: list[StreamEvent] = [ToolCallStarted(index, call_id, name)]
            if text_at(function, "arguments", f"{where}.function"):
                events += self._tool("tool-call-delta", index, call)
            return events
        if kind == "tool-call-delta":
            delta = text_at(function, "arguments", f"{where}.function") or ""
            self._calls[index] = (call_id, name, arguments + delta)
            return [ToolCallDelta(index, delta)]
        parsed = ToolCall(id=call_id, name=name, parameters=_arguments(arguments))
        return [ToolCallCompleted(index, parsed)]

    def _end(self, delta: dict[str, Any]) -> list[StreamEvent]:
        self.ended = True
        finish = text_at(delta, "finish_reason", "delta")
        error_text = _error_text(delta.get("error"))
        events = _end_events(finish, delta.get("usage"), error_text, "delta.usage")
        return [*events, StreamEnded(finish, None)]


def stream_mapper() -> StreamMapper:
    """A mapper for one v2 stream."""
    return V2StreamMapper()
