"""Saving a pane's inputs as they are edited: off the UI thread, in order, once edits pause.

The Chat pane keeps its conversation and inputs this way, and the Rerank, Compare, Evaluation
and QA panes theirs (`KeptInputs`): a restart brings back what was being typed and chosen.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from workbench.api.errors import InputError
from workbench.core.errors import os_reason

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from PySide6.QtCore import SignalInstance

    from workbench.ui.async_bridge import TaskRunner
    from workbench.ui.notices import NoticeCenter
    from workbench.ui.services import Services

Kept = TypeVar("Kept")

SAVE_DELAY_MS = 1000
"""How long edits pause before they are saved (one write, not one per key)."""


class BackgroundWriter:
    """Writes a file on its own thread, each write after the one before; failures are notices.

    A failure is said once per failing spell (a full disk is not said at every edit), with the
    title `title()` gives in the language of that moment.
    """

    def __init__(
        self,
        *,
        key: str,
        title: Callable[[], str],
        tasks: TaskRunner,
        notices: NoticeCenter,
        thread_name: str,
    ) -> None:
        self._key, self._title = key, title
        self._tasks, self._notices = tasks, notices
        # One thread, so the files land in the order they were taken.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._failing = False

    def submit(self, write: Callable[..., Path], *args: object) -> None:
        """Run `write(*args)` on the writer thread; the UI thread does not wait for the disk."""
        self._tasks.start(self._key, self._report(self._writer.submit(write, *args)))

    async def _report(self, written: Future[Path]) -> None:
        try:
            # Shielded: quitting or a newer save must not cancel a write still queued.
            await asyncio.shield(asyncio.wrap_future(written))
        except OSError as exc:
            if not self._failing:
                self._notices.warn(self._title(), os_reason(exc))
            self._failing = True
            return
        self._failing = False


class SaveSoon(QObject):
    """Emits `due` a moment after any watched signal (once edits pause), and at quit if due.

    A signal, not a callable kept here: a reference back to the owner made a cycle only the
    garbage collector broke, clearing these objects while Qt could still call them.
    """

    due = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._due = QTimer(self)
        """Runs while an edit is not saved yet."""
        self._due.setSingleShot(True)
        self._due.setInterval(SAVE_DELAY_MS)
        self._due.timeout.connect(self.due)

    def watch(self, *changed: SignalInstance) -> None:
        """Save a moment after any of these signals, and at quit if that save is still due."""
        for signal in changed:
            signal.connect(self._on_input_changed)
        app = QCoreApplication.instance()
        if app is not None:  # the connection dies with this object, not with the app
            app.aboutToQuit.connect(self._on_app_about_to_quit)

    def saved(self) -> None:
        """Say a save was just taken: the one due is not needed."""
        self._due.stop()

    def _on_input_changed(self, *_: object) -> None:
        self._due.start()

    def _on_app_about_to_quit(self) -> None:
        # The loop stops after this: the write still runs (the writer thread is joined at exit).
        if self._due.isActive():
            self._due.stop()
            self.due.emit()


class KeptInputs(QObject, Generic[Kept]):
    """A pane's inputs kept across restarts: saved a moment after an edit (and at quit if that
    save is due) on a thread of their own, put back by `restore`, a damaged file said in a
    notice. A pane says what it keeps in `_take`, `_put` and `_changes`.

    `load` and `write` are module functions (or partials of them): a method of the pane, or of
    this object, kept here would be a reference cycle (see `SaveSoon`).
    """

    def __init__(
        self,
        *,
        key: str,
        load: Callable[[], Kept | None],
        write: Callable[[Kept], Path],
        not_saved: Callable[[], str],
        services: Services,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._load, self._write, self._notices = load, write, services.notices
        self._writer = BackgroundWriter(
            key=f"{key}.save",
            title=not_saved,
            tasks=services.tasks,
            notices=services.notices,
            thread_name=f"{key}-inputs",
        )
        self._soon = SaveSoon(self)
        self._soon.due.connect(self.save)

    def watch(self) -> None:
        """Save a moment after any input changes, from now on."""
        self._soon.watch(*self._changes())

    def save(self) -> None:
        """Save the inputs as they are now (written in the background)."""
        self._soon.saved()
        self._writer.submit(self._write, self._take())

    def restore(self) -> bool:
        """Put the saved inputs back; False when none were saved or the file is damaged (said)."""
        try:
            saved = self._load()
        except InputError as exc:
            self._notices.post_error(exc)
            return False
        if saved is None:
            return False
        self._put(saved)
        return True

    def _take(self) -> Kept:
        """The inputs as the pane holds them now."""
        raise NotImplementedError

    def _put(self, saved: Kept) -> None:
        """Show `saved` in the pane's inputs."""
        raise NotImplementedError

    def _changes(self) -> Iterable[SignalInstance]:
        """The signals that say an input changed."""
        raise NotImplementedError
