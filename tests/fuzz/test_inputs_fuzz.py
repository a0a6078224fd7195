"""Property tests of what a person loads: documents files, conversation files, CLI input files.

Only the project's own errors may come out, and whatever is accepted must be sendable: it encodes
as UTF-8 JSON without NaN (what httpx does with a request body) and exports in every format.
"""

from __future__ import annotations

import itertools
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import JSON, dumps, encode, mutated
from workbench.api import jsontext
from workbench.api.errors import WorkbenchError
from workbench.api.models import ChatMessage, Flavour, ToolCall, ToolResult
from workbench.cli import inputs as cli_inputs
from workbench.core.chat_history_io import export_conversation, neutral_json, parse_conversation
from workbench.core.rerank_io import (
    DocFormat,
    decode_bytes,
    read_documents,
    sniff_format,
    write_documents,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path


def _sendable(value: Any) -> None:
    """What httpx does with a request body: strict JSON, encoded as UTF-8."""
    json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")


# --- documents ----------------------------------------------------------------------------------

PRINTABLE = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
"""Decoded file text never holds a surrogate (UTF-8 decoding refuses them)."""


@st.composite
def documents_text(draw: st.DrawFn) -> str:
    """Text in one of the document formats, often well formed, sometimes damaged."""
    kind = draw(st.sampled_from(["json", "jsonl", "csv", "free"]))
    if kind == "json":
        text = dumps(draw(st.lists(JSON, max_size=5) | JSON), ascii_only=draw(st.booleans()))
    elif kind == "jsonl":
        values = draw(st.lists(JSON, max_size=5))
        text = "\n".join(dumps(v, ascii_only=True) for v in values)
    elif kind == "csv":
        cells = st.text(st.sampled_from('ab,;\t"\n \r'), max_size=6)
        rows: list[list[str]] = draw(st.lists(st.lists(cells, min_size=1, max_size=4), max_size=5))
        text = "\n".join(",".join(r) for r in rows)
    else:
        text = draw(PRINTABLE)
    if draw(st.booleans()):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(PRINTABLE) + text[pos:]
    return text


@pytest.mark.parametrize("fmt", list(DocFormat))
@given(text=documents_text())
def test_documents_readers(fmt: DocFormat, text: str) -> None:
    text = encode(text).decode("utf-8", "replace")  # what decode_bytes can hand over
    try:
        docs = read_documents(text, fmt)
        sniffed = read_documents(text, sniff_format(text))
    except WorkbenchError:
        return
    _sendable(docs)
    _sendable(sniffed)
    for out in DocFormat:
        write_documents(docs, out).text.encode("utf-8")


@given(st.binary(max_size=200))
def test_documents_bytes(data: bytes) -> None:
    try:
        text = decode_bytes(data)
        read_documents(text, sniff_format(text))
    except WorkbenchError:
        pass


# --- conversations ------------------------------------------------------------------------------

CALL = ToolCall(id="call_0", name="get_weather", parameters={"city": "Paris"})
CONVERSATION = [
    ChatMessage(role="user", content="Weather in Paris?"),
    ChatMessage(role="assistant", tool_plan="Look it up.", tool_calls=[CALL]),
    ChatMessage(role="tool", tool_results=[ToolResult(call=CALL, outputs=[{"temp_c": 21}])]),
    ChatMessage(role="assistant", content="21 °C. 😀"),
]
SAMPLES: list[Any] = [
    *(export_conversation(CONVERSATION, f, preamble="Be brief.") for f in Flavour),
    neutral_json(CONVERSATION),
]


@given(st.data())
def test_history_importer(data: st.DataObject) -> None:
    value = data.draw(mutated(data.draw(st.sampled_from(SAMPLES))) | JSON)
    text = dumps(value, ascii_only=data.draw(st.booleans()))
    try:
        # As the Chat pane reads a file: strict JSON (a JSONDecodeError becomes an InputError).
        conversation = parse_conversation(jsontext.loads(encode(text)))
    except (WorkbenchError, json.JSONDecodeError):
        return
    for flavour in Flavour:
        try:
            exported = export_conversation(conversation.messages, flavour, conversation.preamble)
        except WorkbenchError:
            continue
        _sendable(exported)


# --- command-line input files -------------------------------------------------------------------


@pytest.fixture(scope="module")
def input_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file the examples overwrite (hypothesis allows no function-scoped fixture)."""
    return tmp_path_factory.mktemp("cli-inputs") / "input.json"


_READERS: dict[str, Callable[[str], Sequence[Any]]] = {
    "documents": cli_inputs.read_documents,
    "history": cli_inputs.read_history,
    "tools": cli_inputs.read_tools,
    "tool_results": cli_inputs.read_tool_results,
}
_CLI_SAMPLES: list[Any] = [
    [{"id": "d1", "text": "Paris"}, "Berlin", {"id": "d2", "data": {"text": "x"}}],
    [{"role": "USER", "message": "Hi"}, {"role": "assistant", "content": "Hello"}],
    [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
    [{"call": {"id": "c", "name": "f", "parameters": {}}, "outputs": [{"a": 1}]}],
]


@pytest.mark.parametrize("reader", sorted(_READERS))
@given(data=st.data())
def test_cli_input_files(input_file: Path, reader: str, data: st.DataObject) -> None:
    value = data.draw(mutated(data.draw(st.sampled_from(_CLI_SAMPLES))) | JSON)
    input_file.write_bytes(encode(dumps(value, ascii_only=data.draw(st.booleans()))))
    try:
        result = _READERS[reader](str(input_file))
    except WorkbenchError:
        return
    _sendable([r if isinstance(r, str | dict) else r.model_dump() for r in result])


@given(st.lists(st.text(max_size=20), max_size=4), st.lists(JSON, max_size=4))
def test_cli_params(pairs: list[str], values: list[Any]) -> None:
    names = ["temperature", "max_tokens", "stop_sequences", "extra_thing", "seed"]
    given_pairs = [f"{n}={dumps(v, ascii_only=True)}" for n, v in zip(names, values, strict=False)]
    try:
        params = cli_inputs.parse_params(list(itertools.chain(pairs, given_pairs)))
    except WorkbenchError:
        return
    _sendable(params.model_dump())
