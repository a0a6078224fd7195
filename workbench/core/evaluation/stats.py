"""Two endpoints compared over the same queries: mean difference, a paired test, wins and losses.

The test is a two-sided paired randomization (sign-flip permutation) test on the per-query
differences: under the null hypothesis that the two endpoints are exchangeable, each query's
difference is as likely to carry either sign, so the p-value is the share of sign assignments
whose mean difference is at least as far from zero as the one observed. It is the test Smucker,
Allan and Carterette (CIKM 2007) recommend for IR metrics: it assumes no normal distribution
(per-query nDCG and reciprocal-rank differences are bounded, lumpy and often skewed, and sets are
small), only that queries are independent. Up to `EXACT_LIMIT` queries every assignment is
counted (an exact p-value); beyond, `PERMUTATIONS` random ones from a fixed seed, so the same
figures always give the same p-value, with p = (hits + 1) / (permutations + 1).
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass

from workbench.core.evaluation.metrics import METRICS, QueryScores, mean

EXACT_LIMIT = 12
"""Up to this many queries the test enumerates all 2^n sign assignments."""
PERMUTATIONS = 10_000
SEED = 20261202
TIE = 1e-12
"""Differences closer to zero than this are ties (rounding, not a win)."""
TEST_NAME = "two-sided paired randomization (sign-flip) test over queries"


def paired_randomization_p(differences: list[float], *, permutations: int = PERMUTATIONS) -> float:
    """The two-sided p-value of a paired randomization test on per-query differences.

    Args:
        differences: B minus A, one per query.
        permutations: random sign assignments drawn when there are too many to count.

    Returns:
        A p-value in (0, 1]; 1.0 with no queries or all differences zero.
    """
    n = len(differences)
    observed = abs(math.fsum(differences))
    if n == 0 or observed <= TIE:
        return 1.0
    threshold = observed - 1e-9 * max(1.0, observed)  # equal sums count as "at least as far"
    if n <= EXACT_LIMIT:
        hits = sum(
            1
            for signs in itertools.product((1, -1), repeat=n)
            if abs(math.fsum(s * d for s, d in zip(signs, differences, strict=True))) >= threshold
        )
        return float(hits / 2**n)
    rng = random.Random(SEED)
    total = math.fsum(differences)
    hits = 0
    for _ in range(permutations):
        bits = rng.getrandbits(n)
        flipped = math.fsum(d for i, d in enumerate(differences) if bits >> i & 1)
        if abs(total - 2 * flipped) >= threshold:
            hits += 1
    return (hits + 1) / (permutations + 1)


@dataclass(frozen=True)
class MetricDelta:
    """One metric compared: both means, their difference, the p-value, wins and losses of B."""

    metric: str
    mean_a: float
    mean_b: float
    p_value: float
    wins: int
    """Queries where B scores higher."""
    losses: int
    ties: int

    @property
    def difference(self) -> float:
        """B's mean minus A's."""
        return self.mean_b - self.mean_a


@dataclass(frozen=True)
class QueryDelta:
    """One query's figures on both sides."""

    query_id: str
    a: QueryScores
    b: QueryScores

    def delta(self, metric: str) -> float:
        """B minus A on one metric."""
        return self.b.value(metric) - self.a.value(metric)

    def outcome(self, metric: str) -> str:
        """ "win" (B higher), "loss" or "tie"."""
        d = self.delta(metric)
        return "win" if d > TIE else "loss" if d < -TIE else "tie"


@dataclass(frozen=True)
class Comparison:
    """Endpoint B against endpoint A over the queries both ranked."""

    metrics: dict[str, MetricDelta]
    queries: list[QueryDelta]
    test: str = TEST_NAME


def compare(a: list[QueryScores], b: list[QueryScores]) -> Comparison:
    """Compare B with A over the queries both have scores for (in A's order)."""
    by_id = {q.query_id: q for q in b}
    pairs = [QueryDelta(q.query_id, q, by_id[q.query_id]) for q in a if q.query_id in by_id]
    shared_a = [p.a for p in pairs]
    shared_b = [p.b for p in pairs]
    deltas = {}
    for metric in METRICS:
        outcomes = [p.outcome(metric) for p in pairs]
        deltas[metric] = MetricDelta(
            metric,
            mean(shared_a, metric),
            mean(shared_b, metric),
            paired_randomization_p([p.delta(metric) for p in pairs]),
            outcomes.count("win"),
            outcomes.count("loss"),
            outcomes.count("tie"),
        )
    return Comparison(deltas, pairs)
