"""A plain request for what the single tool does calls it, though it shares no word with the tool."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import httpx

# Cohere's documentation example (v1 tools): "I'd like 4 apples and a fish please".
SHOPPER = {
    "name": "personal_shopper",
    "description": "Returns items and requested volumes to purchase",
    "parameter_definitions": {
        "item": {
            "description": "the item requested to be purchased, in all caps eg. Bananas should "
            "be BANANAS",
            "type": "str",
            "required": True,
        },
        "quantity": {
            "description": "how many of the items should be purchased",
            "type": "int",
            "required": True,
        },
    },
}
WEATHER = {
    "name": "get_weather",
    "description": "Current weather for a city",
    "parameter_definitions": {"city": {"type": "str", "required": True}},
}


def _calls(http: httpx.Client, message: str, tool: dict[str, Any]) -> list[tuple[str, Any]]:
    reply = http.post("/v1/chat", json={"message": message, "tools": [tool]}).json()
    return [(c["name"], c["parameters"]) for c in reply.get("tool_calls") or []]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I'd like 4 apples please", [{"item": "APPLES", "quantity": 4}]),
        (
            "I'd like 4 apples and a fish please",
            [{"item": "APPLES", "quantity": 4}, {"item": "FISH", "quantity": 1}],
        ),
        ("Can I get 3 lemons", [{"item": "LEMONS", "quantity": 3}]),
    ],
)
def test_a_plain_request_for_things_calls_the_shopping_tool(
    http: httpx.Client, message: str, expected: list[dict[str, Any]]
) -> None:
    assert _calls(http, message, SHOPPER) == [("personal_shopper", e) for e in expected]


@pytest.mark.parametrize(
    "message",
    ["What is the capital of France?", "Hello there", "I'd like to know how shopping works"],
)
def test_a_message_that_asks_for_no_things_calls_no_tool(http: httpx.Client, message: str) -> None:
    assert _calls(http, message, SHOPPER) == []


def test_a_request_for_things_does_not_call_a_tool_that_gets_none(http: httpx.Client) -> None:
    assert _calls(http, "I'd like an umbrella please", WEATHER) == []
