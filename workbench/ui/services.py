"""Services the panes share: the endpoint session (config + key → client) and the Services bundle."""

from __future__ import annotations

import asyncio
import functools
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import SecretStr
from PySide6.QtCore import QCoreApplication, QObject, Signal

from workbench.api.errors import InputError
from workbench.api.redact import is_secret_header, register_secret
from workbench.core.chat_compare import on_route
from workbench.core.endpoints import EndpointSecrets, key_ref, secrets_ref
from workbench.core.errors import os_reason
from workbench.core.rerank_docs import rules_for
from workbench.core.secrets import masked
from workbench.ui.async_bridge import TaskRunner
from workbench.ui.common.demo import DemoMode
from workbench.ui.common.l10n import fill
from workbench.ui.notices import NoticeCenter

if TYPE_CHECKING:
    from collections.abc import Callable

    import httpx

    from workbench.api.client import WorkbenchClient
    from workbench.api.models import Connection, Flavour, Outgoing
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.runs.history import History
    from workbench.core.runs.tap import ActiveRun
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
        self._history = history
        self._store = store
        self._secrets = secrets
        self._transport = transport
        self._clients: dict[str, tuple[EndpointConfig, WorkbenchClient]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._keyring_lock = asyncio.Lock()
        self._closing: set[asyncio.Task[None]] = set()
        self._retired: weakref.WeakSet[WorkbenchClient] = weakref.WeakSet()
        """Dropped clients that close when their requests end (or at `aclose`)."""

    def attach_history(self, history: History | None) -> None:
        """Record every client's runs in `history` from now on (see `Services`)."""
        self._history = history
        for endpoint, client in self._clients.values():  # none yet when the app attaches it
            client.recorder = self._recorder(endpoint, client)

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
        self._drop_client(endpoint.id)
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
        self._drop_client(endpoint_id)
        self.endpoints_changed.emit()
        self._emit_selection_changes(before)
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

    async def read_secrets(self, endpoint_id: str) -> EndpointSecrets:
        """The endpoint's secret header values and proxy password from the keyring."""
        return EndpointSecrets.from_json(await read_secret(self._secrets, secrets_ref(endpoint_id)))

    async def store_secrets(self, endpoint_id: str, typed: EndpointSecrets) -> None:
        """Keep what is typed (a value left masked keeps the stored one); nothing left: delete."""
        merged = (await self.read_secrets(endpoint_id)).merged(typed)
        value = None if merged.is_empty() else merged.to_json()
        await store_secret(self._secrets, secrets_ref(endpoint_id), value)
        self._drop_client(endpoint_id)

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
        lock = self._locks.setdefault(endpoint_id, asyncio.Lock())
        async with lock:
            endpoint = self.endpoint(endpoint_id)
            if endpoint is None:
                raise NoEndpointError(f"no endpoint with id {endpoint_id!r}")
            cache_key = endpoint_id
            if flavour is not None and flavour != endpoint.flavour:
                endpoint, cache_key = on_route(endpoint, flavour), f"{endpoint_id}@{flavour}"
            cached = self._clients.get(cache_key)
            if cached is not None and cached[0] == endpoint:
                return cached[1]
            self._drop_one(cache_key)
            client = await self._build_client(endpoint)
            self._clients[cache_key] = (endpoint, client)
            return client

    def forget_sent_bodies(self) -> None:
        """Every cached client drops what it kept of its last request's body (after a Clear)."""
        for _endpoint, client in self._clients.values():
            client.forget_sent_bodies()

    async def warm_up(self) -> None:
        """Load on a worker thread what any first client needs: the transport's modules and
        the system's CA bundle (the app calls this after the first paint, so that a person's
        first Send does not wait ~125 ms for them, issue 15)."""
        await asyncio.to_thread(_warm_up)

    async def aclose(self) -> None:
        """Close every client, requests under way or not, and wait for closes under way."""
        for endpoint_id in list(self._clients):
            self._drop_client(endpoint_id)
        closes = [client.aclose() for client in list(self._retired)]
        await asyncio.gather(*self._closing, *closes, return_exceptions=True)

    @property
    def transport(self) -> httpx.AsyncBaseTransport | None:
        """The transport clients use instead of the network (tests), or None."""
        return self._transport

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

    async def _build_client(self, endpoint: EndpointConfig) -> WorkbenchClient:
        connection = await self.connection_for(endpoint)
        # On a worker thread: the first client imports httpx and its async backend and loads
        # the CA bundle, ~100 ms that froze the window at the first Send (issue 15).
        client = await asyncio.to_thread(_new_client, connection, self._transport)
        client.recorder = self._recorder(endpoint, client)
        return client

    def _recorder(
        self, endpoint: EndpointConfig, client: WorkbenchClient
    ) -> Callable[[str, Outgoing], ActiveRun | None] | None:
        if self._history is None:
            return None
        return functools.partial(self._record, endpoint, client.connection)

    def _record(
        self, endpoint: EndpointConfig, connection: Connection, kind: str, request: Outgoing
    ) -> ActiveRun | None:
        """A run in the history for one rerank or chat call (None when history is off)."""
        if self._history is None or not self._store.settings.keep_history:
            return None
        from workbench.core.chat_metrics import price_table  # here: not for the first paint
        from workbench.core.runs.history import chat_start, rerank_start  # loaded with History

        make = chat_start if kind == "chat" else rerank_start
        start = make(connection, request, endpoint=endpoint.name, source="gui")  # type: ignore[arg-type]  # the client passes the request its kind names
        start.prices = price_table(endpoint.prices)
        return self._history.begin(start)

    def _drop_client(self, endpoint_id: str) -> None:
        for cache_key in [k for k in self._clients if k.partition("@")[0] == endpoint_id]:
            self._drop_one(cache_key)

    def _drop_one(self, cache_key: str) -> None:
        """Forget a cached client; it closes once the requests it carries have ended (an
        endpoint saved while an answer streams: the answer goes on)."""
        cached = self._clients.pop(cache_key, None)
        if cached is None:
            return
        self._retired.add(cached[1])
        task = asyncio.get_event_loop().create_task(cached[1].retire())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)


