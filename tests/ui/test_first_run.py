"""First run: a "Local sandbox" endpoint is created and selected, the sandbox starts in-process with
a key in the keyring (or without auth, said out loud, when there is no keyring), and rerank and
chat work through it at once."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import pytest

from tests.ui.conftest import run_async
from workbench.api.models import AuthScheme, ChatRequest, RerankRequest
from workbench.core.errors import SecretStoreError
from workbench.ui.app import build_services
from workbench.ui.local_sandbox import SANDBOX_NAME, LocalSandbox

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


@pytest.fixture
def fresh(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> Iterator[tuple[Services, LocalSandbox]]:
    """Services built the way the app builds them, on an empty config folder."""
    services = build_services(qloop)
    sandbox = LocalSandbox(services)
    try:
        yield services, sandbox
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())
        sandbox.stop()
        for endpoint in services.session.endpoints():
            with contextlib.suppress(SecretStoreError):  # nothing stored without a keyring
                services.secrets.delete(endpoint.key_ref)


def _use_it(services: Services, qtbot: QtBot) -> None:
    client = run_async(qtbot, services.session.client())
    ranked = run_async(
        qtbot, client.rerank(RerankRequest(query="café", documents=["tea", "un café crème ☕"]))
    )
    assert ranked.results[0].index == 1
    answer = run_async(qtbot, client.chat(ChatRequest(message="Bonjour !")))
    assert answer.done
    assert answer.text


def test_first_run_creates_selects_and_starts_the_sandbox(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot
) -> None:
    services, sandbox = fresh
    current = services.session.current()
    assert current is not None
    assert (current.name, current.is_sandbox) == (SANDBOX_NAME, True)
    services.tasks.start("app.sandbox", sandbox.start())
    qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)
    started = services.session.current()
    assert started is not None
    assert started.base_url == sandbox.base_url
    assert started.auth is AuthScheme.BEARER
    key = services.secrets.get(started.key_ref)
    assert key
    assert key.startswith("sandbox-")
    assert services.notices.history()[-1].title == "Local sandbox running"
    _use_it(services, qtbot)
    assert services.notices.crashes() == []


def test_a_second_start_keeps_the_endpoint_and_key(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    services, sandbox = fresh
    services.tasks.start("app.sandbox", sandbox.start())
    qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)
    first = services.session.current()
    assert first is not None
    key = services.secrets.get(first.key_ref)
    sandbox.stop()
    again = build_services(qloop)
    assert [e.id for e in again.session.endpoints()] == [first.id]
    second_sandbox = LocalSandbox(again)
    again.tasks.start("app.sandbox", second_sandbox.start())
    qtbot.waitUntil(again.tasks.is_idle, timeout=20_000)
    try:
        assert again.secrets.get(first.key_ref) == key
    finally:
        second_sandbox.stop()
        run_async(qtbot, again.session.aclose())


def test_deleting_the_sandbox_endpoint_sticks(
    fresh: tuple[Services, LocalSandbox], qloop: asyncio.AbstractEventLoop
) -> None:
    services, _ = fresh
    endpoint = services.session.current()
    assert endpoint is not None
    services.session.remove_endpoint(endpoint.id)
    assert build_services(qloop).session.endpoints() == []


def test_without_a_keyring_the_sandbox_runs_without_auth_and_says_so(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot
) -> None:
    services, sandbox = fresh
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        services.tasks.start("app.sandbox", sandbox.start())
        qtbot.waitUntil(services.tasks.is_idle, timeout=20_000)
        titles = [n.title for n in services.notices.history()]
        assert "No secure keyring: the local sandbox runs without a key" in titles
        current = services.session.current()
        assert current is not None
        assert current.auth is AuthScheme.NONE
        _use_it(services, qtbot)
    finally:
        keyring.set_keyring(previous)
