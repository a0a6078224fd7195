"""TREC-style text files: qrels (TREC's four columns or BEIR's tab-separated three) and run files."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from workbench.api.text import Text
from workbench.core.evaluation.files import grade, problem
from workbench.core.text_files import record_lines

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.core.evaluation.files import Reader
    from workbench.core.evaluation.sets import Qrels, Run

_BEIR_HEADER = ("query-id", "corpus-id")


def read_qrels(reader: Reader, path: Path, lines: dict[str, int] | None = None) -> Qrels:
    """Judgments from a qrels file, its form told by its lines.

    TREC: `query-id iteration doc-id relevance`, whitespace-separated. BEIR: `query-id<TAB>corpus-id
    <TAB>score`, with or without the `query-id corpus-id score` header. `lines`, when given, gets
    the line of each query's first judgment, for messages about a query found wrong later.

    Raises:
        InputError: naming the file, line and column at fault.
    """
    qrels: Qrels = {}
    for number, line in enumerate(record_lines(reader.text(path)), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        columns = [c.strip() for c in columns]
        if number == 1 and tuple(c.lower() for c in columns[:2]) == _BEIR_HEADER:
            continue
        if len(columns) == 4:
            query_id, _iteration, doc_id, raw = columns
        elif len(columns) == 3:
            query_id, doc_id, raw = columns
        else:
            message = Text(
                "expected 4 columns (TREC: query, iteration, document, relevance) or 3 "
                "tab-separated (BEIR: query-id, corpus-id, score), found %1",
                str(len(columns)),
            )
            raise problem(path.name, number, message)
        if not query_id or not doc_id:
            id_field = "query-id" if not query_id else "doc-id"
            raise problem(path.name, number, Text("empty id"), id_field)
        if lines is not None:
            lines.setdefault(query_id, number)
        judged = qrels.setdefault(query_id, {})
        if doc_id in judged:
            message = Text("document %1 is judged twice for this query", repr(doc_id))
            raise problem(path.name, number, message)
        judged[doc_id] = grade(raw, path.name, number, "relevance")
    if not qrels:
        raise problem(path.name, 1, Text("no judgments in the file"))
    return qrels


def read_run(reader: Reader, path: Path, lines: dict[tuple[str, str], int] | None = None) -> Run:
    """Scores from a TREC run file: `query-id Q0 doc-id rank score [tag]`. `lines`, when given,
    gets the line of each (query, document), for messages about a document found wrong later.

    Raises:
        InputError: naming the file, line and column at fault.
    """
    run: Run = {}
    for number, line in enumerate(record_lines(reader.text(path)), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split()
        if len(columns) not in (5, 6):
            message = Text(
                "expected 6 columns (query, Q0, document, rank, score, tag), found %1",
                str(len(columns)),
            )
            raise problem(path.name, number, message)
        query_id, _q0, doc_id, _rank, raw = columns[:5]
        try:
            score = float(raw)
        except ValueError:
            message = Text("a score is a number, got %1", repr(raw))
            raise problem(path.name, number, message, "score") from None
        if not math.isfinite(score):
            message = Text("a score is a finite number, got %1", repr(raw))
            raise problem(path.name, number, message, "score")
        scores = run.setdefault(query_id, {})
        if doc_id in scores:
            message = Text("document %1 is listed twice for this query", repr(doc_id))
            raise problem(path.name, number, message)
        scores[doc_id] = score
        if lines is not None:
            lines[(query_id, doc_id)] = number
    if not run:
        raise problem(path.name, 1, Text("no results in the file"))
    return run


def trec_order(scores: dict[str, float]) -> list[str]:
    """Document ids in the order trec_eval ranks them: score descending, ties by id descending.

    trec_eval ignores the rank column and sorts by score, breaking ties by document id in
    reverse order (`form_res_rels.c`); every metric here ranks this way, so its figures are
    trec_eval's whatever order a server returned equal scores in.
    """
    return sorted(scores, key=lambda doc: (scores[doc], doc), reverse=True)
