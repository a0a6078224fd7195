"""Rerank document files: read and write JSON, JSONL, CSV and plain text, naming bad lines."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.text_files import decode_file_text, record_lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import Document


class DocFormat(StrEnum):
    """File formats for document lists."""

    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    LINES = "lines"
    """Plain text, one document per line (blank lines skipped)."""
    PARAGRAPHS = "paragraphs"
    """Plain text, documents separated by blank lines."""


_BY_SUFFIX = {
    ".json": DocFormat.JSON,
    ".jsonl": DocFormat.JSONL,
    ".ndjson": DocFormat.JSONL,
    ".csv": DocFormat.CSV,
    ".tsv": DocFormat.CSV,
    ".txt": DocFormat.LINES,
}


@dataclass(frozen=True)
class Exported:
    """Text written for a document list, and anything that could not be kept as it was."""

    text: str
    notes: list[Text] = field(default_factory=list)
    """Said in English by `str()`, in the GUI's language by the GUI."""


@dataclass(frozen=True)
class Imported:
    """Documents read from a file, with the format that read them and how it was chosen."""

    documents: list[Document]
    fmt: DocFormat
    by_content: bool = False
    """True when the content chose the format: no known extension, or one that did not fit."""


def suffix_format(name: str) -> DocFormat | None:
    """The format a file name's extension names, or None for an unknown or missing one."""
    lower = name.lower()
    for suffix, fmt in _BY_SUFFIX.items():
        if lower.endswith(suffix):
            return fmt
    return None


def read_file_text(name: str, text: str) -> Imported:
    """Read a documents file by its extension and its content, never by a dialog's filter.

    The extension is tried first; where it is missing, or the text does not parse as what it
    names (a CSV saved as `.json`), the content decides (JSON, JSON Lines, CSV, plain text).
    A `.txt` file is plain text, one document per paragraph when blank lines separate them.

    Args:
        name: the file's name (only its extension is read).
        text: the file's decoded text.

    Returns:
        The documents and the format that read them.

    Raises:
        InputError: the extension's format's error (line and column) when nothing fits.
    """
    named = suffix_format(name)
    sniffed = sniff_format(text)
    if named is None:
        return Imported(read_documents(text, sniffed), sniffed, by_content=True)
    if named is DocFormat.LINES:
        return _read_text_file(text, sniffed)
    try:
        return Imported(read_documents(text, named), named)
    except InputError:
        if sniffed in (named, DocFormat.LINES, DocFormat.PARAGRAPHS):
            raise  # the content names nothing better: the extension's error is the useful one
        with contextlib.suppress(InputError):
            return Imported(read_documents(text, sniffed), sniffed, by_content=True)
        raise


def _read_text_file(text: str, sniffed: DocFormat) -> Imported:
    """A `.txt` file: JSON or JSON Lines when it parses as such, else text (CSV stays text: a
    line of prose with a comma or two would look like a record)."""
    if sniffed in (DocFormat.JSON, DocFormat.JSONL):
        with contextlib.suppress(InputError):
            return Imported(read_documents(text, sniffed), sniffed, by_content=True)
    fmt = _text_format(text)
    return Imported(read_documents(text, fmt), fmt)


def _text_format(text: str) -> DocFormat:
    unix = text.replace("\r\n", "\n").strip()
    return DocFormat.PARAGRAPHS if "\n\n" in unix else DocFormat.LINES


def format_for_name(name: str) -> DocFormat:
    """Guess the format from a file name (plain text when the suffix is unknown)."""
    return suffix_format(name) or DocFormat.LINES


def sniff_format(text: str) -> DocFormat:
    """Guess the format of pasted text: JSON array/object, JSON lines, CSV, or lines of text."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        return DocFormat.JSON
    if stripped.startswith("{"):
        first = stripped.splitlines()[0].strip()
        try:
            jsontext.loads(first)
        except json.JSONDecodeError:
            return DocFormat.JSON
        return DocFormat.JSONL
    if _looks_like_csv(text):
        return DocFormat.CSV
    if "\n\n" in text.strip():
        return DocFormat.PARAGRAPHS
    return DocFormat.LINES


MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest documents file read: four times a full 1,000-document request of long documents."""


