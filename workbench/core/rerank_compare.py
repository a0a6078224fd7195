"""Rerank comparison and batching: rank movements, overlap@k, Kendall's tau; split and merge batches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.api.models import RerankHit, RerankResponse
from workbench.core.rerank_docs import (
    DEFAULT_MAX_CHUNKS_PER_DOC,
    MAX_DOCS_TIMES_CHUNKS,
    RECOMMENDED_MAX_DOCUMENTS,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


# --- comparison ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Movement:
    """Where one document landed in rankings A and B (ranks are 1-based)."""

    index: int
    """Position of the document in the request."""
    rank_a: int | None
    rank_b: int | None

    @property
    def delta(self) -> int | None:
        """Places gained in B (positive = moved up); None when missing from either ranking."""
        if self.rank_a is None or self.rank_b is None:
            return None
        return self.rank_a - self.rank_b


@dataclass(frozen=True)
class Comparison:
    """Two rankings of the same documents, compared."""

    movements: list[Movement]
    """In B's order, then documents only A ranked (in A's order)."""
    k: int
    overlap: int
    """How many documents both top-k lists share."""
    tau: float | None
    """Kendall's tau over documents both rankings contain; None with fewer than two."""
    common: int

    @property
    def overlap_fraction(self) -> float:
        """overlap / k (0 when k is 0)."""
        return self.overlap / self.k if self.k else 0.0


def overlap_at_k(a: Sequence[int], b: Sequence[int], k: int) -> int:
    """How many documents appear in the first `k` of both rankings."""
    return len(set(a[:k]) & set(b[:k]))


def kendall_tau(a: Sequence[int], b: Sequence[int]) -> float | None:
    """Kendall's tau-a between two rankings, over the documents both contain.

    Rankings never tie (each rank holds one document), so tau-a equals tau-b here:
    (concordant pairs - discordant pairs) / (n * (n - 1) / 2).

    Args:
        a: document indexes in A's order.
        b: document indexes in B's order.

    Returns:
        A value in [-1, 1], or None when fewer than two documents are shared.
    """
    in_b = {doc: pos for pos, doc in enumerate(b)}
    shared = [doc for doc in a if doc in in_b]
    n = len(shared)
    if n < 2:
        return None
    # `shared` is in A's order; a pair is concordant when B keeps that order.
    positions = [in_b[doc] for doc in shared]
    score = 0
    for i in range(n):
        pi = positions[i]
        for j in range(i + 1, n):
            score += 1 if positions[j] > pi else -1
    return score / (n * (n - 1) / 2)


def compare_rankings(a: Sequence[int], b: Sequence[int], k: int) -> Comparison:
    """Compare ranking A with ranking B.

    Args:
        a: document indexes in A's order (best first).
        b: document indexes in B's order.
        k: the cut-off for overlap; capped at the shorter ranking's length.

    Returns:
        Movements, overlap at k and Kendall's tau.
    """
    rank_a = {doc: pos + 1 for pos, doc in enumerate(a)}
    rank_b = {doc: pos + 1 for pos, doc in enumerate(b)}
    movements = [Movement(doc, rank_a.get(doc), rank_b[doc]) for doc in b]
    movements += [Movement(doc, rank_a[doc], None) for doc in a if doc not in rank_b]
    k = max(0, min(k, len(a), len(b)))
    return Comparison(
        movements=movements,
        k=k,
        overlap=overlap_at_k(a, b, k),
        tau=kendall_tau(a, b),
        common=len(rank_a.keys() & rank_b.keys()),
    )


# --- batching -----------------------------------------------------------------------------------


def batch_size(
    max_chunks_per_doc: int | None = None,
    recommended: int = RECOMMENDED_MAX_DOCUMENTS,
    *,
    budget: int = MAX_DOCS_TIMES_CHUNKS,
    default_chunks: int = DEFAULT_MAX_CHUNKS_PER_DOC,
) -> int:
    """Largest batch that keeps to the model's advised documents per request (1,000 for every
    family so far, see `rerank_models`) and documents * chunks < budget.

    Args:
        max_chunks_per_doc: chunks per document as sent (None: the server's `default_chunks`).
        recommended: the model's advised documents per request.
        budget: the flavour's chunk budget (v1: 10,000).
        default_chunks: the flavour's max_chunks_per_doc when none is sent (v1: 10).
    """
    chunks = max_chunks_per_doc or default_chunks
    return max(1, min(recommended, (budget - 1) // chunks))


def split_batches(count: int, size: int) -> list[range]:
    """Consecutive index ranges of at most `size` covering `count` documents."""
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def merge_batches(
    parts: Sequence[tuple[range, RerankResponse]], top_n: int | None
) -> RerankResponse:
    """Merge per-batch answers into one ranking over the whole document list.

    Relevance scores are absolute per (query, document), so hits from different batches can be
    ordered together. Indexes are shifted back to the full list; billed units add up; latency is
    the sum (batches run one after another).

    Args:
        parts: each batch's index range with its response.
        top_n: keep this many best hits (all when None).

    Returns:
        One response.
    """
    hits: list[RerankHit] = []
    billed: dict[str, float] = {}
    warnings: list[str] = []
    latency = 0.0
    for span, response in parts:
        for hit in response.results:
            hits.append(hit.model_copy(update={"index": span.start + hit.index}))
        for unit, amount in response.billed_units.items():
            billed[unit] = billed.get(unit, 0.0) + amount
        warnings.extend(response.warnings)
        latency += response.latency_ms
    hits.sort(key=lambda h: (-h.relevance_score, h.index))
    if top_n is not None:
        hits = hits[:top_n]
    raw = {"batches": [r.raw for _, r in parts]}
    return RerankResponse(
        id=None, results=hits, billed_units=billed, warnings=warnings, latency_ms=latency, raw=raw
    )
