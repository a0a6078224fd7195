"""Bad requests get 400/422 with a message naming the field, as the real services do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import httpx


def message_of(response: httpx.Response) -> str:
    body = response.json()
    return str(body["error"]["message"] if "error" in body else body["message"])


@pytest.mark.parametrize("route", ["/v1/rerank", "/v2/chat", "/chat/completions"])
def test_invalid_json_names_line_and_column(http: httpx.Client, route: str) -> None:
    response = http.post(
        route,
        content=b'{\n  "query": "x",\n  "documents": [,]\n}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "line 3, column 17" in message_of(response)


@pytest.mark.parametrize(
    ("route", "content", "words"),
    [
        ("/v2/chat", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        ("/v2/rerank", b'{"a":' * 50_000, "nested too deeply"),
        (
            "/v1/rerank",
            b'{"query": "q", "documents": [' + b"[" * 500 + b"]" * 500 + b"]}",
            "deeply",
        ),
        ("/chat/completions", b'{"n": ' + b"1" * 5000 + b"}", "line 1, column 7"),
    ],
)
def test_deep_or_unconvertible_json_is_a_json_400(
    http: httpx.Client, route: str, content: bytes, words: str
) -> None:
    response = http.post(route, content=content, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert words in message_of(response)


def test_deep_json_inside_a_tool_result_is_taken_as_text(http: httpx.Client) -> None:
    deep = "[" * 5000 + "]" * 5000
    messages = [
        {"role": "user", "content": "hi"},
        {
            "role": "assistant",
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": [{"type": "text", "text": deep}]},
    ]
    response = http.post("/v2/chat", json={"model": "m", "messages": messages})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("route", "body", "status", "named"),
    [
        ("/v1/rerank", {"documents": ["a"]}, 422, "query is required"),
        ("/v2/rerank", {"query": "q", "documents": ["a"]}, 422, "model is required"),
        (
            "/v2/rerank",
            {"model": "m", "query": "q", "documents": ["a", {"text": "b"}]},
            400,
            "documents[1]",
        ),
        (
            "/v1/rerank",
            {"query": "q", "documents": [{"text": "a"}, {"title": "b"}], "rank_fields": ["text"]},
            400,
            "documents[1] has none of the rank fields (text)",
        ),
        ("/v1/rerank", {"query": "q", "documents": []}, 400, "documents must not be empty"),
        (
            "/v1/rerank",
            {"query": "q", "documents": ["a"] * 1000, "max_chunks_per_doc": 10},
            400,
            "max_chunks_per_doc",
        ),
        ("/v1/rerank", {"query": "q " * 2049, "documents": ["a"]}, 400, "query is too long"),
        (
            "/v1/rerank",
            {"query": "q", "documents": ["a"], "top_n": 0},
            400,
            "top_n must be at least 1",
        ),
        (
            "/v1/chat",
            {"message": "x", "temperature": 3},
            400,
            "temperature must be between 0 and 2",
        ),
        ("/v1/chat", {}, 422, "message is required"),
        (
            "/v1/chat",
            {"message": "x", "chat_history": [{"role": "BOT", "message": "y"}]},
            400,
            "chat_history[0].role",
        ),
        (
            "/v1/chat",
            {"message": "x", "stop_sequences": ["a"] * 6},
            400,
            "stop_sequences may hold at most 5",
        ),
        ("/v2/chat", {"messages": [{"role": "user", "content": "x"}]}, 422, "model is required"),
        (
            "/v2/chat",
            {"model": "m", "messages": [{"role": "robot", "content": "x"}]},
            422,
            "messages[0].role",
        ),
        (
            "/v2/chat",
            {"model": "m", "messages": [{"role": "tool", "content": "x"}]},
            422,
            "messages[0].tool_call_id",
        ),
        (
            "/v2/chat",
            {"model": "m", "messages": [{"role": "user", "content": "x"}], "p": 1.5},
            400,
            "p must be between 0.01 and 0.99",
        ),
        (
            "/chat/completions",
            {"messages": [{"role": "user", "content": "x"}], "top_p": 2},
            400,
            "top_p must be between 0 and 1",
        ),
        (
            "/chat/completions",
            {"messages": [{"role": "user", "content": "x"}], "documents": []},
            422,
            "extra parameter 'documents'",
        ),
        ("/chat/completions", {"messages": "hi"}, 400, "messages must be an array"),
    ],
)
def test_field_is_named(
    http: httpx.Client, route: str, body: dict[str, Any], status: int, named: str
) -> None:
    response = http.post(route, json=body)
    assert response.status_code == status, response.text
    assert named in message_of(response)


def test_an_unknown_parameter_is_refused_in_azure_model_inferences_flat_shape(
    http: httpx.Client,
) -> None:
    body = {"messages": [{"role": "user", "content": "x"}], "safe_prompt": True}
    response = http.post("/chat/completions", json=body)
    assert response.status_code == 422
    refusal = response.json()
    assert set(refusal) == {"status", "code", "message", "detail"}
    assert (refusal["status"], refusal["code"]) == (422, "parameter_not_supported")
    assert refusal["detail"] == {"loc": ["body", "safe_prompt"], "input": True}
    assert refusal["message"].startswith("extra parameter 'safe_prompt' is not allowed")


def test_extra_parameters_pass_through_is_accepted(http: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": "x"}], "safe_prompt": True}
    assert (
        http.post(
            "/chat/completions", json=body, headers={"extra-parameters": "pass-through"}
        ).status_code
        == 200
    )


def test_more_than_1000_documents_warns(http: httpx.Client) -> None:
    response = http.post(
        "/v1/rerank",
        json={"query": "q", "documents": ["d"] * 1001, "max_chunks_per_doc": 1, "top_n": 1},
    )
    assert response.status_code == 200
    body = response.json()
    assert "1001 documents" in body["meta"]["warnings"][0]
    assert body["meta"]["billed_units"]["search_units"] == 11


def test_unknown_route_is_404_with_request_id(http: httpx.Client) -> None:
    response = http.post("/v3/chat", json={})
    assert response.status_code == 404
    assert response.json() == {"message": "Not Found: POST /v3/chat"}
    assert response.headers["x-request-id"]


def test_query_limit_follows_the_rerank_family(http: httpx.Client) -> None:
    query = "word " * 3000
    body = {"query": query, "documents": ["a word"]}
    assert http.post("/v2/rerank", json={**body, "model": "rerank-v4.0-pro"}).status_code == 200
    assert http.post("/v2/rerank", json={**body, "model": "rerank-v5.0-fast"}).status_code == 200
    refused = http.post("/v2/rerank", json={**body, "model": "rerank-v3.5"})
    assert refused.status_code == 400
    assert "at most 2048" in refused.text


def _v2_tool(name: object) -> dict[str, Any]:
    return {"type": "function", "function": {"name": name, "parameters": {"type": "object"}}}


_USER = [{"role": "user", "content": "x"}]


@pytest.mark.parametrize(
    ("route", "body", "named"),
    [
        ("/v1/chat", {"message": "x", "tools": [{"name": 5}]}, "tools[0].name must be a string"),
        ("/v1/chat", {"message": "x", "tools": [{"name": "get weather"}]}, "tools[0].name"),
        ("/v1/chat", {"message": "x", "tools": [{"name": "1st"}]}, "tools[0].name"),
        ("/v1/chat", {"message": "x", "tools": [{"name": "f"}, {"name": "f"}]}, "tools[1].name"),
        ("/v2/chat", {"model": "m", "messages": _USER, "tools": [_v2_tool("a.b")]}, "tools[0].function.name"),
        ("/v2/chat", {"model": "m", "messages": _USER, "tools": [_v2_tool("x" * 65)]}, "tools[0].function.name"),
        ("/v2/chat", {"model": "m", "messages": _USER, "tools": [_v2_tool("f"), _v2_tool("f")]}, "tools[1].function.name"),
        ("/chat/completions", {"messages": _USER, "tools": [_v2_tool("get weather")]}, "tools[0].function.name"),
        ("/chat/completions", {"messages": _USER, "tools": [_v2_tool("f"), _v2_tool("f")]}, "tools[1].function.name"),
    ],
)  # fmt: skip
def test_bad_or_repeated_tool_names_are_refused_by_path(
    http: httpx.Client, route: str, body: dict[str, Any], named: str
) -> None:
    response = http.post(route, json=body)
    assert response.status_code == 400, response.text
    assert named in message_of(response)


@pytest.mark.parametrize(
    ("route", "body"),
    [
        ("/v1/chat", {"message": "x", "tools": [{"name": "get_weather_2"}, {"name": "_f"}]}),
        ("/v2/chat", {"model": "m", "messages": _USER, "tools": [_v2_tool("get-weather_2"), _v2_tool("f")]}),
        ("/chat/completions", {"messages": _USER, "tools": [_v2_tool("x" * 64)]}),
    ],
)  # fmt: skip
def test_good_tool_names_are_accepted(http: httpx.Client, route: str, body: dict[str, Any]) -> None:
    assert http.post(route, json=body).status_code == 200


def _calls(*ids: str) -> dict[str, Any]:
    calls = [
        {"id": i, "type": "function", "function": {"name": "f", "arguments": "{}"}} for i in ids
    ]
    return {"role": "assistant", "content": "", "tool_calls": calls}


def _answer(call_id: str) -> dict[str, Any]:
    return {"role": "tool", "tool_call_id": call_id, "content": "{}"}


@pytest.mark.parametrize("route", ["/v2/chat", "/chat/completions"])
@pytest.mark.parametrize(
    ("messages", "named"),
    [
        ([*_USER, _calls("c1")], "messages[1].tool_calls[0]"),
        ([*_USER, _calls("c1"), *_USER], "messages[1].tool_calls[0]"),
        ([*_USER, _calls("c1", "c2"), _answer("c2")], "messages[1].tool_calls[0]"),
        ([*_USER, _calls("c1", "c2"), _answer("c1"), *_USER, _answer("c2")], "messages[1].tool_calls[1]"),
    ],
)  # fmt: skip
def test_tool_calls_not_answered_next_are_refused(
    http: httpx.Client, route: str, messages: list[dict[str, Any]], named: str
) -> None:
    response = http.post(route, json={"model": "m", "messages": messages})
    assert response.status_code == 400, response.text
    assert named in message_of(response)


@pytest.mark.parametrize("route", ["/v2/chat", "/chat/completions"])
def test_tool_calls_answered_in_any_order_are_accepted(http: httpx.Client, route: str) -> None:
    messages = [*_USER, _calls("c1", "c2"), _answer("c2"), _answer("c1"), *_USER]
    assert http.post(route, json={"model": "m", "messages": messages}).status_code == 200


@pytest.mark.parametrize(
    ("route", "body", "named"),
    [
        ("/v1/chat", {"message": ""}, "message"),
        ("/v2/chat", {"model": "m", "messages": [{"role": "user", "content": ""}]}, "messages[0].content"),
        ("/v2/chat", {"model": "m", "messages": [{"role": "user"}]}, "messages[0].content"),
        ("/v2/chat", {"model": "m", "messages": [*_USER, {"role": "user", "content": []}]}, "messages[1].content"),
    ],
)  # fmt: skip
def test_an_empty_user_message_is_refused(
    http: httpx.Client, route: str, body: dict[str, Any], named: str
) -> None:
    response = http.post(route, json=body)
    assert response.status_code == 400, response.text
    assert message_of(response).startswith(f"invalid request: {named} ")


def test_v1_takes_an_empty_message_with_tool_results(http: httpx.Client) -> None:
    results = [{"call": {"name": "f", "parameters": {}}, "outputs": [{"a": 1}]}]
    body = {
        "message": "",
        "chat_history": [{"role": "USER", "message": "x"}],
        "tool_results": results,
    }
    assert http.post("/v1/chat", json=body).status_code == 200


@pytest.mark.parametrize(
    ("route", "body", "named"),
    [
        ("/v2/chat", {"model": "m", "messages": _USER, "stop_sequences": "x"}, "stop_sequences must be an array"),
        ("/v1/chat", {"message": "x", "stop_sequences": "x"}, "stop_sequences must be an array"),
        ("/v1/rerank", {"query": "q", "documents": ["a"], "rank_fields": "text"}, "rank_fields must be an array"),
    ],
)  # fmt: skip
def test_a_string_where_cohere_takes_an_array_is_refused(
    http: httpx.Client, route: str, body: dict[str, Any], named: str
) -> None:
    response = http.post(route, json=body)
    assert response.status_code == 400, response.text
    assert named in message_of(response)


def test_openai_stop_may_be_a_lone_string(http: httpx.Client) -> None:
    assert http.post("/chat/completions", json={"messages": _USER, "stop": "x"}).status_code == 200


@pytest.mark.parametrize(
    ("documents", "named"),
    [
        ([{"text": 5}], "documents[0].text must be a string"),
        ([{"title": "t", "text": "a"}, {"text": ["a"]}], "documents[1].text must be a string"),
        ([{"text": "a", "_excludes": "text"}], "documents[0]._excludes must be an array"),
    ],
)
def test_v1_chat_documents_hold_only_strings(
    http: httpx.Client, documents: list[Any], named: str
) -> None:
    response = http.post("/v1/chat", json={"message": "x", "documents": documents})
    assert response.status_code == 400, response.text
    assert named in message_of(response)


def test_v1_chat_documents_may_exclude_fields(http: httpx.Client) -> None:
    documents = [{"id": "d", "title": "t", "text": "a", "_excludes": ["title"]}]
    assert http.post("/v1/chat", json={"message": "x", "documents": documents}).status_code == 200


@pytest.mark.parametrize("route", ["/v1/chat", "/v2/chat", "/chat/completions", "/v1/rerank"])
def test_a_content_encoded_body_is_refused_naming_the_header(
    http: httpx.Client, route: str
) -> None:
    content = b'{"message": "x", "model": "m", "messages": [{"role": "user", "content": "x"}]}'
    headers = {"content-type": "application/json", "content-encoding": "gzip"}
    response = http.post(route, content=content, headers=headers)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert "Content-Encoding" in message_of(response)


_REASONER = {"model": "command-a-reasoning", "messages": _USER}
_RERANK_5 = {"model": "rerank-v5.0-fast", "query": "q", "documents": ["a"]}


@pytest.mark.parametrize(
    ("route", "body", "status", "field", "problem"),
    [
        ("/v2/chat", {**_REASONER, "thinking": {"type": "maybe"}}, 400, "thinking.type", "must be one of enabled, disabled, got 'maybe'"),
        ("/v2/chat", {**_REASONER, "thinking": {"type": 1}}, 400, "thinking.type", "must be a string, got integer"),
        ("/v2/chat", {**_REASONER, "thinking": {"token_budget": 5}}, 422, "thinking.type", "is required"),
        ("/v2/chat", {**_REASONER, "thinking": {"type": "enabled", "token_budget": 0}}, 400, "thinking.token_budget", "must be at least 1 (inclusive), got 0"),
        ("/v2/chat", {**_REASONER, "thinking": {"type": "enabled", "token_budget": "9"}}, 400, "thinking.token_budget", "must be an integer, got string"),
        ("/v2/rerank", {**_RERANK_5, "relevant_spans": {"mode": "on"}}, 400, "relevant_spans.mode", "must be one of enabled, disabled, got 'on'"),
        ("/v2/rerank", {**_RERANK_5, "relevant_spans": {"mode": "enabled", "threshold": 2}}, 400, "relevant_spans.threshold", "must be between 0 and 1 (inclusive), got 2"),
        ("/v2/rerank", {**_RERANK_5, "relevant_spans": {"mode": "enabled", "max_spans": 0}}, 400, "relevant_spans.max_spans", "must be at least 1 (inclusive), got 0"),
        ("/chat/completions", {"messages": _USER, "response_format": {"type": "xml"}}, 400, "response_format.type", "must be one of text, json_object, json_schema, got 'xml'"),
        ("/chat/completions", {"messages": _USER, "response_format": {"type": 5}}, 400, "response_format.type", "must be a string, got integer"),
        ("/v1/chat", {"message": "x", "chat_history": [{"role": "USER", "message": "a"}, {"role": "CHATBOT", "message": 5}]}, 400, "chat_history[1].message", "must be a string, got integer"),
        ("/v1/chat", {"message": "x", "documents": [{"text": "a"}, {"text": "b", "_excludes": "text"}]}, 400, "documents[1]._excludes", "must be an array, got string"),
        ("/v1/chat", {"message": "x", "documents": [{"text": "a", "_excludes": ["text", 5]}]}, 400, "documents[0]._excludes[1]", "must be a string, got integer"),
    ],
)  # fmt: skip
def test_a_field_inside_an_object_is_named_by_its_path(
    http: httpx.Client, route: str, body: dict[str, Any], status: int, field: str, problem: str
) -> None:
    response = http.post(route, json=body)
    assert response.status_code == status, response.text
    assert message_of(response) == f"invalid request: {field} {problem}"
    error = response.json().get("error")
    if error is not None:  # only the OpenAI-style bodies carry the field apart
        assert error["param"] == field
