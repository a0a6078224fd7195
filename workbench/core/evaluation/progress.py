"""Saved progress of an evaluation: each query's scores per endpoint, so a rerun continues.

One small JSONL file per set (named by the set's fingerprint) in the data folder's
`evaluations/`; each line is one query ranked by one endpoint (its `Side.identity`), appended and
flushed as soon as the answer is in. A line cut short by a killed process is skipped when read
back. Starting over drops the lines of the endpoints started over only: another endpoint's
rankings of the same set may be hours of work.
"""

from __future__ import annotations

import json
import logging
import os
from typing import TYPE_CHECKING, Any, TextIO

from workbench.core.runs.database import data_dir
from workbench.core.text_files import record_lines

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path

log = logging.getLogger(__name__)


def progress_path(fingerprint: str) -> Path:
    """Where the progress of the set with this fingerprint is kept."""
    return data_dir() / "evaluations" / f"{fingerprint[:32]}.jsonl"


def open_progress(fingerprint: str) -> ProgressStore:
    """The saved progress of the set with this fingerprint (a start over drops an endpoint's
    part once its identity is known: `Side.fresh`)."""
    return ProgressStore(progress_path(fingerprint))


class ProgressStore:
    """Reads and appends one set's saved progress."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._saved: dict[tuple[str, str], dict[str, float]] = {}
        self._handle: TextIO | None = None
        self._load()

    def _load(self) -> None:
        try:
            lines = record_lines(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("evaluation progress unreadable, starting over: %s", exc)
            return
        for line in lines:
            entry = _entry(line)
            if entry is not None:
                self._saved[(entry[0], entry[1])] = entry[2]

    def get(self, side: str, query_id: str) -> dict[str, float] | None:
        """The saved scores of this query from this endpoint, or None."""
        return self._saved.get((side, query_id))

    def put(self, side: str, query_id: str, scores: dict[str, float]) -> None:
        """Save one query's scores (written through at once)."""
        self._saved[(side, query_id)] = scores
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(_line(side, query_id, scores) + "\n")
        self._handle.flush()

    def forget(self, sides: Collection[str]) -> int:
        """Drop the saved scores of these endpoints (their identities) and keep the others';
        returns how many rankings were dropped. The file is rewritten whole, through a
        temporary file, so a kill midway leaves the old one or the new one."""
        dropped = [key for key in self._saved if key[0] in sides]
        if not dropped:
            return 0
        self.close()
        for key in dropped:
            del self._saved[key]
        if not self._saved:
            self.path.unlink(missing_ok=True)
            return len(dropped)
        kept = self.path.with_name(self.path.name + ".tmp")
        with kept.open("w", encoding="utf-8") as handle:
            for (side, query_id), scores in self._saved.items():
                handle.write(_line(side, query_id, scores) + "\n")
        os.replace(kept, self.path)
        return len(dropped)

    def close(self) -> None:
        """Close the file (what was put is already written)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _line(side: str, query_id: str, scores: dict[str, float]) -> str:
    return json.dumps({"side": side, "query": query_id, "scores": scores})


def _entry(line: str) -> tuple[str, str, dict[str, float]] | None:
    try:
        value: Any = json.loads(line)
    except ValueError:
        return None  # cut short by a killed process: that query runs again
    if not isinstance(value, dict):
        return None
    side, query, scores = value.get("side"), value.get("query"), value.get("scores")
    if not (isinstance(side, str) and isinstance(query, str) and isinstance(scores, dict)):
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in scores.values()):
        return None
    return side, query, {str(k): float(v) for k, v in scores.items()}
