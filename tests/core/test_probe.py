"""Connection test against the real sandbox: success with model info, and each failure in words."""

from __future__ import annotations

import asyncio
import socket
from typing import TYPE_CHECKING

from workbench.api.client import WorkbenchClient
from workbench.api.errors import ConnectError
from workbench.api.models import Connection, Flavour
from workbench.core.probe import ProbeReport, explain, probe

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox


def _probe(connection: Connection) -> ProbeReport:
    async def run() -> ProbeReport:
        async with WorkbenchClient(connection) as client:
            return await probe(client)

    return asyncio.run(run())


def _sandbox(sandbox: RunningSandbox, **changes: object) -> Connection:
    fields: dict[str, object] = {
        "base_url": sandbox.base_url,
        "flavour": Flavour.COHERE_V1,
        "api_key": sandbox.key,
    }
    return Connection.model_validate({**fields, **changes})


def test_success_reports_model_info_and_latency(sandbox: RunningSandbox) -> None:
    report = _probe(_sandbox(sandbox))
    assert report.ok
    assert report.model.get("name")
    assert report.latency_ms is not None
    assert report.url.endswith("/info")


def test_wrong_key(sandbox: RunningSandbox) -> None:
    report = _probe(_sandbox(sandbox, api_key="nope-nope-nope"))
    assert not report.ok
    assert str(report.explanation).startswith("Wrong key")


def test_tls_to_a_plain_http_server(sandbox: RunningSandbox) -> None:
    report = _probe(_sandbox(sandbox, base_url=sandbox.base_url.replace("http:", "https:")))
    assert not report.ok
    assert str(report.explanation).startswith("TLS")


def test_timeout_when_the_server_is_slow(sandbox: RunningSandbox) -> None:
    slow = _sandbox(sandbox, timeout_s=0.3, extra_headers={"x-sandbox-fault": "delay_ms=3000"})
    report = _probe(slow)
    assert not report.ok
    assert str(report.explanation).startswith("Timeout")


def test_refused_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = _probe(Connection(base_url=f"http://127.0.0.1:{port}"))
    assert str(report.explanation).startswith("Connection refused")


def test_dns_and_proxy_failures_are_named_from_the_cause_chain() -> None:
    def chained(cause: BaseException) -> ConnectError:
        try:
            raise cause
        except BaseException as inner:
            err = ConnectError("All connection attempts failed")
            err.__cause__ = inner
            return err

    dns = chained(socket.gaierror(-2, "Name or service not known"))
    assert str(explain(dns)).startswith("DNS")
    proxy = chained(OSError("407 Proxy Authentication Required"))
    assert str(explain(proxy)).startswith("Proxy")
    # A port or address holding the digits 407 is not a proxy's answer.
    for address in ("('127.0.0.1', 40712)", "127.0.0.1:14070", "10.0.40.7:8080"):
        refused = chained(ConnectionRefusedError(111, f"Connect call failed {address}"))
        assert str(explain(refused)).startswith("Connection refused")
