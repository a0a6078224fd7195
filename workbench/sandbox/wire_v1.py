"""Cohere v1 chat (`POST /v1/chat`): request reading, the JSON answer, and NDJSON/SSE streams."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

from workbench.sandbox import validate as v
from workbench.sandbox.answer_faults import misplaced
from workbench.sandbox.call import dumps, ndjson
from workbench.sandbox.chat_params import Generation, cohere_generation
from workbench.sandbox.prompt import Answer, Doc, Prompt, ToolOutput
from workbench.sandbox.responder import finish, output_tokens, respond, search_queries
from workbench.sandbox.text import pieces
from workbench.sandbox.tools_schema import v1_tools
from workbench.sandbox.v2_features import Features, shape_answer, v1_features

if TYPE_CHECKING:
    from workbench.sandbox.call import Call

_ROLES = ("USER", "CHATBOT", "SYSTEM", "TOOL")
_STREAM_END_REASONS = frozenset({"COMPLETE", "ERROR_LIMIT", "MAX_TOKENS", "ERROR", "ERROR_TOXIC"})
"""What a v1 `stream-end` says; its `response` keeps the non-streamed answer's own reason."""


def _history(body: dict[str, Any]) -> list[dict[str, Any]]:
    history = v.array(body, "chat_history")
    for i, entry in enumerate(history):
        if not isinstance(entry, dict):
            raise v.bad(f"chat_history[{i}]", "must be an object")
        role = entry.get("role")
        if not isinstance(role, str) or role.upper() not in _ROLES:
            raise v.bad(
                f"chat_history[{i}].role", f"must be one of {', '.join(_ROLES)}, got {role!r}"
            )
        if role.upper() != "TOOL":
            # May be absent on entries carrying tool_calls.
            v.string(entry, "message", at=f"chat_history[{i}]")
    return history


def _documents(body: dict[str, Any]) -> tuple[Doc, ...]:
    docs = []
    for i, doc in enumerate(v.array(body, "documents")):
        if not isinstance(doc, dict):
            raise v.bad(f"documents[{i}]", "must be an object of strings")
        fields = {k: val for k, val in doc.items() if k != "_excludes"}
        for key, value in fields.items():
            if not isinstance(value, str):
                # The reference types v1 chat documents as string-to-string maps.
                raise v.bad(f"documents[{i}].{key}", f"must be a string, got {v.type_name(value)}")
        excludes = v.string_list(doc, "_excludes", at=f"documents[{i}]")
        docs.append(Doc(str(doc.get("id") or f"doc_{i}"), fields, frozenset(map(str, excludes))))
    return tuple(docs)


def _tool_outputs(body: dict[str, Any], turn: int) -> tuple[ToolOutput, ...]:
    outputs = []
    for i, result in enumerate(v.array(body, "tool_results")):
        where = f"tool_results[{i}]"
        call = result.get("call") if isinstance(result, dict) else None
        if not isinstance(call, dict) or not isinstance(call.get("name"), str):
            raise v.bad(f"{where}.call.name", "is required", status=422)
        items = result.get("outputs")
        if not isinstance(items, list):
            raise v.bad(f"{where}.outputs", "must be an array of objects", status=422)
        for j, item in enumerate(items):
            if not isinstance(item, dict):
                raise v.bad(f"{where}.outputs[{j}]", "must be an object")
            # Cohere's ids read tool:result index:turn:output index (e.g. get_weather:0:2:0).
            outputs.append(ToolOutput(f"{call['name']}:{i}:{turn}:{j}", call["name"], item))
    return tuple(outputs)


def _question(message: str, history: list[dict[str, Any]]) -> str:
    if message.strip():
        return message
    users = [h.get("message", "") for h in history if str(h.get("role", "")).upper() == "USER"]
    return str(users[-1]) if users else message


def _read(call: Call) -> tuple[Prompt, Generation, list[dict[str, Any]], Features]:
    body = call.body
    message = v.string(body, "message", need=True) or ""
    if not message and not v.array(body, "tool_results"):
        # What Cohere answers: a turn that sends tool results back may leave the message empty.
        raise v.bad("message", "must not be empty unless tool_results are given")
    v.string(body, "model")
    v.string(body, "preamble")
    v.choice(body, "prompt_truncation", ("OFF", "AUTO", "AUTO_PRESERVE_ORDER"))
    v.choice(body, "safety_mode", ("CONTEXTUAL", "STRICT", "NONE"))
    quality = v.string(body, "citation_quality")
    if quality is not None and quality.upper() not in {
        "ENABLED",
        "DISABLED",
        "ACCURATE",
        "FAST",
        "OFF",
    }:
        raise v.bad(
            "citation_quality",
            f"must be one of ENABLED, DISABLED, ACCURATE, FAST, OFF, got {quality!r}",
        )
    history = _history(body)
    generation = cohere_generation(body)
    prompt = Prompt(
        message=_question(message, history),
        seed=call.seed(generation.seed),
        temperature=generation.temperature,
        documents=_documents(body),
        tools=v1_tools(v.array(body, "tools")),
        tool_outputs=_tool_outputs(body, len(history)),
    )
    return prompt, generation, history, v1_features(body)


def _citations(answer: Answer) -> list[dict[str, Any]]:
    return [
        {
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "document_ids": list(c.source_ids),
            "type": "TEXT_CONTENT",
        }
        for c in answer.citations
    ]


