"""WorkbenchClient over real loopback HTTP to the sandbox (MockTransport only to see headers)."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from pydantic import SecretStr

from tests.conftest import SANDBOX_TEST_KEY
from tests.waits import WAIT_S
from workbench.api import (
    AuthError,
    AuthScheme,
    ChatRequest,
    ChatSnapshot,
    ConnectError,
    Flavour,
    InputError,
    ProtocolError,
    RateLimited,
    RequestTimeout,
    RerankRequest,
    ServerError,
    StreamEvent,
    WorkbenchClient,
    accumulate,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.api.models import Connection
    from workbench.sandbox.runner import RunningSandbox

    Factory = Callable[..., Connection]

DOCS: list[Any] = [
    {"id": "d1", "title": "France", "text": "Paris is the capital of France."},
    "Berlin is the capital of Germany.",
]
QUESTION = "What is the capital of France?"


def _request(flavour: Flavour) -> ChatRequest:
    return ChatRequest(message=QUESTION, documents=[] if flavour is Flavour.OPENAI else DOCS)


async def _collect(
    client: WorkbenchClient, request: ChatRequest
) -> tuple[list[StreamEvent], ChatSnapshot, Exception | None]:
    events: list[StreamEvent] = []
    snap = ChatSnapshot()
    try:
        async for event in client.chat_stream(request):
            events.append(event)
            snap = accumulate(snap, event)
    except ProtocolError as exc:
        return events, snap, exc
    return events, snap, None


@pytest.mark.parametrize("flavour", list(Flavour))
def test_info_names_the_model(connection: Factory, flavour: Flavour) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(flavour)) as client:
            info = await client.info()
        assert info.model_name

    asyncio.run(go())


@pytest.mark.parametrize("user_info", ["user:hunter2pw@", "user@", "me@example.org:hunter2pw@"])
def test_a_base_url_with_user_info_is_refused_before_anything_is_sent(
    connection: Factory, sandbox: RunningSandbox, user_info: str
) -> None:
    """httpx sent it as Basic authentication in place of the key: the server answered 401.
    A saved endpoint from an older version's settings still holds such a URL."""
    url = sandbox.base_url.replace("http://", f"http://{user_info}")
    with pytest.raises(InputError) as caught:
        WorkbenchClient(connection(base_url=url))
    said = str(caught.value)
    assert "would be sent as HTTP Basic authentication in place of the key" in said
    assert "hunter2pw" not in said
    assert "user" not in said.replace("a user name", "")


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2])
def test_rerank_ranks_the_relevant_document_first_and_returns_documents(
    connection: Factory, flavour: Flavour
) -> None:
    async def go() -> None:
        request = RerankRequest(
            query=QUESTION, documents=DOCS, rank_fields=["title", "text"], return_documents=True
        )
        async with WorkbenchClient(connection(flavour)) as client:
            response = await client.rerank(request)
        assert next(hit.index for hit in response.results) == 0
        assert response.results[0].document is not None
        assert response.results[0].document["title"] == "France"
        assert response.latency_ms > 0
        assert response.id

    asyncio.run(go())


@pytest.mark.parametrize("flavour", list(Flavour))
def test_stream_and_non_stream_give_the_same_answer(connection: Factory, flavour: Flavour) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(flavour)) as client:
            whole = await client.chat(_request(flavour))
            events, streamed, error = await _collect(client, _request(flavour))
        assert error is None
        assert (whole.done, streamed.done, whole.event_count) == (True, True, 0)
        assert whole.text
        assert streamed.text == whole.text
        assert streamed.event_count == len(events) > 3
        # Every flavour reports usage in the stream too (OpenAI only when asked: stream_options).
        assert whole.usage is not None
        assert streamed.usage is not None
        assert streamed.usage.output_tokens == whole.usage.output_tokens
        if flavour is not Flavour.OPENAI:
            assert [c.document_ids for c in streamed.citations] == [
                c.document_ids for c in whole.citations
            ]
            for c in streamed.citations:
                assert streamed.text[c.start : c.end] == c.text

    asyncio.run(go())


def test_a_retired_client_closes_when_its_stream_ends(connection: Factory) -> None:
    """Retiring (an endpoint edited in the GUI) closed the pool under the stream, which broke."""

    async def go() -> None:
        client = WorkbenchClient(connection(faults="slow_stream_ms=20"))
        try:
            stream = client.chat_stream(_request(Flavour.COHERE_V2))
            first = await anext(stream)
            await client.retire()
            assert not client.closed
            rest = [event async for event in stream]
            snap = ChatSnapshot()
            for event in [first, *rest]:
                snap = accumulate(snap, event)
            assert snap.done
            assert snap.text
            assert client.closed
        finally:
            await client.aclose()

    asyncio.run(go())


def test_an_idle_client_retires_at_once(connection: Factory) -> None:
    async def go() -> None:
        client = WorkbenchClient(connection())
        await client.info()
        await client.retire()
        assert client.closed

    asyncio.run(go())


