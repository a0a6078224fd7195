"""Per-pane endpoints: the Rerank and Chat panes each pick, remember and follow their own endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from tests.ui.conftest import SANDBOX_ENDPOINT_NAMES, endpoint_for, tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.core.endpoints import EndpointConfig
from workbench.core.settings import SettingsStore
from workbench.ui.endpoint_session import EndpointSession
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _combo(window: MainWindow, name: str) -> QComboBox:
    found = window.findChild(QComboBox, name)
    assert found is not None, name
    return found


def _texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_each_pane_has_its_own_labelled_keyboard_reachable_picker(window: MainWindow) -> None:
    assert window.findChild(QComboBox, "endpointSwitcher") is None  # no window-wide switcher
    for pane, name, accessible in (
        (window.rerank_pane, "rerankEndpointPicker", tr("EndpointPicker", "Rerank endpoint")),
        (window.chat_pane, "chatEndpointPicker", tr("EndpointPicker", "Chat endpoint")),
    ):
        combo = _combo(window, name)
        assert pane.isAncestorOf(combo)
        assert combo.accessibleName() == accessible
        assert combo.focusPolicy() & Qt.FocusPolicy.TabFocus
        buddies = [b for b in pane.findChildren(QLabel) if b.buddy() is combo]
        assert [b.text() for b in buddies] == [tr("EndpointPicker", "&Endpoint:")]


def test_the_endpoint_detail_is_read_as_it_is_shown_hosts_masked_in_demo_mode(
    window: MainWindow, services: Services
) -> None:
    details = [window.findChild(QLabel, f"{pane}EndpointDetail") for pane in ("rerank", "chat")]
    for detail in details:
        assert detail is not None
        assert "127.0.0.1" in detail.text()
        assert detail.accessibleName() == detail.text()
    services.demo.set_on(True, remember=False)
    try:
        for detail in details:
            assert detail is not None
            assert "127.0.0.1" not in detail.text()
            assert detail.accessibleName() == detail.text()
    finally:
        services.demo.set_on(False, remember=False)


def test_rerank_offers_only_endpoints_with_a_rerank_route(window: MainWindow) -> None:
    openai = SANDBOX_ENDPOINT_NAMES[Flavour.OPENAI]
    assert openai not in _texts(_combo(window, "rerankEndpointPicker"))
    assert openai in _texts(_combo(window, "chatEndpointPicker"))


def test_per_pane_selection_is_independent_and_persists(
    window: MainWindow, services: Services
) -> None:
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    openai = endpoint_for(services, Flavour.OPENAI)
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    window.rerank_pane.endpoint_picker.pick(v1.id)
    assert services.session.selected("rerank") == v1
    assert services.session.selected("chat") == v2
    window.chat_pane.endpoint_picker.pick(openai.id)
    assert services.session.selected("rerank") == v1
    assert services.session.selected("chat") == openai
    assert services.session.current() == v2  # the Endpoints pane's selection is its own
    # The next start reads them back from the settings file.
    reloaded = SettingsStore(services.settings.path)
    settings = reloaded.load()
    assert (settings.rerank_endpoint_id, settings.chat_endpoint_id) == (v1.id, openai.id)
    again = EndpointSession(store=reloaded, secrets=services.secrets)
    assert again.selected("rerank") == v1
    assert again.selected("chat") == openai
    # The panes follow what they send to: v1 chunks documents, OpenAI has no RAG documents.
    assert window.rerank_pane.form.max_chunks.isVisibleTo(window.rerank_pane)
    assert not window.chat_pane.tabs.is_section_enabled(window.chat_pane.documents)


def test_pickers_follow_endpoints_added_renamed_and_removed(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    rerank = _combo(window, "rerankEndpointPicker")
    chat = _combo(window, "chatEndpointPicker")
    added = EndpointConfig(
        name="Azure Command", base_url="http://127.0.0.1:9", flavour=Flavour.COHERE_V2
    )
    services.session.save_endpoint(added)
    assert "Azure Command" in _texts(rerank)
    assert "Azure Command" in _texts(chat)
    window.chat_pane.endpoint_picker.pick(added.id)
    with qtbot.waitSignal(services.session.selection_changed, timeout=WAIT_MS) as changed:
        services.session.save_endpoint(added.model_copy(update={"name": "Azure Command R+"}))
    assert changed.args == ["chat"]
    assert chat.currentText() == "Azure Command R+"
    assert "Azure Command R+" in _texts(rerank)
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    assert rerank.currentText() == v2.name  # the rerank pane's pick is untouched


def test_deleting_a_panes_endpoint_falls_back_to_a_suitable_one(
    window: MainWindow, services: Services
) -> None:
    rerank_model = EndpointConfig(
        name="Azure Rerank",
        base_url="http://127.0.0.1:9",
        flavour=Flavour.COHERE_V2,
        model="Cohere-rerank-v3.5",
    )
    services.session.save_endpoint(rerank_model)
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    services.session.remove_endpoint(v2.id)
    # Each pane moves to the likeliest endpoint left for it: a rerank model for rerank, and a
    # model of another kind for chat.
    assert services.session.selected("rerank") == rerank_model
    assert services.session.selected("chat") == endpoint_for(services, Flavour.COHERE_V1)
    assert _combo(window, "rerankEndpointPicker").currentText() == "Azure Rerank"
    assert (
        _combo(window, "chatEndpointPicker").currentText()
        == SANDBOX_ENDPOINT_NAMES[Flavour.COHERE_V1]
    )
    assert v2.name not in _texts(_combo(window, "chatEndpointPicker"))


def test_with_no_endpoint_left_the_panes_say_where_to_add_one(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    for endpoint in services.session.endpoints():
        services.session.remove_endpoint(endpoint.id)
    assert _combo(window, "rerankEndpointPicker").count() == 0
    assert _combo(window, "chatEndpointPicker").count() == 0
    pane = window.rerank_pane
    pane.set_query("apple")
    pane.set_documents(["apple pie"])
    no_endpoint = "No endpoint: add one in the Endpoints pane"
    assert tr("RerankPane", no_endpoint) in pane.request_body_text()
    pane.run()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert services.notices.history()[-1].title == tr("RerankPane", no_endpoint)
    window.chat_pane.send("Hello")
    assert not window.chat_pane.is_streaming()
    assert services.notices.history()[-1].title == tr("ChatPane", no_endpoint)
    assert window.chat_pane.session().turns == []
