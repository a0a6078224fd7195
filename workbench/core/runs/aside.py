"""Writes the run history still refused at close, kept in a side file until the next open.

The writer holds the writes the database refuses (`writer.py`); when it closes with some still
held, they go to a JSON Lines file next to the database (`runs.sqlite3.held-<stamp>-<pid>.jsonl`,
one write a line, as the writer queues it), written whole or not at all. The next writer to open
the history imports every such file first, oldest first, and removes it once its writes are in.
What is saved is redacted as the database would store it: stream frames, queued raw for speed,
are masked here; every other write was masked when it was queued.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.atomic import write_atomically
from workbench.core.chat_metrics import PriceTable
from workbench.core.runs.store import clean_json
from workbench.core.text_files import record_lines

if TYPE_CHECKING:
    from pathlib import Path

    Write = tuple[Any, ...]

KINDS = frozenset({"insert", "event", "update", "end", "delete"})


@dataclass(frozen=True)
class KeptAside:
    """What became of writes kept in a side file (saved at close, or imported at open)."""

    path: Path
    """The side file (where it is, or was to be, written)."""
    runs: int
    """How many runs the writes belong to."""
    error: str = ""
    """Why the file could not be written or read ('' when all went well)."""


def restored_line(news: KeptAside) -> str:
    """What became of a side file the history found at open, in a line."""
    if news.error:
        return (
            f"warning: the runs kept aside in {news.path} could not be added to the run history "
            f"({news.error}); the file was kept"
        )
    return f"note: {news.runs} run(s) kept aside earlier were added to the run history"


def kept_line(news: KeptAside) -> str:
    """What became of writes the run history still refused at close, in a line."""
    if news.error:
        return (
            f"error: {news.runs} run(s) were not recorded: the run history refused them and "
            f"{news.path} could not be written ({news.error})"
        )
    return (
        f"note: the run history refused {news.runs} run(s); they were kept in {news.path} and "
        "are added when the history opens next"
    )


def run_count(writes: list[Write]) -> int:
    """How many runs these writes are about."""
    return len({write[1] for write in writes})


def aside_files(db_path: Path) -> list[Path]:
    """The side files waiting next to the database, oldest first."""
    return sorted(db_path.parent.glob(f"{db_path.name}.held-*.jsonl"))


def new_aside_path(db_path: Path) -> Path:
    """A side file name of its own (a stamp and this process: two closing at once keep both)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.name}.held-{stamp}-{os.getpid()}.jsonl")


def save_aside(path: Path, writes: list[Write]) -> None:
    """Write the writes to `path` atomically (a temporary file, synced, then renamed).

    Raises:
        OSError: the folder refused the file (read-only, full, missing).
    """
    lines = (json.dumps(_encoded(write), ensure_ascii=False) + "\n" for write in writes)
    write_atomically(path, lines, prefix=f".{path.name}.", sync=True)


def load_aside(path: Path) -> list[Write]:
    """The writes a side file keeps.

    Raises:
        OSError: the file cannot be read.
        ValueError: a line is not a write (the file was edited or damaged).
    """
    text = path.read_text(encoding="utf-8")
    return [_decoded(line, number) for number, line in enumerate(record_lines(text), 1) if line]


def put_away(path: Path) -> Path:
    """Rename a side file that cannot be read, so it is kept but not tried at every open."""
    kept = path.with_name(path.name + ".unreadable")
    path.replace(kept)
    return kept


def _encoded(write: Write) -> list[Any]:
    """A write as a JSON list: a stream frame's data masked, an end's prices as a mapping."""
    kind = write[0]
    if kind == "event":
        return [*write[:5], clean_json(write[5])]
    if kind == "end" and len(write) > 3 and isinstance(write[3], PriceTable):
        prices = write[3]
        return [*write[:3], {"per_unit": dict(prices.per_unit), "currency": prices.currency}]
    return list(write)


def _decoded(line: str, number: int) -> Write:
    item = json.loads(line)
    if not isinstance(item, list) or len(item) < 2 or item[0] not in KINDS:
        raise ValueError(f"line {number} is not a recorded write")
    if item[0] == "end" and len(item) > 3 and isinstance(item[3], dict):
        try:
            item[3] = PriceTable(per_unit=dict(item[3]["per_unit"]), currency=item[3]["currency"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"line {number} has prices that are not prices") from None
    return tuple(item)
