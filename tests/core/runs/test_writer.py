"""The run writer's thread outlives a database that refuses a batch of writes."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from tests.waits import WAIT_S
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


def _flushed(writer: RunWriter) -> bool:
    """Whether `flush()` returns (it waited forever on a writer thread that had died)."""
    waiter = threading.Thread(target=writer.flush, daemon=True)
    waiter.start()
    waiter.join(timeout=WAIT_S)
    return not waiter.is_alive()


def test_a_batch_the_database_refuses_is_dropped_and_the_writer_goes_on(tmp_path: Path) -> None:
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store)
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock throughout
        writer.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        assert _flushed(writer)
        other.execute("ROLLBACK")
        writer.begin(RunStart(kind="rerank", query="after the lock")).finish("failed")
        assert _flushed(writer)
        assert [run.query for run in store.find()] == ["after the lock"]
    finally:
        other.close()
        writer.close()
        store.close()


def test_dropped_writes_are_told_once_per_spell(tmp_path: Path) -> None:
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    told: list[str] = []
    writer = RunWriter(store, on_dropped=lambda exc: told.append(str(exc)))
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
