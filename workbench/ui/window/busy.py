"""Busy indicator: the status bar's bar that moves while work someone asked for is running."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from workbench.ui.common.busy_bar import BusyBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.ui.async_bridge import TaskRunner

UNSHOWN_TASKS = frozenset({"app.screenshots", "app.warm-up"})
"""Tasks the busy indicator ignores: the screenshot run would show itself busy in every picture,
and loading ahead what a first Send needs is nothing a person asked for."""
BUSY_SHOWN_AFTER_MS = 16
"""The busy indicator shows this long after work starts (one frame at 60 Hz): shown at once,
the status bar's layout and paint came between a Send and its request (issue 15)."""


class BusyIndicator(QObject):
    """The bar (`bar`, for the status bar), shown while a task other than `UNSHOWN_TASKS` runs."""

    def __init__(self, window: QWidget, *, tasks: TaskRunner) -> None:
        """Make the bar in `window`, hidden until `on_tasks_changed` sees work running."""
        super().__init__(window)
        self._tasks = tasks
        self.bar = BusyBar(window)
        self.bar.setObjectName("busyIndicator")
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(BUSY_SHOWN_AFTER_MS)
        self._later.timeout.connect(self._on_later_timeout)

    def retranslate(self) -> None:
        """Name the bar in the current language."""
        self.bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Working"))

    def on_tasks_changed(self) -> None:
        """Follow the tasks running: hide the bar at once when none is, show it a frame later."""
        if not self._running():
            self._later.stop()
            self.bar.hide()
        elif self.bar.isHidden() and not self._later.isActive():
            self._later.start()

    def _on_later_timeout(self) -> None:
        self.bar.setVisible(self._running())

    def _running(self) -> bool:
        return bool(set(self._tasks.running_keys()) - UNSHOWN_TASKS)
