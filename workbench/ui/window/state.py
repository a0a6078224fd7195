"""Window state: the main window's geometry and last pane, kept in the settings file."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from workbench.core.settings import SettingsStore
    from workbench.ui.main_window import MainWindow

FIRST_SIZE = (1200, 800)
"""The window's size on a first run (no geometry saved yet)."""


def restore_state(window: MainWindow, store: SettingsStore) -> None:
    """Put the window where it was, at the size it had, showing the pane it showed."""
    saved = store.settings.window
    if saved.geometry:
        window.restoreGeometry(QByteArray(base64.b64decode(saved.geometry)))
    else:
        window.resize(*FIRST_SIZE)
    if saved.last_pane in window.pane_keys():
        window.show_pane(saved.last_pane)


def save_state(window: MainWindow, store: SettingsStore) -> None:
    """Remember the window's geometry and the pane showing in the settings file."""
    geometry = base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")
    saved = store.settings.window.model_copy(
        update={"geometry": geometry, "last_pane": window.current_pane_key()}
    )
    store.update(window=saved)
