"""The sandbox's own v1 rule, documents x max_chunks_per_doc below 10,000, at its exact edge."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import httpx


def _rerank_v1(http: httpx.Client, count: int, chunks: int | None) -> httpx.Response:
    body: dict[str, object] = {"query": "apples", "documents": [f"doc {i}" for i in range(count)]}
    if chunks is not None:
        body["max_chunks_per_doc"] = chunks
    return http.post("/v1/rerank", json=body)


@pytest.mark.parametrize(("count", "chunks"), [(1000, 10), (1000, None), (2500, 4)])
def test_exactly_10_000_is_refused(http: httpx.Client, count: int, chunks: int | None) -> None:
    response = _rerank_v1(http, count, chunks)
    assert response.status_code == 400
    assert "max_chunks_per_doc" in response.json()["message"]


@pytest.mark.parametrize(("count", "chunks"), [(999, 10), (999, None), (1111, 9)])
def test_just_below_10_000_is_ranked(http: httpx.Client, count: int, chunks: int | None) -> None:
    response = _rerank_v1(http, count, chunks)
    assert response.status_code == 200, response.text
    assert len(response.json()["results"]) == count
