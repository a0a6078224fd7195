"""The redactor: whole secrets, 8-character fragments, URL passwords, secret header names, and a
stream written a character at a time."""

from __future__ import annotations

import io
import json
import logging
import secrets
from typing import TYPE_CHECKING

import pytest

from workbench.api.errors import AuthError, InputError
from workbench.api.keys import check_key
from workbench.api.redact import (
    FRAGMENT,
    REDACTED,
    forget_secrets,
    is_secret_header,
    redact_headers,
    redact_text,
    redact_value,
    redacted_ranges,
    register_secret,
)
from workbench.api.redact_logs import RedactingFilter
from workbench.api.redact_stream import RedactingWriter

if TYPE_CHECKING:
    from collections.abc import Iterator

SECRET = "sk-" + secrets.token_hex(16)


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()


def test_a_registered_secret_and_its_fragments_are_masked() -> None:
    register_secret(SECRET)
    assert redact_text(f"key {SECRET} end") == f"key {REDACTED} end"
    fragment = SECRET[5 : 5 + FRAGMENT]
    assert redact_text(f"ends in ...{fragment}...") == f"ends in ...{REDACTED}..."
    short = SECRET[5 : 5 + FRAGMENT - 1]  # 7 characters: too short to tell from chance
    assert redact_text(short) == short


def test_nothing_registered_leaves_text_alone_but_masks_header_values() -> None:
    assert redact_text("hello world") == "hello world"
    for line in (
        f"Authorization: Bearer {SECRET}",
        f"'x-api-key': '{SECRET}'",
        f"X-API-KEY={SECRET}",
        f'"Ocp-Apim-Subscription-Key": "{SECRET}"',
        f"http://user:{SECRET}@proxy:8080",
    ):
        assert SECRET not in redact_text(line), line


@pytest.mark.parametrize(
    ("url", "password"),
    [
        ("http://user:p@ss-word@proxy:8080/x", "p@ss-word"),  # "@" in the password
        ("https://me@example.org:hunter2@host/", "hunter2"),  # "@" in the user name
        ('{"proxy": "http://u:pw@proxy:8080", "email": "a@b.example"}', "pw"),
        ('http://u:pa"ss@h/', 'pa"ss'),
    ],
)
def test_a_url_password_is_masked_whole_even_holding_an_at_sign(url: str, password: str) -> None:
    """The client reads user info up to the URL's last "@" before its host: so must the mask."""
    shown = redact_text(url)
    assert password not in shown, shown
    assert password.rpartition("@")[2] not in shown, shown
    assert shown == url.replace(f":{password}@", f":{REDACTED}@", 1)
    start = url.index(password)
    assert (start, start + len(password)) in redacted_ranges(url)


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("Ocp-Apim-Subscription-Key", True),
        ("x-api-key", True),
        ("X-Auth-Token", True),
        ("Cookie", True),
        ("X-Client-Name", False),
        ("x-sandbox-fault", False),
        # Counts a 429 is explained by, though "token" is in the name (the wire-format reference).
        ("x-ratelimit-remaining-tokens", False),
        ("X-RateLimit-Limit-Tokens", False),
        ("ratelimit-remaining-tokens", False),
        ("x-api-key-ratelimit-remaining", True),
    ],
)
def test_secret_header_names(name: str, secret: bool) -> None:
    assert is_secret_header(name) is secret


def test_rate_limit_counts_are_shown_but_a_secret_in_one_is_not() -> None:
    register_secret(SECRET)
    shown = redact_headers(
        {"x-ratelimit-remaining-tokens": "199000", "x-ratelimit-remaining-requests": SECRET},
        stored=True,
    )
    assert shown == {
        "x-ratelimit-remaining-tokens": "199000",
        "x-ratelimit-remaining-requests": REDACTED,
    }


def test_json_values_are_redacted_inside_strings() -> None:
    register_secret('ab"cdefghijkl')  # a quote would be escaped in JSON text: redact the value
    obj = {"error": 'you sent ab"cdefghijkl', "n": 3, "list": ['x ab"cdefghijkl']}
    text = json.dumps(redact_value(obj))
    assert "cdefghij" not in text
    assert json.loads(text)["n"] == 3


def test_writer_masks_a_secret_written_one_character_at_a_time() -> None:
    register_secret(SECRET)
    out = io.StringIO()
    writer = RedactingWriter(out)
    for char in f"Your key: {SECRET}, again {SECRET[:12]}!\n":
        writer.write(char)
        writer.flush()
    writer.close_pending()
    assert out.getvalue() == f"Your key: {REDACTED}, again {REDACTED}!\n"


def test_writer_passes_ordinary_text_through() -> None:
    register_secret(SECRET)
    out = io.StringIO()
    writer = RedactingWriter(out)
    writer.write("plain text with no secret\n")
    writer.close_pending()
    assert out.getvalue() == "plain text with no secret\n"


def test_errors_are_redacted_where_they_are_made() -> None:
    register_secret(SECRET)
    error = AuthError(f"invalid subscription key '{SECRET}'", status=401, request_id=SECRET)
    assert SECRET not in str(error)
    assert SECRET not in error.server_message
    assert SECRET not in repr(error)


def test_log_records_and_their_tracebacks_are_redacted() -> None:
    register_secret(SECRET)
    try:
        raise ValueError(f"boom {SECRET}")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, "f", 1, "saw %s", (SECRET,), None)
        import sys

        record.exc_info = sys.exc_info()
    RedactingFilter().filter(record)
    assert SECRET not in record.getMessage()
    assert SECRET not in (record.exc_text or "")


def test_check_key_trims_and_refuses_without_showing_the_key() -> None:
    assert check_key(f"  {SECRET}\r\n") == check_key(SECRET).__class__(SECRET, trimmed=True)
    assert not check_key(SECRET).trimmed
    for bad in ("\x00", "\x7f", "é", "\u2028", "\n"):
        with pytest.raises(InputError) as caught:
            check_key(SECRET[:10] + bad + SECRET[10:])
        assert SECRET[:FRAGMENT] not in str(caught.value)
        assert "Unusable API key" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "AUTHOR\u0131ZATION: Basic qqq",  # dotless i: re's IGNORECASE takes it for an i
        "ocp-apim-\u017fubscription-key: v",  # long s
        "api-\u212aey=v",  # Kelvin sign
        '{"headers": {"X-Api-Key": "v"}} at https://u:pw@host/',
    ],
)
def test_letters_case_folding_treats_as_ascii_still_name_a_secret_header(text: str) -> None:
    assert redact_text(text).count("[redacted]") >= 1
