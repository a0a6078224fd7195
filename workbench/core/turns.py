"""One chat turn, Qt-free: streamed through the client, folded, timed and its citations anchored.

The command line and the Chat pane both run a turn with `stream_turn`; what they differ in (printing
deltas, a coalesced render) is the `on_event` hook. The turn's state is a `TurnRun`: the fold so
far, the clock readings, how it ended, and its citations anchored once, here, for every view.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from workbench.api.errors import WorkbenchError
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.api.text import english
from workbench.core.chat_metrics import TurnTiming, observe
from workbench.core.citations import CitationMap, StreamingCitations

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from workbench.api.events import StreamEvent
    from workbench.api.models import ChatRequest

STOPPED = english("Stopped by you")
"""Why a cancelled turn ended (Stop in the GUI, Ctrl+C on the command line)."""
UNFINISHED = english("the stream ended without its final event")
_NO_CITATIONS = CitationMap()


class ChatStreamer(Protocol):
    """What a turn needs of a client: `WorkbenchClient.chat_stream`."""

    def chat_stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        """Stream one chat turn as neutral events."""
        ...


def has_output(snap: ChatSnapshot) -> bool:
    """Whether the turn has produced anything to show yet (for time to first output)."""
    return bool(snap.text or snap.tool_plan or snap.tool_calls)


@dataclass(eq=False)
class TurnRun:
    """One turn as far as it has got: the fold, its clock readings and how it ended."""

    timing: TurnTiming = field(default_factory=lambda: TurnTiming(started=time.monotonic()))
    snapshot: ChatSnapshot = field(default_factory=ChatSnapshot)
    error: WorkbenchError | None = None
    """The failure that ended the turn, if one did."""
    stopped: bool = False
    """True when the turn was cancelled (Stop, Ctrl+C)."""
    _anchoring: StreamingCitations = field(default_factory=StreamingCitations)
    _anchored: tuple[ChatSnapshot, CitationMap] | None = None

    def fold(self, event: StreamEvent, now: float) -> ChatSnapshot:
        """Fold one event and note the first output."""
        self.snapshot = snap = accumulate(self.snapshot, event)
        if self.timing.first_output is None:
            self.timing = observe(self.timing, has_output(snap), False, now)
        return snap

    def end(self, now: float) -> None:
        """Note the end of the turn (once)."""
        self.timing = observe(self.timing, False, True, now)

    @property
    def cut_off(self) -> str | None:
        """Why the turn is partial: stopped, failed, or a stream without its final event."""
        if self.stopped:
            return STOPPED
        if self.error is not None:
            return str(self.error)
        return None if self.snapshot.done else UNFINISHED

    def citations(self) -> CitationMap:
        """The snapshot's citations anchored on its text (incrementally, as the answer grows).

        Computed when asked (a view asks ~33 times a second), not per event, and kept for the
        snapshot it was computed for.
        """
        snap, anchored = self.snapshot, self._anchored
        if not snap.citations:
            return _NO_CITATIONS  # most answers: no UTF-16 index kept over their text at all
        if anchored is not None and anchored[0] is snap:
            return anchored[1]
        self._anchoring.update(snap.text, snap.citations)
        cmap = self._anchoring.citation_map()
        self._anchored = (snap, cmap)
        return cmap

    def ttft_s(self) -> float | None:
        """Seconds from the start to the first output."""
        first = self.timing.first_output
        return None if first is None else max(0.0, first - self.timing.started)

    def elapsed_s(self, now: float | None = None) -> float:
        """Seconds from the start to the end (or to now while the turn runs)."""
        end = self.timing.ended if self.timing.ended is not None else now or time.monotonic()
        return max(0.0, end - self.timing.started)


async def stream_turn(
    client: ChatStreamer,
    request: ChatRequest,
    run: TurnRun,
    *,
    on_event: Callable[[TurnRun, StreamEvent], None] | None = None,
    yield_after: float | None = None,
) -> TurnRun:
    """Stream `request` into `run`; it keeps what arrived however the turn ends.

    Args:
        client: opens the stream (`WorkbenchClient`, or a stand-in with `chat_stream`).
        request: the turn's request.
        run: the turn's state, folded in place (the caller may read it at any moment).
        on_event: called after each event is folded.
        yield_after: longest stretch (seconds) of folding buffered events without letting the
            event loop run (a GUI paints in between); None never yields on its own.

    Returns:
        `run`, ended. A failure is recorded in `run.error` (cancellation in `run.stopped`) and
        raised again.
    """
    events = client.chat_stream(request)
    try:
        # The stretch starts at the first event, not before the request: waiting for the server
        # is no stretch of folding, and a pause there put a paint between the first events
        # (issue 15: the first text waited for it).
        pause_at: float | None = None
        async for event in events:
            now = time.monotonic()
            run.fold(event, now)
            if on_event is not None:
                on_event(run, event)
            if yield_after is None:
                continue
            if pause_at is None:
                pause_at = now + yield_after
            elif now >= pause_at:
                await asyncio.sleep(0)
                pause_at = time.monotonic() + yield_after
    except asyncio.CancelledError:
        run.stopped = True
        raise
    except WorkbenchError as exc:
        run.error = exc
        raise
    finally:
        # Closing the generator ends the HTTP request at once (Stop, or an error).
        close = getattr(events, "aclose", None)
        if close is not None:
            await close()
        run.end(time.monotonic())
    return run
