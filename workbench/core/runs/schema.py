"""The run database's schema, one migration per version; `user_version` holds the version."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

SCHEMA_VERSION = 2
"""The version this program writes; a database with a higher one came from a newer program."""

_V1 = """
CREATE TABLE runs (
    id TEXT PRIMARY KEY NOT NULL,
    created REAL NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    endpoint TEXT NOT NULL DEFAULT '',
    flavour TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT 'POST',
    request_headers TEXT NOT NULL DEFAULT '{}',
    request_body TEXT NOT NULL DEFAULT '',
    query TEXT NOT NULL DEFAULT '',
    messages TEXT NOT NULL DEFAULT '',
    inputs TEXT NOT NULL DEFAULT '{}',
    status INTEGER,
    response_headers TEXT NOT NULL DEFAULT '{}',
    response_body TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'running',
    error TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    t_headers REAL,
    t_first REAL,
    t_last REAL,
    usage TEXT NOT NULL DEFAULT '{}',
    cost REAL,
    pinned INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_order ON runs(pinned, created);
CREATE INDEX runs_endpoint ON runs(endpoint);
CREATE INDEX runs_model ON runs(model);
CREATE TABLE events (
    run_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    t REAL NOT NULL,
    event TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE runs_fts USING fts5(query, messages, answer, note, tokenize='unicode61', prefix='2 3 4');
"""

# Version 2: the requests one action split into (a rerank sent in batches) share a group, so the
# History pane lists them as one entry; each keeps its own bytes and timings. And the currency
# the estimated cost is in.
_V2 = """
ALTER TABLE runs ADD COLUMN group_id TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN group_part INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN group_size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN currency TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_group ON runs(group_id) WHERE group_id != '';
"""

MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2}
"""The script that takes a database from version N-1 to N."""


def migrate(db: sqlite3.Connection, current: int) -> None:
    """Run every migration after `current`, all in one transaction.

    The version is read again under the write lock: two processes opening a new file at once
    must not both create its tables.
    """
    if current >= SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        current = int(db.execute("PRAGMA user_version").fetchone()[0])
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version].split(";\n"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {version}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
