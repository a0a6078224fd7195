"""Error checks: a malformed request gets a 4xx with a message; an unknown parameter is handled
as the endpoint's `extra-parameters` setting says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import RateLimited, StatusError, server_message_from_body
from workbench.api.models import ChatRequest, GenerationParams
from workbench.api.text import Text
from workbench.core.qa.context import Fail, Skip

if TYPE_CHECKING:
    from workbench.core.qa.context import QaContext

UNKNOWN_PARAMETER = "qa_unknown_parameter"
_MALFORMED = {
    "chat": {"message": 42, "messages": "not a list", "max_tokens": "many"},
    "rerank": {"query": 42, "documents": "not a list", "top_n": "many"},
}


async def malformed(ctx: QaContext) -> Text:
    """A malformed request is refused with a 4xx that says what is wrong."""
    kind = "chat" if await ctx.serves("chat") else "rerank"
    if not await ctx.serves(kind):
        raise Skip(Text("the deployment serves neither chat nor rerank"))
    body = {**_MALFORMED[kind], **({"model": ctx.connection.model} if ctx.connection.model else {})}
    answer = await ctx.send.raw(ctx.client, "POST", kind, body, Text("wrong field types"))
    message, _request_id = server_message_from_body(answer.text.encode())
    status, said = str(answer.status), repr(answer.text[:160])
    if not 400 <= answer.status < 500:
        raise Fail(Text("a malformed request got HTTP %1, not a 4xx: %2", status, said))
    if not message.strip():
        raise Fail(Text("HTTP %1 came without a message: %2", status, said))
    return Text("HTTP %1: %2", status, message[:160])


async def extra_parameters(ctx: QaContext) -> Text:
    """An unknown parameter is refused, dropped or passed on as `extra-parameters` says."""
    await ctx.require("chat")
    setting = ctx.connection.extra_parameters
    params = GenerationParams(max_tokens=5, extra={UNKNOWN_PARAMETER: 1})
    request = ChatRequest(message="Say OK.", params=params)
    sent = setting or Text("(not sent)")
    label = Text("unknown parameter %1, extra-parameters: %2", UNKNOWN_PARAMETER, sent)
    try:
        await ctx.send.chat(ctx.client, request, label)
    except RateLimited:
        raise
    except StatusError as exc:
        status = str(exc.status)
        refused = Text("refused with HTTP %1: %2", status, exc.server_message[:160])
        if (exc.status or 0) >= 500:
            failed = Text(
                "the server failed instead of handling the unknown parameter: %1", str(exc)
            )
            raise Fail(failed, error=exc) from None
        if setting in {"drop", "pass-through"}:
            raise Fail(
                Text(
                    "extra-parameters is %1, yet the unknown parameter was %2",
                    str(setting),
                    refused,
                )
            ) from None
        return _with_default_note(Text("the unknown parameter was %1", refused), setting)
    if setting == "error":
        raise Fail(Text("extra-parameters is error, yet the unknown parameter was accepted"))
    return _with_default_note(Text("the unknown parameter was accepted"), setting)


def _with_default_note(said: Text, setting: str | None) -> Text:
    if setting:
        return Text("%1, as extra-parameters: %2 asks", said, setting)
    return Text(
        "%1 (the endpoint sends no extra-parameters header, so the server's default applies)",
        said,
    )
