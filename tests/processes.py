"""The one owner of every child process a test starts: started, waited on, killed and reaped.

`processes.start(argv, ...)` gives a `Child` whose output is read on threads as it arrives, so a
test waits for a line (`child.wait_for_line("base URL: ")`) or for the exit (`child.wait()`) on a
condition with the one named timeout, never on `readline()` that blocks for ever nor on a pause
that must be long enough. Whatever happens in the test (an assertion, a timeout, an error in
set-up) the fixture's teardown kills what is still running (its whole process group), reaps it,
joins the readers and closes every pipe: no child outlives its test, and no `Popen.__del__`
`ResourceWarning` lands in a later test that `filterwarnings = error` then fails.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING, Any, Self

import pytest

from tests.waits import WAIT_S
from workbench.core.keyring_turns import keyring_turn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import TracebackType


STOP_TURN_WAIT_S = 10.0
"""How long stopping a child waits for the keyring's turn (see `Child.stop`)."""


class ChildTimeout(AssertionError):
    """A child did not reach a condition within the named timeout (the message says what it did)."""


class _Stream:
    """One pipe of a child, read line by line on a thread into a list a test can wait on."""

    def __init__(self, pipe: Any, name: str, changed: threading.Condition) -> None:
        self.lines: list[str] = []
        self._pipe = pipe
        self._changed = changed
        self.closed = False
        self._thread = threading.Thread(target=self._read, name=f"child-{name}", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for line in iter(self._pipe.readline, ""):
                with self._changed:
                    self.lines.append(line)
                    self._changed.notify_all()
        except (OSError, ValueError):
            pass  # the pipe was closed under us at teardown: nothing more to read
        finally:
            with self._changed:
                self.closed = True
                self._changed.notify_all()

    def text(self) -> str:
        return "".join(self.lines)

    def close(self) -> None:
        self._thread.join(WAIT_S)
        with contextlib.suppress(OSError):
            self._pipe.close()


_FOREGROUND = (
    "import os, signal, sys;"
    "signal.signal(signal.SIGINT, signal.SIG_DFL);"
    "os.execvp(sys.argv[1], sys.argv[1:])"
)
"""Runs argv with SIGINT at its default, as a shell's foreground command gets it."""


class Child:
    """A running child process with its stdout and stderr (text) collected as they arrive.

    It starts with SIGINT at its default disposition whatever this process inherited: a suite
    started in the background (`bash tests/run &`, a CI step) ignores SIGINT, every child would
    inherit that, and Python then installs no KeyboardInterrupt handler, so a Ctrl+C test's
    child ignored its Ctrl+C and the test timed out (issue 20).
    """

    def __init__(self, argv: Sequence[str], **popen: Any) -> None:
        self.argv = list(argv)
        self._changed = threading.Condition()
        for name in ("stdout", "stderr"):
            popen.setdefault(name, subprocess.PIPE)
        # A session of its own, so teardown can kill what the child started too.
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _FOREGROUND, *self.argv],
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
            **popen,
        )
        self._streams = {
            name: _Stream(pipe, name, self._changed)
            for name, pipe in (("stdout", self.proc.stdout), ("stderr", self.proc.stderr))
            if pipe is not None
        }

    def __repr__(self) -> str:
        return f"Child(pid={self.proc.pid}, argv={self.argv[:4]!r}…)"

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        return self.proc.poll()

    def stdout(self) -> str:
        """What the child wrote on stdout so far (all of it once `wait()` returned)."""
        return self._streams["stdout"].text() if "stdout" in self._streams else ""

    def stderr(self) -> str:
        """What the child wrote on stderr so far (all of it once `wait()` returned)."""
        return self._streams["stderr"].text() if "stderr" in self._streams else ""

    def _until(self, ready: Callable[[], Any], what: str, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (found := ready()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ChildTimeout(f"{self!r}: {what} within {timeout:g} s.\n{self.report()}")
                # Woken by every line that arrives; the short cap also notices an exit.
                self._changed.wait(min(left, 0.1))
        return found

    def wait_for_line(self, prefix: str, *, stream: str = "stdout", timeout: float = WAIT_S) -> str:
        """The first line on `stream` that starts with `prefix` (without its line break).

        Raises:
            ChildTimeout: when no such line came within `timeout`, or the stream ended first.
        """
        source = self._streams[stream]

        def ready() -> str | None:
            for line in source.lines:
                if line.startswith(prefix):
                    return line.rstrip("\r\n")
            if source.closed:
                raise ChildTimeout(f"{self!r}: {stream} ended before {prefix!r}.\n{self.report()}")
            return None

        return str(self._until(ready, f"no line starting {prefix!r} on {stream}", timeout))

    def wait(self, timeout: float = WAIT_S) -> int:
        """Wait for the child to exit and its pipes to be read to the end; its exit status."""
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise ChildTimeout(
                f"{self!r}: did not exit within {timeout:g} s.\n{self.report()}"
            ) from None
        self._until(lambda: all(s.closed for s in self._streams.values()), "pipes open", timeout)
        return code

    def send_signal(self, sig: int) -> None:
        """Send `sig` to the child itself (not to what it started)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)

    def _end(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)
        try:
            self.proc.wait(WAIT_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(WAIT_S)

    def report(self) -> str:
        """Exit status and output so far, for a failure message."""
        return (
            f"exit status: {self.proc.poll()}\n"
            f"stdout:\n{self.stdout()[-4000:]}\nstderr:\n{self.stderr()[-4000:]}"
        )

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """End the child's whole session if it still runs (`sig`, then SIGKILL should it still
        run after the named timeout), reap it and close its pipes."""
        if self.proc.poll() is None:
            # In the keyring's turn: then the child is in no keyring call. Killed in the middle
            # of one, it leaves the call to gnome-keyring, which aborts when another client then
            # calls (workbench.core.keyring_turns), and every later test loses the keyring. A
            # call takes milliseconds: a child holding the turn longer holds it for a test.
            with keyring_turn(wait_s=STOP_TURN_WAIT_S):
                self._end(sig)
        else:
            # The child is gone; what it started in its session must not outlive the test.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        for source in self._streams.values():
            source.close()
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()


class Processes:
    """Every child one test started; `stop_all()` ends them (the fixture calls it at teardown)."""

    def __init__(self) -> None:
        self.children: list[Child] = []

    def start(self, argv: Sequence[str], **popen: Any) -> Child:
        """Start `argv` (Popen keyword arguments allowed; output is text) and own it."""
        child = Child(argv, **popen)
        self.children.append(child)
        return child

    def stop_all(self) -> None:
        """Kill and reap every child still running, newest first, and close their pipes."""
        while self.children:
            self.children.pop().stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop_all()


@pytest.fixture
def processes() -> Iterator[Processes]:
    """Start child processes with `processes.start(argv, ...)`; teardown kills and reaps them."""
    with Processes() as owner:
        yield owner
