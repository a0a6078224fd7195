"""What the copy buttons put on the clipboard passes the redactor, and JSON stays JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction, QGuiApplication

from tests.conftest import HEX_KEY_WITH_DIGITS
from tests.ui.conftest import new_chat_pane
from tests.waits import WAIT_MS
from workbench.api.redact import REDACTED, forget_secrets, register_secret
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEY = HEX_KEY_WITH_DIGITS


@pytest.fixture(autouse=True)
def _key_in_play() -> Iterator[None]:
    register_secret(KEY)  # as reading it from the keyring does
    yield
    forget_secrets()


def _copied() -> str:
    text = QGuiApplication.clipboard().text()
    assert KEY[:8] not in text
    assert KEY[-8:] not in text
    return text


def test_rerank_copies_mask_a_pasted_key_and_stay_json(services: Services, qtbot: QtBot) -> None:
    pane = RerankPane(services=services)
    qtbot.addWidget(pane)
    pane.show()
    pane.set_query("which plan?")
    pane.editor.json.set_text(json.dumps([{"text": f"my key is {KEY}", "seats": 20481377}]))
    qtbot.waitUntil(lambda: KEY[:8] in pane.preview.toPlainText(), timeout=WAIT_MS)
    pane.copy_body.click()
    body = json.loads(_copied())
    assert body["documents"] == [f"text: my key is {REDACTED}"]  # v2 sends the fields as text
    copy = pane.editor.findChild(QAction, "rerankCopy")
    assert copy is not None
    copy.trigger()
    assert json.loads(_copied()) == [{"text": f"my key is {REDACTED}", "seats": 20481377}]


def test_chat_request_copy_masks_a_pasted_key_and_stays_json(
    services: Services, qtbot: QtBot
) -> None:
    pane = new_chat_pane(services, qtbot)
    pane.show()
    pane.composer.message.setPlainText(f"is {KEY} my key?")
    pane.tabs.show_section(pane.request)
    qtbot.waitUntil(lambda: KEY[:8] in pane.request.body.toPlainText(), timeout=WAIT_MS)
    pane.request.copy.click()
    assert f"is {REDACTED} my key?" in json.dumps(json.loads(_copied()))
