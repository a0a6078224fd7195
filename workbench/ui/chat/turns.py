"""Chat turn views: what the transcript and the trace show of a turn, and its status line.

The status line is written in the GUI's language and locale when the turn ends, and kept with
the reply as written (core's `describe` writes the command line's English one).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from workbench.api.redact import redact_text
from workbench.core.chat_metrics import TurnMetrics, price_table, turn_metrics
from workbench.core.chat_session import Measured, Reply, Turn, reply_from_snapshot
from workbench.core.shown_answer import StreamedAnswer, shown_answer
from workbench.core.structured import check_answer
from workbench.ui.chat.trace import TraceTurn
from workbench.ui.chat.transcript import TurnDisplay
from workbench.ui.common import l10n
from workbench.ui.common.core_text import shown

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.api.models import ResponseFormat
    from workbench.api.stream import ChatSnapshot
    from workbench.core.chat_metrics import TurnTiming
    from workbench.core.citations import CitationMap
    from workbench.core.endpoints import EndpointConfig


class TurnTexts(QObject):
    """Counted texts of a turn (a QObject, so lupdate files plural forms)."""

    def schema_misses(self, first: object, more: int) -> str:
        """ "JSON ✗ $.a: … (+2 more)" """
        line = self.tr("JSON ✗ %1 (+%n more)", "", more) if more else self.tr("JSON ✗ %1")
        return _fill(line, first)


def _fill(text: str, *values: object) -> str:
    """`text` with %1, %2… replaced in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), text)


