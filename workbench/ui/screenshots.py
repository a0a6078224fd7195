"""`workbench --screenshots DIR`: each pane with sample data, saved as PNG (docs and visual checks)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from workbench.ui import resources

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services

PANES = ("rerank", "chat", "endpoints")
_KEY = "app.screenshots"
"""The key the app starts this task under (it must not wait for itself)."""


async def take_screenshots(window: MainWindow, services: Services, folder: Path) -> None:
    """Show each pane, let it load its samples (a pane may offer `load_sample()`), grab it, exit."""
    await services.tasks.wait_until_idle(ignore=[_KEY])
    for index, name in enumerate(PANES):
        window.show_pane(index)
        _feed(name, window.current_pane())
        await services.tasks.wait_until_idle(ignore=[_KEY])
        await asyncio.sleep(0.05)  # let queued paints and re-layouts land before grabbing
        QApplication.processEvents()
        window.grab().save(str(folder / f"{index + 1}-{name}.png"))
    window.close()


def _feed(name: str, pane: object) -> None:
    """Give a pane sample data through its public methods (`load_sample()` when it has one)."""
    load_sample = getattr(pane, "load_sample", None)
    if callable(load_sample):
        load_sample()
    elif name == "rerank":
        sample = resources.sample("rerank_strings.json")
        _call(pane, "set_query", sample["query"])
        _call(pane, "set_documents", sample["documents"])
        _call(pane, "run")
    elif name == "chat":
        _call(pane, "send", resources.sample("chat_documents.json")["message"])


def _call(pane: object, method: str, *args: object) -> None:
    function = getattr(pane, method, None)
    if callable(function):
        function(*args)
