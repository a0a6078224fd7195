"""Stream framing without I/O: bytes in, frames out (server-sent events or JSON lines).

The framing is detected from the first non-blank line (`{` means JSON lines, a field such as `data:`
or a `:` comment means SSE), because Cohere v1 answers either and `Content-Type` is not reliable.
SSE follows the HTML standard: lines end in LF, CRLF or CR (a CRLF split across two chunks counts
once), `:` starts a comment, `data` lines join with LF, and a blank line ends an event. Byte offsets
are kept so a protocol error can say where the stream broke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from workbench.api.errors import ProtocolError
from workbench.api.text import Text

_EOL = re.compile(rb"\r\n?|\n")
_SSE_FIELDS = ("data:", "event:", "id:", "retry:", ":", "data", "event")
MAX_LINE_BYTES = 64 * 1024 * 1024
"""The longest stream line accepted: far above any real answer (a RAG `stream-end` line with its
documents runs to megabytes), low enough that a server sending one endless line cannot take all
memory."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One unit of a stream: an SSE event or one JSON line."""

    data: str
    """The payload: the joined `data` lines of an SSE event, or the JSON line."""
    event: str | None
    """The SSE `event:` field, None when absent or for JSON lines."""
    offset: int
    """Byte offset of the frame's first line in the body."""
    number: int
    """1-based position of the frame in the stream."""


class LineSplitter:
    """Splits bytes into lines at LF, CRLF or CR, keeping each line's byte offset.

    Each byte is scanned for a line break once, however many pieces a long line comes in: a RAG
    `stream-end` line of megabytes delivered in 4 KB pieces used to be rescanned from its start on
    every piece, quadratic in its length (issue 20; `benchmarks/frame_split.py`).
    """

    def __init__(self, max_line: int | None = None) -> None:
        self._buffer = bytearray()
        self._base = 0
        self._scanned = 0
        """Bytes at the start of the buffer already known to hold no line break."""
        self._skip_lf = False
        self._max_line = MAX_LINE_BYTES if max_line is None else max_line

    def feed(self, chunk: bytes) -> list[tuple[bytes, int]]:
        """Add bytes; return the lines they complete as `(line, offset)` pairs.

        Raises:
            ProtocolError: when a line grows past the longest one accepted.
        """
        if self._skip_lf and chunk:
            self._skip_lf = False
            if chunk[:1] == b"\n":  # the second half of a CRLF split across chunks
                chunk = chunk[1:]
                self._base += 1
        self._buffer += chunk
        lines: list[tuple[bytes, int]] = []
        pos = 0
        for match in _EOL.finditer(self._buffer, self._scanned):
            lines.append((bytes(self._buffer[pos : match.start()]), self._base + pos))
            pos = match.end()
        if pos and self._buffer[pos - 1 : pos] == b"\r":
            self._skip_lf = True
        del self._buffer[:pos]
        self._base += pos
        self._scanned = len(self._buffer)
        if self._scanned > self._max_line:
            raise ProtocolError(
                Text("a stream line is longer than %1 bytes", self._max_line),
                where=f"byte {self._base}",
            )
        return lines

    def finish(self) -> list[tuple[bytes, int]]:
        """The last line when the body did not end with a line break."""
        if not self._buffer:
            return []
        line = (bytes(self._buffer), self._base)
        self._base += len(self._buffer)
        self._buffer.clear()
        self._scanned = 0
        return [line]

    @property
    def bytes_seen(self) -> int:
        """How many bytes were fed so far."""
        return self._base + len(self._buffer)


class FrameDecoder:
    """Turns stream bytes into frames; detects SSE or JSON lines from the first non-blank line."""

    def __init__(self) -> None:
        self._lines = LineSplitter()
        self._mode: Literal["sse", "ndjson"] | None = None
        self._count = 0
        self._data: list[str] = []
        self._event: str | None = None
        self._start: int | None = None

    @property
    def mode(self) -> Literal["sse", "ndjson"] | None:
        """The framing detected so far; None before the first non-blank line."""
        return self._mode

    @property
    def bytes_seen(self) -> int:
        """How many bytes were fed so far."""
        return self._lines.bytes_seen

    @property
    def frames_seen(self) -> int:
        """How many frames were produced so far."""
        return self._count

    def feed(self, chunk: bytes) -> list[Frame]:
        """Add bytes; return the frames they complete.

        Raises:
            ProtocolError: on bytes that are not UTF-8 or a body that is neither framing.
        """
        return self._frames(self._lines.feed(chunk))

    def finish(self) -> list[Frame]:
        """End of body: return the last frame if the body stopped without a blank line."""
        frames = self._frames(self._lines.finish())
        if self._mode == "sse" and self._data:
            frames.append(self._dispatch())
        return frames

    def _frames(self, lines: list[tuple[bytes, int]]) -> list[Frame]:
        frames: list[Frame] = []
        for raw, offset in lines:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ProtocolError(
                    Text("the stream is not valid UTF-8"), where=f"byte {offset + exc.start}"
                ) from None
            frame = self._line(text, offset)
            if frame is not None:
                frames.append(frame)
        return frames

    def _line(self, text: str, offset: int) -> Frame | None:
        if self._mode is None:
            if not text.strip():
                return None
            self._mode = self._detect(text.lstrip("\ufeff"), offset)
            text = text.lstrip("\ufeff")
        if self._mode == "ndjson":
            if not text.strip():
                return None
            self._count += 1
            return Frame(text, None, offset, self._count)
        return self._sse_line(text, offset)

    @staticmethod
    def _detect(text: str, offset: int) -> Literal["sse", "ndjson"]:
        stripped = text.lstrip()
        if stripped.startswith(("{", "[")):
            return "ndjson"
        if stripped.startswith(_SSE_FIELDS):
            return "sse"
        raise ProtocolError(
            Text("expected JSON lines or server-sent events, got %1", repr(stripped[:60])),
            where=f"byte {offset}",
        )

    def _sse_line(self, text: str, offset: int) -> Frame | None:
        if not text:
            if self._data:
                return self._dispatch()
            self._event, self._start = None, None  # an event with no data is not dispatched
            return None
        if text.startswith(":"):
            return None
        name, _, value = text.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        else:
            return None  # `id`, `retry` and unknown fields do not matter to us
        if self._start is None:
            self._start = offset
        return None

    def _dispatch(self) -> Frame:
        self._count += 1
        start = self._start if self._start is not None else 0
        frame = Frame("\n".join(self._data), self._event, start, self._count)
        self._data, self._event, self._start = [], None, None
        return frame
