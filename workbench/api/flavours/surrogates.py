"""Lone surrogates in stream events: an emoji split across two deltas is joined, any other replaced.

A server that cuts its text by UTF-16 code units may send the two halves of one emoji as
`"\\ud83c"` and `"\\udf89"` in consecutive deltas. Python decodes each escape to a lone surrogate,
which no UTF-8 encoder accepts: printing or saving the answer would crash (issue 20). The joiner
holds a trailing high surrogate back until the next delta of the same kind; a half that finds no
partner becomes U+FFFD. Strings in every other event of such a frame are repaired the same way.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from workbench.api.events import (
    StreamEnded,
    StreamFailed,
    TextDelta,
    ThinkingDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolPlanDelta,
)
from workbench.api.jsontext import fix_surrogates, replace_lone_surrogates

if TYPE_CHECKING:
    from workbench.api.events import StreamEvent

_HIGH = ("\ud800", "\udbff")


class SurrogateJoiner:
    """Per stream: repairs the strings of events, holding back a high surrogate at a delta's end."""

    def __init__(self) -> None:
        self._pending: dict[Any, tuple[StreamEvent, str]] = {}
        """Channel → (the delta it came in, the held-back high surrogate)."""

    def events(self, events: list[StreamEvent], *, escaped: bool) -> list[StreamEvent]:
        """The events with their strings repaired.

        Args:
            events: what one frame mapped to.
            escaped: whether the frame's JSON held a surrogate escape (else only deltas that
                follow a held-back half, and completed tool calls built from joined pieces, are
                looked at: the common case costs nothing).
        """
        if not escaped and not self._pending and not _any_completed(events):
            return events
        out: list[StreamEvent] = []
        for event in events:
            if isinstance(event, StreamEnded | StreamFailed):
                out += self._flush()
            out.append(self._one(event, escaped=escaped))
        return out

    def _one(self, event: StreamEvent, *, escaped: bool) -> StreamEvent:
        if isinstance(event, TextDelta | ThinkingDelta | ToolPlanDelta):
            return dataclasses.replace(event, text=self._join(type(event), event, event.text))
        if isinstance(event, ToolCallDelta):
            key = ("call", event.index)
            text = self._join(key, event, event.arguments_delta)
            return dataclasses.replace(event, arguments_delta=text)
        if escaped or isinstance(event, ToolCallCompleted):
            fixed: StreamEvent = repaired(event)
            return fixed
        return event

    def _join(self, key: Any, event: StreamEvent, text: str) -> str:
        held = self._pending.pop(key, None)
        if held is not None:
            text = held[1] + text
        if text and _HIGH[0] <= text[-1] <= _HIGH[1]:
            self._pending[key] = (event, text[-1])
            text = text[:-1]
        return fix_surrogates(text)

    def _flush(self) -> list[StreamEvent]:
        """A replacement character for every half still held back: the stream ends here."""
        out: list[StreamEvent] = []
        for event, _half in self._pending.values():
            if isinstance(event, ToolCallDelta):
                out.append(dataclasses.replace(event, arguments_delta="\ufffd"))
            elif isinstance(event, TextDelta | ThinkingDelta | ToolPlanDelta):
                out.append(dataclasses.replace(event, text="\ufffd"))
        self._pending.clear()
        return out


def _any_completed(events: list[StreamEvent]) -> bool:
    return any(isinstance(e, ToolCallCompleted) for e in events)


def repaired(value: Any) -> Any:
    """An event (or any value inside one) with every string's lone surrogates replaced."""
    if isinstance(value, str | list | dict):
        return replace_lone_surrogates(value)
    if isinstance(value, tuple):
        return tuple(repaired(v) for v in value)
    if isinstance(value, BaseModel):
        return type(value).model_validate(repaired(value.model_dump()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: repaired(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
