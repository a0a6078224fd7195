"""Run Python's cycle collector only on the GUI thread, where deleting Qt objects is safe.

Automatic collection can start on any thread that allocates: a worker of `asyncio.to_thread`, or
the local sandbox's server thread. If it then frees an unreachable widget, the C++ object is
deleted off the GUI thread and Qt crashes. So automatic collection is switched off and a timer
on the GUI thread collects whenever the allocation counters say it is due (the same thresholds
the interpreter would use).
"""

from __future__ import annotations

import gc
import linecache
import sys

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 250


class GuiThreadGarbageCollector(QObject):
    """While alive, collects garbage on the thread it was created on (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, *, start: bool = True) -> None:
        """Switch automatic collection off; collect on this thread from now on, or from
        `start()` (the app's start-up collects nothing before its first paint)."""
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        if start:
            self.start()

    def start(self) -> None:
        """Begin collecting whenever the counters say it is due."""
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose counter passed its threshold; returns objects freed."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def start_up_done(self) -> None:
        """Start-up is over: drop the source lines it cached, then `freeze_survivors`.

        PySide6's import hook reads the source of every module imported after it (to see
        whether it selects a `__feature__`) through `linecache`, which keeps every line: 5.5 M
        characters of ~300 modules here. Dropped, the memory is used again for what comes
        next (10 MiB less resident after a 500-turn conversation, issue 15). A traceback reads
        the lines it shows again when it is formatted.
        """
        linecache.clearcache()
        self.freeze_survivors()

    def freeze_survivors(self) -> None:
        """Collect once, then leave every object alive now out of all later collections.

        Called once start-up is done: modules, classes, pydantic schemas and widgets built so
        far live as long as the program, and each full collection walking them again was a
        ~50 ms pause (issue 15). Objects made later are collected as before.
        """
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        """Stop the timer, collect once more here, and give collection back to the interpreter."""
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def _on_timer_timeout(self) -> None:
        self.collect_if_due()


class MemoryRelease(QObject):
    """After a Clear: collects every generation and hands the freed pages back to the OS once
    the events queued then are handled (a cleared view's deferred deletes among them), but not
    while a turn is in flight.

    Trimming at once gave back only what was free before the cleared objects' cycles were
    collected and their widgets deleted. Run at the next turn of the loop, the collection and
    the trim (tens of ms) landed between a Send right after Clear and its first token (issue 15).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = False
        self._held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    def request(self) -> None:
        """Release once the loop is free (at once if no turn holds it)."""
        self._wanted = True
        if not self._held:
            self._timer.start()

    def hold(self) -> None:
        """A turn starts: a release asked for waits until `resume`."""
        self._held = True
        self._timer.stop()

    def resume(self) -> None:
        """The turn ended: a release asked for runs now."""
        self._held = False
        if self._wanted:
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._wanted = False
        gc.collect()  # the cleared objects' cycles first: only freed pages can be trimmed
        release_free_memory()


def release_free_memory() -> bool:
    """Hand the C heap's free pages back to the OS (glibc only); True when it could.

    After a long conversation is cleared its objects are freed, but glibc keeps the emptied
    pages in the process (a 500-turn transcript's ~16 MiB stayed resident after Clear, issue 15);
    `malloc_trim` returns them. A no-op elsewhere: other allocators have no such call.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes.util  # here: it loads subprocess and more, which start-up does not need

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
