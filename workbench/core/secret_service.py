"""keyring's Secret Service backend, made to close its D-Bus connection on every failure path.

keyring opens a new D-Bus connection for each call and closes it once it has the collection, but
not when getting the collection fails (no daemon, a dismissed or failed unlock prompt): that socket
stays open until garbage collection warns about it, long after the error was shown. It also waits
on an unlock prompt with no time limit, and jeepney gives D-Bus authentication only 1 s, which a
machine with every core busy can miss. This subclass fixes all three and is used in keyring's place.
"""

from __future__ import annotations

from typing import Any

import secretstorage
import secretstorage.exceptions
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
from keyring.backend import KeyringBackend
from keyring.backends import SecretService
from keyring.errors import InitError, KeyringLocked
from secretstorage.util import add_match_rules

UNLOCK_PROMPT_TIMEOUT_S = 120.0
"""How long an unlock prompt may stay unanswered: a person types a password, a headless session
with no prompter must not hang a worker thread for ever."""
AUTH_TIMEOUT_S = 25.0
"""How long D-Bus authentication may take (D-Bus's own reply timeout; jeepney's default is 1 s)."""


class ClosingSecretService(SecretService.Keyring):
    """keyring's Secret Service backend that never leaves a D-Bus connection open."""

    def get_preferred_collection(self) -> Any:
        """The unlocked collection on a new connection (closed here if anything fails)."""
        bus = connect()
        try:
            return _unlocked(self._collection(bus))
        except BaseException:
            bus.close()
            raise

    def _collection(self, bus: Any) -> secretstorage.Collection:
        try:
            if hasattr(self, "preferred_collection"):
                return secretstorage.Collection(bus, self.preferred_collection)
            return secretstorage.get_default_collection(bus)
        except secretstorage.exceptions.SecretStorageException as exc:
            raise InitError(f"Failed to create the collection: {exc}.") from exc

    def unlock(self, item: Any) -> None:
        """Unlock one item, waiting at most `UNLOCK_PROMPT_TIMEOUT_S` for the prompt."""
        if hasattr(item, "unlock"):
            item.unlock(timeout=UNLOCK_PROMPT_TIMEOUT_S)
        if item.is_locked():  # the prompt was dismissed
            raise KeyringLocked("Failed to unlock the item!")


def connect() -> Any:
    """A session-bus connection set up as `secretstorage.dbus_init` does, with a patient timeout.

    Raises:
        SecretServiceNotAvailableException: there is no session bus to connect to.
    """
    try:
        connection = open_dbus_connection(auth_timeout=AUTH_TIMEOUT_S)
    except KeyError as exc:  # DBUS_SESSION_BUS_ADDRESS
        raise secretstorage.exceptions.SecretServiceNotAvailableException(
            f"Environment variable {exc.args[0]} is unset"
        ) from exc
    except (ConnectionError, ValueError) as exc:
        raise secretstorage.exceptions.SecretServiceNotAvailableException(str(exc)) from exc
    try:
        add_match_rules(connection)
    except BaseException:
        connection.close()
        raise
    return connection


# keyring registers every backend subclass as a candidate for its own detection; this one only
# stands in for the detected Secret Service backend, so it must not be detected beside it.
KeyringBackend._classes.discard(ClosingSecretService)


def _unlocked(collection: secretstorage.Collection) -> secretstorage.Collection:
    if collection.is_locked():
        collection.unlock(timeout=UNLOCK_PROMPT_TIMEOUT_S)
        if collection.is_locked():  # the prompt was dismissed
            raise KeyringLocked("Failed to unlock the collection!")
    return collection


def closing_backend(backend: KeyringBackend) -> KeyringBackend:
    """The closing stand-in for keyring's own Secret Service backend, with its settings."""
    if type(backend) is not SecretService.Keyring:
        return backend
    closing = ClosingSecretService.__new__(ClosingSecretService)
    closing.__dict__.update(backend.__dict__)  # preferred collection, scheme
    return closing
