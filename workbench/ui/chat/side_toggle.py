"""The chat side panel's fold: a checkable button and Ctrl+Shift+B, remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from workbench.ui.common.keys import with_keys
from workbench.ui.common.remembered import is_collapsed, set_collapsed
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from workbench.core.settings import SettingsStore

SHORTCUT = "Ctrl+Shift+B"
"""Folds the side panel (B as in the "sidebar" key of editors and browsers; free in this program)."""


class SidePanelToggle(Retranslating, QToolButton):
    """Shows or hides the side panel: checked while it shows; the choice outlives the window."""

    def __init__(self, panel: QWidget, *, store: SettingsStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chatSidePanelToggle")
        self._panel = panel
        self._store = store
        self.action = QAction(parent)
        self.action.setObjectName("chatSidePanelAction")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        # The pane's key only: other panes may give Ctrl+Shift+B a meaning of their own.
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        parent.addAction(self.action)
        self.setDefaultAction(self.action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        shown = not is_collapsed(store, panel.objectName())
        self.action.setChecked(shown)
        if not shown:  # shown is the default: an explicit show would show it before its pane
            panel.hide()
        self.action.toggled.connect(self._on_action_toggled)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self.action.setText(self.tr("Side panel"))  # as the shortcuts sheet lists it
        # The button shows the icon text, with its Alt letter (the text's would be dropped).
        self.action.setIconText(self.tr("Side &panel"))
        self.action.setToolTip(with_keys(self.tr("Show or hide the side panel"), SHORTCUT))
        self.setAccessibleName(self.tr("Show side panel"))

    def _on_action_toggled(self, shown: bool) -> None:
        self._panel.setVisible(shown)
        set_collapsed(self._store, self._panel.objectName(), not shown)
