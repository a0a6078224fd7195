"""The error tree: status classes, server messages in every body shape, request ids, no keys."""

from __future__ import annotations

import logging

import httpx
import pytest
from pydantic import SecretStr

from workbench.api import errors
from workbench.api.client import WorkbenchClient
from workbench.api.models import AuthScheme, Connection
from workbench.api.redact import redact_headers, redact_text
from workbench.api.redact_logs import RedactingFilter

ROUTE = "POST /v2/chat"


def _error(
    status: int, body: bytes | str, headers: dict[str, str] | None = None
) -> errors.StatusError:
    content = body.encode() if isinstance(body, str) else body
    return errors.status_error(httpx.Response(status, content=content, headers=headers), ROUTE)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequest), (401, errors.AuthError), (403, errors.AuthError), (404, errors.NotFound),
        (422, errors.Unprocessable), (429, errors.RateLimited), (499, errors.Cancelled),
        (500, errors.ServerError), (503, errors.ServerError), (402, errors.StatusError),
    ],
)  # fmt: skip
def test_status_picks_the_class(status: int, cls: type[errors.StatusError]) -> None:
    error = _error(status, "{}")
    assert type(error) is cls
    assert (error.status, error.route) == (status, ROUTE)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"message": "invalid api token", "id": "b-1"}', "invalid api token"),
        ('{"status": 422, "code": "parameter_not_supported", "message": "k is not allowed", "detail": {"loc": ["body", "k"]}}',
         "parameter_not_supported: k is not allowed"),
        ('{"error": {"code": "429", "message": "Slow down"}}', "429: Slow down"),
        ("upstream connect error", "upstream connect error"),
        ('["odd"]', '["odd"]'),
    ],
)  # fmt: skip
def test_server_message_is_kept_verbatim_from_every_shape(body: str, message: str) -> None:
    assert _error(400, body).server_message == message


def test_request_id_from_headers_first_then_body() -> None:
    assert _error(500, '{"id": "body-id"}', {"apim-request-id": "apim-1"}).request_id == "apim-1"
    assert _error(500, '{"id": "body-id"}').request_id == "body-id"
    assert _error(500, "{}", {"x-ms-request-id": "ms-1"}).request_id == "ms-1"


def test_rate_limit_carries_retry_after_and_remaining_quota() -> None:
    headers = {
        "retry-after": "7",
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-remaining-tokens": "15",
    }
    error = _error(429, '{"message": "too many"}', headers)
    assert isinstance(error, errors.RateLimited)
    assert (error.retry_after, error.remaining_requests, error.remaining_tokens) == (7.0, "0", "15")
    assert str(error) == "Rate limited · HTTP 429 · POST /v2/chat: too many; retry after 7 s"


def test_str_is_one_human_line() -> None:
    error = _error(401, '{"message": "invalid api token"}', {"x-request-id": "abc"})
    assert (
        str(error)
        == "Authentication failed · HTTP 401 · POST /v2/chat: invalid api token (request id abc)"
    )
    assert "\n" not in str(error)
    where = errors.ProtocolError("malformed event", where="event 3 (byte 120)")
    assert (
        str(where) == "Unexpected answer from the server · at event 3 (byte 120): malformed event"
    )


def test_hierarchy() -> None:
    assert issubclass(errors.ConnectTimeout, errors.ConnectError)
    assert issubclass(errors.RateLimited, errors.StatusError)
    assert issubclass(errors.ProtocolError, errors.ApiError)
    assert issubclass(errors.InputError, errors.WorkbenchError)
    assert not issubclass(errors.InputError, errors.ApiError)


SECRET = "sk-very-secret-value-123"


def test_key_never_appears_in_connection_client_or_headers_reprs() -> None:
    connection = Connection(
        base_url="https://x.example", api_key=SecretStr(SECRET), auth=AuthScheme.API_KEY
    )
    client = WorkbenchClient(connection)
    for text in (str(connection), repr(connection), repr(client), str(client)):
        assert SECRET not in text
    assert redact_headers({"api-key": SECRET, "Accept": "x"}) == {
        "api-key": "[redacted]",
        "Accept": "x",
    }


@pytest.mark.parametrize(
    "line",
    [
        f"Authorization: Bearer {SECRET}",
        f"{{'api-key': '{SECRET}'}}",
        f"x-api-key={SECRET}",
        f"headers: {SECRET}",
    ],
)
def test_log_filter_redacts_header_values_and_known_keys(line: str) -> None:
    Connection(base_url="https://x.example", api_key=SecretStr(SECRET))
    WorkbenchClient(
        Connection(base_url="https://x.example", api_key=SecretStr(SECRET))
    )  # registers it
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "sent %s", (line,), None)
    RedactingFilter().filter(record)
    assert SECRET not in record.getMessage()
    assert SECRET not in redact_text(line)


def test_keys_in_extra_headers_and_proxy_credentials_are_masked_in_reprs() -> None:
    connection = Connection(
        base_url="https://x.example",
        extra_headers={"Authorization": f"Bearer {SECRET}", "x-sandbox-fault": "status=503"},
        proxy=f"http://user:{SECRET}@proxy.example:8080",
    )
    for text in (repr(connection), str(connection)):
        assert SECRET not in text
        assert "status=503" in text
        assert "proxy.example:8080" in text


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("7", 7.0), ("0.5", 0.5), ("-5", None), ("nan", None), ("1e400", None), ("inf", None),
     ("Wed, 21 Oct 2026 07:28:00 GMT", None)],
)  # fmt: skip
def test_retry_after_is_a_finite_count_of_seconds_or_nothing(
    value: str, seconds: float | None
) -> None:
    # A negative or endless wait from a server was handed on to whoever waits.
    assert errors.retry_after_seconds({"retry-after": value}) == seconds


def test_a_long_raw_error_body_is_cut_and_says_so() -> None:
    # It was cut at 2,000 characters with no sign that more had come.
    message, _ = errors.server_message_from_body(b"<html>" + b"x" * 5000)
    assert message.endswith("… (3,006 more characters)")
    assert message.startswith("<html>xx")
    assert errors.server_message_from_body(b"short body")[0] == "short body"
