"""The endpoint session: the saved endpoints, each pane's endpoint, their keys, their clients."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from workbench.api.errors import InputError
from workbench.api.redact import is_secret_header
from workbench.core.endpoints import EndpointSecrets, key_ref, secrets_ref
from workbench.core.rerank_docs import rules_for
from workbench.core.secrets import masked
from workbench.ui.client_cache import ClientCache
from workbench.ui.common.l10n import fill
from workbench.ui.secret_io import read_secret, store_secret

if TYPE_CHECKING:
    import httpx

    from workbench.api.client import WorkbenchClient
    from workbench.api.models import Connection, Flavour
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.runs.history import History
    from workbench.core.secrets import SecretStore
    from workbench.core.settings import SettingsStore


PaneName = Literal["rerank", "chat"]
"""The panes that send requests, each to an endpoint of its own."""
PANES: tuple[PaneName, ...] = ("rerank", "chat")
_FIELDS: dict[PaneName, str] = {"rerank": "rerank_endpoint_id", "chat": "chat_endpoint_id"}
"""The settings field that remembers each pane's endpoint."""


def suits(pane: PaneName, endpoint: EndpointConfig) -> bool:
    """Whether `pane` can send to this endpoint at all (rerank needs a rerank route)."""
    return pane == "chat" or rules_for(endpoint.flavour).supported


def likely_for(pane: PaneName, endpoint: EndpointConfig) -> bool:
    """Whether the endpoint's model is of `pane`'s kind (a serverless deployment serves one
    model, and a rerank model's name says so)."""
    return ("rerank" in (endpoint.model or "").lower()) == (pane == "rerank")


class NoEndpointError(InputError):
    """No endpoint is selected, or the id names none."""

    default_title = "No endpoint selected"


class MissingKeyError(InputError):
    """The endpoint needs a key and the keyring holds none for it."""

    default_title = "No API key stored for this endpoint"


