"""Stream 5,000 chat events per second into a real ChatPane and report stalls and costs as ratios.

Every scenario is measured three ways in the same process, on the same events:

* fold   - the events folded with `accumulate`, no event loop and no UI: the unit of work;
* stream - the same paced stream read on the qasync loop by a bare fold loop: what receiving
           the stream costs at all, without the pane;
* pane   - the pane's own path (`core.turns.stream_turn` under its controller): fold, coalesced
           transcript render, end of turn.

A 5 ms heartbeat QTimer runs during `stream` and `pane`; the gaps between its beats are the
event-loop stalls a person would feel.

The goal's ratio (pane CPU / stream-only CPU, issue 15: "the cost of only reading the same
stream") reads each scenario's stream as the app reads a deployment's: the real client, over
loopback HTTP, from a server process of its own (`paced_sse`) that writes each event when it
falls due, so the client reads what a socket has. Two in-process stand-ins deliver the same
events for reference: the stand-in client, which yields them on schedule with no HTTP and sleeps
only while it is ahead (a sleep shorter than a millisecond is a zero timer under qasync, so its
loop spins, and its stream-only CPU moves with how the sleeps fall); and, for the Markdown
scenario, the stand-in waiting whole milliseconds (no spin: the cheapest way to receive the
stream, so the highest ratio, the one that shows most of the pane's own cost).

Figures are printed as ratios of quantities taken in the same run (stall / heartbeat interval,
pane CPU / stream CPU, render CPU / fold CPU), so a busy shared machine moves both sides
together. Each figure is the median of several runs (3 unless told), with the range beside it;
every run takes each delivery in turn. Nothing is asserted: this script measures, it does not
judge.

Scenarios: a Markdown answer, a plain-text answer with a citation every 50 events, a follow-up
Markdown turn sent after those two long answers (what starting a turn costs in a long
conversation), and the Markdown answer delivered a second's worth at a time (a connection that
stalls and then hands over its backlog: the pane must still not freeze while folding it).

Run: .venv/bin/python benchmarks/chat_stream_render.py [seconds of stream] [runs] [--json]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

os.environ.setdefault("WORKBENCH_CONFIG_DIR", tempfile.mkdtemp(prefix="wb-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

from benchmarks.figures import Figure, emit, info, ratio_below
from benchmarks.paced_client import PacedClient
from benchmarks.paced_sse import Served, paced_sse_process, v2_frames
from benchmarks.qt_bench import chat_pane_on
from workbench.api.events import (
    CitationsAdded,
    StreamEnded,
    StreamEvent,
    StreamStarted,
    TextDelta,
    UsageReported,
)
from workbench.api.models import ChatRequest, Citation, Usage
from workbench.api.stream import ChatSnapshot, accumulate

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterator

    from workbench.core.turns import ChatStreamer
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

RATE = 5_000
HEARTBEAT_MS = 5
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
    pieces: list[str] = []
    length = 0
    for n in range(count):
        piece = WORDS[n % len(WORDS)] + " "
        if n % 40 == 39:
            piece += "\n\n"
        elif n % 97 == 96:
            piece += "\n- list item\n"
        events.append(TextDelta(piece))
        if cited and n % 50 == 49:
            word = WORDS[n % len(WORDS)]
            events.append(
                CitationsAdded(
                    (Citation(start=length, end=length + len(word), text=word, document_ids=["d"]),)
                )
            )
        pieces.append(piece)
        length += len(piece)
    usage = Usage(input_tokens=100, output_tokens=count, billed_units={"output_tokens": count})
    return [*events, UsageReported(usage), StreamEnded("COMPLETE")]


class Heartbeat:
    """A 5 ms timer; the gaps between its beats are the event-loop stalls."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._beat()
        self._timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def longest(self) -> float:
        return max(self.gaps)

    def p99(self) -> float:
        return sorted(self.gaps)[int(len(self.gaps) * 0.99)]


