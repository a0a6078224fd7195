"""Redacting JSON text never leaves text that no longer parses (a history file or a stored run
that cannot be read back loses everything in it), and masks everything it masked before."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import HEX_KEY_WITH_DIGITS
from workbench.api.redact import (
    FRAGMENT,
    REDACTED,
    forget_secrets,
    redact_json,
    redact_secrets,
    redact_text,
    register_secret,
)
from workbench.api.redact_hosts import forget_hosts, register_host, set_demo_mode
from workbench.api.redact_stream import RedactingWriter

if TYPE_CHECKING:
    from collections.abc import Iterator

KEY = HEX_KEY_WITH_DIGITS
DIGITS = KEY[4:12]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    forget_secrets()
    forget_hosts()
    yield
    forget_secrets()
    forget_hosts()
    set_demo_mode(False)


def test_a_number_holding_8_digits_of_a_key_stays_a_number_and_the_key_is_masked() -> None:
    register_secret(KEY)
    document = {"latency_ms": float(f"0.{DIGITS}5"), "seed": int(DIGITS), "echo": f"key {KEY}"}
    text = json.dumps(document)
    assert not _parses(redact_text(text))  # what the history file used to get

    masked = redact_json(text)

    assert json.loads(masked) == {**document, "echo": f"key {REDACTED}"}
    assert masked == json.dumps(json.loads(masked), separators=(",", ":"), ensure_ascii=False)


def test_a_key_written_in_json_escapes_is_masked() -> None:
    """A server echoing the key as \\uXXXX escapes: the text never shows the key, so it went
    to the run history, the inspector and exports as the server wrote it."""
    register_secret(KEY)
    escaped = "".join(f"\\u{ord(c):04x}" for c in KEY)
    text = '{"message": "bad key ' + escaped + '", "n": 1}'
    assert json.loads(text)["message"] == f"bad key {KEY}"
    masked = redact_json(text, redact_secrets)
    assert json.loads(masked) == {"message": f"bad key {REDACTED}", "n": 1}
    plain = '{"message": "caf\\u00e9, no key here"}'
    assert redact_json(plain, redact_secrets) == plain  # left as it came when nothing is masked


def test_an_escape_cut_in_half_is_masked_string_by_string() -> None:
    """The text `\\n` + 7 characters of a key, where the key has an `n` before them: masking
    the window would take the escape's letter and leave `\\[redacted]`."""
    key = "zzzzn" + "Qw7Xk2L" + "zzzz"
    register_secret(key)
    text = json.dumps({"message": "line one\nQw7Xk2L and on"}, indent=2) + "\n"
    assert not _parses(redact_text(text))

    masked = redact_json(text, indent=2)

    assert json.loads(masked) == {"message": "line one\nQw7Xk2L and on"}  # no 8 of the key
    assert masked.endswith("}\n")
    assert masked.startswith('{\n  "message": ')


def test_strings_and_keys_are_still_masked_when_redone_value_by_value() -> None:
    register_secret(KEY)
    text = json.dumps({KEY: [1.5, {"deep": f"Bearer {KEY}", "n": int(DIGITS)}]})

    value = json.loads(redact_json(text))

    assert value == {REDACTED: [1.5, {"deep": f"Bearer {REDACTED}", "n": int(DIGITS)}]}


def test_a_short_secret_that_is_a_key_name_is_masked_in_values_only() -> None:
    """A proxy password "query": masked as text, the stored run's keys were gone with it."""
    register_secret("query")
    document = {"query": "query expansion", "documents": [{"query": 1, "n": int(DIGITS)}]}
    text = json.dumps(document, indent=2)
    assert '"query"' not in redact_text(text)  # what a stored run used to get

    masked = redact_json(text, indent=2)

    assert json.loads(masked) == {
        "query": f"{REDACTED} expansion",
        "documents": [{"query": 1, "n": int(DIGITS)}],
    }


def test_a_key_keeps_only_a_short_secret_and_never_8_characters_of_one() -> None:
    register_secret("user")
    register_secret(KEY)
    text = json.dumps({"user": 1, f"user {KEY}": "user"})

    assert json.loads(redact_json(text)) == {"user": 1, f"user {REDACTED}": REDACTED}


