"""Memory: after Clear the freed heap pages go back to the OS where the C library can; start-up's
objects are left out of later collections."""

from __future__ import annotations

import gc
import platform
import sys
import weakref
from typing import TYPE_CHECKING

from tests.waits import WAIT_MS
from workbench.ui.gc_guard import (
    GuiThreadGarbageCollector,
    release_free_memory,
    release_when_idle,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


class _Node:
    """A weak-referenceable object to make a cycle of."""

    other: object = None


def test_release_free_memory_trims_the_heap_on_linux_and_is_a_no_op_elsewhere() -> None:
    released = release_free_memory()
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert released is glibc
    assert release_free_memory() is released  # safe to call again at once


def test_start_up_survivors_are_left_out_of_collections_until_the_guard_stops() -> None:
    guard = GuiThreadGarbageCollector()
    try:
        guard.freeze_survivors()
        assert gc.get_freeze_count() > 0
    finally:
        guard.stop()
    assert gc.get_freeze_count() == 0


def test_release_when_idle_collects_cycles_once_the_loop_turns(qtbot: QtBot) -> None:
    """After a Clear, garbage in cycles is collected before the pages are trimmed, without
    waiting for the collector's thresholds."""
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    gc.disable()
    try:
        release_when_idle()
        assert gone() is not None  # not at once: the deferred deletes queued now come first
        qtbot.waitUntil(lambda: gone() is None, timeout=WAIT_MS)
    finally:
        gc.enable()
