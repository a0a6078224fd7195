"""Labelled sets: the set, its queries, documents and graded judgments, and where they came from.

A set is read by `workbench.core.evaluation.readers` from a BEIR folder, a TREC qrels file beside a
corpus and queries, or one JSONL or CSV file. Each query's candidates are the whole corpus when it
holds up to `WHOLE_CORPUS_LIMIT` documents, else the top of a TREC run file from a first-stage
retriever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.api.text import Text

WHOLE_CORPUS_LIMIT = 1000
"""Up to this many documents, every query is reranked against the whole corpus."""

Qrels = dict[str, dict[str, int]]
"""Judgments: query id → document id → graded relevance (0 or less: not relevant)."""
Run = dict[str, dict[str, float]]
"""Scores: query id → document id → score (higher ranks first)."""


@dataclass(frozen=True)
class EvalDocument:
    """One document of the corpus."""

    id: str
    text: str
    title: str = ""

    def rerank_text(self) -> str:
        """What the reranker reads: the title on its own line above the text, when there is one."""
        return f"{self.title}\n{self.text}" if self.title else self.text


@dataclass(frozen=True)
class EvalQuery:
    """One query with the ids of the documents to rerank for it."""

    id: str
    text: str
    candidates: tuple[str, ...]


@dataclass
class EvalSet:
    """A labelled set ready to run: queries with candidates, the corpus, the judgments."""

    name: str
    """For people: the folder's or file's name."""
    queries: list[EvalQuery]
    documents: dict[str, EvalDocument]
    qrels: Qrels
    fingerprint: str = ""
    """A digest of the files read; progress saved for another set is never reused."""
    notes: list[Text] = field(default_factory=list)
    """What was skipped or assumed while reading, in words: `str()` gives the English the
    command line prints; the GUI shows each in its language (`core_text.shown`)."""

    def query(self, query_id: str) -> EvalQuery:
        """The query with this id (KeyError when there is none)."""
        for query in self.queries:
            if query.id == query_id:
                return query
        raise KeyError(query_id)
