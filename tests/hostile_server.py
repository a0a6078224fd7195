"""A hostile HTTP server on loopback: answers every request with bytes a test scripted.

The sandbox speaks the wire formats correctly on purpose; this one does not. A test registers an
`Answer` under a name and points a client at `server.url(name)`: every route below that prefix gets
the scripted status, headers and body, the body written in the pieces given (so a line can arrive
in 4 KB pieces, or an emoji's two halves in two events). It runs in a thread, so both an async
client and the synchronous CLI (`asyncio.run` inside) can talk to it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass(frozen=True)
class Answer:
    """What the server sends back for one scripted name."""

    pieces: tuple[bytes, ...]
    """The body, written and flushed piece by piece; the connection closes after the last."""
    status: int = 200
    content_type: str = "text/event-stream"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def whole(cls, body: bytes, **fields: Any) -> Answer:
        """One body in one piece."""
        return cls((body,), **fields)

    @classmethod
    def in_pieces(cls, body: bytes, size: int, **fields: Any) -> Answer:
        """One body cut into pieces of `size` bytes."""
        return cls(tuple(body[i : i + size] for i in range(0, len(body), size)), **fields)


class _Handler(BaseHTTPRequestHandler):
    answers: ClassVar[dict[str, Answer]] = {}
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self._answer()

    def _answer(self) -> None:
        name = self.path.split("/")[2] if self.path.count("/") >= 2 else ""
        answer = self.answers.get(name, Answer.whole(b"no such script", status=404))
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Connection", "close")  # the body ends when the connection does
        for key, value in answer.headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            for piece in answer.pieces:
                self.wfile.write(piece)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a bad answer, as it should
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests look at what the client does, not at the server's log."""


class HostileServer:
    """The running server; `script(name, answer)` then point a client at `url(name)`."""

    def __init__(self) -> None:
        # A subclass per server, so two servers never share their scripts.
        handler: type[_Handler] = type("Handler", (_Handler,), {"answers": {}})
        self._answers: dict[str, Answer] = handler.answers
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, name: str) -> str:
        """The base URL whose every route answers with the script `name`."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/s/{name}"

    def script(self, name: str, answer: Answer) -> str:
        """Register an answer; returns its base URL."""
        self._answers[name] = answer
        return self.url(name)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def running() -> Iterator[HostileServer]:
    """A fixture body: the server for the length of a test module."""
    with HostileServer() as server:
        yield server
