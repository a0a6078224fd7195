"""Memory: after Clear the freed heap pages go back to the OS where the C library can; start-up's
objects are left out of later collections."""

from __future__ import annotations

import gc
import platform
import sys
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from tests.waits import WAIT_MS
from workbench.ui.gc_guard import (
    GuiThreadGarbageCollector,
    MemoryRelease,
    release_free_memory,
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


def _cycle() -> weakref.ref[_Node]:
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_release_collects_cycles_once_the_loop_turns(qtbot: QtBot) -> None:
    """After a Clear, garbage in cycles is collected before the pages are trimmed, without
    waiting for the collector's thresholds."""
    memory = MemoryRelease()
    gc.disable()
    try:
        gone = _cycle()
        memory.request()
        assert gone() is not None  # not at once: the deferred deletes queued now come first
        qtbot.waitUntil(lambda: gone() is None, timeout=WAIT_MS)
    finally:
        gc.enable()


def test_a_release_asked_for_during_a_turn_waits_for_its_end(qtbot: QtBot) -> None:
    """The collection and trim must not land between a Send and its first token."""
    memory = MemoryRelease()
    gc.disable()
    try:
        gone = _cycle()
        memory.hold()
        memory.request()
        for _ in range(5):
            QCoreApplication.processEvents()
        assert gone() is not None
        memory.resume()
        qtbot.waitUntil(lambda: gone() is None, timeout=WAIT_MS)
    finally:
        gc.enable()
