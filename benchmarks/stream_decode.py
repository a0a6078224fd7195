"""Decode + fold throughput per flavour on a synthetic 50,000-event transcript (prints events/s)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import emit, info
from workbench.api.flavours import decode_events
from workbench.api.models import Flavour
from workbench.api.stream import ChatSnapshot, accumulate

EVENTS = 50_000
CHUNK = 16 * 1024
"""Bytes per read, about what httpx hands over from a busy socket."""
WORDS = ("Paris ", "is ", "the ", "capital ", "of ", "France ", "🇫🇷 ", "and ", "café ", "culture. ")


def _token(i: int) -> str:
    return WORDS[i % len(WORDS)]


def _v1() -> bytes:
    lines: list[dict[str, Any]] = [{"event_type": "stream-start", "generation_id": "g"}]
    lines += [
        {"event_type": "text-generation", "text": _token(i), "is_finished": False}
        for i in range(EVENTS - 2)
    ]
    lines.append({"event_type": "stream-end", "finish_reason": "COMPLETE", "response": {}})
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines).encode()


def _v2() -> bytes:
    objs: list[dict[str, Any]] = [{"type": "message-start", "id": "m"}]
    objs += [
        {
            "type": "content-delta",
            "index": 0,
            "delta": {"message": {"content": {"text": _token(i)}}},
        }
        for i in range(EVENTS - 2)
    ]
    objs.append({"type": "message-end", "delta": {"finish_reason": "COMPLETE"}})
    return "".join(
        f"event: {o['type']}\ndata: {json.dumps(o, ensure_ascii=False)}\n\n" for o in objs
    ).encode()


def _openai() -> bytes:
    chunks = [
        {
            "id": "c",
            "choices": [{"index": 0, "delta": {"content": _token(i)}, "finish_reason": None}],
        }
        for i in range(EVENTS - 1)
    ]
    chunks.append({"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    body = "".join(f"data: {json.dumps(c, ensure_ascii=False)}\n\n" for c in chunks)
    return (body + "data: [DONE]\n\n").encode()


def measure(flavour: Flavour, body: bytes) -> tuple[float, int, float]:
    """Decode and fold the body in 16 KiB chunks; returns (seconds, events, decode-only seconds)."""
    chunks = [body[i : i + CHUNK] for i in range(0, len(body), CHUNK)]
    started = time.perf_counter()
    count = sum(1 for _ in decode_events(flavour, chunks))
    decode_only = time.perf_counter() - started
    started = time.perf_counter()
    snap = ChatSnapshot()
    for event in decode_events(flavour, chunks):
        snap = accumulate(snap, event)
    elapsed = time.perf_counter() - started
    if not snap.done or snap.event_count != count:
        raise SystemExit(f"{flavour}: transcript did not fold cleanly")
    return elapsed, count, decode_only


def main() -> int:
    """Print one line per flavour (and the figures as JSON on stdout with `--json`)."""
    as_json = "--json" in sys.argv[1:]
    out = sys.stderr if as_json else sys.stdout
    figures = []
    print(
        f"python {sys.version.split()[0]}; {EVENTS:,} events per transcript, {CHUNK // 1024} KiB reads",
        file=out,
    )
    for flavour, build in (
        (Flavour.COHERE_V1, _v1),
        (Flavour.COHERE_V2, _v2),
        (Flavour.OPENAI, _openai),
    ):
        body = build()
        elapsed, count, decode_only = measure(flavour, body)
        print(
            f"{flavour.value:>10}: {count / elapsed:>9,.0f} events/s decode+fold "
            f"({count / decode_only:,.0f} decode only; {len(body) / 1e6:.1f} MB in {elapsed:.2f} s)",
            file=out,
        )
        figures.append(info(f"decode + fold ({flavour.value})", count / elapsed, "events/s"))
    emit(figures, as_json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
