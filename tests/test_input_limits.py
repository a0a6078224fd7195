"""Files a person loads: deep nesting, huge files, NaN and lone surrogates give clear input errors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from workbench.api.errors import InputError
from workbench.cli import inputs as cli_inputs
from workbench.cli import main
from workbench.core import rerank_io
from workbench.core.chat_history_io import parse_conversation
from workbench.core.rerank_io import DocFormat, decode_bytes, read_documents

if TYPE_CHECKING:
    from pathlib import Path

DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (DEEP, "line 1, column 101"),
        ('["a", {"x": NaN}]', "line 1, column 13"),
        ('["a", 1e999]', "line 1, column 7"),
    ],
)
def test_cli_documents_file_that_is_not_usable_json_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str
) -> None:
    path = tmp_path / "docs.json"
    path.write_text(text, encoding="utf-8")
    argv = ["rerank", "--url", "http://127.0.0.1:9", "--model", "m", "--query", "q",
            "--documents", str(path)]  # fmt: skip
    status = main(argv)
    _out, err = capsys.readouterr()
    assert status == 2
    assert err.startswith(f"workbench: docs.json: {where}: ")
    assert "Traceback" not in err


def test_cli_file_larger_than_the_limit_is_refused_without_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_inputs, "MAX_FILE_CHARS", 100)
    path = tmp_path / "docs.json"
    path.write_text(json.dumps(["x" * 200]), encoding="utf-8")
    with pytest.raises(InputError, match="larger than 0 MB"):
        cli_inputs.read_documents(str(path))


def test_lone_surrogate_escapes_in_a_file_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text('["half \\ud83c", {"t\\udc00": "x"}]', encoding="utf-8")
    assert cli_inputs.read_documents(str(path)) == ["half \ufffd", {"t\ufffd": "x"}]


@pytest.mark.parametrize("fmt", [DocFormat.JSON, DocFormat.JSONL])
def test_documents_reader_names_the_line_of_deep_nesting(fmt: DocFormat) -> None:
    with pytest.raises(InputError) as caught:
        read_documents('"first"\n' + DEEP if fmt is DocFormat.JSONL else DEEP, fmt)
    assert "nested deeper than 100 levels" in caught.value.title
    assert caught.value.where == (
        "line 2, column 101" if fmt is DocFormat.JSONL else "line 1, column 101"
    )


def test_documents_file_larger_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rerank_io, "MAX_FILE_BYTES", 10)
    with pytest.raises(InputError, match="larger than"):
        decode_bytes(b'["0123456789"]')


def test_history_importer_with_nested_tool_arguments() -> None:
    entry = {
        "role": "assistant",
        "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": DEEP}}],
    }
    with pytest.raises(InputError) as caught:
        parse_conversation({"messages": [entry]})
    assert caught.value.where == "messages[0].tool_calls[0].function.arguments"
