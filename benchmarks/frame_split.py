"""Frame splitting of one huge stream line fed in 4 KB pieces (prints ms per MB for 1, 4, 16 MB).

A RAG `stream-end` line carries the whole answer and its documents, so one line can run to
megabytes; httpx hands it over in small pieces. Splitting must stay linear in the line's size
(issue 20). A size that takes longer than the budget is reported as such, not waited for.
"""

from __future__ import annotations

import json
import time

from workbench.api.framing import FrameDecoder

PIECE = 4 * 1024
SIZES_MB = (1, 4, 16)
BUDGET_S = 60.0
"""Give up on a size after this long (the quadratic splitter needed minutes for 8 MB)."""


def _line(megabytes: int) -> bytes:
    """One SSE event whose data line is about `megabytes` long, ending in a blank line."""
    filler = "lorem ipsum " * (megabytes * 1024 * 1024 // 12)
    event = {"event_type": "stream-end", "response": {"text": filler}}
    return f"data: {json.dumps(event)}\n\n".encode()


def _decode(body: bytes) -> tuple[float, int] | None:
    """Seconds to decode the body in pieces and the frames it gave, or None past the budget."""
    decoder = FrameDecoder()
    frames = 0
    started = time.perf_counter()
    for pos in range(0, len(body), PIECE):
        frames += len(decoder.feed(body[pos : pos + PIECE]))
        if time.perf_counter() - started > BUDGET_S:
            return None
    frames += len(decoder.finish())
    return time.perf_counter() - started, frames


def main() -> None:
    """Print one line per size."""
    print(f"one line in {PIECE // 1024} KB pieces (budget {BUDGET_S:.0f} s per size)")
    for megabytes in SIZES_MB:
        body = _line(megabytes)
        result = _decode(body)
        size_mb = len(body) / (1024 * 1024)
        if result is None:
            print(f"{megabytes:>3} MB line: did not finish in {BUDGET_S:.0f} s")
            continue
        seconds, frames = result
        print(
            f"{megabytes:>3} MB line: {seconds * 1000:8.1f} ms total, "
            f"{seconds * 1000 / size_mb:7.2f} ms per MB ({frames} frame)"
        )


if __name__ == "__main__":
    main()