def test_wrong_key_is_an_auth_error_with_the_server_message(connection: Factory) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(api_key=SecretStr("wrong-key"))) as client:
            with pytest.raises(AuthError) as info:
                await client.rerank(RerankRequest(query="q", documents=["a"]))
        assert info.value.status == 401
        assert info.value.server_message
        assert info.value.request_id
        assert info.value.route == "POST /v2/rerank"

    asyncio.run(go())


def test_injected_503_and_429_map_to_their_classes(connection: Factory) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(faults="status=503")) as client:
            with pytest.raises(ServerError):
                await client.chat(ChatRequest(message="hi"))
            with pytest.raises(ServerError):
                await _collect(client, ChatRequest(message="hi"))
        async with WorkbenchClient(connection(faults="status=429")) as client:
            with pytest.raises(RateLimited) as info:
                await client.rerank(RerankRequest(query="q", documents=["a"]))
        assert info.value.retry_after is not None

    asyncio.run(go())


@pytest.mark.parametrize("flavour", list(Flavour))
@pytest.mark.parametrize("fault", ["drop_after_events=4", "malformed_after_events=4"])
def test_broken_stream_raises_after_every_good_event(
    connection: Factory, flavour: Flavour, fault: str
) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(flavour, faults=fault)) as client:
            events, snap, error = await _collect(client, _request(flavour))
        assert isinstance(error, ProtocolError)
        assert error.where.startswith("event ")
        assert error.route.startswith("POST ")
        assert len(events) >= 3
        assert not snap.done

    asyncio.run(go())


def test_closed_port_is_a_connect_error(connection: Factory) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but not listening: connections are refused

        async def go() -> None:
            async with WorkbenchClient(connection(base_url=f"http://127.0.0.1:{port}")) as client:
                with pytest.raises(ConnectError):
                    await client.chat(ChatRequest(message="hi"))

        asyncio.run(go())


def test_slow_answer_is_a_request_timeout(connection: Factory) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(faults="delay_ms=3000", timeout_s=0.3)) as client:
            with pytest.raises(RequestTimeout):
                await client.rerank(RerankRequest(query="q", documents=["a"]))

    asyncio.run(go())


def test_closing_a_stream_early_ends_the_request_and_the_client_stays_usable(
    connection: Factory,
) -> None:
    async def go() -> None:
        async with WorkbenchClient(connection(faults="slow_stream_ms=50")) as client:
            stream = client.chat_stream(ChatRequest(message="hi"))
            first = await anext(stream)
            await stream.aclose()
            assert first is not None
            streaming = asyncio.Event()

            async def read_on() -> None:
                async for _ in client.chat_stream(ChatRequest(message="hi")):
                    streaming.set()

            task = asyncio.create_task(read_on())
            await asyncio.wait_for(streaming.wait(), WAIT_S)  # mid-stream, not after a guess
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
        async with WorkbenchClient(connection()) as client:
            assert (await client.chat(ChatRequest(message="hi"))).done

    asyncio.run(go())


def test_key_never_reaches_logs_or_errors(
    connection: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    async def go() -> None:
        async with WorkbenchClient(connection()) as client:
            await client.chat(ChatRequest(message="hi"))
            await _collect(client, ChatRequest(message="hi"))
        bad = connection(auth=AuthScheme.X_API_KEY, faults="status=401")
        async with WorkbenchClient(bad) as client:
            with pytest.raises(AuthError) as info:
                await client.chat(ChatRequest(message="hi"))
            for text in (str(info.value), repr(info.value), repr(client), repr(bad), str(bad)):
                assert SANDBOX_TEST_KEY not in text

    asyncio.run(go())
    assert caplog.records
    assert SANDBOX_TEST_KEY not in caplog.text


# --- what only a transport can show: the exact request the client sends -------------------------


def _capture(answer: dict[str, Any]) -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=answer)

    return seen, httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("auth", "header", "value"),
    [(AuthScheme.BEARER, "authorization", "Bearer k-1"), (AuthScheme.API_KEY, "api-key", "k-1"),
     (AuthScheme.X_API_KEY, "x-api-key", "k-1"), (AuthScheme.NONE, "authorization", None)],
)  # fmt: skip
def test_request_headers_auth_and_api_version(
    connection: Factory, auth: AuthScheme, header: str, value: str | None
) -> None:
    seen, transport = _capture(
        {"choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}]}
    )
    conn = connection(
        Flavour.OPENAI, base_url="https://h.example/chat/completions/?api-version=2024-05-01-preview",
        api_key=SecretStr("k-1"), auth=auth, extra_parameters="pass-through", model=None,
    )  # fmt: skip

    async def go() -> None:
        async with WorkbenchClient(conn, transport=transport) as client:
            assert (
                client.url_for("chat")
                == "https://h.example/chat/completions?api-version=2024-05-01-preview"
            )
            snap = await client.chat(ChatRequest(message="hi"))
        assert snap.text == "ok"

    asyncio.run(go())
    (request,) = seen
    assert str(request.url) == "https://h.example/chat/completions?api-version=2024-05-01-preview"
    assert request.headers.get(header) == value
    assert request.headers["user-agent"].startswith("cohere-workbench/")
    assert request.headers["x-client-name"] == "cohere-workbench"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "application/json"
    assert request.headers["extra-parameters"] == "pass-through"
    assert json.loads(request.content) == {"messages": [{"role": "user", "content": "hi"}]}


def test_extra_headers_replace_ours_whatever_their_case(connection: Factory) -> None:
    seen, transport = _capture(
        {"choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}]}
    )
    conn = connection(
        Flavour.OPENAI, base_url="https://h.example", api_key=SecretStr("k-1"),
        extra_headers={"x-client-name": "demo", "X-Gateway-Route": "blue"},
    )  # fmt: skip

    async def go() -> None:
        async with WorkbenchClient(conn, transport=transport) as client:
            await client.chat(ChatRequest(message="hi"))

    asyncio.run(go())
    (request,) = seen
    assert request.headers.get_list("x-client-name") == ["demo"]
    assert request.headers["x-gateway-route"] == "blue"


def test_framing_headers_are_refused_by_the_model_and_by_the_client(connection: Factory) -> None:
    with pytest.raises(InputError, match="'Content-Length' is set by the HTTP client"):
        connection(Flavour.OPENAI, extra_headers={"X-A": "1", "Content-Length": "5"})
    # model_copy(update=...) skips validators: the client checks again before anything is sent.
    copied = connection(Flavour.OPENAI).model_copy(update={"extra_headers": {"Connection": "x"}})
    with pytest.raises(InputError, match="'Connection' is set by the HTTP client"):
        WorkbenchClient(copied)


def test_an_answer_nested_too_deeply_is_a_protocol_error(connection: Factory) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=deep))

    async def go() -> None:
        conn = connection(Flavour.COHERE_V2, base_url="https://h.example", model="m")
        async with WorkbenchClient(conn, transport=transport) as client:
            await client.rerank(RerankRequest(query="q", documents=["a"]))

    with pytest.raises(ProtocolError, match="nested deeper than 100 levels"):
        asyncio.run(go())


