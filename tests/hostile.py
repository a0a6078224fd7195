"""A hostile HTTP server on loopback for tests: it echoes what it received back in its answers.

Each request's path picks the misbehaviour; every request's headers are recorded, so a test can
also check what was (or was not) sent.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass
class Hostile:
    """The running server: its base URL and the headers of every request it saw."""

    base_url: str
    seen: list[dict[str, str]] = field(default_factory=list)
    """Headers of each request, in arrival order (names lower case)."""
    mode: str = "json-echo"
    """What the next answers do: json-echo, text-echo, azure-401, fragment-401, stream-echo,
    cited-echo, failed-echo, chat-utf16, not-found."""


def _key_of(headers: dict[str, str]) -> str:
    auth = headers.get("authorization", "")
    return auth.removeprefix("Bearer ") or headers.get("api-key", "")


def _answer(mode: str, headers: dict[str, str]) -> tuple[int, str, bytes]:
    """(status, content type, body) for one request in this mode."""
    key = _key_of(headers)
    if mode == "json-echo":
        body = {"message": f"bad request; you sent {json.dumps(headers)}", "headers": headers}
        return 500, "application/json", json.dumps(body).encode()
    if mode == "text-echo":
        lines = "\n".join(f"{k}: {v}" for k, v in headers.items())
        return 400, "text/plain", f"Rejected. Request headers were:\n{lines}".encode()
    if mode == "azure-401":
        message = f"Access denied due to invalid subscription key '{key}'. Make sure to provide a valid key."
        body = {"error": {"code": "401", "message": message}}
        return 401, "application/json", json.dumps(body).encode()
    if mode == "fragment-401":
        return 401, "text/plain", f"key ending ...{key[3:15]}... is not valid".encode()
    if mode == "stream-echo":  # OpenAI-style deltas, one character of the key each
        events = [{"choices": [{"index": 0, "delta": {"content": f"Your key: {key[:1]}"}}]}]
        events += [{"choices": [{"index": 0, "delta": {"content": ch}}]} for ch in key[1:]]
        events.append({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        text = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
        return 200, "text/event-stream", text.encode()
    if mode == "cited-echo":  # a v2 stream quoting the key mid-answer, cut across deltas
        return 200, "text/event-stream", _cited_echo(key).encode()
    if mode == "failed-echo":  # a v2 stream that fails after a few words, quoting the key
        return 200, "text/event-stream", _failed_echo(key).encode()
    if mode == "chat-utf16":  # citations counted in UTF-16 code units, after an emoji
        answer = "😀 Paris is the capital of France."
        start16 = 3  # "Paris" starts at code point 2, UTF-16 unit 3
        body = {
            "id": "x",
            "finish_reason": "COMPLETE",
            "message": {
                "role": "assistant",
                "content": [{"type": "text", "text": answer}],
                "citations": [
                    {
                        "start": start16,
                        "end": start16 + 5,
                        "text": "Paris",
                        "sources": [{"id": "d1"}],
                    },
                    {"start": 90, "end": 95, "text": "Tokyo", "sources": [{"id": "d2"}]},
                ],
            },
        }
        return 200, "application/json", json.dumps(body).encode()
    return 404, "application/json", b'{"message": "Not Found"}'


CITED = "Paris is the capital of France."
"""What the cited-echo answer cites, after the key it quotes."""


def _cited_echo(key: str) -> str:
    """A v2 stream: "Your key is KEY. Paris is…", the key in 3-character deltas, then a citation
    of the sentence after it (offsets into the answer as sent, key included)."""
    answer = f"Your key is {key}. {CITED}"
    start = answer.index(CITED)
    content = {"message": {"content": {"type": "text", "text": ""}}}
    events: list[dict[str, Any]] = [
        {"type": "message-start", "id": "x", "delta": {"message": {"role": "assistant"}}},
        {"type": "content-start", "index": 0, "delta": content},
    ]
    events += [
        {"type": "content-delta", "index": 0, "delta": {"message": {"content": {"text": piece}}}}
        for piece in (answer[i : i + 3] for i in range(0, len(answer), 3))
    ]
    source = {"type": "document", "id": "d1", "document": {"text": CITED}}
    citation = {"start": start, "end": start + len(CITED), "text": CITED, "sources": [source]}
    events += [
        {"type": "citation-start", "index": 0, "delta": {"message": {"citations": citation}}},
        {"type": "citation-end", "index": 0},
        {"type": "content-end", "index": 0},
        {"type": "message-end", "id": "x", "delta": {"finish_reason": "COMPLETE"}},
    ]
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)


def _failed_echo(key: str) -> str:
    """A v2 stream: "Half an answer", then a message-end whose error quotes the key."""
    content = {"message": {"content": {"type": "text", "text": ""}}}
    delta = {"message": {"content": {"text": "Half an answer"}}}
    end = {"finish_reason": "ERROR", "error": f"quota exceeded for key {key}"}
    events: list[dict[str, Any]] = [
        {"type": "message-start", "id": "x", "delta": {"message": {"role": "assistant"}}},
        {"type": "content-start", "index": 0, "delta": content},
        {"type": "content-delta", "index": 0, "delta": delta},
        {"type": "message-end", "id": "x", "delta": end},
    ]
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)


def serve() -> Iterator[Hostile]:
    """Run a hostile server on a free loopback port until the generator is closed."""
    state = Hostile(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            state.seen.append(headers)
            status, ctype, body = _answer(state.mode, headers)
            self.send_response(status)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _handle

        def log_message(self, *_: Any) -> None:  # quiet: pytest shows stderr of failures
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
