"""An answer masked for the screen: secrets gone, citation spans moved onto the masked text."""

from __future__ import annotations

from workbench.api.models import Citation
from workbench.api.redact import REDACTED, register_secret
from workbench.core.citations import CitationMap, resolve_citations
from workbench.core.shown_answer import shown_answer

KEY = "sk-0123456789abcdefghij"


def _cite(text: str, part: str, nth: int = 0) -> Citation:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Citation(start=start, end=start + len(part), text=part, document_ids=["d"])


def _cited(shown: str, anchors: CitationMap) -> list[str | None]:
    return [shown[s.start : s.end] if s.start is not None else None for s in anchors.spans]


def test_an_answer_without_secrets_comes_back_unchanged() -> None:
    text = "Paris is the capital of France."
    anchors = resolve_citations(text, [_cite(text, "Paris")])
    assert shown_answer(text, anchors) == (text, anchors)


def test_spans_before_between_and_after_two_masks_keep_their_words() -> None:
    register_secret(KEY)
    text = f"A 😀 {KEY} then B, then api-key: {KEY} and C."
    cites = [_cite(text, "A 😀"), _cite(text, "then B"), _cite(text, "and C")]
    shown, anchors = shown_answer(text, resolve_citations(text, cites))
    assert KEY[:8] not in shown
    assert shown.count(REDACTED) == 2
    assert _cited(shown, anchors) == ["A 😀", "then B", "and C"]
    utf16 = shown.encode("utf-16-le")
    last = anchors.spans[2]
    assert last.start16 is not None
    assert last.end16 is not None
    assert utf16[2 * last.start16 : 2 * last.end16].decode("utf-16-le") == "and C"


def test_a_span_over_the_key_covers_the_mask() -> None:
    register_secret(KEY)
    text = f"The key {KEY} works."
    shown, anchors = shown_answer(text, resolve_citations(text, [_cite(text, f"key {KEY} works")]))
    assert _cited(shown, anchors) == [f"key {REDACTED} works"]


def test_while_streaming_the_start_of_a_key_is_held_back() -> None:
    register_secret(KEY)
    text = f"Paris. Your key is {KEY[:6]}"
    shown, anchors = shown_answer(
        text, resolve_citations(text, [_cite(text, "Paris")]), streaming=True
    )
    assert shown == "Paris. Your key is "
    assert _cited(shown, anchors) == ["Paris"]
    finished, _ = shown_answer(text + KEY[6:] + ".", resolve_citations(text, []))
    assert finished == f"Paris. Your key is {REDACTED}."
