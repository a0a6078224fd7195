"""First run: two sandbox endpoints ("· Rerank" and "· Chat", like two Azure deployments) are
created once, each pane picks its own, the sandbox starts in-process with a key in the keyring (or
without auth, said out loud, when there is no keyring), and rerank and chat work through it."""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QListWidget

from tests.ui.conftest import run_async, tr
from tests.ui.marked import marked_core as marked_core
from tests.waits import WAIT_MS
from workbench.api.models import AuthScheme, ChatRequest, Flavour, RerankRequest
from workbench.core.endpoints import EndpointConfig
from workbench.core.errors import SecretStoreError
from workbench.core.runs import database as run_database
from workbench.core.runs.tap import RunStart
from workbench.core.settings import SettingsStore, config_dir
from workbench.ui.app import build_services
from workbench.ui.compare.pane import ComparePane
from workbench.ui.compare.targets import Target
from workbench.ui.i18n import apply_language
from workbench.ui.local_sandbox import (
    SANDBOX_CHAT_MODEL,
    SANDBOX_CHAT_NAME,
    SANDBOX_RERANK_MODEL,
    SANDBOX_RERANK_NAME,
    LocalSandbox,
)
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.notices import Notice
    from workbench.ui.services import Services


# Services built as the app builds them apply the settings' language: the run's is put back.
pytestmark = pytest.mark.usefixtures("restore_language")


@pytest.fixture
def fresh(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot, live_keyring: None
) -> Iterator[tuple[Services, LocalSandbox]]:
    """Services built the way the app builds them, on an empty config folder."""
    services = build_services(qloop)
    sandbox = LocalSandbox(services)
    try:
        yield services, sandbox
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())
        sandbox.stop()
        for endpoint in services.session.endpoints():
            with contextlib.suppress(SecretStoreError):  # nothing stored without a keyring
                services.secrets.delete(endpoint.key_ref)


def _use_it(services: Services, qtbot: QtBot) -> None:
    rerank_endpoint = services.session.selected("rerank")
    chat_endpoint = services.session.selected("chat")
    assert rerank_endpoint is not None
    assert chat_endpoint is not None
    rerank = run_async(qtbot, services.session.client_for(rerank_endpoint.id))
    ranked = run_async(
        qtbot, rerank.rerank(RerankRequest(query="café", documents=["tea", "un café crème ☕"]))
    )
    assert ranked.results[0].index == 1
    chat = run_async(qtbot, services.session.client_for(chat_endpoint.id))
    answer = run_async(qtbot, chat.chat(ChatRequest(message="Bonjour !")))
    assert answer.done
    assert answer.text


def _sandbox_endpoints(services: Services) -> list[tuple[str, str | None]]:
    return [(e.name, e.model) for e in services.session.endpoints() if e.is_sandbox]


def test_first_run_creates_both_sandbox_endpoints_each_pane_picks_its_own(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot
) -> None:
    services, sandbox = fresh
    assert _sandbox_endpoints(services) == [
        (SANDBOX_RERANK_NAME, SANDBOX_RERANK_MODEL),
        (SANDBOX_CHAT_NAME, SANDBOX_CHAT_MODEL),
    ]
    assert all(e.flavour is Flavour.COHERE_V2 for e in services.session.endpoints())
    rerank, chat = services.session.selected("rerank"), services.session.selected("chat")
    assert rerank is not None
    assert chat is not None
    assert (rerank.name, chat.name) == (SANDBOX_RERANK_NAME, SANDBOX_CHAT_NAME)
    services.tasks.start("app.sandbox", sandbox.start())
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    keys = set()
    for endpoint in services.session.endpoints():
        assert endpoint.base_url == sandbox.base_url
        assert endpoint.auth is AuthScheme.BEARER
        keys.add(services.secrets.get(endpoint.key_ref))
    (key,) = keys  # one sandbox, one key, stored for both endpoints
    assert key
    assert key.startswith("sandbox-")
    assert services.notices.history()[-1].title == "Local sandbox running"
    _use_it(services, qtbot)
    assert services.notices.crashes() == []


def test_each_pane_shows_its_own_sandbox_endpoint_and_model(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot
) -> None:
    services, sandbox = fresh
    window = MainWindow(services=services)
    qtbot.addWidget(window)
    services.tasks.start("app.sandbox", sandbox.start())
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    rerank_pane, chat_pane = window.rerank_pane, window.chat_pane
    assert rerank_pane.endpoint_picker.combo.currentText() == SANDBOX_RERANK_NAME
    assert chat_pane.endpoint_picker.combo.currentText() == SANDBOX_CHAT_NAME
    assert rerank_pane.form.model.placeholderText() == SANDBOX_RERANK_MODEL
    assert chat_pane.setup.model.placeholderText() == SANDBOX_CHAT_MODEL
    assert f'"model": "{SANDBOX_RERANK_MODEL}"' not in rerank_pane.request_body_text()
    rerank_pane.set_query("café")
    rerank_pane.set_documents(["tea", "un café crème ☕"])
    assert f'"model": "{SANDBOX_RERANK_MODEL}"' in rerank_pane.request_body_text()


