"""Keys in the OS keyring (Secret Service, Keychain, Credential Manager), never in plain text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from workbench.api.text import Text, english
from workbench.core.errors import InsecureKeyringError, SecretStoreError
from workbench.core.keyring_turns import keyring_turn

if TYPE_CHECKING:
    import keyring.backend

# `keyring` itself is imported on first use: loading its backends costs ~60 ms of start-up.

DEFAULT_SERVICE = "cohere-workbench"
MASK = "••••"
INSECURE_ADVICE = english(
    "Keys are stored only in a secure OS keyring, never in a plain file. On Linux, install and "
    "start a Secret Service provider (gnome-keyring or KWallet) in your desktop session, or "
    "choose a backend with the environment variable PYTHON_KEYRING_BACKEND "
    "(for example keyring.backends.SecretService.Keyring). On macOS and Windows the system "
    "keychain / Credential Manager is used automatically."
)
UNLOCK_ADVICE = english("Check that the keyring is unlocked, then try again.")
_INSECURE_NAMES = ("fail", "null", "plaintext", "uncrypted")
# Backend failures (keyring's own errors, D-Bus errors from secretstorage/jeepney, OS errors) are
# expected failures of an external system, so each method turns any exception into a
# SecretStoreError: the person sees "the keyring failed: ..." rather than a crash report.


def keyring_service() -> str:
    """The keyring service name: `$WORKBENCH_KEYRING_SERVICE` or `cohere-workbench`."""
    return os.environ.get("WORKBENCH_KEYRING_SERVICE") or DEFAULT_SERVICE


def masked(key: str | None) -> str:
    """What may be shown of a stored key: `stored ••••abcd` (the last four only), or ''."""
    if not key:
        return ""
    tail = key[-4:] if len(key) >= 12 else ""
    return f"stored {MASK}{tail}"


class SecretStore(Protocol):
    """Where keys live; `ref` is a username such as `endpoint:<id>`."""

    def get(self, ref: str) -> str | None: ...

    def set(self, ref: str, value: str) -> None: ...

    def delete(self, ref: str) -> None: ...


@dataclass(frozen=True)
class BackendStatus:
    """Which keyring backend is active and whether it is safe to store keys in."""

    name: str
    secure: bool
    advice: str = ""


def describe_backend(backend: keyring.backend.KeyringBackend) -> BackendStatus:
    """Classify a keyring backend: the fail/null/plain-text ones are not secure."""
    parts = _leaf_backends(backend)
    name = ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in parts) or "none"
    secure = bool(parts) and all(_is_secure(b) for b in parts)
    return BackendStatus(name=name, secure=secure, advice="" if secure else INSECURE_ADVICE)


def _leaf_backends(backend: keyring.backend.KeyringBackend) -> list[Any]:
    inner = getattr(backend, "backends", None)
    if isinstance(inner, list | tuple):
        return [leaf for b in inner for leaf in _leaf_backends(b)]
    return [backend]


def _is_secure(backend: Any) -> bool:
    label = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    return not any(word in label for word in _INSECURE_NAMES)


class KeyringSecretStore:
    """A `SecretStore` on the `keyring` package; refuses insecure backends.

    Every method may block on D-Bus: the UI calls them through `asyncio.to_thread`.
    """

    def __init__(
        self, service: str | None = None, *, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        self.service = service or keyring_service()
        self._backend = backend

    def backend(self) -> keyring.backend.KeyringBackend:
        """The backend in use (the process-wide one unless one was given)."""
        import keyring

        return self._backend or keyring.get_keyring()

    def status(self) -> BackendStatus:
        """Describe the active backend (not secure, saying why, when it cannot be reached).

        In the keyring's turn, as every call is: finding the backend, and a chain of them asking
        each its priority, talk to the Secret Service over D-Bus.
        """
        with keyring_turn():
            backend = self.backend()
            try:
                return describe_backend(backend)
            except Exception as exc:  # as in `_secure_backend`
                name = f"{type(backend).__module__}.{type(backend).__name__}"
                return BackendStatus(name=f"{name} (unreachable: {exc})", secure=False)

    def get(self, ref: str) -> str | None:
        """The key stored under `ref`, or None."""
        with keyring_turn():
            backend = self._secure_backend()
            try:
                return backend.get_password(self.service, ref)
            except Exception as exc:  # an external system failed (see the note at the top)
                raise _wrap(Text("Reading the key from the keyring failed"), exc) from exc

    def set(self, ref: str, value: str) -> None:
        """Store `value` under `ref`, replacing what was there."""
        with keyring_turn():
            backend = self._secure_backend()
            try:
                backend.set_password(self.service, ref, value)
            except Exception as exc:  # an external system failed (see the note at the top)
                raise _wrap(Text("Storing the key in the keyring failed"), exc) from exc

    def delete(self, ref: str) -> None:
        """Remove the key under `ref`; absent keys are fine."""
        import keyring.errors

        with keyring_turn():
            backend = self._secure_backend()
            try:
                backend.delete_password(self.service, ref)
            except keyring.errors.PasswordDeleteError:
                return
            except Exception as exc:  # an external system failed (see the note at the top)
                raise _wrap(Text("Deleting the key from the keyring failed"), exc) from exc

    def _secure_backend(self) -> keyring.backend.KeyringBackend:
        backend = self.backend()
        try:
            status = describe_backend(backend)
        except Exception as exc:  # keyring's chain asks each backend again; a gone one raises
            raise _wrap(Text("The keyring cannot be reached"), exc) from exc
        if not status.secure:
            raise InsecureKeyringError(
                Text("the keyring found (%1) would not keep keys safe.", status.name),
                advice=status.advice,
            )
        if type(backend).__module__ != "keyring.backends.SecretService":
            return backend
        from workbench.core.secret_service import closing_backend  # Linux only: secretstorage

        return closing_backend(backend)


def _wrap(failed: Text, exc: BaseException) -> SecretStoreError:
    """The error for a keyring call that raised: what failed in the workbench's words, shown in
    the GUI's language, then the keyring's own ("Collection is locked"), which stay as they are."""
    import keyring.errors

    if isinstance(exc, keyring.errors.NoKeyringError):
        return InsecureKeyringError(Text("%1: no keyring backend.", failed), advice=INSECURE_ADVICE)
    detail = str(exc).strip() or type(exc).__name__
    return SecretStoreError(Text("%1: %2.", failed, detail), advice=UNLOCK_ADVICE)
