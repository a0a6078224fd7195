"""The api clients the panes send with: one per endpoint (and per flavour it is reached on),
built off the UI thread, recording runs in the history, retired when their endpoint changes."""

from __future__ import annotations

import asyncio
import functools
import importlib
import weakref
from typing import TYPE_CHECKING

from workbench.core.chat_compare import on_route

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    import httpx

    from workbench.api.client import WorkbenchClient
    from workbench.api.models import Connection, Flavour, Outgoing
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.runs.history import History
    from workbench.core.runs.tap import ActiveRun
    from workbench.core.settings import SettingsStore


class ClientCache:
    """One cached api client per endpoint, held by the `EndpointSession`.

    `resolve` gives the endpoint an id names now (raising when none does) and `connect` its
    Connection with the keyring's secrets; both are the session's.
    """

    def __init__(
        self,
        *,
        store: SettingsStore,
        resolve: Callable[[str], EndpointConfig],
        connect: Callable[[EndpointConfig], Awaitable[Connection]],
        transport: httpx.AsyncBaseTransport | None = None,
        history: History | None = None,
    ) -> None:
        self._store = store
        self._resolve = resolve
        self._connect = connect
        self._transport = transport
        self._history = history
        self._clients: dict[str, tuple[EndpointConfig, WorkbenchClient]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._closing: set[asyncio.Task[None]] = set()
        self._retired: weakref.WeakSet[WorkbenchClient] = weakref.WeakSet()
        """Dropped clients that close when their requests end (or at `aclose`)."""

    def attach_history(self, history: History | None) -> None:
        """Record every client's runs in `history` from now on."""
        self._history = history
        for endpoint, client in self._clients.values():  # none yet when the app attaches it
            client.recorder = self._recorder(endpoint, client)

    @property
    def transport(self) -> httpx.AsyncBaseTransport | None:
        """The transport clients use instead of the network (tests), or None."""
        return self._transport

    async def client_for(self, endpoint_id: str, flavour: Flavour | None = None) -> WorkbenchClient:
        """The cached client for this endpoint (on `flavour`'s routes, cached apart), built on
        first use and again once the endpoint has changed."""
        lock = self._locks.setdefault(endpoint_id, asyncio.Lock())
        async with lock:
            endpoint = self._resolve(endpoint_id)
            cache_key = endpoint_id
            if flavour is not None and flavour != endpoint.flavour:
                endpoint, cache_key = on_route(endpoint, flavour), f"{endpoint_id}@{flavour}"
            cached = self._clients.get(cache_key)
            if cached is not None and cached[0] == endpoint:
                return cached[1]
            self._drop_one(cache_key)
            client = await self._build(endpoint)
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

    def drop(self, endpoint_id: str) -> None:
        """Retire the endpoint's cached clients, on every flavour (the next request builds
        another)."""
        for cache_key in [k for k in self._clients if k.partition("@")[0] == endpoint_id]:
            self._drop_one(cache_key)

    async def aclose(self) -> None:
        """Close every client, requests under way or not, and wait for closes under way."""
        for endpoint_id in list(self._clients):
            self.drop(endpoint_id)
        closes = [client.aclose() for client in list(self._retired)]
        await asyncio.gather(*self._closing, *closes, return_exceptions=True)

    async def _build(self, endpoint: EndpointConfig) -> WorkbenchClient:
        connection = await self._connect(endpoint)
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
    # The client's own modules (codecs, stream framing) load here too, off the UI thread.
    importlib.import_module("workbench.api.client")
    from workbench.api.http_client import warm_up

    warm_up()
