"""The redactor on logging: a filter that masks every record's message and traceback."""

from __future__ import annotations

import logging

from workbench.api.redact import redact_text


class RedactingFilter(logging.Filter):
    """A logging filter that redacts keys from the formatted message of every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message (and its traceback text) in place; never drops one."""
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact_text(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact_text(record.exc_text)
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
