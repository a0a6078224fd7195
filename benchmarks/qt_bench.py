"""Pieces the Qt benchmarks share: a qasync loop, a stall heartbeat, resident memory, a chat pane."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

if TYPE_CHECKING:
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

HEARTBEAT_MS = 5


class MemorySecrets:
    """The benchmarks store no keys."""

    def get(self, ref: str) -> str | None:
        return None

    def set(self, ref: str, value: str) -> None:
        return None

    def delete(self, ref: str) -> None:
        return None


class Heartbeat:
    """A 5 ms timer; a gap between beats beyond its interval is an event-loop stall."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)

    def __enter__(self) -> Heartbeat:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._beat()
        self._timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stall_ms(self) -> float:
        """The longest gap less the interval, in ms."""
        return max(0.0, self.longest * 1000 - HEARTBEAT_MS)


def rss_mib() -> float:
    """This process's resident memory now, in MiB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def chat_pane_on(base_url: str, loop: asyncio.AbstractEventLoop) -> tuple[ChatPane, Services]:
    """A shown ChatPane whose endpoint is the server at `base_url` (Cohere v2, no key)."""
    from workbench.api.models import AuthScheme, Flavour
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.settings import SettingsStore, config_dir
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

    store = SettingsStore(config_dir() / "settings.json")
    endpoint = EndpointConfig(
        name="bench",
        base_url=base_url,
        flavour=Flavour.COHERE_V2,
        model="command-r-plus-08-2024",
        auth=AuthScheme.NONE,
        timeout_s=120,
    )
    store.update(endpoints=[endpoint], current_endpoint_id=endpoint.id)
    services = Services.assemble(store=store, secrets=MemorySecrets(), loop=loop)
    pane = ChatPane(services=services)
    pane.resize(1200, 800)
    pane.show()
    return pane, services


async def send_and_wait(pane: ChatPane, services: Services, message: str) -> None:
    """Send `message` and return once the turn ended and every task (the save) is done."""
    finished = asyncio.Event()

    def done(_index: int) -> None:
        finished.set()

    pane.turn_finished.connect(done)
    try:
        pane.send(message)
        await finished.wait()
        await services.tasks.wait_until_idle()
    finally:
        pane.turn_finished.disconnect(done)


def private_config() -> None:
    """Point settings and the chat history at a fresh temporary folder (before any import)."""
    import tempfile

    os.environ["WORKBENCH_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wb-bench-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
