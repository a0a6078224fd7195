"""A run's timeline in numbers: headers, first token, last token, tokens per second, event times."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.core.runs.store import RunRecord


@dataclass(frozen=True)
class Timeline:
    """Seconds after the request was sent (None: it never happened)."""

    headers: float | None
    first: float | None
    last: float | None
    events: tuple[float, ...]
    tokens_per_s: float | None
    """Output tokens (the usage, else the event count) over the stretch from first to last."""

    @cached_property
    def sorted_events(self) -> tuple[float, ...]:
        """The event times in order (arrival order already is, so this costs one pass)."""
        return tuple(sorted(self.events))

    @cached_property
    def end(self) -> float:
        """The latest time on the chart (at least a millisecond, so it has a scale)."""
        latest = self.sorted_events[-1:]
        times = [t for t in (self.headers, self.first, self.last, *latest) if t is not None]
        return max([0.001, *times])

    def occupied(self, columns: int) -> list[int]:
        """Which of `columns` equal slices of [0, end] hold at least one event, in order.

        A slice is found by bisecting the sorted times: what a chart draws costs its width,
        not the events (a long stream has hundreds of thousands; a paint went over each).
        """
        times, end = self.sorted_events, self.end
        found = []
        for column in range(columns):
            at = bisect_left(times, end * column / columns)
            if at < len(times) and times[at] < end * (column + 1) / columns:
                found.append(column)
        if times and times[-1] >= end and found[-1:] != [columns - 1]:
            found.append(columns - 1)  # the latest time is the end itself: the last slice
        return found

    def summary(self) -> str:
        """The timeline in one line of words (the chart's description for screen readers)."""

        def ms(t: float | None) -> str:
            return "—" if t is None else f"{t * 1000:.0f} ms"

        rate = "—" if self.tokens_per_s is None else f"{self.tokens_per_s:.1f}"
        return (
            f"headers {ms(self.headers)}, first token {ms(self.first)}, last token "
            f"{ms(self.last)}, {len(self.events)} events, {rate} tokens/s"
        )


def group_timeline(records: list[RunRecord]) -> Timeline:
    """One timeline for requests sent one after another (a batched run), from the first's start."""
    start = records[0].created
    events: list[float] = []
    lasts: list[float] = []
    for record in records:
        offset = record.created - start
        events += [offset + e.t for e in record.events]
        if record.t_last is not None:
            lasts.append(offset + record.t_last)
    first = records[0]
    return Timeline(first.t_headers, first.t_first, max(lasts, default=None), tuple(events), None)


def timeline_of(record: RunRecord, times: Sequence[float] | None = None) -> Timeline:
    """The run's timeline from its stored timings and event arrival times (`times`, when the
    caller keeps them: a run followed live, read again a few times a second)."""
    events = tuple(times) if times is not None else tuple(e.t for e in record.events)
    tokens = record.usage.get("output_tokens") or len(events) or None
    rate = None
    if tokens and record.t_first is not None and record.t_last is not None:
        span = record.t_last - record.t_first
        rate = float(tokens) / span if span > 0 else None
    return Timeline(record.t_headers, record.t_first, record.t_last, events, rate)
