"""Requests- and tokens-per-minute quota over a sliding one-minute window, like a serverless deployment."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

WINDOW_S = 60.0


@dataclass(frozen=True)
class QuotaDecision:
    """Whether a request may run, and what the rate-limit headers say."""

    allowed: bool
    remaining_requests: int
    remaining_tokens: int
    retry_after_s: int
    """Whole seconds until enough of the window has passed (0 when allowed)."""

    def headers(self) -> dict[str, str]:
        """The `x-ratelimit-*` headers (plus `Retry-After` when refused)."""
        out = {
            "x-ratelimit-remaining-requests": str(self.remaining_requests),
            "x-ratelimit-remaining-tokens": str(self.remaining_tokens),
        }
        if not self.allowed:
            out["Retry-After"] = str(self.retry_after_s)
        return out


class Quota:
    """Counts requests and tokens of the last minute; refuses those that would exceed either limit."""

    def __init__(self, rpm: int, tpm: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._rpm = rpm
        self._tpm = tpm
        self._clock = clock
        self._spent: deque[tuple[float, int]] = deque()
        self._tokens = 0
        # Requests arrive on one event loop, but the GUI may read figures from another thread.
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._spent and self._spent[0][0] <= now - WINDOW_S:
            self._tokens -= self._spent.popleft()[1]

    def take(self, tokens: int) -> QuotaDecision:
        """Record a request costing `tokens`, or refuse it if the window has no room."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            fits = len(self._spent) < self._rpm and self._tokens + tokens <= self._tpm
            if fits:
                self._spent.append((now, tokens))
                self._tokens += tokens
                return self._decision(True, 0)
            return self._decision(False, self._retry_after(now, tokens))

    def _retry_after(self, now: float, tokens: int) -> int:
        """Seconds until the oldest entries leave the window and this request would fit."""
        count, spent = len(self._spent), self._tokens
        for stamp, cost in self._spent:
            count, spent = count - 1, spent - cost
            if count < self._rpm and spent + tokens <= self._tpm:
                return max(1, math.ceil(stamp + WINDOW_S - now))
        return math.ceil(WINDOW_S)  # larger than the whole budget: say "a minute"

    def _decision(self, allowed: bool, retry_after: int) -> QuotaDecision:
        return QuotaDecision(
            allowed=allowed,
            remaining_requests=max(0, self._rpm - len(self._spent)),
            remaining_tokens=max(0, self._tpm - self._tokens),
            retry_after_s=retry_after,
        )
