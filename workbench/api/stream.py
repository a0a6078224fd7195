"""The chat fold: `accumulate(snapshot, event)` builds the answer the UI renders at any moment."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from workbench.api import jsontext
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
from workbench.api.redact import redact_secrets
from workbench.api.text import Text

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
            value = jsontext.loads(self.arguments_json or "{}")
        except ValueError:
            return None
        return value if isinstance(value, dict) else None


class _Joined:
    """Append-only text shared along a chain of snapshots; read, it is joined once and cached.

    Folding `snap.text + delta` copied the whole answer on every event, O(n^2) over a long answer.
    Here a snapshot's text appends its piece to a list shared with the snapshot it came from, in
    O(1); a snapshot extended a second time (folding from an older state again) copies its own
    prefix first, so no snapshot ever sees pieces that came after it. The longest prefix of a
    list joined so far is kept with the list, so reading a later snapshot joins only the pieces
    after it (a view reads the streaming answer at every render tick: issue 15).
    """

    __slots__ = ("_count", "_joined", "_parts", "_text")

    def __init__(self, text: str = "") -> None:
        self._parts = [text] if text else []
        self._count = len(self._parts)
        self._text: str | None = text
        self._joined: list[tuple[int, str]] = [(self._count, text)]
        """Shared by the snapshots sharing `_parts`: (count, text) of the longest joined prefix."""

    def plus(self, piece: str) -> _Joined:
        if not piece:
            return self
        parts, joined = self._parts, self._joined
        if self._count and len(parts) == self._count:
            parts.append(piece)
            if len(parts) != self._count + 1:  # another thread extended this same snapshot
                parts, joined = [*parts[: self._count], piece], [(0, "")]
        else:  # the empty start, or an older snapshot extended again: a list of its own
            parts, joined = [*parts[: self._count], piece], [(0, "")]
        grown = _Joined()
        grown._parts, grown._count, grown._text = parts, self._count + 1, None
        grown._joined = joined
        return grown

    def __str__(self) -> str:
        if self._text is None:
            count, text = self._joined[0]
            if count <= self._count:
                self._text = text + "".join(self._parts[count : self._count])
                self._joined[0] = (self._count, self._text)
            else:  # an older snapshot of this list, read after a later one
                self._text = "".join(self._parts[: self._count])
        return self._text

    def __repr__(self) -> str:
        return repr(str(self))


_EMPTY = _Joined()


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ChatSnapshot:
    """Everything known about one answer; `ChatSnapshot()` is the empty start.

    `text`, `thinking` and `tool_plan` read as `str`; they are kept as pieces and joined on first
    read, so folding an answer costs O(1) per delta however long the answer grows.
    """

    response_id: str | None = None
    _text: _Joined = _EMPTY
    _thinking: _Joined = _EMPTY
    _tool_plan: _Joined = _EMPTY
    citations: tuple[Citation, ...] = ()
    tool_calls: tuple[ToolCallState, ...] = ()
    search_queries: tuple[str, ...] = ()
    search_results: tuple[dict[str, Any], ...] = ()
    documents: tuple[dict[str, Any], ...] = ()
    usage: Usage | None = None
    finish_reason: str | None = None
    error: str | Text | None = None
    """A failure the stream reported (`StreamFailed.message`); `str()` is the English line."""
    done: bool = False
    event_count: int = 0
    unknown_events: int = 0
    raw: dict[str, Any] | None = None
    """The final full response when the server gave one (not compared)."""

    @property
    def text(self) -> str:
        """The answer so far."""
        return str(self._text)

    @property
    def thinking(self) -> str:
        """The reasoning text so far (models that stream it)."""
        return str(self._thinking)

    @property
    def tool_plan(self) -> str:
        """The tool plan so far."""
        return str(self._tool_plan)

    def _key(self) -> tuple[object, ...]:
        return (
            self.response_id,
            self.text,
            self.thinking,
            self.tool_plan,
            self.citations,
            self.tool_calls,
            self.search_queries,
            self.search_results,
            self.documents,
            self.usage,
            self.finish_reason,
            self.error,
            self.done,
            self.event_count,
            self.unknown_events,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ChatSnapshot) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("response_id", "text", "thinking", "tool_plan", *_PLAIN_FIELDS)
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"ChatSnapshot({shown})"


_PLAIN_FIELDS = tuple(
    f.name
    for f in fields(ChatSnapshot)
    if f.name not in {"response_id", "_text", "_thinking", "_tool_plan"}
)


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
            return {"_text": snap._text.plus(text)}
        case ThinkingDelta(text=text):
            return {"_thinking": snap._thinking.plus(text)}
        case ToolPlanDelta(text=text):
            return {"_tool_plan": snap._tool_plan.plus(text)}
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
            return {"error": _kept(message), "done": True}
        case UnknownEvent():
            return {"unknown_events": snap.unknown_events + 1}
    return {}


def _kept(message: str | Text) -> str | Text:
    """A failure's message without the secrets a server may quote in it (the key it was sent):
    it is kept with the turn and the run, shown, and printed."""
    if isinstance(message, str):
        return redact_secrets(message)
    values = (redact_secrets(v) if isinstance(v, str) else v for v in message.values)
    return Text(message.template, *values, decimals=message.decimals, count=message.count)


def accumulate(snap: ChatSnapshot, event: StreamEvent) -> ChatSnapshot:
    """Fold one event into the snapshot; pure, never mutates its input.

    Args:
        snap: the state so far (`ChatSnapshot()` to start).
        event: the next event.

    Returns:
        The new state.
    """
    return replace(snap, event_count=snap.event_count + 1, **_changes(snap, event))
