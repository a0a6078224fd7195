"""WorkbenchClient: one long-lived httpx.AsyncClient per endpoint; rerank, chat, chat_stream, info."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlencode, urlsplit

import httpx

from workbench.api import errors, jsontext
from workbench.api.body_json import BodyEncoder
from workbench.api.errors import InputError, ProtocolError
from workbench.api.flavours import codec_for, flavour_traits
from workbench.api.framing import FrameDecoder
from workbench.api.http_client import http_client_for, sign_in_for
from workbench.api.models import Incoming
from workbench.api.redact_logs import RedactingFilter
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.api.text import Text
from workbench.api.transport_errors import mapped_errors
from workbench.api.urls import build_url, parse_pasted_url, takes_api_version
from workbench.api.wiretap import WireTap, current_tap, ending

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, AsyncIterator, Callable
    from types import TracebackType

    from workbench.api.events import StreamEvent
    from workbench.api.models import (
        ChatRequest,
        Connection,
        Outgoing,
        RerankRequest,
        RerankResponse,
    )

log = logging.getLogger(__name__)
log.addFilter(RedactingFilter())


class EndpointInfo(Incoming):
    """What `GET /info` says about the deployment."""

    model_name: str | None = None
    model_type: str | None = None
    model_provider_name: str | None = None


@dataclass(frozen=True)
class RawAnswer:
    """A status, headers and body as the server sent them (QA looks at answers the typed calls
    would turn into errors)."""

    url: str
    status: int
    headers: dict[str, str]
    text: str
    elapsed_ms: float


class WorkbenchClient:
    """Talks to one endpoint in its flavour; use as `async with` or call `aclose()`."""

    def __init__(
        self, connection: Connection, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        """Build the client; no I/O happens until the first call.

        Args:
            connection: where and how to connect (the key stays a SecretStr here).
            transport: an httpx transport to use instead of the network (tests).
        """
        pasted = parse_pasted_url(connection.base_url)
        self.connection = connection
        self.base_url = pasted.base_url
        self.api_version = connection.api_version or pasted.api_version
        self._codec = codec_for(connection.flavour)
        self._body_encoder = BodyEncoder()
        self.recorder: Callable[[str, Outgoing], WireTap | None] | None = None
        """Makes a tap for each rerank or chat call no `tapping` block covers (run history)."""
        self.sign_in = sign_in_for(connection)
        """The Entra ID token provider, or None for key schemes."""
        self._http = http_client_for(connection, self.sign_in, transport)
        self._in_flight = 0
        self._retired = False

    def __repr__(self) -> str:
        flavour = self.connection.flavour.value
        return f"WorkbenchClient(base_url={self.base_url!r}, flavour={flavour!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (requests under way break off)."""
        await self._http.aclose()

    @property
    def closed(self) -> bool:
        """Whether the connection pool is closed (no request can be sent any more)."""
        return self._http.is_closed

    async def retire(self) -> None:
        """Close the connection pool once the requests under way have ended.

        An endpoint edited while an answer streams: closing at once broke the answer off, and
        the broken stream read as the server's fault.
        """
        self._retired = True
        if not self._in_flight:
            await self._http.aclose()

    @contextlib.asynccontextmanager
    async def _in_use(self) -> AsyncIterator[None]:
        """One request under way; the last to end closes a retired client."""
        self._in_flight += 1
        try:
            yield
        finally:
            self._in_flight -= 1
            if self._retired and not self._in_flight:
                await self._http.aclose()

    def forget_sent_bodies(self) -> None:
        """Drop the JSON kept from the last chat body to encode the next one faster.

        It holds the whole conversation the last request carried; once that conversation is
        cleared, nothing will reuse it (issue 15).
        """
        self._body_encoder.forget()

    def url_for(self, kind: str) -> str:
        """The final URL for "rerank", "chat" or "info", as shown to people."""
        return build_url(self.base_url, self.connection.flavour, kind, self.api_version)

    def _route(self, method: str, kind: str) -> str:
        return f"{method} {urlsplit(self.url_for(kind)).path}"

    def _tap(self, kind: str, request: Outgoing) -> WireTap | None:
        tap = current_tap()
        if tap is None and self.recorder is not None:
            tap = self.recorder(kind, request)
        return tap

    async def _json(
        self, method: str, kind: str, body: dict[str, Any] | None, tap: WireTap | None = None
    ) -> dict[str, Any]:
        content = await self._content(method, kind, body, tap)
        with mapped_errors(self._route(method, kind)):
            return _json_object(content)

    async def _content(
        self, method: str, kind: str, body: dict[str, Any] | None, tap: WireTap | None = None
    ) -> bytes:
        """The body of a successful answer, as it came."""
        route = self._route(method, kind)
        with mapped_errors(route):
            started = time.perf_counter()
            request = self._http.build_request(method, self.url_for(kind), json=body)
            _tell_request(request, tap)
            async with self._in_use():
                response = await self._http.send(request)
            log.debug("%s -> %s in %.0f ms", route, response.status_code, _ms(started))
            if tap is not None:
                tap.response(response.status_code, response.headers)
                tap.body(response.content)
            if response.status_code >= 300:
                raise errors.status_error(response, route)
            return response.content

    async def route_status(self, route: str) -> int:
        """The status this route under the base answers an empty request with (404: no route).

        `/info` is asked with GET, any other route with a POST of `{}`, which a real route refuses
        as incomplete (400/422) without running a model.

        Raises:
            ApiError: the server could not be reached.
        """
        method = "GET" if route.endswith("/info") else "POST"
        url = self.base_url + route
        versioned = route.endswith(("/chat/completions", "/info"))
        if versioned and self.api_version and takes_api_version(self.base_url):
            url += "?" + urlencode({"api-version": self.api_version})
        with mapped_errors(f"{method} {urlsplit(url).path}"):
            body: dict[str, Any] | None = {} if method == "POST" else None
            async with self._in_use():
                response = await self._http.request(method, url, json=body)
        return response.status_code

    async def raw(self, method: str, kind: str, body: dict[str, Any] | None = None) -> RawAnswer:
        """Send `body` as it is to the route of `kind` ("chat", "rerank", "info"); any status.

        Raises:
            ApiError: the server could not be reached or the connection broke.
        """
        url = self.url_for(kind)
        with mapped_errors(f"{method} {urlsplit(url).path}"):
            started = time.perf_counter()
            async with self._in_use():
                response = await self._http.request(method, url, json=body)
        text = response.content.decode("utf-8", "replace")
        headers = dict(response.headers.items())
        return RawAnswer(str(response.url), response.status_code, headers, text, _ms(started))

    async def info(self) -> EndpointInfo:
        """`GET /info`: the deployment's model name, type and provider."""
        return EndpointInfo.model_validate(await self._json("GET", "info", None))

    async def rerank(self, request: RerankRequest) -> RerankResponse:
        """Rank documents against a query.

        Raises:
            InputError: for a request the flavour cannot express.
            ApiError: for anything that went wrong on the way or at the server.
        """
        if not request.documents:
            raise InputError(Text("give at least one document"), where="documents")
        body = self._codec.rerank_body(request, self.connection.model)
        tap = self._tap("rerank", request)
        with ending(tap):
            started = time.perf_counter()
            content = await self._content("POST", "rerank", body, tap)
            latency = _ms(started)
            with mapped_errors(self._route("POST", "rerank")):
                # Pure work, off the caller's loop thread: decoding and checking a thousand
                # results took 20-50 ms, a stall in a window (issue 15).
                response = await asyncio.to_thread(self._parsed_rerank, content, request)
        return response.model_copy(update={"latency_ms": latency})

    def _parsed_rerank(self, content: bytes, request: RerankRequest) -> RerankResponse:
        return self._codec.parse_rerank(_json_object(content), request)

    async def chat(self, request: ChatRequest) -> ChatSnapshot:
        """One non-streamed chat turn, folded into a finished snapshot (`event_count` 0)."""
        body = self._codec.chat_body(request, self.connection.model, stream=False)
        tap = self._tap("chat", request)
        with ending(tap):
            data = await self._json("POST", "chat", body, tap)
        snapshot = ChatSnapshot()
        with mapped_errors(self._route("POST", "chat")):
            events = self._codec.chat_events(data)
        for event in events:
            snapshot = accumulate(snapshot, event)
        return replace(snapshot, event_count=0, raw=data)

    async def chat_stream(self, request: ChatRequest) -> AsyncGenerator[StreamEvent, None]:
        """Stream one chat turn as neutral events.

        Closing or cancelling the iterator ends the HTTP request. An in-stream error yields
        StreamFailed and then ends; a broken stream raises ProtocolError after every good event.
        """
        body = self._codec.chat_body(request, self.connection.model, stream=True)
        route = self._route("POST", "chat")
        headers = {"Accept": flavour_traits(self.connection.flavour).stream_accept}
        tap = self._tap("chat", request)
        with ending(tap), mapped_errors(route):
            # The in-flight count keeps a retired client open until this answer ends.
            async with self._in_use():
                # The bytes httpx's json= makes, the unchanged history's JSON kept (issue 15);
                # Content-Type goes after Content-Length, where json= puts it.
                content = self._body_encoder.encode(body)
                wire = self._http.build_request(
                    "POST", self.url_for("chat"), content=content, headers=headers
                )
                wire.headers.setdefault("Content-Type", "application/json")
                _tell_request(wire, tap)
                response = await self._http.send(wire, stream=True)
                try:
                    if tap is not None:
                        tap.response(response.status_code, response.headers)
                    if response.status_code >= 300:
                        await response.aread()
                        if tap is not None:
                            tap.body(response.content)
                        raise errors.status_error(response, route)
                    async for event in self._events(response, tap):
                        yield event
                finally:
                    await response.aclose()

    async def _events(
        self, response: httpx.Response, tap: WireTap | None
    ) -> AsyncIterator[StreamEvent]:
        decoder, mapper = FrameDecoder(), self._codec.stream_mapper()
        try:
            async for chunk in response.aiter_bytes():
                for frame in decoder.feed(chunk):
                    if tap is not None:
                        tap.frame(frame.data, frame.event)
                    for event in mapper.map(frame):
                        yield event
        except httpx.TransportError as exc:
            if isinstance(exc, httpx.TimeoutException):
                raise
            where = f"event {decoder.frames_seen + 1} (byte {decoder.bytes_seen})"
            raise ProtocolError(Text("the stream broke off: %1", str(exc)), where=where) from None
        for frame in decoder.finish():
            if tap is not None:
                tap.frame(frame.data, frame.event)
            for event in mapper.map(frame):
                yield event
        for event in mapper.finish(decoder.frames_seen, decoder.bytes_seen):
            yield event


def _tell_request(request: httpx.Request, tap: WireTap | None) -> None:
    if tap is not None:
        tap.request(request.method, str(request.url), request.headers, request.content)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


def _json_object(content: bytes) -> dict[str, Any]:
    try:
        value = jsontext.loads(content, finite=False)
    except ValueError as exc:
        where = f"byte {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        # The parser's reason and the answer's start are data: they stay as they came.
        said = Text("the answer is not JSON (%1): %2", reason, repr(content[:200]))
        raise ProtocolError(said, where=where) from None
    if not isinstance(value, dict):
        raise ProtocolError(Text("the answer is not a JSON object"))
    return value
