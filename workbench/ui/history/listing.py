"""Run listing: when the runs table is read again from the store, and which row stays selected.

A filter chosen asks at once, a search after a pause in typing, and a run recorded while the pane
is in view asks too (selected, it is then followed live). The pane reads, and says how many.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workbench.ui.history.filters import current_filter

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.core.runs.store import RunRecord, RunStore
    from workbench.ui.history.widgets import HistoryWidgets

WATCH_INTERVAL_MS = 1000
"""How often a pane in view looks for runs recorded since it last read the list."""
SEARCH_PAUSE_MS = 150
"""How long typing in the search box pauses before the runs are read again."""


class RunListing(QObject):
    """Reads the runs the filters describe into the table; asks for that when they change."""

    reread_requested = Signal()
    """The filters changed, or a run was recorded since the last read: read the runs again."""

    def __init__(
        self,
        *,
        widgets: HistoryWidgets,
        store: Callable[[], RunStore | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._widgets = widgets
        self._store = store
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self._seen: tuple[int, int] | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._widgets.search.textChanged.connect(self._on_search_text_changed)
        self._search_timer.timeout.connect(self.reread_requested)
        self._watch_timer.timeout.connect(self._on_watch_timer_timeout)
        for combo in self._widgets.filter_combos():
            combo.activated.connect(self._on_filter_activated)

    def watch(self) -> None:
        """Look for newly recorded runs (the pane is in view)."""
        self._watch_timer.start()

    def rest(self) -> None:
        """Stop looking for new runs, and drop a pending search (the pane is hidden)."""
        self._watch_timer.stop()
        self._search_timer.stop()

    def drop_search(self) -> None:
        """Forget a search typed but not yet read."""
        self._search_timer.stop()

    def read(self, store: RunStore) -> list[RunRecord]:
        """Put the runs the filters describe in the table (what the writer committed so far)."""
        self._seen = store.latest()
        runs = store.find(current_filter(self._widgets))
        self._widgets.model.set_runs(runs)
        return runs

    def reselect(self, runs: list[RunRecord], shown: RunRecord | None) -> bool:
        """Select the run inspected again (a batched run by its group), else the first row;
        False when there are no rows."""
        if not runs:
            return False
        keys = [r.group_id or r.id for r in runs]
        key = (shown.group_id or shown.id) if shown is not None else None
        self._widgets.table.selectRow(keys.index(key) if key in keys else 0)
        return True

    def select(self, run_id: str) -> bool:
        """Select the row of this run and put the focus there; False when it is not listed."""
        table = self._widgets.table
        for row, run in enumerate(self._widgets.model.runs()):
            if run.id == run_id:
                table.selectRow(row)
                # The keyboard's user lands on the run asked for, as the mouse's does, not in
                # the Search box the tab switch gave the focus to.
                table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _on_watch_timer_timeout(self) -> None:
        # A run started while the pane is in view shows up (and, selected, is followed live);
        # a selection of several rows is left alone rather than cut back to one.
        store = self._store()
        if store is None or store.latest() == self._seen:
            return
        if len(self._widgets.table.selectionModel().selectedRows()) <= 1:
            self.reread_requested.emit()

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_filter_activated(self, _index: int) -> None:
        self.reread_requested.emit()
