"""Today's models through the official Cohere SDK: reasoning, structured output, images."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import cohere
import pytest
from cohere.v2.types import v2chat_stream_response as v2_events

from tests.imaging import data_uri, gif, png

if TYPE_CHECKING:
    from collections.abc import Iterator

    import httpx

    from workbench.sandbox.runner import RunningSandbox

REASONING = "command-a-reasoning-08-2025"
VISION = "command-a-vision-07-2025"
PLUS = "command-a-plus-05-2026"
SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
    "required": ["name", "age"],
}
WEATHER: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"location": {"type": "string"}},
            "required": ["location"],
        },
    },
}


@pytest.fixture
def co2(sandbox: RunningSandbox) -> Iterator[cohere.ClientV2]:
    client = cohere.ClientV2(api_key=sandbox.key, base_url=sandbox.base_url)
    yield client
    client._client_wrapper.httpx_client.httpx_client.close()


def _user(text: str) -> list[Any]:
    return [{"role": "user", "content": text}]


def test_reasoning_model_answers_with_a_thinking_block_then_text(co2: cohere.ClientV2) -> None:
    response = co2.chat(model=REASONING, messages=_user("Why is the sky blue?"))
    content = response.message.content or []
    assert [block.type for block in content] == ["thinking", "text"]
    assert "sky blue" in content[0].thinking  # type: ignore[union-attr]
    assert content[1].text  # type: ignore[union-attr]


def test_thinking_disabled_and_token_budget(co2: cohere.ClientV2) -> None:
    off = co2.chat(model=REASONING, messages=_user("Hi"), thinking=cohere.Thinking(type="disabled"))
    assert [b.type for b in off.message.content or []] == ["text"]
    short = co2.chat(
        model=REASONING,
        messages=_user("Why is the sky blue?"),
        thinking=cohere.Thinking(type="enabled", token_budget=3),
    )
    thought = (short.message.content or [])[0]
    assert thought.type == "thinking"
    assert len(thought.thinking.split()) == 3


def test_thinking_streams_on_content_start_and_deltas(co2: cohere.ClientV2) -> None:
    events = list(co2.chat_stream(model=PLUS, messages=_user("Why is the sky blue?")))
    starts = [e for e in events if isinstance(e, v2_events.ContentStartV2ChatStreamResponse)]
    assert [s.delta.message.content.type for s in starts] == ["thinking", "text"]  # type: ignore[union-attr]
    first = starts[0].delta.message.content.thinking or ""  # type: ignore[union-attr]
    deltas = [e for e in events if isinstance(e, v2_events.ContentDeltaV2ChatStreamResponse)]
    thinking = "".join(d.delta.message.content.thinking or "" for d in deltas)  # type: ignore[union-attr]
    whole = co2.chat(model=PLUS, messages=_user("Why is the sky blue?"))
    assert first + thinking == (whole.message.content or [])[0].thinking  # type: ignore[union-attr]


def test_reasoning_tool_turn_plans_in_thinking_and_takes_it_back(co2: cohere.ClientV2) -> None:
    messages: list[Any] = _user("Weather in Lisbon?")
    first = co2.chat(model=REASONING, messages=messages, tools=[WEATHER])  # type: ignore[list-item]  # dict form
    assert first.finish_reason == "TOOL_CALL"
    assert not first.message.tool_plan
    thought = (first.message.content or [])[0]
    assert thought.type == "thinking"
    assert "get_weather" in thought.thinking
    call = (first.message.tool_calls or [])[0]
    messages += [
        {
            "role": "assistant",
            "content": [{"type": "thinking", "thinking": thought.thinking}],
            "tool_calls": [call.dict()],
        },
        {
            "role": "tool",
            "tool_call_id": call.id,
            "content": [{"type": "document", "document": {"data": {"temperature": "21°C"}}}],
        },
    ]
    second = co2.chat(model=REASONING, messages=messages, tools=[WEATHER])  # type: ignore[list-item]  # dict form
    assert second.finish_reason == "COMPLETE"
    assert "21°C" in (second.message.content or [])[-1].text  # type: ignore[union-attr]


def test_thinking_refused_by_a_model_that_does_not_reason(co2: cohere.ClientV2) -> None:
    with pytest.raises(cohere.BadRequestError):
        co2.chat(
            model="command-a-03-2025", messages=_user("x"), thinking=cohere.Thinking(type="enabled")
        )


def test_json_schema_answer_follows_the_schema(co2: cohere.ClientV2) -> None:
    response = co2.chat(
        model="command-a-03-2025",
        messages=_user("Make up a person"),
        response_format=cohere.JsonObjectResponseFormatV2(json_schema=SCHEMA),
    )
    value = json.loads((response.message.content or [])[0].text)  # type: ignore[union-attr]
    assert set(value) == {"name", "age"}
    assert isinstance(value["age"], int)


def test_json_object_without_schema_is_an_object(co2: cohere.ClientV2) -> None:
    response = co2.chat(
        model="command-r-plus-08-2024",
        messages=_user("Give JSON"),
        response_format=cohere.JsonObjectResponseFormatV2(),
    )
    assert isinstance(json.loads((response.message.content or [])[0].text), dict)  # type: ignore[union-attr]


def test_break_schema_fault_drops_a_required_property(co2: cohere.ClientV2) -> None:
    response = co2.chat(
        model="command-a-03-2025",
        messages=_user("Make up a person"),
        response_format=cohere.JsonObjectResponseFormatV2(json_schema=SCHEMA),
        request_options={"additional_headers": {"x-sandbox-fault": "break_schema=1"}},
    )
    assert "name" not in json.loads((response.message.content or [])[0].text)  # type: ignore[union-attr]


@pytest.mark.parametrize("other", ["documents", "tools"])
def test_response_format_refused_with_documents_or_tools(co2: cohere.ClientV2, other: str) -> None:
    extra: dict[str, Any] = (
        {"documents": ["Paris."]} if other == "documents" else {"tools": [WEATHER]}
    )
    with pytest.raises(cohere.BadRequestError, match="response_format"):
        co2.chat(
            model="command-a-03-2025",
            messages=_user("x"),
            response_format=cohere.JsonObjectResponseFormatV2(),
            **extra,
        )


def test_images_are_counted_measured_and_named(co2: cohere.ClientV2) -> None:
    content: list[cohere.Content] = [
        cohere.TextContent(text="What are these?"),
        cohere.ImageUrlContent(image_url=cohere.ImageUrl(url=data_uri(png(4, 3)), detail="low")),
        cohere.ImageUrlContent(image_url=cohere.ImageUrl(url=data_uri(gif(2, 5), "image/gif"))),
    ]
    response = co2.chat(model=VISION, messages=[cohere.UserChatMessageV2(content=content)])
    text = (response.message.content or [])[0].text  # type: ignore[union-attr]
    assert "2 images" in text
    assert "PNG 4x3" in text
    assert "detail low" in text
    assert "GIF 2x5" in text


def test_images_refused_by_a_text_model_and_over_the_limit(co2: cohere.ClientV2) -> None:
    image = {"type": "image_url", "image_url": {"url": data_uri(png())}}
    with pytest.raises(cohere.BadRequestError, match="image"):
        co2.chat(model="command-a-03-2025", messages=[{"role": "user", "content": [image]}])  # type: ignore[list-item]  # dict form
    with pytest.raises(cohere.BadRequestError, match="20 images"):
        co2.chat(model=VISION, messages=[{"role": "user", "content": [image] * 21}])  # type: ignore[list-item]  # dict form


def test_newer_models_refuse_safety_mode_off(co2: cohere.ClientV2) -> None:
    with pytest.raises(cohere.BadRequestError, match="safety_mode"):
        co2.chat(model="command-a-03-2025", messages=_user("x"), safety_mode="OFF")
    older = co2.chat(model="command-r-plus-08-2024", messages=_user("x"), safety_mode="OFF")
    assert older.finish_reason == "COMPLETE"


def test_strict_tools_and_tool_choice_are_taken(co2: cohere.ClientV2) -> None:
    response = co2.chat(
        model="command-a-03-2025",
        messages=_user("Tell me a joke"),
        tools=[WEATHER],  # type: ignore[list-item]  # dict form
        strict_tools=True,
        tool_choice="REQUIRED",
    )
    assert response.finish_reason == "TOOL_CALL"


def test_v1_json_answer_follows_the_schema_named_schema(http: httpx.Client) -> None:
    """/v1/chat answered prose whatever its `response_format` asked (wire formats: v1 names the
    schema `schema`), so every v1 schema check against the sandbox failed."""
    body = {
        "message": "Make up a person",
        "response_format": {"type": "json_object", "schema": SCHEMA},
    }
    for stream in (False, True):
        response = http.post("/v1/chat", json={**body, "stream": stream})
        assert response.status_code == 200
        if stream:
            ends = [json.loads(line) for line in response.text.splitlines() if line.strip()]
            text = ends[-1]["response"]["text"]
        else:
            text = response.json()["text"]
        value = json.loads(text)
        assert set(value) == {"name", "age"}
        assert isinstance(value["age"], int)


@pytest.mark.parametrize(
    ("fmt", "field"),
    [
        ({"type": "bogus"}, "response_format.type"),
        ({"type": "text", "schema": SCHEMA}, "response_format.schema"),
        ({"type": "json_object", "schema": 5}, "response_format.schema"),
    ],
)
def test_v1_response_format_refusals_name_the_field(
    http: httpx.Client, fmt: dict[str, Any], field: str
) -> None:
    response = http.post("/v1/chat", json={"message": "x", "response_format": fmt})
    assert response.status_code == 400
    assert field in response.json()["message"]
