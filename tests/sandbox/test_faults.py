"""Faults on demand: error statuses in each flavour's shape, delays, cut and broken streams."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.waits import WAIT_S
from workbench.sandbox.runner import SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox

V2_CHAT: dict[str, Any] = {
    "model": "m",
    "messages": [{"role": "user", "content": "Tell me a story"}],
    "stream": True,
}
OPENAI_CHAT: dict[str, Any] = {"messages": [{"role": "user", "content": "Hi"}], "stream": True}
V1_CHAT: dict[str, Any] = {"message": "Tell me a story", "stream": True}


def fault(spec: str) -> dict[str, str]:
    return {"x-sandbox-fault": spec}


@pytest.mark.parametrize("status", [400, 429, 500, 503])
@pytest.mark.parametrize(
    ("route", "body", "shape"),
    [
        ("/v1/chat", {"message": "x"}, "cohere"),
        ("/v2/rerank", {"model": "m", "query": "q", "documents": ["d"]}, "cohere"),
        ("/chat/completions", {"messages": [{"role": "user", "content": "x"}]}, "openai"),
    ],
)
def test_status_fault_uses_the_flavour_shape(
    http: httpx.Client, status: int, route: str, body: dict[str, Any], shape: str
) -> None:
    response = http.post(route, json=body, headers=fault(f"status={status}"))
    assert response.status_code == status
    payload = response.json()
    if shape == "cohere":
        assert set(payload) == {"message"}
        assert payload["message"]
    else:
        assert payload["error"]["message"]
        assert payload["error"]["code"]
    assert response.headers["x-request-id"]
    if status in {429, 503}:
        assert int(response.headers["retry-after"]) >= 1


def test_info_status_fault_uses_the_azure_shape(http: httpx.Client) -> None:
    response = http.get("/info", headers=fault("status=503"))
    assert response.status_code == 503
    assert "overloaded" in response.json()["error"]["message"]


def test_delay_fault_holds_the_answer(http: httpx.Client) -> None:
    # Behaviour, not timing: a client that waits less than the delay times out.
    with pytest.raises(httpx.ReadTimeout):
        http.get("/info", headers=fault("delay_ms=2000"), timeout=httpx.Timeout(5, read=0.3))
    assert http.get("/info", headers=fault("delay_ms=50")).status_code == 200


def test_unknown_fault_key_is_named(http: httpx.Client) -> None:
    response = http.get("/info", headers=fault("status=503;explode=1"))
    assert response.status_code == 400
    assert "'explode'" in response.json()["error"]["message"]
    bad_value = http.post("/v1/chat", json={"message": "x"}, headers=fault("delay_ms=soon"))
    assert bad_value.status_code == 400
    assert "delay_ms" in bad_value.json()["message"]


def _read_stream(
    http: httpx.Client, route: str, body: dict[str, Any], spec: str
) -> tuple[bytes, Exception | None]:
    received = b""
    with http.stream("POST", route, json=body, headers=fault(spec)) as response:
        assert response.status_code == 200
        try:
            for part in response.iter_raw():
                received += part
        except httpx.HTTPError as exc:
            return received, exc
    return received, None


@pytest.mark.parametrize(
    ("route", "body"),
    [("/v2/chat", V2_CHAT), ("/chat/completions", OPENAI_CHAT), ("/v1/chat", V1_CHAT)],
)
def test_drop_fault_breaks_the_stream_after_n_events(
    http: httpx.Client, route: str, body: dict[str, Any]
) -> None:
    received, error = _read_stream(http, route, body, "drop_after_events=5")
    assert isinstance(error, httpx.RemoteProtocolError)  # a broken stream, not a clean end
    separator = b"\n" if route == "/v1/chat" else b"\n\n"
    assert received.count(separator) == 5


def test_malformed_fault_sends_a_broken_frame(http: httpx.Client) -> None:
    received, error = _read_stream(http, "/v2/chat", V2_CHAT, "malformed_after_events=3")
    assert error is None
    frames = [f for f in received.decode().split("\n\n") if f]
    assert len(frames) == 4
    for frame in frames[:3]:
        json.loads(frame.split("data: ", 1)[1])
    with pytest.raises(json.JSONDecodeError):
        json.loads(frames[3].split("data: ", 1)[1])


def test_malformed_fault_in_ndjson(http: httpx.Client) -> None:
    received, _ = _read_stream(http, "/v1/chat", V1_CHAT, "malformed_after_events=2")
    lines = received.decode().splitlines()
    assert len(lines) == 3
    with pytest.raises(json.JSONDecodeError):
        json.loads(lines[2])


def test_slow_stream_and_combined_faults_still_deliver_in_order(http: httpx.Client) -> None:
    received, error = _read_stream(
        http, "/chat/completions", OPENAI_CHAT, "slow_stream_ms=5, drop_after_events=3"
    )
    assert isinstance(error, httpx.RemoteProtocolError)
    assert received.count(b"\n\n") == 3


def test_command_line_default_faults_apply_and_headers_override(sandbox: RunningSandbox) -> None:
    from workbench.sandbox.runner import SandboxConfig, start_sandbox

    with (
        start_sandbox(SandboxConfig(default_faults="status=503")) as faulty,
        httpx.Client(base_url=faulty.base_url, timeout=WAIT_S) as c,
    ):
        assert c.get("/info").status_code == 503
        assert c.get("/info", headers=fault("status=404")).status_code == 404


def _read_until_timeout(response: httpx.Response) -> bytes:
    received = b""
    try:
        for part in response.iter_raw():
            received += part
    except httpx.ReadTimeout:  # no clean end and no cut: nothing more comes
        return received
    raise AssertionError(f"the stream ended: {received!r}")


def test_stall_fault_holds_the_stream_open_after_n_events(http: httpx.Client) -> None:
    timeout = httpx.Timeout(10, read=0.5)
    spec = fault("stall_after_events=3")
    with http.stream("POST", "/v2/chat", json=V2_CHAT, headers=spec, timeout=timeout) as response:
        assert response.status_code == 200
        received = _read_until_timeout(response)
    assert received.count(b"\n\n") == 3


DOCUMENTS = [{"id": "plans", "text": "The Team plan includes single sign-on."}]


@pytest.mark.parametrize("route", ["/v1/chat", "/v2/chat"])
def test_wrong_citations_fault_misplaces_every_citation(http: httpx.Client, route: str) -> None:
    if route == "/v1/chat":
        body: dict[str, Any] = {"message": "Which plan has single sign-on?", "documents": DOCUMENTS}
    else:
        body = {
            "model": "m",
            "messages": [{"role": "user", "content": "Which plan has single sign-on?"}],
            "documents": [{"id": "plans", "data": {"text": DOCUMENTS[0]["text"]}}],
        }
    answer = http.post(route, json=body, headers=fault("wrong_citations=1")).json()
    if route == "/v1/chat":
        text, citations = answer["text"], answer["citations"]
        ids = [i for c in citations for i in c["document_ids"]]
    else:
        text = answer["message"]["content"][0]["text"]
        citations = answer["message"]["citations"]
        ids = [s["id"] for c in citations for s in c["sources"]]
    assert citations
    assert all(text[c["start"] : c["end"]] != c["text"] for c in citations)
    assert set(ids) == {"doc-never-sent"}


def test_burst_429_refuses_the_first_requests_then_serves() -> None:
    config = SandboxConfig(key=SANDBOX_TEST_KEY, default_faults="burst_429=2")
    with start_sandbox(config) as sandbox:
        auth = {"Authorization": f"Bearer {SANDBOX_TEST_KEY}"}
        with httpx.Client(base_url=sandbox.base_url, headers=auth, timeout=WAIT_S) as client:
            statuses = [client.get("/info") for _ in range(3)]
    assert [r.status_code for r in statuses] == [429, 429, 200]
    assert all(r.headers["retry-after"] == "1" for r in statuses[:2])
