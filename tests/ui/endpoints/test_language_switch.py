"""What the Endpoints pane says about the last save, test or stored key follows a language switch
(View > Language): a marking translator stands for the new language, «…» for its words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.ui.conftest import CHAT_MODEL, tr
from tests.ui.endpoints.test_pane import _button, _edit, _label, _test_connection, _type
from tests.ui.marked import marking
from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.services import Services


def test_the_save_result_is_said_again_in_a_new_language(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    shown = services.session.endpoint(pane.shown_endpoint_id() or "")
    assert shown is not None
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)  # v2 is refused without one
    _button(pane, "saveEndpointButton").click()  # no key typed: saved at once
    result = _label(pane, "testResultLabel")
    plain = tr("EndpointsPane", "Saved “%1”.", shown.name)
    assert result.text() == plain
    with marking("EndpointsPane"):
        marked = f"«Saved “{shown.name}”.»"
        qtbot.waitUntil(lambda: result.text() == marked, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: result.text() == plain, timeout=WAIT_MS)  # and back


def test_a_connection_test_report_is_said_again_in_a_new_language(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    assert _test_connection(pane, qtbot).ok
    result = _label(pane, "testResultLabel")
    assert "\n" + tr("EndpointsPane", "Called: %1", "http://127.0.0.1:") in result.text()
    with marking("EndpointsPane"):
        qtbot.waitUntil(lambda: "\n«Called: http://127.0.0.1:" in result.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "«" not in result.text(), timeout=WAIT_MS)


def test_the_stored_key_hint_is_said_again_in_a_new_language(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    hint = _label(pane, "keyHintLabel")
    stored = tr("EndpointForm", "stored %1", "")
    qtbot.waitUntil(lambda: hint.text().startswith(stored + "••••"), timeout=WAIT_MS)
    plain = hint.text()
    marked = "«stored %1»".replace("%1", plain.removeprefix(stored))
    with marking("EndpointForm"):
        qtbot.waitUntil(lambda: hint.text() == marked, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: hint.text() == plain, timeout=WAIT_MS)
