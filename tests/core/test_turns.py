"""The turn runner over loopback to the sandbox: fold, timings, anchored citations, and every end."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import SecretStr

from tests.conftest import SANDBOX_TEST_KEY
from workbench.api import (
    ChatRequest,
    Connection,
    Flavour,
    ProtocolError,
    RequestTimeout,
    WorkbenchClient,
)
from workbench.api.events import StreamEnded, StreamStarted, TextDelta
from workbench.core import turns as turns_module
from workbench.core.citations import resolve_citations
from workbench.core.turns import STOPPED, UNFINISHED, TurnRun, stream_turn

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from workbench.api import StreamEvent
    from workbench.sandbox.runner import RunningSandbox

DOCS: list[Any] = [
    {"id": "d1", "title": "France", "text": "Paris is the capital of France."},
    "Berlin is the capital of Germany.",
]
REQUEST = ChatRequest(message="What is the capital of France?", documents=DOCS)


def _connection(sandbox: RunningSandbox, faults: str = "", timeout_s: float = 30.0) -> Connection:
    return Connection(
        base_url=sandbox.base_url,
        flavour=Flavour.COHERE_V2,
        model="sandbox-model",
        api_key=SecretStr(SANDBOX_TEST_KEY),
        timeout_s=timeout_s,
        extra_headers={"x-sandbox-fault": faults} if faults else {},
    )


async def _turn(connection: Connection, run: TurnRun, **hooks: Any) -> BaseException | None:
    async with WorkbenchClient(connection) as client:
        try:
            await stream_turn(client, REQUEST, run, **hooks)
        except (ProtocolError, RequestTimeout) as exc:
            return exc
    return None


def test_a_whole_turn_is_folded_timed_and_its_citations_anchored(sandbox: RunningSandbox) -> None:
    run, seen = TurnRun(), []
    error = asyncio.run(
        _turn(_connection(sandbox), run, on_event=lambda r, e: seen.append(r.snapshot.event_count))
    )
    snap = run.snapshot
    assert error is None
    assert snap.done
    assert "Paris" in snap.text
    assert seen == list(range(1, snap.event_count + 1))  # the hook sees each event folded
    ttft = run.ttft_s()
    assert ttft is not None
    assert 0 <= ttft <= run.elapsed_s()
    assert run.cut_off is None
    assert snap.citations
    assert run.citations() == resolve_citations(snap.text, snap.citations)
    assert run.citations() is run.citations()  # anchored once per snapshot


def test_a_cut_stream_keeps_what_arrived_and_says_why(sandbox: RunningSandbox) -> None:
    run = TurnRun()
    error = asyncio.run(_turn(_connection(sandbox, "drop_after_events=5"), run))
    assert isinstance(error, ProtocolError)
    assert run.error is error
    assert run.snapshot.event_count >= 3  # frames, less those that carry no event
    assert run.snapshot.text
    assert run.cut_off == str(error)
    assert run.timing.ended is not None


def test_a_stalled_stream_times_out_with_what_arrived(sandbox: RunningSandbox) -> None:
    run = TurnRun()
    faults = "stall_after_events=5"
    # Long enough for no gap between the first five events to pass for the stall on a busy machine.
    error = asyncio.run(_turn(_connection(sandbox, faults, timeout_s=2.0), run))
    assert isinstance(error, RequestTimeout)
    assert run.snapshot.event_count >= 3  # frames, less those that carry no event
    assert run.snapshot.text
    assert run.cut_off == str(error)


def test_a_cancelled_turn_is_stopped_and_keeps_what_arrived(sandbox: RunningSandbox) -> None:
    run = TurnRun()

    async def go() -> None:
        task = asyncio.current_task()
        assert task is not None

        def stop_at_first_text(r: TurnRun, _event: StreamEvent) -> None:
            if r.snapshot.text and not task.cancelling():
                task.cancel()  # as Stop or Ctrl+C does

        with pytest.raises(asyncio.CancelledError):
            await _turn(_connection(sandbox, "slow_stream_ms=20"), run, on_event=stop_at_first_text)

    asyncio.run(go())
    assert run.stopped
    # The cancel lands at the next wait for the network: events already read are folded too.
    assert not run.snapshot.done
    assert run.snapshot.text
    assert run.cut_off == STOPPED


def test_a_stream_without_its_final_event_is_unfinished() -> None:
    assert TurnRun().cut_off == UNFINISHED


class _Clock:
    """A monotonic clock the fake server moves on."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class _SlowThenFast:
    """Answers after a long wait, three events at once, then one more after another wait."""

    def __init__(self, clock: _Clock) -> None:
        self._clock = clock

    async def chat_stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        self._clock.now += 10.0  # the server works: no folding happens meanwhile
        yield StreamStarted("fake")
        yield TextDelta("Paris")
        yield TextDelta(" is sunny.")
        self._clock.now += 10.0
        yield StreamEnded("COMPLETE")


def test_the_wait_for_the_server_is_no_stretch_of_folding(monkeypatch: pytest.MonkeyPatch) -> None:
    # The first events come folded together: a pause after the first one put a paint between
    # it and the first text (issue 15). A pause still comes once the stretch is long enough.
    clock = _Clock()
    monkeypatch.setattr(turns_module, "time", SimpleNamespace(monotonic=clock))
    folded_at_pause: list[int] = []

    async def go() -> TurnRun:
        run = TurnRun()
        asyncio.get_running_loop().call_soon(
            lambda: folded_at_pause.append(run.snapshot.event_count)
        )
        return await stream_turn(_SlowThenFast(clock), REQUEST, run, yield_after=5.0)

    run = asyncio.run(go())
    assert run.snapshot.text == "Paris is sunny."
    assert folded_at_pause == [4]
