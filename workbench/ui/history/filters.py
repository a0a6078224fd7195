"""History filters: the search box and the filter combos read as a `RunFilter`, refilled, cleared."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from workbench.core.runs.search import RunFilter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from workbench.core.runs.store import RunStore
    from workbench.ui.history.widgets import HistoryWidgets

_DAYS = (None, 0, 7, 30)
"""The date combo's choices, in days before today's midnight (None: any time)."""


def _choice(combo: QComboBox) -> str:
    # The filters match stored values ("ok", "chat", an endpoint's name), never a label.
    if combo.currentIndex() <= 0:
        return ""
    data = combo.currentData()
    return str(data) if data else combo.currentText()


def current_filter(pane: HistoryWidgets) -> RunFilter:
    """The filter the pane's search box and combos describe."""
    days = _DAYS[pane.date.currentIndex()]
    since = None
    if days is not None:
        midnight = time.mktime((*time.localtime()[:3], 0, 0, 0, 0, 0, -1))
        since = midnight - days * 86400
    return RunFilter(
        search=pane.search.text(),
        kind=_choice(pane.kind),
        endpoint=_choice(pane.endpoint),
        model=_choice(pane.model_filter),
        outcome=_choice(pane.outcome),
        since=since,
        grouped=True,
    )


def _refill(combo: QComboBox, values: list[str]) -> None:
    chosen = combo.currentText() if combo.currentIndex() > 0 else None
    first = combo.itemText(0)
    combo.blockSignals(True)
    combo.clear()
    combo.addItems([first, *values])
    if chosen in values:
        combo.setCurrentIndex(values.index(chosen) + 1)
    combo.blockSignals(False)


def refill_choices(pane: HistoryWidgets, store: RunStore) -> None:
    """Offer the endpoint and model names the store holds, keeping what was chosen."""
    _refill(pane.endpoint, store.endpoints())
    _refill(pane.model_filter, store.models())


def clear_filters(pane: HistoryWidgets) -> None:
    """Empty the search box and set every combo back to its first choice, any (no search is
    started)."""
    pane.search.blockSignals(True)
    pane.search.clear()
    pane.search.blockSignals(False)
    for combo in pane.filter_combos():
        combo.setCurrentIndex(0)
