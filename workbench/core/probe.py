"""Test connection: reach an endpoint, check auth, read model info, and explain failures in words."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from workbench.api.entra_command import COMMAND_ENDED
from workbench.api.entra_explain import NO_ACCESS, TOKEN_REFUSED
from workbench.api.errors import (
    ApiError,
    AuthError,
    ConnectError,
    ConnectTimeout,
    InputError,
    NotFound,
    ProtocolError,
    RateLimited,
    RequestTimeout,
    ServerError,
    SignInError,
    StatusError,
    WorkbenchError,
)
from workbench.api.models import ChatRequest, GenerationParams, RerankRequest
from workbench.api.text import Text
from workbench.core.probe_routes import routes_line, survey_routes

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from workbench.api.client import WorkbenchClient
    from workbench.core.endpoints import EndpointConfig, EndpointSecrets


@dataclass(frozen=True)
class ProbeReport:
    """What a connection test found."""

    ok: bool
    headline: str | Text
    """One line: "Connected: rerank-v3.5 (Cohere), 84 ms" or, with `error`, the error's line."""
    explanation: str | Text = ""
    """For a failure: the likely cause in words and what to try."""
    url: str = ""
    """The URL that was called last."""
    latency_ms: float | None = None
    model: dict[str, str] = field(default_factory=dict)
    """Model info from `/info` (name, type, provider) where the server offers it."""
    error: WorkbenchError | None = None
    sign_in: Text | str = ""
    """With Entra ID: which credential signed in and when its token expires."""
    routes: str | Text = ""
    """Which candidate routes the server answers ("Routes: /v2/rerank ✔ · /v1/chat ✘ (404)")."""

    def text(self) -> str:
        """The report for people, in English: a mark and the headline, then the rest."""
        lines = [f"{'✔' if self.ok else '✘'} {self.headline}"]
        lines += [str(line) for line in (self.sign_in, self.explanation, self.routes) if line]
        if self.url:
            lines.append(f"Called: {self.url}")
        return "\n".join(lines)


async def probe_endpoint(
    endpoint: EndpointConfig, key: str | None, secrets: EndpointSecrets | None = None
) -> ProbeReport:
    """Test a saved or edited endpoint with this key, through a client used only for the test.

    Args:
        endpoint: the endpoint's settings (extra headers included).
        key: the key to send (typed or read from the keyring); None or "" when there is none.
        secrets: its secret header values and proxy password.

    Returns:
        A report; a missing key is reported without calling the server.
    """
    from workbench.api.client import WorkbenchClient  # httpx is loaded on first use

    if not key and endpoint.needs_key:
        return ProbeReport(
            False,
            Text("No key"),
            Text("Enter the key (or choose No authentication), then test."),
        )
    try:
        connection = endpoint.to_connection(key, secrets)
        client = WorkbenchClient(connection)
    except InputError as exc:  # a key a header cannot carry: refused before anything is sent
        explanation = exc.message_text or exc.server_message
        return ProbeReport(False, exc.title_text or exc.title, explanation, error=exc)
    async with client:
        return await probe(client)


async def probe(client: WorkbenchClient) -> ProbeReport:
    """Sign in (Entra ID), then try `/info`; where a server has none, the smallest requests.

    Args:
        client: a client for the endpoint under test (its key already set).

    Returns:
        A report; failures are reported, not raised.
    """
    if client.sign_in is None:
        return await _with_routes(client, await _probe_routes(client))
    try:
        token = await client.sign_in.token()
    except SignInError as exc:
        return ProbeReport(False, str(exc), explanation=explain(exc), error=exc)
    report = await _with_routes(client, await _probe_routes(client))
    current = client.sign_in.current or token  # a 401 may have brought a newer one
    report = replace(report, sign_in=current.describe())
    if isinstance(report.error, AuthError):
        # Signed in, yet refused: the token's tenant, audience or role is wrong, not a key.
        why = NO_ACCESS if report.error.status == 403 else TOKEN_REFUSED
        report = replace(report, explanation=why)
    return report


async def _with_routes(client: WorkbenchClient, report: ProbeReport) -> ProbeReport:
    """Add which candidate routes exist, when the server was reached at all."""
    if not report.ok and not isinstance(report.error, StatusError | ProtocolError):
        return report
    return replace(report, routes=routes_line(await survey_routes(client)))


async def _probe_routes(client: WorkbenchClient) -> ProbeReport:
    url = client.url_for("info")
    started = time.perf_counter()
    try:
        info = await client.info()
        latency = (time.perf_counter() - started) * 1000
        model = {
            k: str(v)
            for k, v in {
                "name": info.model_name,
                "type": info.model_type,
                "provider": info.model_provider_name,
            }.items()
            if v
        }
        return ProbeReport(
            True, _connected(model, latency), url=url, latency_ms=latency, model=model
        )
    except (NotFound, ProtocolError) as exc:
        # Many servers have no /info: fall back to the smallest real requests.
        return await _probe_by_request(client, failure(exc, url))
    except WorkbenchError as exc:
        return failure(exc, url)