def _call_lines(calls: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """Each tool call as `name({"argument": …})`: the JSON it streamed in, and the JSON it
    ends as (not Python's repr of its arguments)."""
    return tuple(f"{name}({arguments})" for name, arguments in calls)


def display_of(
    index: int,
    turn: Turn,
    anchors: CitationMap,
    snap: ChatSnapshot | None = None,
    labels: tuple[tuple[str, str], ...] = (),
    streamed: StreamedAnswer | None = None,
) -> TurnDisplay:
    """The transcript's view of a turn, live (from a snapshot) or finished (from its reply).

    `anchors` are the turn's citations as core anchored them (`ChatController.citations`);
    `labels` say where documents came from (the rerank row), for the citations' tool tips;
    `streamed` masks a live answer reading only what arrived since it was last asked.
    """
    source: ChatSnapshot | Reply
    if turn.system is not None:
        # The transcript has no system row; the message shows as a note where it was carried.
        note = _fill(QCoreApplication.translate("ChatTurns", "System message: %1"), turn.system)
        return TurnDisplay(index=index, user=None, tool_plan=note)
    if snap is not None:
        # Straight from the snapshot: building a pydantic Reply per tick would copy every
        # citation and document and parse every tool call's arguments, only to read a few back.
        source = snap
        calls = _call_lines((c.name, c.arguments_json) for c in snap.tool_calls)
        cut_off, status = None, ""
    else:
        source = reply = turn.reply or Reply()
        calls = _call_lines(
            (c.name, json.dumps(c.parameters, ensure_ascii=False)) for c in reply.tool_calls
        )
        cut_off, status = reply.cut_off_now(), reply.status  # in today's language too
        if reply.measured is not None:  # drawn again from its values, in today's language
            status = status_line(reply.measured, thinking=reply.thinking, text=reply.text)
        if turn.imported and turn.reply is None:
            status = QCoreApplication.translate("ChatTurns", "imported: no reply in the history")
    # What a server sent is drawn (and copied) masked: it may echo the key (issue 20).
    if snap is not None and streamed is not None:
        text, anchors = streamed.shown(snap.text, anchors)
    else:
        text, anchors = shown_answer(source.text, anchors, streaming=snap is not None)
    return TurnDisplay(
        index=index,
        user=turn.user,
        text=text,
        tool_plan=redact_text(source.tool_plan),
        tool_results_sent=len(turn.tool_results),
        citations=tuple(source.citations),
        search_queries=tuple(redact_text(q) for q in source.search_queries),
        cut_off=redact_text(cut_off) if cut_off else None,
        status=status,
        streaming=snap is not None,
        tool_calls=tuple(redact_text(c) for c in calls),
        anchors=anchors,
        thinking=redact_text(source.thinking),
        # Open while the model thinks; folded once the answer (or a tool call) starts.
        thinking_open=snap is not None and not (snap.text or snap.tool_calls),
        images=tuple(image.url for image in turn.images),
        source_labels=labels,
    )


def trace_of(index: int, turn: Turn, snap: ChatSnapshot | None = None) -> TraceTurn:
    """The trace's view of a turn."""
    reply = reply_from_snapshot(snap) if snap is not None else (turn.reply or Reply())
    pending = tuple((c.name, c.arguments_json) for c in (snap.tool_calls if snap else ()))
    pending = tuple(p for p in pending if p[0] not in {c.name for c in reply.tool_calls})
    return TraceTurn(
        index=index,
        title=turn.user,
        untitled=_untitled(turn),
        tool_results_sent=tuple(turn.tool_results),
        tool_plan=reply.tool_plan,
        thinking_plan=plan_in_thinking(reply) if not reply.tool_plan else "",
        tool_calls=tuple(reply.tool_calls),
        pending_calls=pending,
        search_queries=tuple(reply.search_queries),
        citations=tuple(reply.citations),
        finish_reason=reply.finish_reason,
        cut_off=reply.cut_off_now(),
    )


def _untitled(turn: Turn) -> str:
    """What a turn without a user message is (the trace names it in the current language)."""
    if turn.system is not None:
        return "system"
    return "tool results" if turn.tool_results else "assistant"


def plan_in_thinking(reply: Reply) -> str:
    """A reasoning model's plan: on a tool turn it arrives as thinking, not as a tool plan."""
    return reply.thinking if reply.tool_calls and reply.thinking else ""


def measure(snap: ChatSnapshot, timing: TurnTiming, endpoint: EndpointConfig) -> Measured:
    """The values of the turn's metrics line, kept with the reply (drawn again on a switch)."""
    metrics = turn_metrics(
        timing,
        finish_reason=snap.finish_reason,
        usage=snap.usage,
        output_chars=len(snap.text) + len(snap.tool_plan),
        prices=price_table(endpoint.prices),
    )
    thought = timing.first_output - timing.started if timing.first_output is not None else None
    return Measured(metrics=asdict(metrics), thinking_s=thought)


def status_line(measured: Measured, *, thinking: str = "", text: str = "") -> str:
    """A metrics line in the current language, from its values: times, tokens, cost, the
    thinking note and, where JSON was asked for, the schema verdict on `text`."""
    line = describe(TurnMetrics(**measured.metrics))
    if thinking:
        line += " · " + thinking_note(thinking, measured.thinking_s)
    if verdict := schema_verdict(text, measured.response_format):
        line += f" · {verdict}"
    return line


def _units(value: float) -> str:
    return l10n.format_number(value, 0 if float(value).is_integer() else 2)


def cost_text(cost: float, currency: str) -> str:
    """An estimated cost with two significant digits: "≈ 0.0025 USD" ("≈ 0,0025 USD")."""
    decimals = 0 if cost == 0 else max(2, 1 - math.floor(math.log10(cost)))
    return f"≈ {l10n.format_number(cost, decimals)} {currency}"


def describe(metrics: TurnMetrics) -> str:
    """The metrics line: finish reason, timings, tokens, billed units and cost."""
    reason = metrics.finish_reason or QCoreApplication.translate("ChatTurns", "unknown")
    parts = [_fill(QCoreApplication.translate("ChatTurns", "finish: %1"), reason)]
    if metrics.time_to_first_token_s is not None:
        first = l10n.format_ms(metrics.time_to_first_token_s * 1000)
        parts.append(_fill(QCoreApplication.translate("ChatTurns", "first token %1"), first))
    if metrics.tokens_per_s is not None:
        approx = "≈" if metrics.tokens_estimated else ""
        speed = l10n.format_number(metrics.tokens_per_s, 1)
        parts.append(approx + _fill(QCoreApplication.translate("ChatTurns", "%1 tokens/s"), speed))
    if metrics.input_tokens is not None or metrics.output_tokens is not None:
        tokens_in = "?" if metrics.input_tokens is None else _units(metrics.input_tokens)
        tokens_out = "?" if metrics.output_tokens is None else _units(metrics.output_tokens)
        parts.append(
            _fill(
                QCoreApplication.translate("ChatTurns", "tokens in %1 / out %2"),
                tokens_in,
                tokens_out,
            )
        )
    # Billed tokens that equal the tokens above would only say them again (one short line).
    repeats = {"input_tokens": metrics.input_tokens, "output_tokens": metrics.output_tokens}
    extra = {k: v for k, v in metrics.billed_units.items() if repeats.get(k) != v}
    if extra:
        units = sorted(extra.items())
        billed = ", ".join(f"{name} {_units(count)}" for name, count in units)
        parts.append(_fill(QCoreApplication.translate("ChatTurns", "billed %1"), billed))
    if metrics.cost is not None:
        parts.append(cost_text(metrics.cost, metrics.currency))
    if metrics.total_s is not None:
        parts.append(l10n.format_seconds(metrics.total_s))
    return " · ".join(parts)


def thinking_note(thinking: str, seconds: float | None) -> str:
    """`thought ≈120 tokens in 1,40 s`: thinking time runs until the first answer output.

    The count is estimated from the text (about four characters a token): Cohere reports no
    separate thinking-token count.
    """
    tokens = l10n.format_count(max(1, round(len(thinking) / 4)))
    if seconds is None:
        return _fill(QCoreApplication.translate("ChatTurns", "thought ≈%1 tokens"), tokens)
    took = l10n.format_seconds(seconds)
    return _fill(QCoreApplication.translate("ChatTurns", "thought ≈%1 tokens in %2"), tokens, took)


def schema_verdict(text: str, fmt: ResponseFormat | None) -> str:
    """One line for the turn: "JSON ✓ follows the schema", or "JSON ✗ $.a: …" ("" when no JSON
    was asked for). The problem itself is jsonschema's own English text."""
    verdict = check_answer(text, fmt)
    if verdict is None:
        return ""
    if verdict.valid:
        return (
            QCoreApplication.translate("ChatTurns", "JSON ✓ follows the schema")
            if fmt and fmt.json_schema
            else QCoreApplication.translate("ChatTurns", "JSON ✓ valid")
        )
    more = len(verdict.problems) - 1
    first = verdict.problems[0]
    return TurnTexts().schema_misses(f"{first.path}: {shown(first.message)}", more)
