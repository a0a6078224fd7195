"""Reading labelled sets: the BEIR layout, TREC qrels and run files, one JSONL or CSV file, and
malformed input that names the file, the line and the field."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.api.test_flavour_traits import WORKBENCH, _branches
from workbench.api.errors import InputError
from workbench.core.evaluation.readers import load_set
from workbench.core.evaluation.sets import WHOLE_CORPUS_LIMIT
from workbench.core.evaluation.trec import read_qrels

if TYPE_CHECKING:
    from pathlib import Path

from tests.core.evaluation.test_metrics import SAMPLE


def _lines(path: Path, rows: list[object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _beir(root: Path, *, docs: int = 3, qrels: str | None = None) -> Path:
    _lines(
        root / "corpus.jsonl",
        [{"_id": f"d{i}", "title": "T", "text": f"doc {i}"} for i in range(docs)],
    )
    _lines(root / "queries.jsonl", [{"_id": "q1", "text": "first"}, {"_id": 2, "text": "second"}])
    (root / "qrels").mkdir(exist_ok=True)
    default = "query-id\tcorpus-id\tscore\nq1\td0\t2\nq1\td1\t0\n2\td2\t1\n"
    (root / "qrels" / "test.tsv").write_text(qrels or default, encoding="utf-8")
    return root


def test_the_sample_set_reads_twenty_queries_in_two_languages() -> None:
    eval_set = load_set(SAMPLE)
    assert len(eval_set.queries) == 20
    assert {q.id[:2] for q in eval_set.queries} == {"en", "it"}
    assert all(len(q.candidates) == len(eval_set.documents) for q in eval_set.queries)
    assert eval_set.fingerprint == load_set(SAMPLE).fingerprint


def test_beir_folder_with_the_whole_corpus_as_candidates(tmp_path: Path) -> None:
    eval_set = load_set(_beir(tmp_path))
    assert [q.id for q in eval_set.queries] == ["q1", "2"]  # an integer id reads as text
    assert eval_set.qrels == {"q1": {"d0": 2, "d1": 0}, "2": {"d2": 1}}
    assert eval_set.queries[0].candidates == ("d0", "d1", "d2")
    assert eval_set.documents["d0"].rerank_text() == "T\ndoc 0"


def test_relevant_documents_missing_from_the_corpus_are_noted(tmp_path: Path) -> None:
    """A judged document the corpus lacks can never be ranked: it lowered nDCG and Recall unsaid
    (a typo in the qrels, or the wrong corpus)."""
    qrels = "q1\td0\t2\nq1\tdX\t1\nq1\tdY\t0\n2\td2\t1\n"
    eval_set = load_set(_beir(tmp_path, qrels=qrels))
    assert eval_set.qrels["q1"] == {"d0": 2, "dX": 1, "dY": 0}  # still counted, as trec_eval does
    assert (
        "1 relevant judged documents are not in corpus.jsonl (first: 'dX' for query 'q1'); "
        "they count as never ranked"
    ) in [str(note) for note in eval_set.notes]


def test_trec_qrels_in_place_of_beir(tmp_path: Path) -> None:
    root = _beir(tmp_path, qrels="q1 0 d0 2\nq1 0 d1 0\n2 0 d2 1\n")
    assert load_set(root).qrels == {"q1": {"d0": 2, "d1": 0}, "2": {"d2": 1}}


def test_a_large_corpus_needs_a_run_file_and_takes_its_top(tmp_path: Path) -> None:
    root = _beir(tmp_path, docs=WHOLE_CORPUS_LIMIT + 1)
    with pytest.raises(InputError, match="run file"):
        load_set(root)
    run = tmp_path / "first-stage.run"
    run.write_text("q1 Q0 d5 1 0.5 bm25\nq1 Q0 d7 2 0.9 bm25\nq1 Q0 d0 3 0.1 bm25\n2 Q0 d2 1 3 x\n")
    eval_set = load_set(root, run_file=run, depth=2)
    assert eval_set.queries[0].candidates == ("d7", "d5")  # by score, not by the rank column
    assert load_set(root, run_file=run, depth=3).fingerprint != eval_set.fingerprint


def test_one_jsonl_file(tmp_path: Path) -> None:
    path = _lines(
        tmp_path / "set.jsonl",
        [
            {
                "query_id": "a",
                "query": "q",
                "documents": [{"id": "x", "text": "t", "relevance": 1}, {"text": "u"}],
            },
            {"query": "unjudged", "documents": [{"text": "v"}]},
        ],
    )
    eval_set = load_set(path)
    assert [q.id for q in eval_set.queries] == ["a"]
    assert eval_set.queries[0].candidates == ("x", "a-1")
    assert eval_set.qrels == {"a": {"x": 1}}
    assert [str(note) for note in eval_set.notes] == ["queries without judgments left out: 1"]


def test_one_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "set.csv"
    path.write_text(
        "query_id,query,doc_id,title,text,relevance\n"
        'q1,lentils,d1,Soup,"lentil soup, red",2\n'
        "q1,lentils,d2,,bread,0\n"
        'q2,pasta,d3,,"pasta, fresh",1\n',
        encoding="utf-8",
    )
    eval_set = load_set(path)
    assert [q.candidates for q in eval_set.queries] == [("d1", "d2"), ("d3",)]
    assert eval_set.documents["d1"].rerank_text() == "Soup\nlentil soup, red"
    assert eval_set.qrels == {"q1": {"d1": 2, "d2": 0}, "q2": {"d3": 1}}


def test_whole_grades_written_with_a_decimal_point_are_read(tmp_path: Path) -> None:
    """pandas writes a relevance column with gaps as 1.0, 0.0 and "": it was refused, though a
    JSON 1.0 was taken."""
    path = tmp_path / "set.csv"
    path.write_text("query,text,relevance\nq,a,1.0\nq,b,0.0\nq,c,\n", encoding="utf-8")
    assert load_set(path).qrels == {"q": {"q-0": 1, "q-1": 0}}
    qrels = _beir(tmp_path / "beir", qrels="q1\td0\t2.0\n2\td2\t1.00\n")
    assert load_set(qrels).qrels == {"q1": {"d0": 2}, "2": {"d2": 1}}
    path.write_text("query,text,relevance\nq,a,1.5\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"whole number, got '1\.5'"):
        load_set(path)


@pytest.mark.parametrize("grade", ["9" * 400, "-" + "9" * 400, "1e300", "1000001"])
def test_a_grade_past_any_scale_is_refused_naming_its_line(tmp_path: Path, grade: str) -> None:
    """A 400-digit grade overflowed the metrics (`int too large to convert to float`): a
    traceback, after every request was sent."""
    path = tmp_path / "set.jsonl"
    first = '{"text": "red lentil soup", "relevance": 1}'
    path.write_text(
        f'{{"query": "lentil soup", "documents": [{first}, {{"text": "stew", "relevance": {grade}}}]}}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as refused:
        load_set(path)
    assert refused.value.where == "line 1, field relevance"
    assert "a relevance grade is between -1,000,000 and 1,000,000, got " in str(refused.value)
    assert len(str(refused.value)) < 200


@pytest.mark.parametrize(
    ("name", "content", "title", "where"),
    [
        (
            "corpus.jsonl",
            '{"_id": "d0", "text": "a"}\n{"_id": "d1", "text": 5}\n',
            "corpus.jsonl",
            "line 2, field text",
        ),
        ("corpus.jsonl", '{"_id": "d0", "text": "a"}\n{"_id": "d0"\n', "corpus.jsonl", "line 2"),
        ("corpus.jsonl", "[1]\n", "corpus.jsonl", "line 1"),
        ("queries.jsonl", '{"text": "no id"}\n', "queries.jsonl", "line 1, field _id"),
        (
            "qrels/test.tsv",
            "query-id\tcorpus-id\tscore\nq1\td0\ttwo\n",
            "test.tsv",
            "line 2, field relevance",
        ),
        ("qrels/test.tsv", "q1 d0\n", "test.tsv", "line 1"),
        ("qrels/test.tsv", "q1\td0\t1\nq1\td0\t2\n", "test.tsv", "line 2"),
        # a judged query missing from queries.jsonl: named by the line judging it (was unsaid)
        ("qrels/test.tsv", "q1\td0\t1\nq9\td0\t1\n", "test.tsv", "line 2, field query-id"),
    ],
)
def test_malformed_folder_files_name_file_line_and_field(
    tmp_path: Path, name: str, content: str, title: str, where: str
) -> None:
    root = _beir(tmp_path)
    (root / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_set(root)
    assert caught.value.title == title
    assert caught.value.where == where


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ("q1 Q0 d0 1\n", "line 1", "6 columns"),
        ("q1 Q0 d0 1 high run\n", "line 1, field score", "number"),
        ("q1 Q0 d0 1 nan run\n", "line 1, field score", "finite"),
        # the line listing a document the corpus lacks (was unsaid)
        ("q1 Q0 d0 1 1.0 run\nq1 Q0 d9 2 2.0 run\n", "line 2, field doc-id", "not in corpus"),
    ],
)
def test_malformed_run_file(tmp_path: Path, content: str, where: str, message: str) -> None:
    run = tmp_path / "x.run"
    run.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_set(_beir(tmp_path / "set"), run_file=run)
    assert (caught.value.title, caught.value.where) == ("x.run", where)


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ({"query": "q"}, "line 1, field documents"),
        ({"query": 3, "documents": [{"text": "t"}]}, "line 1, field query"),
        (
            {"query": "q", "documents": [{"text": "t", "relevance": "high"}]},
            "line 1, field relevance",
        ),
        ({"query": "q", "documents": [{"text": None}]}, "line 1, field documents[0].text"),
        ({"query": "q", "documents": ["t"]}, "line 1, field documents[0]"),
    ],
)
def test_malformed_jsonl_names_line_and_field(tmp_path: Path, row: object, where: str) -> None:
    with pytest.raises(InputError) as caught:
        load_set(_lines(tmp_path / "bad.jsonl", [row]))
    assert (caught.value.title, caught.value.where) == ("bad.jsonl", where)


def test_a_csv_header_naming_a_column_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("query,text,text\nwhy,first,second\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_set(path)
    assert (caught.value.title, caught.value.where) == ("twice.csv", "line 1")
    assert "'text' twice" in caught.value.server_message


def test_malformed_csv_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("query,text,relevance\nq,t,1\nq,u,x\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_set(path)
    assert (caught.value.title, caught.value.where) == ("bad.csv", "line 3, field relevance")
    path.write_text("query,body\nq,t\n", encoding="utf-8")
    with pytest.raises(InputError, match="'text'"):
        load_set(path)


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ('q,a,1\nq,"unclosed,1\nq,b,0\n', "line 3", "a quote opened on this line is never closed"),
        ('q,a,1\nq,"a\nb" c,1\n', "line 3", "not CSV"),
    ],
)
def test_a_broken_csv_quote_names_the_line_it_opens_on(
    tmp_path: Path, content: str, where: str, message: str
) -> None:
    """An unclosed quote swallowed the rest of the file into one cell: the set lost its rows
    and the message said no query had a judged document."""
    path = tmp_path / "quote.csv"
    path.write_text("query,text,relevance\n" + content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_set(path)
    assert (caught.value.title, caught.value.where) == ("quote.csv", where)
    path.write_text('"query,text,relevance\nq,a,1\n', encoding="utf-8")  # was a traceback
    with pytest.raises(InputError, match="never closed") as caught:
        load_set(path)
    assert caught.value.where == "line 1"


def test_a_csv_row_with_more_cells_than_the_header_is_refused(tmp_path: Path) -> None:
    """An unquoted comma in a text split it: the cells past the header were dropped unsaid, so
    the document was ranked as "boil it"."""
    path = tmp_path / "set.csv"
    path.write_text("query,relevance,text\nq,1,boil it, then drain\n", encoding="utf-8")
    with pytest.raises(InputError, match="3 columns, this row has 4 cells") as caught:
        load_set(path)
    assert (caught.value.title, caught.value.where) == ("set.csv", "line 2")
    path.write_text("query,relevance,text\nq,1,boil it,\n", encoding="utf-8")
    assert load_set(path).documents["q-0"].text == "boil it"  # a trailing comma drops nothing


def test_not_utf8_and_missing_things(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"query": "caf\xe9"}\n')
    with pytest.raises(InputError, match="UTF-8"):
        load_set(path)
    with pytest.raises(InputError, match="no such"):
        load_set(tmp_path / "nothing.jsonl.missing")
    with pytest.raises(InputError, match=r"corpus\.jsonl"):
        load_set(tmp_path)


def test_qrels_header_only_on_the_first_line(tmp_path: Path) -> None:
    from workbench.core.evaluation.files import Reader

    path = tmp_path / "q.tsv"
    path.write_text("q1\td0\t1\nquery-id\tcorpus-id\tscore\n", encoding="utf-8")
    with pytest.raises(InputError, match="whole number"):
        read_qrels(Reader(), path)


def test_evaluation_core_names_no_flavour() -> None:
    modules = sorted((WORKBENCH / "core" / "evaluation").glob("*.py"))
    assert len(modules) >= 8
    hits = [h for p in modules for h in _branches(p.read_text(encoding="utf-8"), p.name)]
    assert hits == []


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("set.csv", "query,doc_id,text,relevance\nq,d1,a,1\nr,d1,b,0\n", "line 3, field doc_id"),
        (
            "set.jsonl",
            '{"query": "q", "documents": [{"id": "d1", "text": "a", "relevance": 1}]}\n'
            '{"query": "r", "documents": [{"text": "b"}, {"id": "d1", "text": "c"}]}\n',
            "line 2, field documents[1].id",
        ),
    ],
)
def test_a_document_id_with_two_texts_names_the_field_as_the_file_spells_it(
    tmp_path: Path, name: str, content: str, where: str
) -> None:
    """It said "field id", a column the CSV does not have (its column is doc_id)."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="document 'd1' has two texts") as caught:
        load_set(path)
    assert (caught.value.title, caught.value.where) == (name, where)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("set.jsonl", "", "the file is empty: expected one JSON object per line, a query each"),
        ("set.jsonl", "\n  \n", "the file is empty: expected one JSON object per line"),
        ("set.csv", "", "the file is empty: expected a header line naming the columns query and"),
        ("set.csv", "query,text,relevance\n", "the file has a header line but no rows under it"),
    ],
)
def test_an_empty_set_file_is_said_to_be_empty(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    """It said "no query has a judged document" (or, for a CSV, that the header lacked query)."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_set(path)
    assert caught.value.title == name


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [{"query_id": "q2", "query": "a"}, {"query": "a"}],
            "this line has no query_id, so its id is 'q2', the query_id line 1 gives: give this "
            "line a query_id",
        ),
        (
            [{"query": "a"}, {"query_id": "q1", "query": "b"}],
            "query_id 'q1' is also the id of line 1, which has no query_id (such a line gets "
            "q<line number>): give line 1 a query_id",
        ),
    ],
)
def test_a_query_id_equal_to_another_lines_default_id_is_refused(
    tmp_path: Path, rows: list[dict[str, object]], message: str
) -> None:
    """A line without query_id is q<line>: with the same text as a line giving that query_id,
    the two queries merged silently into one with both lines' documents."""
    for row, doc in zip(rows, ("x", "y"), strict=True):
        row["documents"] = [{"id": doc, "text": doc, "relevance": 1}]
    with pytest.raises(InputError) as caught:
        load_set(_lines(tmp_path / "set.jsonl", list(rows)))
    assert (caught.value.title, caught.value.where) == ("set.jsonl", "line 2, field query_id")
    assert caught.value.server_message == message


def test_the_same_query_id_on_two_lines_is_still_one_query(tmp_path: Path) -> None:
    rows: list[object] = [
        {"query_id": "a", "query": "q", "documents": [{"id": "x", "text": "x", "relevance": 1}]},
        {"query_id": "a", "query": "q", "documents": [{"id": "y", "text": "y"}]},
    ]
    assert load_set(_lines(tmp_path / "set.jsonl", rows)).queries[0].candidates == ("x", "y")


@pytest.mark.parametrize(
    ("name", "header", "message"),
    [
        ("set.csv", "Query,Text,relevance", "the header has 'Query'; column names are lower case"),
        (
            "set.csv",
            "query;text;relevance",
            "the header 'query;text;relevance' is separated by semicolons; expected commas, as "
            "in 'query,text'",
        ),
        (
            "set.tsv",
            "query,text,relevance",
            "the header 'query,text,relevance' is separated by commas; expected a tab, as in "
            "'query\\ttext'",
        ),
        ("set.csv", "query,body", "the header lacks the column 'text'"),
    ],
)
def test_a_csv_header_near_miss_says_what_was_expected(
    tmp_path: Path, name: str, header: str, message: str
) -> None:
    """A header "Query,Text", or Excel's "query;text", said only that it lacked query."""
    path = tmp_path / name
    path.write_text(header + "\nq,a,1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_set(path)
    assert caught.value.server_message.startswith(message)
    assert (caught.value.title, caught.value.where[:6]) == (name, "line 1")


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (
            "set.jsonl",
            '{"query_id": "q1", "query": "a", "documents": [{"text": "x", "relevance": 1}]}\n'
            '{"query_id": "q2", "query": "b", "documents": [{"id": "q1-0", "text": "y"}]}\n',
            "line 2, field documents[0].id",
        ),
        (
            "set.csv",
            "query_id,query,doc_id,text,relevance\nq2,b,q1-0,y,1\nq1,a,,x,1\n",
            "line 3, field doc_id",
        ),
    ],
)
def test_a_default_document_id_meeting_a_given_one_says_where_the_id_came_from(
    tmp_path: Path, name: str, content: str, where: str
) -> None:
    """A document without an id is <query id>-<position>; when the file gives another document
    that id, the error said only "document 'q1-0' has two texts", an id nobody wrote twice."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_set(path)
    assert (caught.value.title, caught.value.where) == (name, where)
    assert caught.value.server_message == (
        "document 'q1-0' has two texts: a document without an id gets <query id>-<position>, "
        "and another document has that id; give the one without an id an id of its own"
    )


def test_a_utf16_set_as_windows_powershell_writes_it_is_read(tmp_path: Path) -> None:
    """A set saved by Windows PowerShell 5 (`>`, Out-File) is UTF-16 with a byte order mark:
    it was refused as "not UTF-8 text"."""
    row = {"query": "caffè?", "documents": [{"text": "più", "relevance": 1}]}
    path = tmp_path / "set.jsonl"
    path.write_bytes((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-16"))
    assert load_set(path).queries[0].text == "caffè?"
    path.write_bytes(("\n" + json.dumps(row)).encode("utf-16")[:-1])  # cut inside a character
    with pytest.raises(InputError) as caught:
        load_set(path)
    assert (caught.value.where, caught.value.server_message) == ("line 2", "not UTF-16 text")
