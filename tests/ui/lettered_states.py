"""The states a pane's Alt-letter check walks through: controls that show only in some of them
(a flavour's rows, an offer, a card) need their letters as much as those shown at first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.ui.conftest import select_flavour, use_endpoint
from workbench.api.models import Flavour

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services


def rerank_states(window: MainWindow, services: Services, qtbot: QtBot) -> Iterator[str]:
    """As it opens (Cohere v2), then on Cohere v1 with more documents than one request takes:
    max_chunks_per_doc shows, and the "Split into batches" offer."""
    yield ""
    pane = window.rerank_pane
    first = services.session.selected("rerank")
    assert first is not None
    select_flavour(services, Flavour.COHERE_V1)
    pane.set_documents([f"document {i}" for i in range(1000)])
    qtbot.waitUntil(pane.split.isVisible)
    yield "v1 with the split offer"
    pane.editor.json.set_text("")  # blank again, as it opened
    pane.editor.json.finish_loading()
    use_endpoint(services, first.id)


def pane_states(key: str, window: MainWindow, services: Services, qtbot: QtBot) -> Iterator[str]:
    """The states of pane `key` (one, "", for a pane without more), each left as it was found."""
    walkers: dict[str, Callable[[MainWindow, Services, QtBot], Iterator[str]]] = {
        "rerank": rerank_states,
    }
    walker = walkers.get(key)
    if walker is None:
        yield ""
        return
    yield from walker(window, services, qtbot)
