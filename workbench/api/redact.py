"""Key redaction for logs and reprs: header values and known keys never reach a log line."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

SENSITIVE_HEADERS = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization"})
"""Header names (lower case) whose values are secrets."""

REDACTED = "[redacted]"

# `Authorization: Bearer abc`, `'api-key': 'abc'`, `x-api-key=abc`: the name, a separator, the value.
_HEADER_VALUE = re.compile(
    r"(?i)\b((?:proxy-)?authorization|x-api-key|api-key)(['\"]?\s*[:=]\s*['\"]?)"
    r"(?!(?:(?:bearer|basic)\s+)?\[redacted\])((?:bearer|basic)\s+)?[^\s'\",}\]]+"
)  # a value already redacted is left alone, so redacting twice changes nothing
_known_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Remember a key so any log line that still contains it is redacted (belt and braces)."""
    if len(value) >= 4:
        _known_secrets.add(value)


def redact_text(text: str) -> str:
    """The text with sensitive header values and registered keys replaced."""
    text = _HEADER_VALUE.sub(
        lambda m: f"{m.group(1)}{m.group(2)}{m.group(3) or ''}{REDACTED}", text
    )
    for secret in _known_secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of the headers with secret values replaced, for display and logs."""
    return {k: REDACTED if k.lower() in SENSITIVE_HEADERS else v for k, v in headers.items()}


class RedactingFilter(logging.Filter):
    """A logging filter that redacts keys from the formatted message of every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message in place; never drops a record."""
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> RedactingFilter:
    """Attach a RedactingFilter to a logger and each of its handlers (the root logger by default).

    Filters on a logger see only records logged to it directly; filters on handlers see every
    record that reaches them, including those of child loggers such as `httpx` and `httpcore`.
    """
    target = logger or logging.getLogger()
    flt = RedactingFilter()
    target.addFilter(flt)
    for handler in target.handlers:
        handler.addFilter(flt)
    return flt
