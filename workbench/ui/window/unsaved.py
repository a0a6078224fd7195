"""Closing the window with endpoint edits not saved: Save, Discard or Cancel is asked first.

Every way out (the window's close button, File > Quit, Ctrl+Q) is a close of the main window, so
the question is asked from its `closeEvent`. The close is refused while the question is open;
Save stores every edited endpoint as its Save button does (keys go to the keyring, never to the
settings) and closes once all are stored; Discard closes; Cancel and Esc keep the window open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from workbench.ui.common.question import ask

if TYPE_CHECKING:
    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.main_window import MainWindow
    from workbench.ui.services import Services

QUESTION_NAME = "unsavedEndpointsBox"
"""The question's object name (tests find it by this)."""


class UnsavedEdits(QObject):
    """Decides whether the window may close now, asking about unsaved endpoint edits."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._asking = False
        self._allowed = False
        """Discard was chosen, or Save stored everything: the next close goes through."""

    def allows_close(self) -> bool:
        """True when nothing would be lost; else asks (once at a time) and returns False."""
        pane = self._pane()
        if self._allowed or pane is None or not pane.has_unsaved():
            return True
        if not self._asking:
            self._asking = True
            self._ask()
        return False

    def _pane(self) -> EndpointsPane | None:
        # A pane never built was never edited: it is not built now just to be asked.
        if not self._window.is_pane_built("endpoints"):
            return None
        return self._window.endpoints_pane

    def _ask(self) -> None:
        buttons = QMessageBox.StandardButton
        ask(
            self._window,
            QUESTION_NAME,
            (
                QCoreApplication.translate("UnsavedEdits", "Unsaved endpoint edits"),
                QCoreApplication.translate(
                    "UnsavedEdits", "Some endpoints have edits not saved yet. Save them?"
                ),
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
            self._on_answered,
        )

    def _on_answered(self, answer: QMessageBox.StandardButton) -> None:
        self._asking = False
        if answer == QMessageBox.StandardButton.Discard:
            self._close()
        elif answer == QMessageBox.StandardButton.Save:
            self._services.tasks.start("window.save-and-close", self._save_and_close(), owner=self)

    async def _save_and_close(self) -> None:
        pane = self._pane()
        if pane is not None and not await pane.save_all():
            self._window.show_pane("endpoints")  # where the refusal or the keyring's error is
            return
        self._close()

    def _close(self) -> None:
        self._allowed = True
        self._window.close()
