"""Saved endpoints for front ends without a UI: find one by name, build its Connection with its key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.core.endpoints import EndpointSecrets
from workbench.core.secrets import KeyringSecretStore
from workbench.core.settings import SettingsStore

if TYPE_CHECKING:
    from workbench.api.models import Connection
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.secrets import SecretStore


def find_endpoint(endpoints: list[EndpointConfig], name: str, *, where: str = "") -> EndpointConfig:
    """The endpoint with this name (exact, else case-insensitive) or id.

    Raises:
        InputError: no endpoint matches; the message lists the saved names.
    """
    wanted = name.strip()
    for found in (
        [e for e in endpoints if e.name == wanted],
        [e for e in endpoints if e.name.casefold() == wanted.casefold()],
        [e for e in endpoints if e.id == wanted],
    ):
        if len(found) == 1:
            return found[0]
    names = ", ".join(f"“{e.name}”" for e in endpoints) or "none yet (add them in the GUI)"
    raise InputError(
        f"no saved endpoint is called {wanted!r}; saved: {names}",
        title="Unknown endpoint",
        where=where,
    )


def connection_for(
    name: str,
    *,
    store: SettingsStore | None = None,
    secrets: SecretStore | None = None,
    where: str = "--endpoint",
) -> Connection:
    """The Connection for a saved endpoint, its key read from the OS keyring.

    Args:
        name: the endpoint's name (or id).
        store: the settings (default: the config folder's).
        secrets: the key store (default: the OS keyring under the workbench's service).
        where: how the person named the endpoint, for error messages.

    Returns:
        A ready Connection.

    Raises:
        InputError: unknown endpoint, the local sandbox (it runs only inside the GUI), or a
            missing key.
        SecretStoreError: the keyring failed or is not secure.
    """
    store = store or SettingsStore.default()
    endpoint = find_endpoint(store.settings.endpoints, name, where=where)
    if endpoint.is_sandbox:
        raise InputError(
            "the local sandbox endpoint exists only while the GUI runs; start one with "
            "`workbench sandbox` and pass its --url instead",
            title="Endpoint not available here",
            where=where,
        )
    key = None
    if endpoint.needs_key:
        key = (secrets or KeyringSecretStore()).get(endpoint.key_ref)
        if not key:
            raise InputError(
                f"no key is stored for “{endpoint.name}”; enter it in the GUI's Endpoints pane",
                title="No API key stored",
                where=where,
            )
    extras = None
    if endpoint.has_secrets:
        text = (secrets or KeyringSecretStore()).get(endpoint.secrets_ref)
        extras = EndpointSecrets.from_json(text)
    return endpoint.to_connection(key, extras)
