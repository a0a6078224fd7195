"""TaskRunner: every coroutine the UI starts runs here, keyed, owned, with errors routed."""

from __future__ import annotations

import asyncio
import functools
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Collection, Coroutine

    from workbench.ui.notices import NoticeCenter

T = TypeVar("T")


def pane_of(key: str) -> str:
    """The pane a task key belongs to: its first part ("rerank" for "rerank.run")."""
    return key.partition(".")[0]


class TaskRunner(QObject):
    """Runs UI coroutines on the qasync loop.

    * Starting a key cancels the older task with that key, so a stale answer cannot land.
    * A task with an owner widget is cancelled when the owner is destroyed.
    * A cancelled task is silent; a `WorkbenchError` becomes a notice; anything else a crash report.
    """

    state_changed = Signal()
    """A task started or finished (for busy indicators and `is_idle()` waits)."""
    task_finished = Signal(str, bool)
    """A task ran to its end (not cancelled); payload: its key, and whether it succeeded."""

    def __init__(
        self,
        notices: NoticeCenter,
        *,
        loop: asyncio.AbstractEventLoop | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._notices = notices
        self._loop = loop
        self._by_key: dict[str, asyncio.Task[Any]] = {}
        self._live: set[asyncio.Task[Any]] = set()
        self._owner_of: dict[asyncio.Task[Any], int] = {}
        self._watched_owners: set[int] = set()
        self._waiters: list[asyncio.Future[None]] = []
        self._inline: set[str] = set()

    def errors_shown_inline(self, *prefixes: str) -> None:
        """Tasks whose key starts with one of `prefixes` have their errors shown by their pane.

        Such an error still goes to the notice log, marked `inline`, so the status bar does not
        say it a second time (issue 19).
        """
        self._inline.update(prefixes)

    def start(
        self, key: str, coro: Coroutine[Any, Any, T], *, owner: QObject | None = None
    ) -> asyncio.Task[T]:
        """Run `coro` as the task for `key`, cancelling the older one with that key.

        Args:
            key: what the task is for, e.g. "rerank.run"; one task per key at a time.
            coro: the coroutine to run.
            owner: a widget whose destruction cancels the task.

        Returns:
            The new task.
        """
        older = self._by_key.get(key)
        if older is not None and not older.done():
            older.cancel()
        loop = self._loop or asyncio.get_event_loop()
        task = loop.create_task(coro, name=key)
        self._by_key[key] = task
        self._live.add(task)
        if owner is not None:
            self._adopt(task, owner)
        task.add_done_callback(functools.partial(self._on_task_done, key))
        self.state_changed.emit()
        return task

    def cancel(self, key: str) -> bool:
        """Cancel the task for `key`; returns whether one was running."""
        task = self._by_key.get(key)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    def cancel_owned_by(self, owner: QObject) -> int:
        """Cancel every running task of this owner; returns how many."""
        oid = id(owner)
        tasks = [t for t, o in self._owner_of.items() if o == oid and not t.done()]
        for task in tasks:
            task.cancel()
        return len(tasks)

    def cancel_all(self) -> None:
        """Cancel every running task."""
        for task in list(self._live):
            task.cancel()

    async def shutdown(self) -> None:
        """Cancel everything and wait until all tasks have finished."""
        self.cancel_all()
        if self._live:
            await asyncio.gather(*self._live, return_exceptions=True)

    async def wait_until_idle(self, *, ignore: Collection[str] = ()) -> None:
        """Wait until no task runs other than those named (e.g. the caller's own key)."""
        while set(self.running_keys()) - set(ignore):
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await waiter

    def is_running(self, key: str) -> bool:
        """Whether the task for `key` is still running."""
        task = self._by_key.get(key)
        return task is not None and not task.done()

    def is_idle(self) -> bool:
        """True when no task is running (tests wait on this)."""
        return not self._live

    def running_keys(self) -> list[str]:
        """Keys of the tasks still running."""
        return sorted(k for k, t in self._by_key.items() if not t.done())

    def _adopt(self, task: asyncio.Task[Any], owner: QObject) -> None:
        oid = id(owner)
        self._owner_of[task] = oid
        if oid not in self._watched_owners:
            self._watched_owners.add(oid)
            # The id is bound now: by the time `destroyed` fires the Python wrapper may be gone.
            owner.destroyed.connect(functools.partial(self._on_owner_destroyed, oid))

    def _on_owner_destroyed(self, oid: int, *_: object) -> None:
        self._watched_owners.discard(oid)
        for task, owner in list(self._owner_of.items()):
            if owner == oid and not task.done():
                task.cancel()

    def _on_task_done(self, key: str, task: asyncio.Task[Any]) -> None:
        self._live.discard(task)
        self._owner_of.pop(task, None)
        if self._by_key.get(key) is task:
            del self._by_key[key]
        if not task.cancelled():
            exc = task.exception()
            if exc is not None:
                inline = key.startswith(tuple(self._inline))
                self._notices.post_error(exc, context=key, pane=pane_of(key), inline=inline)
            self.task_finished.emit(key, exc is None)
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
        self.state_changed.emit()
