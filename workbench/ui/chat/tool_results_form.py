"""Tool results form: for each call the model made, type its outputs as fields or paste JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.models import ToolCall, ToolResult
from workbench.ui.common.a11y import name_tab_bar
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.json_text import placed
from workbench.ui.common.l10n import fill
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section

if TYPE_CHECKING:
    from collections.abc import Sequence


def _cell_value(text: str) -> Any:
    """A typed value: JSON when it parses (numbers, booleans, objects), else the text itself."""
    try:
        return jsontext.loads(text)
    except ValueError:
        return text


class _CallEditor(Retranslating, QGroupBox):
    """Outputs for one call: a field/value table, or a JSON list of objects."""

    def __init__(self, call: ToolCall, position: int, parent: QWidget | None = None) -> None:
        args = ", ".join(
            f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in call.parameters.items()
        )
        # "&&": an ampersand in a tool's name or arguments is text, not a mnemonic.
        super().__init__(f"{call.name}({args})".replace("&", "&&"), parent)
        self.call = call
        self.position = position
        self.setObjectName(f"toolResult{position}")
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName(f"toolResult{position}Mode")
        self._table = QTableWidget(1, 2, self)
        self._table.setObjectName(f"toolResult{position}Fields")
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        # "result" is the output key the API's examples use: a field name, not translated.
        self._table.setItem(0, 0, QTableWidgetItem("result"))
        self._table.setItem(0, 1, QTableWidgetItem(""))
        self._add = add = QPushButton(self)
        add.setObjectName(f"toolResult{position}AddField")
        add.clicked.connect(self._on_add_clicked)
        form_page = QWidget(self)
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(self._table)
        form_layout.addWidget(add)
        name = self.tr("Outputs of %1 (JSON)").replace("%1", call.name)
        self._json = JsonEditor(parent=self, name=name)
        self._json.setObjectName(f"toolResult{position}Json")
        self._json.set_text('[\n  {"result": ""}\n]')
        self._tabs.addTab(form_page, "")
        self._tabs.addTab(self._json, "JSON")
        name_tab_bar(self._tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language (the call's name stays as sent)."""
        name = self.call.name
        self.setAccessibleName(self.tr("Result of %1").replace("%1", name))
        self._tabs.setAccessibleName(self.tr("Outputs of %1 as").replace("%1", name))
        self._tabs.tabBar().setAccessibleName(self._tabs.accessibleName())
        self._tabs.setTabText(0, self.tr("Fields"))
        self._table.setAccessibleName(self.tr("Output fields of %1").replace("%1", name))
        self._table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self._add.setText(self.tr("Add field"))
        self._add.setAccessibleName(self.tr("Add an output field to %1").replace("%1", name))
        self._json.set_name(self.tr("Outputs of %1 (JSON)").replace("%1", name))

    def _on_add_clicked(self) -> None:
        row = self._table.rowCount()
        self._table.insertRow(row)
        self._table.setItem(row, 0, QTableWidgetItem(""))
        self._table.setItem(row, 1, QTableWidgetItem(""))
        self._table.setCurrentCell(row, 0)

    def set_fields(self, values: dict[str, str]) -> None:
        """Fill the field table (tests and samples)."""
        self._table.setRowCount(0)
        for key, value in values.items():
            row = self._table.rowCount()
            self._table.insertRow(row)
            self._table.setItem(row, 0, QTableWidgetItem(key))
            self._table.setItem(row, 1, QTableWidgetItem(value))
        self._tabs.setCurrentIndex(0)

    def outputs(self) -> list[dict[str, Any]]:
        """The outputs typed in the visible tab.

        Raises:
            InputError: the JSON is invalid or not objects; `.where` names the call and position.
        """
        where = fill(self.tr("tool result %1 (%2)"), self.position + 1, self.call.name)
        if self._tabs.currentIndex() == 1:
            try:
                value = self._json.value()
            except InputError as exc:  # the same error, placed in this call's outputs
                raise placed(exc, where) from exc
            items = value if isinstance(value, list) else [value]
            if not all(isinstance(v, dict) for v in items):
                raise InputError(
                    self.tr("outputs must be an object or a list of objects"), where=where
                )
            return items
        output: dict[str, Any] = {}
        for row in range(self._table.rowCount()):
            key_item, value_item = self._table.item(row, 0), self._table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            if key:
                output[key] = _cell_value(value_item.text() if value_item else "")
        if not output:
            raise InputError(self.tr("type at least one output field"), where=where)
        return [output]


class ToolResultsForm(Retranslating, QWidget):
    """A form generated from the last answer's tool calls; `results()` feeds Continue."""

    continue_requested = Signal()
    """The person asked to send the results back to the model."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatToolResults")
        self._editors: list[_CallEditor] = []
        self._hint = QLabel(self)
        self._hint.setObjectName("chatToolResultsHint")
        self._hint.setWordWrap(True)  # one long line would widen the whole side column
        # A flat section titled over the calls: its Alt letter reaches the first call's outputs
        # (each call's controls, as many as the calls, have no letters of their own).
        self._calls = Section("chatToolCalls", self, flat=True)
        self._calls.setVisible(False)
        self._box = QVBoxLayout(self._calls)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._continue = QPushButton(self)
        self._continue.setObjectName("chatContinue")
        self._continue.setEnabled(False)
        self._continue.clicked.connect(self.continue_requested)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self._continue)
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addWidget(self._calls)
        layout.addLayout(bar)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts and the hint in the current language."""
        self.setAccessibleName(self.tr("Tool results"))
        self._calls.setTitle(self.tr("&Outputs"))
        self._continue.setText(self.tr("Contin&ue with results"))
        self._continue.setAccessibleName(self.tr("Continue with tool results"))
        self._show_hint()

    def _show_hint(self) -> None:
        count = len(self._editors)
        self._hint.setText(
            self.tr("The model asked for %n tool call(s): type or paste their outputs.", "", count)
            if count
            else self.tr("No tool calls to answer.")
        )

    def set_calls(self, calls: Sequence[ToolCall]) -> None:
        """Generate one editor per call (replacing earlier ones)."""
        for editor in self._editors:
            editor.setParent(None)
            editor.deleteLater()
        self._editors = [_CallEditor(call, n, self._calls) for n, call in enumerate(calls)]
        for editor in self._editors:
            self._box.addWidget(editor)
        self._calls.setVisible(bool(calls))
        self._show_hint()
        self._continue.setEnabled(bool(calls))

    def set_busy(self, busy: bool) -> None:
        """Disable Continue while a request runs."""
        self._continue.setEnabled(bool(self._editors) and not busy)

    def editor(self, position: int) -> _CallEditor:
        """The editor of one call."""
        return self._editors[position]

    def results(self) -> list[ToolResult]:
        """One ToolResult per call.

        Raises:
            InputError: an editor holds bad outputs (named by call).
        """
        return [ToolResult(call=e.call, outputs=e.outputs()) for e in self._editors]
