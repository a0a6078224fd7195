"""Flavour-neutral view of a chat request and of the answer the responder drafts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Doc:
    """A grounding document: its id and its string fields."""

    id: str
    fields: dict[str, str]
    excluded: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        """The document's readable text: its fields (minus id and excluded ones) one per line."""
        shown = [v for k, v in self.fields.items() if k != "id" and k not in self.excluded]
        return "\n".join(shown)


@dataclass(frozen=True)
class ToolParam:
    """One parameter of a tool, reduced to what argument filling needs."""

    name: str
    type: str
    required: bool
    description: str = ""
    choices: tuple[str, ...] = ()
    """A JSON-schema `enum`, or the words a v1 description lists ("celsius or fahrenheit")."""
    items: str = ""
    """For arrays: the type of their items ("string", "integer"...), when known."""
    format: str = ""
    """A JSON-schema `format` ("date", "date-time", "email"...), when given."""


@dataclass(frozen=True)
class Tool:
    """A tool the model may call."""

    name: str
    description: str
    params: tuple[ToolParam, ...]


@dataclass(frozen=True)
class ToolOutput:
    """One output object of a tool result, with the id citations use for it."""

    source_id: str
    tool_name: str
    output: dict[str, Any]


@dataclass(frozen=True)
class Prompt:
    """What the responder answers: the question and whatever grounds it."""

    message: str
    seed: int
    temperature: float
    documents: tuple[Doc, ...] = ()
    tools: tuple[Tool, ...] = ()
    tool_outputs: tuple[ToolOutput, ...] = ()
    force_tool: bool = False
    """The request demands a tool call (v2 `REQUIRED`, OpenAI `required`)."""
    no_tools: bool = False
    """The request forbids tool calls (v2 `NONE`, OpenAI `none`)."""


@dataclass(frozen=True)
class Span:
    """A citation: `text[start:end]` in code points, and the ids of its sources."""

    start: int
    end: int
    text: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class PlannedCall:
    """A tool call the responder decided to make."""

    name: str
    parameters: dict[str, Any]


@dataclass(frozen=True)
class Answer:
    """The drafted answer after `max_tokens` and stop sequences were applied."""

    text: str
    finish_reason: str
    """Cohere spelling: COMPLETE, MAX_TOKENS, STOP_SEQUENCE or TOOL_CALL."""
    citations: tuple[Span, ...] = ()
    tool_calls: tuple[PlannedCall, ...] = ()
    tool_plan: str = ""
    search_queries: tuple[str, ...] = field(default=())