@dataclass
class Figures:
    """One scenario, one run; times in seconds."""

    events: int
    fold_cpu: float
    stream_cpu: float
    stream_longest: float
    pane_wall: float
    pane_cpu: float
    pane_longest: float
    pane_p99: float
    renders: int
    render_cpu: float
    start: float
    finish: float

    def ratios(self) -> dict[str, float]:
        beat = HEARTBEAT_MS / 1000
        return {
            "longest stall / heartbeat": self.pane_longest / beat,
            "p99 gap / heartbeat": self.pane_p99 / beat,
            "longest stall / stream-only longest stall": self.pane_longest / self.stream_longest,
            "pane CPU / fold CPU": self.pane_cpu / self.fold_cpu,
            "pane CPU / stream-only CPU": self.pane_cpu / self.stream_cpu,
            "(pane - stream) CPU / fold CPU": (self.pane_cpu - self.stream_cpu) / self.fold_cpu,
            "render CPU / fold CPU": self.render_cpu / self.fold_cpu,
            "turn start / heartbeat": self.start / beat,
            "end of turn / heartbeat": self.finish / beat,
            "end of turn / mean render": self.finish / (self.render_cpu / max(1, self.renders)),
            "delivered / offered rate": self.events / self.pane_wall / RATE,
        }

    def absolute(self) -> dict[str, float]:
        return {
            "longest stall ms": self.pane_longest * 1000,
            "p99 gap ms": self.pane_p99 * 1000,
            "turn start ms": self.start * 1000,
            "end of turn ms": self.finish * 1000,
            "fold CPU s": self.fold_cpu,
            "stream-only CPU s": self.stream_cpu,
            "pane CPU s": self.pane_cpu,
            "render CPU s": self.render_cpu,
            "renders": float(self.renders),
        }


def fold_only(events: list[StreamEvent]) -> float:
    """CPU seconds to fold the stream without any loop or UI (the baseline)."""
    started = time.process_time()
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)
    return time.process_time() - started


async def stream_only(client: ChatStreamer, message: str) -> tuple[float, float]:
    """CPU seconds and longest stall of receiving and folding the paced stream, with no pane."""
    cpu0 = time.process_time()
    with Heartbeat() as beat:
        snap = ChatSnapshot()
        async for event in client.chat_stream(ChatRequest(message=message)):
            snap = accumulate(snap, event)
    return time.process_time() - cpu0, beat.longest()


class Timed:
    """Wraps a bound method of an object, summing the time spent in it."""

    def __init__(self, owner: Any, name: str, clock: Callable[[], float]) -> None:
        self.total = 0.0
        self.last = 0.0
        self._owner, self._name, self._clock = owner, name, clock
        self._original = getattr(owner, name)

    def __enter__(self) -> Timed:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = self._clock()
            try:
                return self._original(*args, **kwargs)
            finally:
                self.last = self._clock() - t0
                self.total += self.last

        setattr(self._owner, self._name, timed)
        return self

    def __exit__(self, *exc: object) -> None:
        delattr(self._owner, self._name)  # back to the class's method


@dataclass
class Source:
    """What the pane's endpoint session hands out as its client, and the session's own."""

    real: Callable[[], Awaitable[ChatStreamer]]
    """The endpoint's real client (HTTP to the paced server)."""
    client: ChatStreamer | None = None


async def run_pane(
    pane: ChatPane, source: Source, client: ChatStreamer, message: str
) -> dict[str, float]:
    """Send one message through the pane and measure it."""
    finished = asyncio.Event()
    pane.turn_finished.connect(finished.set)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    with (
        Heartbeat() as beat,
        Timed(pane.transcript, "_render_live", time.process_time) as render,
        # The controller's `finish` puts the reply in and announces it; the views draw in its
        # signal's slots, so this is the whole end of turn. (Wrapping the pane's slot, as before,
        # timed nothing: the connection keeps the method it was made with.)
        Timed(pane.controller, "finish", time.perf_counter) as finish,
    ):
        source.client = client
        t0 = time.perf_counter()
        pane.send(message)
        start = time.perf_counter() - t0
        await finished.wait()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    pane.turn_finished.disconnect(finished.set)
    return {
        "wall": wall,
        "cpu": cpu,
        "longest": beat.longest(),
        "p99": beat.p99(),
        "render_cpu": render.total,
        "start": start,
        "finish": finish.last,
    }


@dataclass(frozen=True)
class Plan:
    """One scenario: its answer, whether it starts a new conversation, and how it is delivered.

    `name` is the message the pane sends, and so the stream the paced server answers it with."""

    label: str
    name: str
    events: list[StreamEvent]
    fresh: bool
    burst: int

    def answer(self) -> str:
        return "".join(e.text for e in self.events if isinstance(e, TextDelta))


