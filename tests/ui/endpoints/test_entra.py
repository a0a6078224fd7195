"""Endpoints pane with Microsoft Entra ID: no key field, scope and token command, Test connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.api.models import AuthScheme
from workbench.ui.endpoints.pane import EndpointsPane

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.core.probe import ProbeReport
    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.services import Services


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> Iterator[EndpointsPane]:
    widget = EndpointsPane(services=services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield widget
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _child(pane: EndpointsPane, kind: type, name: str) -> object:
    found = pane.findChild(kind, name)
    assert found is not None, name
    return found


def _edit(pane: EndpointsPane, name: str) -> QLineEdit:
    edit = _child(pane, QLineEdit, name)
    assert isinstance(edit, QLineEdit)
    return edit


def _choose_entra(pane: EndpointsPane) -> None:
    combo = _child(pane, QComboBox, "authScheme")
    assert isinstance(combo, QComboBox)
    index = combo.findData(AuthScheme.ENTRA.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.setText(text)
    edit.textEdited.emit(text)


def test_entra_replaces_the_key_field_with_scope_and_token_command(
    pane: EndpointsPane,
) -> None:
    assert _edit(pane, "apiKey").isVisible()
    assert not _edit(pane, "tokenCommand").isVisible()
    _choose_entra(pane)
    assert not _edit(pane, "apiKey").isVisible()
    assert _edit(pane, "entraScope").isVisible()
    assert _edit(pane, "tokenCommand").isVisible()
    assert _edit(pane, "entraScope").placeholderText() == "https://ai.azure.com/.default"


def test_entra_endpoint_saves_tests_and_never_stores_a_token(
    pane: EndpointsPane,
    services: Services,
    qtbot: QtBot,
    entra_sandbox: RunningSandbox,
    token_command: Callable[..., str],
) -> None:
    _type(qtbot, _edit(pane, "baseUrl"), entra_sandbox.base_url + "/v2/rerank")
    _choose_entra(pane)
    _type(qtbot, _edit(pane, "tokenCommand"), token_command())
    _type(qtbot, _edit(pane, "model"), "rerank-v3.5")  # v2 is refused without one
    save = _child(pane, QPushButton, "saveEndpointButton")
    assert isinstance(save, QPushButton)
    save.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    saved = services.session.current()
    assert saved is not None
    assert saved.auth is AuthScheme.ENTRA
    assert saved.token_command == token_command()
    assert not saved.needs_key  # no key is read or sent (a key stored earlier stays for later)

    test = _child(pane, QPushButton, "testConnectionButton")
    assert isinstance(test, QPushButton)
    with qtbot.waitSignal(pane.probe_finished, timeout=WAIT_MS) as finished:
        test.click()
    report: ProbeReport = finished.args[0]
    assert report.ok, report.text()
    result = _child(pane, QLabel, "testResultLabel")
    assert isinstance(result, QLabel)
    signed_in = tr(
        "Core", "Signed in with %1; the token expires at %2 (%3).", tr("Core", "the token command")
    )
    assert before(signed_in, "%2") in result.text()  # in the GUI's language
    assert "sbxentra" not in services.settings.path.read_text(encoding="utf-8")
