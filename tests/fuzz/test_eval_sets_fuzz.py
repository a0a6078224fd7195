"""Property tests of the labelled-set readers: damaged BEIR files, JSONL, CSV, qrels and run files
give a set or the project's InputError (naming the file), never anything else."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import JSON, dumps, encode, mutated
from workbench.api.errors import InputError
from workbench.core.evaluation.readers import load_set

GOOD_ROW = {
    "query_id": "q1",
    "query": "soup",
    "documents": [{"id": "d1", "text": "t", "relevance": 1}],
}
GOOD_DOC = {"_id": "d1", "title": "T", "text": "lentil soup"}
GOOD_QUERY = {"_id": "q1", "text": "soup"}
LINE = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


def _load(files: dict[str, bytes], target: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        problem: InputError | None = None
        try:
            eval_set = load_set(root / target)
        except InputError as exc:
            problem = exc
        if problem is not None:
            assert problem.title  # names the file
            return
        for query in eval_set.queries:  # what is accepted is usable
            assert query.candidates
            assert all(d in eval_set.documents for d in query.candidates)
            assert query.id in eval_set.qrels


@st.composite
def jsonl(draw: st.DrawFn, good: dict[str, Any]) -> bytes:
    rows = [
        draw(mutated(good)) if draw(st.booleans()) else good for _ in range(draw(st.integers(1, 3)))
    ]
    rows += draw(st.lists(JSON, max_size=1))
    text = "\n".join(dumps(r, ascii_only=draw(st.booleans())) for r in rows)
    return encode(text)


@given(data=jsonl(GOOD_ROW))
def test_one_jsonl_file(data: bytes) -> None:
    _load({"set.jsonl": data}, "set.jsonl")


@given(lines=st.lists(LINE, max_size=5))
def test_one_csv_file(lines: list[str]) -> None:
    _load(
        {"set.csv": ("query_id,query,doc_id,text,relevance\n" + "\n".join(lines)).encode()},
        "set.csv",
    )


@given(
    corpus=jsonl(GOOD_DOC),
    queries=jsonl(GOOD_QUERY),
    qrels=st.lists(LINE, max_size=4),
    run=st.lists(LINE, max_size=4),
)
def test_beir_folder_with_qrels_and_run(
    corpus: bytes, queries: bytes, qrels: list[str], run: list[str]
) -> None:
    files = {
        "corpus.jsonl": corpus,
        "queries.jsonl": queries,
        "qrels/test.tsv": ("q1\td1\t1\n" + "\n".join(qrels)).encode(),
    }
    if run:
        files["run.trec"] = ("\n".join(["q1 Q0 d1 1 0.5 x", *run])).encode()
    _load(files)


def test_the_good_rows_load() -> None:
    _load({"set.jsonl": json.dumps(GOOD_ROW).encode()}, "set.jsonl")
