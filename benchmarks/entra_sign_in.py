"""Entra ID figures: a token command's cold fetch, rerank with a held token vs a key, Test connection.

Run: `.venv/bin/python benchmarks/entra_sign_in.py [--json]`. Two sandboxes on loopback (one with keys, one
taking Entra-style tokens from the sandbox's own token command); nothing asserts on time.
"""

from __future__ import annotations

import asyncio
import secrets
import shlex
import statistics
import sys
import time
from pathlib import Path

from pydantic import SecretStr

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import emit, info
from workbench.api import RerankRequest, WorkbenchClient
from workbench.api.entra import EntraSpec, EntraTokenProvider, forget_tokens
from workbench.api.models import AuthScheme, Connection
from workbench.core.probe import probe
from workbench.sandbox.runner import SandboxConfig, start_sandbox

ROUNDS = 200
REQUEST = RerankRequest(query="penguins", documents=["Penguins live in Antarctica.", "Paris."])


def _command(secret: str) -> str:
    # One argument, "=" joined: a generated secret may start with "-", read as an option.
    return shlex.join(
        [sys.executable, "-m", "workbench.sandbox.entra_tokens", f"--secret={secret}"]
    )


async def _reranks(connection: Connection) -> list[float]:
    times = []
    async with WorkbenchClient(connection) as client:
        await client.rerank(REQUEST)  # warm: connection pool, and the token when Entra
        for _ in range(ROUNDS):
            started = time.perf_counter()
            await client.rerank(REQUEST)
            times.append((time.perf_counter() - started) * 1000)
    return times


async def _fetches(command: str) -> list[float]:
    times = []
    for _ in range(5):
        forget_tokens()
        started = time.perf_counter()
        await EntraTokenProvider(EntraSpec(token_command=command)).token()
        times.append((time.perf_counter() - started) * 1000)
    return times


async def _probe_ms(connection: Connection) -> tuple[float, str]:
    async with WorkbenchClient(connection) as client:
        started = time.perf_counter()
        report = await probe(client)
        return (time.perf_counter() - started) * 1000, str(report.routes)


def main() -> None:
    """Print the figures (as JSON on stdout with `--json`)."""
    as_json = "--json" in sys.argv[1:]
    out = sys.stderr if as_json else sys.stdout
    figures = []
    secret, key = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
    keyed, entra = SandboxConfig(key=key, rpm=10**6), SandboxConfig(entra_secret=secret, rpm=10**6)
    with start_sandbox(keyed) as plain, start_sandbox(entra) as foundry:
        command = _command(secret)
        fetch = asyncio.run(_fetches(command))
        cold = statistics.median(fetch)
        print(f"token command, cold fetch: median {cold:.0f} ms (5 runs)", file=out)
        figures.append(info("Entra token command, cold fetch", cold, "ms"))
        with_key = Connection(base_url=plain.base_url, model="rerank-v3.5", api_key=SecretStr(key))
        with_token = Connection(
            base_url=foundry.base_url,
            model="rerank-v3.5",
            auth=AuthScheme.ENTRA,
            token_command=command,
        )
        for label, connection in (("key", with_key), ("Entra token held", with_token)):
            times = asyncio.run(_reranks(connection))
            median = statistics.median(times)
            print(f"rerank with {label}: median {median:.2f} ms over {ROUNDS}", file=out)
            figures.append(info(f"small rerank with {label}", median, "ms"))
        forget_tokens()
        ms, routes = asyncio.run(_probe_ms(with_token))
        print(f"Test connection (sign-in + /info + route survey): {ms:.0f} ms; {routes}", file=out)
        figures.append(info("Test connection with Entra sign-in", ms, "ms"))
    emit(figures, as_json)


if __name__ == "__main__":
    main()
