"""RunsModel: the recorded runs as table rows (newest first, pinned on top)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workbench.api.redact_hosts import register_host
from workbench.ui.common.demo import shown
from workbench.ui.common.l10n import fill, format_datetime
from workbench.ui.resources import pin_icon

if TYPE_CHECKING:
    from workbench.core.runs.store import RunRecord

_Index = QModelIndex | QPersistentModelIndex

KINDS = ("chat", "rerank")
"""The kinds of run the store records (stored values; shown through `kind_labels`)."""
OUTCOMES = ("ok", "error", "broken", "stopped", "failed", "running")
"""The outcomes the store records (stored values; shown through `outcome_labels`)."""


def kind_labels() -> dict[str, str]:
    """Each kind of run as shown, in the current language."""
    return {
        "chat": QCoreApplication.translate("RunsModel", "chat"),
        "rerank": QCoreApplication.translate("RunsModel", "rerank"),
    }


def outcome_labels() -> dict[str, str]:
    """Each outcome as shown, in the current language."""
    return {
        "ok": QCoreApplication.translate("RunsModel", "ok"),
        "error": QCoreApplication.translate("RunsModel", "error"),
        "broken": QCoreApplication.translate("RunsModel", "broken"),
        "stopped": QCoreApplication.translate("RunsModel", "stopped"),
        "failed": QCoreApplication.translate("RunsModel", "failed"),
        "running": QCoreApplication.translate("RunsModel", "running"),
    }


class RunsModel(QAbstractTableModel):
    """Rows of RunRecord summaries (events not loaded)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._runs: list[RunRecord] = []
        self._headers: list[str] = []
        self._pin = pin_icon()
        self.retranslate()

    def retranslate(self) -> None:
        """Column titles and cell labels in the current language (the pane calls this)."""
        self._kinds, self._outcomes = kind_labels(), outcome_labels()
        self._headers = [
            self.tr("When"),
            self.tr("Kind"),
            self.tr("Endpoint"),
            self.tr("Model"),
            self.tr("Outcome"),
            self.tr("Query"),
        ]
        if self._runs:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
            last = self.index(len(self._runs) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

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
        kind = self._kinds.get(run.kind, run.kind)
        if run.group_size < 2:
            return kind
        size = min(run.group_size, 2**31 - 1)  # Qt counts in a C int
        return fill(self.tr("%1 in %n request(s)", "", size), kind)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: the cell's text (the label before the query), and a pinned run's mark: an icon,
        said in words to screen readers and in the tool tip."""
        run = self.run_at(index.row())
        if run is None:
            return None
        pinned = run.pinned and index.column() == 0
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pin if pinned else None
        if pinned and role in {Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole}:
            return fill(self.tr("Pinned, %1"), _when(run.created))
        if role not in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole}:
            return None
        # Only the asked cell is made: Qt asks for each cell and role separately, and the time
        # cell (a locale-formatted date) is the dearest.
        return self._cell(run, index.column())

    def _cell(self, run: RunRecord, column: int) -> str:
        if column == 0:
            return _when(run.created)
        if column == 1:
            return self._kind(run)
        if column == 2:
            return shown(run.endpoint or run.url)  # a run without an endpoint name: its URL
        if column == 3:
            return run.model
        if column == 4:
            return self._outcomes.get(run.outcome, run.outcome)
        query = " ".join(run.query.split())
        if run.label:
            query = f"[{run.label}] {query}"
        return query if len(query) <= 120 else query[:119] + "…"


def _when(created: float) -> str:
    """The start time in the locale's way; a time no date can show (a run stored from a
    hand-edited file) as its number, rather than an error at every paint."""
    try:
        return format_datetime(datetime.fromtimestamp(created), seconds=True)
    except (OverflowError, OSError, ValueError):
        return f"{created:g}"
