"""Demo mode: with it on, no host or key of a configured endpoint shows in any view or export.

The walk is generic (`tests/ui/demo_walker.py`): every pane in `PANES` is driven through its
sample where it has one, then every widget of the window is read. A pane added later is covered
once it is in the registry.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tests.conftest import SANDBOX_TEST_KEY
from tests.ui.conftest import CHAT_MODEL, TEST_PRICES, run_async
from tests.ui.demo_walker import leaks, window_texts
from tests.waits import WAIT_MS, WAIT_S
from workbench.api.errors import InputError
from workbench.api.models import AuthScheme, Flavour
from workbench.api.redact_hosts import MASKED_HOST
from workbench.core.endpoints import EndpointConfig
from workbench.core.runs.export_code import FORMATS
from workbench.ui.app import apply_colour_scheme
from workbench.ui.common.demo import FONT_SCALE
from workbench.ui.endpoints.transfer import export_file
from workbench.ui.i18n import apply_language
from workbench.ui.main_window import MainWindow
from workbench.ui.panes import PANES, SamplePane
from workbench.ui.screenshots import SHOTS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.services import Services

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

DEMO_HOST = "contoso-demo-rerank.swedencentral.models.ai.azure.com"
"""A second, distinctive host (never called: nothing here sends to it)."""
DEMO_KEY = "demo-walk-key-" + secrets.token_hex(10)


def _needles(sandbox: RunningSandbox) -> list[str]:
    """What must not show: both hosts, the sandbox's host:port, both keys and a key fragment."""
    netloc = sandbox.base_url.split("://", 1)[1].rstrip("/")
    return [
        DEMO_HOST,
        "contoso-demo-rerank",
        "swedencentral",
        "127.0.0.1",
        netloc,
        DEMO_KEY,
        DEMO_KEY[5:17],
        SANDBOX_TEST_KEY,
    ]


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window over the sandbox endpoints, one distinctive Azure endpoint and a sandbox
    chat endpoint with a model (so the Chat pane's sample is answered)."""
    azure = EndpointConfig(
        name="Azure rerank (Sweden)",
        base_url=f"https://{DEMO_HOST}",
        flavour=Flavour.COHERE_V2,
        model="rerank-v3.5",
        auth=AuthScheme.API_KEY,
        prices=TEST_PRICES,
    )
    services.session.save_endpoint(azure)
    run_async(qtbot, services.session.set_key(azure.id, DEMO_KEY))
    v2 = services.session.selected("chat")
    assert v2 is not None
    chat = v2.model_copy(update={"id": "sandbox-chat", "name": "Sandbox chat", "model": CHAT_MODEL})
    services.session.save_endpoint(chat)
    run_async(qtbot, services.session.set_key(chat.id, SANDBOX_TEST_KEY))
    services.session.select("chat", chat.id)
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    try:
        yield main
    finally:
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        services.demo.set_on(False)  # the application's font is shared with later tests


def _drive_every_pane(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    """Each pane's representative action: its sample against the sandbox where it has one."""
    for spec in PANES:
        window.show_pane(spec.key)
        pane = window.pane(spec.key)
        if isinstance(pane, SamplePane):
            pane.load_sample()
            qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    # Endpoints: test the sandbox connection, then show the distinctive endpoint's form.
    window.show_pane("endpoints")
    sandbox_v2 = services.session.selected("rerank")
    assert sandbox_v2 is not None
    services.session.set_current(sandbox_v2.id)
    _child(window, QPushButton, "testConnectionButton").click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    azure = next(e for e in services.session.endpoints() if e.name.startswith("Azure"))
    services.session.set_current(azure.id)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    # History: the runs above, the first one inspected.
    window.show_pane("history")
    history = window.history_pane
    qtbot.waitUntil(lambda: history.model.rowCount() > 0, timeout=WAIT_MS)
    history.table.selectRow(0)


_W = TypeVar("_W", bound=QWidget)


def _child(window: QWidget, kind: type[_W], name: str) -> _W:
    found = window.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def _sized_fonts(window: MainWindow) -> dict[object, float]:
    """The point size of the application's font and of every widget's (those sized in points)."""
    sizes: dict[object, float] = {"application": QApplication.font().pointSizeF()}
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.font().pointSizeF() > 0:
            sizes[widget] = widget.font().pointSizeF()
    return sizes


def _path(k: object) -> str:
    """A widget as a chain of class:objectName up to the window, for failure messages."""
    names = []
    while isinstance(k, QWidget):
        names.append(f"{type(k).__name__}:{k.objectName()}")
        k = k.parentWidget()
    return " < ".join(names) or str(k)


def _unscaled(before: dict[object, float], after: dict[object, float], scale: float) -> list[str]:
    """What exists in both and is not `scale` times its size before (names for the message)."""
    return [
        _path(k)
        for k in before.keys() & after.keys()
        if after[k] != pytest.approx(before[k] * scale)
    ]


def _exports(window: MainWindow, services: Services, tmp_path: Path) -> list[tuple[str, str]]:
    """(where, text) of every export: the history file, code in each format, the clipboard,
    the endpoints file."""
    history = window.history_pane
    out = tmp_path / "runs.jsonl"
    assert history.export_selection(out) == 1
    texts = [("history export file", out.read_text(encoding="utf-8"))]
    for fmt in FORMATS:
        history.export_as.setCurrentText(fmt)
        try:
            texts.append((f"code as {fmt}", history.code_for_selection()))
        except InputError:  # a format that does not speak the run's flavour
            continue
        _child(window, QPushButton, "historyCopyCode").click()
        texts.append((f"clipboard ({fmt})", QGuiApplication.clipboard().text()))
    endpoints = tmp_path / "endpoints.json"
    export_file(endpoints, services.session, services.notices)
    texts.append(("endpoints export file", endpoints.read_text(encoding="utf-8")))
    return texts


def test_demo_mode_masks_hosts_and_keys_in_every_view_and_export(
    window: MainWindow, services: Services, sandbox: RunningSandbox, qtbot: QtBot, tmp_path: Path
) -> None:
    needles = _needles(sandbox)
    services.notices.info("Local sandbox running", f"{sandbox.base_url} — before demo mode")
    fonts = _sized_fonts(window)
    window.demo_action.trigger()
    assert services.demo.is_on()
    assert services.settings.settings.demo_mode  # remembered
    services.notices.warn("Cannot connect", f"https://{DEMO_HOST}/v2/rerank refused {DEMO_KEY}")
    _drive_every_pane(window, services, qtbot)

    assert leaks(window_texts(window), needles) == []
    assert any(MASKED_HOST in text for _, text in window_texts(window))  # hosts were there
    assert leaks(iter(_exports(window, services, tmp_path)), needles) == []
    assert all(MASKED_HOST in text for _, text in _exports(window, services, tmp_path))
    _import_a_run_from_elsewhere(window, tmp_path)
    assert leaks(window_texts(window), [*needles, IMPORTED_HOST]) == []

    scaled = _sized_fonts(window)
    assert _unscaled(fonts, scaled, FONT_SCALE) == []
    form_details_hidden(window)

    window.demo_action.trigger()  # off: sizes and details come back, hosts show again
    assert not services.settings.settings.demo_mode
    assert _unscaled(fonts, _sized_fonts(window), 1.0) == []
    assert not _child(window, QGroupBox, "connectionGroup").isHidden()
    assert not _child(window, QLineEdit, "baseUrl").isHidden()
    assert leaks(window_texts(window), needles)  # the walker does see them when shown

    window.demo_action.trigger()  # on again: every view already drawn masks its text
    assert leaks(window_texts(window), needles) == []


IMPORTED_HOST = "imported-host.example.net"
"""A host no endpoint names: a run imported from someone else's file."""


def _import_a_run_from_elsewhere(window: MainWindow, tmp_path: Path) -> None:
    """Import the exported run back with a host of its own, list it and inspect it."""
    history = window.history_pane
    exported = (tmp_path / "runs.jsonl").read_text(encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(exported.replace(MASKED_HOST, IMPORTED_HOST), encoding="utf-8")
    assert history.import_from(other) == 1
    history.search.setText("")
    history.refresh()
    assert any(r.url.startswith(f"http://{IMPORTED_HOST}") for r in history.model.runs())
    history.table.selectRow(0)


def form_details_hidden(window: MainWindow) -> None:
    """The endpoint form shows a masked summary instead of its URL, key, auth and Connection."""
    for kind, name in (
        (QLineEdit, "baseUrl"),
        (QLineEdit, "apiKey"),
        (QLabel, "keyHintLabel"),
        (QLabel, "finalUrlLabel"),
        (QGroupBox, "connectionGroup"),
    ):
        assert _child(window, kind, name).isHidden(), name
    summary = _child(window, QLabel, "connectionSummaryLabel")
    assert not summary.isHidden()
    assert f"https://{MASKED_HOST}" in summary.text()


@pytest.mark.usefixtures("live_keyring")  # the app reads the keyring
@pytest.mark.usefixtures("restore_language")
def test_the_connection_summary_names_the_auth_in_italian_and_keeps_the_urls_percents(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The Endpoints form's summary in demo mode said the scheme with core's English label
    ("api-key header"), and filled its markers one after the other, so a URL's own "%2" (an
    escaped "/" is "%2F") took the scheme's name."""
    apply_language("it")
    window.show_pane("endpoints")
    url = "https://gateway.example/deployments/a%2Fb"
    field = _child(window, QLineEdit, "baseUrl")
    field.setText(url)
    field.textEdited.emit(url)
    auth = _child(window, QComboBox, "authScheme")
    auth.setCurrentIndex(auth.findData(AuthScheme.API_KEY.value))
    window.demo_action.trigger()
    summary = _child(window, QLabel, "connectionSummaryLabel")
    expected = f"Nascosti in modalità demo: {url} · intestazione api-key"
    qtbot.waitUntil(lambda: summary.text() == expected, timeout=WAIT_MS)


def test_screenshots_can_be_made_in_demo_mode(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--demo", "--screenshots", str(out)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=2 * WAIT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.png")) == sorted(SHOTS)
    for name in SHOTS:
        image = QImage(str(out / name))
        assert not image.isNull()
        metadata = " ".join(f"{k}={image.text(k)}" for k in image.textKeys())
        assert "127.0.0.1" not in metadata, name
    settings = (tmp_path / "config" / "settings.json").read_text(encoding="utf-8")
    assert '"demo_mode": false' in settings  # --demo is for this run only


def test_a_window_built_in_demo_mode_has_every_font_enlarged(
    services: Services, qtbot: QtBot
) -> None:
    base = QApplication.font().pointSizeF()
    services.demo.set_on(True, remember=False)  # as `workbench --demo` does, before the window
    try:
        main = MainWindow(services=services)
        qtbot.addWidget(main)
        sizes = {_path(w): s for w, s in _sized_fonts(main).items() if w != "application"}
        assert {k: s for k, s in sizes.items() if s != pytest.approx(base * FONT_SCALE)} == {}
        assert not services.settings.settings.demo_mode  # this run only
        services.demo.set_on(False)
        sizes = {_path(w): s for w, s in _sized_fonts(main).items() if w != "application"}
        assert {k: s for k, s in sizes.items() if s != pytest.approx(base)} == {}
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        services.demo.set_on(False)


def test_fonts_grow_and_shrink_back_under_the_app_style_sheet(
    services: Services, qtbot: QtBot, qapp: QApplication
) -> None:
    apply_colour_scheme(qapp, Qt.ColorScheme.Light)  # as the app runs: a style sheet on top
    try:
        main = MainWindow(services=services)
        qtbot.addWidget(main)
        fonts = _sized_fonts(main)
        main.demo_action.trigger()
        assert _unscaled(fonts, _sized_fonts(main), FONT_SCALE) == []
        main.demo_action.trigger()
        assert _unscaled(fonts, _sized_fonts(main), 1.0) == []
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        services.demo.set_on(False)
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())
