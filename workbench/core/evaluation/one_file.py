"""One-file labelled sets: a JSONL file (a query per line, its documents in it) or a CSV file
(a row per query and document). Every problem names the file, line and field."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.evaluation.files import Reader, grade, identifier, problem, string
from workbench.core.evaluation.sets import EvalDocument, EvalQuery, EvalSet, Qrels

if TYPE_CHECKING:
    from pathlib import Path


class _Builder:
    """Gathers queries, documents and judgments from one file's rows."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.texts: dict[str, str] = {}
        self.candidates: dict[str, list[str]] = {}
        self.documents: dict[str, EvalDocument] = {}
        self.given_ids: dict[str, bool] = {}
        """Whether each document id was first seen given by the file (not made by default)."""
        self.qrels: Qrels = {}

    def query(self, query_id: str, text: str, line: int) -> None:
        if not text.strip():
            raise problem(self.file, line, Text("the query is empty"), "query")
        known = self.texts.setdefault(query_id, text)
        if known != text:
            message = Text("query %1 has two texts", repr(query_id))
            raise problem(self.file, line, message, "query")
        self.candidates.setdefault(query_id, [])

    def document(
        self,
        query_id: str,
        doc: EvalDocument,
        relevance: Any,
        line: int,
        id_field: str,
        *,
        given: bool = True,
    ) -> None:
        """Add a candidate; `id_field` names its id as the file spells it, for messages, and
        `given` says whether the file gave that id (else it is `<query id>-<position>`)."""
        known = self.documents.setdefault(doc.id, doc)
        first_given = self.given_ids.setdefault(doc.id, given)
        if known != doc:
            if given and first_given:
                message = Text("document %1 has two texts", repr(doc.id))
            else:  # nobody wrote this id twice: a default (`q1-0`) met one the file gives
                message = Text(
                    "document %1 has two texts: a document without an id gets "
                    "<query id>-<position>, and another document has that id; give the one "
                    "without an id an id of its own",
                    repr(doc.id),
                )
            raise problem(self.file, line, message, id_field)
        if doc.id in self.candidates[query_id]:
            message = Text("document %1 appears twice for this query", repr(doc.id))
            raise problem(self.file, line, message)
        self.candidates[query_id].append(doc.id)
        if relevance is not None and relevance != "":
            self.qrels.setdefault(query_id, {})[doc.id] = grade(
                relevance, self.file, line, "relevance"
            )

    def build(self, name: str, empty: Text) -> EvalSet:
        """The set; `empty` says what the file lacks when it holds no query at all."""
        if not self.texts:  # said as such, not as "no query has a judged document"
            raise InputError(empty, title=name)
        judged = [q for q in self.texts if q in self.qrels]
        if not judged:
            unjudged = Text("no query has a judged document (a relevance value)")
            raise InputError(unjudged, title=name)
        queries = [EvalQuery(q, self.texts[q], tuple(self.candidates[q])) for q in judged]
        skipped = len(self.texts) - len(judged)
        notes = [Text("queries without judgments left out: %1", str(skipped))] if skipped else []
        return EvalSet(name, queries, self.documents, self.qrels, notes=notes)


def one_jsonl(path: Path, reader: Reader) -> EvalSet:
    builder = _Builder(path.name)
    ids: dict[str, tuple[int, bool]] = {}
    for number, row in reader.json_lines(path):
        query_id = _jsonl_query_id(row, path.name, number, ids)
        builder.query(query_id, string(row.get("query"), path.name, number, "query"), number)
        documents = row.get("documents")
        if not isinstance(documents, list) or not documents:
            raise problem(path.name, number, Text("expected a non-empty array"), "documents")
        for i, item in enumerate(documents):
            where = f"documents[{i}]"
            if not isinstance(item, dict):
                raise problem(path.name, number, Text("expected an object"), where)
            doc_id = identifier(item.get("id", f"{query_id}-{i}"), path.name, number, where + ".id")
            text = string(item.get("text"), path.name, number, where + ".text")
            title = string(item.get("title"), path.name, number, where + ".title", required=False)
            doc = EvalDocument(doc_id, text, title)
            relevance, given = item.get("relevance"), "id" in item
            builder.document(query_id, doc, relevance, number, where + ".id", given=given)
    return builder.build(
        path.name, Text("the file is empty: expected one JSON object per line, a query each")
    )