def decode_bytes(data: bytes) -> str:
    """Decode a file as UTF-8, or as its byte order mark says (`text_files`), naming the byte
    offset of bad input.

    Raises:
        InputError: with `.where = "byte N"`, also for a file larger than MAX_FILE_BYTES.
    """
    if len(data) > MAX_FILE_BYTES:
        megabytes = str(MAX_FILE_BYTES // (1024 * 1024))
        raise InputError(
            title=Text("The file is larger than %1 MB", megabytes), where=f"byte {MAX_FILE_BYTES}"
        )
    return decode_file_text(data)


def read_documents(text: str, fmt: DocFormat) -> list[Document]:
    """Parse a document list from text in the given format.

    Args:
        text: the file's or clipboard's text.
        fmt: its format.

    Returns:
        The documents: strings, or objects for JSON/JSONL objects and CSV rows.

    Raises:
        InputError: naming the line (and column where known) of the first problem.
    """
    readers = {
        DocFormat.JSON: _read_json,
        DocFormat.JSONL: _read_jsonl,
        DocFormat.CSV: _read_csv,
        DocFormat.LINES: _read_lines,
        DocFormat.PARAGRAPHS: _read_paragraphs,
    }
    docs = readers[fmt](text)
    if not docs:
        raise InputError(title="No documents found", where="line 1")
    return docs


def _read_json(text: str) -> list[Document]:
    try:
        value = jsontext.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(title=_invalid_json(exc), where=where) from exc
    if isinstance(value, dict) and isinstance(value.get("documents"), list):
        value = value["documents"]
    if not isinstance(value, list):
        raise InputError(title="Expected a JSON array of documents", where="line 1, column 1")
    return [_document(item, f"documents[{i}]") for i, item in enumerate(value)]


def _read_jsonl(text: str) -> list[Document]:
    docs: list[Document] = []
    for number, line in enumerate(record_lines(text), start=1):
        if not line.strip():
            continue
        try:
            value = jsontext.loads(line)
        except json.JSONDecodeError as exc:
            where = f"line {number}, column {exc.colno}"
            raise InputError(title=_invalid_json(exc), where=where) from exc
        docs.append(_document(value, f"line {number}"))
    return docs


def _invalid_json(exc: json.JSONDecodeError) -> Text:
    """The title of a JSON syntax error, the parser's reason a text of its own (translated in
    the GUI, as the JSON editor's is)."""
    return Text("Invalid JSON: %1", jsontext.reason(exc))


def _document(value: Any, where: str) -> Document:
    if isinstance(value, str | dict):
        return value
    raise InputError(title="A document must be a string or an object", where=where)


def _csv_dialect(text: str) -> type[csv.Dialect]:
    """Excel's CSV rules (RFC 4180: a doubled quote is a quote) with the sniffed delimiter.

    Only the delimiter is taken from `csv.Sniffer`: it often reports `doublequote=False` for
    quoted cells holding doubled quotes, which would then split at the wrong commas.
    """
    delimiter = ","
    with contextlib.suppress(csv.Error):  # no clear delimiter: plain comma-separated
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter

    class Sniffed(csv.excel):
        pass

    Sniffed.delimiter = delimiter
    return Sniffed


def _looks_like_csv(text: str) -> bool:
    """A header of short names and at least one record, every record with the header's width."""
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    if not any(d in first for d in ",;\t"):
        return False
    try:
        rows = list(csv.reader(io.StringIO(text.strip(), newline=""), _csv_dialect(text)))
    except csv.Error:
        return False
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    header_ok = all(0 < len(h.strip()) <= 64 for h in rows[0])
    return header_ok and all(len(r) == len(rows[0]) for r in rows)


def _read_csv(text: str) -> list[Document]:
    dialect = _csv_dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        rows = list(reader)
    except csv.Error as exc:
        title = Text("Invalid CSV: %1", str(exc))  # the csv module's reason stays English
        raise InputError(title=title, where=f"line {reader.line_num}") from exc
    rows_at = _row_lines(text, dialect)
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    header = [h.strip() for h in header]
    if not header or any(not h for h in header):
        raise InputError(title="The CSV header needs a name for every column", where="line 1")
    _check_unique(header, rows_at[0])
    docs: list[Document] = []
    for i, row in enumerate(body):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            # Counts as strings: ungrouped, as the line always read.
            title = Text("Expected %1 fields, found %2", str(len(header)), str(len(row)))
            raise InputError(title=title, where=f"line {rows_at[i + 1]}")
        docs.append(dict(zip(header, row, strict=True)))
    return docs


def _check_unique(header: list[str], line: int) -> None:
    """Refuse a header that names a column twice: a row would keep only one of its cells."""
    seen: set[str] = set()
    for name in header:
        if name in seen:
            title = Text('The CSV header names the column "%1" twice', name)
            raise InputError(title=title, where=f"line {line}")
        seen.add(name)


def _row_lines(text: str, dialect: type[csv.Dialect]) -> list[int]:
    """The file line each CSV record starts on (quoted cells may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    starts = []
    line = 1
    for _row in reader:
        starts.append(line)
        line = reader.line_num + 1
    return starts


def _read_lines(text: str) -> list[Document]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _read_paragraphs(text: str) -> list[Document]:
    paragraphs: list[Document] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def write_documents(documents: Sequence[Document], fmt: DocFormat) -> Exported:
    """Write documents in a format, saying what the format could not keep.

    Args:
        documents: strings and/or objects.
        fmt: the target format.

    Returns:
        The text and notes (e.g. newlines flattened in a one-per-line file).
    """
    if fmt is DocFormat.JSON:
        return Exported(json.dumps(list(documents), indent=2, ensure_ascii=False) + "\n")
    if fmt is DocFormat.JSONL:
        lines = (json.dumps(d, ensure_ascii=False) for d in documents)
        return Exported("".join(f"{line}\n" for line in lines))
    if fmt is DocFormat.CSV:
        return _write_csv(documents)
    return _write_text(documents, paragraphs=fmt is DocFormat.PARAGRAPHS)


def _write_csv(documents: Sequence[Document]) -> Exported:
    header: dict[str, None] = {}
    for doc in documents:
        for key in doc if isinstance(doc, dict) else ("text",):
            header.setdefault(key, None)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    notes: list[Text] = []
    for doc in documents:
        row = doc if isinstance(doc, dict) else {"text": doc}
        writer.writerow([_cell(row.get(key, "")) for key in header])
    if any(
        isinstance(d, dict) and any(not isinstance(v, str) for v in d.values()) for d in documents
    ):
        notes.append(Text("Non-string values were written as JSON text"))
    return Exported(out.getvalue(), notes)


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _write_text(documents: Sequence[Document], *, paragraphs: bool) -> Exported:
    notes: list[Text] = []
    texts = []
    flattened = 0
    for doc in documents:
        text = (
            doc if isinstance(doc, str) else "\n".join(f"{k}: {_cell(v)}" for k, v in doc.items())
        )
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        joined = "\n".join(lines) if paragraphs else " ".join(lines)
        if len(lines) > 1 and not paragraphs:
            flattened += 1
        texts.append(joined)
    if flattened == 1:
        notes.append(Text("1 document had line breaks, joined with spaces"))
    elif flattened:
        notes.append(Text("%1 documents had line breaks, joined with spaces", flattened))
    if any(isinstance(d, dict) for d in documents):
        notes.append(Text("Object documents were written as “key: value” text"))
    return Exported(("\n\n" if paragraphs else "\n").join(texts) + "\n", notes)
