"""Stream 5,000 chat events per second into a real ChatPane and report event-loop stalls and cost.

The pane runs its own `_run` path (fold with `accumulate`, coalesced transcript render) against a
stand-in client whose `chat_stream` yields synthetic StreamEvents on a 5,000/s schedule. A 5 ms
QTimer heartbeat measures the longest gap the event loop could not service. The same events are
then folded without any UI to give the "parse/fold only" baseline.

Run: PYTHONPATH=. .venv/bin/python benchmarks/chat_stream_render.py [seconds]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

os.environ.setdefault("WORKBENCH_CONFIG_DIR", tempfile.mkdtemp(prefix="wb-bench-"))

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.api.events import (
    CitationsAdded,
    StreamEnded,
    StreamEvent,
    StreamStarted,
    TextDelta,
    UsageReported,
)
from workbench.api.models import Citation, Usage
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.core.endpoints import EndpointConfig
from workbench.core.settings import SettingsStore, config_dir
from workbench.ui.async_bridge import TaskRunner
from workbench.ui.notices import NoticeCenter
from workbench.ui.panes.chat import ChatPane
from workbench.ui.services import EndpointSession, Services

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

RATE = 5_000
WORDS = [
    "rerank",
    "café",
    "😀",
    "grounded",
    "**bold**",
    "answer",
    "with",
    "`code`",
    "and",
    "Zürich",
    "naïve",
]


def synthetic_events(count: int, *, cited: bool) -> list[StreamEvent]:
    """A stream of short text deltas with Markdown structure, and citations when asked."""
    events: list[StreamEvent] = [StreamStarted("bench")]
    text = ""
    for n in range(count):
        piece = WORDS[n % len(WORDS)] + " "
        if n % 40 == 39:
            piece += "\n\n"
        elif n % 97 == 96:
            piece += "\n- list item\n"
        events.append(TextDelta(piece))
        if cited and n % 50 == 49:
            word = WORDS[n % len(WORDS)]
            start = len(text)
            events.append(
                CitationsAdded(
                    (Citation(start=start, end=start + len(word), text=word, document_ids=["d"]),)
                )
            )
        text += piece
    usage = Usage(input_tokens=100, output_tokens=count, billed_units={"output_tokens": count})
    return [*events, UsageReported(usage), StreamEnded("COMPLETE")]


class PacedClient:
    """Stands in for WorkbenchClient: yields the events on a fixed-rate schedule."""

    def __init__(self, events: list[StreamEvent]) -> None:
        self._events = events

    async def chat_stream(self, request: Any) -> AsyncIterator[StreamEvent]:
        started = time.perf_counter()
        for n, event in enumerate(self._events):
            due = started + n / RATE
            if time.perf_counter() < due:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            yield event


class MemorySecrets:
    """The benchmark stores no keys."""

    def get(self, ref: str) -> str | None:
        return None

    def set(self, ref: str, value: str) -> None:
        return None

    def delete(self, ref: str) -> None:
        return None


def fold_only(events: list[StreamEvent]) -> float:
    """Seconds to fold the stream without any UI (the baseline)."""
    started = time.perf_counter()
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)
    return time.perf_counter() - started


async def run_pane(
    pane: ChatPane, services: Services, events: list[StreamEvent]
) -> dict[str, float]:
    client = PacedClient(events)

    async def fake_client() -> PacedClient:
        return client

    services.session.client = fake_client  # type: ignore[method-assign]
    gaps: list[float] = []
    last = time.perf_counter()

    def beat() -> None:
        nonlocal last
        now = time.perf_counter()
        gaps.append(now - last)
        last = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    renders_before = pane.transcript.renders
    render_time = 0.0
    original = pane.transcript._render_live

    def timed(display: Any) -> None:
        nonlocal render_time
        t0 = time.perf_counter()
        original(display)
        render_time += time.perf_counter() - t0

    pane.transcript._render_live = timed  # type: ignore[method-assign]
    finish_time = 0.0
    original_finish = pane._finish

    def timed_finish(*args: Any) -> None:
        nonlocal finish_time
        t0 = time.perf_counter()
        original_finish(*args)
        finish_time = time.perf_counter() - t0

    pane._finish = timed_finish  # type: ignore[method-assign]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    finished = asyncio.Event()
    pane.turn_finished.connect(finished.set)
    pane.send("benchmark")
    await finished.wait()
    pane.turn_finished.disconnect(finished.set)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    heartbeat.stop()
    pane.transcript._render_live = original  # type: ignore[method-assign]
    del pane._finish  # back to the class method
    return {
        "events": len(events),
        "wall_s": wall,
        "cpu_s": cpu,
        "events_per_s": len(events) / wall,
        "renders": pane.transcript.renders - renders_before,
        "render_s": render_time,
        "finish_ms": finish_time * 1000,
        "longest_stall_ms": max(gaps) * 1000 if gaps else 0.0,
        "p99_gap_ms": sorted(gaps)[int(len(gaps) * 0.99)] * 1000 if gaps else 0.0,
    }


async def main(seconds: float) -> None:
    store = SettingsStore(config_dir() / "settings.json")
    endpoint = EndpointConfig(name="bench", base_url="http://127.0.0.1:9")
    store.update(endpoints=[endpoint], current_endpoint_id=endpoint.id)
    notices = NoticeCenter()
    tasks = TaskRunner(notices, loop=asyncio.get_event_loop())
    session = EndpointSession(store=store, secrets=MemorySecrets())
    services = Services(
        notices=notices, tasks=tasks, session=session, secrets=MemorySecrets(), settings=store
    )
    pane = ChatPane(services=services)
    pane.resize(1200, 800)
    pane.show()
    count = int(seconds * RATE)
    for label, cited in (("markdown", False), ("cited plain text", True)):
        pane.composer.clear.click()
        events = synthetic_events(count, cited=cited)
        figures = await run_pane(pane, services, events)
        baseline = fold_only(events)
        overhead = figures["cpu_s"] / baseline if baseline else float("nan")
        print(
            f"[{label}] {figures['events']:.0f} events in {figures['wall_s']:.2f} s "
            f"({figures['events_per_s']:.0f}/s offered at {RATE}/s)"
        )
        print(
            f"  longest event-loop stall {figures['longest_stall_ms']:.1f} ms "
            f"(p99 heartbeat gap {figures['p99_gap_ms']:.1f} ms, 5 ms heartbeat)"
        )
        print(
            f"  renders {figures['renders']:.0f}, render time {figures['render_s']:.3f} s "
            f"({figures['render_s'] / max(1, figures['renders']) * 1000:.2f} ms each)"
        )
        print(
            f"  fold only {baseline:.3f} s; pane CPU {figures['cpu_s']:.3f} s "
            f"= {overhead:.1f}x the fold (render adds {figures['render_s'] / baseline:.1f}x)"
        )
        print(f"  end of turn (final render, trace, sources, save) {figures['finish_ms']:.0f} ms")
        print(f"  crashes: {len(notices.crashes())}")
    await tasks.shutdown()
    await session.aclose()


if __name__ == "__main__":
    duration = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main(duration))