def test_streaming_asks_for_event_streams(connection: Factory) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, content=b'{"event_type": "stream-end", "finish_reason": "COMPLETE"}\n'
        )

    async def go() -> None:
        conn = connection(Flavour.COHERE_V1, base_url="https://h.example")
        async with WorkbenchClient(conn, transport=httpx.MockTransport(handler)) as client:
            _, snap, error = await _collect(client, ChatRequest(message="hi"))
        assert (error, snap.done) == (None, True)

    asyncio.run(go())
    assert "text/event-stream" in seen[0].headers["accept"]
    assert json.loads(seen[0].content)["stream"] is True


def test_non_json_answer_is_a_protocol_error(connection: Factory) -> None:
    transport = httpx.MockTransport(lambda _: httpx.Response(200, content=b"<html>proxy</html>"))

    async def go() -> None:
        async with WorkbenchClient(
            connection(base_url="https://h.example"), transport=transport
        ) as client:
            with pytest.raises(ProtocolError) as info:
                await client.chat(ChatRequest(message="hi"))
        assert (info.value.where, info.value.route) == ("byte 0", "POST /v2/chat")

    asyncio.run(go())


def test_clients_share_the_system_trust_and_a_ca_bundle_is_read_each_time() -> None:
    import certifi

    from workbench.api import http_client

    # One context for verify=True: loading the CA bundle was 80 ms of each client (issue 15).
    assert http_client._verify(True) is http_client._verify(True)
    assert http_client._verify(False) is False
    # A bundle of the person's own is read again, so an edited file counts at the next client.
    assert http_client._verify(certifi.where()) is not http_client._verify(certifi.where())


def test_warm_up_leaves_a_broken_trust_store_to_the_first_client(
    connection: Factory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from workbench.api import http_client

    http_client._system_trust.cache_clear()
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    try:
        http_client.warm_up()  # nothing a person asked for: it must not fail
        with pytest.raises(FileNotFoundError):
            WorkbenchClient(connection())
    finally:
        http_client._system_trust.cache_clear()


def test_a_rerank_answer_is_read_off_the_loop_thread_and_its_errors_keep_their_place(
    connection: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from workbench.api import client as client_module

    threads: list[int] = []
    read = client_module._json_object

    def spy(content: bytes) -> dict[str, Any]:
        threads.append(threading.get_ident())
        return read(content)

    monkeypatch.setattr(client_module, "_json_object", spy)
    answer = (
        b'{"results": [{"index": 0, "relevance_score": 0.5}, {"index": 7, "relevance_score": 1}]}'
    )
    transport = httpx.MockTransport(lambda _: httpx.Response(200, content=answer))
    request = RerankRequest(query="q", documents=["a", "b"], model="m")

    async def go() -> None:
        async with WorkbenchClient(
            connection(base_url="https://h.example"), transport=transport
        ) as client:
            with pytest.raises(ProtocolError) as info:
                await client.rerank(request)
        assert (info.value.where, info.value.route) == ("results[1].index", "POST /v2/rerank")

    asyncio.run(go())
    assert threads
    assert threading.get_ident() not in threads
