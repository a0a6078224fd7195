"""Benchmark scripts as `benchmarks/run.py` runs them: figures as JSON on stdout, report on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.waits import WAIT_S

REPO = Path(__file__).resolve().parents[1]
FRAME_SPLIT_FIGURES = [
    "frame splitting, 1 MB line in 4 KB pieces",
    "frame splitting, 4 MB line in 4 KB pieces",
    "frame splitting, 16 MB line in 4 KB pieces",
    "frame splitting: ms per MB at 16 MB / at 1 MB",
]
"""The rows `benchmarks/run.py`'s table had for it when it parsed the script's text."""


def test_frame_split_json_prints_its_figures_on_stdout_and_its_report_on_stderr() -> None:
    """It ignored `--json` and printed its report on stdout; run.py parsed that text instead."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "frame_split.py"), "--json"], cwd=REPO,
        capture_output=True, text=True, timeout=4 * WAIT_S, check=True,
    )  # fmt: skip
    figures = json.loads(done.stdout)["figures"]
    assert [f["name"] for f in figures] == FRAME_SPLIT_FIGURES
    assert all(f["value"] > 0 for f in figures)  # no time asserted: the machine is shared
    assert figures[-1]["goal"] == "< 1.5x (linear)"
    assert " 16 MB line: " in done.stderr
    assert done.stdout.count("\n") == 1


def test_run_py_takes_frame_split_figures_from_its_json() -> None:
    from benchmarks.run import run_one

    assert [f.name for f in run_one("frame_split", verbose=False)] == FRAME_SPLIT_FIGURES


def test_the_paced_server_hands_the_real_client_the_stream_its_request_names() -> None:
    """The chat benchmark's HTTP rows read the same answers as its stand-in, over the wire: the
    stream named by the last message, the first one for a message that names none."""
    import asyncio

    from benchmarks.paced_sse import Served, paced_sse_process, v2_frames
    from workbench.api.client import WorkbenchClient
    from workbench.api.events import CitationsAdded, StreamEvent, TextDelta
    from workbench.api.models import AuthScheme, ChatRequest, Citation, Connection, Flavour
    from workbench.api.stream import ChatSnapshot, accumulate

    pieces = [f"word{n} **bold** café 😀\n\n" if n % 7 == 6 else f"word{n} " for n in range(300)]
    events: list[StreamEvent] = [TextDelta(p) for p in pieces]
    events.insert(5, CitationsAdded((Citation(start=0, end=5, text="word0", document_ids=["d"]),)))
    short: list[StreamEvent] = [TextDelta("short "), TextDelta("answer")]

    async def read(base_url: str, message: str) -> ChatSnapshot:
        connection = Connection(
            base_url=base_url, flavour=Flavour.COHERE_V2, model="m", auth=AuthScheme.NONE
        )
        snap = ChatSnapshot()
        async with WorkbenchClient(connection) as client:
            async for event in client.chat_stream(ChatRequest(message=message)):
                snap = accumulate(snap, event)
        return snap

    streams = {"long": Served(v2_frames(events)), "short": Served(v2_frames(short), burst=50)}
    with paced_sse_process(streams, rate=100_000) as base_url:
        snap = asyncio.run(read(base_url, "long"))
        unnamed = asyncio.run(read(base_url, "hi"))
        other = asyncio.run(read(base_url, "short"))
    assert snap.text == unnamed.text == "".join(pieces)
    assert other.text == "short answer"
    assert [(c.start, c.end, c.text) for c in snap.citations] == [(0, 5, "word0")]
    assert (snap.done, snap.finish_reason, snap.error) == (True, "COMPLETE", None)
    assert snap.usage == unnamed.usage
    assert snap.usage is not None
    assert snap.usage.output_tokens == len(pieces)
