"""The key-header pattern alone masks header values: checked with secrets never registered, so the
registry of known keys cannot hide a pattern that lost a header name or its case-insensitivity."""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

import pytest

from workbench.api.redact import REDACTED, redact_headers, redact_text
from workbench.api.redact_logs import RedactingFilter

if TYPE_CHECKING:
    from collections.abc import Callable

HEADER_NAMES = ["x-api-key", "api-key", "authorization", "proxy-authorization"]
SPELLINGS = [str.lower, str.upper, str.title]


def _unregistered() -> str:
    value = "unregistered-" + secrets.token_hex(8)
    assert redact_text(value) == value  # only the pattern can mask it below
    return value


@pytest.mark.parametrize("spell", SPELLINGS, ids=["lower", "upper", "title"])
@pytest.mark.parametrize("name", HEADER_NAMES)
@pytest.mark.parametrize(
    "shape",
    [
        "{name}: {value}",
        "{name}={value}",
        "'{name}': '{value}'",
        '{{"{name}": "{value}"}}',
        "headers {{'{name}': '{value}', 'accept': '*/*'}}",
    ],
)
def test_header_values_are_masked_in_every_case_and_shape(
    name: str, spell: Callable[[str], str], shape: str
) -> None:
    value = _unregistered()
    header = spell(name)
    line = shape.format(name=header, value=value)
    redacted = redact_text(line)
    assert value not in redacted
    assert header in redacted  # what was masked stays readable
    assert REDACTED in redacted


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BASIC", "Basic"])
@pytest.mark.parametrize("name", ["Authorization", "authorization", "Proxy-Authorization"])
def test_authorization_schemes_keep_the_scheme_and_lose_the_token(name: str, scheme: str) -> None:
    value = _unregistered()
    redacted = redact_text(f"{name}: {scheme} {value}")
    assert value not in redacted
    assert f"{scheme} {REDACTED}" in redacted


@pytest.mark.parametrize(
    "name", ["x-api-key", "X-API-Key", "X-API-KEY", "Api-Key", "AUTHORIZATION"]
)
def test_header_maps_are_masked_whatever_the_case_of_the_name(name: str) -> None:
    value = _unregistered()
    shown = redact_headers({name: value, "Accept": "application/json"})
    assert shown == {name: REDACTED, "Accept": "application/json"}


def test_log_records_lose_an_unregistered_x_api_key() -> None:
    value = _unregistered()
    record = logging.LogRecord(
        "t", logging.INFO, __file__, 1, "sent %s", ("X-Api-Key: " + value,), None
    )
    RedactingFilter().filter(record)
    assert value not in record.getMessage()


def test_other_headers_are_left_alone() -> None:
    value = _unregistered()
    for line in (f"x-request-id: {value}", f"content-type: {value}", f"accept: {value}"):
        assert redact_text(line) == line
