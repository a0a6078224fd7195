"""Chat inputs: documents and tools are checked with the place named; cited ids find their source."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.api.models import ToolCall, ToolResult
from workbench.core.chat_inputs import parse_documents, parse_tools, resolve_source, source_lookup


def test_documents_accept_strings_ids_and_excludes() -> None:
    docs = ["plain", {"id": "a", "title": "T", "_excludes": ["title"]}]
    assert parse_documents(docs) == docs
    assert parse_documents(None) == []


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ({"text": "x"}, "documents"),
        ([3], "documents[0]"),
        ([{"id": 3}], "documents[0].id"),
        (["ok", {"_excludes": "title"}], "documents[1]._excludes"),
    ],
)
def test_bad_documents_name_the_place(value: object, where: str) -> None:
    with pytest.raises(InputError) as info:
        parse_documents(value)
    assert info.value.where == where


def test_tools_accept_both_forms_and_name_bad_ones() -> None:
    v1 = {"name": "w", "parameter_definitions": {"city": {"type": "str", "required": True}}}
    fn = {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
    specs = parse_tools([v1, fn])
    assert [s.name for s in specs] == ["w", "f"]
    assert specs[0].parameters["required"] == ["city"]
    with pytest.raises(InputError) as info:
        parse_tools([v1, {"description": "no name"}])
    assert info.value.where == "tools[1].name"


def test_source_lookup_knows_server_and_tool_ids() -> None:
    result = ToolResult(
        call=ToolCall(id="call_9", name="get_weather"), outputs=[{"t": 1}, {"t": 2}]
    )
    lookup = source_lookup(
        ["first", {"id": "mine", "text": "x"}], [{"id": "doc_0", "text": "first!"}], [result]
    )
    assert lookup["doc_0"] == {"id": "doc_0", "text": "first!"}
    assert lookup["doc:0"] == {"text": "first"}
    assert lookup["mine"]["text"] == "x"
    assert lookup["call_9:1"] == {"tool": "get_weather", "t": 2}
    assert resolve_source(lookup, "get_weather:0:1:0") == {"tool": "get_weather", "t": 2}
    assert resolve_source(lookup, "nowhere") is None