async def scenario(
    pane: ChatPane,
    source: Source,
    plan: Plan,
    deliver: Callable[[Plan], Awaitable[ChatStreamer]],
    idle: Callable[[], Any],
) -> Figures:
    if plan.fresh:
        pane.composer.clear.click()
    await idle()
    renders0 = pane.transcript.renders
    measured = await run_pane(pane, source, await deliver(plan), plan.name)
    if pane.controller.run.snapshot.text != plan.answer():
        raise SystemExit(f"{plan.label}: the pane did not get the answer")
    await idle()
    stream_cpu, stream_longest = await stream_only(await deliver(plan), plan.name)
    return Figures(
        events=len(plan.events),
        fold_cpu=fold_only(plan.events),
        stream_cpu=stream_cpu,
        stream_longest=stream_longest,
        pane_wall=measured["wall"],
        pane_cpu=measured["cpu"],
        pane_longest=measured["longest"],
        pane_p99=measured["p99"],
        renders=pane.transcript.renders - renders0,
        render_cpu=measured["render_cpu"],
        start=measured["start"],
        finish=measured["finish"],
    )


def layout_floor(events: list[StreamEvent], runs: int) -> float:
    """CPU seconds Qt takes to lay the answer's Markdown out once in a bare, shown QTextBrowser
    of the pane's size (median of `runs`): what any pane that shows the whole answer in a Qt
    text view pays, however it streams it in."""
    text = "".join(e.text for e in events if isinstance(e, TextDelta))
    app = QApplication.instance()
    assert app is not None
    costs = []
    for _ in range(runs):
        view = QTextBrowser()
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        started = time.process_time()
        view.setMarkdown(text)
        view.document().documentLayout().documentSize()
        app.processEvents()  # the paint
        costs.append(time.process_time() - started)
        view.deleteLater()
    return statistics.median(costs)


def floor_figures(bursts: list[Figures], floor: float) -> Iterator[Figure]:
    """How the bursts row compares with Qt's own layout of the same text."""
    stream = statistics.median(f.stream_cpu for f in bursts)
    extra = statistics.median(f.pane_cpu - f.stream_cpu for f in bursts)
    yield info("Qt layout of the answer once, bare QTextBrowser (floor)", floor * 1000, "ms")
    yield info(
        "bursts: pane CPU over stream-only, less the stream / that floor", extra / floor, "x"
    )
    yield info(
        "bursts: lowest pane / stream-only for a pane drawing in Qt", 1 + floor / stream, "x"
    )


def median_table(runs: list[Figures]) -> Iterator[str]:
    for title, pick in (("ratios", Figures.ratios), ("absolute", Figures.absolute)):
        yield f"  {title} (median of {len(runs)}, range):"
        table = [pick(f) for f in runs]
        for key in table[0]:
            values = [row[key] for row in table]
            yield (
                f"    {key:<44} {statistics.median(values):9.2f}"
                f"   ({min(values):.2f} .. {max(values):.2f})"
            )


def build_pane(
    loop: asyncio.AbstractEventLoop, base_url: str = "http://127.0.0.1:9"
) -> tuple[ChatPane, Services, Source]:
    """A shown chat pane whose endpoint is the paced server at `base_url` (Cohere v2, no key;
    none by default); its session hands out `source.client`, and `source.real` the real one."""
    pane, services = chat_pane_on(base_url, loop)
    (endpoint,) = services.session.endpoints()
    real_client_for = services.session.client_for

    async def real() -> ChatStreamer:
        return await real_client_for(endpoint.id)

    source = Source(real)

    # Same parameter name as EndpointSession.client_for, so the stand-in matches its signature;
    # `Any` because PacedClient only duck-types the part of WorkbenchClient the pane uses.
    async def paced_client(endpoint_id: str, flavour: Any = None) -> Any:
        return source.client

    services.session.client_for = paced_client  # type: ignore[method-assign]
    return pane, services, source


@dataclass
class Delivered:
    """The scenarios' figures for one way of delivering their streams."""

    title: str
    deliver: Callable[[Plan], Awaitable[ChatStreamer]]
    plans: tuple[Plan, ...]
    results: dict[str, list[Figures]] = field(default_factory=dict)

    def ratios(self) -> Iterator[tuple[str, float]]:
        """Each scenario's median pane CPU / stream-only CPU."""
        for label, figures in self.results.items():
            yield (
                label.split(" (")[0],
                statistics.median(f.pane_cpu / f.stream_cpu for f in figures),
            )


