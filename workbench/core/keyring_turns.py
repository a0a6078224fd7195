"""Keyring calls take turns: one at a time across Workbench's threads and processes.

gnome-keyring 42 aborts on a GLib assertion ("invoke_get_property_in_idle_cb: assertion failed")
when calls from two clients interleave, and every program in the desktop session then loses its
Secret Service until the daemon is started again. Each keyring call here opens a D-Bus connection
of its own, so two of the GUI's worker threads, or the GUI beside a scripted `workbench` check, are
two clients: measured here, two processes storing and reading keys in a loop took the daemon down
in about one run in three of 30 s, four of them within seconds. Taking turns, none did in 2,700
rounds. A keyring call takes milliseconds, so waiting for a turn costs nothing a person notices.
What turns cannot cover: a process killed in the middle of its call leaves that call to the
daemon, and another client's call then can still abort it (reproduced with a client killed
every half second beside one taking turns). So a Ctrl+C that lands in a call made on the main
thread (the command line's) waits for the call to end; a second one stops it at once, for a call
that hangs.

Threads take turns on a lock; processes on an advisory lock on a file in the session's runtime
folder (`$XDG_RUNTIME_DIR`, where the Secret Service's own sockets live). Where there is no such
folder (macOS, Windows, a bare container) only the threads take turns.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

LOCK_FILE_NAME = "cohere-workbench-keyring.lock"
TURN_WAIT_S = 150.0
"""How long a call waits for its turn before going ahead anyway: longer than an unlock prompt may
stay open (`secret_service.UNLOCK_PROMPT_TIMEOUT_S`), so only a process that hangs is overtaken."""
POLL_S = 0.005
"""How often a waiting call looks again: a keyring call takes a few milliseconds."""
HELD_INTERRUPT = (
    b"workbench: finishing the keyring call first (press Ctrl+C again to stop at once)\n"
)
"""Said on standard error when a Ctrl+C waits for the keyring call in hand."""

_log = logging.getLogger(__name__)
_threads = threading.Lock()


def lock_file() -> Path | None:
    """The file processes take turns on, or None where there is no session runtime folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime) / LOCK_FILE_NAME if runtime else None


@contextlib.contextmanager
def keyring_turn(wait_s: float | None = None) -> Iterator[None]:
    """Hold the keyring for one call: no other thread of this process, nor other Workbench
    process of this session, is talking to it meanwhile.

    Args:
        wait_s: how long to wait for another process's turn before going ahead anyway;
            None: `TURN_WAIT_S`.
    """
    with _threads, _process_turn(TURN_WAIT_S if wait_s is None else wait_s), _interrupt_held():
        yield


@contextlib.contextmanager
def _process_turn(wait_s: float) -> Iterator[None]:
    path = lock_file()
    if sys.platform == "win32":  # no Secret Service to protect, and no flock
        path = None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600) if path else None
    except OSError:
        fd = None  # a runtime folder we may not write in: the threads still take turns
    if fd is None:
        yield
        return
    try:
        _wait_for_turn(fd, wait_s)
        yield
    finally:
        os.close(fd)  # closing the file gives the turn back


@contextlib.contextmanager
def _interrupt_held() -> Iterator[None]:
    """Hold a Ctrl+C until the call ends, then raise it; a second one is raised at once.

    Only on the main thread while Python's own Ctrl+C handler is in place: a program that
    handles the signal itself (or a worker thread, which cannot) is left as it is. Waiting for
    the turn stays interruptible: nothing is in the daemon's hands yet.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    pressed = False

    def hold(*_: object) -> None:  # a signal handler: the signal and the frame
        nonlocal pressed
        if pressed:
            raise KeyboardInterrupt
        pressed = True
        os.write(2, HELD_INTERRUPT)  # not print: the main thread may be inside a stderr write

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if pressed:
        raise KeyboardInterrupt


def _wait_for_turn(fd: int, wait_s: float) -> None:
    """Take the advisory lock on `fd`; after `wait_s` go ahead without it."""
    import fcntl

    deadline = time.monotonic() + wait_s
    waited = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if not waited:
            _log.info("Waiting for another Workbench process to finish its keyring call.")
            waited = True
        if time.monotonic() >= deadline:
            _log.warning(
                "Another Workbench process has held the keyring for over %g s; going ahead.",
                wait_s,
            )
            return
        time.sleep(POLL_S)  # polling: flock has no timeout of its own
