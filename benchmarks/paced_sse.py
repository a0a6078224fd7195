"""A Cohere v2 chat stream served over loopback HTTP at a fixed rate, from a process of its own.

The chat benchmark's stand-in client yields events with no HTTP at all. This server sends the same
events as `/v2/chat` server-sent events, so the app reads them the way it reads a deployment
(httpx, the SSE decoder, the v2 codec) and the cost of "only reading the stream" is measured on
the real path. The server paces itself in its own process, so none of its CPU is counted as the
app's. Every request gets the same stream, whatever it asks.

    python -m benchmarks.paced_sse FRAMES_JSON RATE    # prints "base URL: http://127.0.0.1:PORT"
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from workbench.api.events import StreamEvent

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Served:
    """One stream the server hands out: its frames, falling due `burst` at a time (a stalled
    connection that then delivers its backlog), still at the server's rate on average."""

    frames: list[str]
    burst: int = 1


@dataclass(frozen=True)
class _Chunked:
    chunks: list[bytes]
    burst: int


def _sse(payload: dict[str, Any]) -> str:
    return f"event: {payload['type']}\ndata: {json.dumps(payload)}\n\n"


def v2_frames(events: list[StreamEvent]) -> list[str]:
    """The text deltas and citations of `events` as v2 stream events, with their start and end."""
    from workbench.api.events import CitationsAdded, TextDelta

    frames = [
        _sse({"type": "message-start", "id": "bench", "delta": {"message": {"role": "assistant"}}}),
        _sse(
            {
                "type": "content-start",
                "index": 0,
                "delta": {"message": {"content": {"type": "text", "text": ""}}},
            }
        ),
    ]
    cited, output = 0, 0
    for event in events:
        if isinstance(event, TextDelta):
            output += 1
            content = {"message": {"content": {"text": event.text}}}
            frames.append(_sse({"type": "content-delta", "index": 0, "delta": content}))
        elif isinstance(event, CitationsAdded):
            for citation in event.citations:
                source = {"type": "document", "id": "d", "document": {"id": "d"}}
                span = {"start": citation.start, "end": citation.end, "text": citation.text}
                delta = {"message": {"citations": {**span, "sources": [source]}}}
                frames.append(_sse({"type": "citation-start", "index": cited, "delta": delta}))
                frames.append(_sse({"type": "citation-end", "index": cited}))
                cited += 1
    usage = {"input_tokens": 100, "output_tokens": output}
    end = {"finish_reason": "COMPLETE", "usage": {"billed_units": usage, "tokens": usage}}
    frames.append(_sse({"type": "content-end", "index": 0}))
    frames.append(_sse({"type": "message-end", "id": "bench", "delta": end}))
    return frames


async def _answer(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    streams: dict[str, _Chunked],
    rate: float,
) -> None:
    """Serve the stream each request names on this connection (keep-alive), paced at `rate`."""
    with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            named = streams.get(_last_message(await reader.readexactly(length)))
            stream = named or next(iter(streams.values()))
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                b"transfer-encoding: chunked\r\n\r\n"
            )
            started = time.perf_counter()
            for n, chunk in enumerate(stream.chunks):
                ahead = started + (n - n % stream.burst) / rate - time.perf_counter()
                if ahead > 0:  # each frame written when due: the client reads what a socket has
                    await writer.drain()
                    await asyncio.sleep(ahead)
                writer.write(chunk)
            writer.write(b"0\r\n\r\n")
            await writer.drain()


def _last_message(body: bytes) -> str:
    """The text of a v2 chat request's last message ("" when it has none)."""
    try:
        content = json.loads(body)["messages"][-1]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return ""
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict))
    return content if isinstance(content, str) else ""


async def _serve(streams: dict[str, _Chunked], rate: float) -> None:
    server = await asyncio.start_server(lambda r, w: _answer(r, w, streams, rate), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"base URL: http://127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


@contextlib.contextmanager
def paced_sse_process(streams: Mapping[str, Served], rate: float) -> Iterator[str]:
    """Serve `streams` (by the name a request's last message gives) at `rate` frames a second
    from a child process; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="wb-bench-sse-") as folder:
        streams_file = Path(folder) / "streams.json"
        plain = {name: asdict(served) for name, served in streams.items()}
        streams_file.write_text(json.dumps(plain), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "benchmarks.paced_sse", str(streams_file), str(rate)]
        with subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        ) as proc:
            try:
                assert proc.stdout is not None
                yield proc.stdout.readline().split("base URL: ", 1)[1].strip()
            finally:
                proc.terminate()  # leaving the `with` closes its pipe and waits for it


def _load(streams_file: str) -> dict[str, _Chunked]:
    """The streams, each frame an HTTP/1.1 chunk."""
    plain = json.loads(Path(streams_file).read_text(encoding="utf-8"))
    return {
        name: _Chunked([_chunk(f.encode()) for f in served["frames"]], served["burst"])
        for name, served in plain.items()
    }


def _chunk(frame: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(frame), frame)


if __name__ == "__main__":
    asyncio.run(_serve(_load(sys.argv[1]), float(sys.argv[2])))
