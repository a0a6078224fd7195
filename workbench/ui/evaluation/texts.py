"""Evaluation pane status texts built from figures: progress, the summary after a run, and why a
run stopped, in the GUI's language and locale.

Each is a function the status line calls again on a language switch. The texts keep the pane's
translation context ("EvaluationPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.core.evaluation.stats import EXACT_LIMIT, PERMUTATIONS
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill, format_count

if TYPE_CHECKING:
    from workbench.core.evaluation.runner import EvalReport, EvaluationRunner

# Counted texts: lupdate files plural forms only from a number literal (see QT_TRANSLATE_NOOP).
_RANKED = QT_TRANSLATE_NOOP("EvaluationPane", "Ranked %n of %1 query rankings", None, 1)
_QUERIES = QT_TRANSLATE_NOOP("EvaluationPane", "%n queries evaluated.", None, 1)
_REQUESTS = QT_TRANSLATE_NOOP("EvaluationPane", "%n requests sent.", None, 1)
_RESUMED = QT_TRANSLATE_NOOP("EvaluationPane", "%n rankings taken from saved progress.", None, 1)


def _counted(text: str, n: int) -> str:
    return QCoreApplication.translate("EvaluationPane", text, None, n)


def ranked(done: int, total: int) -> str:
    """Progress: how many of the query rankings are done."""
    return fill(_counted(_RANKED, done), format_count(total))


def stopped(runner: EvaluationRunner | None) -> str:
    """The status after a failure: which endpoint failed when two are compared (the error
    does not say), and, once ranking began, that Run continues from what was kept."""
    if runner is None:  # the set or an endpoint could not be had: nothing was ranked
        return QCoreApplication.translate("EvaluationPane", "Stopped.")
    failed = runner.failed_side()
    if failed is None:
        return QCoreApplication.translate(
            "EvaluationPane", "Stopped. What was ranked is kept: Run continues from there."
        )
    text = QCoreApplication.translate(
        "EvaluationPane",
        "Stopped: endpoint %1 (%2) failed. What was ranked is kept: Run continues from there.",
    )
    return fill(text, *failed)  # one pass: a name holding "%1" stays as it is


def summary(report: EvalReport, *, started_over: list[str]) -> str:
    """How the figures were had: queries, requests, what saved progress gave, the test used."""
    lines = [
        _counted(_QUERIES, len(report.sides[0].per_query)),
        _counted(_REQUESTS, report.requests),
    ]
    if started_over and len(started_over) == len(report.sides):
        lines.append(
            QCoreApplication.translate(
                "EvaluationPane", "Started over: no ranking taken from saved progress."
            )
        )
    else:
        if started_over:  # one of two: the other's saved scores were taken
            started = QCoreApplication.translate("EvaluationPane", "Started over on %1.")
            lines.append(fill(started, started_over[0]))
        lines.append(_counted(_RESUMED, report.resumed))
    if report.comparison is not None:
        test = QCoreApplication.translate(
            "EvaluationPane",
            "p-values: two-sided paired randomization (sign-flip) test over queries, exact "
            "up to %1 queries, else %2 permutations with a fixed seed.",
        )
        lines.append(fill(test, format_count(EXACT_LIMIT), format_count(PERMUTATIONS)))
    return " ".join(lines)
