"""Run a sandbox in a background thread (uvicorn on its own event loop) for tests and the GUI."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from typing import TYPE_CHECKING, Self

import uvicorn

from workbench.sandbox.config import SandboxConfig
from workbench.sandbox.server import build_app
from workbench.sandbox.streaming import QuietDrops

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType

__all__ = ["RunningSandbox", "SandboxConfig", "start_sandbox"]

START_TIMEOUT_S = 60.0
"""How long a start may take by default: generous, since it ends as soon as the server is up and
only has to outlast a machine whose every core is busy."""
_QUIET_DROPS = QuietDrops()


class RunningSandbox:
    """A sandbox serving on a bound port until `stop()` (or the end of a `with` block)."""

    def __init__(
        self, server: uvicorn.Server, thread: threading.Thread, sock: socket.socket, key: str | None
    ) -> None:
        self._server = server
        self._thread = thread
        self._socket = sock
        host, port = sock.getsockname()[:2]
        self.host: str = host
        self.port: int = port
        self.base_url: str = (
            f"http://{host}:{port}" if ":" not in host else f"http://[{host}]:{port}"
        )
        self.key: str | None = key

    def __repr__(self) -> str:
        # Never show the key, even in a test failure report.
        return f"RunningSandbox(base_url={self.base_url!r})"

    def stop(self, timeout_s: float = START_TIMEOUT_S) -> bool:
        """Ask uvicorn to shut down (running requests are cut), wait for the thread, release the
        socket. Returns whether the server thread ended within `timeout_s` (a daemon thread
        that did not is left to end with the process)."""
        self._server.should_exit = True
        self._thread.join(timeout_s)
        self._socket.close()
        return not self._thread.is_alive()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not 0: asyncio turns Nagle off only on connections whose socket says
    # TCP, and with Nagle on a request sent within ~40 ms of the last one on a kept-alive
    # connection waited for a delayed ACK (issue 15). TCP_NODELAY here is inherited on Linux.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class SandboxServer(uvicorn.Server):
    """uvicorn that stops at once and says when it serves.

    A sandbox has no work worth finishing: on stop() or a signal, requests still running (a
    `delay_ms` wait, a stalled or slow stream) are cut at once. uvicorn's graceful shutdown
    waited up to `timeout_graceful_shutdown` for them and then cancelled them anyway, so a
    SIGTERM with one request in flight took more than 2 s (issue 20).
    """

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None] | None) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """Start serving, then announce it (the socket now accepts and answers)."""
        await super().startup(sockets)
        if self.started and self._on_started is not None:
            self._on_started()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """Cut every running request, then let uvicorn close what is left."""
        for task in list(self.server_state.tasks):
            task.cancel()
        await super().shutdown(sockets)


def make_server(
    config: SandboxConfig, on_started: Callable[[], None] | None = None
) -> SandboxServer:
    """A uvicorn server for `config`, leaving the process's logging setup alone.

    Args:
        config: what to serve.
        on_started: called on the server's loop once it accepts and answers requests.
    """
    uv_config = uvicorn.Config(
        build_app(config),
        log_config=None,  # keep the host program's (or pytest's) logging untouched
        log_level="info" if config.access_log else "warning",
        access_log=config.access_log,
        lifespan="off",
        timeout_graceful_shutdown=2,
        ws="none",
    )
    logging.getLogger("uvicorn.error").addFilter(_QUIET_DROPS)
    return SandboxServer(uv_config, on_started)


def start_sandbox(config: SandboxConfig, *, timeout_s: float = START_TIMEOUT_S) -> RunningSandbox:
    """Serve `config` in a daemon thread; return once it accepts and answers requests.

    Args:
        config: what to serve.
        timeout_s: how long the start may take (it returns as soon as the server is up).

    Raises:
        OSError: when the address cannot be bound.
        RuntimeError: when the server does not come up within `timeout_s`.
    """
    sock = _bind(config.host, config.port)
    settled = threading.Event()  # set once the server serves, or once its thread ends
    server = make_server(config, on_started=settled.set)

    def serve() -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(server.serve(sockets=[sock]))
        finally:
            settled.set()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    thread = threading.Thread(target=serve, name="workbench-sandbox", daemon=True)
    thread.start()
    if not settled.wait(timeout_s) or not server.started:
        server.should_exit = True
        thread.join(timeout_s)
        sock.close()
        raise RuntimeError(f"the sandbox server did not start within {timeout_s:g} s")
    return RunningSandbox(server, thread, sock, config.key)
