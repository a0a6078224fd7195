"""Errors raised by the workbench: one tree, rooted in the lowest layer.

```
WorkbenchError                 expected failures: shown as notices, never as crashes
├── InputError                 bad user input; .where = "line 4, column 17" or "documents[2].text"
├── SignInError                no Microsoft Entra ID token (.reason: not-signed-in, wrong-tenant, ...)
└── ApiError                   anything that went wrong talking to an endpoint
    ├── ConnectError           DNS, refused, TLS
    │   └── ConnectTimeout
    ├── RequestTimeout         connected, but the answer (or the next stream chunk) did not come
    ├── StatusError            the server answered with an error status (.status, .request_id)
    │   ├── BadRequest         400
    │   ├── AuthError          401, 403, 498
    │   ├── NotFound           404
    │   ├── Unprocessable      422
    │   ├── RateLimited        429 (.retry_after, .remaining_requests, .remaining_tokens)
    │   ├── Cancelled          499
    │   └── ServerError        5xx
    └── ProtocolError          bad JSON, bad frame, truncated stream; .where = "byte N" / "event N"
```

Every error carries `title` (one line for people), `where`, `server_message` (the server's own text,
verbatim), `route`, `request_id` and `status`. Nothing here ever holds a key: errors are built from
response bodies and a few named headers, never from request headers; and a server that echoes
the key it received in its error body gets it masked here, where the message is made.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.api import jsontext
from workbench.api.redact import redact_text
from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import Mapping

    import httpx

_REQUEST_ID_HEADERS = ("x-request-id", "apim-request-id", "x-ms-request-id")
_MAX_RAW_BODY = 2000


class WorkbenchError(Exception):
    """Root of every expected failure; `str()` is one line for people."""

    default_title: ClassVar[str] = "Something went wrong"

    def __init__(
        self,
        server_message: str | Text = "",
        *,
        title: str | Text | None = None,
        where: str = "",
        route: str = "",
        request_id: str | None = None,
        status: int | None = None,
    ) -> None:
        # The workbench's own texts, kept whole so the GUI can show them translated (issue 18);
        # a server's text is a plain string and stays as it came.
        self.title_text = title if isinstance(title, Text) else None
        self.message_text = server_message if isinstance(server_message, Text) else None
        # Redacted where it is made: every notice, label, report and stderr line starts here.
        self.title = redact_text(str(title or self.default_title))
        self.where = redact_text(where)
        self.server_message = redact_text(str(server_message))
        self.route = route
        self.request_id = redact_text(request_id) if request_id else request_id
        self.status = status
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [self.title]
        if self.where:
            parts.append(f"at {self.where}")
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.route:
            parts.append(self.route)
        line = " · ".join(parts)
        if self.server_message:
            line += f": {self.server_message}"
        if self.request_id:
            line += f" (request id {self.request_id})"
        return redact_text(line)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(title={self.title!r}, where={self.where!r}, "
            f"status={self.status!r}, route={self.route!r}, request_id={self.request_id!r}, "
            f"server_message={self.server_message!r})"
        )


class InputError(WorkbenchError):
    """The person's input is wrong; `.where` says where."""

    default_title = "Invalid input"


class SignInError(WorkbenchError):
    """No Entra ID token could be had; `.where` names the credential, `.reason` the cause."""

    default_title = "Sign-in failed"

    def __init__(self, message: str | Text, *, reason: str, where: str = "") -> None:
        self.reason = reason
        """A short code: not-signed-in, wrong-tenant, wrong-scope, no-access, timeout, ..."""
        super().__init__(message, where=where)


class ApiError(WorkbenchError):
    """Talking to the endpoint failed."""

    default_title = "Request failed"


class ConnectError(ApiError):
    """The endpoint could not be reached (DNS, refused, TLS)."""

    default_title = "Could not connect"


class ConnectTimeout(ConnectError):
    """Connecting took longer than the connect timeout."""

    default_title = "Connection timed out"


class RequestTimeout(ApiError):
    """The answer, or the next piece of a stream, did not arrive in time."""

    default_title = "The server took too long to answer"


class ProtocolError(ApiError):
    """The answer is not what the route promises; `.where` names the byte or event."""

    default_title = "Unexpected answer from the server"


