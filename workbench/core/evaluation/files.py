"""Reading labelled-set files line by line: every problem names the file, the line and the field."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.errors import os_reason
from workbench.core.text_files import file_encoding, record_lines

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest file read: a corpus for a workbench, not a web crawl."""


def problem(file: str, line: int, message: Text, field_name: str = "") -> InputError:
    """An InputError titled with the file, `where` naming the line and, when known, the field.

    The message is a `Text`: English on the command line, the GUI's language in the GUI. Values
    go in as strings (counts too): the command line has always printed them ungrouped.
    """
    where = f"line {line}" + (f", field {field_name}" if field_name else "")
    return InputError(message, title=file, where=where)


@dataclass
class Reader:
    """Reads the files of one set and keeps a digest of everything read (the set's fingerprint)."""

    _digest: Any = field(default_factory=hashlib.sha256)

    def text(self, path: Path) -> str:
        """The file's text (UTF-8, or as its byte order mark says; the mark dropped), folded
        into the fingerprint."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                megabytes = str(MAX_FILE_BYTES // 2**20)
                raise InputError(Text("larger than %1 MB", megabytes), title=path.name)
            data = path.read_bytes()
        except OSError as exc:
            reason = Text("cannot read it: %1", os_reason(exc))  # the OS's words stay
            raise InputError(reason, title=path.name) from None
        self._digest.update(path.name.encode() + b"\0" + data + b"\0")
        mark, codec, name = file_encoding(data)  # UTF-8, or what a byte order mark says
        try:
            return data[len(mark) :].decode(codec)
        except UnicodeDecodeError as exc:
            line = data[len(mark) : len(mark) + exc.start].decode(codec, "replace").count("\n") + 1
            raise problem(path.name, line, Text("not %1 text", name)) from None

    def fold(self, extra: str) -> None:
        """Fold a setting that changes the candidates (the run depth) into the fingerprint."""
        self._digest.update(extra.encode() + b"\0")

    def fingerprint(self) -> str:
        """The digest so far, as hex."""
        return str(self._digest.hexdigest())

    def json_lines(self, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        """`(line number, object)` for each non-blank line of a JSONL file."""
        for number, line in enumerate(record_lines(self.text(path)), 1):
            if not line.strip():
                continue
            try:
                value = jsontext.loads(line)
            except json.JSONDecodeError as exc:
                message = Text("not JSON (%1, column %2)", jsontext.reason(exc), str(exc.colno))
                raise problem(path.name, number, message) from None
            if not isinstance(value, dict):
                raise problem(path.name, number, Text("expected a JSON object"))
            yield number, value


def identifier(value: Any, file: str, line: int, name: str) -> str:
    """An id field: a non-empty string or an integer, as a string."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise problem(file, line, Text("missing, or not a string"), name)
    text = str(value).strip()
    if not text:
        raise problem(file, line, Text("empty"), name)
    return text


def string(value: Any, file: str, line: int, name: str, *, required: bool = True) -> str:
    """A text field (missing and optional: empty)."""
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise problem(file, line, Text("missing, or not a string"), name)
    return value


MAX_GRADE = 1_000_000
"""The largest relevance grade (and the most negative) a set may give: far past any graded scale
(TREC's run 0 to 4), and small enough that every gain sums exactly as a float."""


def grade(value: Any, file: str, line: int, name: str) -> int:
    """A graded relevance: a whole number (JSON number, or text such as "2" or "2.0")."""
    whole = _whole_grade(value, file, line, name)
    if abs(whole) > MAX_GRADE:
        digits = str(whole)
        shown = digits if len(digits) <= 20 else digits[:16] + "…"  # a 400-digit grade was seen
        message = Text(
            "a relevance grade is between %1 and %2, got %3", -MAX_GRADE, MAX_GRADE, shown
        )
        raise problem(file, line, message, name)
    return whole


def _whole_grade(value: Any, file: str, line: int, name: str) -> int:
    if isinstance(value, bool):
        message = Text("a relevance grade is a whole number, not true/false")
        raise problem(file, line, message, name)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return _grade_text(value.strip(), file, line, name)
    raise problem(file, line, _not_a_grade(repr(value)), name)


def _grade_text(text: str, file: str, line: int, name: str) -> int:
    try:
        return int(text)
    except ValueError:
        pass
    try:  # "1.0": how pandas writes a whole-number column that has gaps
        number = float(text)
    except ValueError:
        number = math.nan
    if number.is_integer():
        return int(number)
    raise problem(file, line, _not_a_grade(repr(text)), name)


def _not_a_grade(shown: str) -> Text:
    return Text("a relevance grade is a whole number, got %1", shown)
