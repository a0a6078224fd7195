"""Run history: 10,000 stored runs opened and searched; recording cost per 100 events at 5,000/s.

Run: `.venv/bin/python benchmarks/history.py [--json]`; with `--json` the report goes to stderr and
the figures (issue 12's goals) to stdout for `benchmarks/run.py`.

"Open the pane" builds the History pane offscreen on the 10,000 runs and shows it (the list, its
filters and the first run in the inspector); "search" types a query and refreshes. Figures are
medians; nothing asserts on time.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure, below, emit, info
from workbench.core.runs.history import History
from workbench.core.runs.search import RunFilter
from workbench.core.runs.store import RecordedEvent, RunRecord, RunStore
from workbench.core.runs.tap import RunStart
from workbench.core.settings import SettingsStore

RUNS = 10_000
WORDS = ("lentil", "soup", "plan", "sso", "paris", "capital", "rerank", "tools", "weather", "café")


def _record(i: int) -> RunRecord:
    words = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 8))
    return RunRecord(
        id=f"{i:012x}",
        created=1_700_000_000 + i,
        kind="chat" if i % 3 else "rerank",
        endpoint=f"endpoint {i % 5}",
        flavour="cohere-v2",
        model=f"model-{i % 4}",
        url="http://127.0.0.1:8765/v2/chat",
        request_body='{"message": "' + words + '"}',
        query=f"question {i} about {words}",
        answer=f"answer {i}: {words} " * 5,
        outcome="ok",
        events=[RecordedEvent(0.01 * k, "content-delta", '{"text": "w"}') for k in range(20)],
    )


def _ms(fn: object, repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _open_and_list(path: Path) -> None:
    store = RunStore(path)
    store.find(RunFilter(limit=200))
    store.close()


def _recording_cost(path: Path) -> list[float]:
    """UI-thread time for each 100 frames of a 5,000 events/s stream, the writer running."""
    history = History(path)
    run = history.begin(RunStart(kind="chat", query="bench"))
    run.request("POST", "http://127.0.0.1/v2/chat", {"Authorization": "Bearer x"}, b"{}")
    per_100: list[float] = []
    frame = '{"type":"content-delta","delta":{"message":{"content":{"text":" word"}}}}'
    for _ in range(50):
        started = time.perf_counter()
        for _ in range(100):
            run.frame(frame, "content-delta")
        per_100.append((time.perf_counter() - started) * 1000)
        time.sleep(0.02)  # 100 events per 20 ms: a 5,000 events/s stream
    run.finish("ok")
    history.close()
    return per_100


def _pane_figures(path: Path) -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from workbench.ui.history.pane import HistoryPane

    app = QApplication.instance() or QApplication([])
    history = History(path)
    settings = SettingsStore(path.with_name("settings.json"))
    services = SimpleNamespace(history=history, settings=settings)

    def open_pane() -> None:
        pane = HistoryPane(services=services)  # type: ignore[arg-type]  # only .history is read
        pane.show()
        app.processEvents()
        pane.close()
        pane.deleteLater()

    opened = _ms(open_pane)
    _say(f"History pane: open and show: {opened:.1f} ms (goal < 100)")
    searches = []
    pane = HistoryPane(services=services)  # type: ignore[arg-type]
    pane.show()
    for text in ("lentil", "sso paris", "question 9999"):

        def search(text: str = text) -> None:
            pane.search.setText(text)
            pane.refresh()
            app.processEvents()

        searches.append(_ms(search))
        _say(f"History pane: search {text!r}: {searches[-1]:.1f} ms (goal < 100)")
    pane.close()
    history.close()
    return opened, max(searches)


def _live_ticks(path: Path) -> tuple[list[float], list[float]]:
    """The inspector's timer ticks (ms) while it follows a run streaming 5,000 events/s for 2 s,
    and the cycle collector's pauses (ms) meanwhile.

    The app's collection regime runs (`ui/app.py`): automatic collection off, a GUI-thread timer
    collecting when due, everything built so far frozen. Left automatic, a full collection of
    the 10,000 runs' leftovers could land inside a tick (up to 60 ms), which the app never does;
    its own pauses are printed beside the ticks instead of hidden in them.
    """
    from PySide6.QtWidgets import QApplication

    from workbench.ui.gc_guard import GuiThreadGarbageCollector
    from workbench.ui.history.pane import HistoryPane

    app = QApplication.instance() or QApplication([])
    collector = GuiThreadGarbageCollector(app)
    history = History(path)
    settings = SettingsStore(path.with_name("settings-live.json"))
    services = SimpleNamespace(history=history, settings=settings)
    run = history.begin(RunStart(kind="chat", query="live"))
    run.request("POST", "http://127.0.0.1/v2/chat", {}, b"{}")
    history.writer.flush()
    pane = HistoryPane(services=services)  # type: ignore[arg-type]  # only .history is read
    pane.show()
    pane.refresh()
    collector.start_up_done()  # as the app once its panes are built
    ticks: list[float] = []
    follow = pane.view._on_timer_timeout

    def timed() -> None:
        started = time.perf_counter()
        follow()
        ticks.append((time.perf_counter() - started) * 1000)

    pane.view._timer.timeout.disconnect()
    pane.view._timer.timeout.connect(timed)
    frame = '{"type":"content-delta","delta":{"message":{"content":{"text":" word"}}}}'

    def stream() -> None:
        for _ in range(100):
            for _ in range(100):
                run.frame(frame, "content-delta")
            time.sleep(0.02)

    sender = threading.Thread(target=stream)
    with _CollectionPauses() as pauses:
        sender.start()
        while sender.is_alive():
            app.processEvents()
            time.sleep(0.005)
    _say(f"live inspector: {pane.view.event_count():,} events shown of 10,000 sent so far")
    pane.close()
    run.finish("ok")
    history.close()
    collector.stop()
    return ticks, pauses.pauses


class _CollectionPauses:
    """The cycle collector's pauses (ms) while the block runs."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._started = 0.0

    def __enter__(self) -> _CollectionPauses:
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._note)

    def _note(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((time.perf_counter() - self._started) * 1000)


_OUT = sys.stdout


def _say(line: str) -> None:
    print(line, file=_OUT, flush=True)


def main() -> None:
    """Print the report (to stderr with `--json`, then the figures as JSON on stdout)."""
    global _OUT
    as_json = "--json" in sys.argv[1:]
    _OUT = sys.stderr if as_json else sys.stdout
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "runs.sqlite3"
        store = RunStore(path)
        started = time.perf_counter()
        store.add([_record(i) for i in range(RUNS)])
        _say(f"store {RUNS:,} runs (20 events each): {(time.perf_counter() - started):.1f} s")
        listed = _ms(lambda: _open_and_list(path))
        _say(f"open + list newest 200: {listed:.1f} ms (goal < 100)")
        found = []
        for text in ("lentil", "sso paris", "question 9999", "nothing-matches"):
            search = RunFilter(search=text, limit=200)
            found.append(_ms(lambda s=search: store.find(s)))
            _say(f"search {text!r}: {found[-1]:.1f} ms (goal < 100)")
        filtered = RunFilter(search="soup", kind="chat", model="model-1", limit=200)
        _say(f"search + 2 filters: {_ms(lambda: store.find(filtered)):.1f} ms")
        store.close()
        _say(f"database size: {os.path.getsize(path) / 1e6:.1f} MB")
        opened, searched = _pane_figures(path)
        ticks, pauses = _live_ticks(Path(folder) / "live.sqlite3")
        _say(
            f"live inspector at 5,000 events/s: {len(ticks)} ticks, median "
            f"{statistics.median(ticks):.1f} ms, longest {max(ticks):.1f} ms"
        )
        costs = _recording_cost(Path(folder) / "rec.sqlite3")
        _say(
            f"recording, UI thread per 100 events at 5,000/s: median "
            f"{statistics.median(costs):.3f} ms, max {max(costs):.3f} ms (goal < 1)"
        )
    figures: list[Figure] = [
        below("history, 10,000 runs: History pane opened and shown", opened, "ms", 100),
        below("history, 10,000 runs: search in the pane (slowest query)", searched, "ms", 100),
        info("history, 10,000 runs: store opened, newest 200 listed", listed, "ms"),
        info("history, 10,000 runs: store search (slowest query)", max(found), "ms"),
        below(
            "history recording: UI thread per 100 events at 5,000/s (median)",
            statistics.median(costs),
            "ms",
            1,
        ),
        info("history recording: UI thread per 100 events (worst)", max(costs), "ms"),
        info("history inspector following 5,000 events/s: median tick", median(ticks), "ms"),
        below("history inspector following 5,000 events/s: longest tick", max(ticks), "ms", 50),
        info("history inspector following: longest collector pause", max(pauses, default=0), "ms"),
    ]
    emit(figures, as_json)


if __name__ == "__main__":
    main()
