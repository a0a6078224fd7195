"""The official Cohere SDK (v1 Client and ClientV2) talks to the sandbox: rerank, chat, streams."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import cohere
import pytest
from cohere.types import streamed_chat_response as v1_events
from cohere.v2.types import v2chat_stream_response as v2_events

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.sandbox.runner import RunningSandbox

# Requests pass plain dicts for messages, tools and documents, as Cohere's own examples do: the SDK
# converts them, but its hints name only its models, hence the `# type: ignore[...]  # dict form`.

DOCS = [
    {"title": "Birds", "text": "Penguins 🐧 live in Antarctica. They cannot fly."},
    {"title": "Café", "text": "Crème brûlée is a French dessert. It has a caramel top."},
    {"title": "Cities", "text": "Paris is the capital of France."},
]
WEATHER_V1 = cohere.Tool(
    name="get_weather",
    description="Current weather for a city",
    parameter_definitions={
        "location": cohere.ToolParameterDefinitionsValue(
            type="str", description="city", required=True
        ),
        "days": cohere.ToolParameterDefinitionsValue(type="int", required=False),
    },
)
WEATHER_V2: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"location": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["location"],
        },
    },
}


@pytest.fixture
def co(sandbox: RunningSandbox) -> Iterator[cohere.Client]:
    client = cohere.Client(api_key=sandbox.key, base_url=sandbox.base_url)
    yield client
    client._client_wrapper.httpx_client.httpx_client.close()


@pytest.fixture
def co2(sandbox: RunningSandbox) -> Iterator[cohere.ClientV2]:
    client = cohere.ClientV2(api_key=sandbox.key, base_url=sandbox.base_url)
    yield client
    client._client_wrapper.httpx_client.httpx_client.close()


def _reply_text(message: cohere.AssistantMessageResponse) -> str:
    """The text of a v2 reply, which the sandbox sends as one text content item."""
    assert message.content
    item = message.content[0]
    assert isinstance(item, cohere.TextAssistantMessageResponseContentItem)
    return item.text


def _delta_text(event: v2_events.ContentDeltaV2ChatStreamResponse) -> str:
    """The text a v2 content-delta event carries."""
    assert event.delta is not None
    assert event.delta.message is not None
    assert event.delta.message.content is not None
    assert event.delta.message.content.text is not None
    return event.delta.message.content.text


def _delta_arguments(event: v2_events.ToolCallDeltaV2ChatStreamResponse) -> str:
    """The argument text a v2 tool-call-delta event carries."""
    assert event.delta is not None
    assert event.delta.message is not None
    assert event.delta.message.tool_calls is not None
    assert event.delta.message.tool_calls.function is not None
    assert event.delta.message.tool_calls.function.arguments is not None
    return event.delta.message.tool_calls.function.arguments


def _finish_reason(event: object) -> str | None:
    """The finish reason of a v2 stream's closing message-end event."""
    assert isinstance(event, v2_events.MessageEndV2ChatStreamResponse)
    assert event.delta is not None
    return event.delta.finish_reason


def test_v1_rerank_strings_orders_by_relevance(co: cohere.Client) -> None:
    docs = ["Bananas are yellow.", "Paris is the capital of France.", "France borders Spain."]
    result = co.rerank(query="capital of France", documents=docs, model="rerank-v3.5", top_n=2)
    assert [r.index for r in result.results] == [1, 2]
    scores = [r.relevance_score for r in result.results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s < 1 for s in scores)
    assert result.meta is not None
    assert result.meta.billed_units is not None
    assert result.meta.billed_units.search_units == 1
    assert result.meta.api_version is not None
    assert result.meta.api_version.version == "1"


def test_v1_rerank_objects_with_rank_fields_returns_documents(co: cohere.Client) -> None:
    docs = [
        {"title": "Fruit", "body": "Bananas are yellow."},
        {"title": "Capital of France", "body": "Paris."},
    ]
    result = co.rerank(
        query="capital France", documents=docs, rank_fields=["title", "body"], return_documents=True
    )
    assert result.results[0].index == 1
    assert result.results[0].document is not None
    assert result.results[0].document.dict()["title"] == "Capital of France"


def test_v1_rerank_zero_overlap_scores_low_but_nonzero(co: cohere.Client) -> None:
    result = co.rerank(query="quantum chromodynamics", documents=["Bananas are yellow."])
    assert 0 < result.results[0].relevance_score < 0.2


def test_v2_rerank(co2: cohere.ClientV2) -> None:
    docs = ["Crème brûlée is a dessert.", "Penguins live in Antarctica."]
    result = co2.rerank(model="rerank-v3.5", query="where do penguins live", documents=docs)
    assert [r.index for r in result.results] == [1, 0]
    assert result.id


