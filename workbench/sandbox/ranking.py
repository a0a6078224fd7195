"""Lexical relevance with BM25 (rank-bm25's BM25Okapi): chunking, truncation and 0..1 scores."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rank_bm25 import BM25Okapi

from workbench.sandbox.text import content_terms, stems, words

if TYPE_CHECKING:
    from collections.abc import Sequence

CONTEXT_TOKENS = 4096
"""Rerank 3's window for (query + one document chunk); longer documents are chunked."""

_PAD_TOKEN = ""
"""A token no query can contain (queries are made of non-empty words): fills the padding documents."""


def chunk(tokens: Sequence[str], size: int, max_chunks: int) -> list[list[str]]:
    """Split `tokens` into at most `max_chunks` pieces of `size` tokens (one empty chunk if none)."""
    if not tokens:
        return [[]]
    size = max(1, size)
    return [list(tokens[i : i + size]) for i in range(0, len(tokens), size)][: max(1, max_chunks)]


def squash(score: float) -> float:
    """Map a BM25 score to 0..1, monotone; zero overlap gives a low but nonzero score."""
    return 1.0 / (1.0 + math.exp(-(1.2 * score - 2.5)))


def bm25_scores(query: Sequence[str], corpus: Sequence[Sequence[str]]) -> list[float]:
    """BM25Okapi scores of every corpus entry for `query`.

    BM25Okapi's idf turns negative for a term found in more than half the corpus, which would rank
    a matching document below one that matches nothing when only a few documents are sent. Padding
    the corpus with as many neutral documents (of average length, made of a token no query has)
    keeps every idf positive without changing the length normalisation.
    """
    if not corpus:
        return []
    lengths = [len(doc) for doc in corpus]
    average = max(1, round(sum(lengths) / len(lengths)))
    padding = [[_PAD_TOKEN] * average] * (len(corpus) + 1)
    model = BM25Okapi([list(doc) or [_PAD_TOKEN] for doc in corpus] + padding)
    scores = model.get_scores(list(query))
    return [float(s) for s in scores[: len(corpus)]]


def query_terms(query: str) -> list[str]:
    """A query's terms: its stemmed words without stop words (all of them if only stop words).

    Stop words in a query ("with", "under") match nearly every document and only add noise;
    stemming plurals on both sides lets "lentils" match "lentil".
    """
    return content_terms(query) or stems(query)


def rank_chunked(query: str, texts: Sequence[str], max_chunks_per_doc: int) -> list[float]:
    """v1 relevance: each text is chunked to fit the window and scores as its best chunk.

    Args:
        query: the search query.
        texts: the documents' ranked text, one per document.
        max_chunks_per_doc: chunks kept per document; text past them is ignored.

    Returns:
        One 0..1 score per text, in input order.
    """
    q = query_terms(query)
    size = CONTEXT_TOKENS - len(words(query))
    owners: list[int] = []
    corpus: list[list[str]] = []
    for i, text in enumerate(texts):
        for piece in chunk(stems(text), size, max_chunks_per_doc):
            owners.append(i)
            corpus.append(piece)
    best = [-math.inf] * len(texts)
    for owner, score in zip(owners, bm25_scores(q, corpus), strict=True):
        best[owner] = max(best[owner], score)
    return [squash(s) for s in best]


def rank_truncated(query: str, texts: Sequence[str], max_tokens_per_doc: int) -> list[float]:
    """v2 relevance: each text is cut to `max_tokens_per_doc` tokens, then scored whole."""
    q = query_terms(query)
    corpus = [stems(t)[: max(1, max_tokens_per_doc)] for t in texts]
    return [squash(s) for s in bm25_scores(q, corpus)]
