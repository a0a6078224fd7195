"""The GUI against a hostile server: no key in any notice or label, secrets kept in the keyring,
status and error lines read out to screen readers."""

from __future__ import annotations

import gc
import json
import secrets
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from tests.hostile import Hostile, serve
from tests.ui.conftest import keyed_endpoint, run_async, tr, use_endpoint
from workbench.api.models import AuthScheme, Flavour
from workbench.api.redact import FRAGMENT, forget_secrets
from workbench.core.endpoint_headers import SECRET_MASK
from workbench.core.endpoint_transfer import export_endpoints
from workbench.core.endpoints import EndpointConfig, secrets_ref
from workbench.ui.endpoints.pane import EndpointsPane
from workbench.ui.main_window import MainWindow
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.core.probe import ProbeReport
    from workbench.ui.notices import NoticeCenter
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEY = "hk-" + secrets.token_hex(20)
APIM = "apim-" + secrets.token_hex(16)
CUSTOM = "custom-" + secrets.token_hex(12)
PROXY_PASSWORD = "pp-" + secrets.token_hex(10)
WAIT_MS = 20_000
W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def _fresh_redactor() -> Iterator[None]:
    # The registry is process-wide: each case must register what it masks itself.
    forget_secrets()
    gc.collect()  # on the GUI thread, before the hostile server's thread runs
    yield
    forget_secrets()


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    yield from serve()


@pytest.fixture
def hostile_endpoint(services: Services, hostile: Hostile, qtbot: QtBot) -> EndpointConfig:
    """An endpoint on the hostile server with KEY stored, selected everywhere."""
    return keyed_endpoint(services, qtbot, hostile.base_url, KEY)


def _leaks(text: str, *secret_values: str) -> list[str]:
    return [
        s[i : i + FRAGMENT]
        for s in secret_values
        for i in range(len(s) - FRAGMENT + 1)
        if s[i : i + FRAGMENT] in text
    ]


def _accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Name))


def _accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Description))


