"""Fixtures for Qt tests: a qasync loop on the test QApplication, and real Services on the sandbox.

How async UI code is driven in tests (risk 1 of the conventions, settled here):

* `qloop` installs a `qasync.QEventLoop` on pytest-qt's `qapp` as the *running* asyncio loop
  (`already_running=True`), exactly as it runs inside the app. qasync schedules every asyncio
  callback as a Qt timer event and delivers thread results (`asyncio.to_thread`) as queued Qt
  signals, so anything that processes Qt events also advances asyncio tasks.
* `qtbot.waitUntil(...)` and `qtbot.waitSignal(...)` process Qt events while they wait, so they
  drive the tasks: `qtbot.waitUntil(services.tasks.is_idle)` is the standard wait
  (`tests/ui/test_async_bridge.py` proves it, including a to_thread hop and loopback HTTP).
* To await a coroutine directly from a test (set-up, or a service call), use
  `run_async(qtbot, coro)`, which schedules it on the loop and waits with `qtbot.waitUntil`.
* No test leaves a keyboard modifier held (autouse fixture): QTest keeps a click's modifiers as
  the application's keyboard state, so after Ctrl+Return a later test's `selectRow` toggled.
* Python's cycle collector runs only on the GUI thread during UI tests (autouse fixture), as in
  the app: a collection on a worker thread could delete a dead widget off the GUI thread.
* Never `qtbot.wait(ms)`, never `loop.run_until_complete` (the loop is already "running").
* Teardown cancels what is left and closes the loop without `loop.stop()`: that would call
  `QApplication.exit()`, which leaves Qt's `quitNow` flag set and makes the next test's
  `waitSignal` return at once.
"""

from __future__ import annotations

import asyncio
import os
import socket
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from tests.waits import WAIT_MS, WAIT_S
from workbench.api.models import AuthScheme, Flavour
from workbench.api.redact import forget_secrets
from workbench.core.endpoints import EndpointConfig, Prices
from workbench.core.runs.history import History
from workbench.core.secrets import KeyringSecretStore
from workbench.core.settings import SettingsStore, config_dir
from workbench.ui.asyncgen_hooks import asyncgen_hooks
from workbench.ui.chat.pane import ChatPane
from workbench.ui.common.l10n import fill
from workbench.ui.endpoint_session import PANES, PaneName, suits
from workbench.ui.gc_guard import GuiThreadGarbageCollector
from workbench.ui.i18n import apply_language
from workbench.ui.main_window import MainWindow
from workbench.ui.notices import NoticeCenter
from workbench.ui.services import Services

if TYPE_CHECKING:
    from collections.abc import Coroutine, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from tests.hostile_server import Answer, HostileServer
    from workbench.api.client import WorkbenchClient
    from workbench.sandbox.runner import RunningSandbox

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)

TEST_LANGUAGE = os.environ.get("WORKBENCH_TEST_LANG", "system")
"""The GUI language the UI tests run in: `WORKBENCH_TEST_LANG=it` runs them in Italian (issue 18)."""


def tr(context: str, source: str, *args: object) -> str:
    """What the GUI shows for `source` in the run's language, its %1, %2 … filled in.

    Tests assert on shown texts through this, so they pass in English and in Italian.
    """
    return fill(QCoreApplication.translate(context, source), *args)


@pytest.fixture(scope="session", autouse=True)
def _test_language(qapp: QApplication) -> None:
    """Apply `WORKBENCH_TEST_LANG` once; by default the tests run as the system's locale says,
    as the program does (English gets its plural forms too: "1 document", "2 documents")."""
    apply_language(TEST_LANGUAGE)


@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[None]:
    """For a test that switches the language: the run's language again afterwards."""
    yield
    apply_language(TEST_LANGUAGE)


@pytest.fixture(autouse=True)
def _language_left_as_found(_test_language: None) -> Iterator[None]:
    """A test that switches the language and leaves it so fails itself: the next test in its
    process started in the other language, and waited in vain for a switch to change a text."""
    found = QLocale().name()
    yield
    left = QLocale().name()
    if left != found:
        apply_language(TEST_LANGUAGE)
        pytest.fail(f"left the GUI in {left!r}, not {found!r}: use the restore_language fixture")


SANDBOX_ENDPOINT_NAMES: dict[Flavour, str] = {
    Flavour.COHERE_V1: "Sandbox · Cohere v1",
    Flavour.COHERE_V2: "Sandbox · Cohere v2",
    Flavour.OPENAI: "Sandbox · OpenAI-compatible",
}
"""Names of the three endpoints the `services` fixture saves (one per flavour)."""

