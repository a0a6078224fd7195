"""KeyringSecretStore against the real Secret Service, and the refusal of insecure backends."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import pytest

from workbench.core.errors import InsecureKeyringError
from workbench.core.secrets import INSECURE_ADVICE, KeyringSecretStore, describe_backend, masked

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def store(_private_keyring_service: str, live_keyring: None) -> Iterator[KeyringSecretStore]:
    real = KeyringSecretStore(_private_keyring_service)
    status = real.status()
    assert status.secure, f"tests need a real Secret Service (run tests/run): {status.name}"
    yield real
    real.delete("endpoint:a")


def test_set_get_delete_round_trip(store: KeyringSecretStore) -> None:
    key = "test-" + secrets.token_hex(8)
    assert store.get("endpoint:a") is None
    store.set("endpoint:a", key)
    assert store.get("endpoint:a") == key
    assert KeyringSecretStore(store.service).get("endpoint:a") == key  # really in the keyring
    store.delete("endpoint:a")
    assert store.get("endpoint:a") is None
    store.delete("endpoint:a")  # deleting what is not there is fine


def test_fail_backend_is_refused_with_instructions() -> None:
    store = KeyringSecretStore(backend=keyring.backends.fail.Keyring())
    assert not store.status().secure
    with pytest.raises(InsecureKeyringError) as caught:
        store.set("endpoint:a", "k")
    message = str(caught.value)
    assert "gnome-keyring" in message
    assert "PYTHON_KEYRING_BACKEND" in message
    # Title and message read "No secure keyring available: No secure keyring is available".
    assert message.lower().count("no secure keyring") == 1
    assert "keyring.backends.fail.Keyring) would not keep keys safe" in message
    with pytest.raises(InsecureKeyringError):
        store.get("endpoint:a")


def test_process_wide_fail_backend_is_refused() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        store = KeyringSecretStore()
        with pytest.raises(InsecureKeyringError) as caught:
            store.set("endpoint:a", "k")
        assert caught.value.advice == INSECURE_ADVICE
    finally:
        keyring.set_keyring(previous)


def test_plaintext_like_backends_count_as_insecure() -> None:
    class PlaintextKeyring(keyring.backends.fail.Keyring):
        """Stands in for keyrings.alt's plain-text file backend (named alike)."""

    assert not describe_backend(PlaintextKeyring()).secure


def test_masked_shows_at_most_the_last_four() -> None:
    assert masked("sk-abcdefghijkl1234") == "stored ••••1234"
    assert masked("short") == "stored ••••"
    assert masked(None) == ""
