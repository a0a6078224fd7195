"""Every D-Bus connection the keyring opens is closed, on success and on each failure path, and an
unlock prompt is waited on for a bounded time (against the real Secret Service)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import keyring.backends.SecretService
import pytest
import secretstorage

from workbench.core import secret_service
from workbench.core.errors import SecretStoreError
from workbench.core.secret_service import UNLOCK_PROMPT_TIMEOUT_S
from workbench.core.secrets import KeyringSecretStore, keyring_service

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.usefixtures("live_keyring")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every D-Bus connection the keyring opens during the test; all must be closed by its end."""
    connections: list[Any] = []
    real = secret_service.connect

    def recording() -> Any:
        connections.append(real())
        return connections[-1]

    monkeypatch.setattr(secret_service, "connect", recording)
    yield connections
    assert connections, "the test opened no D-Bus connection"
    assert [c.sock.fileno() for c in connections] == [-1] * len(connections), "left open"


def _store(service: str, **attributes: str) -> KeyringSecretStore:
    backend = keyring.backends.SecretService.Keyring()
    for name, value in attributes.items():
        setattr(backend, name, value)
    return KeyringSecretStore(service, backend=backend)


def test_set_get_delete_close_their_connections(opened: list[Any]) -> None:
    store = _store(keyring_service())
    store.set("endpoint:a", "value")
    assert store.get("endpoint:a") == "value"
    store.delete("endpoint:a")
    assert len(opened) == 3


def test_a_missing_collection_closes_the_connection(
    opened: list[Any], keyring_errors_expected: list[SecretStoreError]
) -> None:
    store = _store("x", preferred_collection="/org/freedesktop/secrets/collection/wb_none")
    with pytest.raises(SecretStoreError, match="Reading the key from the keyring failed"):
        store.get("endpoint:a")
    assert len(keyring_errors_expected) == 1


def test_a_dismissed_unlock_prompt_closes_the_connection_and_waits_a_bounded_time(
    opened: list[Any],
    keyring_errors_expected: list[SecretStoreError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompts: list[float | None] = []

    def dismissed(collection: Any, timeout: float | None = None) -> bool:
        prompts.append(timeout)
        return True

    monkeypatch.setattr(secretstorage.Collection, "is_locked", lambda collection: True)
    monkeypatch.setattr(secretstorage.Collection, "unlock", dismissed)
    with pytest.raises(SecretStoreError, match="Failed to unlock the collection"):
        _store("x").set("endpoint:a", "value")
    assert prompts == [UNLOCK_PROMPT_TIMEOUT_S]
    assert len(keyring_errors_expected) == 1


def test_connecting_allows_a_busy_machine_time_and_closes_a_half_set_up_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    timeouts: list[float] = []
    connections: list[Any] = []
    real = secret_service.open_dbus_connection  # type: ignore[attr-defined]

    def opening(auth_timeout: float) -> Any:
        timeouts.append(auth_timeout)
        connections.append(real(auth_timeout=auth_timeout))
        return connections[-1]

    def refused(connection: Any) -> None:
        raise OSError("the bus refused the match rule")

    monkeypatch.setattr(secret_service, "open_dbus_connection", opening)
    monkeypatch.setattr(secret_service, "add_match_rules", refused)
    with pytest.raises(OSError, match="refused the match rule"):
        secret_service.connect()
    assert timeouts == [secret_service.AUTH_TIMEOUT_S]
    assert connections[0].sock.fileno() == -1
