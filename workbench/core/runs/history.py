"""History: the run store and its writer together, and the RunStart for a chat turn or rerank run."""

from __future__ import annotations

import contextlib
import json
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.runs.store import RunStore
from workbench.core.runs.tap import ActiveRun, RunStart, outcome_of
from workbench.core.runs.writer import RunWriter

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from workbench.api.models import ChatRequest, Connection, RerankRequest
    from workbench.api.stream import ChatSnapshot
    from workbench.api.text import Text
    from workbench.core.runs.aside import KeptAside


class History:
    """The run store with its writer thread; `close()` commits what is queued."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        on_refused: Callable[[sqlite3.Error], None] | None = None,
        on_restored: Callable[[KeptAside], None] | None = None,
    ) -> None:
        """`on_refused`: told (on the writer's thread) when the database refuses writes, once
        per spell; the writer keeps them and tries again. `on_restored`: told (on that thread
        too) when runs a side file kept at the last close are written (`RunWriter`)."""
        self.store = RunStore(path) if path is not None else RunStore.default()
        self.writer = RunWriter(self.store, on_refused, on_restored=on_restored)

    @property
    def notice(self) -> Text | None:
        """Why an unusable database was moved aside, in words (None when all was well)."""
        return self.store.notice

    def begin(self, start: RunStart) -> ActiveRun:
        """A new run, written when its request goes out."""
        return self.writer.begin(start)

    def close(self) -> list[KeptAside]:
        """Commit what is queued, stop the writer and close the store; returns the side files
        writes the database refused went to (or could not: `KeptAside.error`)."""
        kept = self.writer.close()
        self.store.close()
        return kept


def _doc_text(document: Any) -> str:
    return document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)


def chat_start(
    connection: Connection, request: ChatRequest, *, endpoint: str = "", source: str = ""
) -> RunStart:
    """What is known about a chat turn before it is sent."""
    parts = [request.preamble or ""] + [m.content for m in request.history]
    parts += [_doc_text(d) for d in request.documents]
    return RunStart(
        kind="chat",
        endpoint=endpoint,
        flavour=connection.flavour.value,
        model=request.model or connection.model or "",
        source=source,
        query=request.message or "",
        messages="\n".join(p for p in parts if p),
        inputs={"request": request.model_dump(mode="json")},
    )


@dataclass(frozen=True)
class BatchPart:
    """One request of a rerank the client sends in batches."""

    group_id: str
    part: int
    """From 1."""
    size: int
    whole: RerankRequest
    """The request as the pane has it (what opening the run again fills in)."""


_batch: ContextVar[BatchPart | None] = ContextVar("workbench_rerank_batch", default=None)


def new_group_id() -> str:
    """An id for the requests of one action."""
    return uuid.uuid4().hex[:12]


@contextlib.contextmanager
def batch_part(part: BatchPart) -> Iterator[None]:
    """Record the rerank requests sent inside the block as this part of a batched run.

    Each request stays a run of its own (its bytes and timings); the group makes the History pane
    list them as one entry, which opens as the whole request.
    """
    token = _batch.set(part)
    try:
        yield
    finally:
        _batch.reset(token)


def rerank_start(
    connection: Connection, request: RerankRequest, *, endpoint: str = "", source: str = ""
) -> RunStart:
    """What is known about a rerank run before it is sent (a batch's part says its group)."""
    part = _batch.get()
    whole = part.whole if part is not None else request
    return RunStart(
        kind="rerank",
        endpoint=endpoint,
        flavour=connection.flavour.value,
        model=request.model or connection.model or "",
        source=source,
        query=request.query,
        messages="\n".join(_doc_text(d) for d in request.documents),
        inputs={"request": whole.model_dump(mode="json")},
        group_id=part.group_id if part is not None else "",
        group_part=part.part if part is not None else 0,
        group_size=part.size if part is not None else 0,
    )


def finish_chat(run: ActiveRun, snapshot: ChatSnapshot, error: BaseException | None) -> None:
    """Note how a chat turn ended, with its answer and usage."""
    outcome = outcome_of(error)
    if outcome == "ok" and snapshot.error:
        outcome = "error"
    usage = snapshot.usage.model_dump(mode="json") if snapshot.usage is not None else None
    message = str(error if error is not None else snapshot.error or "")
    run.finish(outcome, answer=snapshot.text, error=message, usage=usage)
