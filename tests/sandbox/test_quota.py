"""Requests- and tokens-per-minute quota: 429 with Retry-After and remaining-quota headers."""

from __future__ import annotations

import httpx

from tests.waits import WAIT_S
from workbench.sandbox.quota import Quota
from workbench.sandbox.runner import SandboxConfig, start_sandbox


def test_fourth_request_over_rpm_3_is_refused() -> None:
    with (
        start_sandbox(SandboxConfig(rpm=3)) as sandbox,
        httpx.Client(base_url=sandbox.base_url, timeout=WAIT_S) as client,
    ):
        answers = [
            client.post("/v2/rerank", json={"model": "m", "query": "q", "documents": ["q"]})
            for _ in range(4)
        ]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["x-ratelimit-remaining-requests"] for a in answers] == ["2", "1", "0", "0"]
    refused = answers[3]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["x-ratelimit-remaining-tokens"].isdigit()
    assert "Rate limit" in refused.json()["message"]


def test_tokens_over_tpm_are_refused_in_the_azure_shape() -> None:
    # The sandbox counts a request's words as its tokens: 30 here plus 4 JSON keys and values.
    message = " ".join(["word"] * 30)
    body = {"messages": [{"role": "user", "content": message}]}
    with (
        start_sandbox(SandboxConfig(tpm=110)) as sandbox,
        httpx.Client(base_url=sandbox.base_url, timeout=WAIT_S) as client,
    ):
        answers = [client.post("/chat/completions", json=body) for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    assert answers[3].status_code == 429
    assert answers[3].json()["error"]["code"] == "too_many_requests"
    assert [a.headers["x-ratelimit-remaining-tokens"] for a in answers] == ["76", "42", "8", "8"]
    assert int(answers[3].headers["retry-after"]) >= 1


def test_window_slides() -> None:
    now = [0.0]
    quota = Quota(rpm=2, tpm=1000, clock=lambda: now[0])
    assert quota.take(10).allowed
    assert quota.take(10).allowed
    refused = quota.take(10)
    assert not refused.allowed
    assert refused.retry_after_s == 60
    now[0] = 30.0
    assert not quota.take(10).allowed
    now[0] = 60.5
    decision = quota.take(10)
    assert decision.allowed
    assert decision.remaining_requests == 1
