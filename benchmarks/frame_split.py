"""Frame splitting of one huge stream line fed in 4 KB pieces (prints ms per MB for 1, 4, 16 MB).

A RAG `stream-end` line carries the whole answer and its documents, so one line can run to
megabytes; httpx hands it over in small pieces. Splitting must stay linear in the line's size
(issue 20). A size that takes longer than the budget is reported as such, not waited for.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure, emit
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


def figures(per_mb: dict[int, float | None]) -> list[Figure]:
    """The figures for ms per MB at each size (None: past the budget). Linear splitting keeps the
    time per MB flat: the goal is 16 MB's within 1.5 times 1 MB's."""
    rows = [
        Figure(f"frame splitting, {size} MB line in {PIECE // 1024} KB pieces", value, "ms/MB")
        for size, value in sorted(per_mb.items())
    ]
    small, large = per_mb.get(1), per_mb.get(16)
    if small and large:
        ratio = large / small
        name = "frame splitting: ms per MB at 16 MB / at 1 MB"
        rows.append(Figure(name, ratio, "x", "< 1.5x (linear)", ratio < 1.5))
    elif 16 in per_mb:
        rows.append(Figure("frame splitting: 16 MB did not finish", None, "", "linear", False))
    return rows


def main() -> int:
    """Print one line per size (and the figures as JSON on stdout with `--json`)."""
    as_json = "--json" in sys.argv[1:]
    out = sys.stderr if as_json else sys.stdout
    print(f"one line in {PIECE // 1024} KB pieces (budget {BUDGET_S:.0f} s per size)", file=out)
    per_mb: dict[int, float | None] = {}
    for megabytes in SIZES_MB:
        body = _line(megabytes)
        result = _decode(body)
        size_mb = len(body) / (1024 * 1024)
        if result is None:
            per_mb[megabytes] = None
            print(f"{megabytes:>3} MB line: did not finish in {BUDGET_S:.0f} s", file=out)
            continue
        seconds, frames = result
        per_mb[megabytes] = seconds * 1000 / size_mb
        print(
            f"{megabytes:>3} MB line: {seconds * 1000:8.1f} ms total, "
            f"{seconds * 1000 / size_mb:7.2f} ms per MB ({frames} frame)",
            file=out,
        )
    emit(figures(per_mb), as_json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
