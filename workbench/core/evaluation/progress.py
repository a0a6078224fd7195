"""Saved progress of an evaluation: each query's scores per endpoint, so a rerun continues.

One small JSONL file per set (named by the set's fingerprint) in the data folder's
`evaluations/`; each line is one query ranked by one endpoint, appended and flushed as soon as the
answer is in. A line cut short by a killed process is skipped when read back.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any, TextIO

from workbench.core.runs.store import data_dir

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)


def progress_path(fingerprint: str) -> Path:
    """Where the progress of the set with this fingerprint is kept."""
    return data_dir() / "evaluations" / f"{fingerprint[:32]}.jsonl"


def open_progress(fingerprint: str, *, restart: bool = False) -> ProgressStore:
    """The saved progress of the set with this fingerprint; with `restart`, dropped first, so
    every query is ranked anew (`workbench eval --restart`, the pane's Start over)."""
    store = ProgressStore(progress_path(fingerprint))
    if restart:
        store.forget()
    return store


class ProgressStore:
    """Reads and appends one set's saved progress."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._saved: dict[tuple[str, str], dict[str, float]] = {}
        self._handle: TextIO | None = None
        self._load()

    def _load(self) -> None:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
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
        line = json.dumps({"side": side, "query": query_id, "scores": scores})
        self._handle.write(line + "\n")
        self._handle.flush()

    def forget(self) -> None:
        """Drop all saved progress of this set (a fresh start)."""
        self.close()
        self._saved.clear()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Close the file (what was put is already written)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


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
