"""`workbench --screenshots DIR`: each pane with its sample loaded, saved as PNG (docs, visual checks)."""

from __future__ import annotations

import asyncio
import socket
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from workbench.api.models import AuthScheme
from workbench.core.endpoints import EndpointConfig, new_endpoint_id

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services

SHOTS = (
    "1-rerank.png",
    "2-chat.png",
    "3-chat-tools.png",
    "4-endpoints.png",
    "5-chat-reasoning.png",
    "6-chat-json-schema.png",
    "7-evaluation.png",
    "8-chat-error.png",
)
"""The files written, in order."""
_KEY = "app.screenshots"
"""The key the app starts this task under (it must not wait for itself)."""


async def take_screenshots(window: MainWindow, services: Services, folder: Path) -> None:
    """Show each pane with its sample answered, grab the window for each, then close it."""
    await services.tasks.wait_until_idle(ignore=[_KEY])
    for name, (pane, feed, after) in zip(SHOTS, _scenes(window, services), strict=True):
        window.show_pane(pane)
        feed()
        await services.tasks.wait_until_idle(ignore=[_KEY])
        after()
        await asyncio.sleep(0.05)  # let queued paints and re-layouts land before grabbing
        QApplication.processEvents()
        window.grab().save(str(folder / name))
    window.close()


def _scenes(
    window: MainWindow, services: Services
) -> list[tuple[str, Callable[[], None], Callable[[], None]]]:
    """(pane key, what loads the sample, what to show once answered) for each shot."""
    chat = window.chat_pane

    def show_sources() -> None:
        chat.tabs.show_section(chat.sources)

    def show_trace() -> None:
        chat.tabs.show_section(chat.trace)

    def tools_sample() -> None:
        chat.clear()  # the tool call alone, not after the grounded answer
        chat.load_sample("tools")

    def nothing() -> None:
        return None

    def fresh(model: str) -> None:
        chat.clear()
        chat.setup.model.setText(model)
        chat.documents.editor.set_text("[]")
        chat.tools.editor.set_text("[]")

    def reasoning() -> None:
        fresh("command-a-reasoning-08-2025")
        chat.send("Which is larger, 9.11 or 9.9?")

    def unfold_thinking() -> None:
        chat.transcript.toggle_thinking(0)
        chat.tabs.show_section(chat.model_options)

    def json_schema() -> None:
        fresh("command-a-03-2025")
        options = chat.model_options
        options.format_kind.setCurrentIndex(options.format_kind.findData("json_schema"))
        chat.send("A film as JSON: its title and year")

    def show_model_page() -> None:
        chat.tabs.show_section(chat.model_options)

    evaluation = window.evaluation_pane

    def show_charts() -> None:
        evaluation.results.setCurrentWidget(evaluation.charts)

    def unreachable() -> None:
        fresh("command-a-03-2025")
        chat.model_options.format_kind.setCurrentIndex(0)  # plain text again, after the JSON shot
        chat.tabs.show_section(chat.setup)
        endpoint = _unreachable_endpoint(services.session.selected("chat"))
        services.session.save_endpoint(endpoint)
        services.session.set_current(endpoint.id)
        services.session.select("chat", endpoint.id)
        chat.send("Summarise this week's release notes")

    return [
        ("rerank", window.rerank_pane.load_sample, nothing),
        ("chat", chat.load_sample, show_sources),
        ("chat", tools_sample, show_trace),
        ("endpoints", nothing, nothing),
        ("chat", reasoning, unfold_thinking),
        ("chat", json_schema, show_model_page),
        ("evaluation", evaluation.load_sample, show_charts),
        ("chat", unreachable, nothing),
    ]


def _unreachable_endpoint(like: EndpointConfig | None) -> EndpointConfig:
    """The chat endpoint's twin on a loopback port nothing listens on: the error card's scene."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fields = {
        "name": "Staging (not started)",
        "base_url": f"http://127.0.0.1:{port}",
        "auth": AuthScheme.NONE,  # no key to look up: the turn fails at the connection
    }
    return EndpointConfig(
        **{**(like.model_dump() if like else {}), **fields, "id": new_endpoint_id()}
    )
