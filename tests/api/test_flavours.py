"""Flavour mappings, both directions: neutral requests → wire bodies, wire answers → neutral."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.api.errors import InputError, ProtocolError
from workbench.api.flavours import cohere_v1, cohere_v2, openai_compat
from workbench.api.models import (
    ChatMessage,
    ChatRequest,
    GenerationParams,
    RerankRequest,
    ToolCall,
    ToolResult,
    ToolSpec,
)
from workbench.api.stream import ChatSnapshot, accumulate

WEATHER = ToolSpec(
    name="get_weather",
    description="Weather for a city",
    parameters={
        "type": "object",
        "properties": {"city": {"type": "string", "description": "City"}},
        "required": ["city"],
    },
)
CALL = ToolCall(id="call_1", name="get_weather", parameters={"city": "Paris"})
RESULT = ToolResult(call=CALL, outputs=[{"temperature": 21}])
HISTORY = [
    ChatMessage(role="system", content="Be brief."),
    ChatMessage(role="user", content="Weather?"),
    ChatMessage(role="assistant", tool_plan="Call it.", tool_calls=[CALL]),
    ChatMessage(role="tool", tool_results=[RESULT]),
    ChatMessage(role="assistant", content="21 degrees."),
]


def _fold(events: list[Any]) -> ChatSnapshot:
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)
    return snap


# --- Cohere v1 ----------------------------------------------------------------------------------


def test_v1_chat_body_maps_history_roles_tools_documents_and_params() -> None:
    request = ChatRequest(
        message="And tomorrow?",
        preamble="You are helpful.",
        history=HISTORY,
        documents=["plain", {"id": "d1", "title": "T", "year": 2024, "_excludes": ["year"]}],
        tools=[WEATHER],
        tool_results=[RESULT],
        params=GenerationParams(
            temperature=0.2,
            p=0.5,
            k=10,
            citation_mode="accurate",
            extra={"force_single_step": True},
        ),
    )
    body = cohere_v1.chat_body(request, "command-r", stream=True)
    assert [h["role"] for h in body["chat_history"]] == [
        "SYSTEM",
        "USER",
        "CHATBOT",
        "TOOL",
        "CHATBOT",
    ]
    assert body["chat_history"][2]["tool_calls"] == [
        {"name": "get_weather", "parameters": {"city": "Paris"}}
    ]
    assert body["chat_history"][2]["message"] == "Call it."  # v1 carries the plan as the message
    assert body["chat_history"][3] == {
        "role": "TOOL",
        "tool_results": [
            {
                "call": {"name": "get_weather", "parameters": {"city": "Paris"}},
                "outputs": [{"temperature": 21}],
            }
        ],
    }
    assert body["documents"] == [
        {"text": "plain"},
        {"id": "d1", "title": "T", "year": "2024", "_excludes": ["year"]},
    ]
    assert body["tools"] == [{
        "name": "get_weather", "description": "Weather for a city",
        "parameter_definitions": {"city": {"type": "str", "required": True, "description": "City"}},
    }]  # fmt: skip
    assert body["tool_results"][0]["outputs"] == [{"temperature": 21}]
    assert (body["p"], body["k"], body["citation_quality"], body["force_single_step"]) == (
        0.5,
        10,
        "accurate",
        True,
    )
    assert (body["model"], body["stream"], body["preamble"], body["message"]) == (
        "command-r",
        True,
        "You are helpful.",
        "And tomorrow?",
    )


def test_v1_omits_everything_unset() -> None:
    assert cohere_v1.chat_body(ChatRequest(message="hi"), None, stream=False) == {"message": "hi"}


def test_v1_rerank_body_stringifies_object_values() -> None:
    request = RerankRequest(
        query="q",
        documents=["a", {"text": "b", "n": 3}],
        rank_fields=["text", "n"],
        return_documents=True,
        max_chunks_per_doc=5,
    )
    body = cohere_v1.rerank_body(request, None)
    assert body == {
        "query": "q", "documents": ["a", {"text": "b", "n": "3"}], "return_documents": True,
        "max_chunks_per_doc": 5, "rank_fields": ["text", "n"],
    }  # fmt: skip


def test_v1_rerank_answer_with_float_units_and_unknown_fields() -> None:
    body = {
        "id": "x",
        "results": [{"index": 1, "relevance_score": 0.9, "novel": True}],
        "meta": {"billed_units": {"search_units": 1.0}, "warnings": ["w"]},
    }
    response = cohere_v1.parse_rerank(body, RerankRequest(query="q", documents=["a", "b"]))
    assert (response.id, response.billed_units, response.warnings) == (
        "x",
        {"search_units": 1.0},
        ["w"],
    )
    assert response.results[0].model_extra == {"novel": True}


def test_rerank_answer_without_results_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        cohere_v1.parse_rerank({"id": "x"}, RerankRequest(query="q", documents=["a"]))


def test_v1_non_stream_answer_becomes_the_same_snapshot_as_a_stream() -> None:
    body = {
        "response_id": "r", "text": "Paris is the capital.", "finish_reason": "COMPLETE",
        "citations": [{"start": 13, "end": 20, "text": "capital", "document_ids": ["doc_0"]}],
        "documents": [{"id": "doc_0", "text": "..."}],
        "search_queries": [{"text": "capital", "generation_id": "g"}],
        "meta": {"billed_units": {"input_tokens": 3, "output_tokens": 4}},
        "chat_history": [{"role": "User", "message": "hi"}],
    }  # fmt: skip
    snap = _fold(cohere_v1.chat_events(body))
    assert (snap.text, snap.response_id, snap.finish_reason, snap.done) == (
        "Paris is the capital.",
        "r",
        "COMPLETE",
        True,
    )
    assert snap.citations[0].document_ids == ["doc_0"]
    assert (snap.search_queries, snap.documents) == (
        ("capital",),
        ({"id": "doc_0", "text": "..."},),
    )
    assert snap.usage is not None
    assert snap.usage.output_tokens == 4.0


def test_v1_non_stream_tool_calls_put_text_in_the_plan() -> None:
    body = {
        "text": "I will call it.",
        "tool_calls": [{"name": "f", "parameters": {"a": 1}}],
        "finish_reason": "COMPLETE",
    }
    snap = _fold(cohere_v1.chat_events(body))
    assert (snap.text, snap.tool_plan, snap.tool_calls[0].parameters()) == (
        "",
        "I will call it.",
        {"a": 1},
    )


# --- Cohere v2 ----------------------------------------------------------------------------------


def test_v2_chat_body_maps_messages_documents_tools_and_results() -> None:
    request = ChatRequest(
        message="And tomorrow?",
        preamble="You are helpful.",
        history=HISTORY,
        documents=["plain", {"id": "d1", "title": "T"}, {"title": "no id"}],
        tools=[WEATHER],
        tool_results=[RESULT],
        params=GenerationParams(citation_mode="FAST", p=0.5, max_tokens=100),
    )
    body = cohere_v2.chat_body(request, "command-a", stream=False)
    roles = [m["role"] for m in body["messages"]]
    # The request's tool results answer calls, so they go before the new message.
    assert roles == ["system", "system", "user", "assistant", "tool", "assistant", "tool", "user"]
    assistant = body["messages"][3]
    assert assistant == {
        "role": "assistant", "tool_plan": "Call it.",
        "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}}],
    }  # fmt: skip
    assert body["messages"][4] == {
        "role": "tool", "tool_call_id": "call_1",
        "content": [{"type": "document", "document": {"data": {"temperature": 21}}}],
    }  # fmt: skip
    assert body["documents"] == [
        "plain",
        {"id": "d1", "data": {"title": "T"}},
        {"data": {"title": "no id"}},
    ]
    assert body["tools"][0] == {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": WEATHER.parameters,
            "description": "Weather for a city",
        },
    }
    assert (body["citation_options"], body["p"], body["max_tokens"]) == ({"mode": "FAST"}, 0.5, 100)
    assert "stream" not in body
    assert "citation_mode" not in body


def test_v2_refuses_v1_only_options_and_calls_without_id() -> None:
    with pytest.raises(InputError) as info:
        cohere_v2.chat_body(
            ChatRequest(message="x", params=GenerationParams(prompt_truncation="AUTO")),
            "m",
            stream=False,
        )
    assert info.value.where == "params.prompt_truncation"
    with pytest.raises(InputError) as info:
        cohere_v2.chat_body(
            ChatRequest(tool_results=[ToolResult(call=ToolCall(name="f"), outputs=[])]),
            "m",
            stream=False,
        )
    assert info.value.where == "tool_results[0].call.id"
    with pytest.raises(InputError, match="model"):
        cohere_v2.chat_body(ChatRequest(message="x"), None, stream=False)


def test_v2_rerank_renders_objects_in_rank_fields_order_and_maps_results_back() -> None:
    docs: list[Any] = [{"title": "Paris", "text": "Capital", "n": 1}, "just text"]
    request = RerankRequest(
        query="q",
        documents=docs,
        rank_fields=["text", "title", "missing"],
        return_documents=True,
        model="rerank-v3.5",
    )
    body = cohere_v2.rerank_body(request, None)
    assert body["documents"] == ["text: Capital\ntitle: Paris", "just text"]
    assert "return_documents" not in body
    assert "rank_fields" not in body
    answer = {
        "id": "i",
        "results": [{"index": 1, "relevance_score": 0.7}, {"index": 0, "relevance_score": 0.2}],
    }
    response = cohere_v2.parse_rerank(answer, request)
    assert [h.document for h in response.results] == [{"text": "just text"}, docs[0]]


def test_v2_rerank_renders_all_keys_without_rank_fields() -> None:
    assert cohere_v2.render_document({"a": "x", "b": [1, 2]}, None) == "a: x\nb: [1, 2]"


def test_v2_non_stream_answer_normalises_citations_to_source_ids() -> None:
    body = {
        "id": "m", "finish_reason": "COMPLETE",
        "message": {"role": "assistant", "content": [{"type": "thinking", "thinking": "t"}, {"type": "text", "text": "Hello"}],
                    "citations": [{"start": 0, "end": 5, "text": "Hello", "sources": [{"type": "tool", "id": "call_1:0", "tool_output": {}}]}],
                    "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": '{"x": 2}'}}]},
        "usage": {"billed_units": {"input_tokens": 5}, "tokens": {"input_tokens": 50, "output_tokens": 2}},
    }  # fmt: skip
    snap = _fold(cohere_v2.chat_events(body))
    assert (snap.text, snap.thinking, snap.citations[0].document_ids) == (
        "Hello",
        "t",
        ["call_1:0"],
    )
    assert (snap.tool_calls[0].id, snap.tool_calls[0].parameters()) == ("c", {"x": 2})
    assert snap.usage is not None
    assert (snap.usage.input_tokens, snap.usage.billed_units) == (50.0, {"input_tokens": 5.0})


# --- OpenAI-compatible --------------------------------------------------------------------------


def test_openai_body_sends_empty_content_with_tool_calls_and_maps_params() -> None:
    request = ChatRequest(
        message="And tomorrow?", preamble="Sys", history=HISTORY, tools=[WEATHER], tool_results=[RESULT],
        params=GenerationParams(p=0.9, stop_sequences=["END"], seed=3),
    )  # fmt: skip
    body = openai_compat.chat_body(request, None, stream=True)
    assistant = body["messages"][3]
    assert assistant["content"] == ""
    assert assistant["tool_calls"][0]["function"] == {
        "name": "get_weather",
        "arguments": '{"city": "Paris"}',
    }
    assert body["messages"][4] == {
        "role": "tool",
        "tool_call_id": "call_1",
        "content": '[{"temperature": 21}]',
    }
    assert [m["role"] for m in body["messages"][-2:]] == ["tool", "user"]
    assert (body["top_p"], body["stop"], body["seed"], body["stream"]) == (0.9, ["END"], 3, True)
    assert body["stream_options"] == {"include_usage": True}
    assert "model" not in body
    assert "p" not in body


@pytest.mark.parametrize(
    ("request_", "where"),
    [
        (ChatRequest(message="x", documents=["d"]), "documents"),
        (ChatRequest(message="x", search_queries_only=True), "search_queries_only"),
        (ChatRequest(message="x", params=GenerationParams(k=5)), "params.k"),
        (
            ChatRequest(message="x", params=GenerationParams(citation_mode="FAST")),
            "params.citation_mode",
        ),
    ],
)
def test_openai_refuses_what_the_route_does_not_have(request_: ChatRequest, where: str) -> None:
    with pytest.raises(InputError) as info:
        openai_compat.chat_body(request_, None, stream=False)
    assert info.value.where == where


def test_openai_non_stream_answer() -> None:
    body = {
        "id": "c", "object": "chat.completion",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": None,
                     "tool_calls": [{"id": "t", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
    }  # fmt: skip
    snap = _fold(openai_compat.chat_events(body))
    assert (snap.text, snap.finish_reason, snap.tool_calls[0].name, snap.citations) == (
        "",
        "tool_calls",
        "f",
        (),
    )


def test_openai_stream_options_can_be_replaced_or_left_out() -> None:
    def body_with(extra: dict[str, Any]) -> dict[str, Any]:
        request = ChatRequest(message="hi", params=GenerationParams(extra=extra))
        return openai_compat.chat_body(request, None, stream=True)

    assert body_with({})["stream_options"] == {"include_usage": True}
    assert body_with({"stream_options": {"include_usage": False}})["stream_options"] == {
        "include_usage": False
    }
    assert "stream_options" not in body_with({"stream_options": None})
    plain = openai_compat.chat_body(ChatRequest(message="hi"), None, stream=False)
    assert "stream_options" not in plain


RANKED_BY_TITLE: list[Any] = [
    {"title": "lentil soup", "text": "red lentils"},
    {"text": "beef stew with lentils"},
    {"title": "salad"},
]


@pytest.mark.parametrize("codec", [cohere_v1, cohere_v2, openai_compat])
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (["Title"], "documents[0], documents[1], documents[2] have none of the rank fields: Title"),
        (["title"], "documents[1] has none of the rank fields: title"),
        (["nope", "other"], "have none of the rank fields: nope, other"),
    ],
)
def test_rerank_refuses_object_documents_with_none_of_the_rank_fields(
    codec: Any, fields: list[str], message: str
) -> None:
    request = RerankRequest(query="lentils", documents=RANKED_BY_TITLE, rank_fields=fields)
    with pytest.raises(InputError) as info:
        codec.rerank_body(request, "rerank-v3.5")
    assert info.value.where == "rank_fields"
    assert message in info.value.server_message


def test_rerank_takes_documents_with_some_or_empty_rank_fields_and_names_at_most_five() -> None:
    partial: list[Any] = [{"title": "", "text": "x"}, {"text": ""}, "a string has no fields"]
    request = RerankRequest(query="q", documents=partial, rank_fields=["title", "text"])
    assert cohere_v2.rerank_body(request, "m")["documents"] == [
        "title: \ntext: x",
        "text: ",
        "a string has no fields",
    ]
    many = RerankRequest(query="q", documents=[{"a": "x"}] * 8, rank_fields=["text"])
    with pytest.raises(InputError, match=r"documents\[4\] and 3 more have none"):
        cohere_v1.rerank_body(many, None)


_CALL = ToolCall(id="call_1", name="get_weather", parameters={"city": "Lisbon"})
_ASKED = [
    ChatMessage(role="user", content="Weather in Lisbon?"),
    ChatMessage(role="assistant", tool_calls=[_CALL]),
]


@pytest.mark.parametrize("codec", [cohere_v2, openai_compat])
def test_a_message_after_unanswered_tool_calls_is_refused(codec: Any) -> None:
    """It went out as user, tool calls, user, which these routes refuse with a 400."""
    request = ChatRequest(message="Coat?", history=_ASKED)
    with pytest.raises(InputError) as info:
        codec.chat_body(request, "m", stream=False)
    assert info.value.where == "messages[1].tool_calls"


@pytest.mark.parametrize("codec", [cohere_v2, openai_compat])
def test_results_for_the_history_calls_go_before_the_new_message(codec: Any) -> None:
    """The new message went before the tool messages, leaving the calls unanswered."""
    result = ToolResult(call=_CALL, outputs=[{"temp_c": 21}])
    request = ChatRequest(message="Coat?", history=_ASKED, tool_results=[result])
    roles = [m["role"] for m in codec.chat_body(request, "m", stream=False)["messages"]]
    assert roles == ["user", "assistant", "tool", "user"]
