"""One error, at its cause, for as long as it is true; stale results marked (issue 19, item 1).

Real windows against the sandbox over loopback and the real keyring: each pane shows its error
once beside its cause and clears it when fixed or when the next action succeeds; the status bar
speaks for the pane showing; results from before a failed run are dimmed under a bar.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from tests.ui.conftest import CHAT_MODEL, endpoint_for, run_async, select_flavour, tr
from tests.waits import WAIT_MS
from workbench.api.errors import InputError
from workbench.api.models import Flavour
from workbench.core.endpoints import FLAVOUR_LABELS, EndpointConfig
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FRUIT = ["a recipe for banana bread", "apple pie with cinnamon apples", "changing a car tyre"]
AUTH_FAILED = ("Errors", "Authentication failed")
MODEL_NEEDED = (
    "%1 needs a model name: Chat refuses to send without one. On an Azure serverless "
    "deployment any name works (the deployment serves its own model)."
)


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    main.show()
    main.chat_pane.setup.model.setText(CHAT_MODEL)
    main.chat_pane.documents.editor.set_text("[]")
    main.chat_pane.tools.editor.set_text("[]")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _child(parent: object, kind: type, name: str) -> object:
    found = parent.findChild(kind, name)  # type: ignore[attr-defined]
    assert found is not None, name
    return found


def _label(parent: object, name: str) -> QLabel:
    label = _child(parent, QLabel, name)
    assert isinstance(label, QLabel)
    return label


def _shown(parent: object, name: str) -> str:
    """A label's text while it shows, else ''."""
    label = _label(parent, name)
    return label.text() if label.isVisible() else ""


def _rank(pane: RerankPane, services: Services, qtbot: QtBot) -> None:
    pane.run()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _key(services: Services, qtbot: QtBot, endpoint: EndpointConfig, key: str) -> None:
    run_async(qtbot, services.session.set_key(endpoint.id, key))


# --- Rerank ---------------------------------------------------------------------------------


def test_rerank_401_is_said_once_and_cleared_by_the_next_success(
    window: MainWindow, services: Services, sandbox: RunningSandbox, qtbot: QtBot
) -> None:
    pane = window.rerank_pane
    pane.set_query("apple pie")
    pane.editor.json.set_text(json.dumps(FRUIT))
    _rank(pane, services, qtbot)
    before = [hit.index for hit in pane.results.model.hits()]
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    _key(services, qtbot, v2, "not-the-key")
    _rank(pane, services, qtbot)
    error = _shown(pane, "rerankError")
    assert tr(*AUTH_FAILED) in error
    assert "HTTP 401" in error
    assert tr(*AUTH_FAILED) not in _label(pane, "rerankStatus").text()  # once, not twice
    assert window.status_text() == ""  # the bar never repeats what the pane says
    assert services.notices.history()[-1].inline  # kept in the notice log
    # The results from before stay, dimmed under a bar that says why.
    stale = _shown(pane, "rerankStale")
    assert tr(*AUTH_FAILED) in stale
    assert pane.results.graphicsEffect() is not None
    assert [hit.index for hit in pane.results.model.hits()] == before
    _key(services, qtbot, v2, sandbox.key or "")
    _rank(pane, services, qtbot)
    assert _shown(pane, "rerankError") == ""
    assert _shown(pane, "rerankStale") == ""
    assert pane.results.graphicsEffect() is None
    assert pane.error.accessibleName() == tr("RerankPane", "Rerank error")


