"""Stream transcripts written from the wire spec, one per flavour, plus helpers to run them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from workbench.api.errors import ProtocolError
from workbench.api.flavours import decode_events
from workbench.api.stream import ChatSnapshot, accumulate

if TYPE_CHECKING:
    from workbench.api.events import StreamEvent
    from workbench.api.models import Flavour

ANSWER = "Paris 🇫🇷 is the capital."
"""An answer with characters outside the Basic Multilingual Plane before the cited span."""
CITED = "the capital"
CITE_START = ANSWER.index(CITED)


def sse(objects: list[dict[str, Any]], *, named: bool = True, eol: str = "\n") -> bytes:
    """Objects as server-sent events (with `event:` lines when named)."""
    out = []
    for obj in objects:
        kind = obj.get("type") or obj.get("event_type")
        head = f"event: {kind}{eol}" if named and kind else ""
        out.append(f"{head}data: {json.dumps(obj, ensure_ascii=False)}{eol}{eol}")
    return "".join(out).encode()


def ndjson(objects: list[dict[str, Any]]) -> bytes:
    """Objects as JSON lines."""
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects).encode()


V1_EVENTS: list[dict[str, Any]] = [
    {"is_finished": False, "event_type": "stream-start", "generation_id": "gen-1"},
    {
        "is_finished": False,
        "event_type": "search-queries-generation",
        "search_queries": [{"text": "capital of France", "generation_id": "gen-1"}],
    },
    {
        "is_finished": False,
        "event_type": "search-results",
        "search_results": [{"document_ids": ["doc_0"]}],
        "documents": [{"id": "doc_0", "text": "Paris is the capital of France."}],
    },
    {"is_finished": False, "event_type": "text-generation", "text": "Paris 🇫🇷 "},
    {"is_finished": False, "event_type": "text-generation", "text": "is the capital."},
    {
        "is_finished": False,
        "event_type": "citation-generation",
        "citations": [
            {
                "start": CITE_START,
                "end": CITE_START + len(CITED),
                "text": CITED,
                "document_ids": ["doc_0"],
            }
        ],
    },
    {
        "is_finished": True,
        "event_type": "stream-end",
        "finish_reason": "COMPLETE",
        "response": {
            "response_id": "r-1",
            "text": ANSWER,
            "meta": {"billed_units": {"input_tokens": 12.0, "output_tokens": 8.0}},
        },
    },
]

V1_TOOL_EVENTS: list[dict[str, Any]] = [
    {"event_type": "stream-start", "generation_id": "gen-2"},
    {"event_type": "tool-calls-chunk", "text": "I will look "},
    {"event_type": "tool-calls-chunk", "text": "up the weather."},
    {"event_type": "tool-calls-chunk", "tool_call_delta": {"index": 0, "name": "get_weather"}},
    {"event_type": "tool-calls-chunk", "tool_call_delta": {"index": 0, "parameters": '{"city": '}},
    {"event_type": "tool-calls-chunk", "tool_call_delta": {"index": 0, "parameters": '"Paris"}'}},
    {
        "event_type": "tool-calls-generation",
        "text": "I will look up the weather.",
        "tool_calls": [{"name": "get_weather", "parameters": {"city": "Paris"}}],
    },
    {"event_type": "stream-end", "finish_reason": "COMPLETE", "response": {}},
]


def _v2(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **fields}


V2_EVENTS: list[dict[str, Any]] = [
    _v2("message-start", id="msg-1", delta={"message": {"role": "assistant"}}),
    _v2(
        "content-start",
        index=0,
        delta={"message": {"content": {"type": "thinking", "thinking": ""}}},
    ),
    _v2("content-delta", index=0, delta={"message": {"content": {"thinking": "Recall… "}}}),
    _v2("content-end", index=0),
    _v2("content-start", index=1, delta={"message": {"content": {"type": "text", "text": ""}}}),
    _v2("content-delta", index=1, delta={"message": {"content": {"text": "Paris 🇫🇷 "}}}),
    _v2("content-delta", index=1, delta={"message": {"content": {"text": "is the capital."}}}),
    _v2(
        "citation-start",
        index=0,
        delta={
            "message": {
                "citations": {
                    "start": CITE_START,
                    "end": CITE_START + len(CITED),
                    "text": CITED,
                    "type": "TEXT_CONTENT",
                    "sources": [
                        {
                            "type": "document",
                            "id": "doc-a",
                            "document": {"id": "doc-a", "text": "..."},
                        }
                    ],
                }
            }
        },
    ),
    _v2("citation-end", index=0),
    _v2("content-end", index=1),
    _v2(
        "message-end",
        delta={
            "finish_reason": "COMPLETE",
            "usage": {
                "billed_units": {"input_tokens": 10, "output_tokens": 5.0},
                "tokens": {"input_tokens": 120.0, "output_tokens": 7.0},
            },
        },
    ),
]

V2_TOOL_EVENTS: list[dict[str, Any]] = [
    _v2("message-start", id="msg-2"),
    _v2("tool-plan-delta", delta={"message": {"tool_plan": "I will call get_weather."}}),
    _v2(
        "tool-call-start",
        index=0,
        delta={
            "message": {
                "tool_calls": {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": ""},
                }
            }
        },
    ),
    _v2(
        "tool-call-delta",
        index=0,
        delta={"message": {"tool_calls": {"function": {"arguments": '{"city"'}}}},
    ),
    _v2(
        "tool-call-delta",
        index=0,
        delta={"message": {"tool_calls": {"function": {"arguments": ': "Paris"}'}}}},
    ),
    _v2("tool-call-end", index=0),
    _v2("message-end", delta={"finish_reason": "TOOL_CALL"}),
]


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "cmpl-1",
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


OPENAI_EVENTS: list[dict[str, Any]] = [
    _chunk({"role": "assistant", "content": ""}),
    _chunk({"content": "Paris 🇫🇷 "}),
    _chunk({"content": "is the capital."}),
    _chunk({}, "stop"),
    {
        "id": "cmpl-1",
        "object": "chat.completion.chunk",
        "choices": [],
        "usage": {"prompt_tokens": 9, "completion_tokens": 6.0, "total_tokens": 15},
    },
]

OPENAI_TOOL_EVENTS: list[dict[str, Any]] = [
    _chunk(
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "index": 0,
                    "id": "call_9",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": ""},
                }
            ],
        }
    ),
    # llama.cpp repeats id and name in every chunk: only arguments may be appended.
    _chunk(
        {
            "tool_calls": [
                {
                    "index": 0,
                    "id": "call_9",
                    "function": {"name": "get_weather", "arguments": '{"city":'},
                }
            ]
        }
    ),
    _chunk({"tool_calls": [{"index": 0, "function": {"arguments": ' "Paris"}'}}]}),
    _chunk({}, "tool_calls"),
]


def openai_body(objects: list[dict[str, Any]], *, done: bool = True) -> bytes:
    """OpenAI chunks as `data:` lines ending with `data: [DONE]`."""
    return sse(objects, named=False) + (b"data: [DONE]\n\n" if done else b"")


def run(
    flavour: Flavour, body: bytes, chunk_size: int = 0
) -> tuple[list[StreamEvent], ChatSnapshot, ProtocolError | None]:
    """Decode and fold a body; returns the events, the snapshot and the error that ended it."""
    chunks = (
        [body[i : i + chunk_size] for i in range(0, len(body), chunk_size)]
        if chunk_size
        else [body]
    )
    events: list[StreamEvent] = []
    snapshot = ChatSnapshot()
    try:
        for event in decode_events(flavour, chunks):
            events.append(event)
            snapshot = accumulate(snapshot, event)
    except ProtocolError as exc:
        return events, snapshot, exc
    return events, snapshot, None
