"""Reasoning, structured output and images through WorkbenchClient to the sandbox, and the bodies
each flavour builds for them."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest

from tests.imaging import data_uri, png
from workbench.api import (
    ChatMessage,
    ChatRequest,
    ChatSnapshot,
    Flavour,
    GenerationParams,
    ImagePart,
    InputError,
    ResponseFormat,
    ThinkingOption,
    ToolCall,
    ToolResult,
    ToolSpec,
    WorkbenchClient,
    accumulate,
)
from workbench.api.flavours import codec_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Connection

    Factory = Callable[..., Connection]

REASONING = "command-a-reasoning-08-2025"
WEATHER = ToolSpec(
    name="get_weather",
    parameters={"type": "object", "properties": {"city": {"type": "string"}}},
)


async def _both(connection: Connection, request: ChatRequest) -> tuple[ChatSnapshot, ChatSnapshot]:
    async with WorkbenchClient(connection) as client:
        whole = await client.chat(request)
        streamed = ChatSnapshot()
        async for event in client.chat_stream(request):
            streamed = accumulate(streamed, event)
    return whole, streamed


def test_reasoning_thinking_arrives_streamed_and_whole(connection: Factory) -> None:
    request = ChatRequest(message="Why is the sky blue?", model=REASONING)
    whole, streamed = asyncio.run(_both(connection(), request))
    assert whole.thinking.startswith("The question is: Why is the sky blue")
    assert (streamed.thinking, streamed.text) == (whole.thinking, whole.text)
    assert whole.text
    assert whole.thinking not in whole.text


def test_reasoning_tool_loop_sends_the_thinking_back(connection: Factory) -> None:
    async def go() -> ChatSnapshot:
        async with WorkbenchClient(connection()) as client:
            first = await client.chat(
                ChatRequest(message="Weather in Lisbon?", model=REASONING, tools=[WEATHER])
            )
            assert not first.tool_plan
            assert "get_weather" in first.thinking
            call = first.tool_calls[0]
            sent = ToolCall(id=call.id, name=call.name, parameters=call.parameters() or {})
            history = [
                ChatMessage(role="user", content="Weather in Lisbon?"),
                ChatMessage(role="assistant", tool_calls=[sent], thinking=first.thinking),
            ]
            result = ToolResult(call=sent, outputs=[{"temperature": "21°C"}])
            return await client.chat(
                ChatRequest(
                    model=REASONING, history=history, tools=[WEATHER], tool_results=[result]
                )
            )

    second = asyncio.run(go())
    assert "21°C" in second.text
    assert second.thinking


def test_image_question_reaches_a_vision_model(connection: Factory) -> None:
    image = ImagePart(url=data_uri(png(8, 6)), detail="high")
    request = ChatRequest(message="What is it?", images=[image], model="command-a-vision-07-2025")
    whole, streamed = asyncio.run(_both(connection(), request))
    assert "1 image" in whole.text
    assert "PNG 8x6" in whole.text
    assert "detail high" in whole.text
    assert streamed.text == whole.text


def test_v2_body_carries_the_typed_fields() -> None:
    params = GenerationParams(
        thinking=ThinkingOption(token_budget=100),
        response_format=ResponseFormat(type="json_object", json_schema={"type": "object"}),
        strict_tools=True,
        tool_choice="NONE",
    )
    image = ImagePart(url="data:image/png;base64,AAAA", detail="low")
    history = [ChatMessage(role="assistant", content="Hi", thinking="greet")]
    request = ChatRequest(message="x", images=[image], history=history, params=params)
    body = codec_for(Flavour.COHERE_V2).chat_body(request, "m", stream=False)
    assert body["thinking"] == {"type": "enabled", "token_budget": 100}
    assert body["response_format"] == {"type": "json_object", "json_schema": {"type": "object"}}
    assert (body["strict_tools"], body["tool_choice"]) == (True, "NONE")
    assert body["messages"][0]["content"] == [
        {"type": "thinking", "thinking": "greet"},
        {"type": "text", "text": "Hi"},
    ]
    assert body["messages"][1]["content"] == [
        {"type": "text", "text": "x"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}},
    ]


@pytest.mark.parametrize(
    ("given", "v1", "openai"),
    [
        (
            {"type": "json_object", "schema": {"type": "object"}},
            {"type": "json_object", "schema": {"type": "object"}},
            {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": {"type": "object"}},
            },
        ),
        (
            {"type": "json_schema", "json_schema": {"name": "n", "schema": {"type": "object"}}},
            {"type": "json_object", "schema": {"type": "object"}},
            {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": {"type": "object"}},
            },
        ),
        ({"type": "json_object"}, {"type": "json_object"}, {"type": "json_object"}),
    ],
)
def test_response_format_in_each_dialect(
    given: dict[str, Any], v1: dict[str, Any], openai: dict[str, Any]
) -> None:
    request = ChatRequest(
        message="x", params=GenerationParams.model_validate({"response_format": given})
    )
    assert (
        codec_for(Flavour.COHERE_V1).chat_body(request, "m", stream=False)["response_format"] == v1
    )
    assert (
        codec_for(Flavour.OPENAI).chat_body(request, "m", stream=False)["response_format"] == openai
    )


def test_openai_tool_choice_lower_case_and_images_as_parts() -> None:
    image = ImagePart(url="https://example.org/a.png")
    request = ChatRequest(
        message="x",
        images=[image],
        tools=[WEATHER],
        params=GenerationParams(tool_choice="REQUIRED"),
    )
    body = codec_for(Flavour.OPENAI).chat_body(request, "m", stream=False)
    assert body["tool_choice"] == "required"
    assert body["messages"][0]["content"][1] == {
        "type": "image_url",
        "image_url": {"url": "https://example.org/a.png"},
    }


def test_v1_refuses_images_and_thinking() -> None:
    image = ImagePart(url="https://example.org/a.png")
    with pytest.raises(InputError, match="images"):
        codec_for(Flavour.COHERE_V1).chat_body(
            ChatRequest(message="x", images=[image]), "m", stream=False
        )
    thinking = ChatRequest(message="x", params=GenerationParams(thinking=ThinkingOption()))
    with pytest.raises(InputError) as caught:
        codec_for(Flavour.COHERE_V1).chat_body(thinking, "m", stream=False)
    assert caught.value.where == "params.thinking"


def test_openai_route_json_schema_and_images_over_loopback(connection: Factory) -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    fmt = ResponseFormat(type="json_object", json_schema=schema)
    json_turn = ChatRequest(message="A number", params=GenerationParams(response_format=fmt))
    image = ImagePart(url=data_uri(png(2, 2)))
    image_turn = ChatRequest(message="What?", images=[image])
    conn = connection(Flavour.OPENAI, model="command-a-plus-05-2026")
    whole, streamed = asyncio.run(_both(conn, json_turn))
    assert whole.text == streamed.text == '{"n": 0}'
    whole, _ = asyncio.run(_both(conn, image_turn))
    assert "PNG 2x2" in whole.text
