"""The run writer's thread outlives a database that refuses a batch of writes, and writes it later."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from tests.waits import WAIT_S, wait_until
from workbench.core.runs.store import RunStore, connect
from workbench.core.runs.writer import RunStart, RunWriter

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path


class _ImpatientStore(RunStore):
    """Its writer gives up on another process's write lock after 20 ms (the app waits 10 s), so
    the lock outlasts every retry here as a long one does there."""

    def connection(self) -> sqlite3.Connection:
        db = super().connection()
        db.execute("PRAGMA busy_timeout=20")
        return db


class _CappedStore(RunStore):
    """Keeps its writer's connection, whose file `cap()` stops from growing (SQLite's
    max_page_count): SQLite then refuses writes with SQLITE_FULL, as on a full disk."""

    writer_db: sqlite3.Connection | None = None

    def connection(self) -> sqlite3.Connection:
        self.writer_db = db = super().connection()
        return db

    def cap(self, pages: int | None = None) -> None:
        """At most `pages` pages, or as many as the file has now; call while the writer idles."""
        assert self.writer_db is not None
        if pages is None:
            pages = self.writer_db.execute("PRAGMA page_count").fetchone()[0]
        self.writer_db.execute(f"PRAGMA max_page_count={pages}")


def _flushed(writer: RunWriter) -> bool:
    """Whether `flush()` returns (it waited forever on a writer thread that had died)."""
    waiter = threading.Thread(target=writer.flush, daemon=True)
    waiter.start()
    waiter.join(timeout=WAIT_S)
    return not waiter.is_alive()


def test_a_batch_the_database_refuses_is_written_with_the_next(tmp_path: Path) -> None:
    """A refused batch was dropped: the runs made while another process held the lock were lost."""
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10)  # no retry on its own here
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock throughout
        writer.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        assert _flushed(writer)
        assert store.find() == []
        other.execute("ROLLBACK")
        writer.begin(RunStart(kind="rerank", query="after the lock")).finish("failed")
        assert _flushed(writer)
        assert sorted(run.query for run in store.find()) == ["after the lock", "locked out"]
    finally:
        other.close()
        writer.close()
        store.close()


def test_dropped_writes_are_told_once_per_spell(tmp_path: Path) -> None:
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    told: list[str] = []
    writer = RunWriter(store, on_refused=lambda exc: told.append(str(exc)))
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        for query in ("one", "two"):  # two spells' worth of batches, one spell of refusals
            writer.begin(RunStart(kind="rerank", query=query)).finish("failed")
            assert _flushed(writer)
        assert told == ["database is locked"]
        other.execute("ROLLBACK")
        writer.begin(RunStart(kind="rerank", query="three")).finish("failed")
        assert _flushed(writer)  # written: the spell is over
        other.execute("BEGIN IMMEDIATE")
        writer.begin(RunStart(kind="rerank", query="four")).finish("failed")
        assert _flushed(writer)
        assert told == ["database is locked"] * 2
    finally:
        other.close()
        writer.close()
        store.close()


def test_refused_writes_are_tried_again_with_nothing_new_to_write(tmp_path: Path) -> None:
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=0.05)
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        writer.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        assert _flushed(writer)
        other.execute("ROLLBACK")
        wait_until(lambda: [run.query for run in store.find()] == ["locked out"], "retried write")
    finally:
        other.close()
        writer.close()
        store.close()


def test_a_full_database_keeps_the_whole_turn_for_later(tmp_path: Path) -> None:
    """SQLite's own page limit stands in for a full disk: every row of the turn waits, none is
    skipped as one bad row."""
    store = _CappedStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10)
    try:
        writer.flush()  # the schema is in; the file may grow no further
        store.cap()
        run = writer.begin(RunStart(kind="rerank", query="x" * 20_000))
        run.finish("failed")
        assert _flushed(writer)
        assert store.find() == []
        store.cap(1_000_000)  # room again: the next batch takes the held one with it
        writer.begin(RunStart(kind="rerank", query="later")).finish("failed")
        assert _flushed(writer)
        assert sorted(len(run.query) for run in store.find()) == [5, 20_000]
    finally:
        writer.close()
        store.close()


def test_close_gives_up_on_writes_still_refused(tmp_path: Path) -> None:
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10)
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        writer.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        assert _flushed(writer)
        closing = threading.Thread(target=writer.close, daemon=True)
        closing.start()
        closing.join(timeout=WAIT_S)
        assert not closing.is_alive()
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.close()
