"""Cohere v2 chat (`POST /v2/chat`): request reading, the JSON answer, and the typed SSE stream."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

from workbench.sandbox import validate as v
from workbench.sandbox.answer_faults import misplaced
from workbench.sandbox.call import dumps, sse
from workbench.sandbox.chat_params import Generation, cohere_generation
from workbench.sandbox.prompt import Answer, Doc, Prompt, ToolOutput
from workbench.sandbox.responder import finish, output_tokens, respond
from workbench.sandbox.text import pieces
from workbench.sandbox.tools_schema import function_tools
from workbench.sandbox.v2_features import Features, read_features, shape_answer, thinking_for

if TYPE_CHECKING:
    from workbench.sandbox.call import Call

ROLES = ("system", "user", "assistant", "tool")


def content_text(content: Any, where: str) -> str:
    """The text of a message's `content`: a string or a list of `{type: text, text}` blocks."""
    if content is None or isinstance(content, str):
        return content or ""
    if not isinstance(content, list):
        raise v.bad(where, "must be a string or an array of content blocks")
    texts = []
    for i, block in enumerate(content):
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            raise v.bad(f"{where}[{i}].type", "is required", status=422)
        if block["type"] == "text":
            texts.append(str(block.get("text", "")))
    return "\n".join(texts)


def check_messages(body: dict[str, Any], roles: tuple[str, ...]) -> list[dict[str, Any]]:
    """The `messages` array, each with a known role and a `tool_call_id` on tool messages."""
    messages = v.array(body, "messages", need=True)
    if not messages:
        raise v.bad("messages", "must not be empty")
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            raise v.bad(f"messages[{i}]", "must be an object")
        role = message.get("role")
        if not isinstance(role, str) or role.lower() not in roles:
            raise v.bad(
                f"messages[{i}].role",
                f"must be one of {', '.join(roles)}, got {role!r}",
                status=422,
            )
        if role.lower() == "tool" and not isinstance(message.get("tool_call_id"), str):
            raise v.bad(f"messages[{i}].tool_call_id", "is required for tool messages", status=422)
    for i in range(len(messages)):
        _check_answered(messages, i)
    return messages


def _check_answered(messages: list[dict[str, Any]], at: int) -> None:
    """Refuse tool calls of `messages[at]` that the tool messages right after it leave unanswered."""
    calls = messages[at].get("tool_calls") if messages[at]["role"].lower() == "assistant" else None
    if not isinstance(calls, list):
        return
    answered = set()
    for message in messages[at + 1 :]:
        if message["role"].lower() != "tool":
            break
        answered.add(message["tool_call_id"])
    for k, call in enumerate(calls):
        call_id = call.get("id") if isinstance(call, dict) else None
        if call_id not in answered:
            raise v.bad(
                f"messages[{at}].tool_calls[{k}]",
                f"(id {call_id!r}) has no tool message answering it right after messages[{at}]; "
                "an assistant message with tool_calls must be followed by a tool message "
                "for each call id",
            )


def _check_user_content(messages: list[dict[str, Any]]) -> None:
    for i, message in enumerate(messages):
        if message["role"].lower() == "user" and message.get("content") in (None, "", []):
            raise v.bad(f"messages[{i}].content", "must not be empty for a user message")


def last_user_text(messages: list[dict[str, Any]]) -> tuple[int, str]:
    """Index and text of the last user message (-1 and "" when there is none)."""
    for i in range(len(messages) - 1, -1, -1):
        if messages[i]["role"].lower() == "user":
            return i, content_text(messages[i].get("content"), f"messages[{i}].content")
    return -1, ""


def call_names(messages: list[dict[str, Any]]) -> dict[str, str]:
    """Tool-call id → tool name, from the assistant messages' `tool_calls`."""
    names: dict[str, str] = {}
    for message in messages:
        for tool_call in message.get("tool_calls") or []:
            if isinstance(tool_call, dict) and isinstance(tool_call.get("function"), dict):
                names[str(tool_call.get("id"))] = str(tool_call["function"].get("name", "tool"))
    return names


