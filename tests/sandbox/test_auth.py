"""Keys: Bearer, api-key and x-api-key accepted; anything else 401 in the route's error shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from tests.waits import WAIT_S
from workbench.sandbox.runner import SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox


@pytest.mark.parametrize("header", ["Authorization", "api-key", "x-api-key"])
def test_accepted_key_headers(sandbox: RunningSandbox, header: str) -> None:
    value = f"Bearer {sandbox.key}" if header == "Authorization" else str(sandbox.key)
    response = httpx.get(f"{sandbox.base_url}/info", headers={header: value}, timeout=WAIT_S)
    assert response.status_code == 200
    assert response.json() == {
        "model_name": "command-r-plus-08-2024",
        "model_type": "chat-completion",
        "model_provider_name": "Cohere",
    }


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"api-key": "wrong"}, {"Authorization": "Basic abc"}],
)
def test_wrong_or_missing_key_is_401_in_each_shape(
    sandbox: RunningSandbox, headers: dict[str, str]
) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=WAIT_S) as client:
        cohere = client.post("/v2/chat", json={})
        azure = client.post("/chat/completions", json={})
        info = client.get("/info", params={"api-version": "2024-05-01-preview"})
    assert cohere.status_code == azure.status_code == info.status_code == 401
    assert set(cohere.json()) == {"message"}
    assert azure.json()["error"]["code"] == "invalid_api_key"
    assert info.json()["error"]["message"]
    assert all(r.headers["x-request-id"] for r in (cohere, azure, info))


def test_no_auth_sandbox_accepts_anything() -> None:
    with start_sandbox(SandboxConfig(key=None)) as open_sandbox:
        assert httpx.get(f"{open_sandbox.base_url}/info", timeout=WAIT_S).status_code == 200
        wrong = {"Authorization": "Bearer not-a-key"}
        assert httpx.get(f"{open_sandbox.base_url}/info", headers=wrong, timeout=WAIT_S).is_success
