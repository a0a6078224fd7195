"""Settings are saved atomically: a save that fails at any step leaves the previous file whole, and
a reader never sees a half-written file, because a save replaces the file instead of rewriting it."""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING, Any

import pytest

from workbench.core.settings import SettingsStore, WindowState

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def saved(tmp_path: Path) -> SettingsStore:
    """A store whose file already holds settings (the state a failed save must keep)."""
    store = SettingsStore(tmp_path / "settings.json")
    store.update(first_run_done=True, window=WindowState(geometry="old geometry"))
    return store


def _disk_full(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


class _CutOff:
    """A file whose write stores the first half of the text, then fails (the disk filled up)."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, text: str) -> int:
        self._handle.write(text[: len(text) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _CutOff:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _cut_off_fdopen(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _CutOff(real(*a, **k)))


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_save_failing_midway_leaves_the_old_file_whole(
    saved: SettingsStore, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = saved.path.read_bytes()
    if failing == "write":
        _cut_off_fdopen(monkeypatch)
    else:
        monkeypatch.setattr(os, failing, _disk_full)
    with pytest.raises(OSError, match="No space left"):
        saved.update(window=WindowState(geometry="new geometry " * 500))
    monkeypatch.undo()
    assert saved.path.read_bytes() == before
    assert SettingsStore(saved.path).load().window.geometry == "old geometry"
    assert [p.name for p in saved.path.parent.iterdir()] == ["settings.json"]  # no temp left


def test_a_save_replaces_the_file_so_an_open_reader_keeps_a_whole_copy(
    saved: SettingsStore,
) -> None:
    before = saved.path.read_bytes()
    inode = saved.path.stat().st_ino
    with saved.path.open("rb") as reader:  # someone reading while the app saves
        saved.update(window=WindowState(geometry="new geometry"))
        assert reader.read() == before
    assert saved.path.stat().st_ino != inode
    assert SettingsStore(saved.path).load().window.geometry == "new geometry"
    assert (saved.path.stat().st_mode & 0o777) == 0o600


def test_a_failing_save_is_told_once_and_kept_until_a_save_works(
    saved: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a listener (the GUI), a full disk is said once; nothing typed is lost."""
    told: list[OSError] = []
    saved.on_save_failed = told.append
    monkeypatch.setattr(os, "fsync", _disk_full)
    saved.update(theme="dark")
    saved.update(language="it")  # still failing: not told again
    assert [e.errno for e in told] == [errno.ENOSPC]
    assert (saved.settings.theme, saved.settings.language) == ("dark", "it")  # kept in memory
    assert SettingsStore(saved.path).load().theme == "system"  # the file as it was
    monkeypatch.undo()
    saved.update(demo_mode=True)  # the disk has room again: everything is written
    on_disk = SettingsStore(saved.path).load()
    assert (on_disk.theme, on_disk.language, on_disk.demo_mode) == ("dark", "it", True)
    monkeypatch.setattr(os, "fsync", _disk_full)
    saved.update(theme="light")  # a new failure after a save worked is told again
    assert len(told) == 2


def test_without_a_listener_a_failing_save_still_raises(
    saved: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(OSError, match="No space left"):
        saved.update(theme="dark")
