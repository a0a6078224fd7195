"""The redactor for text that arrives in pieces: a stream written delta by delta, and the masked
ranges of an answer that grows at its end, each read without letting a secret out piece by piece.
"""

from __future__ import annotations

from typing import TextIO

from workbench.api.redact import (
    FRAGMENT,
    HEADER_NAMES,
    may_name_a_secret_header,
    merged_ranges,
    redact_json,
    redact_text,
    redacted_ranges,
    registered_secrets,
    secret_ranges,
)


def held_tail(text: str) -> int:
    """How many characters at the end of `text` could still be part of a secret that goes on.

    The whole run is held, however long: emitting its start and masking only what follows would
    let a secret streamed a character at a time out piece by piece.
    """
    secrets = registered_secrets()
    longest = max((len(s) for s in secrets), default=0)
    for size in range(min(longest, len(text)), 0, -1):
        tail = text[-size:]
        if any(tail in secret for secret in secrets):
            return size
    return 0


class RedactingWriter:
    """A text stream that redacts what is written to it before passing it on.

    Text written in small pieces (a streamed answer, delta by delta) could show a secret a few
    characters at a time, each piece too short to recognise. So the end of what was written is
    held back while it could still be part of a secret, until the next write or
    `close_pending()`.
    """

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner
        self._pending = ""

    def write(self, text: str) -> int:
        """Redact and pass on `text` (minus a tail that could still grow into a secret)."""
        whole = self._pending + text
        held = held_tail(whole)
        self._pending = whole[len(whole) - held :] if held else ""
        ready = whole[: len(whole) - held]
        if ready:
            self.inner.write(redact_text(ready))
        return len(text)

    def write_json(self, text: str) -> None:
        """Redact and pass on the text of one JSON document so that it stays JSON (a line of
        `--json` output a script parses): masked by `redact_json`, not as plain text, after
        what is held back."""
        if self._pending:
            self.inner.write(redact_text(self._pending))
            self._pending = ""
        self.inner.write(redact_json(text))

    def flush(self) -> None:
        """Flush the inner stream (what is held back stays held back)."""
        self.inner.flush()

    def close_pending(self) -> None:
        """Write what is held back (the output is finished) and flush."""
        if self._pending:
            self.inner.write(redact_text(self._pending))
            self._pending = ""
        self.inner.flush()


_LONGEST_HEADER_NAME = max(len(n) for n in HEADER_NAMES)


class GrowingRanges:
    """`redacted_ranges` of a text that grows at its end (a streamed answer), read incrementally.

    Every call returns exactly what `redacted_ranges(text)` returns. While no header name and no
    URL with credentials can be in the text, only registered secrets can be masked, and each of
    their matches is a few characters long: so a call reads only what was added (plus a few
    characters before it) instead of the whole answer at every render tick (issue 15). Otherwise
    (a header name or URL seen, secrets registered meanwhile, a text that does not continue the
    last one) it runs the full pass.
    """

    def __init__(self) -> None:
        self._text = ""
        self._secrets: set[str] = set()
        self._found: list[tuple[int, int]] = []
        """Masked ranges of registered secrets found so far (each scan's, merged per scan)."""
        self._url_parts = (False, False)
        """Whether "://" and "@" occur in the text."""
        self._header_name = False

    def ranges(self, text: str) -> list[tuple[int, int]]:
        """`redacted_ranges(text)`, reading only what `text` adds to the last text when it can."""
        if self._secrets != registered_secrets() or not text.startswith(self._text):
            self._start_over()
        old = len(self._text)
        self._text = text
        self._note_triggers(text, old)
        if self._header_name or all(self._url_parts):
            return redacted_ranges(text)
        low = max(0, old - FRAGMENT + 1)  # a match starting here may end in the new text
        self._found = [r for r in self._found if r[0] < low]
        self._found += [(s + low, e + low) for s, e in secret_ranges(text[low:])]
        return merged_ranges(self._found)

    def _start_over(self) -> None:
        self._text = ""
        self._secrets = set(registered_secrets())
        self._found = []
        self._url_parts = (False, False)
        self._header_name = False

    def _note_triggers(self, text: str, old: int) -> None:
        scheme, at = self._url_parts
        self._url_parts = (
            scheme or "://" in text[max(0, old - 2) :],
            at or "@" in text[old:],
        )
        if not self._header_name:
            self._header_name = may_name_a_secret_header(
                text[max(0, old - _LONGEST_HEADER_NAME + 1) :]
            )
