"""Entra ID defaults the endpoint form shows, apart from the sign-in code (which needs httpx)."""

from __future__ import annotations

DEFAULT_SCOPE = "https://ai.azure.com/.default"
"""Azure AI Foundry's scope; Azure OpenAI and older Cognitive Services resources also accept
`https://cognitiveservices.azure.com/.default`."""
DEFAULT_TOKEN_COMMAND = "az account get-access-token --scope {scope} --output json"
"""The Azure CLI's own command; `{scope}` and `{resource}` are filled in before it runs."""
