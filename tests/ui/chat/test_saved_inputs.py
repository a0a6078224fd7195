"""What the chat pane saves comes back at the next start as it was typed and received."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.ui.conftest import new_chat_pane
from tests.waits import WAIT_MS
from workbench.api.redact import redact_text
from workbench.core.saved_chat import default_history_path
from workbench.ui.chat.pane import ChatPane

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _restarted(services: Services, qtbot: QtBot) -> ChatPane:
    """A new pane reading the same config folder, as the next start does (inputs untouched)."""
    pane = ChatPane(services=services)
    qtbot.addWidget(pane)
    return pane


def test_demo_mode_masks_hosts_on_show_but_the_saved_chat_keeps_them(
    services: Services, qtbot: QtBot
) -> None:
    """Saved in demo mode, the preamble, documents and turns came back at the next start with
    every host as host.invalid: a display mask had rewritten the file for good."""
    endpoint = services.session.selected("chat")
    assert endpoint is not None
    url = endpoint.base_url
    pane = new_chat_pane(services, qtbot)
    services.demo.set_on(True, remember=False)
    try:
        assert redact_text(url) != url  # the host is one demo mode masks
        pane.setup.preamble.setPlainText(f"Our gateway is {url}/v2/chat.")
        pane.documents.editor.set_text(f'[{{"text": "Restart the proxy at {url}."}}]')
        pane.send(f"Why does {url} return 502?")
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        services.demo.set_on(False, remember=False)
    assert url in default_history_path().read_text(encoding="utf-8")
    again = _restarted(services, qtbot)
    assert again.setup.preamble.toPlainText() == f"Our gateway is {url}/v2/chat."
    assert url in again.documents.editor.text()
    assert [t.user for t in again.session().turns] == [f"Why does {url} return 502?"]


def test_inputs_edited_after_the_last_turn_come_back_at_the_next_start(
    services: Services, qtbot: QtBot
) -> None:
    """The pane saved only when a turn ended or the conversation was cleared or replaced: a
    preamble or documents edited after the last turn were lost, and the older came back."""
    pane = new_chat_pane(services, qtbot)
    pane.setup.preamble.setPlainText("Preamble v1")
    pane.send("hello")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    pane.setup.preamble.setPlainText("Preamble v2, typed after the last turn")
    pane.documents.editor.set_text('[{"title": "late", "text": "typed after the last turn"}]')
    pane.composer.message.setPlainText("A question half written")

    def saved() -> bool:
        text = default_history_path().read_text(encoding="utf-8")
        return "Preamble v2" in text and "half written" in text and "late" in text

    qtbot.waitUntil(saved, timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    again = _restarted(services, qtbot)
    assert again.setup.preamble.toPlainText() == "Preamble v2, typed after the last turn"
    assert again.documents.editor.value() == [
        {"title": "late", "text": "typed after the last turn"}
    ]
    assert again.composer.message.toPlainText() == "A question half written"
    assert [t.user for t in again.session().turns] == ["hello"]
