"""Starting and stopping: the in-process runner and the `workbench sandbox` command."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.waits import WAIT_S, wait_until
from workbench.sandbox.cli import config_from_args
from workbench.sandbox.runner import SandboxConfig, _bind, start_sandbox
from workbench.sandbox.server import build_app

if TYPE_CHECKING:
    from starlette.types import Message

    from tests.processes import Child, Processes

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


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--port", "99999", "a port from 0 to 65535"),  # a traceback from bind() before
        ("--port", "-1", "a port from 0 to 65535"),
        ("--rpm", "-5", "a whole number, 0 or more"),  # every request refused, said nowhere
        ("--tpm", "-1", "a whole number, 0 or more"),
        ("--token-delay-ms", "-1", "milliseconds, 0 or more"),
        ("--token-delay-ms", "nan", "milliseconds, 0 or more"),
    ],
)
def test_cli_refuses_numbers_out_of_range(
    option: str, value: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        config_from_args([f"{option}={value}"])
    assert exited.value.code == 2
    assert f"argument {option}: expected {said}, got {value!r}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("", "expected a key, got an empty one"),  # a generated key was used instead, in silence
        ("\x01abc", "the key has a control or non-ASCII character"),  # printed as "key: abc"
        ("ab\ncd", "the key has a control or non-ASCII character"),
    ],
)
def test_cli_refuses_a_key_clients_cannot_send(
    key: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        config_from_args(["--key", key])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --key: {said}" in err
    assert "abc" not in err


def test_cli_takes_the_edges_of_each_range() -> None:
    config = config_from_args(["--port", "65535", "--rpm", "0", "--token-delay-ms", "0"])
    assert (config.port, config.rpm, config.token_delay_ms) == (65535, 0, 0.0)


def _start_sandbox_command(processes: Processes, *options: str) -> tuple[Child, str]:
    """`workbench sandbox --port 0 …` as a child; it and its base URL once it says it serves."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "workbench", "sandbox", "--port", "0", *options]
    child = processes.start(command, cwd=ROOT, env=env)
    base_url = child.wait_for_line("base URL: ").split("base URL: ", 1)[1]
    return child, base_url


def test_workbench_sandbox_command_serves_until_interrupted(processes: Processes) -> None:
    child, base_url = _start_sandbox_command(processes, "--key", "cli-test")
    assert child.wait_for_line("key: ") == "key: cli-test"
    response = httpx.get(f"{base_url}/info", headers={"api-key": "cli-test"}, timeout=WAIT_S)
    assert response.json()["model_provider_name"] == "Cohere"
    child.send_signal(signal.SIGINT)
    assert child.wait() == 0, child.report()


def test_an_ipv6_base_url_is_printed_with_brackets(processes: Processes) -> None:
    """`http://::1:39655` was printed, a URL no client (nor `workbench --url`) takes."""
    child, base_url = _start_sandbox_command(processes, "--host", "::1", "--no-auth")
    assert base_url.startswith("http://[::1]:")
    response = httpx.get(f"{base_url}/info", timeout=WAIT_S)
    assert response.json()["model_provider_name"] == "Cohere"
    child.send_signal(signal.SIGINT)
    assert child.wait() == 0, child.report()


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 0), (signal.SIGTERM, -signal.SIGTERM)])
def test_workbench_sandbox_command_stops_on_a_signal_with_a_stream_open(
    processes: Processes, sig: signal.Signals, status: int
) -> None:
    # A client mid-stream must not hold the exit back. Ctrl+C ends with status 0; SIGTERM, once
    # the server has stopped, ends the process as that signal does (what service managers expect).
    child, base_url = _start_sandbox_command(processes, "--no-auth", "--token-delay-ms", "50")
    body = {"model": "m", "stream": True, "messages": [{"role": "user", "content": "a story"}]}
    with (
        httpx.Client(base_url=base_url, timeout=WAIT_S) as client,
        client.stream("POST", "/v2/chat", json=body) as response,
    ):
        next(response.iter_raw())
        child.send_signal(sig)
        assert child.wait() == status, child.report()
    assert "Finished server process" in child.stderr()
    assert "graceful shutdown exceeded" not in child.stderr()


def test_stop_cuts_a_request_still_waiting_instead_of_waiting_for_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # uvicorn's graceful shutdown waited 2 s for a delayed answer, then cancelled it anyway.
    running = start_sandbox(SandboxConfig(key=None, default_faults="delay_ms=600000"))
    outcome: list[BaseException | int] = []

    def ask() -> None:
        try:
            outcome.append(httpx.get(f"{running.base_url}/info", timeout=WAIT_S).status_code)
        except httpx.HTTPError as exc:
            outcome.append(exc)

    asking = threading.Thread(target=ask)
    asking.start()
    try:
        wait_until(lambda: len(running._server.server_state.tasks) == 1, "the request to arrive")
    finally:
        assert running.stop(timeout_s=WAIT_S), "the server thread is still running"
        asking.join(WAIT_S)
    assert outcome, "the client is still waiting"
    assert "graceful shutdown" not in caplog.text
    assert "Waiting for connections to close" not in caplog.text


def test_the_listening_socket_turns_nagle_off_for_every_connection() -> None:
    # asyncio sets TCP_NODELAY only on connections whose socket names IPPROTO_TCP; with Nagle on,
    # back-to-back requests on a kept-alive connection waited for a delayed ACK (issue 15).
    sock = _bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sock.close()


def test_a_client_that_leaves_before_its_body_is_not_an_application_error() -> None:
    """uvicorn logged "Exception in ASGI application" with a traceback, which a command sharing
    the process (a test's sandbox) printed as its own error."""
    app = build_app(SandboxConfig())
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v2/rerank",
        "raw_path": b"/v2/rerank",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 2),
    }

    async def serve() -> None:
        await app(scope, receive, send)

    asyncio.run(serve())
    assert sent[0]["status"] == 499