def _tool_outputs(messages: list[dict[str, Any]], after: int) -> tuple[ToolOutput, ...]:
    names = call_names(messages)
    outputs: list[ToolOutput] = []
    for i in range(after + 1, len(messages)):
        message = messages[i]
        if message["role"].lower() != "tool":
            continue
        call_id = message["tool_call_id"]
        for j, item in enumerate(_tool_items(message.get("content"), f"messages[{i}].content")):
            outputs.append(ToolOutput(f"{call_id}:{j}", names.get(call_id, call_id), item))
    return tuple(outputs)


def _tool_items(content: Any, where: str) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [_as_object(content)]
    items = []
    for i, block in enumerate(content if isinstance(content, list) else []):
        if isinstance(block, dict) and block.get("type") == "document":
            document = block.get("document")
            if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
                raise v.bad(f"{where}[{i}].document.data", "must be an object", status=422)
            items.append(dict(document["data"]))
        elif isinstance(block, dict) and block.get("type") == "text":
            items.append(_as_object(str(block.get("text", ""))))
    return items


def _as_object(text: str) -> dict[str, Any]:
    try:
        value = v.loads(text)
    except json.JSONDecodeError:
        return {"text": text}
    return value if isinstance(value, dict) else {"result": value}


def _documents(body: dict[str, Any]) -> tuple[Doc, ...]:
    docs = []
    for i, doc in enumerate(v.array(body, "documents")):
        if isinstance(doc, str):
            docs.append(Doc(f"doc_{i}", {"text": doc}))
        elif isinstance(doc, dict) and isinstance(doc.get("data"), dict):
            fields = {
                k: val if isinstance(val, str) else dumps(val) for k, val in doc["data"].items()
            }
            docs.append(Doc(str(doc.get("id") or f"doc_{i}"), fields))
        else:
            raise v.bad(f"documents[{i}]", "must be a string or an object with 'data'")
    return tuple(docs)


def _read(call: Call) -> tuple[Prompt, Generation, Features]:
    body = call.body
    v.string(body, "model", need=True)
    messages = check_messages(body, ROLES)
    _check_user_content(messages)
    choice = v.choice(body, "tool_choice", ("REQUIRED", "NONE"))
    features = read_features(body, messages)
    generation = cohere_generation(body)
    at, question = last_user_text(messages)
    prompt = Prompt(
        message=question,
        seed=call.seed(generation.seed),
        temperature=generation.temperature,
        documents=_documents(body),
        tools=function_tools(v.array(body, "tools")),
        tool_outputs=_tool_outputs(messages, at),
        force_tool=choice == "REQUIRED",
        no_tools=choice == "NONE",
    )
    return prompt, generation, features