class StatusError(ApiError):
    """The server answered with an error status."""

    default_title = "The server refused the request"


class BadRequest(StatusError):
    """400: the server rejected the request's content."""

    default_title = "Bad request"


class AuthError(StatusError):
    """401/403/498: the key is missing, wrong or lacks permission."""

    default_title = "Authentication failed"


class NotFound(StatusError):
    """404: wrong URL or route for this flavour."""

    default_title = "Route not found (check the URL and flavour)"


class Unprocessable(StatusError):
    """422: a parameter the server does not accept."""

    default_title = "The server could not process a parameter"


class Cancelled(StatusError):
    """499: the request was cancelled."""

    default_title = "Request cancelled"


class ServerError(StatusError):
    """5xx: the server failed."""

    default_title = "Server error"


class RateLimited(StatusError):
    """429: too many requests or tokens; `.retry_after` is in seconds."""

    default_title = "Rate limited"

    retry_after: float | None = None
    remaining_requests: str | None = None
    remaining_tokens: str | None = None

    def __str__(self) -> str:
        line = super().__str__()
        if self.retry_after is not None:
            line += f"; retry after {self.retry_after:g} s"
        return line


_BY_STATUS: dict[int, type[StatusError]] = {
    400: BadRequest,
    401: AuthError,
    403: AuthError,
    404: NotFound,
    422: Unprocessable,
    429: RateLimited,
    498: AuthError,
    499: Cancelled,
}


def _shortened(text: str) -> str:
    """A raw body as a message: past `_MAX_RAW_BODY` characters cut, and said to be."""
    if len(text) <= _MAX_RAW_BODY:
        return text
    return f"{text[:_MAX_RAW_BODY]}… ({len(text) - _MAX_RAW_BODY:,} more characters)"


def server_message_from_body(body: bytes) -> tuple[str, str | None]:
    """The server's own message and the body's request id, from any known error shape.

    Args:
        body: the raw response body.

    Returns:
        `(message, id)`: the message verbatim (or the raw body, shortened, when no shape fits).
    """
    text = body.decode("utf-8", errors="replace").strip()
    try:
        data: Any = jsontext.loads(text, finite=False)
    except ValueError:
        return _shortened(text), None
    if not isinstance(data, dict):
        return _shortened(text), None
    body_id = data.get("id") if isinstance(data.get("id"), str) else None
    nested = data.get("error")
    if isinstance(nested, dict) and isinstance(nested.get("message"), str):
        code = nested.get("code")
        prefix = f"{code}: " if isinstance(code, str) and code else ""
        return prefix + nested["message"], body_id
    if isinstance(nested, str):
        return nested, body_id
    message = data.get("message") or data.get("detail")
    if isinstance(message, str):
        code = data.get("code")
        prefix = f"{code}: " if isinstance(code, str) and code else ""
        return prefix + message, body_id
    return _shortened(text), body_id


def request_id_from_headers(headers: httpx.Headers) -> str | None:
    """The first request id header present, or None."""
    for name in _REQUEST_ID_HEADERS:
        value = headers.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """A 429's `Retry-After` in seconds, or None when absent or not a number of seconds (an
    HTTP date, a negative number, NaN or infinity)."""
    value = headers.get("retry-after")
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and math.isfinite(seconds) and seconds >= 0 else None


def status_error(response: httpx.Response, route: str) -> StatusError:
    """Build the StatusError subclass for an error response whose body was read.

    Args:
        response: the error response (body already read).
        route: the route as shown to people, e.g. "POST /v2/chat".

    Returns:
        The error, keeping the server's message verbatim.
    """
    status = response.status_code
    cls = _BY_STATUS.get(status, ServerError if status >= 500 else StatusError)
    message, body_id = server_message_from_body(response.content)
    error = cls(
        message,
        route=route,
        status=status,
        request_id=request_id_from_headers(response.headers) or body_id,
    )
    if isinstance(error, RateLimited):
        error.retry_after = retry_after_seconds(response.headers)
        error.remaining_requests = response.headers.get("x-ratelimit-remaining-requests")
        error.remaining_tokens = response.headers.get("x-ratelimit-remaining-tokens")
    return error