def _new_client(
    connection: Connection, transport: httpx.AsyncBaseTransport | None
) -> WorkbenchClient:
    """A client for `connection`, its modules imported here (httpx is not needed to show the
    window); nothing in it is bound to an event loop until its first request."""
    from workbench.api.client import WorkbenchClient

    _warm_up()  # done already unless the person sent before the warm-up finished
    return WorkbenchClient(connection, transport=transport)


def _warm_up() -> None:
    from workbench.api.client import warm_up

    warm_up()


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
    demo: DemoMode
    """Demo mode: the switch, and what masks hosts, enlarges fonts and hides connections."""
    history: History | None = None
    """The run history (None: nothing is recorded, as in tests that do not ask for it). The app
    opens it once the window is shown (`attach_history`)."""

    def attach_history(self, history: History | None) -> None:
        """Record runs in `history` from now on.

        Opening the history imports the run store and its writer and, on a first run, creates
        the database (fsyncs included): 30-80 ms the first paint does not need (issue 15). The
        app attaches it on the event loop's first turn, before a request can be sent; clients
        built before it would record from then on too.
        """
        object.__setattr__(self, "history", history)  # frozen for the panes, set once by the app
        self.session.attach_history(history)

    @classmethod
    def assemble(
        cls,
        *,
        store: SettingsStore,
        secrets: SecretStore,
        loop: asyncio.AbstractEventLoop | None = None,
        notices: NoticeCenter | None = None,
        history: History | None = None,
    ) -> Services:
        """Wire the services around a settings store and a secret store.

        Args:
            store: the settings (endpoints, per-pane choices).
            secrets: where keys live (the OS keyring in the app).
            loop: the qasync loop tasks run on; the running loop when None.
            notices: a notice center that already exists (the app posts start-up problems to it).
            history: the run history GUI runs are recorded in (None: none are).

        Returns:
            The bundle every pane receives.
        """
        center = notices or NoticeCenter()
        store.on_save_failed = functools.partial(_settings_not_saved, center)
        session = EndpointSession(store=store, secrets=secrets, history=history)
        return cls(
            notices=center,
            tasks=TaskRunner(center, loop=loop),
            session=session,
            secrets=secrets,
            settings=store,
            demo=DemoMode(session=session, store=store),
            history=history,
        )


def _settings_not_saved(notices: NoticeCenter, exc: OSError) -> None:
    """Say once that settings cannot be written; every change stays for this session."""
    title = QCoreApplication.translate("Services", "Settings could not be saved")
    detail = QCoreApplication.translate(
        "Services",
        "Your changes are kept while the workbench runs and saved as soon as the settings "
        "folder can be written again: %1",
    )
    notices.warn(title, fill(detail, os_reason(exc)))