TEST_PRICES = Prices(input_per_million=2.5, output_per_million=10.0, per_thousand_search_units=2.0)
"""Prices on every fixture endpoint, so cost estimates have something to show."""


def shown(widget: W, width: int = 1200, height: int = 800) -> W:
    """`widget` at that size, shown."""
    widget.resize(width, height)
    widget.show()
    return widget


@contextmanager
def destroyed_after(widget: W) -> Iterator[W]:
    """`widget` for the block, then destroyed on the GUI thread (a pane left to the garbage
    collector is torn down inside a later collection, where Qt may still call into it)."""
    try:
        yield widget
    finally:
        widget.close()
        widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def saved_text(path: Path) -> str:
    """The text of a file the app keeps, "" before it is first written."""
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_saved(qtbot: QtBot, services: Services, path: Path, *words: str) -> None:
    """Wait until the kept file at `path` holds every one of `words`, and its save is done."""
    qtbot.waitUntil(lambda: all(w in saved_text(path) for w in words), timeout=WAIT_MS)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def run_async(qtbot: QtBot, coro: Coroutine[Any, Any, T], timeout: int = WAIT_MS) -> T:
    """Run a coroutine on the qasync loop and return its result, waiting with qtbot.waitUntil."""
    task = asyncio.get_event_loop().create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def select_flavour(services: Services, flavour: Flavour) -> EndpointConfig:
    """Make the fixture endpoint of this flavour the one every pane uses, and return it.

    The Chat pane and (when the flavour can rerank) the Rerank pane send to it, and the
    Endpoints pane shows it.
    """
    endpoint = endpoint_for(services, flavour)
    use_endpoint(services, endpoint.id)
    return endpoint


def use_endpoint(services: Services, endpoint_id: str) -> None:
    """Select this endpoint in the Endpoints pane and in each pane that can send to it."""
    endpoint = services.session.endpoint(endpoint_id)
    assert endpoint is not None
    services.session.set_current(endpoint_id)
    for pane in PANES:
        if suits(pane, endpoint):
            services.session.select(pane, endpoint_id)


def use_odd_server(
    services: Services,
    server: HostileServer,
    answer: Answer,
    flavour: Flavour = Flavour.COHERE_V2,
    **fields: Any,
) -> EndpointConfig:
    """Save an endpoint (Cohere v2 unless told) on `server` that answers `answer`, and make
    every pane use it."""
    odd = EndpointConfig(
        name="Odd server",
        base_url=server.script("odd", answer),
        flavour=flavour,
        model="m",
        auth=AuthScheme.NONE,
        **fields,
    )
    services.session.save_endpoint(odd)
    use_endpoint(services, odd.id)
    return odd