def plans_of(count: int) -> tuple[Plan, ...]:
    """The four scenarios, in the order they run (the follow-up continues the cited answer's
    conversation)."""
    markdown = synthetic_events(count, cited=False)
    cited = synthetic_events(count, cited=True)
    return (
        Plan("markdown", "markdown", markdown, fresh=True, burst=1),
        Plan("cited plain text", "cited", cited, fresh=True, burst=1),
        Plan("follow-up after two long answers", "follow-up", markdown, fresh=False, burst=1),
        Plan(
            "markdown in 1 s bursts (a stalled connection's backlog)",
            "bursts",
            markdown,
            fresh=True,
            burst=RATE,
        ),
    )


def served(plans: tuple[Plan, ...]) -> dict[str, Served]:
    """What the paced server hands each scenario's message (its first, for any other)."""
    return {plan.name: Served(v2_frames(plan.events), plan.burst) for plan in plans}


def deliveries(source: Source, plans: tuple[Plan, ...]) -> list[Delivered]:
    """Over loopback HTTP (the goal's: what reading a deployment's stream costs the app); the
    stand-in (for reference: no HTTP, its loop spinning through waits under a millisecond); the
    stand-in waiting whole milliseconds (for reference, Markdown only: the cheapest delivery)."""

    async def over_http(plan: Plan) -> ChatStreamer:
        return await source.real()

    async def stand_in(plan: Plan) -> ChatStreamer:
        return PacedClient(plan.events, RATE, plan.burst)

    async def whole_ms(plan: Plan) -> ChatStreamer:
        return PacedClient(plan.events, RATE, plan.burst, whole_ms=True)

    return [
        Delivered("over loopback HTTP", over_http, plans),
        Delivered("stand-in client", stand_in, plans),
        Delivered("stand-in waiting whole ms", whole_ms, plans[:1]),
    ]


def delivery_figures(goal: Delivered, references: list[Delivered]) -> Iterator[Figure]:
    for label, value in goal.ratios():
        yield ratio_below(f"chat pane CPU / stream-only CPU: {label}", value, 1.5)
    for delivered in [goal, *references]:
        markdown = delivered.results[delivered.plans[0].label]
        yield info(
            f"markdown, {delivered.title}: stream-only CPU",
            statistics.median(f.stream_cpu for f in markdown) * 1000,
            "ms",
        )
    for delivered in references:
        for label, value in delivered.ratios():
            yield info(f"{label}, {delivered.title}: pane CPU / stream-only CPU", value, "x")


async def main(source_url: str, plans: tuple[Plan, ...], runs: int, as_json: bool) -> None:
    pane, services, source = build_pane(asyncio.get_running_loop(), source_url)

    async def idle() -> None:
        await services.tasks.wait_until_idle()

    delivered = deliveries(source, plans)
    for _ in range(runs):  # each run takes every delivery in turn: load moves them together
        for way in delivered:
            for plan in way.plans:
                run = await scenario(pane, source, plan, way.deliver, idle)
                way.results.setdefault(plan.label, []).append(run)
    out = sys.stderr if as_json else sys.stdout
    print(f"{len(plans[0].events)} events per scenario offered at {RATE}/s", file=out)
    for way in delivered:
        for label, figures in way.results.items():
            print(f"[{label}, {way.title}] {figures[0].events} events", file=out)
            for line in median_table(figures):
                print(line, file=out)
    print(f"crashes: {len(services.notices.crashes())}", file=out)
    goal, *references = delivered
    bursts = goal.results[plans[-1].label]
    floors = floor_figures(bursts, layout_floor(plans[0].events, runs))
    emit([*delivery_figures(goal, references), *floors], as_json)
    await services.tasks.shutdown()
    await services.session.aclose()


if __name__ == "__main__":
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    duration = float(numbers[0]) if numbers else 4.0
    repeats = int(numbers[1]) if len(numbers) > 1 else 3
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    scenarios = plans_of(int(duration * RATE))
    with paced_sse_process(served(scenarios), RATE) as url, loop:
        loop.run_until_complete(main(url, scenarios, repeats, "--json" in flags))
