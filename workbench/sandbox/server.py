"""The sandbox's ASGI app: routes for Cohere v1/v2, Azure/OpenAI chat and /info, with auth, quota and faults."""

from __future__ import annotations

import asyncio
import uuid
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from workbench.sandbox.auth import check_auth
from workbench.sandbox.call import Call, Handler
from workbench.sandbox.chat_routes import chat_routes
from workbench.sandbox.errors import Flavour, SandboxHTTPError, error_body
from workbench.sandbox.faults import HEADER, parse_faults, request_faults
from workbench.sandbox.quota import Quota, QuotaDecision
from workbench.sandbox.rerank import rerank_v1, rerank_v2
from workbench.sandbox.text import words
from workbench.sandbox.validate import check_encoding, parse_body

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from workbench.sandbox.config import SandboxConfig

_REQUEST_ID = "sandbox.request_id"
_CLIENT_LEFT = 499
"""The status logged for a request whose client went away (nginx's; never sent)."""

_FAULT_MESSAGES: dict[int, str] = {
    400: "invalid request: the sandbox was asked to reject this request",
    401: "invalid api token",
    403: "forbidden: this key may not call this deployment",
    404: "model not found",
    422: "unprocessable entity: the sandbox was asked to reject this request",
    429: "You are using a Trial key, which is limited to 10 API calls / minute. Please retry later.",
    500: "internal server error, this has been reported to our developers",
    502: "bad gateway: the upstream model server did not answer",
    503: "Service Unavailable: the model is overloaded, please retry in a few seconds",
    504: "gateway timeout: the model did not answer in time",
}


class RequestIdMiddleware:
    """Gives every response, even a 404, an `x-request-id` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Tag the request with a fresh id and add it to the response headers."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = str(uuid.uuid4())
        scope[_REQUEST_ID] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_id)


def flavour_of(path: str) -> Flavour:
    """Which error shape a route speaks: Azure/OpenAI for chat completions and /info, else Cohere."""
    return "openai" if path.endswith(("/chat/completions", "/info")) else "cohere"


def error_response(flavour: Flavour, exc: SandboxHTTPError) -> JSONResponse:
    """The JSON error a real service of `flavour` would send."""
    body = exc.body or error_body(flavour, exc.status, exc.message, exc.param)
    return JSONResponse(body, status_code=exc.status, headers=exc.headers)


def _fault_error(status: int, quota: QuotaDecision) -> SandboxHTTPError:
    message = _FAULT_MESSAGES.get(status, f"the sandbox was asked to fail with status {status}")
    headers = {"Retry-After": "1"} if status in {429, 503} else {}
    if status == 429:
        headers |= {k: v for k, v in quota.headers().items() if k.startswith("x-ratelimit")}
    return SandboxHTTPError(status, message, headers=headers)


def _burst_headers() -> dict[str, str]:
    return {"x-ratelimit-remaining-requests": "0"}


class Sandbox:
    """Shared state of one server: config, quota and default faults."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.quota = Quota(config.rpm, config.tpm)
        self.default_faults = parse_faults(config.default_faults)
        self.burst_refused = 0
        """How many requests the `burst_429` fault has refused so far."""

    def route(self, path: str, handler: Handler, method: str = "POST") -> Route:
        """A route whose handler runs after auth, body parsing, quota and faults."""

        async def endpoint(request: Request) -> Response:
            flavour = flavour_of(request.url.path)
            try:
                return await self._serve(request, handler, method)
            except SandboxHTTPError as exc:
                return error_response(flavour, exc)
            except ClientDisconnect:
                # The client left before its body arrived (an evaluation cancels the other side
                # once one fails): nothing to answer, and not the server's error to report.
                return Response(status_code=_CLIENT_LEFT)

        return Route(path, endpoint, methods=[method])

    async def _serve(self, request: Request, handler: Handler, method: str) -> Response:
        check_auth(self.config.key, self.config.entra_secret, request.headers)
        faults = request_faults(self.default_faults, request.headers.get(HEADER))
        check_encoding(request.headers.get("content-encoding"))
        raw = await request.body()
        body = parse_body(raw) if method == "POST" else {}
        cost = max(1, len(words(raw.decode("utf-8", "replace"))))
        if self.burst_refused < faults.burst_429:
            self.burst_refused += 1
            raise SandboxHTTPError(
                429, _FAULT_MESSAGES[429], headers={"Retry-After": "1"} | _burst_headers()
            )
        decision = self.quota.take(cost)
        if not decision.allowed:
            message = f"Rate limit is exceeded. Try again in {decision.retry_after_s} seconds."
            raise SandboxHTTPError(429, message, headers=decision.headers())
        if faults.delay_ms:
            await asyncio.sleep(faults.delay_ms / 1000)
        if faults.status is not None:
            raise _fault_error(faults.status, decision)
        call = Call(request, body, faults, self.config, request.scope[_REQUEST_ID], cost)
        response = await handler(call)
        response.headers.update(decision.headers())
        return response


async def _info(call: Call) -> Response:
    return JSONResponse(
        {
            "model_name": call.config.chat_model,
            "model_type": "chat-completion",
            "model_provider_name": "Cohere",
        }
    )


async def _rerank_v1(call: Call) -> Response:
    return JSONResponse(rerank_v1(call.body))


async def _rerank_v2(call: Call) -> Response:
    return JSONResponse(rerank_v2(call.body))


async def _not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    message = f"{detail}: {request.method} {request.url.path}"
    return error_response(flavour_of(request.url.path), SandboxHTTPError(status, message))


def build_app(config: SandboxConfig) -> ASGIApp:
    """The sandbox's ASGI application for `config`."""
    sandbox = Sandbox(config)
    routes = [
        sandbox.route("/info", _info, method="GET"),
        sandbox.route("/models/info", _info, method="GET"),
        sandbox.route("/v1/rerank", _rerank_v1),
        sandbox.route("/v2/rerank", _rerank_v2),
        # Azure AI Foundry's provider-prefixed Cohere rerank route (the model names the deployment).
        sandbox.route("/providers/cohere/v2/rerank", _rerank_v2),
        *chat_routes(sandbox),
    ]
    app = Starlette(routes=routes, exception_handlers={404: _not_found, 405: _not_found})
    return RequestIdMiddleware(app)
