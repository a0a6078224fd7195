"""The states a pane's Alt-letter check walks through: controls that show only in some of them
(a flavour's rows, an offer, a card) need their letters as much as those shown at first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from tests.ui.conftest import CHAT_MODEL, refused_endpoint, select_flavour, use_endpoint
from tests.waits import WAIT_MS
from workbench.api.models import AuthScheme, Flavour
from workbench.core.runs.demo import DemoScript

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


def chat_states(window: MainWindow, services: Services, qtbot: QtBot) -> Iterator[str]:
    """As it opens (Cohere v2, the example prompts), on the other flavours (their parameters),
    with a tool call waiting for results, editing a turn, after a failed turn (its card) and
    during a demo (its bar)."""
    chat = window.chat_pane
    first = services.session.selected("chat")
    assert first is not None
    yield ""
    for flavour in (Flavour.COHERE_V1, Flavour.OPENAI):
        select_flavour(services, flavour)
        yield flavour.value
    use_endpoint(services, first.id)
    chat.setup.model.setText(CHAT_MODEL)  # the fixture's endpoints name none
    chat.load_sample("tools")  # the tool attached, its call waiting
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    qtbot.waitUntil(chat.transcript.tool_wait.isVisible)
    yield "with a tool call"
    chat.transcript.edit_requested.emit(0)
    assert chat.composer.cancel_edit.isVisible()
    yield "editing a turn"
    chat.composer.cancel_edit.click()
    chat.clear()  # no call waiting: a new message may go
    refused = refused_endpoint(services)
    chat.send("hello")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    qtbot.waitUntil(chat.transcript.error_card.isVisible)
    yield "after a failed turn"
    use_endpoint(services, first.id)
    services.session.remove_endpoint(refused.id)
    chat.clear()
    assert chat.play_script(DemoScript([], "demo"))
    yield "in a demo"
    chat.demo.stop()
    chat.setup.model.setText("")
    for editor in (chat.documents.editor, chat.tools.editor):
        editor.set_text("[]")  # nothing attached, as it opened


def endpoints_states(window: MainWindow, _services: Services, _qtbot: QtBot) -> Iterator[str]:
    """As it opens (a key's rows: API key, Forget stored key), then with Microsoft Entra ID
    chosen (its Scope and Token command rows instead), the edit reverted after."""
    yield ""
    pane = window.pane("endpoints")
    auth = pane.findChild(QComboBox, "authScheme")
    assert auth is not None
    index = auth.findData(AuthScheme.ENTRA.value)
    auth.setCurrentIndex(index)
    auth.activated.emit(index)  # as a person's choice: the rows follow
    scope = pane.findChild(QLineEdit, "entraScope")
    assert scope is not None
    assert scope.isVisible()
    yield "with Entra ID"
    revert = pane.findChild(QPushButton, "revertEndpointButton")
    assert revert is not None
    revert.click()
    assert not scope.isVisible()


def pane_states(key: str, window: MainWindow, services: Services, qtbot: QtBot) -> Iterator[str]:
    """The states of pane `key` (one, "", for a pane without more), each left as it was found."""
    walkers: dict[str, Callable[[MainWindow, Services, QtBot], Iterator[str]]] = {
        "rerank": rerank_states,
        "chat": chat_states,
        "endpoints": endpoints_states,
    }
    walker = walkers.get(key)
    if walker is None:
        yield ""
        return
    yield from walker(window, services, qtbot)
