"""The one timeout every test waits with: on the keyring, on HTTP, on background work.

Generous on purpose: a wait ends as soon as its condition holds, so the figure costs nothing on a
quiet machine and only has to outlast the slowest neighbour on a busy one (every core taken, other
D-Bus sessions and keyrings running). A test that needs less is not a test that should wait less.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

WAIT_MS = 30_000
"""Milliseconds, for `qtbot.waitUntil` / `waitSignal` / `waitSignals` and `run_async`."""
WAIT_S = WAIT_MS / 1000
"""The same in seconds, for subprocesses, threads, sockets and D-Bus calls."""


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Poll `condition` off the Qt loop (threads, files, processes) for up to WAIT_S."""
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"no {what} within {WAIT_S:g} s"
        time.sleep(0.01)  # polling interval only; the condition decides
