"""An answer streamed at 5,000 events/s into a transcript already holding 100,000 tokens, vs empty.

The long transcript is a conversation imported through the History section (50 turns of about
2,000 words each, as a person would bring one in); the answer is the Markdown stream of
`chat_stream_render.py`, handed over by the same paced stand-in client. The figure is the longest
gap between the beats of a 5 ms heartbeat from Send until the turn has ended and the history is
saved (start and end of the turn included), median of three answers each way.

    .venv/bin/python benchmarks/chat_long_transcript.py [seconds of stream] [--json]
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from PySide6.QtWidgets import QApplication

from benchmarks.chat_stream_render import RATE, build_pane, synthetic_events
from benchmarks.figures import below, emit, info, ratio_below
from benchmarks.paced_client import PacedClient
from benchmarks.qt_bench import Heartbeat, private_config

TURNS = 50
WORDS_PER_ANSWER = 2_000
RUNS = 3
VOCABULARY = ("grounded", "answer", "rerank", "café", "Zürich", "model", "the", "of", "and", "to")


def long_history(folder: Path) -> Path:
    """A neutral-JSON conversation of TURNS turns, about 100,000 words in all; returns its path."""
    messages = []
    for turn in range(TURNS):
        words = [VOCABULARY[(turn + i) % len(VOCABULARY)] for i in range(WORDS_PER_ANSWER)]
        paragraphs = [" ".join(words[i : i + 80]) for i in range(0, len(words), 80)]
        messages.append({"role": "user", "content": f"Question {turn}: tell me more."})
        messages.append({"role": "assistant", "content": "\n\n".join(paragraphs)})
    path = folder / "long.json"
    path.write_text(json.dumps(messages), encoding="utf-8")
    return path


async def one_answer(pane, services, source, events) -> float:
    """Stream one answer through the pane; the turn's longest heartbeat gap in ms."""
    finished = asyncio.Event()

    def done(_index: int) -> None:
        finished.set()

    pane.turn_finished.connect(done)
    source.client = PacedClient(events, RATE)
    with Heartbeat() as beat:
        pane.send("one more, please")
        await finished.wait()
        await services.tasks.wait_until_idle()
    pane.turn_finished.disconnect(done)
    return beat.longest * 1000


async def measure(seconds: float, out: TextIO) -> dict[str, float]:
    pane, services, source = build_pane(asyncio.get_running_loop())
    events = synthetic_events(int(seconds * RATE), cited=False)
    empty: list[float] = []
    long: list[float] = []
    imports: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        history = long_history(Path(folder))
        for _ in range(RUNS):
            pane.clear()
            await services.tasks.wait_until_idle()
            empty.append(await one_answer(pane, services, source, events))
            started = time.perf_counter()
            if not pane.import_history(history):
                raise SystemExit(f"import failed: {pane.history.status.text()}")
            imports.append(time.perf_counter() - started)
            await services.tasks.wait_until_idle()
            long.append(await one_answer(pane, services, source, events))
    print(f"empty transcript: {empty}; 100,000 words: {long}; imports {imports}", file=out)
    await services.tasks.shutdown()
    await services.session.aclose()
    return {
        "empty": statistics.median(empty),
        "long": statistics.median(long),
        "import": statistics.median(imports) * 1000,
    }


def main() -> int:
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    as_json = "--json" in sys.argv[1:]
    out = sys.stderr if as_json else sys.stdout
    private_config()
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        got = loop.run_until_complete(measure(float(numbers[0]) if numbers else 2.0, out))
    emit(
        [
            below("answer into a 100,000-token transcript: longest stall", got["long"], "ms", 50),
            ratio_below(
                "answer into a 100,000-token transcript / into an empty one: longest stall",
                got["long"] / got["empty"],
                1.5,
            ),
            info("import a 100,000-token conversation (window frozen)", got["import"], "ms"),
        ],
        as_json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
