"""The pane registry: every pane meets the protocol, and one entry is all a new pane needs."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from tests.ui.conftest import tr
from tests.waits import WAIT_MS
from workbench.ui.main_window import MainWindow
from workbench.ui.panes import PANES, Pane, PaneSpec, SamplePane
from workbench.ui.shortcuts_sheet import ShortcutEntry, collect_shortcuts

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

CAMEL_CASE = re.compile(r"[a-z][a-zA-Z0-9]*")


class ExamplePane(QWidget):
    """The smallest pane there can be: a widget with a name and a cancel()."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examplePane")
        self.setAccessibleName("Example")
        self.cancelled = 0
        QLabel("Example", self)

    def cancel(self) -> None:
        self.cancelled += 1


def _window(services: Services, qtbot: QtBot, panes: tuple[PaneSpec, ...] = PANES) -> MainWindow:
    window = MainWindow(services=services, panes=panes)
    qtbot.addWidget(window)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    return window


def test_every_pane_meets_the_protocol(services: Services, qtbot: QtBot) -> None:
    window = _window(services, qtbot)
    assert len({spec.key for spec in PANES}) == len(PANES)
    for spec in PANES:
        pane = window.pane(spec.key)
        assert isinstance(pane, Pane), spec.key
        assert pane.accessibleName() == spec.tab_title
        assert CAMEL_CASE.fullmatch(pane.objectName()), pane.objectName()
    assert isinstance(window.rerank_pane, SamplePane)
    assert isinstance(window.chat_pane, SamplePane)


def test_panes_switch_by_key(services: Services, qtbot: QtBot) -> None:
    window = _window(services, qtbot)
    for spec in PANES:
        window.show_pane(spec.key)
        assert window.current_pane_key() == spec.key
        assert window.current_pane() is window.pane(spec.key)


def test_cancel_stops_the_endpoints_panes_own_work(services: Services, qtbot: QtBot) -> None:
    window = _window(services, qtbot)
    window.show_pane("endpoints")
    pane = window.endpoints_pane
    task = services.tasks.start("endpoints.test", asyncio.Event().wait(), owner=pane)
    cancel = window.findChild(QAction, "cancelAction")
    assert cancel is not None
    cancel.trigger()
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert task.cancelled()
    result = pane.findChild(QLabel, "testResultLabel")
    assert result is not None
    assert result.text() == tr("EndpointsPane", "Cancelled.")


def test_one_entry_adds_a_pane_with_tab_menu_shortcut_help_and_cancel(
    services: Services, qtbot: QtBot
) -> None:
    panes = (*PANES, PaneSpec("example", "E&xample", ExamplePane))
    window = _window(services, qtbot, panes)
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs is not None
    assert tabs.tabText(len(PANES)) == "Example"
    assert tabs.tabToolTip(len(PANES)) == f"Example (Ctrl+{len(panes)})"
    action = window.findChild(QAction, f"showPane{len(panes)}Action")
    assert action is not None
    assert action.text() == "E&xample"
    assert QKeySequence(f"Ctrl+{len(panes)}") in action.shortcuts()
    action.trigger()
    assert window.current_pane_key() == "example"
    listed = collect_shortcuts(window)  # the shortcuts sheet's rows
    assert ShortcutEntry(f"Ctrl+{len(panes)}", "Example", "") in listed
    cancel = window.findChild(QAction, "cancelAction")
    assert cancel is not None
    cancel.trigger()
    example = window.pane("example")
    assert isinstance(example, ExamplePane)
    assert example.cancelled == 1
    window.close()
    assert services.settings.settings.window.last_pane == "example"
    again = _window(services, qtbot, panes)
    assert again.current_pane_key() == "example"
