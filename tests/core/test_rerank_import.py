"""Documents files read by extension and content, never by a dialog's filter (issue 19, item 3)."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.core.rerank_io import DocFormat, read_file_text

CSV = "title,text\nSoup,Lentils\nTart,Pears\n"


def test_the_extension_chooses_when_the_content_agrees() -> None:
    read = read_file_text("recipes.csv", CSV)
    assert (read.fmt, read.by_content) == (DocFormat.CSV, False)
    assert read.documents == [
        {"title": "Soup", "text": "Lentils"},
        {"title": "Tart", "text": "Pears"},
    ]


def test_a_csv_named_json_is_read_as_csv_by_its_content() -> None:
    read = read_file_text("recipes.json", CSV)
    assert (read.fmt, read.by_content) == (DocFormat.CSV, True)
    assert len(read.documents) == 2


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('[{"text": "a"}, "b"]', DocFormat.JSON),
        ('{"text": "a"}\n{"text": "b"}\n', DocFormat.JSONL),
        (CSV, DocFormat.CSV),
        ("first document\nsecond document\n", DocFormat.LINES),
        ("one\nparagraph\n\nanother\n", DocFormat.PARAGRAPHS),
    ],
)
def test_a_file_without_extension_is_read_by_its_content(text: str, fmt: DocFormat) -> None:
    read = read_file_text("documents", text)
    assert (read.fmt, read.by_content) == (fmt, True)


def test_text_files_are_lines_or_paragraphs_unless_they_hold_json() -> None:
    assert read_file_text("notes.txt", "a, b\nc, d\n").fmt is DocFormat.LINES  # prose, not CSV
    assert read_file_text("notes.txt", "a\nb\r\n\r\nc\n").documents == ["a\nb", "c"]
    assert read_file_text("notes.txt", '["x", "y"]').documents == ["x", "y"]


def test_broken_json_that_is_nothing_else_keeps_the_json_error() -> None:
    with pytest.raises(InputError) as caught:
        read_file_text("docs.json", '[{"text": "a"},\n {"text": oops}]')
    assert caught.value.where == "line 2, column 11"
    assert "JSON" in caught.value.title


def test_a_csv_header_naming_a_column_twice_is_refused() -> None:
    text = "name,text,text\nKettle,Boils water fast,Stainless steel 1.7 l\n"
    with pytest.raises(InputError) as caught:
        read_file_text("products.csv", text)
    assert caught.value.title == 'The CSV header names the column "text" twice'
    assert caught.value.where == "line 1"
