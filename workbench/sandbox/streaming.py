"""Paced delivery of stream frames, with the stream faults (slow, malformed, dropped) applied."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Sequence

    from workbench.sandbox.faults import Faults


STALL_S = 600.0
"""How long a stalled stream holds its connection open at most."""


class DroppedStream(Exception):  # named for what the client sees, not as an "Error"
    """Raised inside a stream to make the server cut the connection without a clean end."""


class QuietDrops(logging.Filter):
    """Drops uvicorn's "Exception in ASGI application" report for requests cut on purpose: a
    stream dropped by a fault, or a request still running when the sandbox stops."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record except those caused by a DroppedStream or a cancellation."""
        exc = record.exc_info[1] if record.exc_info else None
        while exc is not None:
            if isinstance(exc, DroppedStream | asyncio.CancelledError):
                return False
            if isinstance(exc, BaseExceptionGroup):
                return not any(
                    isinstance(e, DroppedStream | asyncio.CancelledError) for e in exc.exceptions
                )
            exc = exc.__cause__ or exc.__context__
        return True


async def deliver(
    frames: Sequence[bytes], faults: Faults, pace_s: float, broken_frame: bytes
) -> AsyncIterator[bytes]:
    """Yield `frames` one by one, pausing and misbehaving as `faults` ask.

    Args:
        frames: the encoded events, each complete with its terminator.
        faults: the request's faults (drop/malformed counts are in events sent before the fault).
        pace_s: pause between events (the token pace).
        broken_frame: what a malformed event looks like in this framing.

    Raises:
        DroppedStream: when `drop_after_events` is reached; the server then closes the socket.
    """
    for sent, frame in enumerate(frames):
        if faults.drop_after_events is not None and sent >= faults.drop_after_events:
            raise DroppedStream(f"dropped after {sent} events as asked")
        if faults.malformed_after_events is not None and sent >= faults.malformed_after_events:
            yield broken_frame
            return
        if faults.stall_after_events is not None and sent >= faults.stall_after_events:
            # Starlette cancels this when the client goes away; the bound only ends a forgotten one.
            await asyncio.sleep(STALL_S)
            return
        delay = faults.slow_stream_ms / 1000 + (pace_s if sent else 0.0)
        if delay:
            await asyncio.sleep(delay)
        yield frame
