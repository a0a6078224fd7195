"""QA pane report files: where to save the report or its JUnit XML, and writing them there.

The texts keep the pane's translation context ("QaPane"): they were the pane's before they
moved here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from workbench.core.atomic import write_export
from workbench.core.errors import os_reason
from workbench.core.qa import report as reports

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from workbench.core.qa.model import QaReport
    from workbench.ui.notices import NoticeCenter


def ask_report_path(parent: QWidget) -> Path | None:
    """Ask where to save the report (None: the person cancelled)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("QaPane", "Save the QA report"),
        "qa-report.html",
        QCoreApplication.translate("QaPane", "HTML (*.html);;Markdown (*.md)"),
    )
    return Path(path) if path else None


def ask_junit_path(parent: QWidget) -> Path | None:
    """Ask where to save the JUnit XML (None: the person cancelled)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("QaPane", "Save JUnit XML"),
        "qa-junit.xml",
        QCoreApplication.translate("QaPane", "JUnit XML (*.xml)"),
    )
    return Path(path) if path else None


def write_report(report: QaReport, path: Path, *, mask_hosts: bool) -> None:
    """Write the report as Markdown (.md) or self-contained HTML (any other suffix)."""
    markdown = path.suffix.lower() in {".md", ".markdown"}
    writer = reports.to_markdown if markdown else reports.to_html
    write_export(path, writer(report, mask_hosts=mask_hosts))


def write_junit(report: QaReport, path: Path, *, mask_hosts: bool) -> None:
    """Write the report as JUnit XML."""
    write_export(path, reports.to_junit(report, mask_hosts=mask_hosts))


def save_or_warn(save: Callable[[Path], None], path: Path, notices: NoticeCenter) -> None:
    """Call `save`; a file that cannot be written is a warning notice, not a crash."""
    try:
        save(path)
    except OSError as exc:
        # The file by its name and the OS's reason, as the other panes say it: `str(exc)` held
        # Python's errno and the machine's whole path.
        notices.warn(
            QCoreApplication.translate("QaPane", "The file could not be written"),
            os_reason(exc),
            where=path.name,
        )
