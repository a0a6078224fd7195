"""Rerank rules at their exact edges: the v1 chunk budget at 1,000 x 10, and comparisons where
ranking B is the shorter one."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.api.models import Flavour
from workbench.core.rerank_compare import compare_rankings
from workbench.core.rerank_docs import check_chunk_budget, rules_for

V1 = rules_for(Flavour.COHERE_V1)


@pytest.mark.parametrize(
    ("count", "chunks"), [(1000, 10), (1000, None), (2000, 5), (10_000, 1), (5001, 2)]
)
def test_v1_chunk_budget_refuses_a_product_of_exactly_10_000_or_more(
    count: int, chunks: int | None
) -> None:
    with pytest.raises(InputError) as caught:
        check_chunk_budget(count, chunks, V1, split=False)
    assert caught.value.where == "max_chunks_per_doc"


@pytest.mark.parametrize(("count", "chunks"), [(999, 10), (999, None), (1111, 9), (9999, 1)])
def test_v1_chunk_budget_accepts_a_product_just_below_10_000(
    count: int, chunks: int | None
) -> None:
    check_chunk_budget(count, chunks, V1, split=False)


def test_v1_chunk_budget_over_the_limit_is_fine_when_split_into_batches() -> None:
    check_chunk_budget(1000, 10, V1, split=True)


def test_compare_when_b_is_shorter_caps_k_and_lists_documents_only_a_ranked() -> None:
    comparison = compare_rankings([0, 1, 2, 3, 4], [3, 0], k=4)
    assert comparison.k == 2
    assert comparison.overlap == 1  # top 2 of A are 0, 1; B holds 3, 0
    assert comparison.overlap_fraction == pytest.approx(1 / 2)
    assert comparison.common == 2
    moves = [(m.index, m.rank_a, m.rank_b, m.delta) for m in comparison.movements]
    assert moves == [
        (3, 4, 1, 3),
        (0, 1, 2, -1),
        (1, 2, None, None),
        (2, 3, None, None),
        (4, 5, None, None),
    ]
    assert comparison.tau == -1.0  # 0 before 3 in A, 3 before 0 in B


def test_compare_when_b_is_empty_or_a_single_document() -> None:
    empty = compare_rankings([0, 1], [], k=3)
    assert (empty.k, empty.overlap, empty.common, empty.tau) == (0, 0, 0, None)
    assert empty.overlap_fraction == 0.0
    assert [(m.index, m.rank_b) for m in empty.movements] == [(0, None), (1, None)]
    single = compare_rankings([2, 0, 1], [1], k=3)
    assert (single.k, single.overlap, single.common, single.tau) == (1, 0, 1, None)
    moves = [(m.index, m.rank_a, m.rank_b) for m in single.movements]
    assert moves == [(1, 3, 1), (2, 1, None), (0, 2, None)]


def test_compare_is_symmetric_in_what_it_counts() -> None:
    a, b = [4, 2, 0, 1, 3], [0, 4, 2]
    ab, ba = compare_rankings(a, b, k=5), compare_rankings(b, a, k=5)
    assert (ab.k, ab.overlap, ab.common, ab.tau) == (ba.k, ba.overlap, ba.common, ba.tau)
    assert len(ab.movements) == len(ba.movements) == 5
