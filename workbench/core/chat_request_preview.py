"""The exact wire body and URL the next chat request would post, as its flavour builds them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.api import chat_request_body
from workbench.api.urls import build_url, parse_pasted_url

if TYPE_CHECKING:
    from workbench.api.models import ChatRequest
    from workbench.core.endpoints import EndpointConfig


@dataclass(frozen=True)
class RequestPreview:
    """What Send would post: where to, and the body."""

    url: str
    body: dict[str, Any]

    def body_text(self) -> str:
        """The body pretty-printed, as shown and copied."""
        return json.dumps(self.body, indent=2, ensure_ascii=False)


def chat_url(endpoint: EndpointConfig) -> str:
    """The final chat URL, as `WorkbenchClient.url_for("chat")` builds it (no client needed).

    Raises:
        InputError: when the endpoint's URL is not http(s).
    """
    pasted = parse_pasted_url(endpoint.base_url)
    version = endpoint.api_version or pasted.api_version
    return build_url(pasted.base_url, endpoint.flavour, "chat", version)


def preview_request(
    endpoint: EndpointConfig, request: ChatRequest, *, stream: bool = True
) -> RequestPreview:
    """The body the client would send for this request on this endpoint (the chat pane streams).

    Raises:
        InputError: what the codec refuses (a parameter the flavour lacks, a missing model…).
    """
    body = chat_request_body(endpoint.flavour, request, endpoint.model, stream=stream)
    return RequestPreview(chat_url(endpoint), body)
