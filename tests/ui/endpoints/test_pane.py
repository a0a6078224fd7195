"""Endpoints pane against the real keyring and the sandbox: edit, keys, test connection, import."""

from __future__ import annotations

import errno
import json
import os
import socket
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from tests.ui.conftest import CHAT_MODEL, SANDBOX_ENDPOINT_NAMES, endpoint_for, tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.core.secrets import KeyringSecretStore
from workbench.ui.common.error_text import shown_where
from workbench.ui.endpoints.headers import PLAIN_SETTINGS_NOTE
from workbench.ui.endpoints.pane import EndpointsPane

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.core.probe import ProbeReport
    from workbench.ui.services import Services


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> Iterator[EndpointsPane]:
    widget = EndpointsPane(services=services)
    qtbot.addWidget(widget)

    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield widget
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _edit(pane: EndpointsPane, name: str) -> QLineEdit:
    edit = pane.findChild(QLineEdit, name)
    assert edit is not None, name
    return edit


def _button(pane: EndpointsPane, name: str) -> QPushButton:
    button = pane.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _label(pane: EndpointsPane, name: str) -> QLabel:
    label = pane.findChild(QLabel, name)
    assert label is not None, name
    return label


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the field's text as typing would (QTest can only type ASCII keys)."""
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.setText(text)
        edit.textEdited.emit(text)


def _test_connection(pane: EndpointsPane, qtbot: QtBot) -> ProbeReport:
    with qtbot.waitSignal(pane.probe_finished, timeout=WAIT_MS) as finished:
        _button(pane, "testConnectionButton").click()
    report: ProbeReport = finished.args[0]
    return report


def test_shows_the_current_endpoint(pane: EndpointsPane, services: Services) -> None:
    current = services.session.current()
    assert current is not None
    assert pane.shown_endpoint_id() == current.id
    assert _edit(pane, "endpointName").text() == SANDBOX_ENDPOINT_NAMES[Flavour.COHERE_V2]
    assert _label(pane, "keyHintLabel").text().startswith(tr("EndpointForm", "stored %1", "••••"))
    assert _edit(pane, "apiKey").text() == ""
    assert _edit(pane, "apiKey").echoMode() is QLineEdit.EchoMode.Password


def test_selecting_in_the_list_changes_the_current_endpoint(
    pane: EndpointsPane, services: Services
) -> None:
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    view = pane.findChild(QListView, "endpointList")
    assert view is not None
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == v1.name)
    view.setCurrentIndex(model.index(row, 0))
    assert services.session.current() == v1
    assert _edit(pane, "endpointName").text() == v1.name


