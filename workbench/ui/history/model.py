"""RunsModel: the recorded runs as table rows (newest first, pinned on top)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.api.redact import register_host
from workbench.core.runs.inspect import when
from workbench.ui.common.demo import shown

if TYPE_CHECKING:
    from workbench.core.runs.store import RunRecord

_Index = QModelIndex | QPersistentModelIndex


class RunsModel(QAbstractTableModel):
    """Rows of RunRecord summaries (events not loaded)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._runs: list[RunRecord] = []
        self._headers = [
            self.tr("When"),
            self.tr("Kind"),
            self.tr("Endpoint"),
            self.tr("Model"),
            self.tr("Outcome"),
            self.tr("Query"),
        ]

    def set_runs(self, runs: list[RunRecord]) -> None:
        """Show these runs (their hosts masked in demo mode, configured or not: runs imported
        from a file name hosts no endpoint here names)."""
        for run in runs:
            register_host(run.url)
        self.beginResetModel()
        self._runs = runs
        self.endResetModel()

    def run_at(self, row: int) -> RunRecord | None:
        """The run on this row, or None."""
        return self._runs[row] if 0 <= row < len(self._runs) else None

    def runs(self) -> list[RunRecord]:
        """Every run shown, in order."""
        return list(self._runs)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        """Qt: one row per run."""
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        """Qt: the six columns."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _kind(self, run: RunRecord) -> str:
        if run.group_size < 2:
            return run.kind
        return self.tr("%1 in %n request(s)", "", run.group_size).replace("%1", run.kind)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: the cell's text (a pin and the label before the query)."""
        run = self.run_at(index.row())
        if run is None or role not in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole}:
            return None
        query = " ".join(run.query.split())
        if run.label:
            query = f"[{run.label}] {query}"
        cells = [
            ("📌 " if run.pinned else "") + when(run.created),
            self._kind(run),
            shown(run.endpoint or run.url),  # a run without an endpoint name shows its URL
            run.model,
            run.outcome,
            query if len(query) <= 120 else query[:119] + "…",
        ]
        return cells[index.column()]
