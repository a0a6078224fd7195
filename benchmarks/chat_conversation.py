"""A long grounded conversation through a real ChatPane: resident memory, Clear, and per-turn stalls.

The pane talks to the sandbox (a process of its own, answering at once) over loopback with the
shipped RAG sample documents, so every answer is grounded and cited. The app's own garbage
collector guard runs, as in the app. Figures:

* resident memory once the pane is shown and the app's after-first-paint work is done (start),
  after the conversation, and after Clear;
* each turn's longest event-loop stall (the longest gap between the beats of a 5 ms heartbeat,
  from Send to the history saved; the
  start and end of the turn included), as the median of the five turns ending at turn 10 and
  at the last turn, so one unlucky scheduling does not decide it.

    .venv/bin/python benchmarks/chat_conversation.py [--turns 500] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from PySide6.QtWidgets import QApplication

from benchmarks.figures import below, emit, info, ratio_below
from benchmarks.qt_bench import Heartbeat, chat_pane_on, private_config, rss_mib, send_and_wait
from benchmarks.sandbox_process import sandbox_process
from workbench.ui import resources
from workbench.ui.gc_guard import GuiThreadGarbageCollector


async def conversation(
    base_url: str, turns: int, collector: GuiThreadGarbageCollector, out: TextIO
) -> dict[str, float]:
    """Run the conversation; returns the figures' raw values."""
    pane, services = chat_pane_on(base_url, asyncio.get_running_loop())
    await asyncio.sleep(0.2)  # let the first paint and the pane's timers settle
    # What the app does after its first paint (ui/app.py): load what a first Send needs (the
    # HTTP transport's modules, the CA bundle). It is start-up's memory there, so here too.
    services.tasks.start("app.warm-up", services.session.warm_up())
    await services.tasks.wait_until_idle()
    collector.start_up_done()  # as the app once its panes are built
    await asyncio.sleep(0.2)
    start = rss_mib()
    sample = resources.sample("chat_documents.json")
    pane.documents.editor.set_value([{"id": d["id"], **d["data"]} for d in sample["documents"]])
    stalls: list[float] = []
    for n in range(1, turns + 1):
        with Heartbeat() as beat:
            await send_and_wait(pane, services, f"{sample['message']} (question {n})")
        stalls.append(beat.longest * 1000)
        if n % 100 == 0:
            print(f"  turn {n}: {rss_mib():.0f} MiB, stall {stalls[-1]:.0f} ms", file=out)
    grown = rss_mib()
    pane.clear()
    await services.tasks.wait_until_idle()
    await asyncio.sleep(0.6)  # the GC guard's timer gets its turn, as in the idle app
    cleared = rss_mib()
    crashes = len(services.notices.crashes())
    errors = [n for n in services.notices.history() if n.level == "error"]
    if crashes or errors:
        print(f"crashes: {crashes}; errors: {errors[:3]}", file=out)
    await services.tasks.shutdown()
    await services.session.aclose()
    # Qt deletes the pane, not the cycle collector later (that crashed PySide at teardown).
    pane.hide()  # not close(): the last window closing would quit the app and its loop
    pane.deleteLater()
    await asyncio.sleep(0.05)
    return {
        "start": start,
        "grown": grown,
        "cleared": cleared,
        "early": statistics.median(stalls[5:10]),
        "late": statistics.median(stalls[-5:]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=500)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    args = parser.parse_args()
    out = sys.stderr if args.json else sys.stdout
    private_config()
    app = QApplication(sys.argv[:1])
    collector = GuiThreadGarbageCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with sandbox_process() as base_url, loop:
        got = loop.run_until_complete(conversation(base_url, args.turns, collector, out))
        collector.stop()  # while the loop is open: collecting after it closed crashed Qt
    turns = args.turns
    print(
        f"{turns} turns: {got['start']:.0f} MiB at start, {got['grown']:.0f} MiB after, "
        f"{got['cleared']:.0f} MiB after Clear; stall {got['early']:.0f} ms at turn 10, "
        f"{got['late']:.0f} ms at turn {turns}",
        file=out,
    )
    emit(
        [
            info("resident memory with the chat pane shown (start)", got["start"], "MiB"),
            below(
                f"resident memory after a {turns}-turn grounded conversation",
                got["grown"],
                "MiB",
                250,
            ),
            ratio_below(
                "resident memory after Clear / at start", got["cleared"] / got["start"], 1.2
            ),
            below(f"longest stall of a turn at turn {turns}", got["late"], "ms", 50),
            ratio_below(
                f"longest stall of a turn: turn {turns} / turn 10",
                got["late"] / got["early"],
                1.5,
            ),
        ],
        args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
