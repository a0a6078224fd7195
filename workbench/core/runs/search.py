"""Searching the run history: the filter a listing narrows by, its SQL, and the full-text index.

The index (`runs_fts`) holds each run's query, messages, answer and note; whoever writes those
columns rewrites the run's entry with `index_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3


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


def where_clause(flt: RunFilter) -> tuple[list[str], list[Any]]:
    """The filter as SQL conditions on `runs` (to be joined with AND) and their parameters."""
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
