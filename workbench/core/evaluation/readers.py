"""Load a labelled set: a BEIR folder, a folder with TREC qrels, or one JSONL or CSV file
(`one_file.py`).

A BEIR folder holds `corpus.jsonl` (`{"_id", "title", "text"}`), `queries.jsonl` (`{"_id",
"text"}`) and `qrels/test.tsv`; the qrels may be TREC's four columns instead (`qrels/test.txt`,
`qrels.txt` or `qrels.trec` are looked for too). A corpus over `WHOLE_CORPUS_LIMIT` documents needs
a TREC run file (given, or `run.trec` in the folder) whose top `depth` documents per query are the
candidates. One JSONL file holds a query per line, `{"query_id"?, "query", "documents": [{"id"?,
"title"?, "text", "relevance"?}]}`; one CSV file a row per query and document, columns `query`,
`text` and optionally `query_id`, `doc_id`, `title`, `relevance`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.evaluation.files import Reader, identifier, problem, string
from workbench.core.evaluation.one_file import one_csv, one_jsonl
from workbench.core.evaluation.sets import (
    WHOLE_CORPUS_LIMIT,
    EvalDocument,
    EvalQuery,
    EvalSet,
    Qrels,
)
from workbench.core.evaluation.trec import read_qrels, read_run, trec_order

if TYPE_CHECKING:
    from collections.abc import Iterable

DEFAULT_DEPTH = 100
"""Candidates taken per query from a run file."""
QRELS_NAMES = ("qrels/test.tsv", "qrels/test.txt", "qrels.txt", "qrels.trec", "qrels.tsv")
RUN_NAMES = ("run.trec", "run.txt")


def load_set(
    path: str | Path,
    *,
    run_file: str | Path | None = None,
    qrels_file: str | Path | None = None,
    depth: int = DEFAULT_DEPTH,
) -> EvalSet:
    """Read a labelled set from a folder or a file.

    Args:
        path: a BEIR-style folder, or one `.jsonl`/`.csv` file.
        run_file: a TREC run file giving each query's candidates (a folder's `run.trec` if None).
        qrels_file: judgments to use instead of the folder's own.
        depth: candidates per query taken from the run file.

    Returns:
        The set; queries without any judgment are left out (trec_eval evaluates only judged ones).

    Raises:
        InputError: the file, line and field at fault.
    """
    root = Path(path)
    reader = Reader()
    if root.is_dir():
        loaded = _folder(root, reader, run_file, qrels_file, depth)
    elif root.suffix.lower() in {".jsonl", ".ndjson"}:
        loaded = one_jsonl(root, reader)
    elif root.suffix.lower() in {".csv", ".tsv"}:
        loaded = one_csv(root, reader)
    elif not root.exists():
        raise InputError(Text("no such file or folder"), title=root.name or str(root))
    else:
        expected = Text("expected a BEIR-style folder, a .jsonl file or a .csv file")
        raise InputError(expected, title=root.name)
    loaded.fingerprint = reader.fingerprint()
    return loaded


def folder_run_file(path: str | Path) -> Path | None:
    """The run file a set folder holds (`run.trec`, `run.txt`), read when no other is given."""
    root = Path(path)
    return _optional(root, RUN_NAMES) if root.is_dir() else None


# --- a folder ----------------------------------------------------------------------------------


def _folder(
    root: Path,
    reader: Reader,
    run_file: str | Path | None,
    qrels_file: str | Path | None,
    depth: int,
) -> EvalSet:
    corpus = _corpus(reader, _need(root, "corpus.jsonl"))
    texts = _queries(reader, _need(root, "queries.jsonl"))
    qrels_path = Path(qrels_file) if qrels_file else _first(root, QRELS_NAMES, "qrels/test.tsv")
    judged_on: dict[str, int] = {}
    qrels = read_qrels(reader, qrels_path, judged_on)
    for query_id in qrels:
        if query_id not in texts:
            message = Text("query %1 is judged but not in queries.jsonl", repr(query_id))
            raise problem(qrels_path.name, judged_on[query_id], message, "query-id")
    run_path = Path(run_file) if run_file else folder_run_file(root)
    # Counts go in as strings: the command line has always printed them ungrouped ("1234").
    notes: list[Text] = []
    if run_path is not None:
        reader.fold(f"depth={depth}")
        candidates = _from_run(reader, run_path, corpus, depth)
        notes.append(Text("candidates: the top %1 of %2 per query", str(depth), run_path.name))
    elif len(corpus) > WHOLE_CORPUS_LIMIT:
        raise InputError(
            Text(
                "the corpus holds %1 documents, more than %2: give a TREC run file from a "
                "first-stage retriever for each query's candidates",
                len(corpus),
                WHOLE_CORPUS_LIMIT,
            ),
            title=root.name,
            where="run file",
        )
    else:
        everything = tuple(corpus)
        candidates = {query_id: everything for query_id in qrels}
    queries = [
        EvalQuery(query_id, texts[query_id], candidates[query_id])
        for query_id in texts
        if query_id in qrels and candidates.get(query_id)
    ]
    if len(queries) < len(qrels):
        # trec_eval averages over the queries both judged and ranked.
        left_out = str(len(qrels) - len(queries))
        notes.append(Text("judged queries without candidates left out: %1", left_out))
    if not queries:
        raise InputError(Text("no judged query has candidates"), title=root.name)
    notes.extend(_relevant_outside(qrels, corpus))
    return EvalSet(root.name, queries, corpus, qrels, notes=notes)


def _relevant_outside(qrels: Qrels, corpus: dict[str, EvalDocument]) -> list[Text]:
    """A note on relevant judged documents the corpus lacks: kept in the qrels (trec_eval counts
    them, lowering nDCG and Recall), but said, as it is most often a typo or the wrong corpus."""
    missing = [(q, d) for q, judged in qrels.items() for d, g in judged.items() if g > 0]
    missing = [(q, d) for q, d in missing if d not in corpus]
    if not missing:
        return []
    query_id, doc_id = missing[0]
    return [
        Text(
            "%1 relevant judged documents are not in corpus.jsonl (first: %2 for query %3); "
            "they count as never ranked",
            str(len(missing)),
            repr(doc_id),
            repr(query_id),
        )
    ]


def _need(root: Path, name: str) -> Path:
    path = root / name
    if not path.is_file():
        message = Text("the folder has no %1 (BEIR layout)", name)
        raise InputError(message, title=root.name, where=name)
    return path


def _first(root: Path, names: Iterable[str], expected: str) -> Path:
    found = _optional(root, names)
    if found is None:
        raise InputError(Text("the folder has no %1 (BEIR layout)", expected), title=root.name)
    return found


def _optional(root: Path, names: Iterable[str]) -> Path | None:
    return next((root / n for n in names if (root / n).is_file()), None)


def _corpus(reader: Reader, path: Path) -> dict[str, EvalDocument]:
    corpus: dict[str, EvalDocument] = {}
    for number, row in reader.json_lines(path):
        doc_id = identifier(row.get("_id"), path.name, number, "_id")
        if doc_id in corpus:
            message = Text("document %1 appears twice", repr(doc_id))
            raise problem(path.name, number, message, "_id")
        text = string(row.get("text"), path.name, number, "text")
        title = string(row.get("title"), path.name, number, "title", required=False)
        corpus[doc_id] = EvalDocument(doc_id, text, title)
    if not corpus:
        raise problem(path.name, 1, Text("no documents in the file"))
    return corpus


def _queries(reader: Reader, path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for number, row in reader.json_lines(path):
        query_id = identifier(row.get("_id"), path.name, number, "_id")
        if query_id in texts:
            message = Text("query %1 appears twice", repr(query_id))
            raise problem(path.name, number, message, "_id")
        text = string(row.get("text"), path.name, number, "text")
        if not text.strip():
            raise problem(path.name, number, Text("the query is empty"), "text")
        texts[query_id] = text
    return texts


def _from_run(
    reader: Reader, path: Path, corpus: dict[str, EvalDocument], depth: int
) -> dict[str, tuple[str, ...]]:
    if depth < 1:
        raise InputError(Text("the run depth must be at least 1"), where="depth")
    listed_on: dict[tuple[str, str], int] = {}
    run = read_run(reader, path, listed_on)
    candidates = {}
    for query_id, scores in run.items():
        top = trec_order(scores)[:depth]
        missing = next((doc for doc in top if doc not in corpus), None)
        if missing is not None:
            message = Text(
                "query %1 lists document %2, which is not in corpus.jsonl",
                repr(query_id),
                repr(missing),
            )
            raise problem(path.name, listed_on[(query_id, missing)], message, "doc-id")
        candidates[query_id] = tuple(top)
    return candidates
