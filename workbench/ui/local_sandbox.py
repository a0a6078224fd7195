"""The built-in sandbox behind the "Local sandbox" endpoints: created on first run, started in-process."""

from __future__ import annotations

import asyncio
import secrets
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.models import DEFAULT_FLAVOUR, AuthScheme
from workbench.core.endpoints import EndpointConfig, Prices
from workbench.core.errors import SecretStoreError
from workbench.core.secrets import INSECURE_ADVICE
from workbench.ui.common.core_text import shown
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill

if TYPE_CHECKING:
    from workbench.core.settings import SettingsStore
    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.services import Services

SANDBOX_RERANK_NAME = QT_TRANSLATE_NOOP("LocalSandbox", "Local sandbox · Rerank")
SANDBOX_CHAT_NAME = QT_TRANSLATE_NOOP("LocalSandbox", "Local sandbox · Chat")
"""The endpoints' names in English; each is created in the GUI's language of the first run, and
from then on is the person's to rename like any other."""
SANDBOX_RERANK_MODEL = "rerank-v3.5"
SANDBOX_CHAT_MODEL = "command-r-plus-08-2024"
"""The sandbox accepts any model name on every route; v2 needs one, so each endpoint names one."""
TOKEN_DELAY_MS = 12.0
"""A small pause between streamed events, so the sandbox's answers stream like a model's."""


def ensure_sandbox_endpoints(store: SettingsStore) -> bool:
    """On first run, add the two sandbox endpoints, each the pane's pick. Returns whether it did.

    Like two Azure serverless deployments (a Rerank model and a Command model), they are two
    endpoints with their own model, here served by the same in-process sandbox.
    """
    settings = store.settings
    if settings.first_run_done:
        return False
    rerank = _sandbox_endpoint(_named(SANDBOX_RERANK_NAME), SANDBOX_RERANK_MODEL)
    chat = _sandbox_endpoint(_named(SANDBOX_CHAT_NAME), SANDBOX_CHAT_MODEL)
    store.update(
        endpoints=[rerank, chat, *settings.endpoints],
        current_endpoint_id=settings.current_endpoint_id or chat.id,
        rerank_endpoint_id=settings.rerank_endpoint_id or rerank.id,
        chat_endpoint_id=settings.chat_endpoint_id or chat.id,
        first_run_done=True,
    )
    return True


def _named(name: str) -> str:
    return QCoreApplication.translate("LocalSandbox", name)


def _sandbox_endpoint(name: str, model: str) -> EndpointConfig:
    return EndpointConfig(
        name=name,
        base_url="http://127.0.0.1",  # the real port is filled in at each start
        flavour=DEFAULT_FLAVOUR,  # the sandbox speaks every flavour
        model=model,
        is_sandbox=True,
        timeout_s=60,
        prices=Prices(input_per_million=0, output_per_million=0, per_thousand_search_units=0),
    )


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
        """Start the sandbox on a free loopback port if a sandbox endpoint exists.

        Every sandbox endpoint (two since per-pane endpoints, one in older settings) gets the
        sandbox's current URL and its key.
        """
        endpoints = [e for e in self._services.session.endpoints() if e.is_sandbox]
        if not endpoints or self._running is not None:
            return
        key = await self._key_for(endpoints)
        self._running = await asyncio.to_thread(_start, key)
        for endpoint in endpoints:
            updated = endpoint.model_copy(
                update={
                    "base_url": self._running.base_url,
                    "auth": AuthScheme.BEARER if key else AuthScheme.NONE,
                }
            )
            self._services.session.save_endpoint(updated)
        self._services.notices.info(
            QCoreApplication.translate("LocalSandbox", "Local sandbox running"),
            fill(
                QCoreApplication.translate("LocalSandbox", "%1 — try Rerank or Chat now."),
                self._running.base_url,
            ),
        )

    def stop(self) -> None:
        """Stop the sandbox (blocks briefly while its thread ends)."""
        if self._running is not None:
            self._running.stop()
            self._running = None

    async def _key_for(self, endpoints: list[EndpointConfig]) -> str | None:
        """The sandbox's key: the first one stored, else generated; stored for every endpoint.

        None without a usable keyring (the sandbox then runs without auth, said out loud).
        """
        session = self._services.session
        try:
            stored = [await session.read_key(e.id) for e in endpoints]
            key = next((k for k in stored if k), None) or "sandbox-" + secrets.token_urlsafe(24)
            for endpoint, held in zip(endpoints, stored, strict=True):
                if held != key:
                    await session.set_key(endpoint.id, key)
        except SecretStoreError:
            # INSECURE_ADVICE is core's English, translated through core_text (package and
            # variable names stay as they are in the Italian too).
            self._services.notices.warn(
                QCoreApplication.translate(
                    "LocalSandbox", "No secure keyring: the local sandbox runs without a key"
                ),
                fill(
                    QCoreApplication.translate(
                        "LocalSandbox", "It listens on this machine only. %1"
                    ),
                    shown(INSECURE_ADVICE),
                ),
            )
            return None
        return key


def _start(key: str | None) -> RunningSandbox:
    # Imported here: the server stack (starlette, uvicorn) loads off the UI thread, after the window.
    from workbench.sandbox.runner import SandboxConfig, start_sandbox

    return start_sandbox(SandboxConfig(key=key, token_delay_ms=TOKEN_DELAY_MS))
