"""The Rerank inputs file: written redacted and atomically, read back or refused with where."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from workbench.api.errors import InputError
from workbench.core.saved_rerank import SavedRerank, load_inputs, write_inputs

if TYPE_CHECKING:
    from pathlib import Path


def test_inputs_written_are_read_back_the_same(tmp_path: Path) -> None:
    saved = SavedRerank(
        query="q", documents='[{"a": "é"}', rank_fields=("a",), top_n=3, return_documents=True
    )
    path = write_inputs(saved, tmp_path / "inputs.json")
    assert load_inputs(path) == saved
    assert [p.name for p in tmp_path.iterdir()] == ["inputs.json"]  # no temporary file left


def test_no_file_is_no_inputs(tmp_path: Path) -> None:
    assert load_inputs(tmp_path / "absent.json") is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"format": "cohere-workbench.rerank-inputs",\n "query": ]', "inputs.json line 2, column"),
        ('["not", "an", "object"]', "inputs.json"),
        ('{"format": "cohere-workbench.chat", "query": "q"}', "inputs.json"),
        ('{"format": "cohere-workbench.rerank-inputs", "top_n": -4}', "inputs.json: top_n"),
        ('{"format": "cohere-workbench.rerank-inputs", "query": 5}', "inputs.json: query"),
        (
            '{"format": "cohere-workbench.rerank-inputs", "top_n": 1e999}',
            "inputs.json line 1, column",
        ),
        (
            '{"format": "cohere-workbench.rerank-inputs", "priority": 9' + "9" * 40 + "}",
            "inputs.json: priority",
        ),
        (
            '{"format": "cohere-workbench.rerank-inputs", "span_threshold": 2}',
            "inputs.json: span_threshold",
        ),
        (
            '{"format": "cohere-workbench.rerank-inputs", "relevant_spans": 1}',
            "inputs.json: relevant_spans",
        ),
        (
            '{"format": "cohere-workbench.rerank-inputs", "rank_fields": ["a", 2]}',
            "inputs.json: rank_fields",
        ),
    ],
)
def test_a_damaged_file_is_refused_saying_where(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "inputs.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    assert caught.value.title == "Saved rerank inputs are damaged"
    assert caught.value.where.startswith(where)
