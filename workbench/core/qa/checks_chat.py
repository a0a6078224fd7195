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
from workbench.api.text import Figure, Text
from workbench.core.citations import cites_answer, resolve_citations
from workbench.core.qa.context import Fail, Skip, listed

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
        label = Text("plain prompt")
        ctx.memo["chat.plain"] = await ctx.send.chat(ctx.client, _settled(PROMPT), label)
    snap: ChatSnapshot = ctx.memo["chat.plain"]
    return snap


# Figures go in as `Figure`s, ungrouped in English as the reports always wrote them ("at
# character 1234", "after 1234 ms"); a citation's offsets go in as text, being the answer's
# slice ("answer[12:40]"). A count is the text's `count`: its noun then reads singular or plural
# ("1 event", "2 events").


async def plain(ctx: QaContext) -> Text:
    """A plain prompt gets a non-empty answer that ends normally."""
    snap = await plain_answer(ctx)
    finish = str(snap.finish_reason)
    if snap.error:
        raise Fail(Text("the answer reports a failure: %1", snap.error))
    if not snap.text.strip():
        raise Fail(Text("the answer is empty (finish reason %1)", finish))
    said = repr(snap.text[:120])
    return Text("%n character(s), finish reason %1: %2", finish, said, count=len(snap.text))


async def streaming(ctx: QaContext) -> Text:
    """A streamed answer is well formed, ends with its final event and equals the final text."""
    await ctx.require("chat")
    run = await ctx.send.stream(ctx.client, _settled(PROMPT), Text("the plain prompt, streamed"))
    snap = run.snapshot
    events = snap.event_count
    if run.error is not None:
        broke = Text("the stream broke after %n event(s): %1", str(run.error), count=events)
        raise Fail(broke, error=run.error)
    if not snap.done:
        ended = Text("the stream ended after %n event(s) without its final event", count=events)
        raise Fail(ended)
    if snap.error:
        raise Fail(Text("the stream reported a failure: %1", snap.error))
    final, source = _final_text(snap) or (
        (await plain_answer(ctx)).text,
        Text("the non-streamed answer"),
    )
    if snap.text != final:
        raise Fail(_differs(snap.text, final, source))
    ttft = run.ttft_s()
    if ttft is None:
        said = Text("%n event(s), a final event; text equals %1", source, count=events)
    else:
        first = Figure(ttft * 1000)
        said = Text(
            "%n event(s), a final event, first token after %1 ms; text equals %2",
            first,
            source,
            count=events,
        )
    if snap.unknown_events:
        return Text("%1; %n unknown event(s) skipped", said, count=snap.unknown_events)
    return said


def _differs(streamed: str, final: str, source: Text) -> Text:
    """Where the streamed text first differs from the final one."""
    at = next((i for i, (a, b) in enumerate(zip(streamed, final, strict=False)) if a != b), None)
    at = min(len(streamed), len(final)) if at is None else at
    return Text(
        "the streamed text differs from %1 at character %2: %3 vs %4",
        source,
        Figure(at),
        repr(streamed[at : at + 40]),
        repr(final[at : at + 40]),
    )


def _final_text(snap: ChatSnapshot) -> tuple[str, Text] | None:
    """The whole text a final stream event carries, and so named, where the flavour sends one."""
    raw = snap.raw or {}
    response = raw.get("response")
    if isinstance(response, dict) and isinstance(response.get("text"), str):
        return response["text"], Text("the final event's text")
    return None


async def rag(ctx: QaContext) -> Text:
    """Citations lie within the answer, quote it exactly and cite documents that were sent."""
    if not ctx.traits.documents:
        raise Skip(Text("the %1 route takes no RAG documents", ctx.traits.short_label))
    await ctx.require("chat")
    request = ChatRequest(
        message="Which plan includes single sign-on, and what does it cost?",
        documents=[dict(d) for d in DOCUMENTS],
        params=_SETTLED,
    )
    snap = await ctx.send.chat(ctx.client, request, Text("2 documents"))
    cited = [c for c in snap.citations if cites_answer(c)]
    if not cited:
        raise Fail(Text("the answer cites nothing: %1", repr(snap.text[:160])))
    problems = _citation_problems(snap.text, cited, {d["id"] for d in DOCUMENTS})
    if problems:
        wrong = len({str(p).split(":")[0].split(" cites")[0] for p in problems})
        raise Fail(
            Text(
                "%1 of %n citation(s) wrong — %2",
                Figure(wrong),
                listed(problems[:4]),
                count=len(cited),
            )
        )
    return Text("%n citation(s), each on its text and citing documents sent", count=len(cited))


def _citation_problems(text: str, cited: list, sent: set[str]) -> list[Text]:  # type: ignore[type-arg]
    problems = []
    placed = resolve_citations(text, cited)
    for i, (c, span) in enumerate(zip(cited, placed.spans, strict=True)):
        at, start, end = str(i), str(c.start), str(c.end)
        if not 0 <= c.start <= c.end <= len(text):
            problems.append(Text("citation %1: offsets %2..%3 outside the answer", at, start, end))
        elif span.anchoring not in {"code_points", "utf16"}:
            quoted, says = repr(text[c.start : c.end]), repr(c.text)
            problems.append(
                Text(
                    "citation %1: answer[%2:%3] is %4, the citation says %5",
                    at,
                    start,
                    end,
                    quoted,
                    says,
                )
            )
        unknown = [d for d in c.document_ids if d and d not in sent]
        if unknown:
            never = ", ".join(unknown)
            problems.append(Text("citation %1 cites %2, which was never sent", at, never))
    return problems


