"""The run writer's thread outlives a database that refuses a batch of writes, and writes it later."""

from __future__ import annotations

import json
import threading
import time
from typing import TYPE_CHECKING

import pytest

from tests.waits import WAIT_S, wait_until
from workbench.api.redact import forget_secrets, register_secret
from workbench.core.chat_metrics import PriceTable
from workbench.core.runs.aside import KeptAside, aside_files, kept_line
from workbench.core.runs.database import BUSY_TIMEOUT_S, connect
from workbench.core.runs.store import RunStore
from workbench.core.runs.tap import RunStart
from workbench.core.runs.writer import RunWriter

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator
    from pathlib import Path

KEY = "co-" + "7f3a9c2e5b8d4f1a6c0e9b2d7a4f8c1e"


class _ImpatientStore(RunStore):
    """Its writer gives up on another process's write lock after 20 ms a try (the app waits 1 s,
    `close_wait_s` over five tries, which these tests set to 0.1 s too), so the lock outlasts
    every retry here as a long one does there."""

    writer_db: sqlite3.Connection | None = None

    def connection(self) -> sqlite3.Connection:
        self.writer_db = db = super().connection()
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
    writer = RunWriter(store, retry_s=WAIT_S * 10, close_wait_s=0.1)  # no retry on its own
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
    writer = RunWriter(store, on_refused=lambda exc: told.append(str(exc)), close_wait_s=0.1)
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
    writer = RunWriter(store, retry_s=0.05, close_wait_s=0.1)
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


def _closed(writer: RunWriter) -> list[KeptAside]:
    """`close()`'s answer, asserting it came in time (it waits for the lock a bounded while)."""
    answer: list[list[KeptAside]] = []
    closing = threading.Thread(target=lambda: answer.append(writer.close()), daemon=True)
    closing.start()
    closing.join(timeout=WAIT_S)
    assert not closing.is_alive()
    return answer[0]


def _chat_turn(writer: RunWriter, query: str) -> None:
    """A streamed chat turn whose request header and one frame carry the key, as queued raw."""
    run = writer.begin(RunStart(kind="chat", flavour="cohere-v2", query=query))
    run.request("POST", "https://api.example/v2/chat", {"Authorization": f"Bearer {KEY}"}, b"{}")
    run.response(200, {"content-type": "text/event-stream"})
    frame = {"type": "content-delta", "delta": {"message": {"content": {"text": f"hi {KEY}"}}}}
    run.frame(json.dumps(frame), "content-delta")
    run.end(None)


def _restored(store: RunStore) -> tuple[list[KeptAside], list[str]]:
    """What a writer opening the history again tells and writes (then closed)."""
    told: list[KeptAside] = []
    writer = RunWriter(store, on_restored=told.append, retry_s=WAIT_S * 10)
    writer.flush()
    assert _closed(writer) == []
    return told, sorted(run.query for run in store.find())


@pytest.fixture
def key() -> Iterator[None]:
    register_secret(KEY)
    yield
    forget_secrets()


@pytest.mark.usefixtures("key")
def test_writes_still_refused_at_close_are_kept_aside_and_written_at_the_next_open(
    tmp_path: Path,
) -> None:
    """They were logged as lost: the turns made while another process held the lock vanished."""
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10, close_wait_s=0.1)
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        _chat_turn(writer, "locked out")
        assert _flushed(writer)
        kept = _closed(writer)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [(news.runs, news.error) for news in kept] == [(1, "")]
    assert kept[0].path.parent == tmp_path
    assert aside_files(store.path) == [kept[0].path]
    text = kept[0].path.read_text(encoding="utf-8")
    assert "hi " in text
    assert KEY not in text
    assert _restored(store) == ([KeptAside(kept[0].path, 1)], ["locked out"])
    assert aside_files(store.path) == []
    run = store.get(store.find()[0].id)
    assert run is not None
    assert run.answer.startswith("hi ")
    assert KEY not in run.answer
    assert run.outcome == "ok"
    assert len(run.events) == 1
    store.close()