def test_a_secret_header_value_is_masked_when_redone_value_by_value() -> None:
    """Redone string by string, the header pattern still reads a key and its value together."""
    register_secret("text")
    text = json.dumps({"text": "x", "headers": {"Authorization": "Bearer not-registered"}})

    value = json.loads(redact_json(text))

    assert value == {"text": "x", "headers": {"Authorization": f"Bearer {REDACTED}"}}


def test_what_parses_after_masking_is_exactly_the_text_masked() -> None:
    register_secret(KEY)
    text = json.dumps({"a": KEY, "authorization": "Bearer abc"}, indent=4)
    assert redact_json(text) == redact_text(text)


def test_text_that_was_not_json_is_masked_as_text() -> None:
    register_secret(KEY)
    for text in (f"data: {{oops {KEY}", f"[{DIGITS}7", "[" * 100_000 + KEY):
        assert redact_json(text) == redact_text(text)


def test_the_stored_mask_keeps_hosts_even_in_demo_mode() -> None:
    register_secret(KEY)
    register_host("https://my-deployment.eastus.models.ai.azure.com")
    set_demo_mode(True)
    text = json.dumps({"url": "https://my-deployment.eastus.models.ai.azure.com", "n": int(DIGITS)})

    stored = json.loads(redact_json(text, redact_secrets))
    shown = json.loads(redact_json(text))

    assert stored["url"] == "https://my-deployment.eastus.models.ai.azure.com"
    assert shown["url"] == "https://host.invalid"
    assert stored["n"] == shown["n"] == int(DIGITS)


def test_the_writer_passes_json_on_as_json_after_what_it_held_back() -> None:
    register_secret(KEY)
    sink = io.StringIO()
    writer = RedactingWriter(sink)
    writer.write("key: " + KEY[:6])  # could be a key's start: held back
    writer.write(KEY[6:] + "\n")
    writer.write_json(json.dumps({"score": float(f"0.{DIGITS}5")}) + "\n")
    writer.close_pending()
    head, line = sink.getvalue().splitlines()
    assert head == f"key: {REDACTED}"
    assert json.loads(line) == {"score": float(f"0.{DIGITS}5")}


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
# Any characters but NUL, which stands in for each mask when looking for what is left.
secret_values = st.text(min_size=4, max_size=14).filter(lambda s: "\0" not in s) | st.sampled_from(
    [KEY, DIGITS * 2, 'pa"ss\\wörd', "Qw7Xk2Lp\n"]
)


@settings(max_examples=400, deadline=None)
@given(value=json_values, secret=secret_values, indent=st.sampled_from([None, 2]))
def test_any_document_stays_json_and_no_string_keeps_a_secret(
    value: Any, secret: str, indent: int | None
) -> None:
    register_secret(secret)
    try:
        text = json.dumps(value, indent=indent, ensure_ascii=indent is None)
        once = redact_text(text)

        masked = redact_json(text, indent=indent)

        short = [f for f in {secret, secret.strip()} if 4 <= len(f) < FRAGMENT]
        in_keys = any(f in k for k in _keys(value) for f in short)
        clean = _parses(once) and all(redact_text(s) == s for s in _strings(json.loads(once)))
        if clean and not in_keys:
            assert masked == once
        parsed = json.loads(masked)
        assert not any(_holds_secret(s, secret) for s in _strings(parsed, keys=False))
        assert not any(_holds_secret(k, secret, whole=False) for k in _keys(parsed))
    finally:
        forget_secrets()


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _strings(value: Any, *, keys: bool = True) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if keys:
                yield k
            yield from _strings(v, keys=keys)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, keys=keys)


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        yield from value
        for v in value.values():
            yield from _keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from _keys(v)


def _holds_secret(text: str, secret: str, *, whole: bool = True) -> bool:
    """Whether `text` still holds 8 characters of `secret` outside the masks, or (`whole`)
    the secret itself, however short."""
    text = text.replace(REDACTED, "\0")
    forms = {secret, secret.strip()}
    if whole and any(len(f) >= 4 and f in text for f in forms):
        return True
    return any(
        form[i : i + FRAGMENT] in text for form in forms for i in range(len(form) - FRAGMENT + 1)
    )