async def tools(ctx: QaContext) -> Text:
    """A tool call with valid arguments, and its result sent back gets an answer that uses it."""
    await ctx.require("chat")
    ask = "What is the weather in Lisbon right now? Use the get_weather tool."
    first = ChatRequest(message=ask, tools=[WEATHER], params=_SETTLED)
    snap = await ctx.send.chat(ctx.client, first, Text("get_weather offered"))
    if not snap.tool_calls:
        raise Fail(Text("no tool call: the model answered %1", repr(snap.text[:160])))
    state = snap.tool_calls[0]
    if state.name != WEATHER.name:
        raise Fail(Text("the model called %1, a tool that was not offered", repr(state.name)))
    try:
        arguments = json.loads(state.arguments_json or "{}")
    except ValueError:
        said = repr(state.arguments_json[:160])
        raise Fail(Text("the arguments are not JSON: %1", said)) from None
    if not isinstance(arguments, dict) or not isinstance(arguments.get("city"), str):
        said = repr(arguments)
        raise Fail(Text("the arguments miss the required string 'city': %1", said))
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
    answer = await ctx.send.chat(ctx.client, second, Text("the tool's result sent back"))
    if not re.search(r"21|sunny", answer.text, re.IGNORECASE):
        said = repr(answer.text[:160])
        raise Fail(Text("the answer does not use the result (21 °C, sunny): %1", said))
    called = f"get_weather({json.dumps(arguments)})"
    return Text("%1 called; the answer uses the result: %2", called, repr(answer.text[:100]))


async def max_tokens(ctx: QaContext) -> Text:
    """`max_tokens` cuts the answer short and says so."""
    await ctx.require("chat")
    request = _settled("Write a long essay about the history of rivers and bridges.", max_tokens=5)
    snap = await ctx.send.chat(ctx.client, request, "max_tokens 5")
    reason = (snap.finish_reason or "").upper()
    used = snap.usage.output_tokens if snap.usage is not None else None
    if used is not None and used > 5:
        raise Fail(Text("max_tokens 5, but %1 output tokens were billed", Figure(used, None)))
    if reason not in _STOPPED:
        finish = repr(snap.finish_reason)
        raise Fail(Text("max_tokens 5 ended with finish reason %1, not MAX_TOKENS", finish))
    finish = str(snap.finish_reason)
    if used is None or not used.is_integer():  # not counted, or not a count a noun agrees with
        said = "?" if used is None else Figure(used, None)
        return Text("cut short: finish reason %1, %2 tokens", finish, said)
    return Text("cut short: finish reason %1, %n token(s)", finish, count=int(used))


async def stop_sequences(ctx: QaContext) -> Text:
    """A stop sequence taken from the plain answer ends the answer before it."""
    if ctx.traits.stop_sequence_limit < 1:
        raise Skip(Text("the flavour takes no stop sequences"))
    plain_text = (await plain_answer(ctx)).text
    words = [w for w in re.findall(r"[A-Za-z]{5,}", plain_text)[3:] if w in plain_text]
    if not words:
        raise Skip(Text("the plain answer is too short to pick a stop sequence from"))
    stop = words[0]
    request = _settled(PROMPT, stop_sequences=[stop])
    snap = await ctx.send.chat(ctx.client, request, f"stop_sequences [{stop!r}]")
    if stop in snap.text:
        said = repr(snap.text[:160])
        raise Fail(Text("the answer goes on past the stop sequence %1: %2", repr(stop), said))
    finish, tail = str(snap.finish_reason), repr(snap.text[-60:])
    return Text("stopped before %1 (finish reason %2): %3", repr(stop), finish, tail)


async def routes(ctx: QaContext) -> Text:
    """The same prompt through each other chat route the deployment offers is answered too."""
    await ctx.require("chat")
    own = ctx.traits.routes.chat
    others = [f for f in Flavour if flavour_traits(f).routes.chat != own]
    mine = await plain_answer(ctx)
    said: list[Text | str] = []
    missing = []
    for other in others:
        client = ctx.client_with(flavour=other)
        route = flavour_traits(other).routes.chat
        probe = await ctx.send.raw(client, "POST", "chat", {}, Text("does %1 exist?", route))
        if probe.status == 404:
            missing.append(route)
            continue
        label = Text("the plain prompt through %1", route)
        snap = await ctx.send.chat(client, _settled(PROMPT), label)
        if not snap.text.strip():
            finish = str(snap.finish_reason)
            raise Fail(Text("%1 gave an empty answer (finish reason %2)", route, finish))
        same = Text("the same text") if snap.text == mine.text else Text("a different text")
        answered = Text("%1 answered (%n character(s), %2)", route, same, count=len(snap.text))
        said.append(answered)
    if not said:
        gone = ", ".join(missing)
        raise Skip(Text("the deployment offers no other chat route (%1: 404)", gone))
    return Text("%1 answered; %2", own, listed(said))