def test_save_edits_and_store_a_new_key(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    _type(qtbot, _edit(pane, "endpointName"), "Renamed ✓")
    _type(qtbot, _edit(pane, "model"), "command-a-03-2025")
    _type(qtbot, _edit(pane, "priceInput"), "2.5")
    _type(qtbot, _edit(pane, "apiKey"), "new-key-abcdef-9876")
    assert pane.is_dirty()
    with qtbot.waitSignal(pane.key_stored, timeout=WAIT_MS):
        _button(pane, "saveEndpointButton").click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    saved = services.session.current()
    assert saved is not None
    assert (saved.name, saved.model, saved.prices.input_per_million) == (
        "Renamed ✓",
        "command-a-03-2025",
        2.5,
    )
    assert services.secrets.get(saved.key_ref) == "new-key-abcdef-9876"
    assert _label(pane, "keyHintLabel").text() == tr("EndpointForm", "stored %1", "••••9876")
    assert _edit(pane, "apiKey").text() == ""
    assert "new-key-abcdef-9876" not in services.settings.path.read_text(encoding="utf-8")


def test_invalid_url_is_refused_and_nothing_typed_is_lost(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    _type(qtbot, _edit(pane, "baseUrl"), "ftp://files.example")
    _button(pane, "saveEndpointButton").click()
    notice = services.notices.history()[-1]
    assert notice.level == "error"
    assert notice.where == tr("EndpointForm", "Base URL")
    assert _edit(pane, "baseUrl").text() == "ftp://files.example"
    current = services.session.current()
    assert current is not None
    assert current.base_url.startswith("http://127.0.0.1")


USER_INFO_REFUSED = (
    "a user name or password in the URL (before the @) would be sent as HTTP Basic "
    "authentication in place of the key, and kept in plain settings: remove it, and put the key "
    "in the API key field"
)


def test_a_url_with_a_password_is_refused_and_the_password_never_shown(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    """httpx sent the user info as Basic authentication in place of the key (a bare 401), the
    final-URL preview showed the password, and Save wrote it into the settings file."""
    before = services.session.current()
    assert before is not None
    url = _edit(pane, "baseUrl")
    typed = before.base_url.replace("http://", "http://user:hunter2pw@") + "/v2/rerank"
    _type(qtbot, url, typed)
    url.editingFinished.emit()
    refusal = tr("Core", USER_INFO_REFUSED)
    assert _label(pane, "finalUrlLabel").text() == refusal
    _button(pane, "saveEndpointButton").click()
    notice = services.notices.history()[-1]
    assert (notice.level, notice.where) == ("error", tr("EndpointForm", "Base URL"))
    assert refusal in notice.shown_text()
    assert url.text() == typed  # nothing typed is lost
    assert services.session.current() == before
    shown = [notice.text(), notice.shown_text(), *(w.text() for w in pane.findChildren(QLabel))]
    assert not [text for text in shown if "hunter2pw" in text]
    assert "hunter2pw" not in services.settings.path.read_text(encoding="utf-8")


def test_final_url_and_plain_http_warning(pane: EndpointsPane, qtbot: QtBot) -> None:
    assert "/v2/rerank" in _label(pane, "finalUrlLabel").text()
    assert _label(pane, "urlWarningLabel").isHidden()
    url = _edit(pane, "baseUrl")
    _type(qtbot, url, "http://rerank.example.com/v1/rerank?api-version=2024-05-01-preview")
    url.editingFinished.emit()
    assert url.text() == "http://rerank.example.com"
    combo = pane.findChild(QComboBox, "flavour")
    assert combo is not None
    assert combo.currentData() == Flavour.COHERE_V1.value
    assert _edit(pane, "apiVersion").text() == "2024-05-01-preview"
    assert "http://rerank.example.com/v1/rerank" in _label(pane, "finalUrlLabel").text()
    assert (
        tr("EndpointForm", "Looks like: %1", "Cohere API") in _label(pane, "finalUrlLabel").text()
    )
    assert not _label(pane, "urlWarningLabel").isHidden()


def test_an_unusable_url_leaves_no_empty_warning_row(pane: EndpointsPane, qtbot: QtBot) -> None:
    """The preview returned early on a refused URL with the warning label shown and empty: a
    blank row under the refusal. Each label that shows a message is read out as that message."""
    url = _edit(pane, "baseUrl")
    warning = _label(pane, "urlWarningLabel")
    final = _label(pane, "finalUrlLabel")
    _type(qtbot, url, "http://rerank.example.com")
    assert not warning.isHidden()
    assert warning.text()
    assert warning.accessibleName() == " ".join(warning.text().split())
    assert warning.accessibleDescription() == tr("EndpointForm", "URL warning")
    _type(qtbot, url, "ftp://files.example")
    assert "'ftp://files.example'" in final.text()  # the refusal, in the final URL's row
    assert final.accessibleName() == " ".join(final.text().split())
    assert warning.isHidden()
    assert warning.text() == ""


def test_a_base_url_ending_in_the_routes_version_is_warned_about(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    """A base ending in /v1 sent Cohere v2's chat to /v1/v2/chat: the preview showed that URL,
    but nothing said it was the mistake behind the 404. An OpenAI-style base under /v1 is right."""
    combo = pane.findChild(QComboBox, "flavour")
    assert combo is not None
    _choose(combo, Flavour.COHERE_V2.value)
    _type(qtbot, _edit(pane, "baseUrl"), "http://127.0.0.1:8080/v1")
    warning = _label(pane, "urlWarningLabel")
    said = tr(
        "Core",
        "the base URL ends in %1 and each route adds its own version (%2): leave %1 out of "
        "the base URL",
        "/v1",
        "http://127.0.0.1:8080/v1/v2/chat",
    )
    assert (warning.isHidden(), warning.text()) == (False, said)
    assert warning.accessibleName() == " ".join(said.split())
    _choose(combo, Flavour.OPENAI.value)
    assert (warning.isHidden(), warning.text()) == (True, "")


def _choose(combo: QComboBox, value: str) -> None:
    """Choose an entry as a person does (`activated`, which a program's change does not send)."""
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_connection_test_reports_model_and_latency(pane: EndpointsPane, qtbot: QtBot) -> None:
    report = _test_connection(pane, qtbot)
    assert report.ok, report
    assert report.latency_ms is not None
    assert str(report.headline).startswith("Connected")
    connected = tr("Core", "Connected: %1 (%2), %3 ms").split("%1")[0]
    assert _label(pane, "testResultLabel").text().startswith("✔ " + connected)


def test_connection_test_explains_a_wrong_key(pane: EndpointsPane, qtbot: QtBot) -> None:
    _type(qtbot, _edit(pane, "apiKey"), "definitely-wrong-key")
    report = _test_connection(pane, qtbot)
    assert not report.ok
    assert str(report.explanation).startswith("Wrong key")


def test_connection_test_explains_a_wrong_route(pane: EndpointsPane, qtbot: QtBot) -> None:
    url = _edit(pane, "baseUrl")
    _type(qtbot, url, url.text() + "/no/such/prefix")
    report = _test_connection(pane, qtbot)
    assert not report.ok
    assert str(report.explanation).startswith("Wrong route")


def test_connection_test_explains_a_refused_port(pane: EndpointsPane, qtbot: QtBot) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _type(qtbot, _edit(pane, "baseUrl"), f"http://127.0.0.1:{port}")
    report = _test_connection(pane, qtbot)
    assert not report.ok
    assert "refused" in str(report.explanation).lower()


def test_a_connection_test_started_from_the_keyboard_is_stopped_from_there(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    """The button went grey under the focus while it tested, and Qt sent the focus to the
    window's tab bar: it now reads Stop for as long as the test runs, and keeps the focus."""
    test = _button(pane, "testConnectionButton")
    with socket.socket() as silent:  # takes the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        _type(qtbot, _edit(pane, "baseUrl"), f"http://127.0.0.1:{silent.getsockname()[1]}")
        pane.show()
        pane.activateWindow()
        test.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(test.hasFocus, timeout=WAIT_MS)
        qtbot.keyClick(test, Qt.Key.Key_Space)
        assert services.tasks.running_keys() == ["endpoints.test"]
        assert QApplication.focusWidget() is test
        assert test.accessibleName() == tr("EndpointsPane", "Stop the connection test")
        qtbot.keyClick(test, Qt.Key.Key_Space)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert _label(pane, "testResultLabel").text() == tr("EndpointsPane", "Cancelled.")
    assert QApplication.focusWidget() is test
    assert test.accessibleName() == tr("EndpointsPane", "Test connection")


def test_unsaved_edits_survive_switching_endpoints(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    v2 = services.session.current()
    assert v2 is not None
    _type(qtbot, _edit(pane, "endpointName"), "half-typed name")
    services.session.set_current(endpoint_for(services, Flavour.OPENAI).id)
    assert _edit(pane, "endpointName").text() == SANDBOX_ENDPOINT_NAMES[Flavour.OPENAI]
    services.session.set_current(v2.id)
    assert _edit(pane, "endpointName").text() == "half-typed name"
    assert pane.is_dirty()


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
"""The offscreen platform says this whenever a top-level window is shown; it is not our bug."""


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_duplicate_then_delete_with_confirmation(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    before = len(services.session.endpoints())
    _button(pane, "duplicateEndpointButton").click()
    copy = services.session.current()
    assert copy is not None
    assert copy.name.endswith("(copy)")
    assert len(services.session.endpoints()) == before + 1
    _button(pane, "deleteEndpointButton").click()
    box = pane.findChild(QMessageBox, "confirmDeleteBox")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert len(services.session.endpoints()) == before
    assert services.session.endpoint(copy.id) is None


def test_an_export_that_cannot_be_written_is_a_notice_naming_the_file(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """The OSError escaped the slot before (a folder here; a full disk or read-only share)."""
    pane.export_to(tmp_path)
    last = services.notices.history()[-1]
    assert last.level == "error"
    assert last.title == tr("EndpointTransfer", "Cannot write %1", tmp_path.name)
    assert last.detail == os.strerror(errno.EISDIR)
    # Named once, in the title: the place said it again ("Cannot write x — at x: …").
    assert last.shown_text() == tr("Notice", "%1: %2", last.title, last.detail)


def test_an_import_that_cannot_be_read_says_the_os_reason_without_the_path(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """The notice said Python's whole OSError ("[Errno 21] Is a directory: '/tmp/…'"): the
    errno, in English, and this machine's full path after the file's name."""
    folder = tmp_path / "exports"
    folder.mkdir()
    assert pane.import_from(folder) == []
    last = services.notices.history()[-1]
    assert last.level == "error"
    assert last.title == tr("EndpointTransfer", "Cannot read %1", "exports")
    assert last.detail == os.strerror(errno.EISDIR)
    assert str(tmp_path) not in last.shown_text()
    # Named once, in the title: "Cannot read exports — at exports: Is a directory" said twice.
    assert last.shown_text() == tr("Notice", "%1: %2", last.title, last.detail)
    assert last.text().count("exports") == 1


def test_export_has_no_keys_and_import_adds_copies(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    target = tmp_path / "endpoints.json"
    pane.export_to(target)
    text = target.read_text(encoding="utf-8")
    for endpoint in services.session.endpoints():
        key = services.secrets.get(endpoint.key_ref)
        assert key
        assert key not in text
    assert len(json.loads(text)["endpoints"]) == 3
    added = pane.import_from(target)
    assert [e.name for e in added] == [f"{n} 2" for n in SANDBOX_ENDPOINT_NAMES.values()]
    assert len(services.session.endpoints()) == 6


def test_import_error_names_the_line(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"endpoints": [\n  {"name": "x",}\n]}', encoding="utf-8")
    assert pane.import_from(bad) == []
    notice = services.notices.history()[-1]
    assert notice.title == "Cannot import endpoints"
    assert notice.where == "line 2, column 16"  # the "}" after the stray comma


def test_import_reads_a_utf16_file_and_names_bad_bytes(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """A file re-saved by Windows PowerShell 5 is UTF-16 with a byte order mark: it was
    refused with Python's "'utf-8' codec can't decode byte 0xff in position 0"."""
    source = tmp_path / "endpoints.json"
    endpoints = [{"name": "caffè", "base_url": "https://ok.example"}]
    source.write_bytes(json.dumps({"endpoints": endpoints}).encode("utf-16"))
    assert [e.name for e in pane.import_from(source)] == ["caffè"]
    source.write_bytes(b'{"endpoints": [{"name": "caff\xe8"}]}')  # Latin-1
    assert pane.import_from(source) == []
    notice = services.notices.history()[-1]
    assert (notice.title, notice.where) == ("The file is not UTF-8 text", "endpoints.json, byte 29")


def test_import_refuses_a_url_with_a_password(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """It was imported, and the password saved into the plain settings file."""
    endpoints = [{"name": "ok", "base_url": "https://ok.example"}]
    endpoints.append({"name": "x", "base_url": "https://me:hunter2pw@x.example/v2/rerank"})
    source = tmp_path / "endpoints.json"
    source.write_text(json.dumps({"endpoints": endpoints}), encoding="utf-8")
    count = len(services.session.endpoints())
    assert pane.import_from(source) == []
    notice = services.notices.history()[-1]
    assert (notice.level, notice.where) == ("error", "endpoints[1].base_url")
    assert tr("Core", USER_INFO_REFUSED) in notice.shown_text()
    assert "hunter2pw" not in notice.text() + notice.shown_text()
    assert len(services.session.endpoints()) == count
    assert "hunter2pw" not in services.settings.path.read_text(encoding="utf-8")


def test_no_secure_keyring_says_how_to_fix_it(services: Services, qtbot: QtBot) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        pane = EndpointsPane(services=services)
        qtbot.addWidget(pane)

        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        banner = _label(pane, "keyringBanner")
        assert not banner.isHidden()
        assert "gnome-keyring" in banner.text()
        assert "PYTHON_KEYRING_BACKEND" in banner.text()
        _type(qtbot, _edit(pane, "model"), CHAT_MODEL)  # v2 is refused without one
        _type(qtbot, _edit(pane, "apiKey"), "would-be-plain-text")
        _button(pane, "saveEndpointButton").click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        assert services.notices.history()[-1].title == "No secure keyring available"
        assert _edit(pane, "apiKey").text() == "would-be-plain-text"  # kept, not lost
    finally:
        keyring.set_keyring(previous)
    store = services.secrets
    assert isinstance(store, KeyringSecretStore)
    assert "would-be-plain-text" not in services.settings.path.read_text(encoding="utf-8")


def _headers_field(pane: EndpointsPane) -> QPlainTextEdit:
    field = pane.findChild(QPlainTextEdit, "extraHeaders")
    assert field is not None
    return field


def _type_headers(qtbot: QtBot, pane: EndpointsPane, text: str) -> None:
    field = _headers_field(pane)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text.replace("\n", "\r"))  # QTest types Return as "\r"


def test_extra_headers_are_saved_and_reach_the_server(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    _type_headers(qtbot, pane, "X-Client-Name: rehearsal\nx-sandbox-fault: status=503")
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)  # v2 is refused without one
    assert pane.is_dirty()
    assert _label(pane, "extraHeadersError").isHidden()
    _button(pane, "saveEndpointButton").click()
    saved = services.session.current()
    assert saved is not None
    assert saved.extra_headers == {"X-Client-Name": "rehearsal", "x-sandbox-fault": "status=503"}
    assert "x-sandbox-fault" in services.settings.path.read_text(encoding="utf-8")
    report = _test_connection(pane, qtbot)
    assert not report.ok
    assert report.error is not None
    assert report.error.status == 503
    assert "5xx" in _label(pane, "testResultLabel").text()


def test_harmless_extra_headers_keep_the_connection_test_green(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    _type_headers(qtbot, pane, "X-Client-Name: demo-laptop\nX-Gateway-Route: eu-1")
    report = _test_connection(pane, qtbot)
    assert report.ok, report.text()


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("X-A: 1\nAuthorization: Bearer sekrit", "Extra headers, line 2", "API key field"),
        ("api-key: sekrit", "Extra headers, line 1", "keyring"),
        ("X-A: 1\nX-A: 2", "Extra headers, line 2", "twice"),
        ("X A: 1", "Extra headers, line 1", "not a valid header name"),
        ("X-A: 1\n\njust words", "Extra headers, line 3", "Name: value"),
    ],
)
def test_bad_extra_headers_are_refused_naming_the_line(
    pane: EndpointsPane, services: Services, qtbot: QtBot, text: str, where: str, words: str
) -> None:
    before = services.session.current()
    _type_headers(qtbot, pane, text)
    problem = _label(pane, "extraHeadersError")
    assert not problem.isHidden()
    assert problem.text().startswith(shown_where(where))  # in the run's language
    _button(pane, "saveEndpointButton").click()
    notice = services.notices.history()[-1]
    assert (notice.level, notice.where) == ("error", where)
    assert words in notice.detail
    assert services.session.current() == before  # nothing saved
    assert _headers_field(pane).toPlainText() == text  # nothing typed is lost
    # Not a hex word: random endpoint ids in the settings file could spell one.
    assert "sekrit" not in services.settings.path.read_text(encoding="utf-8")


def test_a_value_with_a_control_character_is_refused(
    pane: EndpointsPane, services: Services
) -> None:
    _headers_field(pane).setPlainText("X-A: one\x07two")  # a bell cannot be typed with QTest
    _button(pane, "saveEndpointButton").click()
    notice = services.notices.history()[-1]
    assert notice.where == "Extra headers, line 1"
    assert "control" in notice.detail


def test_extra_headers_field_is_labelled_and_says_where_it_is_stored(pane: EndpointsPane) -> None:
    field = _headers_field(pane)
    assert field.accessibleName() == tr("HeadersEditor", "Extra request headers")
    assert field.tabChangesFocus()
    buddies = [label for label in pane.findChildren(QLabel) if label.buddy() is field]
    assert [label.text() for label in buddies] == [tr("EndpointForm", "Extra headers:")]
    note = _label(pane, "extraHeadersNote").text()
    assert note == tr("HeadersEditor", PLAIN_SETTINGS_NOTE)
    assert "plain settings" in PLAIN_SETTINGS_NOTE
    assert "API key field" in PLAIN_SETTINGS_NOTE


def test_unsaved_extra_headers_survive_switching_endpoints(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    v2 = services.session.current()
    assert v2 is not None
    _type_headers(qtbot, pane, "X-Half: typed")
    services.session.set_current(endpoint_for(services, Flavour.OPENAI).id)
    assert _headers_field(pane).toPlainText() == ""
    services.session.set_current(v2.id)
    assert _headers_field(pane).toPlainText() == "X-Half: typed"
    assert pane.is_dirty()


def test_extra_headers_travel_through_export_and_import(
    pane: EndpointsPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    _type_headers(qtbot, pane, "X-Gateway-Route: eu-1")
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)  # v2 is refused without one
    _button(pane, "saveEndpointButton").click()
    target = tmp_path / "endpoints.json"
    pane.export_to(target)
    added = pane.import_from(target)
    copies = [e for e in added if e.extra_headers]
    assert [e.extra_headers for e in copies] == [{"X-Gateway-Route": "eu-1"}]
    assert _headers_field(pane).toPlainText() == ""  # the first import shown: v1, no headers


def _next_tab_stop(widget: QWidget) -> QWidget:
    """The widget Tab moves to from `widget` (skipping its own parts and unfocusable ones)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and (
        widget.isAncestorOf(candidate)
        or not candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        or not candidate.objectName()
    ):
        candidate = candidate.nextInFocusChain()
    assert candidate is not None
    return candidate


def test_tab_reaches_the_extra_headers_and_leaves_them(pane: EndpointsPane) -> None:
    timeout = pane.findChild(QDoubleSpinBox, "connectTimeout")
    assert timeout is not None
    assert _next_tab_stop(timeout) is _headers_field(pane)
    assert _next_tab_stop(_headers_field(pane)).objectName() == "priceInput"


AZURE_RERANK_URL = "https://x.eastus2.models.ai.azure.com/v1/rerank?api-version=2024-05-01-preview"


def test_pasted_full_url_saved_with_ctrl_s_keeps_its_flavour(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    # Ctrl+S leaves the focus in the URL field, so editingFinished never fires: the save itself
    # must read the route out of the pasted URL, as leaving the field would.
    url = _edit(pane, "baseUrl")
    _type(qtbot, url, AZURE_RERANK_URL)
    # The offscreen platform never makes the window active, so Ctrl+S is delivered as Qt would.
    save = next(s for s in pane.findChildren(QShortcut) if s.key().matches(QKeySequence("Ctrl+S")))
    save.activated.emit()
    saved = services.session.endpoint(pane.shown_endpoint_id() or "")
    assert saved is not None
    assert saved.flavour is Flavour.COHERE_V1
    assert saved.base_url == "https://x.eastus2.models.ai.azure.com"
    assert saved.api_version == "2024-05-01-preview"
    assert url.text() == "https://x.eastus2.models.ai.azure.com"
    assert "rerank: https://x.eastus2.models.ai.azure.com/v1/rerank" in (
        _label(pane, "finalUrlLabel").text()
    )
