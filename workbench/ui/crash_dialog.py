"""Crash dialog: an unexpected error (a bug) with its traceback, ready to copy into a report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import workbench
from workbench.api.redact import redact_text
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from workbench.ui.notices import CrashReport


class CrashDialog(Retranslating, QDialog):
    """Shows one crash report; the app keeps running (what the person typed stays put)."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self._report = report
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self._intro = intro = QLabel(self)
        intro.setObjectName("crashIntro")
        intro.setWordWrap(True)
        summary = QLabel(redact_text(self._report.summary), self)
        summary.setObjectName("crashSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)  # an exception's words, never markup
        summary.setWordWrap(True)
        self._details = QPlainTextEdit(self.report_text(), self)
        self._details.setObjectName("crashTraceback")
        self._details.setReadOnly(True)
        self._details_label = label = QLabel(self)
        label.setBuddy(self._details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._copy = copy = QPushButton(self)
        copy.setObjectName("copyCrashButton")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeCrashButton")
        # Qt made the first push button the default, so Enter copied the report instead of
        # closing the dialog.
        close.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (intro, summary, label, self._details, buttons):
            layout.addWidget(widget)
        self.resize(720, 420)

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (also on `LanguageChange`)."""
        self.setWindowTitle(self.tr("Unexpected error"))
        self._intro.setText(
            self.tr(
                "Something went wrong that the workbench did not expect — this is a bug. "
                "Your work is still open. Copy the details below into a bug report."
            )
        )
        self._details.setAccessibleName(self.tr("Error details"))
        self._details_label.setText(self.tr("&Details:"))
        self._copy.setText(self.tr("&Copy details"))
        self._copy.setAccessibleName(self.tr("Copy details"))

    def report_text(self) -> str:
        """Version, summary and traceback as one copyable text (redacted again: a report may
        have been made before a secret in it was known)."""
        return redact_text(
            f"Cohere Workbench {workbench.__version__}\n{self._report.summary}\n\n"
            f"{self._report.traceback}"
        )

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
