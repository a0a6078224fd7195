"""Wire layer: typed models, the error tree and an async client for Cohere and compatible endpoints.

The names below load on first use (PEP 562), so importing one light module of the wire layer
(say `workbench.api.redact`) does not import httpx and every flavour: the window shows sooner
(issue 15). The public surface is the same (`__all__`, pinned by tests/api/test_exports.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.api.client import EndpointInfo, WorkbenchClient
    from workbench.api.errors import (
        ApiError,
        AuthError,
        BadRequest,
        Cancelled,
        ConnectError,
        ConnectTimeout,
        InputError,
        NotFound,
        ProtocolError,
        RateLimited,
        RequestTimeout,
        ServerError,
        SignInError,
        StatusError,
        Unprocessable,
        WorkbenchError,
    )
    from workbench.api.events import (
        CitationsAdded,
        SearchQueriesGenerated,
        SearchResultsReceived,
        StreamEnded,
        StreamEvent,
        StreamFailed,
        StreamStarted,
        TextDelta,
        ThinkingDelta,
        ToolCallCompleted,
        ToolCallDelta,
        ToolCallStarted,
        ToolPlanDelta,
        UnknownEvent,
        UsageReported,
    )
    from workbench.api.flavours import (
        chat_request_body,
        flavour_traits,
        ranked_document_text,
        rerank_request_body,
    )
    from workbench.api.flavours.traits import FlavourTraits, ParamTrait, RerankTraits, Routes
    from workbench.api.models import (
        AuthScheme,
        ChatMessage,
        ChatRequest,
        Citation,
        Connection,
        Document,
        Flavour,
        GenerationParams,
        ImagePart,
        RerankHit,
        RerankRequest,
        RerankResponse,
        ResponseFormat,
        ThinkingOption,
        ToolCall,
        ToolResult,
        ToolSpec,
        Usage,
    )
    from workbench.api.redact import RedactingFilter, install_log_redaction
    from workbench.api.stream import ChatSnapshot, ToolCallState, accumulate
    from workbench.api.tools import tool_from_json
    from workbench.api.urls import infer_flavour, normalise_base_url, parse_pasted_url

_HOMES: dict[str, str] = {
    "ApiError": "workbench.api.errors",
    "AuthError": "workbench.api.errors",
    "AuthScheme": "workbench.api.models",
    "BadRequest": "workbench.api.errors",
    "Cancelled": "workbench.api.errors",
    "ChatMessage": "workbench.api.models",
    "ChatRequest": "workbench.api.models",
    "ChatSnapshot": "workbench.api.stream",
    "Citation": "workbench.api.models",
    "CitationsAdded": "workbench.api.events",
    "ConnectError": "workbench.api.errors",
    "ConnectTimeout": "workbench.api.errors",
    "Connection": "workbench.api.models",
    "Document": "workbench.api.models",
    "EndpointInfo": "workbench.api.client",
    "Flavour": "workbench.api.models",
    "FlavourTraits": "workbench.api.flavours.traits",
    "GenerationParams": "workbench.api.models",
    "ImagePart": "workbench.api.models",
    "InputError": "workbench.api.errors",
    "NotFound": "workbench.api.errors",
    "ParamTrait": "workbench.api.flavours.traits",
    "ProtocolError": "workbench.api.errors",
    "RateLimited": "workbench.api.errors",
    "RedactingFilter": "workbench.api.redact",
    "RequestTimeout": "workbench.api.errors",
    "RerankHit": "workbench.api.models",
    "RerankRequest": "workbench.api.models",
    "RerankResponse": "workbench.api.models",
    "RerankTraits": "workbench.api.flavours.traits",
    "ResponseFormat": "workbench.api.models",
    "Routes": "workbench.api.flavours.traits",
    "SearchQueriesGenerated": "workbench.api.events",
    "SearchResultsReceived": "workbench.api.events",
    "ServerError": "workbench.api.errors",
    "SignInError": "workbench.api.errors",
    "StatusError": "workbench.api.errors",
    "StreamEnded": "workbench.api.events",
    "StreamEvent": "workbench.api.events",
    "StreamFailed": "workbench.api.events",
    "StreamStarted": "workbench.api.events",
    "TextDelta": "workbench.api.events",
    "ThinkingDelta": "workbench.api.events",
    "ThinkingOption": "workbench.api.models",
    "ToolCall": "workbench.api.models",
    "ToolCallCompleted": "workbench.api.events",
    "ToolCallDelta": "workbench.api.events",
    "ToolCallStarted": "workbench.api.events",
    "ToolCallState": "workbench.api.stream",
    "ToolPlanDelta": "workbench.api.events",
    "ToolResult": "workbench.api.models",
    "ToolSpec": "workbench.api.models",
    "UnknownEvent": "workbench.api.events",
    "Unprocessable": "workbench.api.errors",
    "Usage": "workbench.api.models",
    "UsageReported": "workbench.api.events",
    "WorkbenchClient": "workbench.api.client",
    "WorkbenchError": "workbench.api.errors",
    "accumulate": "workbench.api.stream",
    "chat_request_body": "workbench.api.flavours",
    "flavour_traits": "workbench.api.flavours",
    "infer_flavour": "workbench.api.urls",
    "install_log_redaction": "workbench.api.redact",
    "normalise_base_url": "workbench.api.urls",
    "parse_pasted_url": "workbench.api.urls",
    "ranked_document_text": "workbench.api.flavours",
    "rerank_request_body": "workbench.api.flavours",
    "tool_from_json": "workbench.api.tools",
}
"""Each public name and the module it lives in."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "ApiError",
    "AuthError",
    "AuthScheme",
    "BadRequest",
    "Cancelled",
    "ChatMessage",
    "ChatRequest",
    "ChatSnapshot",
    "Citation",
    "CitationsAdded",
    "ConnectError",
    "ConnectTimeout",
    "Connection",
    "Document",
    "EndpointInfo",
    "Flavour",
    "FlavourTraits",
    "GenerationParams",
    "ImagePart",
    "InputError",
    "NotFound",
    "ParamTrait",
    "ProtocolError",
    "RateLimited",
    "RedactingFilter",
    "RequestTimeout",
    "RerankHit",
    "RerankRequest",
    "RerankResponse",
    "RerankTraits",
    "ResponseFormat",
    "Routes",
    "SearchQueriesGenerated",
    "SearchResultsReceived",
    "ServerError",
    "SignInError",
    "StatusError",
    "StreamEnded",
    "StreamEvent",
    "StreamFailed",
    "StreamStarted",
    "TextDelta",
    "ThinkingDelta",
    "ThinkingOption",
    "ToolCall",
    "ToolCallCompleted",
    "ToolCallDelta",
    "ToolCallStarted",
    "ToolCallState",
    "ToolPlanDelta",
    "ToolResult",
    "ToolSpec",
    "UnknownEvent",
    "Unprocessable",
    "Usage",
    "UsageReported",
    "WorkbenchClient",
    "WorkbenchError",
    "accumulate",
    "chat_request_body",
    "flavour_traits",
    "infer_flavour",
    "install_log_redaction",
    "normalise_base_url",
    "parse_pasted_url",
    "ranked_document_text",
    "rerank_request_body",
    "tool_from_json",
]
