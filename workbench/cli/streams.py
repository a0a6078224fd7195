"""Standard output and error that can fail: a closed pipe, a closed descriptor, a full disk.

Every write goes through a `GuardedStream`, which turns the failure into `OutputLost`; `main`
then ends the command with one line on stderr (or quietly, for a reader that went away) instead
of a traceback.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from typing import TextIO

EXIT_PIPE = 141
"""The reader of the output went away (`| head`): 128 + SIGPIPE, the status a shell reports for
`cat`, `grep` and the rest when the same happens to them, so `set -o pipefail` sees the same."""
EXIT_OUTPUT = 74
"""The output could not be written (closed, disk full): EX_IOERR from sysexits.h. Not 1, which
`qa` and `eval` use for a failed check."""


@dataclass
class Streams:
    """A command's standard output and error, as `main` guarded them."""

    out: TextIO
    err: TextIO


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
"""Characters a terminal acts on rather than shows: escape sequences (colours, cursor moves, the
title, OSC 52 clipboard writes, hyperlinks), backspace, bell, the C1 controls, and a carriage
return that does not end a line (it moves back to the line's start, and what follows overwrites
what was shown: "UNSAFE" read as "SAFE"). Also the bidirectional embeddings, overrides and
isolates, which a terminal with bidi support obeys: U+202E shows "NO TON" for "NOT ON" reversed.
Tab, line feed and CRLF pass, and so do the implicit marks (U+200E, U+200F) that right-to-left
text uses."""


def terminal_safe(text: str) -> str:
    """`text` with every control character a terminal would act on written out as `\\xNN` (or
    `\\uNNNN`): what a server sends is shown, never obeyed."""
    return _CONTROLS.sub(_written_out, text)


def _written_out(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed, or a stream without a descriptor
        return False


class OutputLost(Exception):
    """Writing to standard output or error failed."""

    def __init__(self, stream: GuardedStream, cause: OSError | None) -> None:
        super().__init__(stream.name)
        self.stream = stream
        self.cause = cause

    @property
    def reader_gone(self) -> bool:
        """The other end of a pipe was closed: nothing to say, nobody to say it to."""
        return self.cause is not None and self.cause.errno == errno.EPIPE

    def reason(self) -> str:
        """What went wrong, for one line on stderr."""
        if self.cause is None:
            return f"{self.stream.name} is closed"
        return self.cause.strerror or str(self.cause)


class GuardedStream:
    """A text stream passing writes on; their failure (or a closed stream, None) is OutputLost.

    On a terminal, control characters are shown, not passed (`terminal_safe`): a server's answer
    or error text may carry escape sequences. Into a pipe or a file the text goes as it came.
    """

    def __init__(self, inner: TextIO | None, name: str) -> None:
        self.inner = inner
        self.name = name
        self.lost = False
        self.terminal = _is_terminal(inner)
        self._held_cr = False
        """A write ended in a carriage return: whether it ends a line is for the next to say."""

    def write(self, text: str) -> int:
        """Pass `text` on."""
        if self.inner is None:
            raise self._lost(None)
        if self.terminal:
            text = self._shown(text)
        try:
            return self.inner.write(text)
        except OSError as exc:
            raise self._lost(exc) from exc

    def _shown(self, text: str) -> str:
        # A server splits its answer where it likes: "…UNSAFE\r" then "SAFE" in two writes.
        if self._held_cr:
            text, self._held_cr = "\r" + text, False
        if text.endswith("\r"):
            text, self._held_cr = text[:-1], True
        return terminal_safe(text)

    def flush(self) -> None:
        """Flush the inner stream."""
        if self.inner is None:
            raise self._lost(None)
        try:
            self.inner.flush()
        except OSError as exc:
            raise self._lost(exc) from exc

    def discard(self) -> None:
        """Point the stream's descriptor at the null device, so the interpreter's last flush of
        what is still buffered does not fail again (Python's recipe for SIGPIPE, in the `signal`
        docs); a stream without a descriptor (a test's) is left alone."""
        try:
            fd = self.inner.fileno() if self.inner is not None else -1
        except (OSError, ValueError):
            return
        if fd < 0:
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)

    def _lost(self, cause: OSError | None) -> OutputLost:
        self.lost = True
        return OutputLost(self, cause)
