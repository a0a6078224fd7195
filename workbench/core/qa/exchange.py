"""How a check talks to the endpoint: paced, 429-aware, recorded as runs, kept as evidence."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from workbench.api.errors import RateLimited, WorkbenchError, retry_after_seconds
from workbench.api.text import Figure, Text
from workbench.api.wiretap import tapping
from workbench.core.qa.model import Evidence, Lines, excerpt_lines
from workbench.core.runs.history import chat_start, rerank_start
from workbench.core.turns import TurnRun, stream_turn

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    from workbench.api.client import RawAnswer, WorkbenchClient
    from workbench.api.models import ChatRequest, Connection, RerankRequest, RerankResponse
    from workbench.api.stream import ChatSnapshot
    from workbench.api.wiretap import WireTap
    from workbench.core.qa.pacing import Pacer
    from workbench.core.runs.history import History
    from workbench.core.runs.tap import RunStart

T = TypeVar("T")
_FRAMES_SHOWN = 3


class EvidenceTap:
    """A wire tap that keeps what a check needs as evidence and passes everything on to the run
    record's tap (when history is kept)."""

    def __init__(self, inner: WireTap | None, run_id: str | None) -> None:
        self._inner = inner
        self.run_id = run_id
        self.method = ""
        self.url = ""
        self.sent = ""
        self.status: int | None = None
        self.headers: dict[str, str] = {}
        self.answer = ""
        self.first_frames: list[str] = []
        self.last_frame = ""
        self.frame_count = 0
        self.started = time.perf_counter()

    def request(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> None:
        """Keep the method, URL and body (never the headers: they carry the key)."""
        self.method, self.url = method, url
        self.sent = body.decode("utf-8", "replace")
        self.started = time.perf_counter()
        if self._inner is not None:
            self._inner.request(method, url, headers, body)

    def response(self, status: int, headers: Mapping[str, str]) -> None:
        """Keep the status and the headers (the pacer reads the rate-limit ones)."""
        self.status = status
        self.headers = {k.lower(): v for k, v in headers.items()}
        if self._inner is not None:
            self._inner.response(status, headers)

    def frame(self, data: str, event: str | None) -> None:
        """Keep the first few frames and the last one."""
        self.frame_count += 1
        if len(self.first_frames) < _FRAMES_SHOWN:
            self.first_frames.append(data)
        self.last_frame = data
        if self._inner is not None:
            self._inner.frame(data, event)

    def body(self, content: bytes) -> None:
        """Keep a whole body."""
        self.answer = content.decode("utf-8", "replace")
        if self._inner is not None:
            self._inner.body(content)

    def end(self, error: BaseException | None) -> None:
        """Pass the end on to the run record."""
        if self._inner is not None:
            self._inner.end(error)

    def evidence(self, label: Text | str) -> Evidence:
        """What this exchange showed (`label`: the workbench's words, or a str of API words
        only); its English is redacted as it is read."""
        route = f"{self.method} {urlsplit(self.url).path}" if self.url else ""
        return Evidence(
            label_text=Text("%1 — %2", route, label) if route else label,
            request_text=excerpt_lines([self.sent]),
            response_text=excerpt_lines(self._answer()),
            status=self.status,
            elapsed_ms=(time.perf_counter() - self.started) * 1000.0,
            run_id=self.run_id,
        )

    def _answer(self) -> Lines:
        """The body, or the first stream events and the last one, a line each."""
        if not self.frame_count:
            return [self.answer]
        lines: Lines = [Text("%n stream event(s); the first:", count=self.frame_count)]
        lines += self.first_frames
        if self.frame_count > _FRAMES_SHOWN:
            lines += [Text("… the last:"), self.last_frame]
        return lines


@dataclass
class Exchanges:
    """Sends a check's requests: paced, retried after a 429 as `Retry-After` says, recorded."""

    connection: Connection
    endpoint: str
    pacer: Pacer
    history: History | None
    max_retries: int = 3
    max_wait_s: float = 60.0
    evidence: list[Evidence] = field(default_factory=list)
    """The evidence of the check running now (the runner takes it after each check)."""

    def _tap(self, start: Callable[[], RunStart] | None) -> EvidenceTap:
        if self.history is None or start is None:
            return EvidenceTap(None, None)
        run = self.history.begin(start())
        return EvidenceTap(run, run.id)

    async def _paced(
        self,
        label: Text | str,
        start: Callable[[], RunStart] | None,
        send: Callable[[EvidenceTap], Awaitable[T]],
    ) -> T:
        notes: list[Text] = []
        for attempt in range(self.max_retries + 1):
            await self.pacer.turn()
            tap = self._tap(start)
            try:
                with tapping(tap):
                    value = await send(tap)
            except RateLimited as exc:
                wait = exc.retry_after if exc.retry_after is not None else 1.0
                limited = Text("429 Too Many Requests; Retry-After %1 s", Figure(wait, None))
                self.evidence.append(_noted(tap.evidence(label), [*notes, limited]))
                if attempt == self.max_retries or wait > self.max_wait_s:
                    raise
                waited = Figure(wait, None)
                notes.append(Text("after a 429, waited %1 s as Retry-After said", waited))
                await self.pacer.pause(wait)
                continue
            except BaseException:
                self.evidence.append(tap.evidence(label))
                raise
            finally:
                self.pacer.heard(tap.headers)
            self.evidence.append(_noted(tap.evidence(label), notes))
            return value
        raise AssertionError("unreachable: the loop returns or raises")

    async def rerank(
        self, client: WorkbenchClient, request: RerankRequest, label: Text | str
    ) -> RerankResponse:
        """A rerank call, recorded and kept as evidence."""

        def start() -> RunStart:
            return rerank_start(self.connection, request, endpoint=self.endpoint, source="qa")

        return await self._paced(label, start, lambda _tap: client.rerank(request))

    async def chat(
        self, client: WorkbenchClient, request: ChatRequest, label: Text | str
    ) -> ChatSnapshot:
        """A non-streamed chat call, recorded and kept as evidence."""

        def start() -> RunStart:
            return chat_start(self.connection, request, endpoint=self.endpoint, source="qa")

        return await self._paced(label, start, lambda _tap: client.chat(request))

    async def stream(
        self, client: WorkbenchClient, request: ChatRequest, label: Text | str
    ) -> TurnRun:
        """A streamed chat call into a TurnRun; a failure mid-stream is kept in `run.error`."""

        def start() -> RunStart:
            return chat_start(self.connection, request, endpoint=self.endpoint, source="qa")

        async def send(_tap: EvidenceTap) -> TurnRun:
            run = TurnRun()
            try:
                await stream_turn(client, request, run)
            except RateLimited:
                raise
            except WorkbenchError:
                if not run.snapshot.event_count:
                    raise  # nothing arrived: the request failed as a whole
            return run  # a stream that broke off: the check judges what arrived (run.error)

        return await self._paced(label, start, send)

    async def raw(
        self,
        client: WorkbenchClient,
        method: str,
        kind: str,
        body: dict[str, Any] | None,
        label: Text | str,
    ) -> RawAnswer:
        """A request sent as it is (any status comes back); 429s are waited out too."""

        async def send(tap: EvidenceTap) -> RawAnswer:
            answer = await client.raw(method, kind, body)
            tap.request(method, answer.url, {}, b"" if body is None else json.dumps(body).encode())
            tap.started = time.perf_counter() - answer.elapsed_ms / 1000.0
            tap.response(answer.status, answer.headers)
            tap.body(answer.text.encode())
            if answer.status == 429:
                raise _raw_limited(answer)
            return answer

        return await self._paced(label, None, send)


def _noted(item: Evidence, notes: list[Text]) -> Evidence:
    item.notes_text = list(notes)
    return item


def _raw_limited(answer: RawAnswer) -> RateLimited:
    error = RateLimited(answer.text[:200], status=429)
    error.retry_after = retry_after_seconds(answer.headers)
    return error
