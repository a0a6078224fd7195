"""Files written whole or not at all: a temporary file beside the target, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def write_atomically(
    path: Path,
    pieces: Iterable[str],
    *,
    prefix: str,
    suffix: str = ".tmp",
    sync: bool = False,
    mode: int | None = None,
) -> None:
    """Write `pieces` (UTF-8) to `path` so that a reader sees the old file or the new, never half.

    Args:
        path: the target; its folder must exist (the temporary file goes there, for the rename).
        pieces: the text, written piece by piece (a long text need not be joined first).
        prefix: the temporary file's name prefix (a dot keeps it out of listings).
        suffix: its suffix.
        sync: fsync before the rename, so a crash keeps the new text too (2-20 ms of disk).
        mode: permissions set before the rename (`0o600`: the user's alone).

    Raises:
        OSError: the folder refused the file (read-only, full, missing); the target is as it was.
    """
    fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for piece in pieces:
                handle.write(piece)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):  # the first failure is the one to report
            Path(temporary).unlink(missing_ok=True)
        raise
