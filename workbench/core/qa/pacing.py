"""Pacing for QA requests: a ceiling on requests per minute, and the server's word on its quota.

A QA run must never hammer a deployment: requests are spaced to stay under `rpm`, a `429` is
answered by waiting as long as its `Retry-After` says (then trying again, a few times), and when
the server says few requests remain in its window the pace slows down.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

LOW_REMAINING = 2
"""At or below this many remaining requests, the pacer waits `SLOW_S` between requests."""
SLOW_S = 2.0


class Pacer:
    """Spaces requests: at most `rpm` a minute, slower when the server says its quota runs low."""

    def __init__(
        self,
        rpm: int,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._interval = 60.0 / max(1, rpm)
        self._sleep = sleep
        self._clock = clock
        self._next = 0.0
        self.waited_s = 0.0
        """Time spent waiting for the pace or for `Retry-After`, in seconds."""

    async def turn(self) -> None:
        """Wait until the next request may go out."""
        now = self._clock()
        if now < self._next:
            await self.pause(self._next - now)
        self._next = max(now, self._next) + self._interval

    async def pause(self, seconds: float) -> None:
        """Wait `seconds` (a `Retry-After`, or the pace)."""
        self.waited_s += seconds
        await self._sleep(seconds)

    def heard(self, headers: Mapping[str, str]) -> None:
        """Slow down when the answer's rate-limit headers say few requests remain."""
        remaining = headers.get("x-ratelimit-remaining-requests")
        if (
            remaining is not None
            and remaining.strip().isdigit()
            and int(remaining) <= LOW_REMAINING
        ):
            self._next = max(self._next, self._clock() + SLOW_S)
