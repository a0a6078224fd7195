"""The public surface of workbench.api is curated: this pins it."""

from __future__ import annotations

import workbench.api as api


def test_all_names_exist_and_are_sorted() -> None:
    assert api.__all__ == sorted(api.__all__)
    for name in api.__all__:
        assert hasattr(api, name), name


def test_pinned_interface_is_exported() -> None:
    pinned = {
        "WorkbenchClient", "EndpointInfo", "normalise_base_url", "tool_from_json", "ChatSnapshot",
        "ToolCallState", "accumulate", "StreamEvent", "WorkbenchError", "InputError", "ApiError",
        "ConnectError", "ConnectTimeout", "RequestTimeout", "StatusError", "BadRequest", "AuthError",
        "NotFound", "Unprocessable", "RateLimited", "ServerError", "ProtocolError", "Connection",
        "Flavour", "AuthScheme", "RerankRequest", "RerankResponse", "ChatRequest", "Citation", "SignInError",
        "flavour_traits", "FlavourTraits", "RerankTraits", "ParamTrait", "Routes",
        "chat_request_body", "rerank_request_body",
    }  # fmt: skip
    assert pinned <= set(api.__all__)
