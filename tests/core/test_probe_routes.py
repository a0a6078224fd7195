"""Test connection says which candidate routes exist, asking the sandbox over loopback."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from workbench.api.client import WorkbenchClient
from workbench.api.models import Connection, Flavour
from workbench.core.probe import probe
from workbench.core.probe_routes import candidate_routes, survey_routes

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox


def _client(sandbox: RunningSandbox, url: str, flavour: Flavour) -> WorkbenchClient:
    return WorkbenchClient(
        Connection(base_url=url, flavour=flavour, model="m", api_key=sandbox.key)
    )


def test_candidates_follow_the_azure_prefix() -> None:
    assert candidate_routes("https://r.services.ai.azure.com/openai/v1") == ("/chat/completions",)
    assert candidate_routes("https://r.services.ai.azure.com/models") == (
        "/chat/completions",
        "/info",
    )
    assert "/v2/rerank" in candidate_routes("https://r.services.ai.azure.com/providers/cohere")
    assert "/providers/cohere/v2/rerank" in candidate_routes("https://r.services.ai.azure.com")
    assert "/providers/cohere/v2/rerank" not in candidate_routes("https://x.models.ai.azure.com")


def test_survey_marks_existing_and_missing_routes(sandbox: RunningSandbox) -> None:
    async def go() -> dict[str, bool]:
        url = sandbox.base_url + "/providers/cohere/v2/rerank"
        async with _client(sandbox, url, Flavour.COHERE_V2) as client:
            return {c.route: c.exists for c in await survey_routes(client)}

    found = asyncio.run(go())
    # The sandbox serves provider-prefixed rerank only, as Foundry is known to.
    assert found == {"/v2/rerank": True, "/v1/rerank": False, "/v2/chat": False}


def test_probe_report_lists_the_routes(sandbox: RunningSandbox) -> None:
    async def go() -> str:
        url = sandbox.base_url + "/openai/v1/chat/completions"
        async with _client(sandbox, url, Flavour.OPENAI) as client:
            return (await probe(client)).text()

    text = asyncio.run(go())
    assert text.startswith("✔ Connected")
    assert "Routes: /chat/completions ✔" in text
