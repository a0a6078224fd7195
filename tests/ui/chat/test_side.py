"""Chat side panel: every section named at once, reachable by keyboard, and fitted to the flavour."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

from tests.ui.conftest import select_flavour
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.ui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.side import ChatSidePanel
    from workbench.ui.services import Services

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
"""The offscreen platform says this whenever a top-level window is shown; it is not our bug."""
SECTIONS = (
    "Setup",
    "Parameters",
    "Documents",
    "Tools",
    "Model",
    "Tool results",
    "Trace",
    "Sources",
    "Search queries",
    "History",
    "Request",
)


def _titles() -> list[str]:
    """The section titles in the run's language (asked in the test: the language is set then)."""
    return [tr("ChatSidePanel", title) for title in SECTIONS]


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    with qtbot.waitActive(main):  # shortcuts only fire in the active window
        main.show()
        main.activateWindow()
    main.show_pane(1)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _sections(window: MainWindow) -> QListWidget:
    found = window.chat_pane.findChild(QListWidget, "chatSideSections")
    assert found is not None
    return found


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
@pytest.mark.parametrize("width", [1200, 1000])
def test_every_section_is_in_view_and_unelided(
    window: MainWindow, qtbot: QtBot, width: int
) -> None:
    window.resize(width, 800)
    qtbot.waitUntil(lambda: window.width() == width, timeout=WAIT_MS)
    sections = _sections(window)
    assert window.chat_pane.tabs.section_titles() == _titles()
    assert sections.verticalScrollBar().maximum() == 0
    viewport = sections.viewport().rect()
    metrics = sections.fontMetrics()
    for row in range(sections.count()):
        item = sections.item(row)
        rect = sections.visualItemRect(item)
        assert viewport.contains(rect), item.text()
        assert rect.width() >= metrics.horizontalAdvance(item.text()), item.text()
    # The pages keep most of the column: the list is only as wide as its longest title.
    assert window.chat_pane.tabs.pages.width() > 2 * sections.width()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_a_waiting_tool_call_does_not_widen_the_window(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    chat = window.chat_pane
    chat.setup.model.setText("command-r-plus-08-2024")  # the fixture's endpoints name none
    chat.load_sample("tools")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    chat.tabs.show_section(chat.tool_results)
    hint = chat.tool_results.findChild(QLabel, "chatToolResultsHint")
    assert hint is not None
    asked = tr(
        "ToolResultsForm", "The model asked for %n tool call(s): type or paste their outputs.", n=1
    )
    assert hint.text() == asked
    # The form needs no more width than the parameters page, so the column does not grow.
    form_width = chat.tool_results.minimumSizeHint().width()
    assert form_width <= chat.params.minimumSizeHint().width()
    window.resize(1000, 800)
    qtbot.waitUntil(lambda: window.width() == 1000, timeout=WAIT_MS)
    assert window.minimumSizeHint().width() <= 1000
    assert _sections(window).verticalScrollBar().maximum() == 0


def test_sections_and_pages_have_accessible_names(window: MainWindow) -> None:
    side = window.chat_pane.tabs
    sections = _sections(window)
    assert sections.accessibleName()
    names = [
        sections.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(sections.count())
    ]
    assert names == _titles()
    for row in range(sections.count()):
        assert sections.item(row).toolTip()
        page = side.pages.widget(row)
        assert page is not None
        assert page.accessibleName()


def _press(side: ChatSidePanel, qtbot: QtBot, key: Qt.Key, shift: bool = False) -> None:
    focus = side.focusWidget()
    assert focus is not None
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(focus, key, modifiers)


def test_ctrl_tab_and_arrows_walk_the_sections(window: MainWindow, qtbot: QtBot) -> None:
    chat = window.chat_pane
    side = chat.tabs
    model = chat.setup.findChild(QLineEdit, "chatModel")
    assert model is not None
    model.setFocus()  # typing in a page, not in the list
    _press(side, qtbot, Qt.Key.Key_Tab)
    assert side.current_section() is chat.params
    assert window.current_pane_key() == "chat"  # the panel's Ctrl+Tab, not the window's
    _press(side, qtbot, Qt.Key.Key_PageDown)
    assert side.current_section() is chat.documents
    _press(side, qtbot, Qt.Key.Key_Backtab, shift=True)
    assert side.current_section() is chat.params
    _press(side, qtbot, Qt.Key.Key_PageUp)
    _press(side, qtbot, Qt.Key.Key_PageUp)  # wraps round from the first to the last
    assert side.current_section() is chat.request
    sections = _sections(window)
    sections.setFocus()
    qtbot.keyClick(sections, Qt.Key.Key_Home)
    qtbot.keyClick(sections, Qt.Key.Key_Down)
    assert side.current_section() is chat.params
    assert chat.params.isVisible()


def test_documents_section_is_off_and_skipped_for_openai(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    chat = window.chat_pane
    side = chat.tabs
    side.show_section(chat.documents)
    select_flavour(services, Flavour.OPENAI)
    assert not side.is_section_enabled(chat.documents)
    assert not chat.documents.isEnabled()
    assert side.current_section() is chat.tools  # never left showing a page that is off
    assert _sections(window).item(2).toolTip() == tr(
        "ChatSidePanel", "This flavour has no RAG documents."
    )
    side.show_section(chat.params)
    _sections(window).setFocus()
    _press(side, qtbot, Qt.Key.Key_Tab)
    assert side.current_section() is chat.tools
    select_flavour(services, Flavour.COHERE_V2)
    assert side.is_section_enabled(chat.documents)
