"""History pane questions: which file to write or read, whether to mask host names in an export,
whether to delete every run.

A file is asked in a dialog and returned (None: cancelled); a yes/no question leaves the event
loop running and hands the button chosen to `then`. The texts keep the pane's translation
context ("HistoryPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.ui.common.question import ask

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


def _path(parent: QWidget, *, save: bool, title: str, name: str, filters: str) -> Path | None:
    ask_for = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    path, _ = ask_for(parent, title, name, filters)
    return Path(path) if path else None


def demo_to_save(parent: QWidget) -> Path | None:
    """The demo script file to write."""
    return _path(
        parent,
        save=True,
        title=QCoreApplication.translate("HistoryPane", "Save demo script"),
        name="demo.jsonl",
        filters=QCoreApplication.translate("HistoryPane", "Demo scripts (*.jsonl)"),
    )


def demo_to_open(parent: QWidget) -> Path | None:
    """The demo script file to read."""
    return _path(
        parent,
        save=False,
        title=QCoreApplication.translate("HistoryPane", "Open demo script"),
        name="",
        filters=QCoreApplication.translate("HistoryPane", "Demo scripts (*.jsonl);;All files (*)"),
    )


def runs_to_export(parent: QWidget) -> Path | None:
    """The run file to write."""
    return _path(
        parent,
        save=True,
        title=QCoreApplication.translate("HistoryPane", "Export runs"),
        name="runs.jsonl",
        filters=QCoreApplication.translate("HistoryPane", "Run files (*.jsonl)"),
    )


def runs_to_import(parent: QWidget) -> Path | None:
    """The run file to read."""
    return _path(
        parent,
        save=False,
        title=QCoreApplication.translate("HistoryPane", "Import runs"),
        name="",
        filters=QCoreApplication.translate("HistoryPane", "Run files (*.jsonl);;All files (*)"),
    )


def ask_mask_hosts(parent: QWidget, then: Callable[[QMessageBox.StandardButton], None]) -> None:
    """Whether an export masks host names: Yes, No, or Cancel to write nothing."""
    # Cancel is there so Esc leaves without writing: it meant No before, so the hosts went out.
    buttons = QMessageBox.StandardButton
    ask(
        parent,
        "maskHostsBox",
        (
            QCoreApplication.translate("HistoryPane", "Export runs"),
            QCoreApplication.translate("HistoryPane", "Mask host names?"),
        ),
        buttons.Yes | buttons.No | buttons.Cancel,
        buttons.Yes,
        then,
    )


def ask_delete_all(parent: QWidget, then: Callable[[QMessageBox.StandardButton], None]) -> None:
    """Whether every recorded run is deleted for good (No unless Yes is chosen)."""
    # No by default: Enter, pressed out of habit, must not delete the record for good.
    buttons = QMessageBox.StandardButton
    ask(
        parent,
        "confirmDeleteAllBox",
        (
            QCoreApplication.translate("HistoryPane", "Delete all runs"),
            QCoreApplication.translate("HistoryPane", "Delete every recorded run for good?"),
        ),
        buttons.Yes | buttons.No,
        buttons.No,
        then,
    )
