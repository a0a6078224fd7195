"""Pasted URLs → base URL, flavour and final URL; tool specs in every form people paste."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.api.models import Flavour, ToolSpec
from workbench.api.tools import tool_from_json, tool_to_function, tool_to_v1
from workbench.api.urls import (
    build_url,
    has_user_info,
    normalise_base_url,
    parse_pasted_url,
    repeated_version,
    without_user_info,
)


@pytest.mark.parametrize(
    ("pasted", "base", "flavour"),
    [
        ("https://x.eastus2.models.ai.azure.com", "https://x.eastus2.models.ai.azure.com", None),
        ("https://x.eastus2.models.ai.azure.com/", "https://x.eastus2.models.ai.azure.com", None),
        ("  https://api.cohere.com/v1/rerank/  ", "https://api.cohere.com", Flavour.COHERE_V1),
        ("https://api.cohere.com/v2/chat?foo=bar", "https://api.cohere.com", Flavour.COHERE_V2),
        ("https://api.cohere.com/V2/RERANK", "https://api.cohere.com", Flavour.COHERE_V2),
        ("https://r.services.ai.azure.com/models/chat/completions?api-version=2024-05-01-preview",
         "https://r.services.ai.azure.com/models", Flavour.OPENAI),
        ("http://localhost:8000/v1/chat/completions", "http://localhost:8000/v1", Flavour.OPENAI),
        ("https://x.inference.ai.azure.com/info", "https://x.inference.ai.azure.com", None),
    ],
)  # fmt: skip
def test_pasted_urls_give_the_base_and_flavour(
    pasted: str, base: str, flavour: Flavour | None
) -> None:
    parts = parse_pasted_url(pasted)
    assert (parts.base_url, parts.flavour) == (base, flavour)
    assert normalise_base_url(pasted) == base


def test_api_version_is_read_from_the_query_and_sent_on_azure_inference_routes_only() -> None:
    assert (
        parse_pasted_url("https://h/chat/completions?api-version=2025-04-01").api_version
        == "2025-04-01"
    )
    assert (
        build_url("https://h", Flavour.OPENAI, "chat", "2025-04-01")
        == "https://h/chat/completions?api-version=2025-04-01"
    )
    assert (
        build_url("https://h", Flavour.COHERE_V2, "info", "v 1") == "https://h/info?api-version=v+1"
    )
    assert build_url("https://h", Flavour.COHERE_V2, "chat", "2025-04-01") == "https://h/v2/chat"
    assert build_url("https://h", Flavour.COHERE_V1, "rerank", None) == "https://h/v1/rerank"


@pytest.mark.parametrize("bad", ["api.cohere.com", "ftp://x", "https://", ""])
def test_urls_that_are_not_http_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError):
        parse_pasted_url(bad)


V1_TOOL = {
    "name": "query_db",
    "description": "Run a query",
    "parameter_definitions": {
        "sql": {"description": "SQL text", "type": "str", "required": True},
        "limit": {"type": "int", "required": False},
        "tags": {"type": "List[str]"},
    },
}
SCHEMA = {
    "type": "object",
    "properties": {
        "sql": {"type": "string", "description": "SQL text"},
        "limit": {"type": "integer"},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["sql"],
}


def test_v1_definitions_become_json_schema_and_back() -> None:
    spec = tool_from_json(V1_TOOL)
    assert spec == ToolSpec(name="query_db", description="Run a query", parameters=SCHEMA)
    assert tool_to_v1(spec) == {
        "name": "query_db", "description": "Run a query",
        "parameter_definitions": {
            "sql": {"type": "str", "required": True, "description": "SQL text"},
            "limit": {"type": "int", "required": False},
            "tags": {"type": "List[str]", "required": False},
        },
    }  # fmt: skip


@pytest.mark.parametrize(
    "obj",
    [
        {
            "type": "function",
            "function": {"name": "query_db", "description": "Run a query", "parameters": SCHEMA},
        },
        {"name": "query_db", "description": "Run a query", "parameters": SCHEMA},
    ],
)
def test_function_forms_are_read(obj: dict[str, object]) -> None:
    spec = tool_from_json(obj)
    assert spec.parameters == SCHEMA
    assert tool_to_function(spec)["function"]["name"] == "query_db"


@pytest.mark.parametrize(("obj", "where"), [([], "tools[3]"), ({"description": "x"}, "tools[3].name"),
                                            ({"name": "f", "parameters": "x"}, "tools[3].parameters")])  # fmt: skip
def test_bad_tools_name_where(obj: object, where: str) -> None:
    with pytest.raises(InputError) as info:
        tool_from_json(obj, "tools[3]")
    assert info.value.where == where


@pytest.mark.parametrize(
    ("url", "bare"),
    [
        ("https://user:s3cret@example.invalid/v2", "https://example.invalid/v2"),
        ("https://user:p@ss@example.invalid:8443/x?y=1#z", "https://example.invalid:8443/x?y=1#z"),
        ("http://only-user@127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("https://example.invalid/a@b", "https://example.invalid/a@b"),  # an @ in the path
        ("https://example.invalid", "https://example.invalid"),
    ],
)
def test_user_info_is_taken_out_of_a_url_and_nothing_else(url: str, bare: str) -> None:
    assert without_user_info(url) == bare
    assert not has_user_info(without_user_info(url))


@pytest.mark.parametrize(
    ("base", "flavour", "kind", "said"),
    [
        ("https://api.cohere.com/v1", Flavour.COHERE_V2, "chat", "https://api.cohere.com/v1/v2/chat"),
        ("http://h/gateway/V2/", Flavour.COHERE_V1, "rerank", "http://h/gateway/V2/v1/rerank"),
        ("http://h/v2", Flavour.COHERE_V2, "rerank", "http://h/v2/v2/rerank"),
    ],
)  # fmt: skip
def test_a_base_ending_in_a_version_the_routes_add_again_is_warned_about(
    base: str, flavour: Flavour, kind: str, said: str
) -> None:
    """`/v1` + `/v2/chat` is a 404 naming a path nobody typed: the warning names it first."""
    warning = repeated_version(base, flavour, kind)
    assert warning is not None
    tail = base.rstrip("/").rsplit("/", 1)[1]
    assert str(warning) == (
        f"the base URL ends in /{tail} and each route adds its own version ({said}): "
        f"leave /{tail} out of the base URL"
    )


@pytest.mark.parametrize(
    ("base", "flavour"),
    [
        ("https://api.openai.com/v1", Flavour.OPENAI),  # /v1/chat/completions is its route
        ("https://api.cohere.com", Flavour.COHERE_V2),
        ("https://h/v1beta", Flavour.COHERE_V2),
        ("https://h/models", Flavour.COHERE_V1),
    ],
)
def test_a_base_the_routes_do_not_repeat_is_not_warned_about(base: str, flavour: Flavour) -> None:
    assert repeated_version(base, flavour) is None
