"""The run database file: where it lives, the connection every user makes, and opening it.

A database that cannot be read, or that a newer program wrote, is moved aside (kept, renamed) and a
fresh one started; `open_database` then says so in words, for `RunStore.notice`.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

import platformdirs

from workbench.api.text import Text
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


def open_database(path: Path) -> tuple[sqlite3.Connection, Text | None]:
    """Open (or create, migrate, or replace) the database at `path`.

    Args:
        path: the database file; its folder is created when missing.

    Returns:
        The connection, and what became of a file that could not be used (None when it could).
    """
    _make_folder(path.parent)
    try:
        db = connect(path)
        migrate(db, _check(db))
        return db, None
    except NewerSchemaError as exc:
        reason = Text("it was written by a newer version of the program (schema %1)", str(exc))
    except sqlite3.OperationalError:
        raise  # locked or unreachable: the file may be fine, so it stays where it is
    except sqlite3.DatabaseError as exc:
        reason = Text("it could not be read (%1)", str(exc))  # SQLite's own words stay
    aside = _move_aside(path)
    notice = Text(
        "The run history at %1 was not used because %2. It was kept as %3 and a new, empty "
        "history was started.",
        str(path),
        reason,
        aside.name,
    )
    db = connect(path)
    migrate(db, _check(db))
    return db, notice


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.unreadable-{stamp}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    return aside
