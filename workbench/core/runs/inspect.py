"""A stored run as text for people: request, response, events with arrival times, answer, timings."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from workbench.core.runs.replay import fold

if TYPE_CHECKING:
    from workbench.core.runs.store import RecordedEvent, RunRecord


def when(created: float) -> str:
    """The run's local start time, to the second."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(created))


def answer_of(record: RunRecord) -> str:
    """The stored answer, or for a turn cut off mid-stream the answer its events add up to."""
    if record.answer or record.kind != "chat":
        return record.answer
    return fold(record).text


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.0f} ms"


def timings(record: RunRecord) -> str:
    """Time to headers, first token and last token, on one line."""
    return (
        f"headers {_ms(record.t_headers)} · first token {_ms(record.t_first)} · "
        f"last {_ms(record.t_last)}"
    )


def event_line(event: RecordedEvent) -> str:
    """One stream event with its arrival time, on one line."""
    return f"[{event.t * 1000:9.1f} ms] {event.event or ''} {event.data}"


def describe_head(record: RunRecord) -> str:
    """The request, the status and response headers and the timings (what precedes the events)."""
    lines = [f"{record.method} {record.url}"]
    lines += [f"  {name}: {value}" for name, value in record.request_headers.items()]
    lines += ["", record.request_body, ""]
    lines.append(f"status {record.status}  outcome {record.outcome}  ({when(record.created)})")
    lines += [f"  {name}: {value}" for name, value in record.response_headers.items()]
    lines.append(timings(record))
    return "\n".join(lines)


def describe(record: RunRecord) -> str:
    """The whole run as text (secrets were masked when it was stored)."""
    lines = [describe_head(record)]
    lines += [event_line(e) for e in record.events]
    if record.response_body:
        lines += ["", record.response_body]
    if record.usage:
        lines.append(f"usage: {json.dumps(record.usage, sort_keys=True)}")
    if record.cost is not None:
        lines.append(f"estimated cost: {record.cost:.6f} {record.currency}")
    if record.kind == "chat":
        lines += ["", f"answer: {answer_of(record)}"]
    if record.error:
        lines.append(f"error: {record.error}")
    return "\n".join(lines) + "\n"
