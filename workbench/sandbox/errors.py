"""Sandbox HTTP errors and their bodies in each flavour's shape (Cohere or Azure/OpenAI)."""

from __future__ import annotations

from typing import Any, Literal

Flavour = Literal["cohere", "openai"]
"""Error-body family: Cohere routes answer `{"message"}`, the Azure/OpenAI routes `{"error": {...}}`
(as the gateway in front of them does; the inference service's own refusals bring their body)."""

_CODES: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    498: "Invalid Token",
    499: "Client Closed Request",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

_OPENAI_CODES: dict[int, str] = {
    400: "invalid_request_error",
    401: "invalid_api_key",
    403: "forbidden",
    404: "not_found",
    422: "invalid_request_error",
    429: "too_many_requests",
}


class SandboxHTTPError(Exception):
    """A request the sandbox refuses, with the status and the message a real service would give."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        param: str | None = None,
        headers: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.headers = dict(headers or {})
        self.body = body
        """The whole error body, where the service answers in a shape of its own (else the
        route's flavour shapes it: `error_body`)."""


def reason_phrase(status: int) -> str:
    """The HTTP reason phrase for `status` ("Error" for unusual codes)."""
    return _CODES.get(status, "Error")


def unsupported_parameter(name: str, value: Any) -> SandboxHTTPError:
    """Azure model inference refusing a parameter it does not know: its own flat body (the
    spec's example), not the gateway's nested `{"error": {...}}` that its 401 and 429 come in."""
    message = (
        f"extra parameter {name!r} is not allowed when 'extra-parameters' is not set or set to "
        "'error'; send 'extra-parameters: pass-through' or 'drop'"
    )
    body = {
        "status": 422,
        "code": "parameter_not_supported",
        "message": message,
        "detail": {"loc": ["body", name], "input": value},
    }
    return SandboxHTTPError(422, message, param=name, body=body)


def error_body(
    flavour: Flavour, status: int, message: str, param: str | None = None
) -> dict[str, Any]:
    """The JSON body a real service of `flavour` sends for an error.

    Args:
        flavour: "cohere" for `{"message"}` bodies, "openai" for `{"error": {"code", "message"}}`.
        status: the HTTP status.
        message: the human message, naming the field at fault.
        param: the offending field, when there is one (OpenAI-style bodies carry it).

    Returns:
        The body as a dict ready for JSON.
    """
    if flavour == "cohere":
        return {"message": message}
    code = _OPENAI_CODES.get(status, reason_phrase(status).replace(" ", ""))
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if param is not None:
        error["param"] = param
    return {"error": error}
