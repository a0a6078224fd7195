"""How the writer's thread turns one queued item into rows: runs, events, and the answer,
usage and cost folded from a chat turn's events when it ends (off the UI thread)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from workbench.api.jsontext import loads as loads_json
from workbench.api.models import Usage
from workbench.core.chat_metrics import estimate_cost
from workbench.core.runs.replay import fold
from workbench.core.runs.search import index_text
from workbench.core.runs.store import RecordedEvent, RunRecord, clean_json, delete_run
from workbench.core.runs.tap import clean

if TYPE_CHECKING:
    import sqlite3

    from workbench.core.chat_metrics import PriceTable


def apply_item(db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
    """Write one queued item (insert, event, update, end, delete) in the open transaction."""
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
            "UPDATE runs SET outcome = 'error', error = ? WHERE id = ?",
            (clean(str(snap.error)), run_id),
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
