"""Citation anchoring: turns server citations into exact spans of the answer text (pure, Qt-free).

Servers do not document the unit of `start`/`end`. We check code points first (Python `str`), then
UTF-16 code units, then look for the cited text near `start`; a citation that matches none of these
is kept *unanchored* (listed with its sources, never highlighted at a guessed place). Qt's text
positions count UTF-16 code units, so every anchored span also carries UTF-16 offsets.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from workbench.api.models import Citation

Anchoring = Literal["code_points", "utf16", "nearby", "unanchored"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NOT_ANSWER_TYPES = frozenset({"PLAN", "THINKING_CONTENT", "THINKING"})
"""v2 citation types that index the tool plan or the thinking text, not the answer."""


class Utf16Index:
    """Converts between code-point and UTF-16 offsets of one text in O(log n) per offset."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Code-point positions of characters outside the BMP (each is two UTF-16 code units).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Where each of them starts in UTF-16 units: its code-point position plus the pairs before it.
        self._astral16 = [pos + k for k, pos in enumerate(self._astral)]

    def extend(self, text: str) -> None:
        """Index what `text` adds at the end of the text indexed so far (it must start with it)."""
        for match in _ASTRAL.finditer(text, self._length):
            self._astral16.append(match.start() + len(self._astral))
            self._astral.append(match.start())
        self._length = len(text)

    @property
    def length16(self) -> int:
        """The text's length in UTF-16 code units."""
        return self._length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """Return the UTF-16 offset of a code-point offset (0..len(text))."""
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, offset16: int) -> int | None:
        """Return the code-point offset of a UTF-16 offset, or None if it splits a surrogate pair."""
        if offset16 < 0 or offset16 > self.length16:
            return None
        before = bisect.bisect_left(self._astral16, offset16)
        if before and self._astral16[before - 1] == offset16 - 1:
            return None
        return offset16 - before


@dataclass(frozen=True)
class CitationSpan:
    """One citation placed on the answer text (or not, when nothing matched)."""

    index: int
    """Position of the citation in the list it came from."""
    citation: Citation
    anchoring: Anchoring
    start: int | None = None
    """Code-point offset into the text, end exclusive; None when unanchored."""
    end: int | None = None
    start16: int | None = None
    """UTF-16 offsets, for QTextCursor."""
    end16: int | None = None
    document_ids: tuple[str, ...] = ()

    @property
    def anchored(self) -> bool:
        """True when the span sits on the text."""
        return self.start is not None