def _child(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def _run_rerank(pane: RerankPane, services: Services, qtbot: QtBot) -> None:
    pane.run()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


@pytest.fixture
def rerank_pane(services: Services, qtbot: QtBot) -> Iterator[RerankPane]:
    widget = RerankPane(services=services)
    widget.show()
    yield widget
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    widget.close()
    widget.deleteLater()


@pytest.fixture
def endpoints_pane(services: Services, qtbot: QtBot) -> Iterator[EndpointsPane]:
    widget = EndpointsPane(services=services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield widget
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


# --- item 7: status and error lines for screen readers --------------------------------------


def test_rerank_error_line_is_read_out_and_clears_when_the_json_is_fixed(
    rerank_pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    rerank_pane.set_query("apple")
    rerank_pane.editor.json.set_text('[\n  "one",\n  "two"\n  "three"\n]')
    _run_rerank(rerank_pane, services, qtbot)
    assert rerank_pane.error.isVisible()
    name = _accessible_name(rerank_pane.error)
    assert "line 4, column 3" in name
    assert _accessible_description(rerank_pane.error) == "Rerank error"
    assert rerank_pane.status.text() == ""  # said once, on the error line (issue 19)
    # Fixed: the error line goes at once, without another Run.
    rerank_pane.editor.json.set_text('[\n  "one",\n  "two",\n  "three"\n]')
    qtbot.waitUntil(lambda: not rerank_pane.error.isVisible(), timeout=WAIT_MS)
    assert _accessible_name(rerank_pane.error) == "Rerank error"


def test_rerank_error_line_follows_the_remaining_problem(
    rerank_pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    rerank_pane.editor.json.set_text('["one", "two"]')
    _run_rerank(rerank_pane, services, qtbot)
    assert "Type a query" in rerank_pane.error.text()
    rerank_pane.editor.json.set_text('["one", "two",]')  # still no query: the same problem
    assert "Type a query" in rerank_pane.error.text()
    assert rerank_pane.error.isVisible()
    rerank_pane.set_query("apple")  # the query is there now; the JSON is what is wrong
    assert "line 1" in _accessible_name(rerank_pane.error)


def test_panes_and_notice_line_have_accessible_names(services: Services, qtbot: QtBot) -> None:
    window = MainWindow(services=services)
    qtbot.addWidget(window)
    for pane, name in (
        (window.rerank_pane, "Rerank"),
        (window.chat_pane, "Chat"),
        (window.endpoints_pane, tr("EndpointsPane", "Endpoints")),
    ):
        assert _accessible_name(pane) == name
    services.notices.warn("Disk nearly full", "3 MB left")
    label = _child(window, QLabel, "noticeLabel")
    assert "Disk nearly full" in _accessible_name(label)
    assert _accessible_description(label) == tr("MainWindow", "Last notice")


def test_extra_header_problem_is_read_out(endpoints_pane: EndpointsPane) -> None:
    field = _child(endpoints_pane, QPlainTextEdit, "extraHeaders")
    assert isinstance(field, QPlainTextEdit)
    field.setPlainText("X-Good: 1\nno colon here")
    error = _child(endpoints_pane, QLabel, "extraHeadersError")
    assert "line 2" in _accessible_name(error)


# --- item 1: no key on screen ---------------------------------------------------------------


@pytest.mark.parametrize("mode", ["json-echo", "text-echo", "azure-401", "fragment-401"])
def test_gui_never_shows_a_key_a_hostile_server_echoes(
    services: Services,
    hostile: Hostile,
    hostile_endpoint: EndpointConfig,
    rerank_pane: RerankPane,
    endpoints_pane: EndpointsPane,
    qtbot: QtBot,
    mode: str,
) -> None:
    hostile.mode = mode
    rerank_pane.set_query("apple")
    rerank_pane.editor.json.set_text('["one", "two"]')
    _run_rerank(rerank_pane, services, qtbot)
    assert hostile.seen[-1]["authorization"] == f"Bearer {KEY}"
    with qtbot.waitSignal(endpoints_pane.probe_finished, timeout=WAIT_MS):
        _child(endpoints_pane, QPushButton, "testConnectionButton").click()
    shown = [
        rerank_pane.error.text(),
        rerank_pane.status.text(),
        _child(endpoints_pane, QLabel, "testResultLabel").text(),
        *(n.text() for n in services.notices.history()),
    ]
    assert "[redacted]" in "\n".join(shown)
    assert _leaks("\n".join(shown), KEY) == []


def test_crash_reports_are_redacted(notices: NoticeCenter) -> None:
    from workbench.api.redact import register_secret

    register_secret(KEY)
    try:
        raise RuntimeError(f"unexpected answer quoting {KEY[2:30]}")
    except RuntimeError as exc:
        notices.report_crash(exc)
    (report,) = notices.crashes()
    assert _leaks(report.summary + report.traceback, KEY) == []


# --- item 1: secret headers, proxy password and keys in the keyring --------------------------


def _type_line(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def _save(pane: EndpointsPane, services: Services, qtbot: QtBot) -> None:
    _child(pane, QPushButton, "saveEndpointButton").click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_secret_headers_and_proxy_password_live_in_the_keyring(
    services: Services,
    hostile: Hostile,
    hostile_endpoint: EndpointConfig,
    endpoints_pane: EndpointsPane,
    qtbot: QtBot,
) -> None:
    headers = _child(endpoints_pane, QPlainTextEdit, "extraHeaders")
    assert isinstance(headers, QPlainTextEdit)
    headers.setPlainText(
        f"X-Client-Name: demo\nOcp-Apim-Subscription-Key: {APIM}\nsecret X-Custom: {CUSTOM}"
    )
    proxy = _child(endpoints_pane, QLineEdit, "proxy")
    assert isinstance(proxy, QLineEdit)
    _type_line(qtbot, proxy, f"http://user:{PROXY_PASSWORD}@127.0.0.1:9")
    _save(endpoints_pane, services, qtbot)
    saved = services.session.endpoint(hostile_endpoint.id)
    assert saved is not None
    assert saved.extra_headers == {"X-Client-Name": "demo"}
    assert saved.keyring_headers == ["Ocp-Apim-Subscription-Key", "X-Custom"]
    assert saved.proxy == "http://user@127.0.0.1:9"
    on_disk = services.settings.path.read_text(encoding="utf-8") + export_endpoints([saved])
    assert _leaks(on_disk, APIM, CUSTOM, PROXY_PASSWORD) == []
    stored = json.loads(services.secrets.get(secrets_ref(saved.id)) or "{}")
    assert stored == {
        "headers": {"Ocp-Apim-Subscription-Key": APIM, "X-Custom": CUSTOM},
        "proxy_password": PROXY_PASSWORD,
    }
    # Shown masked; saved again untouched, the keyring keeps the values.
    assert SECRET_MASK in headers.toPlainText()
    assert APIM not in headers.toPlainText()
    assert proxy.text() == f"http://user:{SECRET_MASK}@127.0.0.1:9"
    _type_line(qtbot, proxy, "")  # no proxy, so the next request reaches the server
    _save(endpoints_pane, services, qtbot)
    stored = json.loads(services.secrets.get(secrets_ref(saved.id)) or "{}")
    assert stored["headers"] == {"Ocp-Apim-Subscription-Key": APIM, "X-Custom": CUSTOM}
    client = run_async(qtbot, services.session.client_for(saved.id))
    hostile.mode = "text-echo"
    run_async(qtbot, _swallow(client.info()))
    assert hostile.seen[-1]["ocp-apim-subscription-key"] == APIM
    assert hostile.seen[-1]["x-custom"] == CUSTOM
    endpoints_pane.delete_endpoint(saved.id)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert services.secrets.get(secrets_ref(saved.id)) is None


async def _swallow(coro: object) -> None:
    from workbench.api.errors import WorkbenchError

    try:
        await coro  # type: ignore[misc]
    except WorkbenchError:
        return


def test_a_pasted_key_is_trimmed_with_a_notice(
    services: Services,
    hostile_endpoint: EndpointConfig,
    endpoints_pane: EndpointsPane,
    qtbot: QtBot,
) -> None:
    _type_line(qtbot, _child(endpoints_pane, QLineEdit, "apiKey"), f"  {KEY}\t ")
    with qtbot.waitSignal(endpoints_pane.key_stored, timeout=WAIT_MS):
        _child(endpoints_pane, QPushButton, "saveEndpointButton").click()
    assert services.secrets.get(hostile_endpoint.key_ref) == KEY
    assert any(n.title == tr("EndpointsPane", "Key trimmed") for n in services.notices.history())


@pytest.mark.parametrize("bad", ["\x07", "\u00e9"])
def test_a_key_a_header_cannot_carry_is_refused_unsent(
    services: Services,
    hostile: Hostile,
    hostile_endpoint: EndpointConfig,
    endpoints_pane: EndpointsPane,
    qtbot: QtBot,
    bad: str,
) -> None:
    new_key = KEY[:10] + bad + KEY[10:]
    key_field = _child(endpoints_pane, QLineEdit, "apiKey")
    _type_line(qtbot, key_field, new_key)
    _child(endpoints_pane, QPushButton, "testConnectionButton").click()
    _child(endpoints_pane, QPushButton, "saveEndpointButton").click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert hostile.seen == []
    assert services.secrets.get(hostile_endpoint.key_ref) == KEY  # the old key stays
    notes = "\n".join(n.text() for n in services.notices.history())
    assert "Unusable API key" in notes
    assert _leaks(notes, new_key) == []


def test_connection_test_hints_at_v1_when_chat_completions_is_missing(
    services: Services, hostile: Hostile, endpoints_pane: EndpointsPane, qtbot: QtBot
) -> None:
    hostile.mode = "not-found"
    endpoint = EndpointConfig(
        name="llama.cpp", base_url=hostile.base_url, flavour=Flavour.OPENAI, auth=AuthScheme.NONE
    )
    services.session.save_endpoint(endpoint)
    use_endpoint(services, endpoint.id)
    with qtbot.waitSignal(endpoints_pane.probe_finished, timeout=WAIT_MS) as finished:
        _child(endpoints_pane, QPushButton, "testConnectionButton").click()
    report: ProbeReport = finished.args[0]
    assert not report.ok
    assert "/v1" in str(report.explanation)
    assert "llama.cpp" in _child(endpoints_pane, QLabel, "testResultLabel").text()


def test_url_problem_is_read_out(endpoints_pane: EndpointsPane, qtbot: QtBot) -> None:
    _type_line(qtbot, _child(endpoints_pane, QLineEdit, "baseUrl"), "http://[::1")
    final = _child(endpoints_pane, QLabel, "finalUrlLabel")
    assert "IPv6" in final.text()
    assert "IPv6" in _accessible_name(final)
    assert _accessible_description(final) == tr("EndpointForm", "Final URLs")


def test_secret_headers_saved_in_plain_by_older_versions_move_to_the_keyring(
    services: Services, qtbot: QtBot
) -> None:
    old = EndpointConfig(
        name="Old APIM", base_url="https://h", extra_headers={"Ocp-Apim-Subscription-Key": APIM}
    )
    services.session.save_endpoint(old)
    assert APIM in services.settings.path.read_text(encoding="utf-8")
    widget = EndpointsPane(services=services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert APIM not in services.settings.path.read_text(encoding="utf-8")
    moved = services.session.endpoint(old.id)
    assert moved is not None
    assert moved.keyring_headers == ["Ocp-Apim-Subscription-Key"]
    assert json.loads(services.secrets.get(secrets_ref(old.id)) or "{}")["headers"] == {
        "Ocp-Apim-Subscription-Key": APIM
    }
    title = tr("EndpointsPane", "Secret headers moved to the keyring")
    assert any(n.title == title for n in services.notices.history())
    services.secrets.delete(secrets_ref(old.id))
