"""Run a sandbox in a background thread (uvicorn on its own event loop) for tests and the GUI."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from typing import TYPE_CHECKING, Self

import uvicorn

from workbench.sandbox.config import SandboxConfig
from workbench.sandbox.server import build_app
from workbench.sandbox.streaming import QuietDrops

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["RunningSandbox", "SandboxConfig", "start_sandbox"]

_START_TIMEOUT_S = 10.0
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

    def stop(self) -> None:
        """Ask uvicorn to shut down, wait for the thread, and release the socket."""
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self._socket.close()

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


def make_server(config: SandboxConfig) -> uvicorn.Server:
    """A uvicorn server for `config`, leaving the process's logging setup alone."""
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
    return uvicorn.Server(uv_config)


def start_sandbox(config: SandboxConfig) -> RunningSandbox:
    """Serve `config` in a daemon thread; return once the port is bound and accepting.

    Raises:
        OSError: when the address cannot be bound.
        RuntimeError: when the server does not come up within ten seconds.
    """
    sock = _bind(config.host, config.port)
    server = make_server(config)

    def serve() -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(server.serve(sockets=[sock]))
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    thread = threading.Thread(target=serve, name="workbench-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError("the sandbox server did not start")
        time.sleep(0.005)
    return RunningSandbox(server, thread, sock, config.key)
