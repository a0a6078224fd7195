"""Connection checks: reachability, TLS, the key (and a wrong one refused), /info, the model."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from workbench.api import jsontext
from workbench.api.errors import AuthError
from workbench.api.models import AuthScheme, ChatRequest, GenerationParams, RerankRequest
from workbench.core.qa.context import WRONG_KEY, Fail, Skip, model_name

if TYPE_CHECKING:
    from workbench.api.client import WorkbenchClient
    from workbench.core.qa.context import QaContext

_KEYLESS = {AuthScheme.NONE, AuthScheme.ENTRA}


async def reachability(ctx: QaContext) -> str:
    """The server answers HTTP at all (any status)."""
    kind = "info" if ctx.traits.routes.info else "chat"
    method = "GET" if kind == "info" else "POST"
    answer = await ctx.send.raw(ctx.client, method, kind, None if kind == "info" else {}, "hello")
    return f"the server answered HTTP {answer.status} in {answer.elapsed_ms:.0f} ms"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def tls(ctx: QaContext) -> str:
    """HTTPS with the certificate checked; plain HTTP only on loopback."""
    parts = urlsplit(ctx.client.base_url)
    if parts.scheme != "https":
        if _loopback(parts.hostname or ""):
            raise Skip("plain HTTP to a server on this machine: there is no TLS to check")
        raise Fail("the endpoint uses plain HTTP: the key and every request travel unencrypted")
    verify = ctx.connection.verify
    if verify is False:
        raise Fail("certificate checks are switched off for this endpoint (CA bundle: none)")
    await ctx.send.raw(ctx.client, "GET", "info", None, "TLS handshake")
    trust = "the system's trust store" if verify is True else "the endpoint's CA bundle"
    return f"TLS handshake done, the certificate verified against {trust}"


async def small_call(ctx: QaContext, client: WorkbenchClient, label: str) -> str:
    """One cheap request of a kind the deployment serves; returns what it was."""
    if await ctx.serves("rerank"):
        request = RerankRequest(query="key check", documents=["one", "two"])
        await ctx.send.rerank(client, request, label)
        return "a 2-document rerank"
    request_chat = ChatRequest(message="Say OK.", params=GenerationParams(max_tokens=5))
    await ctx.send.chat(client, request_chat, label)
    return "a 5-token chat"


async def auth_key(ctx: QaContext) -> str:
    """The endpoint's own key (or token) is accepted."""
    if ctx.connection.auth is AuthScheme.NONE:
        raise Skip("the endpoint is set to send no key")
    try:
        what = await small_call(ctx, ctx.client, "with the endpoint's key")
    except AuthError as exc:
        raise Fail(f"the endpoint's key was refused: {exc}") from None
    return f"{what} with the endpoint's key was answered"


async def auth_wrong_key(ctx: QaContext) -> str:
    """A wrong key is refused with 401 or 403."""
    if ctx.connection.auth in _KEYLESS:
        raise Skip(f"the endpoint authenticates with {ctx.connection.auth.value}, not a key")
    client = ctx.client_with(api_key=WRONG_KEY)
    try:
        what = await small_call(ctx, client, "with a wrong key")
    except AuthError as exc:
        return f"a wrong key was refused with HTTP {exc.status}"
    raise Fail(f"{what} with a wrong key was answered: the deployment does not check keys")


async def info(ctx: QaContext) -> str:
    """`GET /info` answers with the model's name where the route exists."""
    answer = await ctx.send.raw(ctx.client, "GET", "info", None, "GET /info")
    if answer.status == 404:
        raise Skip("the deployment offers no /info route (404)")
    if answer.status >= 300:
        raise Fail(f"/info answered HTTP {answer.status}: {answer.text[:200]}")
    try:
        data = jsontext.loads(answer.text)
    except ValueError:
        raise Fail(f"/info answered something that is not JSON: {answer.text[:200]!r}") from None
    if not isinstance(data, dict):
        raise Fail("/info answered JSON that is not an object")
    name = data.get("model_name")
    ctx.memo["info.model"] = name if isinstance(name, str) else None
    provider = data.get("model_provider_name") or "an unnamed provider"
    if not name:
        raise Fail("/info answered without a model_name")
    return f"/info names the model {name} from {provider} ({data.get('model_type') or 'no type'})"


async def model_identity(ctx: QaContext) -> str:
    """The model the deployment names agrees with the model the endpoint is set to."""
    if "info.model" not in ctx.memo:
        answer = await ctx.send.raw(ctx.client, "GET", "info", None, "GET /info")
        ctx.memo["info.model"] = model_name(answer.text) if answer.status < 300 else None
    said: str | None = ctx.memo["info.model"]
    wanted = ctx.configured_model
    if not said and not wanted:
        raise Skip("nothing names the model: no /info answer and no model set on the endpoint")
    if said and wanted and not _same_model(said, wanted):
        raise Fail(f"the endpoint is set to model {wanted}, but the deployment says it is {said}")
    if said:
        return f"the deployment says it serves {said}" + (f" (as set: {wanted})" if wanted else "")
    return f"the endpoint is set to {wanted}; the deployment does not say which model it serves"


def _same_model(a: str, b: str) -> bool:
    a, b = a.strip().lower(), b.strip().lower()
    return a in b or b in a
