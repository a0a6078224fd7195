"""The chat routes of every flavour, including the aliases compatible servers use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.sandbox.wire_openai import chat_openai
from workbench.sandbox.wire_v1 import chat_v1
from workbench.sandbox.wire_v2 import chat_v2

if TYPE_CHECKING:
    from starlette.routing import Route

    from workbench.sandbox.server import Sandbox


def chat_routes(sandbox: Sandbox) -> list[Route]:
    """The chat routes of `sandbox`."""
    return [
        sandbox.route("/v1/chat", chat_v1),
        sandbox.route("/v2/chat", chat_v2),
        sandbox.route("/chat/completions", chat_openai),
        # Azure AI Foundry serves under /models; vLLM and llama.cpp under /v1.
        sandbox.route("/models/chat/completions", chat_openai),
        sandbox.route("/v1/chat/completions", chat_openai),
        # Azure OpenAI's versionless v1 API, on openai.azure.com and services.ai.azure.com.
        sandbox.route("/openai/v1/chat/completions", chat_openai),
    ]