def test_v2_rerank_relevant_spans_are_the_matching_sentences(co2: cohere.ClientV2) -> None:
    docs = [
        "Bananas are yellow. Penguins 🐧 live in Antarctica. They cannot fly.",
        "Crème brûlée is a dessert.",
    ]
    result = co2.rerank(
        model="rerank-v5.0-pro",
        query="where do penguins live",
        documents=docs,
        relevant_spans=cohere.RerankRelevantSpans(mode="enabled", threshold=0.1, max_spans=2),
        priority=1,
    )
    top = result.results[0]
    assert top.index == 0
    assert top.relevant_spans is not None
    span = top.relevant_spans[0]
    assert docs[0][span.start : span.end] == "Penguins 🐧 live in Antarctica."  # code points
    assert 0 < span.score <= 1
    assert result.results[1].relevant_spans is None  # no sentence matched: the field is left out


def test_v2_rerank_relevant_spans_need_rerank_5(co2: cohere.ClientV2) -> None:
    with pytest.raises(cohere.BadRequestError, match="only supported for Rerank v5"):
        co2.rerank(
            model="rerank-v3.5",
            query="penguins",
            documents=["Penguins live in Antarctica."],
            relevant_spans=cohere.RerankRelevantSpans(mode="enabled"),
        )


def test_v1_chat_with_documents_cites_exact_spans(co: cohere.Client) -> None:
    docs = [{"id": f"d{i}", **d} for i, d in enumerate(DOCS)]
    response = co.chat(message="Where do penguins 🐧 live?", documents=docs, seed=1)
    assert "Antarctica" in response.text
    assert response.citations
    for citation in response.citations:
        assert response.text[citation.start : citation.end] == citation.text
        assert citation.document_ids == ["d0"]
    assert response.documents
    assert response.documents[0]["id"] == "d0"
    assert response.finish_reason == "COMPLETE"
    assert response.meta is not None
    assert response.meta.billed_units is not None
    assert response.meta.billed_units.output_tokens


def test_v1_chat_default_document_ids(co: cohere.Client) -> None:
    response = co.chat(message="What is crème brûlée?", documents=DOCS)
    assert response.citations
    assert response.citations[0].document_ids == ["doc_1"]


def test_v1_chat_with_tools_emits_tool_calls(co: cohere.Client) -> None:
    response = co.chat(message="What is the weather in Paris for 3 days?", tools=[WEATHER_V1])
    assert response.tool_calls is not None
    call = response.tool_calls[0]
    assert call.name == "get_weather"
    assert call.parameters == {"location": "Paris", "days": 3}
    assert "get_weather" in response.text  # v1 puts the tool plan in text


def test_v1_chat_with_tool_results_cites_them(co: cohere.Client) -> None:
    results = [
        cohere.ToolResult(
            call=cohere.ToolCall(name="get_weather", parameters={"location": "Paris"}),
            outputs=[{"temperature": 21, "condition": "sunny"}],
        )
    ]
    response = co.chat(
        message="",
        tools=[WEATHER_V1],
        tool_results=results,
        chat_history=[{"role": "USER", "message": "Weather in Paris?"}],  # type: ignore[list-item]  # dict form
    )
    assert "sunny" in response.text
    assert response.citations
    citation = response.citations[0]
    assert citation.document_ids == ["get_weather:0:1:0"]
    assert response.text[citation.start : citation.end] == citation.text


def test_v1_search_queries_only(co: cohere.Client) -> None:
    response = co.chat(message="What is the capital of France?", search_queries_only=True)
    assert response.is_search_required is True
    assert response.search_queries
    assert response.search_queries[0].text == "capital france"
    assert response.search_queries[0].generation_id == response.generation_id


def _v1_stream(co: cohere.Client, **kwargs: Any) -> list[Any]:
    return list(co.chat_stream(**kwargs))


def test_v1_chat_stream_matches_non_stream(co: cohere.Client) -> None:
    # NDJSON only: the SDK 7.3.1 decodes v1 streams line by line as JSON and silently skips
    # `data:` lines, so the SSE variant is checked with raw httpx in test_streams.py.
    kwargs: dict[str, Any] = {"message": "Where do penguins live?", "documents": DOCS, "seed": 4}
    whole = co.chat(**kwargs)
    events = _v1_stream(co, **kwargs)
    assert isinstance(events[0], v1_events.StreamStartStreamedChatResponse)
    assert isinstance(events[-1], v1_events.StreamEndStreamedChatResponse)
    texts = [e.text for e in events if isinstance(e, v1_events.TextGenerationStreamedChatResponse)]
    assert len(texts) > 3
    assert "".join(texts) == whole.text == events[-1].response.text
    cites = [
        c
        for e in events
        if isinstance(e, v1_events.CitationGenerationStreamedChatResponse)
        for c in e.citations
    ]
    assert [(c.start, c.end) for c in cites] == [(c.start, c.end) for c in whole.citations or []]


