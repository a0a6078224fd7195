"""Start-up time: interpreter start to main window shown and idle, against a bare QMainWindow.

Each run is a fresh process with a fresh config folder (a first run, so the local sandbox endpoint
is created and the sandbox starts in the background). The clock runs from spawning the process to
the line the app prints once its window's first paint is done (`workbench.ui.first_paint`: it
used to print it before the paint, which then waited for the deferred start-up work); the floor
is a bare QMainWindow timed the same way. "ready" adds the background start-up work (keyring check,
local sandbox up). Runs offscreen, and under Xvfb when it is installed.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--offscreen-only] [--json]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure, below, emit, info, ratio_below

FLOOR = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    # As the app says its window is shown: once its first paint is done.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("workbench: window shown", flush=True), app.quit()))
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

SHOWN = "workbench: window shown"
READY = "workbench: ready"


def time_to_line(argv: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from spawning the process to it printing `marker`."""
    with tempfile.TemporaryDirectory() as config:
        env = {
            **env,
            "WORKBENCH_CONFIG_DIR": config,
            "WORKBENCH_KEYRING_SERVICE": f"cohere-workbench-bench-{os.getpid()}",
        }
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert proc.stdout is not None
        elapsed = float("nan")
        for line in proc.stdout:
            if line.strip() == marker:
                elapsed = time.perf_counter() - started
                break
        proc.stdout.close()
        proc.wait(timeout=60)
        return elapsed


def measure(label: str, env: dict[str, str], runs: int, out: TextIO) -> dict[str, float]:
    """Print median and best times for the floor, the workbench shown, and ready; medians back."""
    python = sys.executable
    cases = {
        "bare QMainWindow (floor)": ([python, "-c", FLOOR], SHOWN),
        "workbench window shown": (
            [python, "-m", "workbench", "--gui", "--quit-when-shown"],
            SHOWN,
        ),
        "workbench ready (sandbox up)": (
            [python, "-m", "workbench", "--gui", "--quit-when-ready"],
            READY,
        ),
    }
    results: dict[str, list[float]] = {}
    for name, (argv, marker) in cases.items():
        time_to_line(argv, marker, env)  # warm the OS file cache once
        results[name] = [time_to_line(argv, marker, env) for _ in range(runs)]
    floor = statistics.median(results["bare QMainWindow (floor)"])
    print(f"\n{label} ({runs} runs each)", file=out)
    for name, samples in results.items():
        median = statistics.median(samples)
        print(
            f"  {name:30s} median {median:6.3f} s  best {min(samples):6.3f} s  "
            f"ratio {median / floor:4.1f}x floor",
            file=out,
        )
    return {name: statistics.median(samples) for name, samples in results.items()}


def figures(medians: dict[str, float]) -> list[Figure]:
    """The goals' figures from the offscreen medians."""
    shown = medians["workbench window shown"]
    floor = medians["bare QMainWindow (floor)"]
    return [
        below("main window shown and idle (offscreen)", shown, "s", 0.5),
        ratio_below("main window shown / bare PySide6 window", shown / floor, 4),
        info("bare PySide6 window shown (floor)", floor, "s"),
        info("workbench ready (local sandbox up)", medians["workbench ready (sandbox up)"], "s"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--offscreen-only", action="store_true", help="skip the Xvfb measurement")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    args = parser.parse_args()
    out = sys.stderr if args.json else sys.stdout
    repo = Path(__file__).resolve().parents[1]
    # An installed program starts from compiled bytecode (pip compiles it); with the caller's
    # PYTHONDONTWRITEBYTECODE set, every run would compile all the sources again (~0.2 s).
    # The warm-up run writes the cache.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base = {**env, "PYTHONPATH": str(repo)}
    medians = measure("offscreen", {**base, "QT_QPA_PLATFORM": "offscreen"}, args.runs, out)
    if args.offscreen_only or shutil.which("Xvfb") is None:
        if not args.offscreen_only:
            print("\nXvfb not installed: skipped the X11 measurement (apt-get install xvfb)")
        emit(figures(medians), args.json)
        return 0
    display = ":" + str(150 + os.getpid() % 50)
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)  # Xvfb has no readiness signal without -displayfd; half a second suffices
        xcb = {**base, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        measure("Xvfb (xcb)", xcb, args.runs, out)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    emit(figures(medians), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
