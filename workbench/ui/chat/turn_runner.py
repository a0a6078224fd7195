"""The Chat pane's turn in flight: streams it, folds its events, times it and ends it exactly once."""

from __future__ import annotations

import asyncio
import functools
import time
from typing import TYPE_CHECKING, Any, Protocol

from shiboken6 import isValid

from workbench.api.errors import WorkbenchError
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.core.chat_inputs import source_lookup
from workbench.core.chat_metrics import TurnTiming, observe
from workbench.core.chat_session import reply_from_snapshot
from workbench.ui.chat.turns import display_of, has_output, turn_status

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from workbench.api.models import ChatRequest
    from workbench.core.chat_session import ChatSession, Reply
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.chat.transcript import Transcript, TurnDisplay
    from workbench.ui.services import Services

STOPPED = "Stopped by you"


class TurnEnd(Protocol):
    """What the pane shows when a turn ends: `(index, reply, status line, source lookup)`."""

    def __call__(
        self, index: int, reply: Reply, status: str, lookup: dict[str, dict[str, Any]], /
    ) -> None: ...


class TurnRunner:
    """Runs one turn at a time under a task key; `snapshot` is the fold of the turn in flight."""

    def __init__(
        self,
        *,
        owner: QWidget,
        services: Services,
        key: str,
        transcript: Transcript,
        session: Callable[[], ChatSession],
        end: TurnEnd,
    ) -> None:
        self._owner = owner
        self._services = services
        self._key = key
        self._transcript = transcript
        self._session = session
        self._end = end
        self.snapshot = ChatSnapshot()
        self.unfinished: int | None = None
        """The index of the turn in flight until `finish` ends it."""

    def start(
        self,
        request: ChatRequest,
        index: int,
        endpoint: Callable[[], EndpointConfig],
        yield_after: float,
    ) -> None:
        """Stream `request` as turn `index` to the endpoint `endpoint()` picks now."""
        self.snapshot = ChatSnapshot()
        self.unfinished = index
        # Picked now (the frame was just built for it): switching mid-turn does not move it.
        picked = endpoint()
        run = self._run(request, index, picked, yield_after)
        task = self._services.tasks.start(self._key, run, owner=self._owner)
        task.add_done_callback(functools.partial(self._on_turn_done, request, index, picked))

    def finish(
        self,
        request: ChatRequest,
        index: int,
        timing: TurnTiming,
        reason: str | None,
        endpoint: EndpointConfig,
    ) -> None:
        """End turn `index`: its reply goes into the conversation, then to the pane to show."""
        self.unfinished = None
        snap = self.snapshot
        status = turn_status(snap, timing, endpoint)
        if not snap.done and reason is None:
            reason = "the stream ended without its final event"
        reply = reply_from_snapshot(snap, cut_off=reason, status=status)
        self._session().finish(reply)
        lookup = source_lookup(request.documents, snap.documents, request.tool_results)
        self._end(index, reply, status, lookup)

    def _on_turn_done(
        self, request: ChatRequest, index: int, endpoint: EndpointConfig, _task: object
    ) -> None:
        # A turn cancelled before its first step never ran `_run`'s finally: end it here.
        if self.unfinished == index and isValid(self._transcript):
            now = time.monotonic()
            self.finish(request, index, TurnTiming(started=now), STOPPED, endpoint)

    async def _run(
        self, request: ChatRequest, index: int, endpoint: EndpointConfig, yield_after: float
    ) -> None:
        timing = TurnTiming(started=time.monotonic())
        reason: str | None = None
        live = functools.partial(self._live_display, index)
        try:
            client = await self._services.session.client_for(endpoint.id)
            events = client.chat_stream(request)
            try:
                pause_at = time.monotonic() + yield_after
                async for event in events:
                    self.snapshot = snap = accumulate(self.snapshot, event)
                    now = time.monotonic()
                    if timing.first_output is None:
                        timing = observe(timing, has_output(snap), False, now)
                    self._transcript.show_live(live)  # rendered by the transcript's timer
                    if now >= pause_at:
                        await asyncio.sleep(0)
                        pause_at = time.monotonic() + yield_after
            finally:
                # Closing the generator ends the HTTP request at once (Stop, or an error).
                close = getattr(events, "aclose", None)
                if close is not None:
                    await close()
        except asyncio.CancelledError:
            reason = STOPPED
            raise
        except WorkbenchError as exc:
            reason = str(exc)
            raise
        finally:
            # When the pane itself is being destroyed there is nothing left to show the end in.
            if isValid(self._transcript):
                timing = observe(timing, False, True, time.monotonic())
                self.finish(request, index, timing, reason, endpoint)

    def _live_display(self, index: int) -> TurnDisplay:
        return display_of(index, self._session().turns[index], self.snapshot)
