"""The pane registry: every pane meets the protocol, and one entry is all a new pane needs."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from tests.ui.conftest import tr
from tests.waits import WAIT_MS
from workbench.api.errors import InputError
from workbench.ui.common.pane_error import PaneErrorLine
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


# --- lazy panes (issue 15: the program builds only the pane it shows first) ------------------


def _lazy_window(services: Services, qtbot: QtBot) -> MainWindow:
    window = MainWindow(services=services, lazy_panes=True)
    qtbot.addWidget(window)
    return window


def test_a_lazy_window_builds_only_the_pane_it_shows_first(
    services: Services, qtbot: QtBot
) -> None:
    window = _lazy_window(services, qtbot)
    built = [spec.key for spec in PANES if window.is_pane_built(spec.key)]
    assert built == ["rerank"]
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs is not None
    assert [tabs.tabText(i) for i in range(tabs.count())] == [s.tab_title for s in PANES]
    assert window.current_pane() is window.rerank_pane


def test_a_lazy_window_starts_on_the_remembered_pane_alone(
    services: Services, qtbot: QtBot
) -> None:
    window = services.settings.settings.window.model_copy(update={"last_pane": "history"})
    services.settings.update(window=window)
    main = _lazy_window(services, qtbot)
    assert [spec.key for spec in PANES if main.is_pane_built(spec.key)] == ["history"]
    assert main.current_pane_key() == "history"


def test_lazy_panes_are_built_by_a_tab_click_a_shortcut_the_menu_and_code(
    services: Services, qtbot: QtBot
) -> None:
    window = _lazy_window(services, qtbot)
    with qtbot.waitExposed(window):
        window.show()
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs is not None
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert window.current_pane_key() == "chat"
    assert window.current_pane() is tabs.currentWidget()
    assert window.current_pane().accessibleName() == PANES[1].tab_title
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    # Qt keeps the last key event's modifiers as held: let Ctrl go, or a later test's
    # selectRow() in an extended-selection table adds to the selection instead of replacing it.
    qtbot.keyRelease(window, Qt.Key.Key_Control)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    assert window.current_pane_key() == "endpoints"
    assert tabs.currentWidget() is window.endpoints_pane
    menu_action = window.findChild(QAction, "showPane4Action")
    assert menu_action is not None
    menu_action.trigger()
    assert tabs.currentWidget() is window.history_pane
    assert not window.is_pane_built("qa")
    assert window.pane("qa").objectName() == "qaPane"  # asked for by code: built, not shown
    assert window.current_pane_key() == "history"
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_panes_built_later_are_wired_to_each_other(services: Services, qtbot: QtBot) -> None:
    window = _lazy_window(services, qtbot)
    window.show_pane("chat")
    window.chat_pane.rerank_requested.emit("which rerank model?")
    assert window.current_pane_key() == "rerank"
    assert window.rerank_pane.query.toPlainText() == "which rerank model?"
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_the_other_panes_are_built_when_idle_then_the_callback_runs(
    services: Services, qtbot: QtBot
) -> None:
    window = _lazy_window(services, qtbot)
    with qtbot.waitExposed(window):
        window.show()
    done: list[bool] = []
    window.build_panes_when_idle(then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    assert all(window.is_pane_built(spec.key) for spec in PANES)
    assert window.current_pane_key() == "rerank"
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs is not None
    assert [tabs.widget(i) for i in range(tabs.count())] == [window.pane(s.key) for s in PANES]
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def test_a_pane_built_late_keeps_its_status_and_its_error_line_clears_it(
    services: Services, qtbot: QtBot
) -> None:
    async def fails() -> None:
        raise InputError("the set file is gone", title="No documents found")

    window = _lazy_window(services, qtbot)
    window.show()
    services.tasks.start("evaluation.probe", fails())
    qtbot.waitUntil(services.tasks.is_idle, timeout=5_000)
    assert not window.is_pane_built("evaluation")
    assert window.status_text() == ""  # said for Evaluation, not for the pane showing
    window.show_pane("evaluation")  # built now
    assert window.status_text().startswith(tr("Errors", "No documents found"))
    line = window.evaluation_pane.findChild(PaneErrorLine)
    assert line is not None
    line.show_error(InputError("another cause", title="Bad set"))  # wired when built
    assert window.status_text() == ""


def test_a_pane_is_made_in_the_tab_stack_it_stays_in(services: Services, qtbot: QtBot) -> None:
    # Made anywhere else and moved there, a whole pane would be styled twice (issue 15).
    made_in: list[QWidget | None] = []

    def factory(*, services: Services, parent: QWidget | None = None) -> ExamplePane:
        made_in.append(parent)
        return ExamplePane(services=services, parent=parent)

    specs = (*PANES[:1], PaneSpec("example", "Example", factory))
    window = MainWindow(services=services, panes=specs, lazy_panes=True)
    qtbot.addWidget(window)
    window.show_pane("example")  # built late, as every pane but the first
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs is not None
    pane = window.pane("example")
    assert made_in == [pane.parentWidget()]
    first = tabs.widget(0)
    assert first is not None
    assert pane.parentWidget() is first.parentWidget()  # the stack of pages
    assert tabs.currentWidget() is pane
    assert tabs.indexOf(pane) == 1
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
