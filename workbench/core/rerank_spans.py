"""Rerank 5's relevant spans placed in the text that was ranked, ready for a view to mark."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.api import ranked_document_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import Document, RelevantSpan


@dataclass(frozen=True)
class SpanMark:
    """One span inside the ranked text: `[start, end)` in code points, its score and its words."""

    start: int
    end: int
    score: float
    text: str


def ranked_text(document: Document, rank_fields: Sequence[str] | None) -> str:
    """The text a v2 rerank scored for this document, which span offsets count in."""
    return ranked_document_text(document, list(rank_fields) if rank_fields else None)


def span_marks(text: str, spans: Sequence[RelevantSpan]) -> list[SpanMark]:
    """The spans clamped to `text` (a server may count past its end), in text order, empty dropped.

    Args:
        text: the ranked text.
        spans: the hit's spans as the server sent them (most relevant first).
    """
    marks = []
    for span in spans:
        start, end = min(span.start, len(text)), min(span.end, len(text))
        if end > start:
            marks.append(SpanMark(start, end, span.score, text[start:end]))
    return sorted(marks, key=lambda m: m.start)


def spans_caption(marks: Sequence[SpanMark]) -> str:
    """Lines for the view's header: `// span 1 · score 0.67 · characters 20 to 48`, best first."""
    best_first = sorted(marks, key=lambda m: -m.score)
    return "\n".join(
        f"// span {n} · score {m.score:.2f} · characters {m.start} to {m.end}"
        for n, m in enumerate(best_first, start=1)
    )
