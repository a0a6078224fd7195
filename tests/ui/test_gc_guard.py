"""Memory hand-back: after Clear the freed heap pages go back to the OS where the C library can."""

from __future__ import annotations

import platform
import sys

from workbench.ui.gc_guard import release_free_memory


def test_release_free_memory_trims_the_heap_on_linux_and_is_a_no_op_elsewhere() -> None:
    released = release_free_memory()
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert released is glibc
    assert release_free_memory() is released  # safe to call again at once
