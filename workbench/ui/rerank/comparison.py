"""Rerank comparison plumbing for the pane: the "Compare with" choices and the two sides' status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import WorkbenchError
from workbench.api.models import RerankResponse
from workbench.core.rerank_docs import rules_for
from workbench.ui.rerank.view import summary_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QComboBox

    from workbench.core.endpoints import EndpointConfig

Compared = tuple[str, "RerankResponse | WorkbenchError"]
"""One side of a comparison: the endpoint's name and its answer or error."""


def fill_compare_choices(
    combo: QComboBox, endpoints: Sequence[EndpointConfig], current: EndpointConfig | None
) -> None:
    """List every other rerank-capable endpoint, keeping the choice when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("— no comparison —", None)
    for endpoint in endpoints:
        if rules_for(endpoint.flavour).supported and endpoint != current:
            combo.addItem(endpoint.name, endpoint.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


def compared_status(
    outcome_a: RerankResponse | WorkbenchError, outcome_b: RerankResponse | WorkbenchError
) -> tuple[str, list[WorkbenchError]]:
    """The status line naming what A and B answered, and the sides that failed."""
    parts = [
        f"{side}: {summary_line(outcome)}"
        if isinstance(outcome, RerankResponse)
        else f"{side} failed ({outcome.title})"
        for side, outcome in (("A", outcome_a), ("B", outcome_b))
    ]
    failures = [o for o in (outcome_a, outcome_b) if isinstance(o, WorkbenchError)]
    return " · ".join(parts), failures
