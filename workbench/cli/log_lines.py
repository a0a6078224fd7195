"""The library's log records on a command's stderr: one line each, through the redactor.

Without a handler of its own, a command left them to Python's last-resort handler, which wrote
them unredacted and with whole tracebacks ("database is locked" as a 15-line trace after an
answer). A command's failures are said by the command itself; what reaches this handler is the
rest: a warning worth a line, never a traceback (the GUI's log file keeps those).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import TYPE_CHECKING, TextIO

from workbench.api.redact import redact_text

if TYPE_CHECKING:
    from collections.abc import Iterator


class CommandLog(logging.Handler):
    """Warnings and errors as `workbench: warning: …` lines on the command's stderr.

    Records marked told (`extra={"told": True}`: their news is said by the command in its own
    words) are left out. Records from other threads (the run history's writer) wait until the
    main thread writes them (`write_held`): stderr is the main thread's, and a line written in
    the middle of its output would break a masked key apart. Of another thread's records, only
    the workbench's own are the command's: a server sharing the process (a test's sandbox) logs
    its own news, which the command printed as its error.
    """

    def __init__(self, err: TextIO) -> None:
        super().__init__(logging.WARNING)
        self._err = err
        self._held: list[str] = []
        self._held_lock = threading.Lock()
        self._main = threading.main_thread()

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record's line now on the main thread, else hold it."""
        if getattr(record, "told", False):
            return
        on_main = threading.current_thread() is self._main
        if not on_main and not _is_ours(record):
            return
        line = redact_text(f"workbench: {record.levelname.lower()}: {record.getMessage()}\n")
        if on_main:
            self.write_held()
            self._err.write(line)
        else:
            with self._held_lock:
                self._held.append(line)

    def write_held(self) -> None:
        """Write the lines other threads logged (call on the main thread)."""
        with self._held_lock:
            held, self._held = self._held, []
        for line in held:
            self._err.write(line)


def _is_ours(record: logging.LogRecord) -> bool:
    return record.name == "workbench" or record.name.startswith("workbench.")


@contextlib.contextmanager
def command_log(err: TextIO) -> Iterator[CommandLog]:
    """A CommandLog on the root logger for the length of the block."""
    handler = CommandLog(err)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