def test_a_full_disk_at_close_keeps_the_runs_aside_with_their_prices(tmp_path: Path) -> None:
    """SQLite's page limit stands in for a full disk; the rerank's cost is estimated when its
    kept writes are written, at the prices its run started with."""
    store = _CappedStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10, close_wait_s=0.1)
    writer.flush()
    store.cap()
    prices = PriceTable(per_unit={"search_units": 0.002})
    run = writer.begin(RunStart(kind="rerank", query="x" * 20_000, prices=prices))
    run.request("POST", "https://api.example/v2/rerank", {}, b"{}")
    run.response(200, {})
    run.body(json.dumps({"results": [], "meta": {"billed_units": {"search_units": 1}}}).encode())
    run.end(None)
    assert _flushed(writer)
    kept = _closed(writer)
    assert [(news.runs, news.error) for news in kept] == [(1, "")]
    told, queries = _restored(RunStore(store.path))  # a new connection: no page limit
    assert told == [KeptAside(kept[0].path, 1)]
    assert [len(query) for query in queries] == [20_000]
    assert [(r.cost, r.currency) for r in store.find()] == [(0.002, "USD")]
    store.close()


def test_a_side_file_that_cannot_be_written_is_told_with_its_path(tmp_path: Path) -> None:
    """The data folder went away (renamed under the open database): the writes are lost, and
    `close()` says where they could not be kept and why."""
    folder = tmp_path / "data"
    folder.mkdir()
    store = _ImpatientStore(folder / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10, close_wait_s=0.1)
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        writer.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        assert _flushed(writer)
        folder.rename(tmp_path / "moved")
        folder.write_text("")  # a file where the folder was
        kept = _closed(writer)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(kept) == 1
    assert kept[0].runs == 1
    assert kept[0].path.parent == folder
    assert kept[0].error == "Not a directory"
    assert str(kept[0].path) in kept_line(kept[0])
    store.close()


def test_an_unreadable_side_file_is_kept_under_another_name_and_told(tmp_path: Path) -> None:
    store = RunStore(tmp_path / "runs.sqlite3")
    damaged = tmp_path / "runs.sqlite3.held-20240101-000000-1.jsonl"
    damaged.write_text('["insert", "abc", {"id": "abc"}]\n{"not": "a write"}\n')
    told, queries = _restored(store)
    assert queries == []
    kept = tmp_path / (damaged.name + ".unreadable")
    assert told == [KeptAside(kept, 0, "line 2 is not a recorded write")]
    assert kept.exists()
    assert not damaged.exists()
    assert _restored(store) == ([], [])  # not tried again at every open
    store.close()


def test_writes_refused_again_at_the_next_open_stay_in_one_side_file(tmp_path: Path) -> None:
    """Kept at one close, refused again the next session: the new file holds them and the one
    they came from is gone (no run twice, none lost)."""
    store = _ImpatientStore(tmp_path / "runs.sqlite3")
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        for query in ("first", "second"):
            writer = RunWriter(store, retry_s=WAIT_S * 10, close_wait_s=0.1)
            writer.begin(RunStart(kind="rerank", query=query)).finish("failed")
            assert _flushed(writer)
            kept = _closed(writer)
            assert writer.restored == []
            assert aside_files(store.path) == [kept[0].path]
        assert kept[0].runs == 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _restored(store) == ([KeptAside(kept[0].path, 2)], ["first", "second"])
    store.close()


def test_a_writer_closing_under_another_process_lock_waits_a_bounded_while(
    tmp_path: Path,
) -> None:
    """With the app's 10 s busy timeout, each try at writing waited five times that: a
    `workbench chat` printed its answer, then hung for a minute before it could end."""
    store = RunStore(tmp_path / "runs.sqlite3")
    writer = RunWriter(store, retry_s=WAIT_S * 10, close_wait_s=0.2)
    writer.flush()  # the schema is in
    other = connect(store.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        writer.begin(RunStart(kind="rerank", query="locked out")).finish("failed")
        assert _flushed(writer)  # refused and held in a bounded while, not in 50 s
        started = time.monotonic()
        kept = writer.close()
        assert time.monotonic() - started < BUSY_TIMEOUT_S
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [news.runs for news in kept] == [1]
    store.close()
