"""Hostile values at the wire boundary: each is a ProtocolError naming the event and the field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.api import transcripts as t
from workbench.api.errors import ProtocolError
from workbench.api.events import ToolCallCompleted
from workbench.api.flavours import cohere_v1, cohere_v2, openai_compat
from workbench.api.framing import FrameDecoder, LineSplitter
from workbench.api.models import Flavour, RerankRequest
from workbench.api.stream import ChatSnapshot, accumulate


def _sse_text(*data: str) -> bytes:
    """Raw `data:` lines, so a test can write JSON that `json.dumps` would not (1e999, escapes)."""
    return "".join(f"data: {d}\n\n" for d in data).encode()


def _error(flavour: Flavour, body: bytes) -> ProtocolError:
    _events, _snap, error = t.run(flavour, body)
    assert error is not None
    return error


V1_START = '{"event_type": "stream-start", "generation_id": "g"}'
V2_START = '{"type": "message-start", "id": "m"}'


@pytest.mark.parametrize(
    ("flavour", "frame", "path"),
    [
        (
            Flavour.COHERE_V1,
            '{"event_type": "citation-generation", "citations": [{"start": "abc", "end": 3, "text": "x"}]}',
            "citations[0].start",
        ),
        (
            Flavour.COHERE_V1,
            '{"event_type": "tool-calls-chunk", "tool_call_delta": {"index": "x", "name": "f"}}',
            "tool_call_delta.index",
        ),
        (
            Flavour.COHERE_V1,
            '{"event_type": "stream-end", "finish_reason": "COMPLETE", "response": {"meta": {"billed_units": {"output_tokens": 1e999}}}}',
            "response.meta.billed_units.output_tokens",
        ),
        (
            Flavour.COHERE_V1,
            '{"event_type": "search-queries-generation", "search_queries": [{"text": 5}]}',
            "search_queries[0].text",
        ),
        (
            Flavour.COHERE_V1,
            '{"event_type": "search-queries-generation", "search_queries": [[1]]}',
            "search_queries[0]",
        ),
        (Flavour.COHERE_V1, '{"event_type": "text-generation", "text": 7}', "text"),
        (
            Flavour.COHERE_V1,
            '{"event_type": "search-results", "documents": ["not an object"]}',
            "documents[0]",
        ),
        (
            Flavour.COHERE_V2,
            '{"type": "citation-start", "index": 0, "delta": {"message": {"citations": {"start": -1, "end": 2, "text": "x"}}}}',
            "delta.message.citations.start",
        ),
        (
            Flavour.COHERE_V2,
            '{"type": "tool-call-start", "index": "1", "delta": {"message": {"tool_calls": {"id": "c"}}}}',
            "index",
        ),
        (
            Flavour.COHERE_V2,
            '{"type": "tool-call-start", "index": true, "delta": {}}',
            "index",
        ),
        (
            Flavour.COHERE_V2,
            '{"type": "message-end", "delta": {"finish_reason": "COMPLETE", "usage": {"tokens": {"input_tokens": 1e999}}}}',
            "delta.usage.tokens.input_tokens",
        ),
        (
            Flavour.COHERE_V2,
            '{"type": "content-delta", "index": 0, "delta": {"message": {"content": {"text": ["x"]}}}}',
            "delta.message.content.text",
        ),
        (
            Flavour.OPENAI,
            '{"choices": [{"delta": {"tool_calls": [{"index": "0", "function": {"name": "f"}}]}}]}',
            "choices[0].delta.tool_calls[0].index",
        ),
        (
            Flavour.OPENAI,
            '{"choices": [], "usage": {"prompt_tokens": "9"}}',
            "usage.prompt_tokens",
        ),
        (
            Flavour.OPENAI,
            '{"choices": [{"delta": {"content": {"text": "x"}}}]}',
            "choices[0].delta.content",
        ),
    ],
)
def test_a_bad_value_names_its_event_and_field(flavour: Flavour, frame: str, path: str) -> None:
    start = {Flavour.COHERE_V1: V1_START, Flavour.COHERE_V2: V2_START}.get(flavour)
    frames = [start, frame] if start else [frame]
    error = _error(flavour, _sse_text(*frames))
    number = len(frames)
    assert error.where.startswith(f"event {number} (byte ")
    assert error.where.endswith(f", {path}")
    assert str(error).startswith("Unexpected answer from the server · at event")


def test_deeply_nested_event_is_a_protocol_error_naming_the_depth() -> None:
    error = _error(Flavour.COHERE_V2, _sse_text(V2_START, "[" * 50_000 + "]" * 50_000))
    assert "nested deeper than 100 levels" in error.server_message
    assert error.where.startswith("event 2 ")


def test_a_line_longer_than_the_limit_is_a_protocol_error() -> None:
    splitter = LineSplitter(max_line=1000)
    splitter.feed(b"data: " + b"x" * 900)
    with pytest.raises(ProtocolError, match="longer than 1,000 bytes"):
        splitter.feed(b"x" * 200)


def test_a_huge_line_in_small_pieces_decodes_whole() -> None:
    text = "word " * 400_000
    body = t.sse([{"type": "message-start"}]) + _sse_text(
        json.dumps({"type": "content-delta", "delta": {"message": {"content": {"text": text}}}}),
        '{"type": "message-end", "delta": {"finish_reason": "COMPLETE"}}',
    )
    _events, snap, error = t.run(Flavour.COHERE_V2, body, chunk_size=4096)
    assert (error, snap.text) == (None, text)


# --- surrogates ---------------------------------------------------------------------------------


def _v2_text(*pieces: str) -> bytes:
    head = '{"type": "content-delta", "index": 0, "delta": {"message": {"content": {"text": "'
    deltas = [head + piece + '"}}}}' for piece in pieces]
    end = '{"type": "message-end", "delta": {"finish_reason": "COMPLETE"}}'
    return _sse_text(V2_START, *deltas, end)


@pytest.mark.parametrize(
    ("pieces", "text"),
    [
        (["Party \\ud83c", "\\udf89 time"], "Party 🎉 time"),
        (["\\ud83c", "\\udf89"], "🎉"),
        (["end \\ud83c"], "end \ufffd"),
        (["\\udf89 start"], "\ufffd start"),
        (["a\\ud83c", "b"], "a\ufffdb"),
        (["a\\ud83c\\ud83c", "\\udf89"], "a\ufffd🎉"),
        (["whole \\ud83c\\udf89"], "whole 🎉"),
    ],
)
def test_surrogate_halves_are_joined_across_deltas_or_replaced(
    pieces: list[str], text: str
) -> None:
    _events, snap, error = t.run(Flavour.COHERE_V2, _v2_text(*pieces))
    assert (error, snap.text) == (None, text)
    snap.text.encode("utf-8")


def test_tool_arguments_split_inside_an_emoji_are_joined() -> None:
    chunks = [
        '{"choices": [{"delta": {"tool_calls": [{"index": 0, "id": "c", "function": {"name": "f", "arguments": "{\\"x\\": \\"\\ud83c"}}]}}]}',
        '{"choices": [{"delta": {"tool_calls": [{"index": 0, "function": {"arguments": "\\udf89\\"}"}}]}}]}',
        '{"choices": [{"delta": {}, "finish_reason": "tool_calls"}]}',
    ]
    _events, snap, error = t.run(Flavour.OPENAI, _sse_text(*chunks, "[DONE]"))
    assert error is None
    (call,) = snap.tool_calls
    assert (call.arguments_json, call.parameters()) == ('{"x": "🎉"}', {"x": "🎉"})


def test_lone_surrogates_in_other_fields_are_replaced() -> None:
    frame = '{"event_type": "search-queries-generation", "search_queries": [{"text": "q\\udc00"}]}'
    end = (
        '{"event_type": "stream-end", "finish_reason": "COMPLETE", "response": {"text": "\\ud800"}}'
    )
    _events, snap, error = t.run(Flavour.COHERE_V1, _sse_text(V1_START, frame, end))
    assert error is None
    assert snap.search_queries == ("q\ufffd",)
    assert snap.raw == {"text": "\ufffd"}


# --- non-streamed answers -----------------------------------------------------------------------


def _fold(events: list[Any]) -> ChatSnapshot:
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)
    return snap


def test_non_streamed_bad_value_names_the_field() -> None:
    body = {"message": {"citations": [{"start": "abc", "end": 1, "text": "x"}]}}
    with pytest.raises(ProtocolError) as caught:
        cohere_v2.chat_events(body)
    assert caught.value.where == "message.citations[0].start"


@pytest.mark.parametrize(
    ("codec", "body", "error"),
    [
        (cohere_v1, {"text": "Par", "finish_reason": "ERROR_TOXIC"}, "ERROR_TOXIC"),
        (cohere_v1, {"text": "", "finish_reason": "ERROR_LIMIT"}, "ERROR_LIMIT"),
        (cohere_v2, {"message": {"content": []}, "finish_reason": "ERROR_TOXIC"}, "ERROR_TOXIC"),
        (
            openai_compat,
            {"choices": [{"message": {"content": "Pa"}, "finish_reason": "content_filter"}]},
            "content filter",
        ),
    ],
)
def test_a_failure_reported_in_the_body_reaches_the_snapshot(
    codec: Any, body: dict[str, Any], error: str
) -> None:
    snap = _fold(codec.chat_events(body))
    assert snap.error is not None
    assert error in str(snap.error)


@pytest.mark.parametrize(
    ("result", "path"),
    [
        ({"index": 0, "relevance_score": "0.9"}, "results[0].relevance_score"),
        ({"index": 0, "relevance_score": float("nan")}, "results[0].relevance_score"),
        ({"index": 2, "relevance_score": 0.5}, "results[0].index"),
        ({"index": -1, "relevance_score": 0.5}, "results[0].index"),
        ({"index": True, "relevance_score": 0.5}, "results[0].index"),
        ({"index": 0, "relevance_score": 0.5, "document": "text"}, "results[0].document"),
    ],
)
def test_rerank_result_out_of_range_or_of_the_wrong_type(result: dict[str, Any], path: str) -> None:
    request = RerankRequest(query="q", documents=["a", "b"])
    for codec in (cohere_v1, cohere_v2):
        with pytest.raises(ProtocolError) as caught:
            codec.parse_rerank({"results": [result]}, request)
        assert caught.value.where == path


def test_a_document_ranked_twice_is_a_protocol_error() -> None:
    # A hundred results for three documents showed each again and again, counted as results.
    request = RerankRequest(query="q", documents=["a", "b", "c"])
    hits = [{"index": i % 3, "relevance_score": 0.5} for i in range(100)]
    for codec in (cohere_v1, cohere_v2):
        with pytest.raises(ProtocolError) as caught:
            codec.parse_rerank({"results": hits}, request)
        assert caught.value.where == "results[3].index"
        assert "document 0 is ranked already at results[0]" in str(caught.value)


def test_a_results_text_stands_for_its_document_as_azures_rerank_page_has_it() -> None:
    # Azure's page: with return_documents, results are {index, text, relevance_score}.
    request = RerankRequest(query="q", documents=["a", "b"], return_documents=True)
    body = {"results": [{"index": 1, "relevance_score": 0.5, "text": "b"}]}
    for codec in (cohere_v1, cohere_v2):
        (hit,) = codec.parse_rerank(body, request).results
        assert hit.document == {"text": "b"}
    with_both = {
        "results": [{"index": 1, "relevance_score": 0.5, "text": "x", "document": {"text": "b"}}]
    }
    assert cohere_v1.parse_rerank(with_both, request).results[0].document == {"text": "b"}


def test_billed_units_that_are_not_counts_name_the_field() -> None:
    request = RerankRequest(query="q", documents=["a"])
    body = {"results": [], "meta": {"billed_units": {"search_units": "1"}}}
    with pytest.raises(ProtocolError) as caught:
        cohere_v1.parse_rerank(body, request)
    assert caught.value.where == "meta.billed_units.search_units"


def test_frame_decoder_passes_a_split_utf8_character() -> None:
    decoder = FrameDecoder()
    data = 'data: {"t": "🎉"}\n\n'.encode()
    frames = [f for i in range(len(data)) for f in decoder.feed(data[i : i + 1])]
    assert [f.data for f in frames] == ['{"t": "🎉"}']


def test_tool_arguments_split_inside_an_emoji_are_joined_without_done_too() -> None:
    chunks = [
        '{"choices": [{"delta": {"tool_calls": [{"index": 0, "id": "c", "function": {"name": "f", "arguments": "{\\"x\\": \\"\\ud83c"}}]}}]}',
        '{"choices": [{"delta": {"tool_calls": [{"index": 0, "function": {"arguments": "\\udf89\\"}"}}]}}]}',
        '{"choices": [{"delta": {}, "finish_reason": "tool_calls"}]}',
    ]
    events, snap, error = t.run(Flavour.OPENAI, _sse_text(*chunks))  # no [DONE]: EOF ends it
    assert error is None
    (call,) = snap.tool_calls
    assert call.parameters() == {"x": "🎉"}
    (completed,) = [e for e in events if isinstance(e, ToolCallCompleted)]
    assert completed.call.parameters == {"x": "🎉"}
