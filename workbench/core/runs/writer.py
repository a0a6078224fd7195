"""RunWriter: records runs off the caller's thread, from the tuples its taps queue (`tap.py`).

One writer thread redacts, batches what has queued up, and commits it in one transaction
(`rows.py` says what each tuple becomes). A committed row
survives the process being killed (WAL), so a turn cut off by kill -9 keeps every event but the
few queued in the last moment. Writes the database still refuses when the writer closes are kept
in a side file and written at the next open (`aside.py`).
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from typing import TYPE_CHECKING, Any

from workbench.core.errors import os_reason
from workbench.core.runs.aside import (
    KeptAside,
    aside_files,
    load_aside,
    new_aside_path,
    put_away,
    run_count,
    save_aside,
)
from workbench.core.runs.rows import apply_item
from workbench.core.runs.tap import ActiveRun, RunStart

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.core.runs.store import RunStore

log = logging.getLogger(__name__)
_STOP = ("stop",)
RETRY_S = 5.0
"""Seconds between tries of writes the database refused, when nothing new comes to write."""
HELD_LIMIT = 200_000
"""Most refused writes held for a retry (a stream event is one: a few long turns' worth); more
go to a side file, as at close."""
CLOSE_WAIT_S = 5.0
"""How long a try at writing waits for another process's write lock, the last one at close too
(not the 10 s busy timeout five times over: a `workbench chat` printed its answer, then hung
for a minute before it could end)."""
TOLD = {"told": True}
"""`extra` for a log record whose news every front end tells in its own words (the GUI's notices,
the command line's notes, from `restored` and `kept`): the command line prints no log line for
it (`workbench.cli.log_lines`); the GUI's log file keeps it."""
_BEGIN_TRIES = 5
_REFUSALS = frozenset({5, 6, 8, 10, 13, 14})
"""SQLite's primary codes for a database that refuses every write for now, not one row: BUSY,
LOCKED, READONLY, IOERR, FULL, CANTOPEN."""


class RunWriter:
    """One thread that writes runs into a RunStore's file; `close()` drains and stops it."""

    def __init__(
        self,
        store: RunStore,
        on_refused: Callable[[sqlite3.Error], None] | None = None,
        *,
        on_restored: Callable[[KeptAside], None] | None = None,
        retry_s: float = RETRY_S,
        close_wait_s: float | None = None,
    ) -> None:
        """`on_refused` is told, on the writer's thread, when the database refuses a batch after
        writes went well (once per spell: see `_write_or_hold`); the refused writes are tried
        again every `retry_s` seconds, and with every later batch. `on_restored` is told, on the
        writer's thread too, when the writes a side file kept are in the database (or why the
        file could not be read)."""
        self.store = store
        self._on_refused = on_refused
        self._on_restored = on_restored
        self._retry_s = retry_s
        self._close_wait_s = CLOSE_WAIT_S if close_wait_s is None else close_wait_s
        self._refusing = False
        self._closing = threading.Event()
        """Set by `close()`: a try waiting for the lock gives up, for the last one to run."""
        self._restoring: list[Path] = []
        """Side files whose writes are held, not yet written: removed once they are."""
        self._restoring_runs = 0
        self.restored: list[KeptAside] = []
        """The side files imported at open (or found unreadable), for a front end to tell."""
        self.kept: list[KeptAside] = []
        """The side files refused writes went to (or could not), complete once closed."""
        self._queue: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="run-writer", daemon=True)
        self._thread.start()

    def begin(self, start: RunStart) -> ActiveRun:
        """A new run; it is written as soon as the client reports its request."""
        return ActiveRun(self, start)

    def put(self, item: tuple[Any, ...]) -> None:
        """Queue one write (see `rows.apply_item` for the kinds)."""
        self._queue.put(item)

    def flush(self) -> None:
        """Wait until everything queued so far is committed (or held for a retry, if the
        database refused it: see `_write_or_hold`)."""
        if not self._thread.is_alive():
            return
        done = threading.Event()
        self._queue.put(("flush", done))
        done.wait()

    def close(self) -> list[KeptAside]:
        """Commit what is queued and stop the thread; what the database still refuses after a
        last try (waiting about `close_wait_s` for a lock) goes to a side file. Returns where
        refused writes were kept this session (`kept`)."""
        if self._thread.is_alive():
            self._closing.set()
            self._queue.put(_STOP)
            self._thread.join()
        return self.kept

    def _loop(self) -> None:
        db = self.store.connection()
        try:
            _bound_wait(db, self._close_wait_s)
            held = self._restore(db)
            while True:
                batch = [*held, *self._next_items(waiting=bool(held))]
                stopping = any(item is _STOP for item in batch)
                held = self._write_or_hold(db, batch, last=stopping)
                if stopping:
                    if held:
                        self._set_aside(held)
                    return
        finally:
            db.close()

    def _restore(self, db: sqlite3.Connection) -> list[tuple[Any, ...]]:
        """Write what side files kept, first; what the database refuses stays held (and the
        files stay until it is written)."""
        writes: list[tuple[Any, ...]] = []
        for path in aside_files(self.store.path):
            try:
                writes += load_aside(path)
            except (OSError, ValueError) as exc:
                self._tell_unreadable(path, exc)
                continue
            self._restoring.append(path)
        self._restoring_runs = run_count(writes)
        return self._write_or_hold(db, writes) if writes else []

    def _tell_unreadable(self, path: Path, exc: OSError | ValueError) -> None:
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        log.error("could not import the kept runs in %s: %s", path, reason, extra=TOLD)
        try:
            path = put_away(path)
        except OSError:
            log.exception("could not rename %s", path)
        self._tell_restored(KeptAside(path, 0, reason))

    def _tell_restored(self, news: KeptAside) -> None:
        self.restored.append(news)
        if self._on_restored is not None:
            self._on_restored(news)

    def _written_restored(self) -> None:
        """The side files' writes are in the database: remove the files, and say so."""
        files, self._restoring = self._restoring, []
        _remove(files)
        log.info("imported %d kept runs from %s", self._restoring_runs, ", ".join(map(str, files)))
        self._tell_restored(KeptAside(files[0], self._restoring_runs))

    def _set_aside(self, writes: list[tuple[Any, ...]]) -> None:
        """Keep refused writes in a new side file; the files they came from (if any of them did)
        are then removed, their writes being in the new one."""
        path = new_aside_path(self.store.path)
        runs = run_count(writes)
        try:
            save_aside(path, writes)
        except OSError as exc:
            log.error(
                "%d writes the run history refused are lost: %s could not be written: %s",
                len(writes),
                path,
                os_reason(exc),
                extra=TOLD,
            )
            self.kept.append(KeptAside(path, runs, os_reason(exc)))
            return
        log.warning(
            "%d writes the run history refused are kept in %s", len(writes), path, extra=TOLD
        )
        self.kept.append(KeptAside(path, runs))
        _remove([old for old in self._restoring if old != path])
        self._restoring = []

    def _next_items(self, *, waiting: bool) -> list[tuple[Any, ...]]:
        """What has queued up (at most 2,000 writes); none when writes are held and `retry_s`
        passes with nothing new, so the held ones are tried again."""
        try:
            items = [self._queue.get(timeout=self._retry_s if waiting else None)]
        except queue.Empty:
            return []
        while len(items) < 2000:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return items

    def _write_or_hold(
        self, db: sqlite3.Connection, batch: list[tuple[Any, ...]], *, last: bool = False
    ) -> list[tuple[Any, ...]]:
        """`_write` (`last`: the batch that holds the stop, whose try still waits its while for
        the lock once `close()` was called); the writes of a batch the database refuses whole
        (another process's write lock held past every retry, a full disk) are returned, to be
        tried again. Its flushes are released at once: a `flush()` waiting for the database
        froze the window (the History pane's "show this run")."""
        try:
            self._write(db, batch, last=last)
        except sqlite3.Error as exc:
            if not self._refusing:
                log.exception(
                    "could not record %d queued writes; they are held", len(batch), extra=TOLD
                )
                if self._on_refused is not None:
                    self._on_refused(exc)
            self._refusing = True
        else:
            self._refusing = False
            if self._restoring:
                self._written_restored()
            return []
        for item in batch:
            if item is not _STOP and item[0] == "flush":
                item[1].set()
        return self._held(batch)

    def _held(self, batch: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The writes of a refused batch, kept for the next try; past `HELD_LIMIT` (a database
        refusing that long is gone for this session, and memory is not to grow with it) they go
        to a side file, as at close."""
        writes = _writes(batch)
        if len(writes) > HELD_LIMIT:
            log.error("the run history refused %d writes in a row", len(writes))
            self._set_aside(writes)
            return []
        return writes

    def _write(self, db: sqlite3.Connection, batch: list[tuple[Any, ...]], *, last: bool) -> None:
        flushes = []
        with db:
            _begin(db, give_up=lambda: self._closing.is_set() and not last)
            for item in batch:
                if item is _STOP:
                    continue
                if item[0] == "flush":
                    flushes.append(item[1])
                else:
                    try:
                        apply_item(db, item)
                    except sqlite3.OperationalError as exc:
                        if exc.sqlite_errorcode & 0xFF in _REFUSALS:
                            raise  # the whole batch is refused, and held for a retry
                        log.exception("could not record %s for run %s", item[0], item[1])
                    # One bad row (a database error, an answer that cannot be folded) must not
                    # stop the history for good: the writer thread goes on with the next.
                    except Exception:
                        log.exception("could not record %s for run %s", item[0], item[1])
        for done in flushes:
            done.set()


def _remove(files: list[Path]) -> None:
    """Remove side files whose writes are written (or kept in a newer file)."""
    for path in files:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            log.exception("could not remove %s; its runs may be imported again", path)


def _writes(batch: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The batch without its stop and flushes."""
    return [item for item in batch if item is not _STOP and item[0] != "flush"]


def _bound_wait(db: sqlite3.Connection, wait_s: float) -> None:
    """Make `_begin`'s tries wait about `wait_s` in all for another process's write lock."""
    db.execute(f"PRAGMA busy_timeout={max(1, int(wait_s * 1000 / _BEGIN_TRIES))}")


def _begin(db: sqlite3.Connection, *, give_up: Callable[[], bool]) -> None:
    """Take the write lock, waiting while another process holds it (the busy timeout, then again,
    unless `give_up` says to stop)."""
    for attempt in range(_BEGIN_TRIES):
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError:
            if attempt == _BEGIN_TRIES - 1 or give_up():
                raise
            time.sleep(0.05 * (attempt + 1))
