"""Rerank results handed to chat keep their row: rank, score, and an id citations can name."""

from __future__ import annotations

from workbench.core.rerank_handoff import RankedDocument


def test_a_string_document_gets_an_id_naming_its_rank() -> None:
    ranked = RankedDocument(rank=2, score=0.91, index=4, document="SSO is on Business.")
    assert ranked.doc_id == "rerank-2"
    assert ranked.chat_document() == {"id": "rerank-2", "text": "SSO is on Business."}


def test_an_object_keeps_its_own_id_and_its_values_become_strings() -> None:
    document = {"id": "pricing", "title": "Pricing", "seats": 40}
    ranked = RankedDocument(rank=1, score=0.5, index=0, document=document)
    assert ranked.doc_id == "pricing"
    assert ranked.chat_document() == {"id": "pricing", "title": "Pricing", "seats": "40"}


def test_an_object_without_a_string_id_gets_one() -> None:
    ranked = RankedDocument(rank=3, score=0.1, index=1, document={"id": 7, "text": "x"})
    assert ranked.chat_document() == {"id": "rerank-3", "text": "x"}
