"""Benchmark scripts as `benchmarks/run.py` runs them: figures as JSON on stdout, report on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.waits import WAIT_S

REPO = Path(__file__).resolve().parents[1]
FRAME_SPLIT_FIGURES = [
    "frame splitting, 1 MB line in 4 KB pieces",
    "frame splitting, 4 MB line in 4 KB pieces",
    "frame splitting, 16 MB line in 4 KB pieces",
    "frame splitting: ms per MB at 16 MB / at 1 MB",
]
"""The rows `benchmarks/run.py`'s table had for it when it parsed the script's text."""


def test_frame_split_json_prints_its_figures_on_stdout_and_its_report_on_stderr() -> None:
    """It ignored `--json` and printed its report on stdout; run.py parsed that text instead."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "frame_split.py"), "--json"], cwd=REPO,
        capture_output=True, text=True, timeout=4 * WAIT_S, check=True,
    )  # fmt: skip
    figures = json.loads(done.stdout)["figures"]
    assert [f["name"] for f in figures] == FRAME_SPLIT_FIGURES
    assert all(f["value"] > 0 for f in figures)  # no time asserted: the machine is shared
    assert figures[-1]["goal"] == "< 1.5x (linear)"
    assert " 16 MB line: " in done.stderr
    assert done.stdout.count("\n") == 1


def test_run_py_takes_frame_split_figures_from_its_json() -> None:
    from benchmarks.run import run_one

    assert [f.name for f in run_one("frame_split", verbose=False)] == FRAME_SPLIT_FIGURES