async def _probe_by_request(client: WorkbenchClient, info_failure: ProbeReport) -> ProbeReport:
    """Send a one-document rerank, then a one-token chat; the first answer proves the route."""
    requests: dict[str, Callable[[], Awaitable[object]]] = {
        "rerank": lambda: client.rerank(RerankRequest(query="ping", documents=["pong"], top_n=1)),
        "chat": lambda: client.chat(
            ChatRequest(message="ping", params=GenerationParams(max_tokens=1))
        ),
    }
    last = info_failure
    for kind, send in requests.items():
        url = client.url_for(kind)
        started = time.perf_counter()
        try:
            await send()
        except InputError:
            continue  # the request cannot be built without more settings (e.g. a model name)
        except NotFound as exc:
            last = failure(exc, url)
            continue
        except WorkbenchError as exc:
            return failure(exc, url)
        latency = (time.perf_counter() - started) * 1000
        headline = Text(
            "Connected: %1 route answered, %2 ms (no /info on this server)",
            kind,
            latency,
            decimals=0,
        )
        return ProbeReport(True, headline, url=url, latency_ms=latency)
    return last


def _connected(model: dict[str, str], latency: float) -> Text:
    name = model.get("name") or Text("model info received")
    if "provider" in model:
        return Text("Connected: %1 (%2), %3 ms", name, model["provider"], latency, decimals=0)
    return Text("Connected: %1, %2 ms", name, latency, decimals=0)


def failure(exc: WorkbenchError, url: str) -> ProbeReport:
    """A failed report whose explanation names the likely cause."""
    return ProbeReport(False, str(exc), explanation=explain(exc), url=url, error=exc)


def explain(exc: WorkbenchError) -> str | Text:
    """The likely cause of a failure, in words, with what to try."""
    text = _chain_text(exc)
    if isinstance(exc, SignInError):
        return _sign_in_cause(exc)
    if isinstance(exc, AuthError):
        return Text(
            "Wrong key: the server refused it. Check the key, and the authentication "
            "scheme (Azure serverless and Cohere take Bearer; some gateways want api-key "
            "or x-api-key)."
        )
    if isinstance(exc, NotFound):
        wrong = Text(
            "Wrong route: the server has no such path. Check the base URL (paste the "
            "deployment's target URL) and the flavour (Cohere v1, v2 or OpenAI-compatible)."
        )
        hint = route_hint(exc)
        return Text("%1 %2", wrong, hint) if hint else wrong
    if isinstance(exc, RateLimited):
        return Text("Reachable and authenticated, but rate limited right now: try again shortly.")
    if isinstance(exc, ConnectTimeout):
        return Text(
            "Timeout while connecting: the host did not answer. Check the address, a "
            "firewall or VPN, or the proxy setting."
        )
    if isinstance(exc, ConnectError):
        return _explain_connect(text)
    if isinstance(exc, RequestTimeout):
        return Text(
            "Timeout: connected, but no answer arrived in time. The server may be "
            "overloaded, or the timeout too short."
        )
    if isinstance(exc, ServerError):
        return Text("The server failed (5xx): the deployment may be starting or unhealthy.")
    if isinstance(exc, ProtocolError):
        return Text(
            "The answer is not what this flavour expects: check the flavour, or the URL "
            "may point at a web page or a different API."
        )
    if isinstance(exc, ApiError):
        return Text("The server refused the request; its own message is shown above.")
    return ""


def _sign_in_cause(exc: SignInError) -> str | Text:
    """A sign-in failure's words, less a failed command's status and output (the headline, the
    whole error, has them): kept as a `Text` so the GUI says it in its language."""
    said = exc.message_text
    if said is None:  # a credential's classified failure: one of entra_explain's fixed texts
        return exc.server_message
    if said.template == COMMAND_ENDED and isinstance(said.values[0], Text):
        return said.values[0]
    return said


def route_hint(exc: WorkbenchError) -> Text | None:
    """What to try when a route is not found: an OpenAI-compatible server (llama.cpp, vLLM,
    OpenAI) serves `/v1/chat/completions`, so a base URL without `/v1` misses it."""
    path = exc.route.partition(" ")[2]
    if (
        isinstance(exc, NotFound)
        and path.endswith("/chat/completions")
        and not path.endswith("/v1/chat/completions")
    ):
        base = path.removesuffix("/chat/completions")
        return Text(
            "Try the base URL ending in /v1 (…%1/v1): llama.cpp, vLLM and OpenAI serve "
            "/v1/chat/completions.",
            base,
        )
    return None


def _chain_text(exc: BaseException) -> str:
    """Type names and messages along the cause chain (httpx hides the OS error's words there)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(f"{type(current).__name__} {current}")
        current = current.__cause__ or current.__context__
    return " ".join(parts).lower()


_PROXY_STATUS = re.compile(r"(?<![\w.:])407(?!\w)")
"""A 407 answer, not the digits inside an address: a refused `127.0.0.1:40712` once read as a
proxy failure."""


def _explain_connect(text: str) -> Text:
    if any(
        w in text
        for w in ("gaierror", "name or service", "getaddrinfo", "nodename", "resolve", "dns")
    ):
        return Text("DNS: the host name does not resolve. Check the spelling of the URL.")
    if any(w in text for w in ("ssl", "tls", "certificate", "handshake")):
        return Text(
            "TLS: the server's certificate was not accepted. If your network inspects "
            "TLS, set the custom CA bundle; check the URL uses the right host."
        )
    if "proxy" in text or _PROXY_STATUS.search(text):
        return Text("Proxy: the proxy refused or failed the connection. Check the proxy setting.")
    if "refused" in text:
        return Text(
            "Connection refused: nothing listens at that address and port. Is the server "
            "running, and the port right?"
        )
    return Text("The host could not be reached. Check the URL, your network and the proxy setting.")