def test_v1_chat_stream_tool_calls(co: cohere.Client) -> None:
    events = _v1_stream(co, message="Weather in Paris?", tools=[WEATHER_V1])
    chunks = [e for e in events if isinstance(e, v1_events.ToolCallsChunkStreamedChatResponse)]
    plan = "".join(e.text or "" for e in chunks if e.tool_call_delta is None)
    args = "".join(
        (e.tool_call_delta.parameters or "") for e in chunks if e.tool_call_delta is not None
    )
    generated = [
        e for e in events if isinstance(e, v1_events.ToolCallsGenerationStreamedChatResponse)
    ]
    assert len(generated) == 1
    assert generated[0].text == plan
    assert generated[0].tool_calls[0].parameters == {"location": "Paris"}
    assert args == '{"location":"Paris"}'


def test_v2_chat_with_documents_and_sources(co2: cohere.ClientV2) -> None:
    docs = [{"id": "birds", "data": DOCS[0]}, "Paris is the capital of France."]
    response = co2.chat(
        model="command-r-plus",
        messages=[{"role": "user", "content": "Where do penguins live?"}],  # type: ignore[list-item]  # dict form
        documents=docs,  # type: ignore[arg-type]  # dict form
    )
    text = _reply_text(response.message)
    assert response.message.citations
    citation = response.message.citations[0]
    assert citation.start is not None
    assert text[citation.start : citation.end] == citation.text
    assert citation.sources
    source = citation.sources[0]
    assert source.type == "document"
    assert source.id == "birds"
    assert response.usage is not None
    assert response.usage.tokens is not None


def test_v2_chat_tools_then_results(co2: cohere.ClientV2) -> None:
    messages: list[Any] = [{"role": "user", "content": "What's the weather in Tokyo?"}]
    first = co2.chat(model="m", messages=messages, tools=[WEATHER_V2])  # type: ignore[list-item]  # dict form
    assert first.finish_reason == "TOOL_CALL"
    assert first.message.tool_plan
    assert first.message.tool_calls
    call = first.message.tool_calls[0]
    assert call.function is not None
    assert call.function.name == "get_weather"
    assert call.function.arguments == '{"location":"Tokyo"}'
    messages += [
        {
            "role": "assistant",
            "tool_plan": first.message.tool_plan,
            "tool_calls": [
                {
                    "id": call.id,
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": call.function.arguments},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": call.id,
            "content": [{"type": "document", "document": {"data": {"temperature": "18°C"}}}],
        },
    ]
    second = co2.chat(model="m", messages=messages, tools=[WEATHER_V2])  # type: ignore[list-item]  # dict form
    assert second.finish_reason == "COMPLETE"
    assert second.message.citations
    citation = second.message.citations[0]
    assert citation.sources
    assert citation.sources[0].type == "tool"
    assert citation.sources[0].id == f"{call.id}:0"
    assert "18°C" in _reply_text(second.message)


def test_v2_chat_stream_event_types_in_order(co2: cohere.ClientV2) -> None:
    kwargs: dict[str, Any] = {
        "model": "m",
        "messages": [{"role": "user", "content": "Where do penguins live?"}],
        "documents": [DOCS[0]["text"]],
    }
    whole = co2.chat(**kwargs)
    events = list(co2.chat_stream(**kwargs))
    kinds = [type(e) for e in events]
    assert kinds[0] is v2_events.MessageStartV2ChatStreamResponse
    assert kinds[1] is v2_events.ContentStartV2ChatStreamResponse
    assert kinds[-2] is v2_events.ContentEndV2ChatStreamResponse
    assert kinds[-1] is v2_events.MessageEndV2ChatStreamResponse
    assert v2_events.CitationStartV2ChatStreamResponse in kinds
    assert v2_events.CitationEndV2ChatStreamResponse in kinds
    deltas = [
        _delta_text(e) for e in events if isinstance(e, v2_events.ContentDeltaV2ChatStreamResponse)
    ]
    assert "".join(deltas) == _reply_text(whole.message)
    assert _finish_reason(events[-1]) == "COMPLETE"


def test_v2_chat_stream_tool_call_events(co2: cohere.ClientV2) -> None:
    events = list(
        co2.chat_stream(
            model="m",
            messages=[{"role": "user", "content": "Weather in Lyon?"}],  # type: ignore[list-item]  # dict form
            tools=[WEATHER_V2],  # type: ignore[list-item]  # dict form
        )
    )
    kinds = [type(e).__name__ for e in events]
    assert kinds[0] == "MessageStartV2ChatStreamResponse"
    assert "ToolPlanDeltaV2ChatStreamResponse" in kinds
    assert kinds[-4:-1] != []
    start = next(e for e in events if isinstance(e, v2_events.ToolCallStartV2ChatStreamResponse))
    args = "".join(
        _delta_arguments(e)
        for e in events
        if isinstance(e, v2_events.ToolCallDeltaV2ChatStreamResponse)
    )
    assert start.delta is not None
    assert start.delta.message is not None
    assert start.delta.message.tool_calls is not None
    assert start.delta.message.tool_calls.function is not None
    assert start.delta.message.tool_calls.function.name == "get_weather"
    assert args == '{"location":"Lyon"}'
    assert any(isinstance(e, v2_events.ToolCallEndV2ChatStreamResponse) for e in events)
    assert _finish_reason(events[-1]) == "TOOL_CALL"
