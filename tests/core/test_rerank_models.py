"""The rerank model table: names map to families, and the query warning follows each family."""

from __future__ import annotations

import pytest

from workbench.core.rerank_compare import batch_size
from workbench.core.rerank_docs import query_token_label, query_token_note
from workbench.core.rerank_models import (
    RERANK_3,
    RERANK_3_5,
    RERANK_4,
    RERANK_5,
    UNKNOWN,
    limits_for,
)

LONG_QUERY = "x" * (3_000 * 4)  # about 3,000 tokens by the estimate


@pytest.mark.parametrize(
    ("name", "limits"),
    [
        ("rerank-english-v3.0", RERANK_3),
        ("rerank-multilingual-v3.0", RERANK_3),
        ("Cohere-rerank-v3-english", RERANK_3),
        ("rerank-v3.5", RERANK_3_5),
        ("Cohere-rerank-v3.5", RERANK_3_5),
        ("cohere.rerank-v3-5:0", RERANK_3_5),
        ("rerank-v4.0-pro", RERANK_4),
        ("Cohere-rerank-v4.0-fast", RERANK_4),
        ("rerank-v5.0-fast", RERANK_5),
        ("rerank-v5.0-pro", RERANK_5),
        ("my-deployment", UNKNOWN),
        (None, UNKNOWN),
        ("rerank-2.5", UNKNOWN),
    ],
)
def test_model_names_map_to_families(name: str | None, limits: object) -> None:
    assert limits_for(name) is limits


def test_only_rerank_5_takes_relevant_spans() -> None:
    assert [f.relevant_spans for f in (RERANK_3, RERANK_3_5, RERANK_4, RERANK_5)] == [
        False,
        False,
        False,
        True,
    ]


def test_rerank_4_query_past_2048_tokens_is_not_flagged_but_rerank_3_5_is() -> None:
    tokens, over = query_token_note(LONG_QUERY, "rerank-v4.0-pro")
    assert tokens > 2_048
    assert not over
    assert query_token_note(LONG_QUERY, "rerank-v3.5") == (tokens, True)
    assert query_token_note(LONG_QUERY, None) == (tokens, True)  # unknown: the strict limit


def test_query_label_names_the_limit_and_family() -> None:
    assert query_token_label(LONG_QUERY, "rerank-v4.0-fast") == "≈ 3,000 / 4,096 tokens (Rerank 4)"
    assert query_token_label(LONG_QUERY, "rerank-v3.5").startswith(
        "⚠ ≈ 3,000 / 2,048 tokens (Rerank 3.5): too long"
    )


def test_batches_follow_the_families_advice() -> None:
    assert batch_size(1, RERANK_4.recommended_documents) == 1_000
    assert batch_size(1, 250) == 250
