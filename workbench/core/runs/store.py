"""RunStore: the run database on disk (WAL, schema migrations), and reading and editing its runs.

A database that cannot be read, or that a newer program wrote, is moved aside (kept, renamed) and a
fresh one started; `RunStore.notice` then says so in words. Writes during a run go through
`workbench.core.runs.writer` on its own thread; the edits here (pin, label, note, delete) are small.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from workbench.api.redact import redact_json, redact_secrets
from workbench.core.errors import os_reason
from workbench.core.runs.schema import SCHEMA_VERSION, migrate
from workbench.core.settings import APP_NAME

DB_FILE = "runs.sqlite3"
BUSY_TIMEOUT_S = 10.0
"""How long a connection waits for another process's write lock before SQLite gives up."""


def unopened_reason(exc: OSError | sqlite3.Error) -> str:
    """Why the database could not be opened, in the OS's or SQLite's words, without the path."""
    return os_reason(exc) if isinstance(exc, OSError) else str(exc)


def data_dir() -> Path:
    """`$WORKBENCH_DATA_DIR` when set, else the platform's user data folder for the app."""
    override = os.environ.get("WORKBENCH_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _make_folder(folder: Path) -> None:
    """Create the folder and its parents; a file in the way is named as such (the OS would say
    "File exists" or "Not a directory")."""
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                reason = f"{place.name!r} is a file, not a folder"
                raise NotADirectoryError(errno.ENOTDIR, reason, str(place))
            break
    folder.mkdir(parents=True, exist_ok=True)


class NewerSchemaError(Exception):
    """The database was written by a newer version of the program."""


@dataclass(frozen=True)
class RecordedEvent:
    """One stream frame as it arrived."""

    t: float
    """Seconds after the request was sent."""
    event: str | None
    """The SSE event name, None for JSON lines."""
    data: str
    """The frame's payload (redacted)."""


@dataclass
class RunRecord:
    """One run as stored (every string already redacted)."""

    id: str
    created: float
    kind: str
    source: str = ""
    endpoint: str = ""
    flavour: str = ""
    url: str = ""
    model: str = ""
    method: str = "POST"
    request_headers: dict[str, str] = field(default_factory=dict)
    request_body: str = ""
    query: str = ""
    messages: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str = ""
    outcome: str = "running"
    error: str = ""
    answer: str = ""
    t_headers: float | None = None
    t_first: float | None = None
    t_last: float | None = None
    usage: dict[str, Any] = field(default_factory=dict)
    cost: float | None = None
    """Estimated from the billed units at the endpoint's prices, when it has them."""
    pinned: bool = False
    label: str = ""
    note: str = ""
    group_id: str = ""
    """Shared by the requests one action split into (a rerank in batches); '' when alone."""
    group_part: int = 0
    """This request's place in its group, from 1 (0 when alone)."""
    group_size: int = 0
    """How many requests the group has (0 when alone)."""
    currency: str = ""
    """The cost's currency ('' when there is no cost)."""
    events: list[RecordedEvent] = field(default_factory=list)


JSON_COLUMNS = ("request_headers", "inputs", "response_headers", "usage")
COLUMNS = tuple(f for f in RunRecord.__dataclass_fields__ if f != "events")
_JSON_TEXTS = frozenset({*JSON_COLUMNS, "request_body", "response_body"})


def clean_json(text: str) -> str:
    """A JSON text (a body, a stream frame's data) as it may be stored: secrets masked, hosts
    kept, and still JSON when it was, so the inspector, replay and listing can read it back
    (`redact_json`)."""
    return redact_json(text, redact_secrets)


@dataclass(frozen=True)
class RunFilter:
    """What `RunStore.find` narrows by (every field optional)."""

    search: str = ""
    endpoint: str = ""
    kind: str = ""
    model: str = ""
    outcome: str = ""
    since: float | None = None
    until: float | None = None
    pinned_only: bool = False
    limit: int = 200
    grouped: bool = False
    """One entry per group (its first request, the group's worst outcome) instead of each."""


def fts_query(text: str) -> str:
    """The words of `text` as an FTS5 query: every word must appear, the last one as a prefix."""
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the pragmas every user of the file needs."""
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(
        "PRAGMA synchronous=NORMAL"
    )  # WAL + NORMAL: a killed process loses nothing committed
    db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return db


def _check(db: sqlite3.Connection) -> int:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(str(version))
    # Reading the schema fails on a file that is not a database or whose first pages are broken;
    # a full quick_check would cost a scan of the whole file at every start.
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return version


def _row_to_record(row: tuple[Any, ...]) -> RunRecord:
    values = dict(zip(COLUMNS, row, strict=True))
    for name in JSON_COLUMNS:
        # Most runs store these empty; skipping the parse halves the cost of listing 200 runs.
        text = values[name]
        values[name] = json.loads(text) if text and text != "{}" else {}
    values["pinned"] = bool(values["pinned"])
    return RunRecord(**values)


class RunStore:
    """The run database at one path; each thread that reads makes its own connection."""

    def __init__(self, path: Path) -> None:
        """Open (or create, migrate, or replace) the database at `path`.

        Args:
            path: the database file; its folder is created when missing.
        """
        self.path = path
        self.notice: str | None = None
        """Set when the file found could not be used and was moved aside (in words)."""
        _make_folder(path.parent)
        self._db = self._open()

    @classmethod
    def default(cls) -> RunStore:
        """The store in the user's data folder."""
        return cls(data_dir() / DB_FILE)

    def _open(self) -> sqlite3.Connection:
        try:
            db = connect(self.path)
            migrate(db, _check(db))
            return db
        except NewerSchemaError as exc:
            reason = f"it was written by a newer version of the program (schema {exc})"
        except sqlite3.OperationalError:
            raise  # locked or unreachable: the file may be fine, so it stays where it is
        except sqlite3.DatabaseError as exc:
            reason = f"it could not be read ({exc})"
        aside = self._move_aside()
        self.notice = (
            f"The run history at {self.path} was not used because {reason}. It was kept as "
            f"{aside.name} and a new, empty history was started."
        )
        db = connect(self.path)
        migrate(db, _check(db))
        return db

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                extra.replace(aside.with_name(aside.name + suffix))
        return aside

    def close(self) -> None:
        """Close this thread's connection."""
        self._db.close()

    def connection(self) -> sqlite3.Connection:
        """A new connection to the same file (for another thread)."""
        return connect(self.path)

    def find(self, flt: RunFilter | None = None) -> list[RunRecord]:
        """Runs newest first, narrowed by `flt` (events not loaded)."""
        flt = flt or RunFilter()
        where, params = _where(flt)
        sql = f"SELECT {', '.join(COLUMNS)} FROM runs"
        if flt.search.strip():
            # SQLite's own plan sorts every matching row, whole, before keeping `limit` of them
            # (120 ms for a common word among 10,000 runs); walking the order index and
            # stopping at `limit` costs at most one pass over that index (about 10 ms).
            sql += " INDEXED BY runs_order"
        sql += f" WHERE {' AND '.join(where)}" if where else ""
        sql += " ORDER BY pinned DESC, created DESC LIMIT ?"
        rows = self._db.execute(sql, [*params, flt.limit]).fetchall()
        records = [_row_to_record(r) for r in rows]
        return self._collapse(records) if flt.grouped else records

    def _collapse(self, records: list[RunRecord]) -> list[RunRecord]:
        """The records with each group's later requests left out; the one kept stands for all."""
        kept: dict[str, RunRecord] = {}
        out: list[RunRecord] = []
        for record in records:
            if not record.group_id:
                out.append(record)
            elif record.group_id not in kept:
                kept[record.group_id] = record
                out.append(record)
        if kept:
            marks = ", ".join("?" for _ in kept)
            rows = self._db.execute(
                f"SELECT group_id, group_part, outcome FROM runs WHERE group_id IN ({marks}) "
                "ORDER BY group_part",
                list(kept),
            )
            for group_id, _part, outcome in rows:
                if kept[group_id].outcome == "ok" and outcome != "ok":
                    kept[group_id].outcome = outcome
        return out

    def members(self, run: RunRecord) -> list[RunRecord]:
        """The requests of the run's group in order, events loaded (the run alone when none)."""
        if not run.group_id:
            full = self.get(run.id)
            return [full] if full is not None else []
        rows = self._db.execute(
            "SELECT id FROM runs WHERE group_id = ? ORDER BY group_part, created", (run.group_id,)
        )
        return [r for r in (self.get(row[0]) for row in rows.fetchall()) if r is not None]

    def resolve(self, ref: str) -> str | None:
        """The full id for an id or a unique prefix of one, else None."""
        rows = self._db.execute(
            "SELECT id FROM runs WHERE id >= ? AND id < ? LIMIT 2", (ref, ref + "\uffff")
        ).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def get(self, ref: str) -> RunRecord | None:
        """The run with this id (or unique id prefix), its events loaded; None when unknown."""
        run_id = self.resolve(ref)
        if run_id is None:
            return None
        row = self._db.execute(
            f"SELECT {', '.join(COLUMNS)} FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        record = _row_to_record(row)
        events = self._db.execute(
            "SELECT t, event, data FROM events WHERE run_id = ? ORDER BY seq", (run_id,)
        )
        record.events = [RecordedEvent(t, e, d) for t, e, d in events]
        return record

    def summary(self, run_id: str) -> RunRecord | None:
        """The run with this exact id as it stands now, without its events (None: unknown)."""
        row = self._db.execute(
            f"SELECT {', '.join(COLUMNS)} FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        return None if row is None else _row_to_record(row)

    def events_after(self, run_id: str, seq: int) -> list[tuple[int, RecordedEvent]]:
        """The run's events numbered above `seq`, with their numbers (what a live view lacks)."""
        rows = self._db.execute(
            "SELECT seq, t, event, data FROM events WHERE run_id = ? AND seq > ? ORDER BY seq",
            (run_id, seq),
        )
        return [(n, RecordedEvent(t, e, d)) for n, t, e, d in rows]

    def latest(self) -> tuple[int, int]:
        """How many runs there are and the newest one's row number: changes when one is added."""
        row = self._db.execute("SELECT count(*), coalesce(max(rowid), 0) FROM runs").fetchone()
        return int(row[0]), int(row[1])

    def count(self) -> int:
        """How many runs are stored."""
        return int(self._db.execute("SELECT count(*) FROM runs").fetchone()[0])

    def endpoints(self) -> list[str]:
        """The endpoint names that appear in the history, sorted."""
        rows = self._db.execute("SELECT DISTINCT endpoint FROM runs ORDER BY endpoint")
        return [r[0] for r in rows if r[0]]

    def models(self) -> list[str]:
        """The model names that appear in the history, sorted."""
        rows = self._db.execute("SELECT DISTINCT model FROM runs ORDER BY model")
        return [r[0] for r in rows if r[0]]

    def annotate(
        self,
        run_id: str,
        *,
        pinned: bool | None = None,
        label: str | None = None,
        note: str | None = None,
    ) -> None:
        """Pin or unpin a run, or set its label or note."""
        with self._db:
            self._db.execute("BEGIN")
            if pinned is not None:
                self._db.execute("UPDATE runs SET pinned = ? WHERE id = ?", (int(pinned), run_id))
            if label is not None:
                self._db.execute("UPDATE runs SET label = ? WHERE id = ?", (label, run_id))
            if note is not None:
                self._db.execute("UPDATE runs SET note = ? WHERE id = ?", (note, run_id))
                index_text(self._db, run_id)

    def delete(self, run_ids: list[str]) -> None:
        """Delete these runs and their events."""
        with self._db:
            self._db.execute("BEGIN")
            for run_id in run_ids:
                delete_run(self._db, run_id)

    def add(self, records: list[RunRecord]) -> None:
        """Store whole runs with their events (an import); every string redacted again."""
        with self._db:
            self._db.execute("BEGIN")
            for record in records:
                _insert_record(self._db, record)

    def delete_all(self) -> None:
        """Delete every run, then rewrite the file so nothing deleted stays on disk."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM events")
            self._db.execute("DELETE FROM runs_fts")
            self._db.execute("DELETE FROM runs")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _insert_record(db: sqlite3.Connection, record: RunRecord) -> None:
    values: dict[str, Any] = {}
    for name in COLUMNS:
        value = getattr(record, name)
        if name in JSON_COLUMNS:
            value = json.dumps(value, ensure_ascii=False)
        if name in _JSON_TEXTS:  # masked so they still parse: a listing reads every one back
            value = clean_json(value)
        elif isinstance(value, str):
            value = redact_secrets(value)
        values[name] = value
    marks = ", ".join("?" for _ in values)
    db.execute(f"INSERT INTO runs ({', '.join(values)}) VALUES ({marks})", list(values.values()))
    db.executemany(
        "INSERT INTO events (run_id, seq, t, event, data) VALUES (?, ?, ?, ?, ?)",
        [
            (record.id, seq, e.t, e.event, clean_json(e.data))
            for seq, e in enumerate(record.events, start=1)
        ],
    )
    index_text(db, record.id)


def delete_run(db: sqlite3.Connection, run_id: str) -> None:
    """Delete one run, its events and its search entry (inside the caller's transaction)."""
    db.execute(
        "DELETE FROM runs_fts WHERE rowid = (SELECT rowid FROM runs WHERE id = ?)", (run_id,)
    )
    db.execute("DELETE FROM events WHERE run_id = ?", (run_id,))
    db.execute("DELETE FROM runs WHERE id = ?", (run_id,))


def index_text(db: sqlite3.Connection, run_id: str) -> None:
    """(Re)write the run's full-text entry from its query, messages, answer and note."""
    row = db.execute(
        "SELECT rowid, query, messages, answer, note FROM runs WHERE id = ?", (run_id,)
    ).fetchone()
    if row is None:
        return
    db.execute("DELETE FROM runs_fts WHERE rowid = ?", (row[0],))
    db.execute(
        "INSERT INTO runs_fts(rowid, query, messages, answer, note) VALUES (?, ?, ?, ?, ?)", row
    )


def _where(flt: RunFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    match = fts_query(flt.search)
    if match:
        where.append("rowid IN (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ?)")
        params.append(match)
    for column in ("endpoint", "kind", "model", "outcome"):
        value = getattr(flt, column)
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if flt.since is not None:
        where.append("created >= ?")
        params.append(flt.since)
    if flt.until is not None:
        where.append("created < ?")
        params.append(flt.until)
    if flt.pinned_only:
        where.append("pinned = 1")
    return where, params
