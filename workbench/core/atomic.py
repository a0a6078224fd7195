"""Files written whole or not at all: a temporary file beside the target, then one rename."""

from __future__ import annotations

import contextlib
import os
import stat
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


def write_export(path: Path, text: str) -> None:
    """Write a file a person chose to save (a report, an export): whole or not at all.

    Written in place, a full disk left half a report, and saved over an older one it had
    already emptied that. The new file gets the permissions a plain write would have given:
    the old file's own, else what the umask allows. A link is followed: its target is written.

    Raises:
        OSError: the folder refused the file (read-only, full, missing); the target is as it was.
    """
    target = path.resolve()
    write_atomically(
        target, [text], prefix=f".{target.name}.", suffix=".part", mode=_plain_mode(target)
    )


def _plain_mode(path: Path) -> int:
    """The permissions `open(path, "w")` leaves on `path`."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:  # not there yet (or not readable: the write will say so)
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without setting it (os.umask sets it, for every thread)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split(":", 1)[1].strip(), 8)
    return 0o022  # no /proc (macOS): the usual mask
