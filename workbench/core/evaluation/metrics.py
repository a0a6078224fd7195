"""nDCG@k, MRR@k and Recall@k exactly as trec_eval computes them, per query and as a mean.

trec_eval (`ndcg_cut`, `recip_rank`, `recall`) ranks a query's documents by score, ties by document
id descending (`trec.trec_order`), and reads relevance from the qrels:

* nDCG@k: the gain of a document is its relevance grade (0 for grades of 0 or less), discounted by
  log2(rank + 1); the ideal is every judged document with a grade above 0, best grade first, cut
  at k as well. A query without relevant documents scores 0.
* MRR@k: 1 / the rank of the first document with relevance >= 1 within the top k, else 0.
* Recall@k: relevant documents (relevance >= 1) in the top k / every relevant judged document
  (0 when the qrels hold none), so judged documents the candidates miss count against it.

The mean is the arithmetic mean over the evaluated queries (those both judged and ranked), as
trec_eval's "all" line without `-c`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.evaluation.trec import trec_order

if TYPE_CHECKING:
    from collections.abc import Mapping

    from workbench.core.evaluation.sets import Qrels, Run

METRICS = ("ndcg", "mrr", "recall")
"""The metric keys, in the order tables show them."""
LABELS = {"ndcg": "nDCG@{k}", "mrr": "MRR@{k}", "recall": "Recall@{k}"}
MAX_K = 1000
"""The largest cut-off the GUI's k field and `eval --k` take: far past any candidate list a
rerank answers for (100 by default), and its labels still fit the command line's table."""


def metric_label(metric: str, k: int) -> str:
    """`nDCG@10`, `MRR@10`, `Recall@10`."""
    return LABELS[metric].format(k=k)


def ndcg_at(ranking: list[str], judged: Mapping[str, int], k: int) -> float:
    """trec_eval's `ndcg_cut.k` for one query."""
    dcg = sum(
        judged.get(doc, 0) / math.log2(rank + 1)
        for rank, doc in enumerate(ranking[:k], 1)
        if judged.get(doc, 0) > 0
    )
    ideal_gains = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    ideal = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(ideal_gains, 1))
    return dcg / ideal if ideal > 0 else 0.0


def rr_at(ranking: list[str], judged: Mapping[str, int], k: int) -> float:
    """Reciprocal rank of the first relevant document (relevance >= 1) within the top k."""
    for rank, doc in enumerate(ranking[:k], 1):
        if judged.get(doc, 0) >= 1:
            return 1.0 / rank
    return 0.0


def recall_at(ranking: list[str], judged: Mapping[str, int], k: int) -> float:
    """trec_eval's `recall.k`: relevant retrieved in the top k over all relevant judged."""
    relevant = sum(1 for grade in judged.values() if grade >= 1)
    if relevant == 0:
        return 0.0
    found = sum(1 for doc in ranking[:k] if judged.get(doc, 0) >= 1)
    return found / relevant


@dataclass(frozen=True)
class QueryScores:
    """One query's metrics."""

    query_id: str
    ndcg: float
    mrr: float
    recall: float

    def value(self, metric: str) -> float:
        """The value of `ndcg`, `mrr` or `recall`."""
        return float(getattr(self, metric))


def score_query(
    query_id: str, scores: Mapping[str, float], judged: Mapping[str, int], k: int
) -> QueryScores:
    """One query's metrics from its documents' scores (ranked as trec_eval ranks them)."""
    ranking = trec_order(dict(scores))
    return QueryScores(
        query_id,
        ndcg_at(ranking, judged, k),
        rr_at(ranking, judged, k),
        recall_at(ranking, judged, k),
    )


def score_run(run: Run, qrels: Qrels, k: int) -> list[QueryScores]:
    """Per-query metrics for every query both judged and ranked, in the run's order.

    Args:
        run: query id → document id → score.
        qrels: query id → document id → relevance grade.
        k: the cut-off.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    return [score_query(q, scores, qrels[q], k) for q, scores in run.items() if q in qrels]


def mean(per_query: list[QueryScores], metric: str) -> float:
    """The arithmetic mean of one metric over the queries (0 with none)."""
    if not per_query:
        return 0.0
    return math.fsum(q.value(metric) for q in per_query) / len(per_query)


def means(per_query: list[QueryScores]) -> dict[str, float]:
    """Every metric's mean."""
    return {metric: mean(per_query, metric) for metric in METRICS}
