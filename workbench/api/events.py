"""Flavour-neutral chat stream events: what every flavour module maps its wire events to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.api.models import Citation, ToolCall, Usage
    from workbench.api.text import Text


@dataclass(frozen=True, slots=True)
class StreamStarted:
    """The server opened the answer; `response_id` when it sent one."""

    response_id: str | None


@dataclass(frozen=True, slots=True)
class TextDelta:
    """More answer text."""

    text: str


@dataclass(frozen=True, slots=True)
class ThinkingDelta:
    """More reasoning text (v2 thinking blocks, OpenAI-style `reasoning_content`)."""

    text: str


@dataclass(frozen=True, slots=True)
class ToolPlanDelta:
    """More of the model's plan for calling tools."""

    text: str


@dataclass(frozen=True, slots=True)
class CitationsAdded:
    """Citations of the answer text, normalised (offsets index the full text)."""

    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class ToolCallStarted:
    """A tool call opened at `index`; `id` is None where the flavour has none (Cohere v1)."""

    index: int
    id: str | None
    name: str


@dataclass(frozen=True, slots=True)
class ToolCallDelta:
    """More JSON text of the arguments of the call at `index`."""

    index: int
    arguments_delta: str


@dataclass(frozen=True, slots=True)
class ToolCallCompleted:
    """The call at `index` is complete."""

    index: int
    call: ToolCall


@dataclass(frozen=True, slots=True)
class SearchQueriesGenerated:
    """Search queries the model wrote (Cohere v1 `search_queries_only` and connectors)."""

    queries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchResultsReceived:
    """Search results and the documents the server returned (Cohere v1)."""

    results: tuple[dict[str, Any], ...]
    documents: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class UsageReported:
    """Token counts for the whole answer."""

    usage: Usage


@dataclass(frozen=True, slots=True)
class StreamEnded:
    """The answer is complete; `raw` is the full response when the server sent one."""

    finish_reason: str | None
    raw: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class StreamFailed:
    """The server reported a failure inside the stream; what arrived before it is kept.

    `message` is the server's own text as it came, or the workbench's words (a `Text`, so the
    GUI can show them in its language) when the server gave only a finish reason.
    """

    message: str | Text


@dataclass(frozen=True, slots=True)
class UnknownEvent:
    """An event type this version does not know; skipped and counted."""

    type: str


StreamEvent = (
    StreamStarted
    | TextDelta
    | ThinkingDelta
    | ToolPlanDelta
    | CitationsAdded
    | ToolCallStarted
    | ToolCallDelta
    | ToolCallCompleted
    | SearchQueriesGenerated
    | SearchResultsReceived
    | UsageReported
    | StreamEnded
    | StreamFailed
    | UnknownEvent
)
"""Every event a chat stream can produce."""
