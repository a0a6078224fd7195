"""Wire taps: an observer the client tells about each request, response and stream frame.

A tap is set for the current task with `tapping(tap)` (a context variable, so two requests running
side by side on one client each report to their own tap) and called on the caller's thread; a tap
must be cheap (the run recorder only stamps the time and queues).
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


class WireTap(Protocol):
    """What the client reports about one exchange, in order."""

    def request(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> None:
        """The request is about to be sent (headers as built, secrets still in them)."""
        ...

    def response(self, status: int, headers: Mapping[str, str]) -> None:
        """The status line and headers arrived."""
        ...

    def frame(self, data: str, event: str | None) -> None:
        """One stream frame arrived (an SSE event or a JSON line)."""
        ...

    def body(self, content: bytes) -> None:
        """A whole (non-streamed) body arrived."""
        ...

    def end(self, error: BaseException | None) -> None:
        """The call is over: None when it went well, else what ended it (GeneratorExit: the
        caller stopped reading the stream)."""
        ...


_current: ContextVar[WireTap | None] = ContextVar("workbench_wire_tap", default=None)


def current_tap() -> WireTap | None:
    """The tap set for the running task, or None."""
    return _current.get()


@contextlib.contextmanager
def ending(tap: WireTap | None) -> Iterator[None]:
    """Tell `tap` how the block ended (nothing when there is no tap)."""
    try:
        yield
    except BaseException as exc:
        if tap is not None:
            tap.end(exc)
        raise
    if tap is not None:
        tap.end(None)


@contextlib.contextmanager
def tapping(tap: WireTap | None) -> Iterator[None]:
    """Report the requests made inside this block to `tap` (None: to nobody)."""
    token = _current.set(tap)
    try:
        yield
    finally:
        _current.reset(token)
