"""Citation anchoring: exact spans for any Unicode text, never a wrong highlight, never a crash."""

from __future__ import annotations

import random

import pytest

from workbench.api.models import Citation
from workbench.core.citations import (
    StreamingCitations,
    Utf16Index,
    resolve_citations,
    segments,
    segments_between,
)


def _cite(text: str, start: int, end: int, *docs: str, **extra: str) -> Citation:
    return Citation(start=start, end=end, text=text, document_ids=list(docs), **extra)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


ANSWER = "Café 😀 prices: the 🇫🇷 naïve crème brûlée costs €5 at Ωmega \U0001d4b3 bistro."


def test_code_point_offsets_anchor_exactly_with_emoji_and_accents() -> None:
    phrase = "crème brûlée"
    start = ANSWER.index(phrase)
    cmap = resolve_citations(ANSWER, [_cite(phrase, start, start + len(phrase), "doc_0")])
    (span,) = cmap.spans
    assert span.anchoring == "code_points"
    assert ANSWER[span.start : span.end] == phrase
    # Qt counts UTF-16: the emoji and the flag (two astral characters) shift it by 3 units.
    encoded = ANSWER.encode("utf-16-le")
    assert span.start is not None
    assert span.start16 is not None
    assert span.end16 is not None
    assert encoded[2 * span.start16 : 2 * span.end16].decode("utf-16-le") == phrase
    assert span.start16 == span.start + 3


def test_utf16_offsets_are_recognised_and_converted_back() -> None:
    phrase = "Ωmega \U0001d4b3 bistro"
    cp = ANSWER.index(phrase)
    start16 = _utf16_len(ANSWER[:cp])
    end16 = start16 + _utf16_len(phrase)
    (span,) = resolve_citations(ANSWER, [_cite(phrase, start16, end16)]).spans
    assert span.anchoring == "utf16"
    assert ANSWER[span.start : span.end] == phrase
    assert (span.start16, span.end16) == (start16, end16)


def test_utf8_byte_offsets_fall_back_to_the_nearest_occurrence() -> None:
    phrase = "costs €5"
    cp = ANSWER.index(phrase)
    start8 = len(ANSWER[:cp].encode())
    (span,) = resolve_citations(ANSWER, [_cite(phrase, start8, start8 + 9)]).spans
    assert span.anchoring == "nearby"
    assert ANSWER[span.start : span.end] == phrase


def test_nearby_picks_the_occurrence_closest_to_start() -> None:
    text = "alpha beta alpha beta alpha"
    (span,) = resolve_citations(text, [_cite("alpha", 13, 18)]).spans
    assert (span.start, span.anchoring) == (11, "nearby")


@pytest.mark.parametrize(
    ("cited", "start", "end"),
    [
        ("not in the answer", 0, 17),
        ("Café", 500, 504),  # far beyond the text and no occurrence near it
        ("", 0, 0),
        ("Cafe", -3, 1),  # the accent matters: no fuzzy matching
    ],
)
def test_unmatched_citations_stay_unanchored(cited: str, start: int, end: int) -> None:
    cmap = resolve_citations(ANSWER[:10], [_cite(cited, start, end, "d")])
    assert [s.anchoring for s in cmap.unanchored()] == ["unanchored"]
    assert cmap.anchored() == []
    assert cmap.spans_citing("d")[0].start is None


def test_far_occurrence_is_not_guessed() -> None:
    text = "x" * 500 + " target"
    (span,) = resolve_citations(text, [_cite("target", 2, 8)]).spans
    assert not span.anchored


def test_offset_inside_a_surrogate_pair_is_rejected() -> None:
    index = Utf16Index("a😀b")
    assert index.from_utf16(2) is None
    assert index.from_utf16(3) == 2
    assert index.to_utf16(2) == 3
    assert index.length16 == 4


def test_plan_and_thinking_citations_do_not_highlight_the_answer() -> None:
    cmap = resolve_citations("sunny", [_cite("sunny", 0, 5, type="PLAN")])
    assert not cmap.spans[0].anchored


def test_documents_map_to_spans_and_spans_to_documents() -> None:
    text = "Paris is sunny. Lyon is rainy. Paris is big."
    cites = [
        _cite("Lyon is rainy", 16, 29, "weather:1", ""),
        _cite("Paris is sunny", 0, 14, "weather:0", "guide"),
        _cite("Paris is big", 31, 43, "guide"),
    ]
    cmap = resolve_citations(text, cites)
    assert cmap.spans[0].document_ids == ("weather:1",)  # Azure's empty id is dropped
    assert cmap.by_document == {"weather:0": (1,), "guide": (1, 2), "weather:1": (0,)}
    assert [s.citation.text for s in cmap.spans_citing("guide")] == [
        "Paris is sunny",
        "Paris is big",
    ]
    assert [s.index for s in cmap.spans_at(3)] == [1]


def test_segments_split_overlapping_citations() -> None:
    text = "abcdefghij"
    cmap = resolve_citations(text, [_cite("bcde", 1, 5), _cite("defg", 3, 7)])
    runs = [(s.start, s.end, s.spans) for s in segments(cmap, len(text))]
    assert runs == [(0, 1, ()), (1, 3, (0,)), (3, 5, (0, 1)), (5, 7, (1,)), (7, 10, ())]


def test_streaming_citation_beyond_the_text_so_far_waits() -> None:
    full = "The answer is 42 😀 today."
    cite = _cite("42 😀 today", 14, 24)
    assert not resolve_citations(full[:12], [cite]).spans[0].anchored
    assert resolve_citations(full, [cite]).spans[0].anchored


def _random_case(rng: random.Random) -> tuple[str, list[Citation]]:
    text = "".join(rng.choice("ab c😀é\n🇨🇭x") for _ in range(rng.randint(0, 90)))
    cites = []
    for _ in range(rng.randint(0, 7)):
        start = rng.randint(0, max(0, len(text) - 1))
        phrase = text[start : start + rng.randint(1, 8)] if rng.random() < 0.8 else "zz"
        if rng.random() < 0.3:  # UTF-16 offsets
            start = _utf16_len(text[:start])
        start = max(0, start + rng.choice([0, 0, 0, 1, -2, 5, 30]))
        cites.append(_cite(phrase, start, start + len(phrase), rng.choice("dq")))
    return text, cites


def test_streaming_anchors_equal_anchoring_the_whole_text_each_time() -> None:
    rng = random.Random(7)
    for _ in range(400):
        text, cites = _random_case(rng)
        window = rng.choice([3, 8, 64])
        streaming = StreamingCitations(window=window)
        end = 0
        while end < len(text) or end == 0:
            end = min(len(text), end + rng.randint(1, 12))
            arrived = cites[: rng.randint(0, len(cites))]
            spans = streaming.update(text[:end], arrived)
            whole = resolve_citations(text[:end], arrived, window=window)
            assert spans == whole.spans
            assert streaming.citation_map() == whole
            if end == len(text):
                break


def test_segments_between_are_the_runs_of_segments_inside_the_range() -> None:
    rng = random.Random(11)
    for _ in range(300):
        text, cites = _random_case(rng)
        if not text:
            continue
        cmap = resolve_citations(text, cites)
        low = rng.randint(0, len(text) - 1)
        high = rng.randint(low + 1, len(text))
        clipped = [
            (max(r.start, low), min(r.end, high), r.spans)
            for r in segments(cmap, len(text))
            if r.end > low and r.start < high
        ]
        runs = segments_between(cmap.anchored(), low, high)
        assert [(r.start, r.end, r.spans) for r in runs] == clipped
