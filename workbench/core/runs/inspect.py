"""A stored run as text for people: request, response, events with arrival times, answer, timings.

The fixed words are `Text`s: the command line prints them in English, the History inspector
passes `say` to show them in the GUI's language (issue 18). Requests, headers, bodies and events
are data and stay as stored.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from workbench.api.text import Text
from workbench.core.runs.replay import fold

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.core.runs.store import RecordedEvent, RunRecord


def when(created: float) -> str:
    """The run's local start time, to the second (a time no date can show, as its number)."""
    try:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(created))
    except (OverflowError, OSError, ValueError):
        return f"{created:g}"


def answer_of(record: RunRecord) -> str:
    """The stored answer, or for a turn cut off mid-stream the answer its events add up to."""
    if record.answer or record.kind != "chat":
        return record.answer
    return fold(record).text


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.0f} ms"


def timings(record: RunRecord, say: Callable[[Text], str] = str) -> str:
    """Time to headers, first token and last token, on one line."""
    times = (_ms(record.t_headers), _ms(record.t_first), _ms(record.t_last))
    return say(Text("headers %1 · first token %2 · last %3", *times))


def event_line(event: RecordedEvent) -> str:
    """One stream event with its arrival time, on one line."""
    return f"[{event.t * 1000:9.1f} ms] {event.event or ''} {event.data}"


def describe_head(record: RunRecord, say: Callable[[Text], str] = str) -> str:
    """The request, the status and response headers and the timings (what precedes the events).

    Args:
        record: the run.
        say: how a fixed text is shown (English by default; the GUI translates).
    """
    lines = [f"{record.method} {record.url}"]
    lines += [f"  {name}: {value}" for name, value in record.request_headers.items()]
    lines += ["", record.request_body, ""]
    started = when(record.created)
    lines.append(
        say(Text("status %1  outcome %2  (%3)", str(record.status), record.outcome, started))
    )
    lines += [f"  {name}: {value}" for name, value in record.response_headers.items()]
    lines.append(timings(record, say))
    return "\n".join(lines)


def describe(record: RunRecord, say: Callable[[Text], str] = str) -> str:
    """The whole run as text (secrets were masked when it was stored); `say` as for
    `describe_head`."""
    lines = [describe_head(record, say)]
    lines += [event_line(e) for e in record.events]
    if record.response_body:
        lines += ["", record.response_body]
    if record.usage:
        lines.append(say(Text("usage: %1", json.dumps(record.usage, sort_keys=True))))
    if record.cost is not None:
        cost = f"{record.cost:.6f}"  # data: the same digits in every language
        lines.append(say(Text("estimated cost: %1 %2", cost, record.currency)))
    if record.kind == "chat":
        lines += ["", say(Text("answer: %1", answer_of(record)))]
    if record.error:
        lines.append(say(Text("error: %1", record.error)))
    return "\n".join(lines) + "\n"
