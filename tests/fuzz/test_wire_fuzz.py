"""Property tests of the wire layer: whatever bytes arrive, only the project's own errors come out.

Targets: the frame decoder, each flavour's stream mapping (random and mutated recorded streams,
damaged bytes), each flavour's non-streamed answer and rerank answer, and the fold. What arrives
must also stay printable: the snapshot's text encodes as UTF-8 and the CLI can print it.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.api import transcripts as t
from tests.fuzz.strategies import (
    JSON,
    byte_damage,
    chunked,
    dumps,
    encode,
    mutated,
    mutated_events,
    shaped_event,
)
from workbench.api.client import _json_object
from workbench.api.errors import WorkbenchError
from workbench.api.flavours import codec_for, decode_events
from workbench.api.framing import FrameDecoder
from workbench.api.models import Flavour, RerankRequest
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.cli.output import chat_json, print_chat_details, print_json
from workbench.core.citations import StreamingCitations, resolve_citations

RECORDED = {
    Flavour.COHERE_V1: [t.V1_EVENTS, t.V1_TOOL_EVENTS],
    Flavour.COHERE_V2: [t.V2_EVENTS, t.V2_TOOL_EVENTS],
    Flavour.OPENAI: [t.OPENAI_EVENTS, t.OPENAI_TOOL_EVENTS],
}
FLAVOURS = pytest.mark.parametrize("flavour", list(Flavour))
"""One target per flavour, so each gets the profile's full count of inputs."""


def _frame(flavour: Flavour, events: list[Any], *, ascii_only: bool, ndjson: bool) -> bytes:
    lines = [dumps(e, ascii_only=ascii_only) for e in events]
    if flavour is Flavour.COHERE_V1 and ndjson:
        return encode("".join(f"{line}\n" for line in lines))
    body = "".join(f"data: {line}\n\n" for line in lines)
    return encode(body + ("data: [DONE]\n\n" if flavour is Flavour.OPENAI else ""))


def _must_stay_printable(snap: ChatSnapshot) -> None:
    """What the CLI and the GUI do with a snapshot must not fail on anything that arrived."""
    for text in (snap.text, snap.thinking, snap.tool_plan, *snap.search_queries):
        text.encode("utf-8")
    out = io.StringIO()
    print_json(chat_json(snap, None, 1.0), out)
    print_chat_details(snap, 1.0, out)
    out.getvalue().encode("utf-8")
    # The GUI sends completed calls back in the history: strict JSON, as httpx writes it.
    calls = [c.parameters() for c in snap.tool_calls]
    json.dumps(calls, allow_nan=False, ensure_ascii=False).encode("utf-8")
    resolve_citations(snap.text, snap.citations)
    StreamingCitations().update(snap.text, snap.citations)


def _decode_and_fold(flavour: Flavour, chunks: list[bytes]) -> None:
    snap = ChatSnapshot()
    try:
        for event in decode_events(flavour, chunks):
            snap = accumulate(snap, event)
    except WorkbenchError:
        pass
    _must_stay_printable(snap)


@given(st.lists(st.binary(max_size=64), max_size=8))
def test_frame_decoder_on_random_bytes(chunks: list[bytes]) -> None:
    decoder = FrameDecoder()
    try:
        for chunk in chunks:
            decoder.feed(chunk)
        decoder.finish()
    except WorkbenchError:
        pass


@given(st.data())
def test_frame_decoder_gives_the_same_frames_however_the_bytes_are_cut(data: st.DataObject) -> None:
    lines = data.draw(st.lists(st.sampled_from(["data: x", "data:y", "", ": c", "event: e"])))
    eol = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    body = ("data: first" + eol + eol.join(lines) + eol + eol).encode()

    def frames(chunks: list[bytes]) -> list[tuple[str, str | None, int]]:
        decoder = FrameDecoder()
        out = [f for c in chunks for f in decoder.feed(c)] + decoder.finish()
        return [(f.data, f.event, f.offset) for f in out]

    assert frames(data.draw(chunked(body))) == frames([body])


@FLAVOURS
@given(data=st.data())
def test_mutated_recorded_streams(flavour: Flavour, data: st.DataObject) -> None:
    events = data.draw(st.sampled_from(RECORDED[flavour]))
    body = _frame(
        flavour,
        data.draw(mutated_events(events)),
        ascii_only=data.draw(st.booleans()),
        ndjson=data.draw(st.booleans()),
    )
    _decode_and_fold(flavour, data.draw(chunked(body)))


