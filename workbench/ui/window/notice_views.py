"""Notice views: the status bar's line for the pane showing, and the Notices dock listing them all.

Each pane has its own last notice on the status bar (a notice that names no pane belongs to the
pane showing); the line says the current pane's only, and drops an error or warning once it is no
longer true (the pane's next action succeeded, or the pane shows its error itself).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QListWidget, QMainWindow

from workbench.ui.async_bridge import pane_of
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.demo import shown
from workbench.ui.common.pane_error import PaneErrorLine

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.ui.notices import Notice, NoticeCenter
    from workbench.ui.window.tabs import PaneTabs


class NoticeViews(QObject):
    """The notice line (`label`, for the status bar) and the Notices dock (`dock`)."""

    def __init__(self, window: QMainWindow, *, tabs: PaneTabs, notices: NoticeCenter) -> None:
        """Make the line and the dock (hidden) in `window`."""
        super().__init__(window)
        self._tabs = tabs
        self._notices = notices
        self._statuses: dict[str, Notice] = {}
        """What the status bar says for each pane (by key); it shows the current pane's only."""
        self.label = StatusLabel(window)
        self.label.setObjectName("noticeLabel")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setProperty("level", "")  # no notice yet (`show_status`)
        self._list = QListWidget(window)
        self._list.setObjectName("noticeList")
        self.dock = QDockWidget(window)
        self.dock.setObjectName("noticeDock")
        self.dock.setWidget(self._list)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()

    def retranslate(self) -> None:
        """Name the line, the list and the dock in the current language."""
        self.label.setAccessibleName(QCoreApplication.translate("MainWindow", "Last notice"))
        self._list.setAccessibleName(QCoreApplication.translate("MainWindow", "Notices"))
        self.dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Notices"))

    def add(self, notice: Notice) -> None:
        """List a notice posted, and say it on the status bar for its pane."""
        self._list.addItem(_notice_line(notice))
        self._list.scrollToBottom()
        if notice.inline:
            return  # the pane shows it beside its cause; the bar would only repeat it
        # A notice that names no pane came from what the person is doing: the pane showing.
        key = notice.pane if notice.pane in self._tabs.pane_keys() else self._tabs.current_key()
        self._statuses[key] = notice
        self.show_status()

    def relist(self) -> None:
        """List every notice again (hosts masked while demo mode is on) and say the status."""
        self._list.clear()
        for notice in self._notices.history():
            self._list.addItem(_notice_line(notice))
        self._list.scrollToBottom()
        self.show_status()

    def show_status(self) -> None:
        """Say the current pane's last notice on the status bar (nothing when it has none)."""
        notice = self._statuses.get(self._tabs.current_key())
        self.label.setText(notice.shown_text() if notice else "")
        level = notice.level if notice else ""
        if self.label.property("level") != level:  # the style sheet matches on it
            self.label.setProperty("level", level)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)

    def drop_error(self, key: str) -> None:
        """The pane's error or warning on the status bar is no longer true: say nothing for it."""
        notice = self._statuses.get(key)
        if notice is not None and notice.level != "info":
            del self._statuses[key]
            self.show_status()

    def follow_errors(self, key: str, pane: QWidget) -> None:
        """Watch the pane's own error lines (once, when the pane is built)."""
        for line in pane.findChildren(PaneErrorLine):
            line.error_changed.connect(functools.partial(self._on_pane_error_changed, key))

    def _on_pane_error_changed(self, key: str, _text: str) -> None:
        # The pane now shows (or has cleared) its current error itself; an older one on the
        # bar would contradict it.
        self.drop_error(key)

    def on_task_finished(self, key: str, ok: bool) -> None:
        """A task ended: when it succeeded, its pane's earlier error is over."""
        if ok:  # the pane's next action succeeded: its earlier error is over
            self.drop_error(pane_of(key))


def _notice_line(notice: Notice) -> str:
    """A notice as the Notices list shows it (through the redactor again: demo mode may be on)."""
    return shown(f"{notice.at:%H:%M:%S}  {notice.shown_level()}: {notice.shown_text()}")
