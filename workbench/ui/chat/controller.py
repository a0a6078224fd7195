"""Chat controller: owns the conversation and the turn in flight, and announces what changed.

The turn itself runs in core (`core.turns.stream_turn`); this is the thin Qt side of it: the turn
runs as a keyed task, and views subscribe to the signals and read the state back when they draw.
"""

from __future__ import annotations

import asyncio
import functools
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from workbench.api.errors import WorkbenchError
from workbench.core.chat_inputs import source_lookup
from workbench.core.chat_metrics import TurnTiming
from workbench.core.chat_session import ChatSession, reply_from_snapshot
from workbench.core.shown_answer import StreamedAnswer
from workbench.core.turns import ChatStreamer, TurnRun, stream_turn
from workbench.ui.chat.turns import measure, status_line
from workbench.ui.common.error_text import cut_off_line, cut_off_saying

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from workbench.api.events import StreamEvent
    from workbench.api.models import ChatMessage, ChatRequest
    from workbench.core.chat_session import Turn
    from workbench.core.citations import CitationMap
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.services import Services


class ChatController(QObject):
    """The conversation (turns, their sources and citations) and the one turn in flight."""

    snapshot_changed = Signal(int)
    """Emitted with the turn index when the turn in flight has news since `live()` was last read
    (so a view that draws on a timer is told once per drawing, not once per event)."""
    turn_finished = Signal(int)
    """Emitted with the turn index once its reply is in the conversation (complete, stopped or
    broken)."""
    conversation_cleared = Signal()
    """Emitted when every turn was forgotten."""
    history_replaced = Signal()
    """Emitted when the turns were replaced by an applied or imported history."""

    def __init__(self, *, services: Services, key: str, owner: QWidget) -> None:
        super().__init__(owner)
        self._services = services
        self._key = key
        self._owner = owner
        self.session = ChatSession()
        self.run = TurnRun()
        """The turn in flight, or the last one."""
        self.streamed = StreamedAnswer()
        """The turn in flight's answer as shown, masked as it grows (views draw it each tick)."""
        self.unfinished: int | None = None
        """The index of the turn in flight until it ends."""
        self._lookups: dict[int, dict[str, dict[str, Any]]] = {}
        self._announced = False
        self.finished_on: EndpointConfig | None = None
        """The endpoint the last finished turn went to (its prices price the metrics line)."""

    # --- reading --------------------------------------------------------------------------------

    @property
    def turns(self) -> list[Turn]:
        """The conversation's turns."""
        return self.session.turns

    def is_streaming(self) -> bool:
        """Whether a turn is in flight."""
        return self._services.tasks.is_running(self._key)

    def live(self) -> tuple[int, TurnRun]:
        """The turn in flight and its index, read by a view about to draw it."""
        self._announced = False
        return self.unfinished if self.unfinished is not None else len(self.turns) - 1, self.run

    def citations(self, index: int) -> CitationMap:
        """Turn `index`'s citations anchored on its answer (the turn in flight's as they stand)."""
        if index == self.unfinished:
            return self.run.citations()
        return self.session.citations(index)

    def sources(self, index: int) -> dict[str, dict[str, Any]]:
        """The documents and tool outputs turn `index` can cite, by id."""
        return self._lookups.get(index, {})

    # --- changing -------------------------------------------------------------------------------

    def start(
        self,
        request: ChatRequest,
        endpoint: EndpointConfig,
        yield_after: float,
        client: ChatStreamer | None = None,
    ) -> None:
        """Stream `request` as the last turn to `endpoint` (picked by the caller now).

        With `client`, the turn streams from it instead of the endpoint's (a replay).
        """
        index = len(self.turns) - 1
        self.run = TurnRun()
        self.streamed = StreamedAnswer()
        self.unfinished = index
        self._announced = False
        work = self._stream(request, index, endpoint, yield_after, client)
        task = self._services.tasks.start(self._key, work, owner=self._owner)
        task.add_done_callback(functools.partial(self._on_task_done, request, index, endpoint))

    def cancel(self) -> None:
        """Stop the turn in flight; what arrived stays, marked as stopped."""
        self._services.tasks.cancel(self._key)

    def clear(self) -> None:
        """Forget every turn."""
        self.session.clear()
        self._lookups.clear()
        self.conversation_cleared.emit()

    def replace_history(self, messages: Sequence[ChatMessage]) -> None:
        """Make an applied or imported history the conversation."""
        self.session.replace_history(messages)
        self._lookups.clear()
        self.history_replaced.emit()

    def restore(self, turns: Sequence[Turn]) -> None:
        """Take the turns of a saved conversation (at start-up; no announcement)."""
        self.session = ChatSession(turns)
        self._lookups.clear()

    def finish(self, request: ChatRequest, index: int, endpoint: EndpointConfig) -> None:
        """End turn `index`: its reply goes into the conversation, then `turn_finished`."""
        self.unfinished = None
        self.finished_on = endpoint
        run, snap = self.run, self.run.snapshot
        measured = measure(snap, run.timing, endpoint)
        status = status_line(measured, thinking=snap.thinking)
        reply = reply_from_snapshot(snap, cut_off=cut_off_line(run), status=status)
        reply.say_cut_off_with(cut_off_saying(run))  # a failure, said again after a switch
        reply.measured = measured
        self.session.finish(reply, run.citations())
        self._lookups[index] = source_lookup(
            request.documents, snap.documents, request.tool_results
        )
        self.turn_finished.emit(index)

    # --- the turn -------------------------------------------------------------------------------

    def _on_event(self, _run: TurnRun, _event: StreamEvent) -> None:
        if not self._announced:
            self._announced = True
            self.snapshot_changed.emit(self.unfinished)

    def _on_task_done(
        self, request: ChatRequest, index: int, endpoint: EndpointConfig, _task: object
    ) -> None:
        # A turn cancelled before its first step never ran `_stream`'s finally: end it here.
        if self.unfinished == index and isValid(self):
            self.run = TurnRun(timing=TurnTiming(started=time.monotonic()), stopped=True)
            self.finish(request, index, endpoint)

    async def _stream(
        self,
        request: ChatRequest,
        index: int,
        endpoint: EndpointConfig,
        yield_after: float,
        streamer: ChatStreamer | None,
    ) -> None:
        try:
            client = streamer or await self._services.session.client_for(endpoint.id)
            await stream_turn(
                client, request, self.run, on_event=self._on_event, yield_after=yield_after
            )
        except asyncio.CancelledError:  # also Stop before the stream opened
            self.run.stopped = True
            raise
        except WorkbenchError as exc:  # also a failure to open it (the key, the client)
            self.run.error = self.run.error or exc
            raise
        finally:
            # When the pane itself is being destroyed there is nothing left to show the end in.
            if isValid(self):
                self.run.end(time.monotonic())
                self.finish(request, index, endpoint)