def test_broken_documents_json_marks_the_last_ranking_stale(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = window.rerank_pane
    pane.set_query("apple pie")
    pane.editor.json.set_text(json.dumps(FRUIT))
    _rank(pane, services, qtbot)
    assert pane.results.model.rowCount() == 3
    pane.editor.json.set_text('["one", "two"')
    qtbot.waitUntil(lambda: pane.stale.is_stale(), timeout=WAIT_MS)
    assert _shown(pane, "rerankStale") == pane._broken_json()
    pane.editor.json.set_text(json.dumps(FRUIT))
    qtbot.waitUntil(lambda: not pane.stale.is_stale(), timeout=WAIT_MS)


def test_documents_the_new_endpoint_refuses_say_why_not_bad_json(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = window.rerank_pane
    select_flavour(services, Flavour.COHERE_V1)
    pane.set_query("apple pie")
    pane.editor.json.set_text(json.dumps(["plain", {"title": "x", "text": "y"}]))
    _rank(pane, services, qtbot)
    assert pane.results.model.rowCount() == 2
    select_flavour(services, Flavour.COHERE_V2)
    qtbot.waitUntil(lambda: pane.stale.is_stale(), timeout=WAIT_MS)
    mixed = tr("Errors", "Strings and objects cannot be mixed for this flavour")
    assert mixed in _shown(pane, "rerankStale")
    qtbot.waitUntil(lambda: mixed in pane.request_body_text(), timeout=WAIT_MS)
    assert "documents[1]" in pane.request_body_text()


def test_compare_where_a_fails_names_a_and_drops_the_old_comparison(
    window: MainWindow, services: Services, sandbox: RunningSandbox, qtbot: QtBot
) -> None:
    pane = window.rerank_pane
    pane.set_query("apple pie")
    pane.editor.json.set_text(json.dumps(FRUIT))
    v1, v2 = endpoint_for(services, Flavour.COHERE_V1), endpoint_for(services, Flavour.COHERE_V2)
    pane.compare_with.setCurrentIndex(pane.compare_with.findData(v1.id))
    _rank(pane, services, qtbot)
    assert v1.name in pane.results.compare_summary.text()
    assert pane.results.compare_model.rowCount() == 3
    _key(services, qtbot, v2, "not-the-key")
    _rank(pane, services, qtbot)
    summary = pane.results.compare_summary.text()
    assert summary.startswith(tr("RerankComparison", "%1 (“%2”) failed: %3", "A", v2.name, ""))
    assert v1.name not in summary  # no old comparison beside the side that failed
    assert pane.results.compare_model.rowCount() == 0
    assert tr(*AUTH_FAILED) in _shown(pane, "rerankStale")  # A's old results are dimmed
    assert "A" in _shown(pane, "rerankError")
    _key(services, qtbot, v2, sandbox.key or "")
    _rank(pane, services, qtbot)
    assert pane.results.compare_model.rowCount() == 3
    assert not pane.stale.is_stale()


def test_compare_with_a_failing_new_b_never_shows_the_old_b(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    pane = window.rerank_pane
    pane.set_query("apple pie")
    pane.editor.json.set_text(json.dumps(FRUIT))
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    broken = v1.model_copy(update={"id": "broken-b", "name": "Broken B"})
    services.session.save_endpoint(broken)
    _key(services, qtbot, broken, "not-the-key")
    pane.compare_with.setCurrentIndex(pane.compare_with.findData(v1.id))
    _rank(pane, services, qtbot)
    pane.compare_with.setCurrentIndex(pane.compare_with.findData(broken.id))
    _rank(pane, services, qtbot)
    summary = pane.results.compare_summary.text()
    assert "Broken B" in summary
    assert v1.name not in summary
    assert pane.results.compare_model.rowCount() == 0
    assert not pane.stale.is_stale()  # A answered: its results are current
    run_async(qtbot, services.session.set_key(broken.id, None))


# --- Chat -----------------------------------------------------------------------------------


def test_chat_refusal_is_said_once_and_cleared_when_fixed(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_pane("chat")
    pane = window.chat_pane
    pane.documents.editor.set_text('["Paris is in France."')
    pane.send("Where is Paris?")
    assert not pane.is_streaming()
    assert _shown(pane, "chatError")
    assert window.status_text() == ""
    assert _shown(pane, "chatError") not in pane.composer.status.text()
    pane.documents.editor.set_text('["Paris is in France."]')  # fixed: gone without a Send
    assert _shown(pane, "chatError") == ""
    pane.params.set_text("temperature", "3")
    pane.send("Where is Paris?")
    assert tr("ParamsPanel", "%1 to %2", 0, 2) in _shown(pane, "chatError")
    pane.params.set_text("temperature", "")
    pane.send("Where is Paris?")  # the next action succeeds
    assert _shown(pane, "chatError") == ""
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert pane.session().turns[-1].reply is not None


# --- Endpoints ------------------------------------------------------------------------------


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _edit(parent: object, name: str) -> QLineEdit:
    edit = _child(parent, QLineEdit, name)
    assert isinstance(edit, QLineEdit)
    return edit


def _save(parent: object) -> None:
    button = _child(parent, QPushButton, "saveEndpointButton")
    assert isinstance(button, QPushButton)
    button.click()


def test_endpoint_save_error_is_cleared_by_the_next_save(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_pane("endpoints")
    pane = window.endpoints_pane
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)
    _type(qtbot, _edit(pane, "baseUrl"), "ftp://example.invalid")
    _save(pane)
    assert _shown(pane, "endpointsError").startswith(tr("EndpointsPane", "Not saved: %1", ""))
    assert window.status_text() == ""
    url = endpoint_for(services, Flavour.COHERE_V2).base_url
    _type(qtbot, _edit(pane, "baseUrl"), url)
    _save(pane)
    assert _shown(pane, "endpointsError") == ""
    assert _label(pane, "testResultLabel").text() == tr(
        "EndpointsPane", "Saved “%1”.", endpoint_for(services, Flavour.COHERE_V2).name
    )


def test_empty_model_is_refused_at_save_at_the_model_field(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.show_pane("endpoints")
    pane = window.endpoints_pane
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    assert not v2.model
    _type(qtbot, _edit(pane, "endpointName"), "Renamed")
    _save(pane)
    assert _shown(pane, "modelProblemLabel") == tr(
        "EndpointForm", MODEL_NEEDED, FLAVOUR_LABELS[Flavour.COHERE_V2]
    )
    assert services.session.endpoint(v2.id) == v2  # nothing saved
    assert _shown(pane, "endpointsError") == tr(
        "EndpointsPane", "Not saved: the Model field needs a name (see the message there)."
    )
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)
    assert _shown(pane, "modelProblemLabel") == ""  # fixed: the message goes as it is typed
    _save(pane)
    saved = services.session.endpoint(v2.id)
    assert saved is not None
    assert (saved.name, saved.model) == ("Renamed", CHAT_MODEL)
    assert _shown(pane, "endpointsError") == ""


class _LockedKeyring(keyring.backend.KeyringBackend):
    """A keyring backend whose collection stays locked: reads find nothing, writes fail."""

    # keyring offers every backend class as a candidate once it is defined (at collection). With a
    # priority above 0 it joined the Secret Service in a chain that every later test of the
    # process then went through, in place of the backend the app really uses. The test sets it.
    priority = 0

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("locked")


@pytest.mark.parametrize("backend", ["none", "locked"])
def test_a_key_the_keyring_did_not_store_is_never_reported_saved(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    backend: str,
    keyring_errors_expected: list[object],
) -> None:
    window.show_pane("endpoints")
    pane = window.endpoints_pane
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)
    _type(qtbot, _edit(pane, "apiKey"), "a-key-that-goes-nowhere")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring() if backend == "none" else _LockedKeyring())
    try:
        _save(pane)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        keyring.set_keyring(previous)
    result = _label(pane, "testResultLabel").text()
    assert result == tr("EndpointsPane", "“%1”: its settings are saved; its key is NOT.", v2.name)
    assert tr("EndpointsPane", "Saved “%1” and its key in the keyring.", v2.name) != result
    said = tr(
        "EndpointsPane", "The keyring did not store it, and nothing was written elsewhere: %1"
    )
    assert _shown(pane, "endpointsError").startswith(said.replace("%1", ""))
    stored = tr("EndpointsPane", "Key stored in the keyring")
    assert not any(n.title == stored for n in services.notices.history())
    assert _edit(pane, "apiKey").text() == "a-key-that-goes-nowhere"  # kept to try again
    assert services.secrets.get(v2.key_ref) != "a-key-that-goes-nowhere"


# --- the status bar -------------------------------------------------------------------------


def test_status_bar_speaks_for_the_current_pane_only(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    async def fails() -> None:
        raise InputError("the set file is gone", title="No documents found")

    async def works() -> None:
        return None

    window.show_pane("rerank")
    services.tasks.start("evaluation.probe", fails())
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert window.status_text() == ""  # an Evaluation error never shows on Rerank
    window.show_pane("evaluation")
    assert window.status_text().startswith(tr("Errors", "No documents found"))
    window.show_pane("chat")
    assert window.status_text() == ""
    services.notices.info("Chat note")
    assert window.status_text() == "Chat note"
    window.show_pane("evaluation")
    assert window.status_text().startswith(tr("Errors", "No documents found"))
    services.tasks.start("evaluation.probe", works())  # the pane's next action succeeds
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert window.status_text() == ""
    window.show_pane("chat")
    assert window.status_text() == "Chat note"


# --- Compare --------------------------------------------------------------------------------


def test_compare_pane_names_the_column_that_failed_and_dims_its_answers(
    window: MainWindow, services: Services, sandbox: RunningSandbox, qtbot: QtBot
) -> None:
    from workbench.ui.compare.pane import ComparePane
    from workbench.ui.compare.targets import Target

    window.show_pane("compare")
    pane = window.pane("compare")
    assert isinstance(pane, ComparePane)
    pane.inputs.model.setText(CHAT_MODEL)
    v1, v2 = endpoint_for(services, Flavour.COHERE_V1), endpoint_for(services, Flavour.COHERE_V2)
    pane.columns[0].pick(Target(v1.id))
    pane.columns[1].pick(Target(v2.id))
    pane.send("Which plan includes single sign-on?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not any(column.failed() for column in pane.columns)
    _key(services, qtbot, v2, "not-the-key")
    pane.send("And which one is cheapest?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    second = pane.columns[1]
    assert second.failed()
    stale = _shown(pane, "compareStale2")
    assert tr("CompareColumn", "Column %1 (“%2”) failed: %3", 2, v2.name, "") in stale
    assert tr(*AUTH_FAILED) in stale
    assert second.view.graphicsEffect() is not None
    assert tr(*AUTH_FAILED) not in second.figures.text()  # said once, on the bar
    assert _shown(pane, "compareStale1") == ""  # column 1 answered: nothing stale there
    assert tr("ComparePane", "Failed: column %1.", 2) in pane.status.text()
    assert window.status_text() == ""  # the column says it; the bar does not repeat it
    _key(services, qtbot, v2, sandbox.key or "")
    pane.send("And the most expensive?")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert not second.failed()
    assert second.view.graphicsEffect() is None
