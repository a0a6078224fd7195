"""Conversation import/export: v1 chat_history, v2 and OpenAI messages, neutral lists, errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.api.errors import InputError
from workbench.api.flavours import codec_for
from workbench.api.models import ChatMessage, ChatRequest, Flavour, ToolCall, ToolResult
from workbench.core.chat_history_io import (
    HistoryForm,
    export_conversation,
    neutral_json,
    parse_conversation,
    parse_entries,
)
from workbench.core.chat_session import ChatFrame, ChatSession, history_of, turns_of

WEATHER = ToolCall(id="call_0", name="get_weather", parameters={"city": "Paris"})
CONVERSATION = [
    ChatMessage(role="user", content="Weather in Paris?"),
    ChatMessage(role="assistant", content="", tool_plan="I will look it up.", tool_calls=[WEATHER]),
    ChatMessage(
        role="tool", tool_results=[ToolResult(call=WEATHER, outputs=[{"temp_c": 21, "sky": "sun"}])]
    ),
    ChatMessage(role="assistant", content="It is 21 °C and sunny in Paris. 😀"),
    ChatMessage(role="user", content="And tomorrow?"),
    ChatMessage(role="assistant", content="Rain, I am afraid."),
]

V1_FILE: dict[str, Any] = {
    "preamble": "You are terse.",
    "chat_history": [
        {"role": "User", "message": "Weather in Paris?"},
        {
            "role": "CHATBOT",
            "message": "",
            "tool_calls": [{"name": "get_weather", "parameters": {"city": "Paris"}}],
        },
        {
            "role": "tool",
            "tool_results": [
                {
                    "call": {"name": "get_weather", "parameters": {"city": "Paris"}},
                    "outputs": [{"temp_c": 21, "sky": "sun"}],
                }
            ],
        },
        {"role": "Chatbot", "message": "It is 21 °C and sunny in Paris. 😀"},
        {"role": "SYSTEM", "message": "Answer in French from now on."},
        {"role": "USER", "message": "And tomorrow?"},
    ],
}

V2_FILE: dict[str, Any] = {
    "messages": [
        {"role": "system", "content": [{"type": "text", "text": "You are terse."}]},
        {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
        {
            "role": "assistant",
            "tool_plan": "I will look it up.",
            "tool_calls": [
                {
                    "id": "call_0",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_0",
            "content": [{"type": "document", "document": {"data": {"temp_c": 21, "sky": "sun"}}}],
        },
        {
            "role": "assistant",
            "content": [
                {"type": "thinking", "thinking": "easy"},
                {"type": "text", "text": "It is 21 °C and sunny in Paris. 😀"},
            ],
            "citations": [],
        },
        {"role": "user", "content": "And tomorrow?"},
        {"role": "assistant", "content": "Rain, I am afraid."},
    ]
}

OPENAI_FILE: dict[str, Any] = {
    "messages": [
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_0",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_0", "content": '{"temp_c": 21, "sky": "sun"}'},
        {"role": "assistant", "content": "It is 21 °C and sunny in Paris. 😀"},
    ]
}


def test_v1_chat_history_any_case_with_tool_results_and_preamble() -> None:
    imported = parse_conversation(V1_FILE)
    assert imported.form is HistoryForm.V1
    assert imported.preamble == "You are terse."
    roles = [m.role for m in imported.messages]
    assert roles == ["user", "assistant", "tool", "assistant", "system", "user"]
    call = imported.messages[1].tool_calls[0]
    assert (call.name, call.parameters) == ("get_weather", {"city": "Paris"})
    # The result is tied to the call it answers, so the pair can go to v2 / OpenAI too.
    assert imported.messages[2].tool_results[0].call == call
    assert call.id
    assert imported.messages[3].content.endswith("😀")


def test_v2_messages_blocks_thinking_and_document_results() -> None:
    imported = parse_conversation(V2_FILE)
    assert imported.form is HistoryForm.MESSAGES
    assert imported.preamble == "You are terse."  # the leading system message
    # Thinking blocks are kept (a reasoning model's tool loop sends them back).
    assert imported.messages[3].thinking == "easy"
    assert [m.model_copy(update={"thinking": None}) for m in imported.messages] == CONVERSATION


def test_openai_messages_null_content_and_json_tool_content() -> None:
    imported = parse_conversation(OPENAI_FILE)
    assert imported.preamble is None
    expected = [m.model_copy(update={"tool_plan": None}) for m in CONVERSATION[:4]]
    assert imported.messages == expected


def test_separate_tool_messages_merge_into_one_neutral_tool_turn() -> None:
    calls = [
        {"id": f"c{i}", "type": "function", "function": {"name": "f", "arguments": f'{{"i": {i}}}'}}
        for i in range(2)
    ]
    messages = parse_entries(
        [
            {"role": "user", "content": "go"},
            {"role": "assistant", "content": "", "tool_calls": calls},
            {"role": "tool", "tool_call_id": "c0", "content": "plain words"},
            {"role": "tool", "tool_call_id": "c1", "content": '[{"a": 1}, {"b": 2}]'},
        ],
        "messages",
    )
    assert [m.role for m in messages] == ["user", "assistant", "tool"]
    results = messages[2].tool_results
    assert [r.call.id for r in results] == ["c0", "c1"]
    assert results[0].outputs == [{"text": "plain words"}]
    assert results[1].outputs == [{"a": 1}, {"b": 2}]


@pytest.mark.parametrize("flavour", list(Flavour))
def test_round_trip_through_every_form(flavour: Flavour) -> None:
    exported = export_conversation(CONVERSATION, flavour, preamble="You are terse.")
    again = parse_conversation(json.loads(json.dumps(exported)))
    assert again.preamble == "You are terse."
    if flavour is Flavour.OPENAI:
        # OpenAI messages have no tool plan; everything else survives.
        assert again.messages == [m.model_copy(update={"tool_plan": None}) for m in CONVERSATION]
    else:
        # v2 has `tool_plan`; v1 carries the plan as the CHATBOT turn's `message`.
        assert again.messages == CONVERSATION


@pytest.mark.parametrize("flavour", list(Flavour))
def test_export_is_what_a_request_carries(flavour: Flavour) -> None:
    exported = export_conversation(CONVERSATION, flavour)
    body = codec_for(flavour).chat_body(
        ChatRequest(message=None, history=CONVERSATION), "m", stream=False
    )
    key = "chat_history" if flavour is Flavour.COHERE_V1 else "messages"
    assert exported == {key: body[key]}


def test_neutral_json_round_trips_and_turns_carry_it_exactly() -> None:
    text = json.dumps(neutral_json(CONVERSATION))
    assert parse_conversation(json.loads(text)).form is HistoryForm.NEUTRAL
    assert parse_entries(json.loads(text), "history", strict=True) == CONVERSATION
    odd = [
        ChatMessage(role="system", content="be brief"),
        ChatMessage(role="assistant", content=""),
        ChatMessage(role="user", content="one"),
        ChatMessage(role="user", content="two"),
        *CONVERSATION,
        ChatMessage(role="user", content="dangling"),
    ]
    assert history_of(turns_of(odd)) == odd


def test_session_sends_an_imported_history_with_an_edited_assistant_turn() -> None:
    session = ChatSession()
    edited = [*CONVERSATION[:-1], ChatMessage(role="assistant", content="Snow, surprisingly.")]
    session.replace_history(edited)
    assert session.history() == edited
    preview = session.preview("Why?", ChatFrame())
    request = session.send("Why?", ChatFrame())
    assert request == preview
    assert request.history == edited
    assert request.message == "Why?"


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        (
            {"messages": [{"role": "user", "content": "hi"}, {"role": "x"}]},
            "messages[1].role",
            "unknown role 'x'",
        ),
        (
            {"messages": [*OPENAI_FILE["messages"][:2], {"role": "tool", "content": "{}"}]},
            "messages[2].tool_call_id",
            "required for role tool",
        ),
        (
            {"messages": [{"role": "tool", "tool_call_id": "nope", "content": "{}"}]},
            "messages[0].tool_call_id",
            "no earlier tool call has id 'nope'",
        ),
        (
            {"chat_history": [{"role": "TOOL", "tool_results": []}]},
            "chat_history[0].tool_results",
            "non-empty",
        ),
        (
            {"chat_history": [{"role": "USER", "message": 3}]},
            "chat_history[0].message",
            "must be a string",
        ),
        (
            {
                "messages": [
                    {
                        "role": "assistant",
                        "tool_calls": [{"function": {"name": "f", "arguments": "{oops"}}],
                    }
                ]
            },
            "messages[0].tool_calls[0].function.arguments",
            "not valid JSON",
        ),
        (
            {"messages": [{"role": "user", "content": [{"type": "audio"}]}]},
            "messages[0].content[0]",
            "only text, thinking and image blocks",
        ),
        # Sent, the server refused the whole request for the empty turn.
        (
            {"messages": [{"role": "user", "content": "hi"}, {"role": "user"}]},
            "messages[1].content",
            "a user message needs text or an image",
        ),
        (
            {"chat_history": [{"role": "USER", "message": ""}]},
            "chat_history[0].message",
            "a user message needs text or an image",
        ),
        ({"chat": []}, "(top level)", "chat_history or messages"),
    ],
)
def test_errors_name_the_entry_and_field(data: Any, where: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_conversation(data)
    assert caught.value.where == where
    assert words in str(caught.value)


def test_the_editor_form_rejects_typos() -> None:
    with pytest.raises(InputError) as caught:
        parse_entries([{"role": "user", "contnet": "hi"}], "history", strict=True)
    assert caught.value.where == "history[0].contnet"


def test_v2_export_of_a_tool_result_without_call_id_names_it() -> None:
    bare = ToolCall(name="f")
    messages = [
        ChatMessage(role="assistant", tool_calls=[bare]),
        ChatMessage(role="tool", tool_results=[ToolResult(call=bare, outputs=[{}])]),
    ]
    with pytest.raises(InputError) as caught:
        export_conversation(messages, Flavour.COHERE_V2)
    assert caught.value.where == "history[1].tool_results[0].call.id"
