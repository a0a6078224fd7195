"""The sandbox in a process of its own, so its CPU and memory are never counted as the app's."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def sandbox_process(*extra: str) -> Iterator[str]:
    """Run `workbench sandbox --no-auth` (no quota) with `extra` arguments; yields its base URL."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "workbench", "sandbox", "--no-auth"]
    command += ["--rpm", "100000000", "--tpm", "1000000000000", "--token-delay-ms", "0", *extra]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().split("base URL: ", 1)[1].strip()
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base_url}/info").status_code == 200:
                    break
            except httpx.ConnectError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        yield base_url
    finally:
        proc.terminate()
        proc.wait(timeout=15)
