"""The `wrong_citations` fault: an answer whose citations point at the wrong text and sources."""

from __future__ import annotations

import dataclasses

from workbench.sandbox.prompt import Answer, Span

UNKNOWN_SOURCE = "doc-never-sent"
"""The source id a misplaced citation names (no request sends it)."""


def misplaced(answer: Answer) -> Answer:
    """`answer` with each citation moved three characters on (its text kept) and citing a source
    the request never sent, as a server with an offset bug would answer."""
    spans = tuple(Span(c.start + 3, c.end + 3, c.text, (UNKNOWN_SOURCE,)) for c in answer.citations)
    return dataclasses.replace(answer, citations=spans)
