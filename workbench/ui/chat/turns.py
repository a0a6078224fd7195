"""Chat turn views: what the transcript and the trace show of a turn, and its status line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.redact import redact_text
from workbench.core.chat_metrics import describe, price_table, thinking_note, turn_metrics
from workbench.core.chat_session import Reply, Turn, reply_from_snapshot
from workbench.core.shown_answer import shown_answer
from workbench.ui.chat.trace import TraceTurn
from workbench.ui.chat.transcript import TurnDisplay

if TYPE_CHECKING:
    from workbench.api.stream import ChatSnapshot
    from workbench.core.chat_metrics import TurnTiming
    from workbench.core.citations import CitationMap
    from workbench.core.endpoints import EndpointConfig


def display_of(
    index: int, turn: Turn, anchors: CitationMap, snap: ChatSnapshot | None = None
) -> TurnDisplay:
    """The transcript's view of a turn, live (from a snapshot) or finished (from its reply).

    `anchors` are the turn's citations as core anchored them (`ChatController.citations`).
    """
    source: ChatSnapshot | Reply
    if turn.system is not None:
        # The transcript has no system row; the message shows as a note where it was carried.
        return TurnDisplay(index=index, user=None, tool_plan=f"System message: {turn.system}")
    if snap is not None:
        # Straight from the snapshot: building a pydantic Reply per tick would copy every
        # citation and document and parse every tool call's arguments, only to read a few back.
        source = snap
        calls = tuple(f"{c.name}({c.arguments_json})" for c in snap.tool_calls)
        cut_off, status = None, ""
    else:
        source = reply = turn.reply or Reply()
        calls = tuple(f"{c.name}({c.parameters})" for c in reply.tool_calls)
        cut_off, status = reply.cut_off, reply.status
        if turn.imported and turn.reply is None:
            status = "imported: no reply in the history"
    # What a server sent is drawn (and copied) masked: it may echo the key (issue 20).
    text, anchors = shown_answer(source.text, anchors, streaming=snap is not None)
    return TurnDisplay(
        index=index,
        user=turn.user,
        text=text,
        tool_plan=redact_text(source.tool_plan),
        tool_results_sent=len(turn.tool_results),
        citations=tuple(source.citations),
        search_queries=tuple(redact_text(q) for q in source.search_queries),
        cut_off=cut_off,
        status=status,
        streaming=snap is not None,
        tool_calls=tuple(redact_text(c) for c in calls),
        anchors=anchors,
        thinking=redact_text(source.thinking),
        # Open while the model thinks; folded once the answer (or a tool call) starts.
        thinking_open=snap is not None and not (snap.text or snap.tool_calls),
        images=tuple(image.url for image in turn.images),
    )


def trace_of(index: int, turn: Turn, snap: ChatSnapshot | None = None) -> TraceTurn:
    """The trace's view of a turn."""
    reply = reply_from_snapshot(snap) if snap is not None else (turn.reply or Reply())
    pending = tuple((c.name, c.arguments_json) for c in (snap.tool_calls if snap else ()))
    pending = tuple(p for p in pending if p[0] not in {c.name for c in reply.tool_calls})
    return TraceTurn(
        index=index,
        title=turn.user if turn.user is not None else _untitled(turn),
        tool_results_sent=tuple(turn.tool_results),
        tool_plan=reply.tool_plan or plan_in_thinking(reply),
        tool_calls=tuple(reply.tool_calls),
        pending_calls=pending,
        search_queries=tuple(reply.search_queries),
        citations=tuple(reply.citations),
        finish_reason=reply.finish_reason,
        cut_off=reply.cut_off,
    )


def _untitled(turn: Turn) -> str:
    if turn.system is not None:
        return "system message"
    return "tool results" if turn.tool_results else "assistant"


def plan_in_thinking(reply: Reply) -> str:
    """A reasoning model's plan: on a tool turn it arrives as thinking, not as a tool plan."""
    return f"(thinking) {reply.thinking}" if reply.tool_calls and reply.thinking else ""


def turn_status(snap: ChatSnapshot, timing: TurnTiming, endpoint: EndpointConfig) -> str:
    """The turn's metrics line: times, tokens, speed and cost at the endpoint's prices."""
    metrics = turn_metrics(
        timing,
        finish_reason=snap.finish_reason,
        usage=snap.usage,
        output_chars=len(snap.text) + len(snap.tool_plan),
        prices=price_table(endpoint.prices),
    )
    line = describe(metrics)
    if snap.thinking:
        line += " · " + thinking_note(snap.thinking, timing)
    return line