class EndpointSession(QObject):
    """The saved endpoints, each pane's endpoint, and one cached api client per endpoint.

    The Rerank and Chat panes each send to an endpoint of their own (`selected(pane)`): on
    Azure a rerank model and a chat model are separate deployments with separate URLs.
    `current()` is only the Endpoints pane's selection, the endpoint being edited there.
    """

    current_changed = Signal()
    """The Endpoints pane's selection changed (another one picked, or its settings edited)."""
    endpoints_changed = Signal()
    """An endpoint was added, edited or removed."""
    selection_changed = Signal(str)
    """A pane's endpoint changed (payload: "rerank" or "chat"): picked, edited or removed."""

    def __init__(
        self,
        *,
        store: SettingsStore,
        secrets: SecretStore,
        transport: httpx.AsyncBaseTransport | None = None,
        history: History | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._secrets = secrets
        self._keyring_lock = asyncio.Lock()
        self._clients = ClientCache(
            store=store,
            resolve=self._known,
            connect=self.connection_for,
            transport=transport,
            history=history,
        )

    def attach_history(self, history: History | None) -> None:
        """Record every client's runs in `history` from now on (see `Services`)."""
        self._clients.attach_history(history)

    # --- endpoints --------------------------------------------------------------------------

    def endpoints(self) -> list[EndpointConfig]:
        """The saved endpoints in the order shown."""
        return list(self._store.settings.endpoints)

    def endpoint(self, endpoint_id: str | None) -> EndpointConfig | None:
        """The endpoint with this id, or None."""
        return self._store.settings.endpoint(endpoint_id)

    def current(self) -> EndpointConfig | None:
        """The endpoint selected in the Endpoints pane, or None."""
        return self.endpoint(self._store.settings.current_endpoint_id)

    def selected(self, pane: PaneName) -> EndpointConfig | None:
        """The endpoint `pane` sends to: its remembered one, else the likeliest that suits it.

        The likeliest names a model of the pane's kind, and then is the Endpoints pane's
        selection (what settings from before per-pane endpoints remember), then comes first.
        """
        settings = self._store.settings
        chosen = self.endpoint(getattr(settings, _FIELDS[pane]))
        if chosen is not None:
            return chosen
        fitting = [e for e in self.endpoints() if suits(pane, e)]
        current = settings.current_endpoint_id
        fitting.sort(key=lambda e: (not likely_for(pane, e), e.id != current))
        return fitting[0] if fitting else None

    def select(self, pane: PaneName, endpoint_id: str | None) -> None:
        """Remember the endpoint `pane` sends to; emits `selection_changed(pane)` when it differs."""
        if endpoint_id is not None and self.endpoint(endpoint_id) is None:
            raise NoEndpointError(f"no endpoint with id {endpoint_id!r}")
        before = self._selections()
        self._store.update(**{_FIELDS[pane]: endpoint_id})
        self._emit_selection_changes(before)

    def _selections(self) -> dict[PaneName, EndpointConfig | None]:
        return {pane: self.selected(pane) for pane in PANES}

    def _emit_selection_changes(self, before: dict[PaneName, EndpointConfig | None]) -> None:
        for pane, endpoint in self._selections().items():
            if endpoint != before[pane]:
                self.selection_changed.emit(pane)

    def set_current(self, endpoint_id: str | None) -> None:
        """Select an endpoint (saved in settings); emits `current_changed` when it differs."""
        if endpoint_id is not None and self.endpoint(endpoint_id) is None:
            raise NoEndpointError(f"no endpoint with id {endpoint_id!r}")
        if endpoint_id == self._store.settings.current_endpoint_id:
            return
        self._store.update(current_endpoint_id=endpoint_id)
        self.current_changed.emit()

    def save_endpoint(self, endpoint: EndpointConfig) -> None:
        """Add the endpoint, or replace the one with its id; its cached client is retired (the
        next request builds another; requests under way end on the old one)."""
        before = self._selections()
        items = self.endpoints()
        index = next((i for i, e in enumerate(items) if e.id == endpoint.id), None)
        if index is None:
            items.append(endpoint)
        else:
            items[index] = endpoint
        self._store.update(endpoints=items)
        self._clients.drop(endpoint.id)
        self.endpoints_changed.emit()
        self._emit_selection_changes(before)
        if endpoint.id == self._store.settings.current_endpoint_id:
            self.current_changed.emit()

    def remove_endpoint(self, endpoint_id: str) -> None:
        """Remove an endpoint (its key is the caller's to delete, off the UI thread)."""
        before = self._selections()
        items = [e for e in self.endpoints() if e.id != endpoint_id]
        was_current = endpoint_id == self._store.settings.current_endpoint_id
        changes: dict[str, Any] = {"endpoints": items}
        if was_current:
            changes["current_endpoint_id"] = items[0].id if items else None
        for field in _FIELDS.values():
            if getattr(self._store.settings, field) == endpoint_id:
                changes[field] = None  # the pane falls back to the likeliest endpoint left
        self._store.update(**changes)
        self._clients.drop(endpoint_id)
        self.endpoints_changed.emit()
        self._emit_selection_changes(before)
        if was_current:
            self.current_changed.emit()

    # --- keys (each call runs off the UI thread) ---------------------------------------------

    async def set_key(self, endpoint_id: str, key: str | None) -> None:
        """Store (or with None/'' delete) the endpoint's key in the keyring."""
        await store_secret(self._secrets, key_ref(endpoint_id), key)
        self._clients.drop(endpoint_id)

    async def read_key(self, endpoint_id: str) -> str | None:
        """The endpoint's key from the keyring, or None."""
        return await read_secret(self._secrets, key_ref(endpoint_id))

    async def read_secrets(self, endpoint_id: str) -> EndpointSecrets:
        """The endpoint's secret header values and proxy password from the keyring."""
        return EndpointSecrets.from_json(await read_secret(self._secrets, secrets_ref(endpoint_id)))

    async def store_secrets(self, endpoint_id: str, typed: EndpointSecrets) -> None:
        """Keep what is typed (a value left masked keeps the stored one); nothing left: delete."""
        merged = (await self.read_secrets(endpoint_id)).merged(typed)
        value = None if merged.is_empty() else merged.to_json()
        await store_secret(self._secrets, secrets_ref(endpoint_id), value)
        self._clients.drop(endpoint_id)

    async def move_plain_secrets(self) -> list[str]:
        """Move secret header values that settings from older versions hold in plain text
        (`Ocp-Apim-Subscription-Key`...) into the keyring; returns the endpoints' names."""
        moved = []
        for endpoint in self.endpoints():
            plain = {k: v for k, v in endpoint.extra_headers.items() if is_secret_header(k)}
            if not plain:
                continue
            await self.store_secrets(endpoint.id, EndpointSecrets(headers=plain))
            self.save_endpoint(
                endpoint.model_copy(
                    update={
                        "extra_headers": {
                            k: v for k, v in endpoint.extra_headers.items() if k not in plain
                        },
                        "keyring_headers": [*endpoint.keyring_headers, *plain],
                    }
                )
            )
            moved.append(endpoint.name)
        return moved

    async def key_hint(self, endpoint_id: str) -> str:
        """`stored ••••last4` when a key is stored, else ''."""
        return masked(await self.read_key(endpoint_id))

    # --- clients ------------------------------------------------------------------------------

    async def client_for(self, endpoint_id: str, flavour: Flavour | None = None) -> WorkbenchClient:
        """The cached api client for this endpoint, built on first use with its keyring key.

        With `flavour`, the client reaches the same deployment on that flavour's routes (the
        Compare pane's native-versus-`/chat/completions` preset); it is cached apart.

        Raises:
            NoEndpointError: no endpoint has this id.
            MissingKeyError: the endpoint needs a key and none is stored.
        """
        return await self._clients.client_for(endpoint_id, flavour)

    def _known(self, endpoint_id: str) -> EndpointConfig:
        """The endpoint with this id (the client cache's `resolve`), else NoEndpointError."""
        endpoint = self.endpoint(endpoint_id)
        if endpoint is None:
            raise NoEndpointError(f"no endpoint with id {endpoint_id!r}")
        return endpoint

    def forget_sent_bodies(self) -> None:
        """Every cached client drops what it kept of its last request's body (after a Clear)."""
        self._clients.forget_sent_bodies()

    async def warm_up(self) -> None:
        """Load what any first client needs off the UI thread (`ClientCache.warm_up`)."""
        await self._clients.warm_up()

    async def aclose(self) -> None:
        """Close every client, requests under way or not, and wait for closes under way."""
        await self._clients.aclose()

    @property
    def transport(self) -> httpx.AsyncBaseTransport | None:
        """The transport clients use instead of the network (tests), or None."""
        return self._clients.transport

    async def connection_for(self, endpoint: EndpointConfig) -> Connection:
        """The endpoint's Connection with its key and secret headers from the keyring.

        Raises:
            MissingKeyError: the endpoint needs a key and none is stored.
        """
        key: str | None = None
        # One keyring read at a time: the Compare pane builds up to three clients at once, and
        # concurrent reads came back "Item does not exist" in its first test runs.
        async with self._keyring_lock:
            if endpoint.needs_key:
                key = await self.read_key(endpoint.id)
            secrets = await self.read_secrets(endpoint.id) if endpoint.has_secrets else None
        if endpoint.needs_key and not key:
            advice = QCoreApplication.translate(
                "EndpointSession",
                "Enter the key for “%1” in the Endpoints pane, or set its authentication to None.",
            )
            raise MissingKeyError(fill(advice, endpoint.name))
        return endpoint.to_connection(key, secrets)
