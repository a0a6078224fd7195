"""The chat fold: `accumulate(snapshot, event)` builds the answer the UI renders at any moment."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
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
    ThinkingDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    ToolPlanDelta,
    UnknownEvent,
    UsageReported,
)

if TYPE_CHECKING:
    from workbench.api.models import Citation, Usage

__all__ = ["ChatSnapshot", "StreamEvent", "ToolCallState", "accumulate"]


@dataclass(frozen=True, slots=True)
class ToolCallState:
    """A tool call as far as it has arrived."""

    index: int
    id: str | None = None
    name: str = ""
    arguments_json: str = ""
    complete: bool = False

    def parameters(self) -> dict[str, Any] | None:
        """The arguments as an object, or None while they are incomplete or not valid JSON."""
        try:
            value = json.loads(self.arguments_json or "{}")
        except ValueError:
            return None
        return value if isinstance(value, dict) else None


@dataclass(frozen=True, slots=True)
class ChatSnapshot:
    """Everything known about one answer; `ChatSnapshot()` is the empty start."""

    response_id: str | None = None
    text: str = ""
    thinking: str = ""
    tool_plan: str = ""
    citations: tuple[Citation, ...] = ()
    tool_calls: tuple[ToolCallState, ...] = ()
    search_queries: tuple[str, ...] = ()
    search_results: tuple[dict[str, Any], ...] = ()
    documents: tuple[dict[str, Any], ...] = ()
    usage: Usage | None = None
    finish_reason: str | None = None
    error: str | None = None
    done: bool = False
    event_count: int = 0
    unknown_events: int = 0
    raw: dict[str, Any] | None = field(default=None, compare=False)


def _with_call(snap: ChatSnapshot, index: int, **changes: Any) -> tuple[ToolCallState, ...]:
    calls = list(snap.tool_calls)
    for pos, call in enumerate(calls):
        if call.index == index:
            calls[pos] = replace(call, **changes)
            return tuple(calls)
    return (*calls, ToolCallState(index=index, **changes))


def _call(snap: ChatSnapshot, index: int) -> ToolCallState | None:
    return next((c for c in snap.tool_calls if c.index == index), None)


def _completed(snap: ChatSnapshot, event: ToolCallCompleted) -> dict[str, Any]:
    known = _call(snap, event.index)
    arguments = known.arguments_json if known and known.arguments_json else ""
    if not arguments or (
        known is not None and known.parameters() is None and event.call.parameters
    ):
        arguments = json.dumps(event.call.parameters, ensure_ascii=False)
    calls = _with_call(
        snap,
        event.index,
        id=event.call.id or (known.id if known else None),
        name=event.call.name or (known.name if known else ""),
        arguments_json=arguments,
        complete=True,
    )
    return {"tool_calls": calls}


def _changes(snap: ChatSnapshot, event: StreamEvent) -> dict[str, Any]:
    match event:
        case TextDelta(text=text):
            return {"text": snap.text + text}
        case ThinkingDelta(text=text):
            return {"thinking": snap.thinking + text}
        case ToolPlanDelta(text=text):
            return {"tool_plan": snap.tool_plan + text}
        case CitationsAdded(citations=citations):
            return {"citations": snap.citations + citations}
        case ToolCallStarted(index=index, id=call_id, name=name):
            return {"tool_calls": _with_call(snap, index, id=call_id, name=name)}
        case ToolCallDelta(index=index, arguments_delta=delta):
            known = _call(snap, index)
            joined = (known.arguments_json if known else "") + delta
            return {"tool_calls": _with_call(snap, index, arguments_json=joined)}
        case ToolCallCompleted():
            return _completed(snap, event)
        case StreamStarted(response_id=response_id):
            return {"response_id": response_id or snap.response_id}
        case SearchQueriesGenerated(queries=queries):
            return {"search_queries": snap.search_queries + queries}
        case SearchResultsReceived(results=results, documents=documents):
            return {
                "search_results": snap.search_results + results,
                "documents": snap.documents + documents,
            }
        case UsageReported(usage=usage):
            return {"usage": usage}
        case StreamEnded(finish_reason=reason, raw=raw):
            return {"finish_reason": reason, "raw": raw or snap.raw, "done": True}
        case StreamFailed(message=message):
            return {"error": message, "done": True}
        case UnknownEvent():
            return {"unknown_events": snap.unknown_events + 1}
    return {}


def accumulate(snap: ChatSnapshot, event: StreamEvent) -> ChatSnapshot:
    """Fold one event into the snapshot; pure, never mutates its input.

    Args:
        snap: the state so far (`ChatSnapshot()` to start).
        event: the next event.

    Returns:
        The new state.
    """
    return replace(snap, event_count=snap.event_count + 1, **_changes(snap, event))
