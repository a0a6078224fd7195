"""Two tool calls streamed at once, their argument deltas interleaved: each delta reaches its own
call, in the fold and in every flavour's mapping, while the stream runs and at its end."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.api import transcripts as t
from workbench.api.events import ToolCallCompleted, ToolCallDelta, ToolCallStarted
from workbench.api.models import Flavour, ToolCall
from workbench.api.stream import ChatSnapshot, StreamEvent, accumulate

WEATHER = ('{"city": ', '"Paris"}')
TIME = ('{"zone": ', '"CET"}')
"""Each call's arguments in two pieces; the streams below send W1, T1, T2, W2."""


def _calls(snap: ChatSnapshot) -> list[tuple[int, str, str]]:
    return [(c.index, c.name, c.arguments_json) for c in snap.tool_calls]


def test_the_fold_sends_each_delta_to_the_call_at_its_index() -> None:
    events: list[StreamEvent] = [
        ToolCallStarted(0, "a", "get_weather"),
        ToolCallStarted(1, "b", "get_time"),
        ToolCallDelta(0, WEATHER[0]),
        ToolCallDelta(1, TIME[0]),
        ToolCallDelta(1, TIME[1]),
        ToolCallDelta(0, WEATHER[1]),
    ]
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)
    assert _calls(snap) == [(0, "get_weather", "".join(WEATHER)), (1, "get_time", "".join(TIME))]
    assert [c.parameters() for c in snap.tool_calls] == [{"city": "Paris"}, {"zone": "CET"}]


def test_the_fold_opens_a_call_for_a_delta_at_an_unseen_index() -> None:
    snap = accumulate(ChatSnapshot(), ToolCallStarted(0, "a", "get_weather"))
    snap = accumulate(snap, ToolCallDelta(3, TIME[0]))
    snap = accumulate(snap, ToolCallDelta(0, WEATHER[0]))
    assert _calls(snap) == [(0, "get_weather", WEATHER[0]), (3, "", TIME[0])]


def _v2_call(kind: str, index: int, call: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, "index": index, "delta": {"message": {"tool_calls": call}}}


def _v2_start(index: int, call_id: str, name: str) -> dict[str, Any]:
    function = {"name": name, "arguments": ""}
    return _v2_call(
        "tool-call-start", index, {"id": call_id, "type": "function", "function": function}
    )


def _v2_args(index: int, piece: str) -> dict[str, Any]:
    return _v2_call("tool-call-delta", index, {"function": {"arguments": piece}})


V2 = t.sse(
    [
        {"type": "message-start", "id": "m"},
        _v2_start(0, "a", "get_weather"),
        _v2_start(1, "b", "get_time"),
        _v2_args(0, WEATHER[0]),
        _v2_args(1, TIME[0]),
        _v2_args(1, TIME[1]),
        _v2_args(0, WEATHER[1]),
        {"type": "tool-call-end", "index": 0},
        {"type": "tool-call-end", "index": 1},
        {"type": "message-end", "delta": {"finish_reason": "TOOL_CALL"}},
    ]
)


def _oa_call(index: int, piece: str, call_id: str = "", name: str = "") -> dict[str, Any]:
    call: dict[str, Any] = {"index": index, "function": {"arguments": piece}}
    if call_id:
        call.update(id=call_id, type="function")
        call["function"]["name"] = name
    return call


def _oa_chunk(*calls: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    delta = {"tool_calls": list(calls)} if calls else {}
    return {"id": "c", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


OPENAI = t.openai_body(
    [
        _oa_chunk(_oa_call(0, "", "a", "get_weather")),
        _oa_chunk(_oa_call(1, "", "b", "get_time")),
        _oa_chunk(_oa_call(0, WEATHER[0])),
        # One chunk carrying both calls, the later index first: position in the list is not the index.
        _oa_chunk(_oa_call(1, TIME[0]), _oa_call(0, "")),
        _oa_chunk(_oa_call(1, TIME[1])),
        _oa_chunk(_oa_call(0, WEATHER[1])),
        _oa_chunk(finish="tool_calls"),
    ]
)


def _v1_delta(index: int, **fields: str) -> dict[str, Any]:
    return {"event_type": "tool-calls-chunk", "tool_call_delta": {"index": index, **fields}}


V1 = t.ndjson(
    [
        {"event_type": "stream-start", "generation_id": "g"},
        _v1_delta(0, name="get_weather"),
        _v1_delta(1, name="get_time"),
        _v1_delta(0, parameters=WEATHER[0]),
        _v1_delta(1, parameters=TIME[0]),
        _v1_delta(1, parameters=TIME[1]),
        _v1_delta(0, parameters=WEATHER[1]),
        {
            "event_type": "tool-calls-generation",
            "tool_calls": [
                {"name": "get_weather", "parameters": json.loads("".join(WEATHER))},
                {"name": "get_time", "parameters": json.loads("".join(TIME))},
            ],
        },
        {"event_type": "stream-end", "finish_reason": "COMPLETE", "response": {}},
    ]
)


@pytest.mark.parametrize(
    ("flavour", "body", "ids"),
    [
        (Flavour.COHERE_V1, V1, (None, None)),
        (Flavour.COHERE_V2, V2, ("a", "b")),
        (Flavour.OPENAI, OPENAI, ("a", "b")),
    ],
)
def test_each_flavour_keeps_interleaved_deltas_apart(
    flavour: Flavour, body: bytes, ids: tuple[str | None, str | None]
) -> None:
    events, snap, error = t.run(flavour, body)
    assert error is None
    # While streaming (before any completion could repair the arguments), each call has its own.
    last_delta = max(i for i, e in enumerate(events) if isinstance(e, ToolCallDelta))
    streaming = ChatSnapshot()
    for event in events[: last_delta + 1]:
        streaming = accumulate(streaming, event)
    expected = [(0, "get_weather", "".join(WEATHER)), (1, "get_time", "".join(TIME))]
    assert _calls(streaming) == expected
    # And at the end.
    assert _calls(snap) == expected
    assert [c.id for c in snap.tool_calls] == list(ids)
    assert all(c.complete for c in snap.tool_calls)
    completed = [e for e in events if isinstance(e, ToolCallCompleted)]
    assert completed == [
        ToolCallCompleted(0, ToolCall(id=ids[0], name="get_weather", parameters={"city": "Paris"})),
        ToolCallCompleted(1, ToolCall(id=ids[1], name="get_time", parameters={"zone": "CET"})),
    ]
