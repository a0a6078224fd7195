"""QA pane status texts: what to do first, what a run is doing, and how it ended or was saved.

Each is a function the status line calls again on a language switch. The texts keep the pane's
translation context ("QaPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_title
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill, format_count

if TYPE_CHECKING:
    from workbench.api.errors import WorkbenchError
    from workbench.core.qa.model import QaReport, Status
    from workbench.core.qa.runner import CheckStarted

# Counted texts: lupdate files plural forms only from a number literal (see QT_TRANSLATE_NOOP).
# Each has its own forms ("1 skipped" is "1 saltato", "2 skipped" "2 saltati").
_PASSED = QT_TRANSLATE_NOOP("QaPane", "%n passed", None, 1)
_FAILED = QT_TRANSLATE_NOOP("QaPane", "%n failed", None, 1)
_SKIPPED = QT_TRANSLATE_NOOP("QaPane", "%n skipped", None, 1)
_COUNTS: tuple[tuple[str, Status], ...] = ((_PASSED, "pass"), (_FAILED, "fail"), (_SKIPPED, "skip"))


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


def summary(report: QaReport, gone: str | None) -> str:
    """A finished run's verdict and counts; `gone` names its endpoint if it was removed since."""
    line = fill(
        QCoreApplication.translate("QaPane", "%1, %2, %3"),
        *(_counted(text, report.count(outcome)) for text, outcome in _COUNTS),
    )
    verdict = (
        QCoreApplication.translate("QaPane", "Every check passed")
        if report.passed
        else QCoreApplication.translate("QaPane", "Checks failed")
    )
    done = fill(QCoreApplication.translate("QaPane", "Done. %1: %2."), verdict, line)
    if gone is None:
        return done
    removed = QCoreApplication.translate(
        "QaPane", "“%1” was removed while it was checked; the report is still about it."
    )
    return f"{done} {fill(removed, gone)}"


def _counted(text: str, n: int) -> str:
    return QCoreApplication.translate("QaPane", text, None, n)


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


def choices_not_saved() -> str:
    """The title of a notice: the pane's choices could not be written for the next start."""
    return QCoreApplication.translate("QaPane", "QA choices not saved")