def _cited_documents(prompt: Prompt, answer: Answer) -> list[dict[str, Any]]:
    cited = {i for c in answer.citations for i in c.source_ids}
    docs = [
        {"id": d.id, **{k: val for k, val in d.fields.items() if k != "id"}}
        for d in prompt.documents
        if d.id in cited
    ]
    outs = [{"id": o.source_id, **o.output} for o in prompt.tool_outputs if o.source_id in cited]
    return docs + outs


def _response(
    call: Call, prompt: Prompt, answer: Answer, history: list[dict[str, Any]]
) -> dict[str, Any]:
    text = answer.tool_plan if answer.tool_calls else answer.text
    produced = output_tokens(answer)
    chatbot: dict[str, Any] = {"role": "CHATBOT", "message": text}
    tool_calls = [{"name": c.name, "parameters": c.parameters} for c in answer.tool_calls]
    if tool_calls:
        chatbot["tool_calls"] = tool_calls
    out: dict[str, Any] = {
        "response_id": str(uuid.uuid4()),
        "text": text,
        "generation_id": str(uuid.uuid4()),
        "chat_history": [
            *history,
            {"role": "USER", "message": str(call.body.get("message", ""))},
            chatbot,
        ],
        "finish_reason": "COMPLETE" if answer.tool_calls else answer.finish_reason,
        "meta": {
            "api_version": {"version": "1"},
            "billed_units": {"input_tokens": call.prompt_tokens, "output_tokens": produced},
            "tokens": {"input_tokens": call.prompt_tokens, "output_tokens": produced},
        },
        "token_count": {
            "prompt_tokens": call.prompt_tokens,
            "response_tokens": produced,
            "total_tokens": call.prompt_tokens + produced,
            "billed_tokens": call.prompt_tokens + produced,
        },
    }
    if prompt.documents or prompt.tool_outputs:
        out["citations"] = _citations(answer)
        out["documents"] = _cited_documents(prompt, answer)
    if tool_calls:
        out["tool_calls"] = tool_calls
    if v.boolean(call.body, "return_prompt"):
        out["prompt"] = f"User: {prompt.message}"
    return out


def _search_only(call: Call, prompt: Prompt, history: list[dict[str, Any]]) -> dict[str, Any]:
    answer = Answer(text="", finish_reason="COMPLETE")
    out = _response(call, prompt, answer, history)
    queries = search_queries(prompt.message)
    out["is_search_required"] = bool(queries)
    out["search_queries"] = [{"text": q, "generation_id": out["generation_id"]} for q in queries]
    return out


def _events(response: dict[str, Any], answer: Answer) -> list[dict[str, Any]]:
    def event(kind: str, **fields: Any) -> dict[str, Any]:
        return {"is_finished": False, "event_type": kind, **fields}

    events = [event("stream-start", generation_id=response["generation_id"])]
    if "search_queries" in response:
        events.append(event("search-queries-generation", search_queries=response["search_queries"]))
    events += [event("text-generation", text=p) for p in pieces(answer.text)]
    events += [event("citation-generation", citations=[c]) for c in response.get("citations", [])]
    if answer.tool_calls:
        events += [event("tool-calls-chunk", text=p) for p in pieces(answer.tool_plan)]
        for i, tool_call in enumerate(response["tool_calls"]):
            events.append(
                event("tool-calls-chunk", tool_call_delta={"index": i, "name": tool_call["name"]})
            )
            for part in pieces(dumps(tool_call["parameters"])):
                events.append(
                    event("tool-calls-chunk", tool_call_delta={"index": i, "parameters": part})
                )
        events.append(
            event("tool-calls-generation", text=answer.tool_plan, tool_calls=response["tool_calls"])
        )
    events.append(
        {
            "is_finished": True,
            "event_type": "stream-end",
            "finish_reason": _stream_end_reason(response["finish_reason"]),
            "response": response,
        }
    )
    return events


def _stream_end_reason(reason: str) -> str:
    """The stream-end's reason: a stop sequence's answer ended as asked, so it is COMPLETE."""
    return reason if reason in _STREAM_END_REASONS else "COMPLETE"


async def chat_v1(call: Call) -> Response:
    """Answer `POST /v1/chat`, streamed as NDJSON (or SSE when asked with `Accepts`)."""
    prompt, generation, history, features = _read(call)
    if v.boolean(call.body, "search_queries_only"):
        answer = Answer(text="", finish_reason="COMPLETE")
        response = _search_only(call, prompt, history)
    else:
        broken = call.faults.break_schema > 0
        drafted = shape_answer(respond(prompt), prompt, features, broken=broken)
        answer = finish(drafted, generation.max_tokens, generation.stop_sequences)
        if call.faults.wrong_citations:
            answer = misplaced(answer)
        response = _response(call, prompt, answer, history)
    if not generation.stream:
        return JSONResponse(response)
    events = _events(response, answer)
    if "text/event-stream" in call.request.headers.get("accepts", ""):
        frames = [f"data: {dumps(e)}\n\n".encode() for e in events]
        return call.stream(frames, "text/event-stream", b'data: {"event_type": "text-gener\n\n')
    return call.stream(
        [ndjson(e) for e in events], "application/stream+json", b'{"event_type": "text-gen\n'
    )
