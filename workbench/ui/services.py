"""Services the panes share: the endpoint session (config + key → client) and the Services bundle."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr
from PySide6.QtCore import QObject, Signal

from workbench.api.errors import InputError
from workbench.api.redact import register_secret
from workbench.core.endpoints import key_ref
from workbench.core.secrets import masked

if TYPE_CHECKING:
    import httpx

    from workbench.api.client import WorkbenchClient
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.secrets import SecretStore
    from workbench.core.settings import SettingsStore
    from workbench.ui.async_bridge import TaskRunner
    from workbench.ui.notices import NoticeCenter


class NoEndpointError(InputError):
    """No endpoint is selected, or the id names none."""

    default_title = "No endpoint selected"


class MissingKeyError(InputError):
    """The endpoint needs a key and the keyring holds none for it."""

    default_title = "No API key stored for this endpoint"


class EndpointSession(QObject):
    """The saved endpoints, the current one, and one cached api client per endpoint."""

    current_changed = Signal()
    """The current endpoint changed (another one picked, or its settings edited)."""
    endpoints_changed = Signal()
    """An endpoint was added, edited or removed."""

    def __init__(
        self,
        *,
        store: SettingsStore,
        secrets: SecretStore,
        transport: httpx.AsyncBaseTransport | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._secrets = secrets
        self._transport = transport
        self._clients: dict[str, tuple[EndpointConfig, WorkbenchClient]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._closing: set[asyncio.Task[None]] = set()

    # --- endpoints --------------------------------------------------------------------------

    def endpoints(self) -> list[EndpointConfig]:
        """The saved endpoints in the order shown."""
        return list(self._store.settings.endpoints)

    def endpoint(self, endpoint_id: str | None) -> EndpointConfig | None:
        """The endpoint with this id, or None."""
        return self._store.settings.endpoint(endpoint_id)

    def current(self) -> EndpointConfig | None:
        """The selected endpoint, or None."""
        return self.endpoint(self._store.settings.current_endpoint_id)

    def set_current(self, endpoint_id: str | None) -> None:
        """Select an endpoint (saved in settings); emits `current_changed` when it differs."""
        if endpoint_id is not None and self.endpoint(endpoint_id) is None:
            raise NoEndpointError(f"no endpoint with id {endpoint_id!r}")
        if endpoint_id == self._store.settings.current_endpoint_id:
            return
        self._store.update(current_endpoint_id=endpoint_id)
        self.current_changed.emit()

    def save_endpoint(self, endpoint: EndpointConfig) -> None:
        """Add the endpoint, or replace the one with its id; its cached client is closed."""
        items = self.endpoints()
        index = next((i for i, e in enumerate(items) if e.id == endpoint.id), None)
        if index is None:
            items.append(endpoint)
        else:
            items[index] = endpoint
        self._store.update(endpoints=items)
        self._drop_client(endpoint.id)
        self.endpoints_changed.emit()
        if endpoint.id == self._store.settings.current_endpoint_id:
            self.current_changed.emit()

    def remove_endpoint(self, endpoint_id: str) -> None:
        """Remove an endpoint (its key is the caller's to delete, off the UI thread)."""
        items = [e for e in self.endpoints() if e.id != endpoint_id]
        was_current = endpoint_id == self._store.settings.current_endpoint_id
        changes: dict[str, Any] = {"endpoints": items}
        if was_current:
            changes["current_endpoint_id"] = items[0].id if items else None
        self._store.update(**changes)
        self._drop_client(endpoint_id)
        self.endpoints_changed.emit()
        if was_current:
            self.current_changed.emit()

    # --- keys (each call runs off the UI thread) ---------------------------------------------

    async def set_key(self, endpoint_id: str, key: str | None) -> None:
        """Store (or with None/'' delete) the endpoint's key in the keyring."""
        await store_secret(self._secrets, key_ref(endpoint_id), key)
        self._drop_client(endpoint_id)

    async def read_key(self, endpoint_id: str) -> str | None:
        """The endpoint's key from the keyring, or None."""
        return await read_secret(self._secrets, key_ref(endpoint_id))

    async def key_hint(self, endpoint_id: str) -> str:
        """`stored ••••last4` when a key is stored, else ''."""
        return masked(await self.read_key(endpoint_id))

    # --- clients ------------------------------------------------------------------------------

    async def client(self) -> WorkbenchClient:
        """The api client for the current endpoint.

        Raises:
            NoEndpointError: nothing is selected.
            MissingKeyError: the endpoint needs a key and none is stored.
        """
        current = self.current()
        if current is None:
            raise NoEndpointError("Pick or add an endpoint in the Endpoints pane first.")
        return await self.client_for(current.id)

    async def client_for(self, endpoint_id: str) -> WorkbenchClient:
        """The cached api client for this endpoint, built on first use with its keyring key."""
        lock = self._locks.setdefault(endpoint_id, asyncio.Lock())
        async with lock:
            endpoint = self.endpoint(endpoint_id)
            if endpoint is None:
                raise NoEndpointError(f"no endpoint with id {endpoint_id!r}")
            cached = self._clients.get(endpoint_id)
            if cached is not None and cached[0] == endpoint:
                return cached[1]
            self._drop_client(endpoint_id)
            client = await self._build_client(endpoint)
            self._clients[endpoint_id] = (endpoint, client)
            return client

    async def aclose(self) -> None:
        """Close every cached client and wait for closes already under way."""
        for endpoint_id in list(self._clients):
            self._drop_client(endpoint_id)
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)

    async def _build_client(self, endpoint: EndpointConfig) -> WorkbenchClient:
        # Imported on first use: httpx and the flavours are not needed to show the window.
        from workbench.api.client import WorkbenchClient

        key: str | None = None
        if endpoint.needs_key:
            key = await self.read_key(endpoint.id)
            if not key:
                raise MissingKeyError(
                    f"Enter the key for “{endpoint.name}” in the Endpoints pane, or set its "
                    "authentication to None."
                )
        return WorkbenchClient(endpoint.to_connection(key), transport=self._transport)

    def _drop_client(self, endpoint_id: str) -> None:
        cached = self._clients.pop(endpoint_id, None)
        if cached is None:
            return
        task = asyncio.get_event_loop().create_task(cached[1].aclose())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)


async def read_secret(store: SecretStore, ref: str) -> str | None:
    """`store.get(ref)` on a worker thread.

    The value crosses threads wrapped in a SecretStr: the executor logs callbacks, arguments
    and results at debug level, and a plain string would land in the log as it is.
    """
    wrapped = await asyncio.to_thread(_get_wrapped, store, ref)
    return wrapped.get_secret_value() if wrapped is not None else None


async def store_secret(store: SecretStore, ref: str, value: str | None) -> None:
    """`store.set(ref, value)` (or `delete` for None/'') on a worker thread, value wrapped."""
    if value:
        register_secret(value)
        await asyncio.to_thread(_set_wrapped, store, ref, SecretStr(value))
    else:
        await asyncio.to_thread(store.delete, ref)


def _get_wrapped(store: SecretStore, ref: str) -> SecretStr | None:
    value = store.get(ref)
    if not value:
        return None
    register_secret(value)  # any log line that still carries it gets redacted
    return SecretStr(value)


def _set_wrapped(store: SecretStore, ref: str, value: SecretStr) -> None:
    store.set(ref, value.get_secret_value())


@dataclass(frozen=True)
class Services:
    """What every pane receives: built once in `ui/app.py` (or a test fixture), passed down."""

    notices: NoticeCenter
    tasks: TaskRunner
    session: EndpointSession
    secrets: SecretStore
    settings: SettingsStore
