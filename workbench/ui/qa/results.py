"""The live list of QA checks: one row per check, expandable to its evidence, each linked to its run.

The core keeps a check's reason and evidence as `Text`s, the words the command line and the
reports write in English: the rows and the evidence view show them in the GUI's language, and
write them again after a language switch (issue 18).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from workbench.api.redact import redact_text
from workbench.api.text import Text
from workbench.core.qa.report import MARK
from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_line
from workbench.ui.common.l10n import fill, format_ms

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.api.errors import WorkbenchError
    from workbench.core.qa.model import CheckResult, Evidence, Lines

RUN_ID = Qt.ItemDataRole.UserRole
"""Item data: the run id of an evidence row (None for a check's own row)."""
RESULT = Qt.ItemDataRole.UserRole + 1
"""Item data: the check's result, on its row."""
ERROR = Qt.ItemDataRole.UserRole + 2
"""Item data: the failure the check ended with or quotes (None when none), on its row."""


def verdict_word(status: str) -> str:
    """The verdict in the person's language."""
    words = {
        "pass": QCoreApplication.translate("QaResults", "Passed"),
        "fail": QCoreApplication.translate("QaResults", "Failed"),
        "skip": QCoreApplication.translate("QaResults", "Skipped"),
    }
    return words.get(status, status)


def shown_reason(result: CheckResult, error: WorkbenchError | None) -> str:
    """Why a check ended as it did, in the GUI's language: its words translated, and a failure
    it is or quotes said as the GUI says failures (title and place translated)."""
    said = result.reason_text
    if isinstance(said, str):  # a failure's own English line, or a line of the server's
        return error_line(error) if error is not None else said
    if error is None:
        return shown(said)
    return shown(_quoting(said, str(error), error_line(error)))


def _quoting(text: Text, english: str, line: str) -> Text:
    """`text` with the failure it quotes in English (`english`) put as `line` instead."""
    values = [
        line
        if value == english
        else _quoting(value, english, line)
        if isinstance(value, Text)
        else value
        for value in text.values
    ]
    return Text(text.template, *values, decimals=text.decimals, count=text.count)


def _said(text: Text | str) -> str:
    """A label or a note in the GUI's language: its words translated, API words as they are."""
    return shown(text) if isinstance(text, Text) else text


def _lines(lines: Lines) -> str:
    """An excerpt's lines: the workbench's words translated, what was sent or answered as it
    was (redacted, as the English excerpt is)."""
    return redact_text("\n".join(shown(x) if isinstance(x, Text) else x for x in lines))


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
        self._fit_columns()

    def add_result(
        self, result: CheckResult, error: WorkbenchError | None = None
    ) -> QTreeWidgetItem:
        """Add a finished check with one child row per request it made (`error`: the failure
        it ended with or quotes)."""
        item = QTreeWidgetItem()
        item.setData(0, RESULT, result)
        item.setData(0, ERROR, error)
        for evidence in result.evidence:
            child = QTreeWidgetItem()
            child.setData(0, RUN_ID, evidence.run_id)
            item.addChild(child)
        self._write(item)
        self.addTopLevelItem(item)
        self._fit_columns()
        return item

    def _fit_columns(self) -> None:
        """The verdict column fits its words, and so does the check's title, up to two fifths of
        the view, so the reason keeps room (a longer title is whole in its tool tip). The title
        column kept Qt's default 100 px: "The server answ…", "TLS with a…"."""
        self.resizeColumnToContents(0)
        self.resizeColumnToContents(1)
        widest = max(self.viewport().width() * 2 // 5, self.header().minimumSectionSize())
        if self.columnWidth(1) > widest:
            self.setColumnWidth(1, widest)

    def _write(self, item: QTreeWidgetItem) -> None:
        """A check's verdict, title and reason, and its evidence rows, in the current language."""
        result: CheckResult = item.data(0, RESULT)
        why = shown_reason(result, item.data(0, ERROR))
        item.setText(0, f"{MARK[result.status]} {verdict_word(result.status)}")
        title = shown(result.title)
        item.setText(1, title)
        item.setToolTip(1, title)
        item.setText(2, why)
        item.setToolTip(2, why)
        for index, evidence in enumerate(result.evidence):  # one child per evidence, in order
            child = item.child(index)
            if child is not None:
                child.setText(0, "" if evidence.status is None else f"HTTP {evidence.status}")
                child.setText(1, _said(evidence.label_text))
                child.setText(2, self._evidence_when(evidence))

    def _evidence_when(self, e: Evidence) -> str:
        when = "" if e.elapsed_ms is None else format_ms(e.elapsed_ms)
        return f"{when} · {self._run(e)}"

    def _run(self, e: Evidence) -> str:
        return fill(self.tr("run %1"), e.run_id) if e.run_id else self.tr("not recorded")

    def result_at(self, item: QTreeWidgetItem | None) -> CheckResult | None:
        """The check of a row (its own, or its parent's for an evidence row)."""
        return None if (row := self._check_row(item)) is None else row.data(0, RESULT)

    def _check_row(self, item: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        while item is not None:
            if item.data(0, RESULT) is not None:
                return item
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
        """A check's reason and all of its evidence, as text in the current language."""
        row = self._check_row(item)
        if row is None:
            return ""
        result: CheckResult = row.data(0, RESULT)
        why = shown_reason(result, row.data(0, ERROR))
        evidence = "\n".join(self._evidence_text(e) for e in result.evidence)
        return f"{shown(result.title)} ({result.id})\n{why}\n\n{evidence}"

    def _evidence_text(self, e: Evidence) -> str:
        """One request: what it was, its status, time and run, notes, request and response."""
        head = [_said(e.label_text)]
        if e.status is not None:
            head.append(f"HTTP {e.status}")
        if e.elapsed_ms is not None:
            head.append(format_ms(e.elapsed_ms))
        if e.run_id:
            head.append(self._run(e))
        out = [" · ".join(head)]
        out += [f"  {_said(note)}" for note in e.notes_text]
        if e.request:
            out.append("  " + fill(self.tr("request: %1"), _lines(e.request_text)))
        if e.response:
            out.append("  " + fill(self.tr("response: %1"), _lines(e.response_text)))
        return "\n".join(out)
