"""A connection test's report as the Endpoints pane shows it, in the GUI's language (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_line, error_title
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from workbench.core.probe import ProbeReport


def report_text(report: ProbeReport) -> str:
    """The report's lines: a mark and the headline, sign-in, explanation, routes, the URL.

    A failure's headline is its error, shown as the GUI shows errors; the core's own words come
    through `core_text`; the sign-in line (a credential's name and a time) stays as it came.
    """
    lines = [f"{'✔' if report.ok else '✘'} {_headline(report)}"]
    lines += [shown(line) for line in (report.sign_in, report.explanation, report.routes) if line]
    if report.url:
        lines.append(fill(QCoreApplication.translate("EndpointsPane", "Called: %1"), report.url))
    return "\n".join(lines)


def _headline(report: ProbeReport) -> str:
    exc = report.error
    if exc is not None and report.headline == str(exc):
        return error_line(exc)
    if exc is not None and report.headline in (exc.title, exc.title_text):
        return error_title(exc)
    return shown(report.headline)
