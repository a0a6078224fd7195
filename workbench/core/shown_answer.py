"""An answer as a screen may show it: every secret masked, its citation spans moved to match.

A hostile or careless server can echo the key inside its answer. The command line masks what it
prints (`api.redact_stream.RedactingWriter`); the GUI draws, copies and exports the answer through
here, so the key is not on the projector either (issue 20). Masking changes the text's length, so
the citation spans core anchored on the original are moved onto the masked text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.api.redact import REDACTED, redact_text, redacted_ranges
from workbench.api.redact_hosts import demo_mode
from workbench.api.redact_stream import GrowingRanges, held_tail
from workbench.core.citations import CitationMap, CitationSpan, Utf16Index

if TYPE_CHECKING:
    from collections.abc import Sequence


def shown_answer(
    text: str, anchors: CitationMap, *, streaming: bool = False
) -> tuple[str, CitationMap]:
    """`text` with every secret masked, and `anchors` moved onto it.

    Args:
        text: the answer as it arrived.
        anchors: its citations anchored on `text` (core's `CitationMap`).
        streaming: the answer is still arriving: a tail that could be the start of a secret is
            held back (as the command line does) rather than shown a few characters at a time.

    Returns:
        The text to show and the citation spans on it (a span on a masked part covers the mask).
    """
    cut = len(text) - held_tail(text) if streaming else len(text)
    ranges = redacted_ranges(text[:cut])
    if not ranges and cut == len(text):
        return text, anchors
    pieces: list[str] = []
    last = 0
    for start, end in ranges:
        pieces += [text[last:start], REDACTED]
        last = end
    shown = "".join([*pieces, text[last:cut]])
    if redact_text(shown) != shown:  # a mask the ranges did not foresee: mask, drop positions
        return redact_text(text[:cut]), _unanchored(anchors)
    index = Utf16Index(shown)
    spans = tuple(_moved(span, ranges, cut, index) for span in anchors.spans)
    return shown, CitationMap(spans, anchors.by_document)


class StreamedAnswer:
    """`shown_answer` of an answer that grows while it streams, at a cost of O(new text) per call.

    A view draws the streaming answer ~33 times a second; masking it whole each time read the
    whole answer again at every tick (issue 15). This reads only what arrived since
    (`api.redact_stream.GrowingRanges`) while nothing in the answer is masked, which is nearly
    always, and then gives exactly what `shown_answer` gives; for anything else it calls that.
    """

    def __init__(self) -> None:
        self._ranges = GrowingRanges()
        self._index = Utf16Index("")
        self._indexed = ""

    def shown(self, text: str, anchors: CitationMap) -> tuple[str, CitationMap]:
        """`shown_answer(text, anchors, streaming=True)`, for the next state of one answer."""
        cut = len(text) - held_tail(text)
        shown = text[:cut]
        # Demo mode also masks hosts, which the ranges do not say: the full pass knows.
        if demo_mode() or self._ranges.ranges(shown):
            return shown_answer(text, anchors, streaming=True)
        if cut == len(text):
            return text, anchors
        # A held tail: spans are cut where the shown text ends (UTF-16 positions unchanged).
        if not text.startswith(self._indexed):
            self._index = Utf16Index("")
        self._index.extend(text)
        self._indexed = text
        spans = tuple(_moved(span, (), cut, self._index) for span in anchors.spans)
        return shown, CitationMap(spans, anchors.by_document)


def _moved(
    span: CitationSpan, ranges: Sequence[tuple[int, int]], cut: int, index: Utf16Index
) -> CitationSpan:
    if span.start is None or span.end is None:
        return span
    if span.start >= cut:  # cited text not shown yet (held back while it streams)
        return replace(span, start=None, end=None, start16=None, end16=None)
    start, end = _offset(span.start, ranges, False), _offset(min(span.end, cut), ranges, True)
    return replace(
        span, start=start, end=end, start16=index.to_utf16(start), end16=index.to_utf16(end)
    )


def _offset(offset: int, ranges: Sequence[tuple[int, int]], is_end: bool) -> int:
    """Where a position of the original text lands in the masked one."""
    shift = 0
    for start, end in ranges:
        if offset <= start:
            break
        if offset < end:  # inside a mask: a span starts at its start and ends at its end
            return start - shift + (len(REDACTED) if is_end else 0)
        shift += (end - start) - len(REDACTED)
    return offset - shift


def _unanchored(anchors: CitationMap) -> CitationMap:
    spans = tuple(replace(s, start=None, end=None, start16=None, end16=None) for s in anchors.spans)
    return CitationMap(spans, anchors.by_document)
