"""Connection checks: reachability, TLS, the key (and a wrong one refused), /info, the model."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from workbench.api import jsontext
from workbench.api.errors import AuthError
from workbench.api.models import AuthScheme, ChatRequest, GenerationParams, RerankRequest
from workbench.api.text import Figure, Text
from workbench.core.qa.context import WRONG_KEY, Fail, Skip, model_name

if TYPE_CHECKING:
    from workbench.api.client import WorkbenchClient
    from workbench.core.qa.context import QaContext

_KEYLESS = {AuthScheme.NONE, AuthScheme.ENTRA}


async def reachability(ctx: QaContext) -> Text:
    """The server answers HTTP at all (any status)."""
    kind = "info" if ctx.traits.routes.info else "chat"
    method = "GET" if kind == "info" else "POST"
    body: dict[str, object] | None = None if kind == "info" else {}
    answer = await ctx.send.raw(ctx.client, method, kind, body, Text("hello"))
    took = Figure(answer.elapsed_ms)  # the report never grouped this time ("1234 ms")
    return Text("the server answered HTTP %1 in %2 ms", str(answer.status), took)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def tls(ctx: QaContext) -> Text:
    """HTTPS with the certificate checked; plain HTTP only on loopback."""
    parts = urlsplit(ctx.client.base_url)
    if parts.scheme != "https":
        if _loopback(parts.hostname or ""):
            raise Skip(Text("plain HTTP to a server on this machine: there is no TLS to check"))
        raise Fail(
            Text("the endpoint uses plain HTTP: the key and every request travel unencrypted")
        )
    verify = ctx.connection.verify
    if verify is False:
        raise Fail(Text("certificate checks are switched off for this endpoint (CA bundle: none)"))
    await ctx.send.raw(ctx.client, "GET", "info", None, Text("TLS handshake"))
    if verify is True:
        return Text("TLS handshake done, the certificate verified against the system's trust store")
    return Text("TLS handshake done, the certificate verified against the endpoint's CA bundle")


PLACEHOLDER_MODEL = "model"
"""The model a key check names when the endpoint names none and /info did not say (a wrong key
keeps /info shut too): Cohere's Azure guides send a placeholder, as any name works there. Without
one, a route that wants a name refused the check before it was sent ("needs a model name")."""


async def small_call(ctx: QaContext, client: WorkbenchClient, label: Text) -> Text:
    """One cheap request of a kind the deployment serves; returns what it was."""
    model = client.connection.model
    if await ctx.serves("rerank"):
        request = RerankRequest(query="key check", documents=["one", "two"])
        if not model and ctx.traits.rerank.model_required:
            request = request.model_copy(update={"model": PLACEHOLDER_MODEL})
        await ctx.send.rerank(client, request, label)
        return Text("a 2-document rerank")
    request_chat = ChatRequest(message="Say OK.", params=GenerationParams(max_tokens=5))
    if not model and ctx.traits.model_required:
        request_chat = request_chat.model_copy(update={"model": PLACEHOLDER_MODEL})
    await ctx.send.chat(client, request_chat, label)
    return Text("a 5-token chat")


async def auth_key(ctx: QaContext) -> Text:
    """The endpoint's own key (or token) is accepted."""
    if ctx.connection.auth is AuthScheme.NONE:
        raise Skip(Text("the endpoint is set to send no key"))
    try:
        what = await small_call(ctx, ctx.client, Text("with the endpoint's key"))
    except AuthError as exc:
        raise Fail(Text("the endpoint's key was refused: %1", str(exc)), error=exc) from None
    return Text("%1 with the endpoint's key was answered", what)


async def auth_wrong_key(ctx: QaContext) -> Text:
    """A wrong key is refused with 401 or 403."""
    if ctx.connection.auth in _KEYLESS:
        scheme = ctx.connection.auth.value
        raise Skip(Text("the endpoint authenticates with %1, not a key", scheme))
    client = ctx.client_with(api_key=WRONG_KEY)
    try:
        what = await small_call(ctx, client, Text("with a wrong key"))
    except AuthError as exc:
        return Text("a wrong key was refused with HTTP %1", str(exc.status))
    raise Fail(Text("%1 with a wrong key was answered: the deployment does not check keys", what))


async def info(ctx: QaContext) -> Text:
    """`GET /info` answers with the model's name where the route exists."""
    answer = await ctx.send.raw(ctx.client, "GET", "info", None, "GET /info")
    if answer.status == 404:
        raise Skip(Text("the deployment offers no /info route (404)"))
    if answer.status >= 300:
        raise Fail(Text("/info answered HTTP %1: %2", str(answer.status), answer.text[:200]))
    try:
        data = jsontext.loads(answer.text)
    except ValueError:
        body = repr(answer.text[:200])
        raise Fail(Text("/info answered something that is not JSON: %1", body)) from None
    if not isinstance(data, dict):
        raise Fail(Text("/info answered JSON that is not an object"))
    name = data.get("model_name")
    ctx.memo["info.model"] = name if isinstance(name, str) else None
    if not name:
        raise Fail(Text("/info answered without a model_name"))
    provider = data.get("model_provider_name") or Text("an unnamed provider")
    kind = data.get("model_type") or Text("no type")
    # str() of a provider or type that is not a string, as the f-string wrote it
    return Text("/info names the model %1 from %2 (%3)", str(name), _said(provider), _said(kind))


def _said(value: object) -> Text | str:
    return value if isinstance(value, Text) else str(value)


async def model_identity(ctx: QaContext) -> Text:
    """The model the deployment names agrees with the model the endpoint is set to."""
    if "info.model" not in ctx.memo:
        answer = await ctx.send.raw(ctx.client, "GET", "info", None, "GET /info")
        ctx.memo["info.model"] = model_name(answer.text) if answer.status < 300 else None
    said: str | None = ctx.memo["info.model"]
    wanted = ctx.configured_model
    if not said and not wanted:
        raise Skip(
            Text("nothing names the model: no /info answer and no model set on the endpoint")
        )
    if said and wanted and not _same_model(said, wanted):
        raise Fail(
            Text("the endpoint is set to model %1, but the deployment says it is %2", wanted, said)
        )
    if said and wanted:
        return Text("the deployment says it serves %1 (as set: %2)", said, wanted)
    if said:
        return Text("the deployment says it serves %1", said)
    return Text(
        "the endpoint is set to %1; the deployment does not say which model it serves",
        str(wanted),
    )


def _same_model(a: str, b: str) -> bool:
    a, b = a.strip().lower(), b.strip().lower()
    return a in b or b in a
