"""A key typed into the workbench ends up in the keyring and nowhere else on disk."""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QPushButton

from tests.ui.conftest import endpoint_for, pane_client, run_async, select_flavour
from tests.waits import WAIT_MS
from workbench.api.errors import AuthError
from workbench.api.models import ChatRequest, Flavour, RerankRequest
from workbench.core.chat_session import Turn, reply_from_snapshot
from workbench.core.saved_chat import SavedChat, save_chat
from workbench.core.settings import config_dir
from workbench.ui.app import setup_logging
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.services import Services


def _store_key_through_the_form(pane: EndpointsPane, qtbot: QtBot, key: str) -> None:
    field = pane.findChild(QLineEdit, "apiKey")
    save = pane.findChild(QPushButton, "saveEndpointButton")
    assert field is not None
    assert save is not None
    field.setText(key)
    field.textEdited.emit(key)
    model = pane.findChild(QLineEdit, "model")
    assert model is not None
    if not model.text():  # v2 is refused without one
        model.setText("any-model")
        model.textEdited.emit("any-model")
    with qtbot.waitSignal(pane.key_stored, timeout=WAIT_MS):
        save.click()


def test_keys_never_reach_settings_logs_exports_or_history(
    services: Services, sandbox: RunningSandbox, qtbot: QtBot
) -> None:
    handler = setup_logging()
    root, executor = logging.getLogger(), logging.getLogger("qasync")
    levels = root.level, executor.level
    # The strictest logging: httpx, httpcore and qasync's executor (which logs the arguments and
    # results of every worker-thread call) all at debug level, into the real log file.
    root.setLevel(logging.DEBUG)
    executor.setLevel(logging.DEBUG)
    try:
        _exercise_everything(services, sandbox, qtbot)
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(levels[0])
        executor.setLevel(levels[1])
    good_key = sandbox.key or ""
    assert good_key
    files = [p for p in config_dir().rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"settings.json", "workbench.log", "endpoints.json", "chat_history.json"} <= names
    for path in files:
        data = path.read_bytes()
        assert good_key.encode() not in data, f"the key leaked into {path.name}"
        assert WRONG_KEY.encode() not in data, f"the wrong key leaked into {path.name}"
    for notice in services.notices.history():
        assert good_key not in notice.text()
        assert WRONG_KEY not in notice.text()


WRONG_KEY = "wrong-key-" + secrets.token_hex(8)


def _exercise_everything(services: Services, sandbox: RunningSandbox, qtbot: QtBot) -> None:
    window = MainWindow(services=services)
    qtbot.addWidget(window)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    pane = window.endpoints_pane
    # The good key through the form, on the current (v2) endpoint; a wrong key on the v1 one.
    _store_key_through_the_form(pane, qtbot, sandbox.key or "")
    select_flavour(services, Flavour.COHERE_V1)
    _store_key_through_the_form(pane, qtbot, WRONG_KEY)

    async def failing_rerank() -> None:
        client = await pane_client(services, "rerank")
        await client.rerank(RerankRequest(query="q", documents=["d"]))

    services.tasks.start("test.rerank-wrong-key", failing_rerank())
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert services.notices.history()[-1].title == AuthError.default_title

    select_flavour(services, Flavour.COHERE_V2)
    client = run_async(qtbot, pane_client(services, "rerank"))
    run_async(qtbot, client.rerank(RerankRequest(query="keys", documents=["a", "b"], model="m")))
    snapshot = run_async(qtbot, client.chat(ChatRequest(message="Hello ✓", model="m")))
    save_chat(SavedChat(turns=[Turn(user="Hello ✓", reply=reply_from_snapshot(snapshot))]))
    pane.export_to(config_dir() / "endpoints.json")
    window.close()
    assert endpoint_for(services, Flavour.COHERE_V1).name not in window.windowTitle()
    for handler in logging.getLogger().handlers:
        handler.flush()
