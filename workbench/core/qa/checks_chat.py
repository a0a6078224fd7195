"""Chat checks: a plain answer, streaming, RAG citations, tools, max_tokens, stop sequences and
the same prompt through each chat route the deployment offers."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from workbench.api import flavour_traits
from workbench.api.models import (
    ChatMessage,
    ChatRequest,
    Flavour,
    GenerationParams,
    ToolCall,
    ToolResult,
    ToolSpec,
)
from workbench.core.citations import cites_answer, resolve_citations
from workbench.core.qa.context import Fail, Skip

if TYPE_CHECKING:
    from workbench.api.stream import ChatSnapshot
    from workbench.core.qa.context import QaContext

PROMPT = "In two sentences, what does a reranker do in a search system?"
_SETTLED = GenerationParams(temperature=0.0, seed=42, max_tokens=200)
_STOPPED = {"MAX_TOKENS", "LENGTH"}
_STOP_SEQUENCE = {"STOP_SEQUENCE", "STOP"}
DOCUMENTS = (
    {
        "id": "qa-plans",
        "title": "Plans",
        "text": "The Team plan includes single sign-on and "
        "audit logs. The Starter plan includes neither.",
    },
    {
        "id": "qa-prices",
        "title": "Prices",
        "text": "The Team plan costs 12 euros per user per month; the Starter plan is free.",
    },
)
WEATHER = ToolSpec(
    name="get_weather",
    description="The current weather in a city.",
    parameters={
        "type": "object",
        "properties": {"city": {"type": "string", "description": "The city's name"}},
        "required": ["city"],
    },
)
WEATHER_RESULT = {"city": "Lisbon", "temperature_c": 21, "conditions": "sunny"}


def _settled(message: str | None, **changes: object) -> ChatRequest:
    return ChatRequest(message=message, params=_SETTLED.model_copy(update=changes))


async def plain_answer(ctx: QaContext) -> ChatSnapshot:
    """The non-streamed answer to PROMPT (asked once, shared by several checks)."""
    if "chat.plain" not in ctx.memo:
        await ctx.require("chat")
        ctx.memo["chat.plain"] = await ctx.send.chat(ctx.client, _settled(PROMPT), "plain prompt")
    snap: ChatSnapshot = ctx.memo["chat.plain"]
    return snap


async def plain(ctx: QaContext) -> str:
    """A plain prompt gets a non-empty answer that ends normally."""
    snap = await plain_answer(ctx)
    if snap.error:
        raise Fail(f"the answer reports a failure: {snap.error}")
    if not snap.text.strip():
        raise Fail(f"the answer is empty (finish reason {snap.finish_reason})")
    return f"{len(snap.text)} characters, finish reason {snap.finish_reason}: {snap.text[:120]!r}"


async def streaming(ctx: QaContext) -> str:
    """A streamed answer is well formed, ends with its final event and equals the final text."""
    await ctx.require("chat")
    run = await ctx.send.stream(ctx.client, _settled(PROMPT), "the plain prompt, streamed")
    snap = run.snapshot
    if run.error is not None:
        raise Fail(f"the stream broke after {snap.event_count} events: {run.error}")
    if not snap.done:
        raise Fail(f"the stream ended after {snap.event_count} events without its final event")
    if snap.error:
        raise Fail(f"the stream reported a failure: {snap.error}")
    final, source = _final_text(snap)
    if final is None:
        final, source = (await plain_answer(ctx)).text, "the non-streamed answer"
    if snap.text != final:
        at = next(
            (i for i, (a, b) in enumerate(zip(snap.text, final, strict=False)) if a != b), None
        )
        at = min(len(snap.text), len(final)) if at is None else at
        raise Fail(
            f"the streamed text differs from {source} at character {at}: "
            f"{snap.text[at : at + 40]!r} vs {final[at : at + 40]!r}"
        )
    unknown = f"; {snap.unknown_events} unknown event(s) skipped" if snap.unknown_events else ""
    ttft = run.ttft_s()
    first = f", first token after {ttft * 1000:.0f} ms" if ttft is not None else ""
    return f"{snap.event_count} events, a final event{first}; text equals {source}{unknown}"


def _final_text(snap: ChatSnapshot) -> tuple[str | None, str]:
    """The whole text a final stream event carries, where the flavour sends one."""
    raw = snap.raw or {}
    response = raw.get("response")
    if isinstance(response, dict) and isinstance(response.get("text"), str):
        return response["text"], "the final event's text"
    return None, ""


async def rag(ctx: QaContext) -> str:
    """Citations lie within the answer, quote it exactly and cite documents that were sent."""
    if not ctx.traits.documents:
        raise Skip(f"the {ctx.traits.short_label} route takes no RAG documents")
    await ctx.require("chat")
    request = ChatRequest(
        message="Which plan includes single sign-on, and what does it cost?",
        documents=[dict(d) for d in DOCUMENTS],
        params=_SETTLED,
    )
    snap = await ctx.send.chat(ctx.client, request, "2 documents")
    cited = [c for c in snap.citations if cites_answer(c)]
    if not cited:
        raise Fail(f"the answer cites nothing: {snap.text[:160]!r}")
    problems = _citation_problems(snap.text, cited, {d["id"] for d in DOCUMENTS})
    if problems:
        wrong = len({p.split(":")[0].split(" cites")[0] for p in problems})
        raise Fail(f"{wrong} of {len(cited)} citations are wrong — " + "; ".join(problems[:4]))
    return f"{len(cited)} citations, each on its text and citing documents sent"


def _citation_problems(text: str, cited: list, sent: set[str]) -> list[str]:  # type: ignore[type-arg]
    problems = []
    placed = resolve_citations(text, cited)
    for i, (c, span) in enumerate(zip(cited, placed.spans, strict=True)):
        if not 0 <= c.start <= c.end <= len(text):
            problems.append(f"citation {i}: offsets {c.start}..{c.end} outside the answer")
        elif span.anchoring not in {"code_points", "utf16"}:
            problems.append(
                f"citation {i}: answer[{c.start}:{c.end}] is {text[c.start : c.end]!r}, "
                f"the citation says {c.text!r}"
            )
        unknown = [d for d in c.document_ids if d and d not in sent]
        if unknown:
            problems.append(f"citation {i} cites {', '.join(unknown)}, which was never sent")
    return problems


async def tools(ctx: QaContext) -> str:
    """A tool call with valid arguments, and its result sent back gets an answer that uses it."""
    await ctx.require("chat")
    ask = "What is the weather in Lisbon right now? Use the get_weather tool."
    first = ChatRequest(message=ask, tools=[WEATHER], params=_SETTLED)
    snap = await ctx.send.chat(ctx.client, first, "get_weather offered")
    if not snap.tool_calls:
        raise Fail(f"no tool call: the model answered {snap.text[:160]!r}")
    state = snap.tool_calls[0]
    if state.name != WEATHER.name:
        raise Fail(f"the model called {state.name!r}, a tool that was not offered")
    try:
        arguments = json.loads(state.arguments_json or "{}")
    except ValueError:
        raise Fail(f"the arguments are not JSON: {state.arguments_json[:160]!r}") from None
    if not isinstance(arguments, dict) or not isinstance(arguments.get("city"), str):
        raise Fail(f"the arguments miss the required string 'city': {arguments!r}")
    call = ToolCall(id=state.id, name=state.name, parameters=arguments)
    second = ChatRequest(
        history=[
            ChatMessage(role="user", content=ask),
            ChatMessage(role="assistant", tool_plan=snap.tool_plan or None, tool_calls=[call]),
        ],
        tools=[WEATHER],
        tool_results=[ToolResult(call=call, outputs=[WEATHER_RESULT])],
        params=_SETTLED,
    )
    answer = await ctx.send.chat(ctx.client, second, "the tool's result sent back")
    if not re.search(r"21|sunny", answer.text, re.IGNORECASE):
        raise Fail(f"the answer does not use the result (21 °C, sunny): {answer.text[:160]!r}")
    return f"get_weather({json.dumps(arguments)}) called; the answer uses the result: {answer.text[:100]!r}"


async def max_tokens(ctx: QaContext) -> str:
    """`max_tokens` cuts the answer short and says so."""
    await ctx.require("chat")
    request = _settled("Write a long essay about the history of rivers and bridges.", max_tokens=5)
    snap = await ctx.send.chat(ctx.client, request, "max_tokens 5")
    reason = (snap.finish_reason or "").upper()
    used = snap.usage.output_tokens if snap.usage is not None else None
    if used is not None and used > 5:
        raise Fail(f"max_tokens 5, but {used:g} output tokens were billed")
    if reason not in _STOPPED:
        raise Fail(f"max_tokens 5 ended with finish reason {snap.finish_reason!r}, not MAX_TOKENS")
    return (
        f"cut short: finish reason {snap.finish_reason}, {used if used is not None else '?'} tokens"
    )


async def stop_sequences(ctx: QaContext) -> str:
    """A stop sequence taken from the plain answer ends the answer before it."""
    if ctx.traits.stop_sequence_limit < 1:
        raise Skip("the flavour takes no stop sequences")
    plain_text = (await plain_answer(ctx)).text
    words = [w for w in re.findall(r"[A-Za-z]{5,}", plain_text)[3:] if w in plain_text]
    if not words:
        raise Skip("the plain answer is too short to pick a stop sequence from")
    stop = words[0]
    request = _settled(PROMPT, stop_sequences=[stop])
    snap = await ctx.send.chat(ctx.client, request, f"stop_sequences [{stop!r}]")
    if stop in snap.text:
        raise Fail(f"the answer goes on past the stop sequence {stop!r}: {snap.text[:160]!r}")
    return f"stopped before {stop!r} (finish reason {snap.finish_reason}): {snap.text[-60:]!r}"


async def routes(ctx: QaContext) -> str:
    """The same prompt through each other chat route the deployment offers is answered too."""
    await ctx.require("chat")
    own = ctx.traits.routes.chat
    others = [f for f in Flavour if flavour_traits(f).routes.chat != own]
    mine = await plain_answer(ctx)
    said, missing = [], []
    for other in others:
        client = ctx.client_with(flavour=other)
        route = flavour_traits(other).routes.chat
        probe = await ctx.send.raw(client, "POST", "chat", {}, f"does {route} exist?")
        if probe.status == 404:
            missing.append(route)
            continue
        snap = await ctx.send.chat(client, _settled(PROMPT), f"the plain prompt through {route}")
        if not snap.text.strip():
            raise Fail(f"{route} gave an empty answer (finish reason {snap.finish_reason})")
        same = "the same text" if snap.text == mine.text else "a different text"
        said.append(f"{route} answered ({len(snap.text)} characters, {same})")
    if not said:
        raise Skip(f"the deployment offers no other chat route ({', '.join(missing)}: 404)")
    return f"{own} answered; " + "; ".join(said)