@FLAVOURS
@given(data=st.data())
def test_random_event_objects(flavour: Flavour, data: st.DataObject) -> None:
    events = data.draw(st.lists(shaped_event() | JSON, max_size=6))
    body = _frame(flavour, events, ascii_only=data.draw(st.booleans()), ndjson=False)
    _decode_and_fold(flavour, data.draw(chunked(body)))


@FLAVOURS
@given(data=st.data())
def test_damaged_stream_bytes(flavour: Flavour, data: st.DataObject) -> None:
    events = data.draw(st.sampled_from(RECORDED[flavour]))
    body = data.draw(byte_damage(_frame(flavour, events, ascii_only=False, ndjson=False)))
    _decode_and_fold(flavour, data.draw(chunked(body)))


NON_STREAMED: dict[Flavour, dict[str, Any]] = {
    Flavour.COHERE_V1: {
        "response_id": "r",
        "text": t.ANSWER,
        "finish_reason": "COMPLETE",
        "citations": [{"start": 1, "end": 3, "text": "ar", "document_ids": ["doc_0"]}],
        "documents": [{"id": "doc_0", "text": "x"}],
        "search_queries": [{"text": "q", "generation_id": "g"}],
        "search_results": [{"document_ids": ["doc_0"]}],
        "tool_calls": [{"name": "f", "parameters": {"a": 1}}],
        "meta": {"billed_units": {"input_tokens": 1, "output_tokens": 2}, "tokens": {}},
        "token_count": {"prompt_tokens": 1, "response_tokens": 2},
    },
    Flavour.COHERE_V2: {
        "id": "m",
        "finish_reason": "COMPLETE",
        "message": {
            "role": "assistant",
            "tool_plan": "plan",
            "content": [{"type": "thinking", "thinking": "hm"}, {"type": "text", "text": "Hi"}],
            "tool_calls": [
                {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ],
            "citations": [{"start": 0, "end": 2, "text": "Hi", "sources": [{"id": "d"}]}],
        },
        "usage": {"billed_units": {"input_tokens": 1}, "tokens": {"output_tokens": 2}},
    },
    Flavour.OPENAI: {
        "id": "c",
        "choices": [
            {
                "index": 0,
                "message": {
                    "content": "Hi",
                    "reasoning_content": "hm",
                    "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": "{}"}}],
                },
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2},
    },
}


@FLAVOURS
@given(data=st.data())
def test_non_streamed_answers(flavour: Flavour, data: st.DataObject) -> None:
    body = data.draw(mutated(NON_STREAMED[flavour]) | st.dictionaries(st.text(), JSON))
    snap = ChatSnapshot()
    try:
        # The client's own reading of an answer, then the flavour's mapping.
        parsed = _json_object(encode(dumps(body, ascii_only=data.draw(st.booleans()))))
        for event in codec_for(flavour).chat_events(parsed):
            snap = accumulate(snap, event)
    except WorkbenchError:
        pass
    _must_stay_printable(snap)


RERANK = {
    "id": "r",
    "results": [
        {
            "index": 1,
            "relevance_score": 0.9,
            "relevant_spans": [{"start": 0, "end": 4, "score": 0.8}],
        },
        {"index": 0, "relevance_score": 0.1},
    ],
    "meta": {"billed_units": {"search_units": 1}, "warnings": ["w"]},
}


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2])
@given(data=st.data())
def test_rerank_answers(flavour: Flavour, data: st.DataObject) -> None:
    body = data.draw(mutated(RERANK) | st.dictionaries(st.text(), JSON))
    documents = data.draw(st.lists(st.text(min_size=1) | st.just({"text": "t"}), min_size=1))
    request = RerankRequest(query="q", documents=documents, return_documents=True)
    try:
        parsed = _json_object(encode(dumps(body, ascii_only=True)))
        response = codec_for(flavour).parse_rerank(parsed, request)
    except WorkbenchError:
        return
    assert all(0 <= hit.index < len(documents) for hit in response.results)
    json.dumps(response.model_dump(exclude={"raw"}), allow_nan=False)
