"""ActiveRun: the wire tap for one run, and what it is started with (RunStart).

The tap only stamps the time and hands the writer a tuple (about a microsecond per stream
event); the writer's thread turns the tuples into rows (`rows.py`). What the tap puts in a tuple
is redacted here only when it is small and made once per run (the request, the headers, the
end); stream frames are redacted by the writer, off the caller's thread.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.api.errors import ConnectError, ProtocolError, RequestTimeout, StatusError
from workbench.api.redact import redact_headers, redact_secrets
from workbench.core.runs.store import clean_json

if TYPE_CHECKING:
    from collections.abc import Mapping

    from workbench.core.chat_metrics import PriceTable
    from workbench.core.runs.writer import RunWriter


def clean(text: str) -> str:
    """A string as it may be stored: every key and secret header value redacted (hosts kept in
    demo mode too: a run recorded during a demo stays a usable record)."""
    return redact_secrets(text)


def clean_headers(headers: Mapping[str, str]) -> str:
    """Headers as stored: JSON, secret values masked, then redacted as text (belt and braces)."""
    masked = redact_headers(dict(headers.items()), stored=True)
    return json.dumps({name: clean(value) for name, value in masked.items()})


@dataclass
class RunStart:
    """What is known about a run before it is sent (the request itself comes from the tap)."""

    kind: str
    """"chat" or "rerank"."""
    endpoint: str = ""
    flavour: str = ""
    model: str = ""
    source: str = ""
    """"cli", "gui" or "import"."""
    query: str = ""
    """The rerank query or the chat message (searched, and shown in lists)."""
    messages: str = ""
    """Other searchable input: preamble, earlier messages, documents."""
    inputs: dict[str, Any] = field(default_factory=dict)
    """Everything needed to open the run again in its pane (no key)."""
    group_id: str = ""
    """Shared by the requests one action split into ('' when alone)."""
    group_part: int = 0
    group_size: int = 0
    prices: PriceTable | None = None
    """The endpoint's prices: the run's cost is estimated from its billed units (not stored)."""


def outcome_of(error: BaseException | None) -> str:
    """The stored outcome for a run that ended with this exception (None: ok)."""
    if error is None:
        return "ok"
    if isinstance(error, asyncio.CancelledError | KeyboardInterrupt | GeneratorExit):
        return "stopped"
    if isinstance(error, StatusError):
        return "error"
    if isinstance(error, ProtocolError):
        return "broken"
    if isinstance(error, ConnectError | RequestTimeout):
        return "failed"
    return "error"


class ActiveRun:
    """The wire tap for one run: queues its request, response and events with arrival times."""

    def __init__(self, writer: RunWriter, start: RunStart) -> None:
        self.id = uuid.uuid4().hex[:12]
        self._writer = writer
        self._start = start
        self._sent: float | None = None
        self._seq = 0
        self.t_first: float | None = None
        """Seconds from sending to the first stream frame (or the body)."""
        self.t_last: float | None = None

    def _since(self) -> float:
        return 0.0 if self._sent is None else time.monotonic() - self._sent

    def request(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> None:
        """Write the run before the request goes out (a retry after a 401 overwrites it)."""
        self._sent = time.monotonic()
        s = self._start
        columns: dict[str, Any] = {
            "id": self.id,
            "created": time.time(),
            "kind": s.kind,
            "source": s.source,
            "endpoint": clean(s.endpoint),
            "flavour": s.flavour,
            "url": clean(url),
            "model": clean(s.model),
            "method": method,
            "request_headers": clean_headers(headers),
            "request_body": clean_json(body.decode("utf-8", "replace")),
            "query": clean(s.query),
            "messages": clean(s.messages),
            "inputs": clean_json(json.dumps(s.inputs)),
            "group_id": s.group_id,
            "group_part": s.group_part,
            "group_size": s.group_size,
        }
        self._writer.put(("insert", self.id, columns))

    def response(self, status: int, headers: Mapping[str, str]) -> None:
        """Note the status and headers and when they came."""
        changes = {"status": status, "response_headers": clean_headers(headers)}
        self._writer.put(("update", self.id, {**changes, "t_headers": self._since()}))

    def frame(self, data: str, event: str | None) -> None:
        """Queue one stream frame with its arrival time (the hot path: no I/O, no redaction)."""
        t = self._since()
        if self.t_first is None:
            self.t_first = t
        self.t_last = t
        self._seq += 1
        self._writer.put(("event", self.id, self._seq, t, event, data))

    def body(self, content: bytes) -> None:
        """Keep a whole body (non-streamed answers and error bodies)."""
        t = self._since()
        self.t_first = self.t_first if self.t_first is not None else t
        self.t_last = t
        text = clean_json(content.decode("utf-8", "replace"))
        self._writer.put(("update", self.id, {"response_body": text}))

    def end(self, error: BaseException | None) -> None:
        """The client's word on how the call ended; the writer folds the answer from the events."""
        stopped = isinstance(error, GeneratorExit | asyncio.CancelledError)
        message = "" if error is None else ("stopped" if stopped else str(error))
        values = (outcome_of(error), clean(message), self.t_first, self.t_last)
        self._writer.put(("end", self.id, values, self._start.prices))

    def finish(
        self,
        outcome: str,
        *,
        answer: str = "",
        error: str = "",
        usage: dict[str, Any] | None = None,
        cost: float | None = None,
        t_first_token: float | None = None,
    ) -> None:
        """Note how the run ended. Outcomes: ok, error, broken, stopped, failed (never sent)."""
        changes: dict[str, Any] = {
            "outcome": outcome,
            "answer": clean(answer),
            "error": clean(error),
            "t_first": t_first_token if t_first_token is not None else self.t_first,
            "t_last": self.t_last,
        }
        # Left as the client's end found them unless given (a rerank's usage, either's cost).
        if usage is not None:
            changes["usage"] = clean_json(json.dumps(usage))
        if cost is not None:
            changes["cost"] = cost
        if self._sent is None:  # it failed before a request was built: keep that it was tried
            self.request("POST", "", {}, b"")
        self._writer.put(("update", self.id, changes))
