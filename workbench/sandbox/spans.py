"""Rerank 5's `relevant_spans` for the sandbox: the sentences of a document that match the query.

A sentence's score is the share of the query's content terms it contains (stemmed, stop words
left out), so a span really is the sentence that carries the query's words. Offsets are code
points, `[start, end)`, as the API documents them.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.sandbox import validate as v
from workbench.sandbox.text import content_terms, sentences, stems

DEFAULT_THRESHOLD = 0.1
_NEWER = re.compile(r"rerank\D*?v([5-9]|\d{2,})", re.IGNORECASE)


def span_options(body: dict[str, Any]) -> tuple[float, int | None] | None:
    """(threshold, max_spans) when the request enabled `relevant_spans`, else None.

    Raises:
        SandboxHTTPError: a malformed option, or a model older than Rerank 5.
    """
    option = body.get("relevant_spans")
    if option is None:
        return None
    if not isinstance(option, dict):
        raise v.bad("relevant_spans", "must be an object with mode, threshold and max_spans")
    at = "relevant_spans"
    mode = v.choice(option, "mode", ("enabled", "disabled"), at=at)
    if mode is None:
        raise v.bad(v.path(at, "mode"), "is required: enabled or disabled")
    threshold = v.number(option, "threshold", 0.0, 1.0, at=at)
    max_spans = v.integer(option, "max_spans", low=1, at=at)
    if mode == "disabled":
        return None
    model = body.get("model")
    if not (isinstance(model, str) and _NEWER.search(model)):
        raise v.bad("relevant_spans", "is only supported for Rerank v5 and newer models")
    return (DEFAULT_THRESHOLD if threshold is None else threshold), max_spans


def relevant_spans(
    query: str, text: str, threshold: float, max_spans: int | None
) -> list[dict[str, Any]]:
    """The sentences of `text` scoring above `threshold`, best first, at most `max_spans`."""
    wanted = set(content_terms(query))
    if not wanted:
        return []
    found = []
    for start, sentence in sentences(text):
        score = len(wanted & set(stems(sentence))) / len(wanted)
        if score > threshold:
            found.append({"start": start, "end": start + len(sentence), "score": round(score, 4)})
    found.sort(key=lambda s: (-s["score"], s["start"]))
    return found[:max_spans] if max_spans else found
