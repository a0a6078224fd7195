"""Keyboard (issue 19, item 9): the shortcuts sheet, shortcuts in tool tips, Tab order, focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTableWidget

from tests.ui.layout_checks import tab_order_problems
from tests.ui.test_accessibility import _controls
from tests.ui.test_main_window import INNER_PAGES, OFFSCREEN_NOISE, _each_page
from tests.waits import WAIT_MS
from workbench.ui.main_window import MainWindow
from workbench.ui.panes import PANES
from workbench.ui.shortcuts_sheet import ShortcutsSheet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services


TAB_ORDER_CHECKED = ("rerank",)
"""Panes whose Tab order is checked against the layout (issue 19 item 9; the others still have
steps that go back, listed by running the check with every key of PANES here)."""
RAISE_NOISE = "This plugin does not support raise"
"""The offscreen platform says this when the sheet is raised above the window; not our bug."""


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    with qtbot.waitActive(main):  # shortcuts and focus work only in the active window
        main.show()
        main.activateWindow()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _native(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def _every_shortcut(window: MainWindow) -> set[str]:
    keys = {_native(k) for a in window.findChildren(QAction) for k in a.shortcuts()}
    keys |= {_native(s.key()) for s in window.findChildren(QShortcut) if not s.key().isEmpty()}
    return keys


def _open_sheet(
    window: MainWindow, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> ShortcutsSheet:
    qtbot.keyClick(window.current_pane(), key, modifier)
    sheet = window.findChild(ShortcutsSheet, "shortcutsSheet")
    assert sheet is not None
    qtbot.waitUntil(sheet.isVisible, timeout=WAIT_MS)
    return sheet


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, RAISE_NOISE)
def test_f1_and_ctrl_slash_open_a_sheet_of_every_shortcut_that_filters(
    window: MainWindow, qtbot: QtBot
) -> None:
    sheet = _open_sheet(window, qtbot, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    assert not sheet.isModal()  # it stays open beside the work
    table = sheet.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    shown = set(sheet.shown_keys())
    assert shown == _every_shortcut(window)
    assert {"Ctrl+/", "F1", "Ctrl+Shift+B", "Ctrl+Return", "Esc", "F8", "Ctrl+1"} <= shown
    assert len(shown) > 6
    field = sheet.findChild(QLineEdit, "shortcutsFilter")
    assert field is not None
    qtbot.keyClicks(field, window.chat_pane.side_toggle.action.text())
    assert sheet.shown_keys() == ["Ctrl+Shift+B"]
    field.clear()
    assert set(sheet.shown_keys()) == shown
    sheet.close()
    window.activateWindow()
    again = _open_sheet(window, qtbot, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert again is sheet


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, RAISE_NOISE)
def test_a_shortcut_added_later_appears_in_the_sheet(window: MainWindow, qtbot: QtBot) -> None:
    extra = QShortcut(QKeySequence("Ctrl+Alt+J"), window.history_pane)
    extra.setWhatsThis("Jump somewhere")
    sheet = _open_sheet(window, qtbot, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    sheet.filter.setText("jump")
    assert sheet.shown_keys() == ["Ctrl+Alt+J"]
    sheet.close()


def test_buttons_with_a_shortcut_say_it_in_their_tool_tip(window: MainWindow) -> None:
    keys: dict[tuple[int, str], set[str]] = {}
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis():
            place = (id(shortcut.parent()), shortcut.whatsThis())
            keys.setdefault(place, set()).add(_native(shortcut.key()))
    assert len(keys) >= 4  # rerank's Run and Cancel, chat's Send and Stop
    missing = []
    for button in window.findChildren(QAbstractButton):
        parent = button.parent()
        while parent is not None:
            wanted = keys.get((id(parent), button.accessibleName()))
            if wanted is not None:
                if not any(k in button.toolTip() for k in wanted):
                    missing.append(
                        f"{button.objectName()}: {button.toolTip()!r} names none of {wanted}"
                    )
                break
            parent = parent.parent()
    toggle = window.chat_pane.side_toggle
    if "Ctrl+Shift+B" not in toggle.toolTip():
        missing.append(f"chatSidePanelToggle: {toggle.toolTip()!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_tab_order_follows_the_layout_in_the_rerank_pane(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.rerank_pane.load_sample()  # results shown: the rows and Send to Chat take part
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    problems: list[str] = []
    for spec in (s for s in PANES if s.key in TAB_ORDER_CHECKED):
        window.show_pane(spec.key)
        pane = window.current_pane()
        for pages in _each_page(pane, INNER_PAGES.get(spec.key, ())):
            wanted = [w for w in _controls(pane) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
            problems += [f"{spec.key} {pages}: {p}" for p in tab_order_problems(pane, wanted)]
    assert not problems, "\n".join(sorted(set(problems)))
