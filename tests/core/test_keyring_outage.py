"""The keyring's daemon going away while the app runs is a keyring error the person can read, not
a crash report (against the real Secret Service, stopped on purpose: `serial`)."""

from __future__ import annotations

import keyring.backend
import keyring.backends.SecretService
import pytest
from keyring.backends.chainer import ChainerBackend

from tests.keyring_health import break_keyring
from workbench.core.errors import SecretStoreError
from workbench.core.secrets import KeyringSecretStore, keyring_service

# It stops the daemon every test process shares: tests/run runs it on its own.
pytestmark = pytest.mark.serial


@pytest.mark.usefixtures("own_keyring")
def test_a_chain_of_keyrings_whose_daemon_went_away_is_a_keyring_error() -> None:
    # keyring chains its backends when more than one is usable, and the chain asks each one's
    # priority again on every call: the Secret Service's then raised a RuntimeError, which no
    # keyring error handler caught.
    found = keyring.backend.get_all_keyring()
    assert any(isinstance(b, keyring.backends.SecretService.Keyring) for b in found)
    store = KeyringSecretStore(keyring_service(), backend=ChainerBackend())
    break_keyring("gone")
    with pytest.raises(SecretStoreError, match="The keyring cannot be reached"):
        store.get("endpoint:a")
    status = store.status()
    assert not status.secure
    assert "unreachable" in status.name
