"""One window per settings folder: a second start raises the running one and leaves, since two
windows would each write the whole settings file and undo what the other saved."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tests.waits import WAIT_S
from workbench.ui.app import RAISED_MARKER, SHOWN_MARKER

if TYPE_CHECKING:
    from tests.processes import Processes

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, config: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "WORKBENCH_CONFIG_DIR": str(tmp_path / config),
        "WORKBENCH_DATA_DIR": str(tmp_path / "data"),
    }


def test_a_second_start_raises_the_running_window_and_leaves(
    processes: Processes, tmp_path: Path
) -> None:
    env = _env(tmp_path, "config")
    first = processes.start(
        [sys.executable, "-m", "workbench", "--gui", "--no-sandbox"], cwd=ROOT, env=env
    )
    first.wait_for_line(SHOWN_MARKER, timeout=4 * WAIT_S)
    second = processes.start(
        [sys.executable, "-m", "workbench", "--gui", "--no-sandbox"], cwd=ROOT, env=env
    )
    assert second.wait(timeout=4 * WAIT_S) == 0, second.report()
    assert RAISED_MARKER in second.stdout()
    assert SHOWN_MARKER not in second.stdout()  # it drew no window of its own
    assert first.returncode is None  # the first window runs on
    other = processes.start(  # another settings folder is another window
        [sys.executable, "-m", "workbench", "--gui", "--no-sandbox", "--quit-when-shown"],
        cwd=ROOT,
        env=_env(tmp_path, "other-config"),
    )
    assert other.wait(timeout=4 * WAIT_S) == 0, other.report()
    assert SHOWN_MARKER in other.stdout()


def test_a_window_that_died_leaves_no_lock_behind(processes: Processes, tmp_path: Path) -> None:
    env = _env(tmp_path, "config")
    crashed = processes.start(
        [sys.executable, "-m", "workbench", "--gui", "--no-sandbox"], cwd=ROOT, env=env
    )
    crashed.wait_for_line(SHOWN_MARKER, timeout=4 * WAIT_S)
    crashed.send_signal(signal.SIGKILL)  # no chance to give the folder back
    crashed.wait()
    assert (tmp_path / "config" / "workbench.lock").exists()
    again = processes.start(
        [sys.executable, "-m", "workbench", "--gui", "--no-sandbox", "--quit-when-shown"],
        cwd=ROOT,
        env=env,
    )
    assert again.wait(timeout=4 * WAIT_S) == 0, again.report()
    assert SHOWN_MARKER in again.stdout()
