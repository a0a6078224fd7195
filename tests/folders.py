"""Folders the program cannot make: how tests meet a read-only home or a full disk."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def unmakeable(tmp_path: Path, name: str) -> Path:
    """A path below a regular file: making it (or anything in it) fails with an OSError, for
    root as for anyone, where a read-only folder would not stop root."""
    blocker = tmp_path / "a-file"
    blocker.touch()
    return blocker / name