def test_a_first_run_in_italian_names_the_sandbox_endpoints_in_italian(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """They were named in English whatever the GUI's language: "Local sandbox · Chat" in an
    Italian endpoint list. Named once, at the first run: from then on the names are the
    person's, and a later language switch leaves them alone."""
    services = build_services(qloop, language="it", history=False)
    try:
        names = [name for name, _ in _sandbox_endpoints(services)]
        assert names == ["Sandbox locale · Rerank", "Sandbox locale · Chat"]
        apply_language("en")
        assert [name for name, _ in _sandbox_endpoints(services)] == names
    finally:
        run_async(qtbot, services.session.aclose())


def test_a_second_start_keeps_the_endpoint_and_key(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    services, sandbox = fresh
    services.tasks.start("app.sandbox", sandbox.start())
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    first = services.session.endpoints()
    keys = [services.secrets.get(e.key_ref) for e in first]
    sandbox.stop()
    again = build_services(qloop)
    assert again.session.endpoints() == first  # not created twice
    second_sandbox = LocalSandbox(again)
    again.tasks.start("app.sandbox", second_sandbox.start())
    qtbot.waitUntil(again.tasks.is_idle, timeout=WAIT_MS)
    try:
        assert [again.secrets.get(e.key_ref) for e in first] == keys
        assert [e.base_url for e in again.session.endpoints()] == [second_sandbox.base_url] * 2
    finally:
        second_sandbox.stop()
        run_async(qtbot, again.session.aclose())


def test_deleting_the_sandbox_endpoints_sticks(
    fresh: tuple[Services, LocalSandbox], qloop: asyncio.AbstractEventLoop
) -> None:
    services, _ = fresh
    for endpoint in services.session.endpoints():
        services.session.remove_endpoint(endpoint.id)
    assert build_services(qloop).session.endpoints() == []


def test_settings_with_the_older_single_sandbox_endpoint_keep_working(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot, live_keyring: None
) -> None:
    old = EndpointConfig(
        name="Local sandbox",
        base_url="http://127.0.0.1:1",
        flavour=Flavour.COHERE_V2,
        model=SANDBOX_CHAT_MODEL,
        is_sandbox=True,
    )
    store = SettingsStore(config_dir() / "settings.json")
    store.update(endpoints=[old], current_endpoint_id=old.id, first_run_done=True)
    services = build_services(qloop)
    sandbox = LocalSandbox(services)
    try:
        assert services.session.endpoints() == [old]  # nothing added or duplicated
        assert services.session.selected("rerank") == old
        assert services.session.selected("chat") == old
        services.tasks.start("app.sandbox", sandbox.start())
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        (refreshed,) = services.session.endpoints()
        assert refreshed.base_url == sandbox.base_url
        _use_it(services, qtbot)
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())
        sandbox.stop()
        with contextlib.suppress(SecretStoreError):
            services.secrets.delete(old.key_ref)


def test_compare_starts_on_the_chat_deployment_never_the_rerank_one(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot
) -> None:
    """Column 1 took the first endpoint saved, the sandbox's Rerank deployment, and sent its
    chat to a rerank model; now the Chat pane's endpoint against its own /chat/completions
    route (the only chat deployment), as the preset does."""
    services, _ = fresh
    chat = services.session.selected("chat")
    assert chat is not None
    assert chat.name == SANDBOX_CHAT_NAME
    pane = ComparePane(services=services)
    qtbot.addWidget(pane)
    picked = [column.picked() for column in pane.columns]
    assert picked == [Target(chat.id), Target(chat.id, Flavour.OPENAI), None]


def test_without_a_keyring_the_sandbox_runs_without_auth_and_says_so(
    fresh: tuple[Services, LocalSandbox], qtbot: QtBot
) -> None:
    services, sandbox = fresh
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        services.tasks.start("app.sandbox", sandbox.start())
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
        titles = [n.title for n in services.notices.history()]
        assert "No secure keyring: the local sandbox runs without a key" in titles
        assert {e.auth for e in services.session.endpoints()} == {AuthScheme.NONE}
        _use_it(services, qtbot)
    finally:
        keyring.set_keyring(previous)


def test_a_broken_settings_file_is_kept_aside_and_said(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"endpoints": [', encoding="utf-8")
    services = build_services(qloop, history=False)
    try:
        said = [(n.level, n.title, n.detail) for n in services.notices.history()]
        assert said[0][:2] == ("error", "Settings could not be loaded")
        assert said[1] == (
            "warning",
            tr("App", "Started with default settings"),
            tr("App", "The broken file was kept as settings.broken.json."),
        )
        assert path.with_suffix(".broken.json").read_text(encoding="utf-8") == '{"endpoints": ['
        # Said before the window was built: the window lists both and its status bar says the
        # last (they went unseen, but for a demo-mode switch listing the notices again).
        window = MainWindow(services=services)
        qtbot.addWidget(window)
        notices = window.findChild(QListWidget, "noticeList")
        assert notices is not None
        assert notices.count() == 2
        assert tr("Errors", "Settings could not be loaded") in notices.item(0).text()
        assert window.status_text().startswith(tr("App", "Started with default settings"))
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())


@pytest.mark.usefixtures("marked_core")
def test_a_broken_settings_file_is_said_in_the_gui_language(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """The start-up notice said "The settings file is not valid JSON: …" in English in an
    Italian window (an f-string of the core); a marking translator stands for the language. The
    parser's own reason stays as it came, and the log keeps the English."""
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"endpoints": [', encoding="utf-8")
    services = build_services(qloop, history=False)
    try:
        window = MainWindow(services=services)
        qtbot.addWidget(window)
        notices = window.findChild(QListWidget, "noticeList")
        assert notices is not None
        first = notices.item(0).text()
        assert "«The settings file is not valid JSON: «Expecting value»»" in first, first
        assert "«line 1, column 16»" in first
        said = services.notices.history()[0]
        assert said.detail == "The settings file is not valid JSON: Expecting value"
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())


@pytest.mark.usefixtures("restore_language")
def test_a_settings_value_refused_is_said_in_italian(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """The start-up notice said pydantic's "Input should be 'cohere-v1', …" in the Italian
    window; a saved endpoint's field is now named as the Endpoints form and an import name it."""
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    endpoint = {"name": "a", "base_url": "https://example.invalid", "flavour": "cohere-v9"}
    path.write_text(json.dumps({"endpoints": [endpoint]}), encoding="utf-8")
    services = build_services(qloop, history=False)  # applies the settings' language
    try:
        apply_language("it")
        said = services.notices.history()[0]
        assert said.shown_text().endswith(
            "Il file delle impostazioni non è valido: il campo Variante (flavour) deve essere "
            "uno tra cohere-v1, cohere-v2, openai"
        ), said.shown_text()
        assert said.detail == (
            "The settings file is not valid: Flavour must be one of cohere-v1, cohere-v2, openai"
        )
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())


def test_a_password_an_older_version_saved_in_a_url_is_taken_out_at_start(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """An endpoint saved as `https://user:pass@host` kept the password in plain settings.json
    for good (refused at every use, never removed); the start takes it out and says which."""
    store = SettingsStore(config_dir() / "settings.json")
    kept = EndpointConfig(name="gateway", base_url="https://probe:s3cret-Pw@example.invalid/v2")
    plain = EndpointConfig(name="plain", base_url="https://example.invalid")
    store.update(endpoints=[kept, plain], first_run_done=True)
    assert "s3cret-Pw" in store.path.read_text(encoding="utf-8")
    services = build_services(qloop, history=False)
    try:
        services.settings.release_saves()  # as the app does once its window is shown
        text = store.path.read_text(encoding="utf-8")
        assert "s3cret-Pw" not in text
        assert "probe" not in text
        urls = {e.name: e.base_url for e in services.session.endpoints()}
        assert urls["gateway"] == "https://example.invalid/v2"
        assert urls["plain"] == "https://example.invalid"
        said = [(n.level, n.title, n.detail) for n in services.notices.history()]
        warning = next(
            s for s in said if s[1] == tr("App", "Passwords taken out of saved endpoint URLs")
        )
        assert warning[0] == "warning"
        assert warning[2].startswith("gateway: ")
        assert not any("s3cret" in f"{s[1]} {s[2]}" for s in said)
    finally:
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())


def test_runs_the_history_refuses_are_said_once_per_spell(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dropped writes were only logged: a QA session went on unrecorded with nothing said."""
    monkeypatch.setattr(run_database, "BUSY_TIMEOUT_S", 0.02)  # the lock outlasts every retry
    services = build_services(qloop)
    history = services.history
    assert history is not None
    other = run_database.connect(history.store.path)

    def refusals() -> list[Notice]:
        title = tr("App", "Runs not recorded")
        return [n for n in services.notices.history() if n.title == title]

    try:
        other.execute("BEGIN IMMEDIATE")  # another process writing, for longer than we wait
        for query in ("one", "two"):
            history.begin(RunStart(kind="rerank", query=query)).finish("failed")
            history.writer.flush()
        qtbot.waitUntil(lambda: bool(refusals()), timeout=WAIT_MS)  # said on the GUI thread
        assert len(refusals()) == 1
        assert "database is locked" in refusals()[0].detail
    finally:
        other.execute("ROLLBACK")
        other.close()
        run_async(qtbot, services.tasks.shutdown())
        run_async(qtbot, services.session.aclose())
        history.close()
