"""The live list of QA checks: one row per check, expandable to its evidence, each linked to its run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from workbench.core.qa.report import MARK, evidence_text
from workbench.ui.common.l10n import fill, format_ms

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.core.qa.model import CheckResult, Evidence

RUN_ID = Qt.ItemDataRole.UserRole
"""Item data: the run id of an evidence row (None for a check's own row)."""
RESULT = Qt.ItemDataRole.UserRole + 1
"""Item data: the check's result, on its row."""


def verdict_word(status: str) -> str:
    """The verdict in the person's language."""
    words = {
        "pass": QCoreApplication.translate("QaResults", "Passed"),
        "fail": QCoreApplication.translate("QaResults", "Failed"),
        "skip": QCoreApplication.translate("QaResults", "Skipped"),
    }
    return words.get(status, status)


class QaResultsTree(QTreeWidget):
    """Checks as they finish; expand one for its evidence (Enter on an evidence row opens its
    run in the History pane)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the header texts, and the rows' own words and numbers, in the current language."""
        self.setHeaderLabels([self.tr("Verdict"), self.tr("Check"), self.tr("Why")])
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is not None:
                self._write(item)
        self.resizeColumnToContents(0)

    def add_result(self, result: CheckResult) -> QTreeWidgetItem:
        """Add a finished check with one child row per request it made."""
        item = QTreeWidgetItem(["", result.title, result.reason])
        item.setData(0, RESULT, result)
        item.setToolTip(2, result.reason)
        for evidence in result.evidence:
            status = "" if evidence.status is None else f"HTTP {evidence.status}"
            child = QTreeWidgetItem([status, evidence.label, ""])
            child.setData(0, RUN_ID, evidence.run_id)
            item.addChild(child)
        self._write(item)
        self.addTopLevelItem(item)
        self.resizeColumnToContents(0)
        return item

    def _write(self, item: QTreeWidgetItem) -> None:
        """A check's verdict and its evidence rows' time and run, in the current language."""
        result: CheckResult = item.data(0, RESULT)
        item.setText(0, f"{MARK[result.status]} {verdict_word(result.status)}")
        for index, evidence in enumerate(result.evidence):  # one child per evidence, in order
            child = item.child(index)
            if child is not None:
                child.setText(2, self._evidence_when(evidence))

    def _evidence_when(self, e: Evidence) -> str:
        when = "" if e.elapsed_ms is None else format_ms(e.elapsed_ms)
        run = fill(self.tr("run %1"), e.run_id) if e.run_id else self.tr("not recorded")
        return f"{when} · {run}"

    def result_at(self, item: QTreeWidgetItem | None) -> CheckResult | None:
        """The check of a row (its own, or its parent's for an evidence row)."""
        while item is not None:
            result = item.data(0, RESULT)
            if result is not None:
                return result  # type: ignore[no-any-return]
            item = item.parent()
        return None

    def run_id_at(self, item: QTreeWidgetItem | None) -> str | None:
        """The run of an evidence row, or the first run of a check's row."""
        if item is None:
            return None
        run_id = item.data(0, RUN_ID)
        if run_id:
            return str(run_id)
        result = self.result_at(item)
        return result.run_ids[0] if result is not None and result.run_ids else None

    def details(self, item: QTreeWidgetItem | None) -> str:
        """A check's reason and all of its evidence, as text."""
        result = self.result_at(item)
        if result is None:
            return ""
        return f"{result.title} ({result.id})\n{result.reason}\n\n{evidence_text(result)}"
