"""WorkbenchClient: one long-lived httpx.AsyncClient per endpoint; rerank, chat, chat_stream, info."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import json
import logging
import ssl
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlencode, urlsplit

import httpx

from workbench import __version__
from workbench.api import errors, jsontext
from workbench.api.body_json import BodyEncoder
from workbench.api.entra import EntraAuth, EntraSpec, EntraTokenProvider
from workbench.api.errors import InputError, ProtocolError, WorkbenchError
from workbench.api.flavours import codec_for, flavour_traits
from workbench.api.framing import FrameDecoder
from workbench.api.keys import check_key
from workbench.api.models import AuthScheme, Connection, Incoming, check_extra_headers
from workbench.api.redact import is_secret_header, register_secret
from workbench.api.redact_logs import RedactingFilter
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.api.text import Text
from workbench.api.urls import build_url, parse_pasted_url, takes_api_version
from workbench.api.wiretap import WireTap, current_tap, ending

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator
    from types import TracebackType

    from workbench.api.events import StreamEvent
    from workbench.api.models import ChatRequest, Outgoing, RerankRequest, RerankResponse

log = logging.getLogger(__name__)
log.addFilter(RedactingFilter())

USER_AGENT = f"cohere-workbench/{__version__}"


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


def _auth_headers(connection: Connection) -> dict[str, str]:
    if connection.api_key is None or connection.auth in {AuthScheme.NONE, AuthScheme.ENTRA}:
        return {}
    # Trimmed, and refused before anything is sent when a header cannot carry it.
    key = check_key(connection.api_key.get_secret_value()).value
    if connection.auth is AuthScheme.BEARER:
        return {"Authorization": f"Bearer {key}"}
    return {connection.auth.value: key}


def _register_connection_secrets(connection: Connection) -> None:
    """Tell the redactor about every secret this connection carries besides the key."""
    for name, value in connection.extra_headers.items():
        if is_secret_header(name):
            register_secret(value)
    if connection.proxy:
        register_secret(proxy_password(connection.proxy))


def proxy_password(url: str) -> str | None:
    """The password of a proxy URL (`http://user:password@host:port`), or None."""
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def _sign_in(connection: Connection) -> EntraTokenProvider | None:
    if connection.auth is not AuthScheme.ENTRA:
        return None
    spec = EntraSpec(timeout_s=connection.token_timeout_s)
    if connection.entra_scope:
        spec = replace(spec, scope=connection.entra_scope)
    if connection.token_command:
        spec = replace(spec, token_command=connection.token_command)
    return EntraTokenProvider(spec)


@functools.cache
def _system_trust() -> ssl.SSLContext:
    """The context `verify=True` makes, built once for every client (issue 15).

    Loading the CA bundle took 80 ms of each new client's build. httpcore sets the same ALPN
    list (HTTP/1.1 only: no client enables HTTP/2) on it per connection, so sharing is safe.
    """
    return httpx.create_ssl_context(verify=True, trust_env=True)


def warm_up() -> None:
    """Do once, ahead, the work a first client and its first request would do (issue 15).

    Imports the transport's modules and loads the system's CA bundle, about 125 ms under load
    that the first Send waited for. Pure, blocking and Qt-free: callers run it on a thread.
    """
    with contextlib.suppress(ImportError):
        # httpcore picks anyio's asyncio backend at the first request.
        importlib.import_module("anyio._backends._asyncio")
    importlib.import_module("httpcore")
    with contextlib.suppress(OSError):  # a broken trust store is for the first client to report
        _system_trust()


def _verify(value: str | bool) -> ssl.SSLContext | bool:
    if value is True:
        return _system_trust()
    if value is False:
        return value
    try:  # httpx 0.28 deprecates a path here: build the context ourselves
        return ssl.create_default_context(cafile=value)
    except (OSError, ssl.SSLError) as exc:
        raise InputError(
            Text("cannot load the CA bundle: %1", str(exc)), where="ca_bundle"
        ) from None


@contextlib.contextmanager
def _mapped_errors(route: str) -> Iterator[None]:
    """Turn httpx failures into the workbench's error tree, and stamp the route on ours."""
    try:
        yield
    except WorkbenchError as exc:
        exc.route = exc.route or route
        raise
    except httpx.ConnectTimeout as exc:
        raise errors.ConnectTimeout(str(exc), route=route) from None
    except httpx.ConnectError as exc:
        raise errors.ConnectError(str(exc), route=route) from None
    except httpx.TimeoutException as exc:
        raise errors.RequestTimeout(str(exc) or type(exc).__name__, route=route) from None
    except httpx.TransportError as exc:
        raise ProtocolError(Text("the connection broke: %1", str(exc)), route=route) from None


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
        headers = httpx.Headers({"User-Agent": USER_AGENT, "X-Client-Name": "cohere-workbench"})
        headers["Accept"] = "application/json"
        _register_connection_secrets(connection)
        check_extra_headers(connection.extra_headers)  # model_copy(update=...) skips validators
        headers.update(_auth_headers(connection))
        if connection.extra_parameters:
            headers["extra-parameters"] = connection.extra_parameters
        # httpx.Headers replaces a name whatever its case: a person's `x-client-name` must replace
        # ours, not travel beside it.
        headers.update(connection.extra_headers)
        self.recorder: Callable[[str, Outgoing], WireTap | None] | None = None
        """Makes a tap for each rerank or chat call no `tapping` block covers (run history)."""
        self.sign_in = _sign_in(connection)
        """The Entra ID token provider, or None for key schemes."""
        self._http = httpx.AsyncClient(
            transport=transport,
            auth=EntraAuth(self.sign_in) if self.sign_in else None,
            headers=headers,
            timeout=httpx.Timeout(connection.timeout_s, connect=connection.connect_timeout_s),
            verify=_verify(connection.verify),
            proxy=connection.proxy,
        )
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
        with _mapped_errors(self._route(method, kind)):
            return _json_object(content)

    async def _content(
        self, method: str, kind: str, body: dict[str, Any] | None, tap: WireTap | None = None
    ) -> bytes:
        """The body of a successful answer, as it came."""
        route = self._route(method, kind)
        with _mapped_errors(route):
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
        with _mapped_errors(f"{method} {urlsplit(url).path}"):
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
        with _mapped_errors(f"{method} {urlsplit(url).path}"):
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
            with _mapped_errors(self._route("POST", "rerank")):
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
        with _mapped_errors(self._route("POST", "chat")):
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
        with ending(tap), _mapped_errors(route):
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
