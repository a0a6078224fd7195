"""RunWriter: records runs off the caller's thread; ActiveRun is the wire tap for one run.

The tap only stamps the time and queues a tuple (about a microsecond per stream event); a writer
thread redacts, batches what has queued up, and commits it in one transaction. A committed row
survives the process being killed (WAL), so a turn cut off by kill -9 keeps every event but the
few queued in the last moment. Writes the database still refuses when the writer closes are kept
in a side file and written at the next open (`aside.py`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import queue
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.api.errors import ConnectError, ProtocolError, RequestTimeout, StatusError
from workbench.api.jsontext import loads as loads_json
from workbench.api.models import Usage
from workbench.api.redact import redact_headers, redact_secrets
from workbench.core.chat_metrics import estimate_cost
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
from workbench.core.runs.replay import fold
from workbench.core.runs.store import (
    RecordedEvent,
    RunRecord,
    clean_json,
    delete_run,
    index_text,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from workbench.core.chat_metrics import PriceTable
    from workbench.core.runs.store import RunStore

log = logging.getLogger(__name__)
_STOP = ("stop",)
RETRY_S = 5.0
"""Seconds between tries of writes the database refused, when nothing new comes to write."""
HELD_LIMIT = 200_000
"""Most refused writes held for a retry (a stream event is one: a few long turns' worth); more
go to a side file, as at close."""
CLOSE_WAIT_S = 5.0
"""How long the last try at close waits for another process's write lock (not the 10 s busy
timeout five times over: quitting is not to hang for a minute)."""
_BEGIN_TRIES = 5
_REFUSALS = frozenset({5, 6, 8, 10, 13, 14})
"""SQLite's primary codes for a database that refuses every write for now, not one row: BUSY,
LOCKED, READONLY, IOERR, FULL, CANTOPEN."""


def clean(text: str) -> str:
    """A string as it may be stored: every key and secret header value redacted (hosts kept in
    demo mode too: a run recorded during a demo stays a usable record)."""
    return redact_secrets(text)


def clean_headers(headers: Mapping[str, str]) -> str:
    """Headers as stored: JSON, secret values masked, then redacted as text (belt and braces)."""
    masked = redact_headers(dict(headers.items()), stored=True)
    return json.dumps({name: clean(value) for name, value in masked.items()})


@dataclass
class RunStart:
    """What is known about a run before it is sent (the request itself comes from the tap)."""

    kind: str
    """"chat" or "rerank"."""
    endpoint: str = ""
    flavour: str = ""
    model: str = ""
    source: str = ""
    """"cli", "gui" or "import"."""
    query: str = ""
    """The rerank query or the chat message (searched, and shown in lists)."""
    messages: str = ""
    """Other searchable input: preamble, earlier messages, documents."""
    inputs: dict[str, Any] = field(default_factory=dict)
    """Everything needed to open the run again in its pane (no key)."""
    group_id: str = ""
    """Shared by the requests one action split into ('' when alone)."""
    group_part: int = 0
    group_size: int = 0
    prices: PriceTable | None = None
    """The endpoint's prices: the run's cost is estimated from its billed units (not stored)."""


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
        """Queue one write (see `_apply` for the kinds)."""
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
            self._queue.put(_STOP)
            self._thread.join()
        return self.kept

    def _loop(self) -> None:
        db = self.store.connection()
        try:
            held = self._restore(db)
            while True:
                batch = [*held, *self._next_items(waiting=bool(held))]
                stopping = any(item is _STOP for item in batch)
                if stopping:
                    _bound_wait(db, self._close_wait_s)
                held = self._write_or_hold(db, batch)
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
        log.error("could not import the kept runs in %s: %s", path, reason)
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
            )
            self.kept.append(KeptAside(path, runs, os_reason(exc)))
            return
        log.warning("%d writes the run history refused are kept in %s", len(writes), path)
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
        self, db: sqlite3.Connection, batch: list[tuple[Any, ...]]
    ) -> list[tuple[Any, ...]]:
        """`_write`; the writes of a batch the database refuses whole (another process's write
        lock held past every retry, a full disk) are returned, to be tried again. Its flushes
        are released at once: a `flush()` waiting for the database froze the window (the
        History pane's "show this run")."""
        try:
            self._write(db, batch)
        except sqlite3.Error as exc:
            if not self._refusing:
                log.exception("could not record %d queued writes; they are held", len(batch))
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

    def _write(self, db: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> None:
        flushes = []
        with db:
            _begin(db)
            for item in batch:
                if item is _STOP:
                    continue
                if item[0] == "flush":
                    flushes.append(item[1])
                else:
                    try:
                        _apply(db, item)
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


def _begin(db: sqlite3.Connection) -> None:
    """Take the write lock, waiting while another process holds it (the busy timeout, then again)."""
    for attempt in range(_BEGIN_TRIES):
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError:
            if attempt == _BEGIN_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _apply(db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
    kind, run_id, *rest = item
    if kind == "insert":
        columns: dict[str, Any] = rest[0]
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        db.execute(
            f"INSERT OR REPLACE INTO runs ({names}) VALUES ({marks})", list(columns.values())
        )
        index_text(db, run_id)
    elif kind == "event":
        seq, t, event, data = rest
        db.execute(
            "INSERT OR REPLACE INTO events (run_id, seq, t, event, data) VALUES (?, ?, ?, ?, ?)",
            (run_id, seq, t, event, clean_json(data)),
        )
    elif kind == "update":
        changes: dict[str, Any] = rest[0]
        sets = ", ".join(f"{name} = ?" for name in changes)
        db.execute(f"UPDATE runs SET {sets} WHERE id = ?", [*changes.values(), run_id])
        if "answer" in changes:
            index_text(db, run_id)
    elif kind == "end":
        db.execute(
            "UPDATE runs SET outcome = ?, error = ?, t_first = ?, t_last = ? WHERE id = ?",
            (*rest[0], run_id),
        )
        _fill_answer(db, run_id, rest[1] if len(rest) > 1 else None)
    elif kind == "delete":
        delete_run(db, run_id)


def _rerank_usage(body: str) -> Usage | None:
    """A rerank answer's billed units (`meta.billed_units`, in v1 and v2 alike)."""
    try:
        meta = loads_json(body).get("meta") or {}
        return Usage(billed_units=meta.get("billed_units") or {})
    except (ValueError, TypeError, AttributeError):
        return None


def _fill_answer(db: sqlite3.Connection, run_id: str, prices: PriceTable | None = None) -> None:
    """Fold a chat turn's stored events into its answer and usage, and estimate the run's cost
    (here, off the UI thread)."""
    row = db.execute(
        "SELECT kind, flavour, status, response_body, t_last, outcome FROM runs WHERE id = ?",
        (run_id,),
    ).fetchone()
    if row is None:
        return
    if row[0] != "chat":
        usage = _rerank_usage(row[3]) if row[3] and (row[2] or 0) < 300 else None
        if usage is not None and usage.billed_units:
            text = json.dumps(usage.model_dump(mode="json", exclude_none=True))
            db.execute("UPDATE runs SET usage = ? WHERE id = ?", (text, run_id))
        _set_cost(db, run_id, usage, prices)
        return
    _fill_chat(db, run_id, row, prices)


def _fill_chat(
    db: sqlite3.Connection, run_id: str, row: tuple[Any, ...], prices: PriceTable | None
) -> None:
    events = db.execute(
        "SELECT t, event, data FROM events WHERE run_id = ? ORDER BY seq", (run_id,)
    ).fetchall()
    record = RunRecord(id=run_id, created=0.0, kind="chat", flavour=row[1], status=row[2])
    record.response_body, record.t_last = row[3], row[4]
    record.events = [RecordedEvent(t, e, d) for t, e, d in events]
    snap = fold(record)
    counts = snap.usage.model_dump(mode="json") if snap.usage is not None else {}
    changes = [clean(snap.text), json.dumps(counts)]
    if row[5] == "ok" and snap.error:
        db.execute(
            "UPDATE runs SET outcome = 'error', error = ? WHERE id = ?", (clean(snap.error), run_id)
        )
    db.execute("UPDATE runs SET answer = ?, usage = ? WHERE id = ?", (*changes, run_id))
    index_text(db, run_id)
    _set_cost(db, run_id, snap.usage, prices)


def _set_cost(
    db: sqlite3.Connection, run_id: str, usage: Usage | None, prices: PriceTable | None
) -> None:
    cost = estimate_cost(usage, prices)
    if cost is not None and prices is not None:
        db.execute(
            "UPDATE runs SET cost = ?, currency = ? WHERE id = ?", (cost, prices.currency, run_id)
        )


def outcome_of(error: BaseException | None) -> str:
    """The stored outcome for a run that ended with this exception (None: ok)."""
    if error is None:
        return "ok"
    if isinstance(error, asyncio.CancelledError | KeyboardInterrupt | GeneratorExit):
        return "stopped"
    if isinstance(error, StatusError):
        return "error"
    if isinstance(error, ProtocolError):
        return "broken"
    if isinstance(error, ConnectError | RequestTimeout):
        return "failed"
    return "error"


class ActiveRun:
    """The wire tap for one run: queues its request, response and events with arrival times."""

    def __init__(self, writer: RunWriter, start: RunStart) -> None:
        self.id = uuid.uuid4().hex[:12]
        self._writer = writer
        self._start = start
        self._sent: float | None = None
        self._seq = 0
        self.t_first: float | None = None
        """Seconds from sending to the first stream frame (or the body)."""
        self.t_last: float | None = None

    def _since(self) -> float:
        return 0.0 if self._sent is None else time.monotonic() - self._sent

    def request(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> None:
        """Write the run before the request goes out (a retry after a 401 overwrites it)."""
        self._sent = time.monotonic()
        s = self._start
        columns: dict[str, Any] = {
            "id": self.id,
            "created": time.time(),
            "kind": s.kind,
            "source": s.source,
            "endpoint": clean(s.endpoint),
            "flavour": s.flavour,
            "url": clean(url),
            "model": clean(s.model),
            "method": method,
            "request_headers": clean_headers(headers),
            "request_body": clean_json(body.decode("utf-8", "replace")),
            "query": clean(s.query),
            "messages": clean(s.messages),
            "inputs": clean_json(json.dumps(s.inputs)),
            "group_id": s.group_id,
            "group_part": s.group_part,
            "group_size": s.group_size,
        }
        self._writer.put(("insert", self.id, columns))

    def response(self, status: int, headers: Mapping[str, str]) -> None:
        """Note the status and headers and when they came."""
        changes = {"status": status, "response_headers": clean_headers(headers)}
        self._writer.put(("update", self.id, {**changes, "t_headers": self._since()}))

    def frame(self, data: str, event: str | None) -> None:
        """Queue one stream frame with its arrival time (the hot path: no I/O, no redaction)."""
        t = self._since()
        if self.t_first is None:
            self.t_first = t
        self.t_last = t
        self._seq += 1
        self._writer.put(("event", self.id, self._seq, t, event, data))

    def body(self, content: bytes) -> None:
        """Keep a whole body (non-streamed answers and error bodies)."""
        t = self._since()
        self.t_first = self.t_first if self.t_first is not None else t
        self.t_last = t
        text = clean_json(content.decode("utf-8", "replace"))
        self._writer.put(("update", self.id, {"response_body": text}))

    def end(self, error: BaseException | None) -> None:
        """The client's word on how the call ended; the writer folds the answer from the events."""
        stopped = isinstance(error, GeneratorExit | asyncio.CancelledError)
        message = "" if error is None else ("stopped" if stopped else str(error))
        values = (outcome_of(error), clean(message), self.t_first, self.t_last)
        self._writer.put(("end", self.id, values, self._start.prices))

    def finish(
        self,
        outcome: str,
        *,
        answer: str = "",
        error: str = "",
        usage: dict[str, Any] | None = None,
        cost: float | None = None,
        t_first_token: float | None = None,
    ) -> None:
        """Note how the run ended. Outcomes: ok, error, broken, stopped, failed (never sent)."""
        changes: dict[str, Any] = {
            "outcome": outcome,
            "answer": clean(answer),
            "error": clean(error),
            "t_first": t_first_token if t_first_token is not None else self.t_first,
            "t_last": self.t_last,
        }
        # Left as the client's end found them unless given (a rerank's usage, either's cost).
        if usage is not None:
            changes["usage"] = clean_json(json.dumps(usage))
        if cost is not None:
            changes["cost"] = cost
        if self._sent is None:  # it failed before a request was built: keep that it was tried
            self.request("POST", "", {}, b"")
        self._writer.put(("update", self.id, changes))
