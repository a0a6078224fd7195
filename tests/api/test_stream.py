"""Recorded transcripts through framing → flavour → fold, including broken and hostile ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.api import transcripts as t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.events import StreamEvent
from workbench.api.events import (
    CitationsAdded,
    SearchQueriesGenerated,
    SearchResultsReceived,
    StreamEnded,
    StreamFailed,
    StreamStarted,
    TextDelta,
    ThinkingDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    ToolPlanDelta,
    UnknownEvent,
    UsageReported,
)
from workbench.api.models import Citation, Flavour, ToolCall, Usage
from workbench.api.stream import ChatSnapshot, ToolCallState, accumulate
from workbench.api.text import Text


def _kinds(events: Sequence[object]) -> list[str]:
    return [type(e).__name__ for e in events]


@pytest.mark.parametrize(
    "body", [t.ndjson(t.V1_EVENTS), t.sse(t.V1_EVENTS), t.sse(t.V1_EVENTS, named=False)]
)
@pytest.mark.parametrize("chunk_size", [0, 1, 7])
def test_v1_stream_in_either_framing_folds_to_the_answer(body: bytes, chunk_size: int) -> None:
    events, snap, error = t.run(Flavour.COHERE_V1, body, chunk_size)
    assert error is None
    assert _kinds(events) == [
        "StreamStarted", "SearchQueriesGenerated", "SearchResultsReceived", "TextDelta", "TextDelta",
        "CitationsAdded", "UsageReported", "StreamEnded",
    ]  # fmt: skip
    assert snap.text == t.ANSWER
    assert snap.response_id == "gen-1"
    assert snap.search_queries == ("capital of France",)
    assert snap.documents == ({"id": "doc_0", "text": "Paris is the capital of France."},)
    (citation,) = snap.citations
    assert (citation.document_ids, snap.text[citation.start : citation.end]) == (["doc_0"], t.CITED)
    assert snap.usage == Usage(
        input_tokens=12, output_tokens=8, billed_units={"input_tokens": 12, "output_tokens": 8}
    )
    assert (snap.finish_reason, snap.done, snap.error, snap.event_count) == (
        "COMPLETE",
        True,
        None,
        8,
    )
    assert snap.raw is not None
    assert snap.raw["response_id"] == "r-1"


def test_v1_tool_stream_builds_plan_and_call() -> None:
    events, snap, error = t.run(Flavour.COHERE_V1, t.ndjson(t.V1_TOOL_EVENTS))
    assert error is None
    assert snap.tool_plan == "I will look up the weather."  # not doubled by tool-calls-generation
    (call,) = snap.tool_calls
    assert (call.name, call.id, call.complete, call.parameters()) == (
        "get_weather",
        None,
        True,
        {"city": "Paris"},
    )
    assert ToolCallDelta(0, '{"city": ') in events


def test_v1_stream_end_with_error_fails_but_keeps_partial_text() -> None:
    body = t.ndjson([
        {"event_type": "stream-start", "generation_id": "g"},
        {"event_type": "text-generation", "text": "Half an ans"},
        {"event_type": "stream-end", "finish_reason": "ERROR", "response": {"text": "Half an ans"}},
    ])  # fmt: skip
    _, snap, error = t.run(Flavour.COHERE_V1, body)
    assert error is None
    assert snap.text == "Half an ans"
    assert snap.error is not None
    assert "ERROR" in str(snap.error)
    assert (snap.done, snap.finish_reason) == (True, "ERROR")


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_v2_stream_folds_thinking_text_citations_and_usage(eol: str) -> None:
    body = (
        b": ping"
        + eol.encode() * 2
        + t.sse(t.V2_EVENTS, eol=eol)
        + f"data: [DONE]{eol}{eol}".encode()
    )
    events, snap, error = t.run(Flavour.COHERE_V2, body, chunk_size=5)
    assert error is None
    assert _kinds(events) == [
        "StreamStarted", "ThinkingDelta", "TextDelta", "TextDelta", "CitationsAdded", "UsageReported", "StreamEnded",
    ]  # fmt: skip
    assert (snap.text, snap.thinking, snap.response_id) == (t.ANSWER, "Recall… ", "msg-1")
    (citation,) = snap.citations
    assert citation.document_ids == ["doc-a"]
    assert citation.type == "TEXT_CONTENT"
    assert snap.text[citation.start : citation.end] == t.CITED
    assert citation.model_extra is not None
    assert citation.model_extra["sources"][0]["id"] == "doc-a"
    assert snap.usage is not None
    assert (snap.usage.input_tokens, snap.usage.billed_units["output_tokens"]) == (120.0, 5.0)


def test_v2_tool_stream_appends_arguments_by_index() -> None:
    events, snap, _ = t.run(Flavour.COHERE_V2, t.sse(t.V2_TOOL_EVENTS))
    assert snap.tool_plan == "I will call get_weather."
    (call,) = snap.tool_calls
    assert (call.id, call.name, call.arguments_json, call.complete) == (
        "call_1",
        "get_weather",
        '{"city": "Paris"}',
        True,
    )
    assert events[-2] == ToolCallCompleted(
        0, ToolCall(id="call_1", name="get_weather", parameters={"city": "Paris"})
    )
    assert snap.finish_reason == "TOOL_CALL"


def test_v2_message_end_with_error_is_a_stream_failure() -> None:
    body = t.sse([
        {"type": "message-start", "id": "m"},
        {"type": "content-delta", "index": 0, "delta": {"message": {"content": {"text": "Par"}}}},
        {"type": "message-end", "delta": {"finish_reason": "ERROR", "error": "internal failure"}},
    ])  # fmt: skip
    events, snap, error = t.run(Flavour.COHERE_V2, body)
    assert error is None
    assert StreamFailed("internal failure") in events
    assert (snap.text, snap.error, snap.done) == ("Par", "internal failure", True)


def test_a_counted_failure_keeps_its_count_once_its_secrets_are_masked() -> None:
    failed = Text("%n chunk(s) failed at %1", "https://h.invalid/?api-key=s3cr3t-v4lue-99", count=2)
    snap = accumulate(ChatSnapshot(), StreamFailed(failed))
    kept = snap.error
    assert isinstance(kept, Text)
    assert kept.count == 2
    assert str(kept).startswith("2 chunks failed at ")
    assert "s3cr3t-v4lue-99" not in str(kept)


def test_unknown_event_types_are_skipped_and_counted() -> None:
    body = t.sse([t.V2_EVENTS[0], {"type": "new-fancy-thing", "x": 1}, *t.V2_EVENTS[1:]])
    _, snap, error = t.run(Flavour.COHERE_V2, body)
    assert error is None
    assert (snap.unknown_events, snap.text) == (1, t.ANSWER)


@pytest.mark.parametrize(
    "fields",
    [
        {"index": "zz"},
        {"index": -1},
        {"index": 1.5},
        {"delta": "text"},
        {"delta": [1]},
        {"delta": {"message": "text"}},
    ],
)
def test_an_unknown_v2_event_is_skipped_whatever_its_fields_hold(fields: dict[str, object]) -> None:
    # Its fields were checked as a known event's before its type was looked at.
    unknown = {"type": "new-fancy-thing", **fields}
    body = t.sse([t.V2_EVENTS[0], unknown, *t.V2_EVENTS[1:]])
    _, snap, error = t.run(Flavour.COHERE_V2, body)
    assert error is None
    assert (snap.unknown_events, snap.text) == (1, t.ANSWER)


def test_stream_cut_mid_line_is_a_protocol_error_after_the_good_events() -> None:
    body = t.sse(t.V2_EVENTS)
    cut = body.index(b"is the capital") + 3
    events, snap, error = t.run(Flavour.COHERE_V2, body[:cut])
    assert error is not None
    assert error.where == f"event 7 (byte {body.rindex(b'event: content-delta', 0, cut)})"
    assert snap.text == "Paris 🇫🇷 "
    assert not snap.done
    assert _kinds(events)[-1] == "TextDelta"


def test_stream_ending_without_its_final_event_is_a_protocol_error() -> None:
    _, snap, error = t.run(Flavour.COHERE_V1, t.ndjson(t.V1_EVENTS[:-1]))
    assert error is not None
    assert "final event" in error.server_message
    assert error.where == f"event 7 (byte {len(t.ndjson(t.V1_EVENTS[:-1]))})"
    assert snap.text == t.ANSWER


def test_bad_json_names_the_event_and_byte() -> None:
    good = t.sse(t.V2_EVENTS[:2])
    _, snap, error = t.run(
        Flavour.COHERE_V2, good + b'data: {"type": "content-delta", \n\n' + t.sse(t.V2_EVENTS[2:])
    )
    assert error is not None
    assert error.where == f"event 3 (byte {len(good)})"
    assert (snap.response_id, snap.event_count) == ("msg-1", 1)  # content-start maps to nothing


def test_openai_stream_with_done_and_usage_chunk() -> None:
    events, snap, error = t.run(Flavour.OPENAI, t.openai_body(t.OPENAI_EVENTS))
    assert error is None
    assert _kinds(events) == [
        "StreamStarted",
        "TextDelta",
        "TextDelta",
        "UsageReported",
        "StreamEnded",
    ]
    assert (snap.text, snap.finish_reason, snap.citations) == (t.ANSWER, "stop", ())
    assert snap.usage == Usage(input_tokens=9, output_tokens=6)


def test_openai_tool_call_takes_id_and_name_once_and_appends_arguments() -> None:
    _, snap, _ = t.run(Flavour.OPENAI, t.openai_body(t.OPENAI_TOOL_EVENTS))
    assert snap.tool_calls == (
        ToolCallState(
            index=0,
            id="call_9",
            name="get_weather",
            arguments_json='{"city": "Paris"}',
            complete=True,
        ),
    )
    assert snap.tool_calls[0].parameters() == {"city": "Paris"}


def test_openai_stream_without_done_after_a_finish_reason_is_accepted() -> None:
    _, snap, error = t.run(Flavour.OPENAI, t.openai_body(t.OPENAI_EVENTS, done=False))
    assert error is None
    assert snap.done


def test_openai_stream_cut_before_finish_is_a_protocol_error() -> None:
    _, snap, error = t.run(Flavour.OPENAI, t.openai_body(t.OPENAI_EVENTS[:2], done=False))
    assert error is not None
    assert snap.text == "Paris 🇫🇷 "


def test_openai_error_frame_fails_the_stream_and_keeps_text() -> None:
    body = (
        t.sse([t.OPENAI_EVENTS[1]], named=False)
        + b'data: {"error": {"code": "overloaded", "message": "try later"}}\n\n'
    )
    _, snap, error = t.run(Flavour.OPENAI, body)
    assert error is None
    assert (snap.text, snap.error, snap.done) == ("Paris 🇫🇷 ", "try later", True)


def test_fold_is_pure_and_starts_empty() -> None:
    start = ChatSnapshot()
    after = accumulate(start, TextDelta("hi"))
    assert (start.text, start.event_count, after.text, after.event_count) == ("", 0, "hi", 1)


def test_fold_handles_every_event_kind_of_a_stream_that_succeeds() -> None:
    citation = Citation(start=0, end=2, text="hi", document_ids=["d"])
    events: list[StreamEvent] = [
        StreamStarted("r"), TextDelta("hi"), ThinkingDelta("hm"), ToolPlanDelta("plan"),
        CitationsAdded((citation,)), ToolCallStarted(1, "c", "f"), ToolCallDelta(1, '{"a"'),
        ToolCallDelta(1, ": 1}"), ToolCallCompleted(1, ToolCall(id="c", name="f", parameters={"a": 1})),
        SearchQueriesGenerated(("q",)), SearchResultsReceived(({"r": 1},), ({"id": "d"},)),
        UsageReported(Usage(input_tokens=1.0)), UnknownEvent("x"), StreamEnded("COMPLETE", {"k": 1}),
    ]  # fmt: skip
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)
    assert (snap.text, snap.thinking, snap.tool_plan, snap.citations) == (
        "hi",
        "hm",
        "plan",
        (citation,),
    )
    assert snap.tool_calls == (ToolCallState(1, "c", "f", '{"a": 1}', True),)
    assert (snap.response_id, snap.usage, snap.finish_reason) == (
        "r",
        Usage(input_tokens=1.0),
        "COMPLETE",
    )
    assert (snap.search_queries, snap.search_results, snap.documents) == (
        ("q",),
        ({"r": 1},),
        ({"id": "d"},),
    )
    assert (snap.unknown_events, snap.event_count, snap.done, snap.raw) == (
        1,
        len(events),
        True,
        {"k": 1},
    )


def test_tool_call_with_broken_json_keeps_the_text_and_has_no_parameters() -> None:
    snap = accumulate(ChatSnapshot(), ToolCallStarted(0, "c", "f"))
    snap = accumulate(snap, ToolCallDelta(0, '{"a": '))
    snap = accumulate(snap, ToolCallCompleted(0, ToolCall(id="c", name="f")))
    assert (snap.tool_calls[0].arguments_json, snap.tool_calls[0].parameters()) == ('{"a": ', None)
