"""The official OpenAI SDK talks to the sandbox's /chat/completions: plain, streamed, tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import openai
import pytest
from openai.types.chat import ChatCompletionChunk

from tests.imaging import data_uri, png

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.sandbox.runner import RunningSandbox

TOOLS: list[Any] = [
    {
        "type": "function",
        "function": {
            "name": "convert_currency",
            "description": "Convert an amount of money to another currency",
            "parameters": {
                "type": "object",
                "properties": {"amount": {"type": "number"}, "currency": {"type": "string"}},
                "required": ["amount", "currency"],
            },
        },
    }
]


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(api_key=sandbox.key, base_url=sandbox.base_url, max_retries=0) as c:
        yield c


def test_create_answers_plainly(client: openai.OpenAI) -> None:
    result = client.chat.completions.create(
        model="cohere", messages=[{"role": "user", "content": "Bonjour"}], seed=2
    )
    choice = result.choices[0]
    assert choice.finish_reason == "stop"
    assert choice.message.role == "assistant"
    assert "Bonjour" in (choice.message.content or "")
    assert result.object == "chat.completion"
    assert result.usage is not None
    assert result.usage.total_tokens == result.usage.prompt_tokens + result.usage.completion_tokens


def test_stream_equals_non_stream_and_reports_usage(client: openai.OpenAI) -> None:
    kwargs: dict[str, Any] = {
        "model": "cohere",
        "messages": [{"role": "user", "content": "Tell me about Zürich"}],
        "seed": 5,
    }
    whole = client.chat.completions.create(**kwargs)
    chunks = list(
        client.chat.completions.create(
            **kwargs, stream=True, stream_options={"include_usage": True}
        )
    )
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content
    finishes = [
        c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason
    ]
    assert finishes == ["stop"]
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None


def test_max_tokens_finishes_with_length(client: openai.OpenAI) -> None:
    result = client.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "Hello"}], max_tokens=3
    )
    assert result.choices[0].finish_reason == "length"
    assert result.usage is not None
    assert result.usage.completion_tokens == 3


def test_tool_calls_then_tool_result(client: openai.OpenAI) -> None:
    messages: list[Any] = [{"role": "user", "content": "Convert 12.5 to EUR please"}]
    first = client.chat.completions.create(model="m", messages=messages, tools=TOOLS)
    assert first.choices[0].finish_reason == "tool_calls"
    call = first.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert call.function.name == "convert_currency"  # type: ignore[union-attr]
    assert call.function.arguments == '{"amount":12.5,"currency":"EUR"}'  # type: ignore[union-attr]
    messages += [
        {"role": "assistant", "content": "", "tool_calls": [call.model_dump()]},
        {"role": "tool", "tool_call_id": call.id, "content": '{"converted": 11.4}'},
    ]
    second = client.chat.completions.create(model="m", messages=messages, tools=TOOLS)
    assert second.choices[0].finish_reason == "stop"
    assert "11.4" in (second.choices[0].message.content or "")


def test_streamed_tool_call_arguments_assemble(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="m",
        messages=[{"role": "user", "content": "Convert 3 to JPY"}],
        tools=TOOLS,
        stream=True,
    )
    names, args = [], ""
    for chunk in stream:
        for delta in (chunk.choices[0].delta.tool_calls or []) if chunk.choices else []:
            if delta.function and delta.function.name:
                names.append(delta.function.name)
            args += (delta.function.arguments or "") if delta.function else ""
    assert names == ["convert_currency"]
    assert args == '{"amount":3,"currency":"JPY"}'  # a whole number stays whole


def test_error_shape_reaches_the_sdk(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}], temperature=5
        )
    assert "temperature" in str(caught.value)


def test_json_schema_and_image_parts(client: openai.OpenAI) -> None:
    schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    fmt: Any = {"type": "json_schema", "json_schema": {"name": "c", "schema": schema}}
    answer = client.chat.completions.create(
        model="command-a-plus-05-2026",
        messages=[{"role": "user", "content": "A city as JSON"}],
        response_format=fmt,
    )
    assert json.loads(answer.choices[0].message.content or "") == {"city": "city: A city as JSON"}
    url = data_uri(png(3, 2))
    seen = client.chat.completions.create(
        model="command-a-vision-07-2025",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is it?"},
                    {"type": "image_url", "image_url": {"url": url, "detail": "high"}},
                ],
            }
        ],
    )
    assert "PNG 3x2" in (seen.choices[0].message.content or "")