def _sources(prompt: Prompt, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    sources: list[dict[str, Any]] = []
    for doc in prompt.documents:
        if doc.id in ids:
            sources.append(
                {"type": "document", "id": doc.id, "document": {"id": doc.id, **doc.fields}}
            )
    for out in prompt.tool_outputs:
        if out.source_id in ids:
            sources.append({"type": "tool", "id": out.source_id, "tool_output": out.output})
    known = {s["id"] for s in sources}
    # Only the wrong_citations fault cites ids nobody sent; they are named as such.
    sources += [{"type": "document", "id": i, "document": {"id": i}} for i in ids if i not in known]
    return sources


def _tool_call_id(name: str, index: int, message: str) -> str:
    digest = hashlib.sha256(f"{name}|{index}|{message}".encode()).hexdigest()[:12]
    return f"{name}_{digest}"


def _message(prompt: Prompt, answer: Answer, thinking: str) -> dict[str, Any]:
    # A reasoning model thinks in a content block before its text; on tool turns its plan is
    # that thinking, and no separate tool_plan comes.
    thought = [{"type": "thinking", "thinking": thinking}] if thinking else []
    if answer.tool_calls:
        calls = [
            {
                "id": _tool_call_id(c.name, i, prompt.message),
                "type": "function",
                "function": {"name": c.name, "arguments": dumps(c.parameters)},
            }
            for i, c in enumerate(answer.tool_calls)
        ]
        if thought:
            return {"role": "assistant", "content": thought, "tool_calls": calls}
        return {"role": "assistant", "tool_plan": answer.tool_plan, "tool_calls": calls}
    message: dict[str, Any] = {
        "role": "assistant",
        "content": [*thought, {"type": "text", "text": answer.text}],
    }
    if answer.citations:
        message["citations"] = [
            {
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "sources": _sources(prompt, c.source_ids),
                "type": "TEXT_CONTENT",
                "content_index": len(thought),
            }
            for c in answer.citations
        ]
    return message


def _response(call: Call, prompt: Prompt, answer: Answer, thinking: str) -> dict[str, Any]:
    produced = output_tokens(answer) + len(thinking.split())
    return {
        "id": str(uuid.uuid4()),
        "finish_reason": answer.finish_reason,
        "message": _message(prompt, answer, thinking),
        "usage": {
            "billed_units": {"input_tokens": call.prompt_tokens, "output_tokens": produced},
            "tokens": {"input_tokens": call.prompt_tokens, "output_tokens": produced},
        },
        "meta": {"api_version": {"version": "2"}},
    }


def _events(response: dict[str, Any]) -> list[dict[str, Any]]:
    message = response["message"]
    events: list[dict[str, Any]] = [
        {
            "type": "message-start",
            "id": response["id"],
            "delta": {
                "message": {
                    "role": "assistant",
                    "content": [],
                    "tool_plan": "",
                    "tool_calls": [],
                    "citations": [],
                }
            },
        }
    ]
    blocks = message.get("content", [])
    thought = [b for b in blocks if b["type"] == "thinking"]
    if thought:
        events += _thinking_events(thought[0]["thinking"])
    if any(b["type"] == "text" for b in blocks):
        at = len(thought)
        events.append(
            {
                "type": "content-start",
                "index": at,
                "delta": {"message": {"content": {"type": "text", "text": ""}}},
            }
        )
        events += [
            {"type": "content-delta", "index": at, "delta": {"message": {"content": {"text": p}}}}
            for p in pieces(blocks[at]["text"])
        ]
        for i, citation in enumerate(message.get("citations", [])):
            events.append(
                {
                    "type": "citation-start",
                    "index": i,
                    "delta": {"message": {"citations": citation}},
                }
            )
            events.append({"type": "citation-end", "index": i})
        events.append({"type": "content-end", "index": at})
    events += [
        {"type": "tool-plan-delta", "delta": {"message": {"tool_plan": p}}}
        for p in pieces(message.get("tool_plan", ""))
    ]
    for i, tool_call in enumerate(message.get("tool_calls", [])):
        opened = {**tool_call, "function": {"name": tool_call["function"]["name"], "arguments": ""}}
        events.append(
            {"type": "tool-call-start", "index": i, "delta": {"message": {"tool_calls": opened}}}
        )
        events += [
            {
                "type": "tool-call-delta",
                "index": i,
                "delta": {"message": {"tool_calls": {"function": {"arguments": p}}}},
            }
            for p in pieces(tool_call["function"]["arguments"])
        ]
        events.append({"type": "tool-call-end", "index": i})
    events.append(
        {
            "type": "message-end",
            "id": response["id"],
            "delta": {"finish_reason": response["finish_reason"], "usage": response["usage"]},
        }
    )
    return events


def _thinking_events(thinking: str) -> list[dict[str, Any]]:
    # Both shapes the SDK's stream types allow: the first piece rides on content-start (its
    # content has `thinking`), the rest come as content-delta `thinking`.
    first, *rest = pieces(thinking) or [""]
    start = {"type": "thinking", "thinking": first}
    events: list[dict[str, Any]] = [
        {"type": "content-start", "index": 0, "delta": {"message": {"content": start}}}
    ]
    events += [
        {"type": "content-delta", "index": 0, "delta": {"message": {"content": {"thinking": p}}}}
        for p in rest
    ]
    return [*events, {"type": "content-end", "index": 0}]


async def chat_v2(call: Call) -> Response:
    """Answer `POST /v2/chat`, streamed as typed server-sent events when asked."""
    prompt, generation, features = _read(call)
    drafted = shape_answer(respond(prompt), prompt, features, broken=call.faults.break_schema > 0)
    answer = finish(drafted, generation.max_tokens, generation.stop_sequences)
    if call.faults.wrong_citations:
        answer = misplaced(answer)
    response = _response(call, prompt, answer, thinking_for(answer, prompt, features))
    if not generation.stream:
        return JSONResponse(response)
    frames = [sse(e, event=e["type"]) for e in _events(response)]
    broken = b'event: content-delta\ndata: {"type": "content-delta", "index": 0, "delta": {\n\n'
    return call.stream(frames, "text/event-stream", broken)
