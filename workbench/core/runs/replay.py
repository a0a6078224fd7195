"""A stored chat turn played back without the network: its frames mapped and folded again."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
from pydantic import ValidationError

from workbench.api import Flavour, body_events, recorded_events
from workbench.api.errors import (
    ConnectError,
    InputError,
    ProtocolError,
    WorkbenchError,
    status_error,
)
from workbench.api.jsontext import loads as loads_json
from workbench.api.models import ChatRequest
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from workbench.api.events import StreamEvent
    from workbench.core.runs.store import RunRecord


def flavour_of(record: RunRecord) -> Flavour:
    """The wire dialect the run's frames are in.

    Raises:
        InputError: the run has no flavour, or one this program does not know (a hand-made or
            newer file), so its frames cannot be read again.
    """
    if not record.flavour:
        raise InputError(
            Text("The turn was recorded without its flavour: its events cannot be read.")
        )
    try:
        return Flavour(record.flavour)
    except ValueError:
        known = ", ".join(Flavour)
        text = Text(
            "The turn's flavour %1 is unknown (known: %2): its events cannot be read.",
            record.flavour,
            known,
        )
        raise InputError(text) from None


def request_of(record: RunRecord) -> ChatRequest:
    """The request a stored chat turn was sent with, once it is known the turn can be replayed.

    Raises:
        InputError: in words: the turn has no stored request (a file imported without its
            inputs), one that is not a chat request, or a flavour missing or unknown.
    """
    flavour_of(record)
    if "request" not in record.inputs:
        text = Text("The turn was recorded without its request (imported without its inputs).")
        raise InputError(text)
    try:
        return ChatRequest.model_validate(record.inputs["request"])
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(part) for part in first["loc"]) or "request"
        text = Text(
            "The turn's stored request is not a chat request (%1: %2).", place, first["msg"]
        )
        raise InputError(text) from None


def timed_events(record: RunRecord) -> Iterator[tuple[float, StreamEvent]]:
    """The run's neutral events with their arrival times (seconds after sending).

    A streamed turn gives its frames mapped again; a whole body gives its events at its arrival
    time. A frame that cannot be mapped ends the sequence (what came before it stands), and a run
    whose flavour is unknown has none (`flavour_of` says why).
    """
    try:
        flavour = flavour_of(record)
    except InputError:
        return
    if record.events:
        frames = [(e.data, e.event) for e in record.events]
        try:
            for index, event in recorded_events(flavour, frames):
                yield record.events[index].t, event
        except WorkbenchError:
            return  # a frame the server got wrong: the turn as far as the good ones go
        return
    if record.kind == "chat" and record.response_body and (record.status or 0) < 300:
        try:
            body = loads_json(record.response_body)
            events = body_events(flavour, body) if isinstance(body, dict) else []
        except (ValueError, WorkbenchError):
            return
        for event in events:
            yield record.t_last or 0.0, event


def fold(record: RunRecord) -> ChatSnapshot:
    """The chat turn as far as it got (for a run cut off mid-stream: the partial answer)."""
    snapshot = ChatSnapshot()
    for _, event in timed_events(record):
        snapshot = accumulate(snapshot, event)
    return snapshot


async def replay(record: RunRecord, speed: float = 1.0) -> AsyncIterator[StreamEvent]:
    """The run's events again, each after the pause it originally came after (divided by speed).

    Args:
        record: a stored chat turn.
        speed: how many times faster than the original; 0 or less plays without pauses.
    """
    last = None
    for t, event in timed_events(record):
        if speed > 0 and last is not None and t > last:
            await asyncio.sleep((t - last) / speed)
        last = t
        yield event


CUT_OFF = "The recording ends here: the turn was cut off before it finished"
"""Why a turn still "running" in the history stops (its process was killed mid-stream)."""


def recorded_failure(record: RunRecord) -> WorkbenchError | None:
    """The failure the turn ended with, as the client raised it (None: it ended well, or was
    stopped by the person).

    An error status is rebuilt from the stored response, so it reads as it first did; a broken
    stream, a connection failure and a turn cut off keep their stored words.
    """
    status = record.status or 0
    if status >= 300:
        response = httpx.Response(
            status, headers=record.response_headers, content=record.response_body.encode()
        )
        return status_error(response, f"{record.method} {urlsplit(record.url).path}")
    if record.outcome == "running":
        return ProtocolError(title=CUT_OFF)
    if record.outcome in {"broken", "failed"} and record.error:
        kind = ProtocolError if record.outcome == "broken" else ConnectError
        return kind(title=record.error)
    return None


class ReplayClient:
    """Stands in for a client in a chat turn: streams a stored turn again, with no network.

    It fits `core.turns.ChatStreamer` (anything with `chat_stream`), so a view plays a replay the
    way it plays a live turn.
    """

    def __init__(self, record: RunRecord, speed: float = 1.0, *, fails: bool = False) -> None:
        self.record = record
        self.speed = speed
        self.fails = fails
        """Whether the stream ends by raising the turn's `recorded_failure`, as the live one did."""

    def chat_stream(self, request: object = None) -> AsyncIterator[StreamEvent]:
        """The stored turn's events at their original pace (divided by `speed`)."""
        if not self.fails:
            return replay(self.record, self.speed)
        return self._failing()

    async def _failing(self) -> AsyncIterator[StreamEvent]:
        async for event in replay(self.record, self.speed):
            yield event
        failure = recorded_failure(self.record)
        if failure is not None:
            raise failure
