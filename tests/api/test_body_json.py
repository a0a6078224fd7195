"""Chat bodies are encoded with the history's JSON kept (issue 15): the bytes httpx's json= sends."""

from __future__ import annotations

import asyncio
import gc
import json
import weakref
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.api import ChatRequest, Flavour, WorkbenchClient
from workbench.api.body_json import BodyEncoder
from workbench.api.flavours import chat_request_body
from workbench.api.models import ChatMessage, ImagePart, ToolCall, ToolResult

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Connection

    Factory = Callable[..., Connection]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12,
)
messages = st.lists(st.dictionaries(st.text(), values, max_size=4), max_size=5)


def _httpx_bytes(body: dict[str, Any]) -> bytes:
    return httpx.Request("POST", "https://h.example", json=body).content


@settings(max_examples=100, deadline=None)
@given(first=messages, more=messages, rest=st.dictionaries(st.text(), values, max_size=3))
def test_bodies_sharing_dicts_encode_as_httpx_json_does(
    first: list[dict[str, Any]], more: list[dict[str, Any]], rest: dict[str, Any]
) -> None:
    """The second body reuses the first one's dicts (a longer history): kept JSON and new JSON
    together give exactly httpx's bytes, key order and all."""
    encoder = BodyEncoder()
    one = {"model": "m", "messages": first, **rest}
    assert encoder.encode(one) == _httpx_bytes(one)
    two = {"model": "m", "messages": [*first, *more, *first], "stream": True, **rest}
    assert encoder.encode(two) == _httpx_bytes(two)


def test_a_changed_body_or_odd_keys_are_encoded_afresh() -> None:
    encoder = BodyEncoder()
    message: dict[str, Any] = {"role": "user", "content": "hi"}
    encoder.encode({"messages": [message]})
    fresh = {"role": "user", "content": "hello"}
    assert encoder.encode({"messages": [fresh]}) == _httpx_bytes({"messages": [fresh]})
    odd: dict[Any, Any] = {1: "one", "messages": []}
    assert encoder.encode(odd) == json.dumps(odd, separators=(",", ":")).encode()
    with pytest.raises(ValueError, match="JSON compliant"):
        encoder.encode({"messages": [{"t": float("nan")}]})


def test_a_chat_request_goes_out_as_json_did(connection: Factory) -> None:
    """Body, Content-Length and Content-Type (where json= put it) of two v2 turns in a row."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b'data: {"type": "message-end"}\n\n')

    history = [
        ChatMessage(
            role="user", content="Café? 😀", images=[ImagePart(url="data:image/png;base64,AA")]
        ),
        ChatMessage(
            role="assistant",
            content="Sì",
            tool_calls=[ToolCall(id="c1", name="f", parameters={"x": 1.5})],
        ),
        ChatMessage(
            role="tool",
            tool_results=[ToolResult(call=ToolCall(id="c1", name="f"), outputs=[{"y": "ü"}])],
        ),
    ]
    requests = [
        ChatRequest(message="one", history=history[:1] + history[1:]),
        ChatRequest(message="two", history=[*history, ChatMessage(role="user", content="n")]),
    ]

    async def go() -> None:
        conn = connection(Flavour.COHERE_V2, base_url="https://h.example")
        async with WorkbenchClient(conn, transport=httpx.MockTransport(handler)) as client:
            for request in requests:
                async for _ in client.chat_stream(request):
                    pass

    asyncio.run(go())
    assert len(seen) == 2
    for request, sent in zip(requests, seen, strict=True):
        body = chat_request_body(Flavour.COHERE_V2, request, "sandbox-model")
        assert sent.content == _httpx_bytes(body)
        # json= adds these two last, in this order, after the request's own Accept.
        names = [name for name, _ in sent.headers.raw]
        assert names[-3:] == [b"Accept", b"Content-Length", b"Content-Type"]
        assert sent.headers["content-type"] == "application/json"
        assert sent.headers["content-length"] == str(len(sent.content))


def _sent_twice() -> weakref.ref[ChatMessage]:
    """Send one history message in two v2 bodies; its wire dict is the same object both times."""
    message = ChatMessage(role="user", content="kept while it lives")
    copy = message.model_copy()
    other = chat_request_body(Flavour.COHERE_V2, ChatRequest(message="c", history=[copy]), "m")
    first = chat_request_body(Flavour.COHERE_V2, ChatRequest(message="a", history=[message]), "m")
    again = chat_request_body(Flavour.COHERE_V2, ChatRequest(message="b", history=[message]), "m")
    assert again["messages"][0] is first["messages"][0]
    assert other["messages"][0] is not first["messages"][0]
    assert other["messages"][0] == first["messages"][0]
    return weakref.ref(message)


def test_v2_reuses_a_history_messages_wire_dicts_without_keeping_the_message() -> None:
    """The same message object gives the same wire dict (its JSON is kept), and the message is
    not kept alive by that, though it was the last history sent: a cleared conversation is not
    held in the flavour."""
    held = _sent_twice()
    gc.collect()
    assert held() is None
