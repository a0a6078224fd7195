"""Memory: after Clear the freed heap pages go back to the OS where the C library can; start-up's
objects are left out of later collections."""

from __future__ import annotations

import gc
import platform
import sys

from workbench.ui.gc_guard import GuiThreadGarbageCollector, release_free_memory


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
