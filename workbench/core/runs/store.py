"""RunStore: the runs in the run database, read and edited, and the record each one reads as.

Opening the file (and moving aside one that cannot be used) is `workbench.core.runs.database`'s job;
searching is `workbench.core.runs.search`'s. Writes during a run go through
`workbench.core.runs.writer` on its own thread; the edits here (pin, label, note, delete) are small.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.api.redact import REDACTED, is_secret_header, redact_json, redact_secrets
from workbench.core.runs.database import DB_FILE, connect, data_dir, open_database
from workbench.core.runs.search import RunFilter, index_text, where_clause

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from workbench.api.text import Text


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
_HEADER_COLUMNS = frozenset({"request_headers", "response_headers"})


def clean_json(text: str) -> str:
    """A JSON text (a body, a stream frame's data) as it may be stored: secrets masked, hosts
    kept, and still JSON when it was, so the inspector, replay and listing can read it back
    (`redact_json`)."""
    return redact_json(text, redact_secrets)


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
        self._db, notice = open_database(path)
        self.notice: Text | None = notice
        """Set when the file found could not be used and was moved aside (in words: `str()`
        is the English the command line prints, the GUI shows it in its language)."""

    @classmethod
    def default(cls) -> RunStore:
        """The store in the user's data folder."""
        return cls(data_dir() / DB_FILE)

    def close(self) -> None:
        """Close this thread's connection."""
        self._db.close()

    def connection(self) -> sqlite3.Connection:
        """A new connection to the same file (for another thread)."""
        return connect(self.path)

    def find(self, flt: RunFilter | None = None) -> list[RunRecord]:
        """Runs newest first, narrowed by `flt` (events not loaded)."""
        flt = flt or RunFilter()
        where, params = where_clause(flt)
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
        found = self.matching(ref, 2)
        return found[0] if len(found) == 1 else None

    def matching(self, ref: str, most: int) -> list[str]:
        """Up to `most` ids that start with `ref`, in id order."""
        rows = self._db.execute(
            "SELECT id FROM runs WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (ref, ref + "\uffff", most),
        ).fetchall()
        return [str(row[0]) for row in rows]

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


def _masked_headers(headers: dict[str, Any]) -> dict[str, Any]:
    """Values masked by their header's name, as a recorded run's are: an imported file may hold
    a session token or a cookie no pattern of the redactor knows by its value."""
    return {k: REDACTED if is_secret_header(k) else v for k, v in headers.items()}


def _insert_record(db: sqlite3.Connection, record: RunRecord) -> None:
    values: dict[str, Any] = {}
    for name in COLUMNS:
        value = getattr(record, name)
        if name in _HEADER_COLUMNS and isinstance(value, dict):
            value = _masked_headers(value)
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
