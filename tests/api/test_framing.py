"""SSE and JSON-lines framing: line endings, comments, detection, offsets, broken bytes."""

from __future__ import annotations

import pytest

from workbench.api.errors import ProtocolError
from workbench.api.framing import FrameDecoder, LineSplitter


def _frames(*chunks: bytes) -> list[tuple[str | None, str]]:
    decoder = FrameDecoder()
    frames = [f for chunk in chunks for f in decoder.feed(chunk)] + decoder.finish()
    return [(f.event, f.data) for f in frames]


@pytest.mark.parametrize("eol", [b"\n", b"\r\n", b"\r"])
def test_sse_events_end_at_a_blank_line_whatever_the_line_ending(eol: bytes) -> None:
    body = eol.join([b"event: a", b"data: 1", b"", b"data: 2", b"", b""])
    assert _frames(body) == [("a", "1"), (None, "2")]


def test_crlf_split_across_chunks_counts_as_one_line_break() -> None:
    assert _frames(b"data: 1\r", b"\n\r", b"\ndata: 2\r\n\r\n") == [(None, "1"), (None, "2")]


def test_comments_and_unknown_fields_are_ignored() -> None:
    body = b": ping\n\nid: 7\nretry: 10\nfoo: bar\ndata: x\n\n: ping\n\n"
    assert _frames(body) == [(None, "x")]


def test_multiple_data_lines_join_with_lf_and_one_leading_space_is_dropped() -> None:
    assert _frames(b"data:  a\ndata:b\n\n") == [(None, " a\nb")]


def test_event_without_data_is_not_dispatched() -> None:
    assert _frames(b"event: lonely\n\ndata: y\n\n") == [(None, "y")]


def test_bytes_fed_one_at_a_time_give_the_same_frames() -> None:
    body = 'event: t\r\ndata: {"text": "héllo 👋"}\r\n\r\n'.encode()
    assert _frames(*(body[i : i + 1] for i in range(len(body)))) == [("t", '{"text": "héllo 👋"}')]


def test_json_lines_are_detected_from_the_first_non_blank_line() -> None:
    decoder = FrameDecoder()
    frames = decoder.feed(b'\n\n{"a": 1}\r\n{"b": 2}\n\n{"c"') + decoder.finish()
    assert decoder.mode == "ndjson"
    assert [f.data for f in frames] == ['{"a": 1}', '{"b": 2}', '{"c"']
    assert [f.number for f in frames] == [1, 2, 3]


def test_sse_is_detected_from_a_leading_comment() -> None:
    decoder = FrameDecoder()
    decoder.feed(b": hello\n")
    assert decoder.mode == "sse"


def test_frames_carry_their_byte_offset() -> None:
    decoder = FrameDecoder()
    frames = decoder.feed("data: é\n\ndata: b\n\n".encode())
    assert [f.offset for f in frames] == [0, 10]


def test_last_event_without_blank_line_is_still_dispatched_at_the_end() -> None:
    assert _frames(b"data: [DONE]") == [(None, "[DONE]")]


def test_body_that_is_neither_framing_is_a_protocol_error_naming_the_byte() -> None:
    decoder = FrameDecoder()
    with pytest.raises(ProtocolError) as info:
        decoder.feed(b"\n<html>Bad gateway</html>\n")
    assert info.value.where == "byte 1"


def test_invalid_utf8_names_the_byte() -> None:
    decoder = FrameDecoder()
    with pytest.raises(ProtocolError) as info:
        decoder.feed(b"data: ok\n\ndata: \xff\n\n")
    assert info.value.where == "byte 16"


def test_line_splitter_counts_bytes() -> None:
    splitter = LineSplitter()
    assert splitter.feed(b"ab\r") == [(b"ab", 0)]
    assert splitter.feed(b"\ncd") == []
    assert splitter.finish() == [(b"cd", 4)]
    assert splitter.bytes_seen == 6
