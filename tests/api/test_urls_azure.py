"""Pasted Azure and Foundry URLs: each route shape keeps its base, flavour, api-version and family."""

from __future__ import annotations

import pytest

from workbench.api.models import Flavour
from workbench.api.urls import build_url, infer_flavour, parse_pasted_url

FOUNDRY = "https://acme.services.ai.azure.com"


@pytest.mark.parametrize(
    ("pasted", "base", "flavour", "version", "family"),
    [
        (
            f"{FOUNDRY}/models/chat/completions?api-version=2024-05-01-preview",
            f"{FOUNDRY}/models",
            Flavour.OPENAI,
            "2024-05-01-preview",
            "Azure AI model inference",
        ),
        (
            "https://acme.openai.azure.com/openai/v1/chat/completions",
            "https://acme.openai.azure.com/openai/v1",
            Flavour.OPENAI,
            None,
            "Azure OpenAI v1 API (no api-version)",
        ),
        (
            f"{FOUNDRY}/openai/v1/",
            f"{FOUNDRY}/openai/v1",
            Flavour.OPENAI,
            None,
            "Azure OpenAI v1 API (no api-version)",
        ),
        (
            f"{FOUNDRY}/providers/cohere/v2/rerank",
            f"{FOUNDRY}/providers/cohere",
            Flavour.COHERE_V2,
            None,
            "Azure AI Foundry, Cohere provider route",
        ),
        (
            "https://acme-rerank.eastus2.models.ai.azure.com/v1/rerank",
            "https://acme-rerank.eastus2.models.ai.azure.com",
            Flavour.COHERE_V1,
            None,
            "Azure serverless deployment",
        ),
        (
            "https://acme-cmd.swedencentral.models.ai.azure.com/v2/chat",
            "https://acme-cmd.swedencentral.models.ai.azure.com",
            Flavour.COHERE_V2,
            None,
            "Azure serverless deployment",
        ),
        (
            "https://acme-rerank.eastus2.models.ai.azure.com/v2/rerank",
            "https://acme-rerank.eastus2.models.ai.azure.com",
            Flavour.COHERE_V2,
            None,
            "Azure serverless deployment",
        ),
        (
            "https://acme-cmd.eastus2.models.ai.azure.com/v1/chat",
            "https://acme-cmd.eastus2.models.ai.azure.com",
            Flavour.COHERE_V1,
            None,
            "Azure serverless deployment",
        ),
        (
            "https://acme.openai.azure.com/openai/deployments/cmd/chat/completions?api-version=2024-10-21",
            "https://acme.openai.azure.com/openai/deployments/cmd",
            Flavour.OPENAI,
            "2024-10-21",
            "Azure OpenAI deployment",
        ),
    ],
)
def test_azure_routes_are_recognised(
    pasted: str, base: str, flavour: Flavour, version: str | None, family: str
) -> None:
    parts = parse_pasted_url(pasted)
    assert (parts.base_url, parts.flavour, parts.api_version, parts.family) == (
        base,
        flavour,
        version,
        family,
    )
    assert infer_flavour(pasted) is flavour


def test_final_urls_rebuild_the_pasted_route() -> None:
    inference = parse_pasted_url(
        f"{FOUNDRY}/models/chat/completions?api-version=2024-05-01-preview"
    )
    assert build_url(inference.base_url, Flavour.OPENAI, "chat", inference.api_version) == (
        f"{FOUNDRY}/models/chat/completions?api-version=2024-05-01-preview"
    )
    provider = parse_pasted_url(f"{FOUNDRY}/providers/cohere/v2/rerank")
    assert build_url(provider.base_url, Flavour.COHERE_V2, "rerank", None) == (
        f"{FOUNDRY}/providers/cohere/v2/rerank"
    )


def test_openai_v1_never_sends_an_api_version() -> None:
    base = parse_pasted_url("https://acme.openai.azure.com/openai/v1/chat/completions").base_url
    url = build_url(base, Flavour.OPENAI, "chat", "2024-05-01-preview")
    assert url == "https://acme.openai.azure.com/openai/v1/chat/completions"
