"""QA pane status texts: what to do first, what a run is doing, and how it ended or was saved.

Each is a function the status line calls again on a language switch. The texts keep the pane's
translation context ("QaPane"): they were the pane's before they moved here. The summary's
counted texts (plural forms) stay in the pane, where lupdate finds them in `tr()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_title
from workbench.ui.common.l10n import fill, format_count

if TYPE_CHECKING:
    from workbench.api.errors import WorkbenchError
    from workbench.core.qa.runner import CheckStarted


def idle_hint() -> str:
    """Until the first run: what to do."""
    return QCoreApplication.translate(
        "QaPane",
        "Tick the groups of checks and press Run checks: each check's evidence "
        "shows beside it, and the report can be saved when they are done.",
    )


def no_endpoint() -> str:
    """Run was pressed with no endpoint to check."""
    return QCoreApplication.translate(
        "QaPane", "Choose an endpoint first (add one in the Endpoints pane)."
    )


def no_groups() -> str:
    """Run was pressed with no group of checks ticked."""
    return QCoreApplication.translate("QaPane", "Tick at least one group of checks.")


def running(event: CheckStarted) -> str:
    """Which check runs, of how many."""
    return fill(
        QCoreApplication.translate("QaPane", "Running check %1 of %2: %3"),
        format_count(event.index + 1),
        format_count(event.total),
        shown(event.spec.title),
    )


def cancelled() -> str:
    """The run was cancelled."""
    return QCoreApplication.translate("QaPane", "Cancelled; the checks done so far are kept.")


def stopped(exc: WorkbenchError) -> str:
    """The run stopped on `exc` (the error line beside says the rest)."""
    return fill(QCoreApplication.translate("QaPane", "Stopped: %1."), error_title(exc))


def removed_name(name: str) -> str:
    """The endpoint box's entry for the endpoint checked, removed while it was."""
    return fill(QCoreApplication.translate("QaPane", "%1 (removed)"), name)


def report_saved(file_name: str) -> str:
    """The report was written to `file_name`."""
    return fill(QCoreApplication.translate("QaPane", "Report saved to %1"), file_name)


def junit_saved(file_name: str) -> str:
    """The JUnit XML was written to `file_name`."""
    return fill(QCoreApplication.translate("QaPane", "JUnit XML saved to %1"), file_name)
