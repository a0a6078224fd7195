"""Starting and stopping: the in-process runner and the `workbench sandbox` command."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.waits import WAIT_S
from workbench.sandbox.cli import config_from_args
from workbench.sandbox.runner import SandboxConfig, _bind, start_sandbox

ROOT = Path(__file__).resolve().parents[2]


def test_runner_binds_a_free_port_and_stops_cleanly() -> None:
    first = start_sandbox(SandboxConfig())
    second = start_sandbox(SandboxConfig())
    try:
        assert first.port != second.port
        assert first.port > 0
        assert httpx.get(f"{first.base_url}/info", timeout=WAIT_S).status_code == 200
    finally:
        first.stop()
        second.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{first.base_url}/info")


def test_stop_with_a_stream_still_open() -> None:
    config = SandboxConfig(token_delay_ms=50)
    with (
        start_sandbox(config) as running,
        httpx.Client(base_url=running.base_url, timeout=WAIT_S) as client,
    ):
        body = {
            "model": "m",
            "messages": [{"role": "user", "content": "a long story"}],
            "stream": True,
        }
        with client.stream("POST", "/v2/chat", json=body) as response:
            next(response.iter_raw())
            running.stop()  # must not hang or warn while a client is mid-stream


def test_cli_options_parse() -> None:
    config = config_from_args(
        ["--port", "0", "--seed", "9", "--rpm", "5", "--fault", "slow_stream_ms=10"]
    )
    assert config.key
    assert config.key.startswith("sandbox-")
    assert (config.seed, config.rpm, config.token_delay_ms) == (9, 5, 20.0)
    assert config_from_args(["--no-auth"]).key is None
    assert config_from_args(["--key", "abc"]).key == "abc"
    with pytest.raises(SystemExit):
        config_from_args(["--fault", "bogus=1"])


def test_workbench_sandbox_command_serves_until_interrupted() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "workbench", "sandbox", "--port", "0", "--key", "cli-test"]
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            base_url = proc.stdout.readline().split("base URL: ", 1)[1].strip()
            assert proc.stdout.readline().strip() == "key: cli-test"
            response = httpx.get(
                f"{base_url}/info", headers={"api-key": "cli-test"}, timeout=WAIT_S
            )
            assert response.json()["model_provider_name"] == "Cohere"
        finally:
            proc.send_signal(signal.SIGINT)
            _, stderr = proc.communicate(timeout=WAIT_S)
    assert proc.returncode == 0, stderr


def test_the_listening_socket_turns_nagle_off_for_every_connection() -> None:
    # asyncio sets TCP_NODELAY only on connections whose socket names IPPROTO_TCP; with Nagle on,
    # back-to-back requests on a kept-alive connection waited for a delayed ACK (issue 15).
    sock = _bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sock.close()
