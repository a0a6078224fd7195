"""History pane questions: which file to write or read, whether to mask host names in an export,
whether to delete every run.

A file is asked in a dialog and returned (None: cancelled); a yes/no question leaves the event
loop running and hands the button chosen to `then`. The texts keep the pane's translation
context ("HistoryPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.ui.common.l10n import QT_TRANSLATE_NOOP
from workbench.ui.common.question import ask

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

Purpose = Literal["save demo", "open demo", "export runs", "import runs"]
"""What a file is asked for."""

_DIALOGS: dict[Purpose, tuple[bool, str, str, str]] = {
    "save demo": (
        True,
        QT_TRANSLATE_NOOP("HistoryPane", "Save demo script"),
        "demo.jsonl",
        QT_TRANSLATE_NOOP("HistoryPane", "Demo scripts (*.jsonl)"),
    ),
    "open demo": (
        False,
        QT_TRANSLATE_NOOP("HistoryPane", "Open demo script"),
        "",
        QT_TRANSLATE_NOOP("HistoryPane", "Demo scripts (*.jsonl);;All files (*)"),
    ),
    "export runs": (
        True,
        QT_TRANSLATE_NOOP("HistoryPane", "Export runs"),
        "runs.jsonl",
        QT_TRANSLATE_NOOP("HistoryPane", "Run files (*.jsonl)"),
    ),
    "import runs": (
        False,
        QT_TRANSLATE_NOOP("HistoryPane", "Import runs"),
        "",
        QT_TRANSLATE_NOOP("HistoryPane", "Run files (*.jsonl);;All files (*)"),
    ),
}
"""Each file dialog: whether it saves, its title, the file name offered, its name filters."""


def file_for(parent: QWidget, purpose: Purpose) -> Path | None:
    """The file to write or read for `purpose`, asked in a dialog (None: cancelled)."""
    save, title, name, filters = _DIALOGS[purpose]
    ask_for = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    title, filters = (QCoreApplication.translate("HistoryPane", t) for t in (title, filters))
    path, _ = ask_for(parent, title, name, filters)
    return Path(path) if path else None


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
