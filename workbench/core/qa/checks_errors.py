"""Error checks: a malformed request gets a 4xx with a message; an unknown parameter is handled
as the endpoint's `extra-parameters` setting says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import RateLimited, StatusError, server_message_from_body
from workbench.api.models import ChatRequest, GenerationParams
from workbench.core.qa.context import Fail, Skip

if TYPE_CHECKING:
    from workbench.core.qa.context import QaContext

UNKNOWN_PARAMETER = "qa_unknown_parameter"
_MALFORMED = {
    "chat": {"message": 42, "messages": "not a list", "max_tokens": "many"},
    "rerank": {"query": 42, "documents": "not a list", "top_n": "many"},
}


async def malformed(ctx: QaContext) -> str:
    """A malformed request is refused with a 4xx that says what is wrong."""
    kind = "chat" if await ctx.serves("chat") else "rerank"
    if not await ctx.serves(kind):
        raise Skip("the deployment serves neither chat nor rerank")
    body = {**_MALFORMED[kind], **({"model": ctx.connection.model} if ctx.connection.model else {})}
    answer = await ctx.send.raw(ctx.client, "POST", kind, body, "wrong field types")
    message, _request_id = server_message_from_body(answer.text.encode())
    if not 400 <= answer.status < 500:
        raise Fail(
            f"a malformed request got HTTP {answer.status}, not a 4xx: {answer.text[:160]!r}"
        )
    if not message.strip():
        raise Fail(f"HTTP {answer.status} came without a message: {answer.text[:160]!r}")
    return f"HTTP {answer.status}: {message[:160]}"


async def extra_parameters(ctx: QaContext) -> str:
    """An unknown parameter is refused, dropped or passed on as `extra-parameters` says."""
    await ctx.require("chat")
    setting = ctx.connection.extra_parameters
    params = GenerationParams(max_tokens=5, extra={UNKNOWN_PARAMETER: 1})
    request = ChatRequest(message="Say OK.", params=params)
    label = f"unknown parameter {UNKNOWN_PARAMETER}, extra-parameters: {setting or '(not sent)'}"
    try:
        await ctx.send.chat(ctx.client, request, label)
    except RateLimited:
        raise
    except StatusError as exc:
        refused = f"refused with HTTP {exc.status}: {exc.server_message[:160]}"
        if (exc.status or 0) >= 500:
            raise Fail(
                f"the server failed instead of handling the unknown parameter: {exc}"
            ) from None
        if setting in {"drop", "pass-through"}:
            raise Fail(
                f"extra-parameters is {setting}, yet the unknown parameter was {refused}"
            ) from None
        return f"the unknown parameter was {refused}" + _default_note(setting)
    if setting == "error":
        raise Fail("extra-parameters is error, yet the unknown parameter was accepted")
    return "the unknown parameter was accepted" + _default_note(setting)


def _default_note(setting: str | None) -> str:
    if setting:
        return f", as extra-parameters: {setting} asks"
    return " (the endpoint sends no extra-parameters header, so the server's default applies)"
