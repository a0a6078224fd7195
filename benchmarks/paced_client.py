"""The chat benchmarks' stand-in client: parsed events yielded on a fixed-rate schedule, no HTTP."""

from __future__ import annotations

import asyncio
import math
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from workbench.api.events import StreamEvent


class PacedClient:
    """Stands in for WorkbenchClient: yields the events at `rate` a second, sleeping only while
    it is ahead, so a pane that falls behind gets the backlog without a suspension in between,
    as a fast network read does.

    With `burst` > 1 the events fall due `burst` at a time (a stalled connection that then
    delivers its backlog), still at `rate` on average. qasync starts a timer of whole
    milliseconds for a sleep (it truncates), so a wait of less than one is a zero timer and the
    loop spins until the event is due; with `whole_ms` the client waits whole milliseconds
    instead and yields what fell due meanwhile, as a socket read hands over what arrived.
    """

    def __init__(
        self,
        events: list[StreamEvent],
        rate: float,
        burst: int = 1,
        *,
        whole_ms: bool = False,
    ) -> None:
        self._events = events
        self._rate = rate
        self._burst = burst
        self._whole_ms = whole_ms

    async def chat_stream(self, request: Any) -> AsyncIterator[StreamEvent]:
        started = time.perf_counter()
        for n, event in enumerate(self._events):
            due = started + (n - n % self._burst) / self._rate
            ahead = due - time.perf_counter()
            if ahead > 0:
                await asyncio.sleep(math.ceil(ahead * 1000) / 1000 if self._whole_ms else ahead)
            yield event
