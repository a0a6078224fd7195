"""Tool calls over HTTP: one call per tool asked for, typed arguments, plain answers, determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cohere
import pytest

if TYPE_CHECKING:
    import httpx

    from workbench.sandbox.runner import RunningSandbox

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SCHEMA_TOOLS: list[dict[str, Any]] = json.loads((SAMPLES / "tools_json_schema.json").read_text())
V1_TOOLS: list[dict[str, Any]] = json.loads((SAMPLES / "tools_v1.json").read_text())
V1_CURRENCY = {
    "name": "convert_currency",
    "description": "Convert an amount between currencies at today's rate.",
    "parameter_definitions": {
        "amount": {"type": "float", "required": True},
        "from": {"type": "str", "description": "ISO 4217 code, e.g. EUR", "required": True},
        "to": {"type": "str", "description": "ISO 4217 code, e.g. JPY", "required": True},
    },
}
TWO_TOOLS = "What's the weather in São Paulo, and how much is 120 EUR in JPY?"
EXPECTED = [
    ("get_weather", {"city": "São Paulo"}),
    ("convert_currency", {"amount": 120, "from": "EUR", "to": "JPY"}),
]


def _function(name: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required}
    return {"type": "function", "function": {"name": name, "description": "", "parameters": schema}}


V1_TOOLS_AS_SCHEMA = [
    _function(
        t["name"],
        {p: {"type": "string"} for p in t["parameter_definitions"]},
        [p for p, spec in t["parameter_definitions"].items() if spec.get("required")],
    )
    for t in V1_TOOLS
]
BOOK_FLIGHT = _function(
    "book_flight",
    {
        "destination": {"type": "string", "description": "Arrival city"},
        "date": {"type": "string", "format": "date"},
        "cabin": {"type": "string", "enum": ["economy", "business", "first"]},
        "passengers": {"type": "integer"},
        "note": {"type": "string", "description": "Free text for the crew"},
    },
    ["destination", "date", "cabin"],
)


def _v2_calls(http: httpx.Client, message: str, tools: list[dict[str, Any]]) -> list[Any]:
    body = {"model": "m", "messages": [{"role": "user", "content": message}], "tools": tools}
    reply = http.post("/v2/chat", json=body).json()
    assert reply["finish_reason"] == (
        "TOOL_CALL" if reply["message"].get("tool_calls") else "COMPLETE"
    )
    return [
        (c["function"]["name"], json.loads(c["function"]["arguments"]), c["id"])
        for c in reply["message"].get("tool_calls", [])
    ]


def _args(http: httpx.Client, message: str, tools: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    return [(name, args) for name, args, _ in _v2_calls(http, message, tools)]


def test_two_tools_in_one_message_v2(http: httpx.Client) -> None:
    assert _args(http, TWO_TOOLS, SCHEMA_TOOLS) == EXPECTED


def test_two_tools_in_one_message_v1(http: httpx.Client) -> None:
    body = {"message": TWO_TOOLS, "tools": [V1_TOOLS[0], V1_CURRENCY]}
    reply = http.post("/v1/chat", json=body).json()
    assert [(c["name"], c["parameters"]) for c in reply["tool_calls"]] == EXPECTED
    assert "get_weather" in reply["text"]
    assert "convert_currency" in reply["text"]


def test_two_tools_in_one_message_openai(http: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": TWO_TOOLS}], "tools": SCHEMA_TOOLS}
    choice = http.post("/chat/completions", json=body).json()["choices"][0]
    calls = choice["message"]["tool_calls"]
    assert choice["finish_reason"] == "tool_calls"
    assert [
        (c["function"]["name"], json.loads(c["function"]["arguments"])) for c in calls
    ] == EXPECTED
    assert len({c["id"] for c in calls}) == 2


def test_two_tools_through_the_cohere_v2_sdk(sandbox: RunningSandbox) -> None:
    client = cohere.ClientV2(api_key=sandbox.key, base_url=sandbox.base_url)
    try:
        # Plain dicts (the shipped sample as loaded): the SDK converts them, but its hints name
        # only its own models.
        reply = client.chat(
            model="m",
            messages=[{"role": "user", "content": TWO_TOOLS}],  # type: ignore[list-item]
            tools=SCHEMA_TOOLS,  # type: ignore[arg-type]
        )
    finally:
        client._client_wrapper.httpx_client.httpx_client.close()
    calls = reply.message.tool_calls or []
    assert reply.finish_reason == "TOOL_CALL"
    assert reply.message.tool_plan
    assert "convert_currency" in reply.message.tool_plan
    assert [
        (c.function.name, json.loads(c.function.arguments or "")) for c in calls if c.function
    ] == EXPECTED


def test_a_single_tool_message_gives_one_call(http: httpx.Client) -> None:
    assert _args(http, "What is the weather in São Paulo right now?", SCHEMA_TOOLS) == [
        ("get_weather", {"city": "São Paulo"})
    ]
    assert _args(http, "What's the weather in Lisbon?", V1_TOOLS_AS_SCHEMA) == [
        ("get_weather", {"city": "Lisbon"})
    ]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("How much is 99.5 USD in GBP?", {"amount": 99.5, "from": "USD", "to": "GBP"}),
        ("Convert to JPY from EUR 120", {"amount": 120, "from": "EUR", "to": "JPY"}),
        ("Convert 50 EUR please", {"amount": 50, "from": "EUR", "to": "USD"}),  # a default
    ],
)
def test_currency_codes_follow_the_message(
    http: httpx.Client, message: str, expected: dict[str, Any]
) -> None:
    assert _args(http, message, SCHEMA_TOOLS) == [("convert_currency", expected)]


def test_enum_date_number_and_place_fill_their_own_parameters(http: httpx.Client) -> None:
    message = 'Book a flight to Rio de Janeiro on 2026-11-24 in business for 2, note "window seat"'
    assert _args(http, message, [BOOK_FLIGHT]) == [
        (
            "book_flight",
            {
                "destination": "Rio de Janeiro",
                "date": "2026-11-24",
                "cabin": "business",
                "passengers": 2,
                "note": "window seat",
            },
        )
    ]


def test_required_parameters_get_defaults_and_words_stay_as_said(http: httpx.Client) -> None:
    assert _args(http, "Book a flight to Lisbon tomorrow", [BOOK_FLIGHT]) == [
        ("book_flight", {"destination": "Lisbon", "date": "tomorrow", "cabin": "economy"})
    ]


def test_v1_types_and_described_choices(http: httpx.Client) -> None:
    tool = {
        "name": "search_orders",
        "description": "Find a customer's orders by e-mail address and optional status.",
        "parameter_definitions": {
            "email": {"description": "Customer e-mail", "type": "str", "required": True},
            "status": {"description": "open, shipped or returned", "type": "str"},
            "limit": {"description": "Maximum number of orders", "type": "int"},
            "skus": {"description": "Product codes", "type": "List[str]"},
        },
    }
    message = "Find the shipped orders of anna.lee@example.com for products ABC and XYZ, limit 5"
    reply = http.post("/v1/chat", json={"message": message, "tools": [tool]}).json()
    assert [(c["name"], c["parameters"]) for c in reply["tool_calls"]] == [
        (
            "search_orders",
            {
                "email": "anna.lee@example.com",
                "status": "shipped",
                "limit": 5,
                "skus": ["ABC", "XYZ"],
            },
        )
    ]


def test_a_message_no_tool_fits_is_answered_directly(http: httpx.Client) -> None:
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "Tell me a joke about cats"}],
        "tools": SCHEMA_TOOLS,
    }
    reply = http.post("/v2/chat", json=body).json()
    assert reply["finish_reason"] == "COMPLETE"
    assert "tool_calls" not in reply["message"]
    assert "cats" in reply["message"]["content"][0]["text"]


def test_required_tool_choice_calls_the_best_tool_anyway(http: httpx.Client) -> None:
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "Tell me a joke about cats"}],
        "tools": SCHEMA_TOOLS,
        "tool_choice": "REQUIRED",
    }
    reply = http.post("/v2/chat", json=body).json()
    assert reply["finish_reason"] == "TOOL_CALL"
    assert len(reply["message"]["tool_calls"]) == 1


def test_same_request_same_call_ids_and_arguments(http: httpx.Client) -> None:
    first = _v2_calls(http, TWO_TOOLS, SCHEMA_TOOLS)
    assert _v2_calls(http, TWO_TOOLS, SCHEMA_TOOLS) == first
    assert len({call_id for _, _, call_id in first}) == 2
