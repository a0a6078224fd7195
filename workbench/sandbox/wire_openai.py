"""Azure/OpenAI-style chat (`POST /chat/completions`): request, JSON answer, `data:` chunk stream."""

from __future__ import annotations

import hashlib
import time
import uuid
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

from workbench.sandbox import validate as v
from workbench.sandbox.call import dumps, sse
from workbench.sandbox.chat_params import Generation, openai_generation
from workbench.sandbox.errors import unsupported_parameter
from workbench.sandbox.prompt import Answer, Prompt, ToolOutput
from workbench.sandbox.responder import finish, output_tokens, respond
from workbench.sandbox.text import pieces
from workbench.sandbox.tools_schema import function_tools
from workbench.sandbox.v2_features import openai_features, shape_answer
from workbench.sandbox.wire_v2 import call_names, check_messages, content_text, last_user_text

if TYPE_CHECKING:
    from workbench.sandbox.call import Call

_ROLES = ("system", "developer", "user", "assistant", "tool")
_FINISH = {
    "COMPLETE": "stop",
    "STOP_SEQUENCE": "stop",
    "MAX_TOKENS": "length",
    "TOOL_CALL": "tool_calls",
}
_KNOWN = frozenset(
    [
        "messages",
        "model",
        "max_tokens",
        "max_completion_tokens",
        "temperature",
        "top_p",
        "stop",
        "seed",
        "frequency_penalty",
        "presence_penalty",
        "tools",
        "tool_choice",
        "response_format",
        "stream",
        "stream_options",
        "n",
        "user",
        "logprobs",
        "top_logprobs",
        "parallel_tool_calls",
        "logit_bias",
    ]
)


def _check_extra(call: Call) -> None:
    # Azure model inference refuses parameters it does not know unless told what to do with them.
    mode = call.request.headers.get("extra-parameters", "error").lower()
    unknown = sorted(set(call.body) - _KNOWN)
    if unknown and mode not in {"drop", "pass-through"}:
        raise unsupported_parameter(unknown[0], call.body[unknown[0]])


def _tool_choice(body: dict[str, Any]) -> str:
    choice = body.get("tool_choice", "auto")
    if isinstance(choice, dict):
        return "required"
    if choice not in {"auto", "none", "required"}:
        raise v.bad("tool_choice", f"must be auto, none, required or a function, got {choice!r}")
    return str(choice)


def _tool_outputs(messages: list[dict[str, Any]], after: int) -> tuple[ToolOutput, ...]:
    names = call_names(messages)
    outputs = []
    for i in range(after + 1, len(messages)):
        if messages[i]["role"].lower() == "tool":
            call_id = messages[i]["tool_call_id"]
            text = content_text(messages[i].get("content"), f"messages[{i}].content")
            outputs.append(ToolOutput(call_id, names.get(call_id, call_id), {"result": text}))
    return tuple(outputs)


def _read(call: Call) -> tuple[Prompt, Generation]:
    _check_extra(call)
    body = call.body
    v.string(body, "model")
    messages = check_messages(body, _ROLES)
    generation = openai_generation(body)
    choice = _tool_choice(body)
    at, question = last_user_text(messages)
    prompt = Prompt(
        message=question,
        seed=call.seed(generation.seed),
        temperature=generation.temperature,
        tools=function_tools(v.array(body, "tools")),
        tool_outputs=_tool_outputs(messages, at),
        force_tool=choice == "required",
        no_tools=choice == "none",
    )
    return prompt, generation


def _call_id(name: str, index: int, message: str) -> str:
    return "call_" + hashlib.sha256(f"{name}|{index}|{message}".encode()).hexdigest()[:24]


def _response(call: Call, prompt: Prompt, answer: Answer) -> dict[str, Any]:
    produced = output_tokens(answer)
    message: dict[str, Any] = {
        "role": "assistant",
        "content": None if answer.tool_calls else answer.text,
    }
    if answer.tool_calls:
        message["tool_calls"] = [
            {
                "id": _call_id(c.name, i, prompt.message),
                "type": "function",
                "function": {"name": c.name, "arguments": dumps(c.parameters)},
            }
            for i, c in enumerate(answer.tool_calls)
        ]
    return {
        "id": "chatcmpl-" + uuid.uuid4().hex,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": str(call.body.get("model") or call.config.chat_model),
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": _FINISH[answer.finish_reason],
                "logprobs": None,
            }
        ],
        "usage": {
            "prompt_tokens": call.prompt_tokens,
            "completion_tokens": produced,
            "total_tokens": call.prompt_tokens + produced,
        },
    }


def _chunks(response: dict[str, Any], include_usage: bool) -> list[dict[str, Any]]:
    base = {k: response[k] for k in ("id", "created", "model")} | {
        "object": "chat.completion.chunk"
    }

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        return {
            **base,
            "choices": [
                {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}
            ],
        }

    choice = response["choices"][0]
    message = choice["message"]
    chunks = [chunk({"role": "assistant", "content": ""})]
    chunks += [chunk({"content": p}) for p in pieces(message["content"] or "")]
    for i, tool_call in enumerate(message.get("tool_calls", [])):
        opened = {
            "index": i,
            "id": tool_call["id"],
            "type": "function",
            "function": {"name": tool_call["function"]["name"], "arguments": ""},
        }
        chunks.append(chunk({"tool_calls": [opened]}))
        chunks += [
            chunk({"tool_calls": [{"index": i, "function": {"arguments": p}}]})
            for p in pieces(tool_call["function"]["arguments"])
        ]
    chunks.append(chunk({}, choice["finish_reason"]))
    if include_usage:
        chunks.append({**base, "choices": [], "usage": response["usage"]})
    return chunks


async def chat_openai(call: Call) -> Response:
    """Answer `POST /chat/completions`, streamed as `data:` chunks ending in `[DONE]` when asked."""
    prompt, generation = _read(call)
    features = openai_features(call.body, call.body["messages"])
    drafted = shape_answer(respond(prompt), prompt, features, broken=call.faults.break_schema > 0)
    answer = finish(drafted, generation.max_tokens, generation.stop_sequences)
    response = _response(call, prompt, answer)
    if not generation.stream:
        return JSONResponse(response)
    options = call.body.get("stream_options") or {}
    include_usage = isinstance(options, dict) and options.get("include_usage") is True
    frames = [sse(c) for c in _chunks(response, include_usage)] + [b"data: [DONE]\n\n"]
    return call.stream(
        frames, "text/event-stream", b'data: {"id": "chatcmpl-broken", "choices": [\n\n'
    )
