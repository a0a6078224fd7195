"""QA pane latency chart: the reports' chart, in the GUI's language and the locale's numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.core.qa import report as reports
from workbench.ui.common.core_text import shown
from workbench.ui.common.l10n import format_count, format_number

if TYPE_CHECKING:
    from workbench.core.qa.model import QaReport
    from workbench.core.svg_chart import ChartColours


def latency_chart(report: QaReport, colours: ChartColours | None) -> str:
    """The latency chart as the pane shows it: its words in the GUI's language and its numbers
    in the locale's way, the requests' numbers grouped ('' when the latency check did not
    run)."""
    return reports.latency_svg(report, colours, shown, chart_number, format_count)


def chart_number(value: float) -> str:
    """A tick's value rounded as the reports round it (four significant digits, no trailing
    zeros), with the locale's separators: "1.250" and "2,5" in Italian, where the reports'
    "1,250" would read as one and a quarter."""
    rounded = Decimal(f"{value:.4g}").normalize()
    exponent = rounded.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(float(rounded), places)
