"""A file's text: UTF-8, or the encoding its byte order mark names, bad bytes named by offset."""

from __future__ import annotations

import codecs

import pytest

from workbench.api.errors import InputError
from workbench.core.text_files import decode_file_text, record_lines

TEXT = '[{"text": "caffè ☕ 😀"}]'


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),  # Notepad
        TEXT.encode("utf-16"),  # Windows PowerShell 5's `>` and Out-File: little-endian, marked
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
)
def test_the_text_comes_back_whatever_the_marked_encoding(data: bytes) -> None:
    assert decode_file_text(data) == TEXT


@pytest.mark.parametrize(
    ("data", "title", "where"),
    [
        ("caffè".encode("latin-1"), "The file is not UTF-8 text", "byte 4"),
        (codecs.BOM_UTF8 + b"ok\xff", "The file is not UTF-8 text", "byte 5"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00", "The file is not UTF-16 text", "byte 4"),
    ],
)
def test_bytes_that_are_not_that_text_are_named_by_offset(
    data: bytes, title: str, where: str
) -> None:
    with pytest.raises(InputError) as caught:
        decode_file_text(data)
    assert (caught.value.title, caught.value.where) == (title, where)


def test_utf16_without_a_mark_is_not_guessed() -> None:
    """No mark: the text must be UTF-8 (a guess could read a binary file as Chinese)."""
    with pytest.raises(InputError, match="not UTF-8"):
        decode_file_text("ok".encode("utf-16-le") + b"\xff")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ('{"t": "a\u2028b"}\n{"t": "c\u2029d\x85e"}\n', ['{"t": "a\u2028b"}', '{"t": "c\u2029d\x85e"}']),
        ("one\r\ntwo\r\n", ["one", "two"]),
        ("one\n\nthree", ["one", "", "three"]),
        ("old\rmac\r", ["old", "mac"]),  # CR alone, in a file with no LF at all
        ("", []),
    ],
)  # fmt: skip
def test_record_lines_end_at_line_feeds_only(text: str, lines: list[str]) -> None:
    # str.splitlines() also ends a line at U+2028, U+2029 and U+0085, which JSON writes raw in
    # its strings: a run or a document holding one broke its file, refused whole.
    assert record_lines(text) == lines
