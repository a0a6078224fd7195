"""Rerank comparison plumbing for the pane: the "Compare with" choices and the two sides' status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import WorkbenchError
from workbench.api.models import RerankResponse
from workbench.core.rerank_docs import rules_for
from workbench.ui.common.error_text import error_line
from workbench.ui.common.l10n import fill
from workbench.ui.rerank.texts import RerankTexts, summary_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QComboBox

    from workbench.core.chat_metrics import PriceTable
    from workbench.core.endpoints import EndpointConfig

Compared = tuple["EndpointConfig", "RerankResponse | WorkbenchError"]
"""One side of a comparison: the endpoint and its answer or error."""


def fill_compare_choices(
    combo: QComboBox, endpoints: Sequence[EndpointConfig], current: EndpointConfig | None
) -> None:
    """List every other rerank-capable endpoint, keeping the choice when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("RerankComparison", "— no comparison —"), None)
    for endpoint in endpoints:
        if rules_for(endpoint.flavour).supported and endpoint != current:
            combo.addItem(endpoint.name, endpoint.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


def compared_status(a: Compared, b: Compared) -> tuple[str, list[WorkbenchError]]:
    """The status line naming what A and B answered (each at its own prices), and what failed."""
    texts = RerankTexts()
    parts = [
        f"{side}: {summary_line(outcome, prices_of(endpoint))}"
        if isinstance(outcome, RerankResponse)
        else texts.side_failed(side, outcome.title)
        for side, (endpoint, outcome) in (("A", a), ("B", b))
    ]
    failures = [o for _, o in (a, b) if isinstance(o, WorkbenchError)]
    return " · ".join(parts), failures


def failed_sides(a: Compared, b: Compared) -> str:
    """Each side that failed, named by its letter and endpoint, with its error in words."""
    template = QCoreApplication.translate("RerankComparison", "%1 (“%2”) failed: %3")
    return "\n".join(
        fill(template, side, endpoint.name, error_line(outcome))
        for side, (endpoint, outcome) in (("A", a), ("B", b))
        if isinstance(outcome, WorkbenchError)
    )


def prices_of(endpoint: EndpointConfig) -> PriceTable | None:
    """The endpoint's prices for the cost estimate (their module loads on the first answer, not
    for the first paint: issue 15)."""
    from workbench.core.chat_metrics import price_table

    return price_table(endpoint.prices)
