"""The built-in sandbox behind the "Local sandbox" endpoint: created on first run, started in-process."""

from __future__ import annotations

import asyncio
import secrets
from typing import TYPE_CHECKING

from workbench.api.models import AuthScheme, Flavour
from workbench.core.endpoints import EndpointConfig, Prices
from workbench.core.errors import SecretStoreError
from workbench.core.secrets import INSECURE_ADVICE

if TYPE_CHECKING:
    from workbench.core.settings import SettingsStore
    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.services import Services

SANDBOX_NAME = "Local sandbox"
SANDBOX_MODEL = "command-r-plus-08-2024"
"""The sandbox accepts any model name on every route; v2 needs one, so the endpoint names one."""
TOKEN_DELAY_MS = 12.0
"""A small pause between streamed events, so the sandbox's answers stream like a model's."""


def ensure_sandbox_endpoint(store: SettingsStore) -> bool:
    """On first run, add the "Local sandbox" endpoint and select it. Returns whether it did."""
    settings = store.settings
    if settings.first_run_done:
        return False
    endpoint = EndpointConfig(
        name=SANDBOX_NAME,
        base_url="http://127.0.0.1",  # the real port is filled in at each start
        flavour=Flavour.COHERE_V2,
        model=SANDBOX_MODEL,
        is_sandbox=True,
        timeout_s=60,
        prices=Prices(input_per_million=0, output_per_million=0, per_thousand_search_units=0),
    )
    store.update(
        endpoints=[endpoint, *settings.endpoints],
        current_endpoint_id=settings.current_endpoint_id or endpoint.id,
        first_run_done=True,
    )
    return True


class LocalSandbox:
    """Starts the sandbox for the sandbox endpoint (key in the keyring), and stops it on exit."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._running: RunningSandbox | None = None

    @property
    def base_url(self) -> str | None:
        """Where the sandbox listens, once started."""
        return self._running.base_url if self._running else None

    async def start(self) -> None:
        """Start the sandbox on a free loopback port if a sandbox endpoint exists."""
        endpoint = next((e for e in self._services.session.endpoints() if e.is_sandbox), None)
        if endpoint is None or self._running is not None:
            return
        key = await self._key_for(endpoint)
        self._running = await asyncio.to_thread(_start, key)
        updated = endpoint.model_copy(
            update={
                "base_url": self._running.base_url,
                "auth": AuthScheme.BEARER if key else AuthScheme.NONE,
            }
        )
        self._services.session.save_endpoint(updated)
        self._services.notices.info(
            "Local sandbox running", f"{self._running.base_url} — try Rerank or Chat now."
        )

    def stop(self) -> None:
        """Stop the sandbox (blocks briefly while its thread ends)."""
        if self._running is not None:
            self._running.stop()
            self._running = None

    async def _key_for(self, endpoint: EndpointConfig) -> str | None:
        """The sandbox endpoint's key: stored, else generated and stored; None without a keyring."""
        session = self._services.session
        try:
            key = await session.read_key(endpoint.id)
            if not key:
                key = "sandbox-" + secrets.token_urlsafe(24)
                await session.set_key(endpoint.id, key)
        except SecretStoreError:
            self._services.notices.warn(
                "No secure keyring: the local sandbox runs without a key",
                "It listens on this machine only. " + INSECURE_ADVICE,
            )
            return None
        return key


def _start(key: str | None) -> RunningSandbox:
    # Imported here: the server stack (starlette, uvicorn) loads off the UI thread, after the window.
    from workbench.sandbox.runner import SandboxConfig, start_sandbox

    return start_sandbox(SandboxConfig(key=key, token_delay_ms=TOKEN_DELAY_MS))
