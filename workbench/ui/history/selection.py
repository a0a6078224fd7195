"""Run selection: the runs the table's selected rows name, read in full from the store, changed
there (label, note, pin, delete), and written out as code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.core.runs.export_code import export_code
from workbench.ui.common.demo import hosts_masked

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QTableView

    from workbench.core.runs.store import RunRecord, RunStore
    from workbench.ui.history.model import RunsModel


class RunSelection:
    """What the runs table has selected, and what can be done to it in the store."""

    def __init__(
        self, *, table: QTableView, model: RunsModel, store: Callable[[], RunStore | None]
    ) -> None:
        self._table = table
        self._model = model
        self._store = store

    def runs(self) -> list[RunRecord]:
        """The selected runs, in table order."""
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        return [r for r in (self._model.run_at(row) for row in rows) if r is not None]

    def full(self, run: RunRecord) -> RunRecord | None:
        """The run with its events (None: no history, or the run is gone)."""
        store = self._store()
        return None if store is None else store.get(run.id)

    def members(self, runs: list[RunRecord]) -> list[RunRecord]:
        """The runs with events, each entry's whole group in order (a batched rerank's requests)."""
        store = self._store()
        return [] if store is None else [m for run in runs for m in store.members(run)]

    def annotate(self, runs: list[RunRecord] | None = None, **changes: Any) -> None:
        """Set the label, note or pin of `runs`, the selected ones by default (a batched run's
        requests too)."""
        store = self._store()
        for run in self.members(self.runs() if runs is None else runs):
            if store is not None:
                store.annotate(run.id, **changes)

    def delete(self) -> bool:
        """Delete the selected runs (a batched run's requests too); False when there were none."""
        store, ids = self._store(), [r.id for r in self.members(self.runs())]
        if store is None or not ids:
            return False
        store.delete(ids)
        return True

    def code(self, code_format: str) -> str:
        """The first selected run as code in `code_format` ('' when none is selected; hosts
        masked in demo mode)."""
        members = self.members(self.runs()[:1])
        try:
            codes = [hosts_masked(export_code(m, code_format)) for m in members]
        except InputError as exc:
            if exc.where in _OPTIONS:  # `--as`: the command line's, not the pane's
                raise _unplaced(exc) from exc
            raise
        if len(codes) < 2:
            return "".join(codes)
        # A batched run is sent again request by request, as it went out.
        return "\n".join(
            f"# request {n} of {len(codes)}\n{code}" for n, code in enumerate(codes, start=1)
        )


def _unplaced(exc: InputError) -> InputError:
    """The refusal without the place it names (the format was chosen in the list beside Copy
    code); its words are kept, to be shown translated."""
    title = exc.title_text if exc.title_text is not None else exc.title
    message = exc.message_text if exc.message_text is not None else exc.server_message
    return InputError(message, title=title)


_OPTIONS = frozenset({"--as", "--key-env"})
"""Places `export_code` names that are the command line's options."""