def _jsonl_query_id(
    row: dict[str, Any], file: str, line: int, ids: dict[str, tuple[int, bool]]
) -> str:
    """The line's query id: its `query_id`, else `q<line>`. That default may equal what another
    line gives as its `query_id`: two different queries would merge into one, so it is refused.
    `ids` holds each id's first line and whether that line gave it."""
    given = "query_id" in row
    query_id = identifier(row.get("query_id", f"q{line}"), file, line, "query_id")
    first, first_given = ids.setdefault(query_id, (line, given))
    if first == line or (given and first_given):  # the same query_id twice: one query
        return query_id
    if given:
        message = Text(
            "query_id %1 is also the id of line %2, which has no query_id "
            "(such a line gets q<line number>): give line %2 a query_id",
            repr(query_id),
            str(first),
        )
    else:
        message = Text(
            "this line has no query_id, so its id is %1, the query_id line %2 "
            "gives: give this line a query_id",
            repr(query_id),
            str(first),
        )
    raise problem(file, line, message, "query_id")


_CSV_REQUIRED = ("query", "text")


def one_csv(path: Path, reader: Reader) -> EvalSet:
    text = reader.text(path)
    if not text.strip():
        raise InputError(
            Text("the file is empty: expected a header line naming the columns query and text"),
            title=path.name,
        )
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    # strict: an unclosed quote or text after a closing one is an error, not a cell that
    # quietly swallows the rows after it
    rows = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    try:
        return _csv_rows(path.name, rows, "\t" if dialect == "excel-tab" else ",")
    except csv.Error as exc:
        # line_num still counts the rows read before the broken one: it starts on the next line
        line = rows.line_num + 1
        if "unexpected end of data" in str(exc):
            unclosed = Text("a quote opened on this line is never closed")
            raise problem(path.name, line, unclosed) from None
        # the csv module's reason stays as it came
        raise problem(path.name, line, Text("not CSV: %1", str(exc))) from None


def _csv_rows(file: str, rows: csv.DictReader[str], separator: str) -> EvalSet:
    columns = [c.strip() for c in rows.fieldnames or []]
    repeated = [c for i, c in enumerate(columns) if c in columns[:i]]
    if repeated:  # a row would keep only one of the cells under that name
        message = Text("the header names the column %1 twice", repr(repeated[0]))
        raise problem(file, 1, message)
    missing = [c for c in _CSV_REQUIRED if c not in columns]
    if missing:
        message = _header_mismatch(columns, missing[0], separator)
        raise problem(file, 1, message, missing[0])
    builder = _Builder(file)
    for row in rows:
        extra = row.get(None) or []  # DictReader's restkey; a trailing empty cell is harmless
        if any(cell.strip() for cell in extra):  # an unquoted separator split a cell
            cells = len(columns) + len(extra)
            message = Text(
                "the header names %1 columns, this row has %2 cells "
                "(a cell holding the separator needs quotes)",
                str(len(columns)),
                str(cells),
            )
            raise problem(file, rows.line_num, message)
        _csv_row(builder, {k.strip(): v for k, v in row.items() if k}, rows.line_num)
    return builder.build(file, Text("the file has a header line but no rows under it"))


def _header_mismatch(columns: list[str], missing: str, separator: str) -> Text:
    """Why the header lacks a column, when it is a near miss: another separator (Excel in many
    languages writes `;`), or the name in another case (`Query`)."""
    shown = {"\t": Text("a tab"), ",": Text("commas"), ";": Text("semicolons")}
    header = separator.join(columns)
    other = next((s for s in shown if s != separator and s in header), None)
    if len(columns) == 1 and other is not None and missing in header.lower():
        return Text(
            "the header %1 is separated by %2; expected %3, as in %4",
            repr(header),
            shown[other],
            shown[separator],
            repr(separator.join(_CSV_REQUIRED)),
        )
    cased = next((c for c in columns if c.lower() == missing), None)
    if cased is not None:
        return Text("the header has %1; column names are lower case: %2", repr(cased), missing)
    return Text("the header lacks the column %1", repr(missing))


def _csv_row(builder: _Builder, row: dict[str, Any], line: int) -> None:
    file = builder.file
    query = string(row.get("query"), file, line, "query")
    query_id = (row.get("query_id") or "").strip() or query
    builder.query(query_id, query, line)
    doc_text = string(row.get("text"), file, line, "text")
    given = (row.get("doc_id") or "").strip()
    doc_id = given or f"{query_id}-{len(builder.candidates[query_id])}"
    doc = EvalDocument(doc_id, doc_text, row.get("title") or "")
    builder.document(query_id, doc, row.get("relevance"), line, "doc_id", given=bool(given))
