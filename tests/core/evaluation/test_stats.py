"""The paired randomization test against scipy's permutation test, and wins/losses by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import stats

from workbench.core.evaluation.metrics import QueryScores
from workbench.core.evaluation.stats import EXACT_LIMIT, TIE, compare, paired_randomization_p


def _scipy_exact(differences: list[float]) -> float:
    result = stats.permutation_test(
        (np.array(differences), np.zeros(len(differences))),
        lambda x, y, axis: np.mean(x - y, axis=axis),
        permutation_type="samples",
        alternative="two-sided",
        n_resamples=np.inf,
    )
    return float(result.pvalue)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([-1.0, -0.5, -0.25, 0.0, 0.1, 0.3, 0.5, 1.0]),
        min_size=2,
        max_size=EXACT_LIMIT,
    )
)
@example([-1.0, -0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.1, 0.5])
@example([-0.5, -0.25, 0.1, 0.3, -0.5, 0.3, 0.3, 0.5, -0.25])
def test_exact_p_value_matches_scipy(differences: list[float]) -> None:
    ours = paired_randomization_p(differences)
    if abs(math.fsum(differences)) <= TIE:
        # No difference at all (e.g. -1, -0.5 and 0.1 x 7, 0.3, 0.5 sum to zero): p is 1.
        # scipy's mean carries float noise there (about 1e-17) and counts only part of the
        # sign assignments as "as far"; ours sums exactly.
        assert ours == 1.0
        return
    assert math.isclose(ours, _scipy_exact(differences), abs_tol=1e-9)


def test_one_query_can_show_nothing() -> None:
    assert paired_randomization_p([0.7]) == 1.0


def test_sampled_p_value_is_fixed_and_close_to_the_truth() -> None:
    differences = [0.1 * ((i % 7) - 2) for i in range(40)]
    first = paired_randomization_p(differences)
    assert first == paired_randomization_p(differences)  # a fixed seed
    sampled = stats.permutation_test(
        (np.array(differences), np.zeros(len(differences))),
        lambda x, y, axis: np.mean(x - y, axis=axis),
        permutation_type="samples",
        n_resamples=50_000,
        rng=np.random.default_rng(1),
    )
    assert first == pytest.approx(sampled.pvalue, abs=0.004)
    assert paired_randomization_p([0.2, -0.2] * 20) == pytest.approx(1.0, abs=0.001)


def test_compare_counts_wins_losses_and_ties() -> None:
    a = [
        QueryScores("q1", 0.5, 1.0, 1.0),
        QueryScores("q2", 0.2, 0.5, 0.5),
        QueryScores("q3", 1, 1, 1),
    ]
    b = [
        QueryScores("q2", 0.4, 0.5, 0.5),
        QueryScores("q1", 0.1, 0.5, 1.0),
        QueryScores("q3", 1, 1, 1),
    ]
    result = compare(a, b)
    ndcg = result.metrics["ndcg"]
    assert (ndcg.wins, ndcg.losses, ndcg.ties) == (1, 1, 1)
    assert ndcg.difference == pytest.approx((0.5 - 0.7) / 3)
    assert [q.outcome("ndcg") for q in result.queries] == ["loss", "win", "tie"]
    assert result.metrics["recall"].p_value == 1.0