def refused_endpoint(services: Services) -> EndpointConfig:
    """Save an endpoint on a loopback port nothing listens on (yet), and make every pane use it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    endpoint = EndpointConfig(
        name="nobody home",
        base_url=f"http://127.0.0.1:{port}",
        flavour=Flavour.COHERE_V2,
        auth=AuthScheme.NONE,
        timeout_s=WAIT_S,
    )
    services.session.save_endpoint(endpoint)
    use_endpoint(services, endpoint.id)
    return endpoint


def keyed_endpoint(services: Services, qtbot: QtBot, base_url: str, key: str) -> EndpointConfig:
    """An endpoint on `base_url` with `key` stored in the keyring (and not yet read back, so a
    request must register it with the redactor again), selected everywhere."""
    endpoint = EndpointConfig(name="Hostile", base_url=base_url, model="m", auth=AuthScheme.BEARER)
    services.session.save_endpoint(endpoint)
    run_async(qtbot, services.session.set_key(endpoint.id, key))
    forget_secrets()
    use_endpoint(services, endpoint.id)
    return endpoint


async def pane_client(services: Services, pane: PaneName = "chat") -> WorkbenchClient:
    """The api client of the endpoint this pane sends to."""
    endpoint = services.session.selected(pane)
    assert endpoint is not None
    return await services.session.client_for(endpoint.id)


def slow_chat_streams(services: Services, ms_per_event: int = 80) -> None:
    """Make the chat pane's endpoint stream slowly (the sandbox's fault header), so a test can
    act while a turn is still streaming."""
    endpoint = services.session.selected("chat")
    assert endpoint is not None
    headers = {**endpoint.extra_headers, "x-sandbox-fault": f"slow_stream_ms={ms_per_event}"}
    services.session.save_endpoint(endpoint.model_copy(update={"extra_headers": headers}))


def endpoint_for(services: Services, flavour: Flavour) -> EndpointConfig:
    """The fixture endpoint of this flavour (without selecting it)."""
    name = SANDBOX_ENDPOINT_NAMES[flavour]
    return next(e for e in services.session.endpoints() if e.name == name)


@pytest.fixture(autouse=True)
def _no_modifier_left_held(qapp: QApplication) -> Iterator[None]:
    """Let go of the modifiers a test's key clicks leave as the application's keyboard state.

    `qtbot.keyClick(w, Key_Return, ControlModifier)` leaves Ctrl "held" for the rest of the
    process; item views read it when selecting without an event, so a later test's
    `table.selectRow(0)` toggled the row off instead of selecting it. A release with no modifier,
    sent to a widget never shown, resets the state and reaches nothing else.
    """
    yield
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        nobody = QWidget()
        QTest.keyRelease(nobody, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
        nobody.deleteLater()


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """Collect garbage only on the GUI thread, as the app does (see workbench.ui.gc_guard).

    Left automatic, a collection can start on a worker or sandbox thread and delete a dead
    widget there, which crashes Qt at some later, unrelated test.
    """
    guard = GuiThreadGarbageCollector()
    try:
        yield
    finally:
        guard.stop()


CHAT_MODEL = "command-r-plus-08-2024"
"""The model the chat tests name (the fixture endpoints have none; Cohere v2 needs one)."""


def new_chat_pane(services: Services, qtbot: QtBot) -> ChatPane:
    """A chat pane on the fixture services with a model named and empty documents and tools."""
    widget = ChatPane(services=services)
    qtbot.addWidget(widget)
    widget.setup.model.setText(CHAT_MODEL)
    widget.documents.editor.set_text("[]")
    widget.tools.editor.set_text("[]")
    return widget


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop on the test QApplication, installed as the running asyncio loop."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    with asyncgen_hooks(loop):  # as the app does: dropped streams close on the loop
        try:
            yield loop
        finally:
            _close_loop(qapp, loop)


def _close_loop(qapp: QApplication, loop: Any) -> None:
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    pending.append(loop.create_task(loop.shutdown_asyncgens()))
    # Cancelled tasks finish on their next step; each step is a Qt timer event.
    for _ in range(1000):
        if all(t.done() for t in pending):
            break
        qapp.processEvents()
    loop._QEventLoop__is_running = False  # qasync keeps this private; stop() would quit Qt
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def notices(qapp: QApplication) -> NoticeCenter:
    """A fresh notice center."""
    return NoticeCenter()


@pytest.fixture
def services(
    qloop: asyncio.AbstractEventLoop,
    qtbot: QtBot,
    sandbox: RunningSandbox,
    _private_config: object,
    _private_keyring_service: str,
    live_keyring: None,
) -> Iterator[Services]:
    """Real services: settings in tmp, the real keyring, three sandbox endpoints (v2 everywhere)."""
    store = SettingsStore(config_dir() / "settings.json")
    secrets = KeyringSecretStore(_private_keyring_service)
    endpoints = [
        EndpointConfig(
            name=name,
            base_url=sandbox.base_url,
            flavour=flavour,
            auth=AuthScheme.BEARER,
            timeout_s=WAIT_S,
            prices=TEST_PRICES,
        )
        for flavour, name in SANDBOX_ENDPOINT_NAMES.items()
    ]
    for endpoint in endpoints:
        secrets.set(endpoint.key_ref, sandbox.key or "")
    v2 = next(e for e in endpoints if e.flavour is Flavour.COHERE_V2)
    store.update(
        endpoints=endpoints,
        current_endpoint_id=v2.id,
        rerank_endpoint_id=v2.id,
        chat_endpoint_id=v2.id,
        first_run_done=True,
    )
    history = History()
    bundle = Services.assemble(store=store, secrets=secrets, loop=qloop, history=history)
    try:
        yield bundle
    finally:
        run_async(qtbot, bundle.tasks.shutdown())
        run_async(qtbot, bundle.session.aclose())
        history.close()
        for endpoint in store.settings.endpoints:
            secrets.delete(endpoint.key_ref)
    crashes = bundle.notices.crashes()
    assert not crashes, "unexpected crash reports:\n" + "\n".join(c.traceback for c in crashes)


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window, shown, once its start-up work is done (a test file may define its own)."""
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