@dataclass(frozen=True)
class CitationMap:
    """All citations of one answer: spans, and which spans cite each document."""

    spans: tuple[CitationSpan, ...] = ()
    by_document: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Document id → indexes (into `spans`) of the spans that cite it, in text order."""

    def anchored(self) -> list[CitationSpan]:
        """Spans placed on the text, ordered by start."""
        return sorted((s for s in self.spans if s.anchored), key=lambda s: (s.start or 0, s.index))

    def unanchored(self) -> list[CitationSpan]:
        """Spans that matched nowhere: list them with their sources, never highlight them."""
        return [s for s in self.spans if not s.anchored]

    def spans_citing(self, document_id: str) -> list[CitationSpan]:
        """The spans that cite one document."""
        return [self.spans[i] for i in self.by_document.get(document_id, ())]

    def spans_at(self, offset: int) -> list[CitationSpan]:
        """The anchored spans covering a code-point offset."""
        return [s for s in self.anchored() if (s.start or 0) <= offset < (s.end or 0)]


def cites_answer(citation: Citation) -> bool:
    """Whether a citation indexes the answer text (v2 also cites the tool plan and thinking)."""
    return (citation.type or "").upper() not in _NOT_ANSWER_TYPES


def resolve_citations(text: str, citations: Sequence[Citation], *, window: int = 64) -> CitationMap:
    """Anchor each citation on `text` and index them by document.

    Args:
        text: the answer as received (plain text, not rendered Markdown).
        citations: the citations in the order the server sent them.
        window: how far (code points) from `start` the cited text may be found as a last resort.

    Returns:
        The spans (one per citation, same order) and the document → spans index.
    """
    utf16 = Utf16Index(text)
    spans = tuple(_resolve_one(text, utf16, i, c, window) for i, c in enumerate(citations))
    return CitationMap(spans=spans, by_document=_index_by_document(spans))


class StreamingCitations:
    """Anchors the citations of an answer that grows at its end, as it streams.

    `resolve_citations` on every render would cost O(text + citations) each time. This keeps the
    UTF-16 index growing with the text, and settles a citation once the text reaches everything
    `_locate` reads for it (its offsets, and the window searched around `start`); only the
    unsettled ones are anchored again. `spans` always equals `resolve_citations(text, citations)`
    for the arguments of the last `update`.
    """

    def __init__(self, *, window: int = 64) -> None:
        self._window = window
        self._length = 0
        self._utf16 = Utf16Index("")
        self._spans: list[CitationSpan] = []
        self._settled: list[bool] = []

    def update(self, text: str, citations: Sequence[Citation]) -> tuple[CitationSpan, ...]:
        """Anchor the citations on the text, which must start with the text of the last update.

        Returns:
            One span per citation, in order.
        """
        if len(text) < self._length:  # not a continuation: start over
            self._utf16 = Utf16Index("")
            self._spans.clear()
            self._settled.clear()
        self._length = len(text)
        self._utf16.extend(text)
        del self._spans[len(citations) :], self._settled[len(citations) :]
        for index, citation in enumerate(citations):
            if index < len(self._spans):
                if self._settled[index] and self._spans[index].citation is citation:
                    continue
            else:
                self._spans.append(CitationSpan(index, citation, "unanchored"))
                self._settled.append(False)
            self._spans[index] = _resolve_one(text, self._utf16, index, citation, self._window)
            self._settled[index] = len(text) >= _horizon(citation, self._window)
        return tuple(self._spans)

    def citation_map(self) -> CitationMap:
        """The spans of the last update with their document index."""
        spans = tuple(self._spans)
        return CitationMap(spans=spans, by_document=_index_by_document(spans))


def _horizon(citation: Citation, window: int) -> int:
    """Text length from which more text cannot change where `_locate` anchors the citation."""
    wanted, start = citation.text, citation.start
    reach = max(window, 2 * len(wanted))
    return max(start, citation.end, start + reach + len(wanted))


def _resolve_one(
    text: str, utf16: Utf16Index, index: int, citation: Citation, window: int
) -> CitationSpan:
    doc_ids = tuple(dict.fromkeys(d for d in citation.document_ids if d))
    found = _locate(text, utf16, citation, window)
    if found is None:
        return CitationSpan(index, citation, "unanchored", document_ids=doc_ids)
    start, end, how = found
    return CitationSpan(
        index,
        citation,
        how,
        start=start,
        end=end,
        start16=utf16.to_utf16(start),
        end16=utf16.to_utf16(end),
        document_ids=doc_ids,
    )


def _locate(
    text: str, utf16: Utf16Index, citation: Citation, window: int
) -> tuple[int, int, Anchoring] | None:
    wanted, start, end = citation.text, citation.start, citation.end
    if not wanted or not cites_answer(citation):
        return None
    if 0 <= start <= end <= len(text) and text[start:end] == wanted:
        return start, end, "code_points"
    cp_start, cp_end = utf16.from_utf16(start), utf16.from_utf16(end)
    if cp_start is not None and cp_end is not None and text[cp_start:cp_end] == wanted:
        return cp_start, cp_end, "utf16"
    near = _nearest_occurrence(text, wanted, start, window)
    if near is None:
        return None
    return near, near + len(wanted), "nearby"


def _nearest_occurrence(text: str, wanted: str, around: int, window: int) -> int | None:
    """Start of the occurrence of `wanted` closest to `around`, if one lies within the window."""
    reach = max(window, 2 * len(wanted))
    low = max(0, around - reach)
    high = min(len(text), around + reach + len(wanted))
    best: int | None = None
    pos = text.find(wanted, low, high)
    while pos != -1:
        if best is None or abs(pos - around) < abs(best - around):
            best = pos
        pos = text.find(wanted, pos + 1, high)
    return best


def _index_by_document(spans: Iterable[CitationSpan]) -> dict[str, tuple[int, ...]]:
    ordered = sorted(spans, key=lambda s: (s.start is None, s.start or 0, s.index))
    index: dict[str, list[int]] = {}
    for span in ordered:
        for doc_id in span.document_ids:
            index.setdefault(doc_id, []).append(span.index)
    return {doc_id: tuple(ids) for doc_id, ids in index.items()}


@dataclass(frozen=True)
class Segment:
    """A run of the text covered by the same set of citations (for one link/format per run)."""

    start: int
    end: int
    spans: tuple[int, ...]
    """Indexes into `CitationMap.spans` covering this run; empty for plain text."""


def segments(cmap: CitationMap, length: int) -> list[Segment]:
    """Split `0..length` into runs by which anchored citations cover them (overlaps allowed).

    Args:
        cmap: the resolved citations.
        length: the text's length in code points.

    Returns:
        Consecutive runs covering the whole text; only runs with `spans` need highlighting.
    """
    return segments_between(cmap.anchored(), 0, length)


def segments_between(anchored: Sequence[CitationSpan], low: int, high: int) -> list[Segment]:
    """The runs of `segments` that lie in `low..high`, from spans as `CitationMap.anchored()` orders them.

    One sweep over the span edges, so a long answer with hundreds of citations costs
    O(n log n), and a streaming view can re-highlight only the stretch new citations touch.
    """
    relevant = [s for s in anchored if (s.start or 0) < high and (s.end or 0) > low]
    edges = sorted({low, high}.union(*(_inner_edges(s, low, high) for s in relevant)))
    opening: dict[int, list[CitationSpan]] = {}
    for span in relevant:  # in (start, index) order, which each run's `spans` keeps
        if (span.end or 0) > (span.start or 0):
            opening.setdefault(max(span.start or 0, low), []).append(span)
    active: dict[int, int] = {}
    runs: list[Segment] = []
    for left, right in itertools.pairwise(edges):
        for index in [i for i, end in active.items() if end <= left]:
            del active[index]
        active.update((s.index, s.end or 0) for s in opening.get(left, ()))
        runs.append(Segment(left, right, tuple(active)))
    return runs


def _inner_edges(span: CitationSpan, low: int, high: int) -> tuple[int, ...]:
    return tuple(e for e in (span.start or 0, span.end or 0) if low < e < high)
