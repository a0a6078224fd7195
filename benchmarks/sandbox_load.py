"""Sandbox load figures: start-up time, 50 concurrent streaming chats, a 1,000-document rerank.

Run: `.venv/bin/python benchmarks/sandbox_load.py [--json]`. It starts `python -m workbench sandbox` as a
subprocess (the way a person would) and talks to it with raw httpx, so it measures the server alone.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure, emit, info

ROOT = Path(__file__).resolve().parents[1]
KEY = "benchmark-key"
CHATS = 50
DOCS = 1000
OUT = sys.stdout
FIGURES: list[Figure] = []


def start_server() -> tuple[subprocess.Popen[str], str, float]:
    """Start the command; return it, its base URL and seconds until /info first answered."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "workbench",
        "sandbox",
        "--key",
        KEY,
        "--token-delay-ms",
        "20",
        "--rpm",
        "100000",
        "--tpm",
        "100000000",
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    base_url = proc.stdout.readline().split("base URL: ", 1)[1].strip()
    while True:
        try:
            if httpx.get(f"{base_url}/info", headers={"api-key": KEY}).status_code == 200:
                return proc, base_url, time.perf_counter() - started
        except httpx.ConnectError:
            time.sleep(0.005)


async def one_chat(client: httpx.AsyncClient, i: int) -> tuple[float, bool]:
    """Stream one v2 chat; return seconds to the first event and whether it ended cleanly."""
    body = {
        "model": "m",
        "stream": True,
        "messages": [{"role": "user", "content": f"Story number {i}"}],
    }
    started = time.perf_counter()
    first: float | None = None
    ended = False
    async with client.stream("POST", "/v2/chat", json=body) as response:
        async for line in response.aiter_lines():
            if first is None and line.startswith("event:"):
                first = time.perf_counter() - started
            ended = ended or line == "event: message-end"
    return (first if first is not None else float("nan")), ended and response.status_code == 200


async def concurrent_chats(base_url: str) -> None:
    limits = httpx.Limits(max_connections=CHATS)
    async with httpx.AsyncClient(
        base_url=base_url, headers={"api-key": KEY}, limits=limits, timeout=60
    ) as client:
        started = time.perf_counter()
        results = await asyncio.gather(
            *(one_chat(client, i) for i in range(CHATS)), return_exceptions=True
        )
        total = time.perf_counter() - started
    firsts = sorted(r[0] for r in results if isinstance(r, tuple))
    errors = sum(1 for r in results if not isinstance(r, tuple) or not r[1])
    p50 = statistics.median(firsts) * 1000
    p95 = firsts[max(0, round(0.95 * len(firsts)) - 1)] * 1000
    print(
        f"{CHATS} concurrent streaming chats (20 ms/token): errors {errors}, "
        f"first event p50 {p50:.1f} ms, p95 {p95:.1f} ms, total {total:.2f} s",
        file=OUT,
    )
    FIGURES.append(info(f"sandbox: {CHATS} concurrent streams, first event p95", p95, "ms"))


def big_rerank(base_url: str) -> None:
    rng = random.Random(1)
    vocabulary = [f"word{i}" for i in range(5000)] + ["zeppelin", "harbour", "café"]
    docs = [" ".join(rng.choice(vocabulary) for _ in range(120))[:1024] for _ in range(DOCS)]
    body = {
        "model": "rerank-v3.5",
        "query": "zeppelin over the harbour café",
        "documents": docs,
        "top_n": 10,
    }
    with httpx.Client(base_url=base_url, headers={"api-key": KEY}, timeout=60) as client:
        # v1 needs documents x max_chunks_per_doc below 10,000: 1,000 x the default 10 is refused.
        for route, extra in (("/v2/rerank", {}), ("/v1/rerank", {"max_chunks_per_doc": 5})):
            started = time.perf_counter()
            response = client.post(route, json=body | extra)
            elapsed = (time.perf_counter() - started) * 1000
            print(
                f"{DOCS}-document rerank of 1 KB documents ({route}): status {response.status_code}, "
                f"{elapsed:.0f} ms, {len(response.json()['results'])} results",
                file=OUT,
            )
            FIGURES.append(info(f"sandbox: {DOCS}-document rerank ({route})", elapsed, "ms"))


def kept_alive(base_url: str) -> None:
    """Small requests back to back on one kept-alive connection (Nagle's delay shows here)."""
    body = {"model": "rerank-v3.5", "query": "harbour", "documents": ["a harbour", "a café"]}
    times = []
    with httpx.Client(base_url=base_url, headers={"api-key": KEY}, timeout=60) as client:
        for _ in range(21):
            started = time.perf_counter()
            client.post("/v2/rerank", json=body).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times[1:])
    print(f"small rerank on a kept-alive connection, back to back: {median:.1f} ms", file=OUT)
    FIGURES.append(info("sandbox: small request on a kept-alive connection", median, "ms"))


def main() -> None:
    global OUT
    as_json = "--json" in sys.argv[1:]
    OUT = sys.stderr if as_json else sys.stdout
    proc, base_url, startup = start_server()
    try:
        print(f"start-up to first /info answer: {startup * 1000:.0f} ms", file=OUT)
        FIGURES.append(info("sandbox: start-up to first /info answer", startup * 1000, "ms"))
        kept_alive(base_url)
        asyncio.run(concurrent_chats(base_url))
        big_rerank(base_url)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    emit(FIGURES, as_json)


if __name__ == "__main__":
    main()
