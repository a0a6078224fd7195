"""History pane widgets: every control built, named, given its buddy label, and laid out.

The base of `HistoryPane`, as a Designer form would be: it holds no texts (the pane's
`retranslate_ui` sets them, so they stay in the pane's translation context) and no behaviour.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.runs.export_code import FORMATS
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.flow_layout import FlowLayout
from workbench.ui.history.model import KINDS, OUTCOMES, RunsModel
from workbench.ui.history.timeline import TimelineChart


class HistoryWidgets(QWidget):
    """Recorded runs on the left, the selected run's inspector on the right, sections below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_widgets()
        self._lay_out()

    def _named(self, widget: Any, name: str, *, labelled: bool = True) -> Any:
        widget.setObjectName(name)
        if labelled:
            buddy = QLabel(self)
            buddy.setObjectName(name + "Label")
            buddy.setBuddy(widget)
            self._labels[name] = buddy
        return widget

    def _button(self, name: str) -> QPushButton:
        return self._named(QPushButton(self), name, labelled=False)  # type: ignore[no-any-return]

    def _section(self, name: str) -> QGroupBox:
        section = QGroupBox(self)
        section.setObjectName(name)
        return section

    def _combo(self, name: str, values: list[str | None]) -> QComboBox:
        combo = self._named(QComboBox(self), name)
        for value in values:
            combo.addItem("", value)  # the text comes from retranslate_ui, the filter from data
        return combo  # type: ignore[no-any-return]

    def _build_widgets(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self.search = self._named(QLineEdit(self), "historySearch")
        self.kind = self._combo("historyKind", [None, *KINDS])
        self.endpoint = self._combo("historyEndpoint", [None])
        self.model_filter = self._combo("historyModel", [None])
        self.outcome = self._combo("historyOutcome", [None, *OUTCOMES])
        self.date = self._combo("historyDate", [None, None, None, None])
        self.table = self._named(QTableView(self), "historyTable")
        self.model = RunsModel(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in every pane
        # Row numbers say nothing about a run (the time column orders them), and sizing a
        # numbered header asks the model about every one of up to 200 rows at each refresh.
        self.table.verticalHeader().setVisible(False)
        self.timeline = self._named(TimelineChart(self), "historyTimeline")  # above the inspector
        self.inspector = self._named(QPlainTextEdit(self), "historyInspector")
        self.inspector.setReadOnly(True)
        # Nobody undoes it: following a stream added an undo step per tick, held until refilled.
        self.inspector.setUndoRedoEnabled(False)
        # Built in the order they are laid out, which is the Tab order.
        self._notes_section = self._section("historyNotesSection")
        self.label_edit = self._named(QLineEdit(self), "historyLabelEdit")
        self.note_edit = self._named(QLineEdit(self), "historyNote")
        self.save_notes = self._button("historySaveNotes")
        self.pin = self._button("historyPin")
        self.delete = self._button("historyDelete")
        self.open_run = self._button("historyOpen")
        self.export_as = self._named(QComboBox(self), "historyExportFormat")
        self.export_as.addItems(list(FORMATS))  # curl, httpx, …: names, never translated
        self.copy_code = self._button("historyCopyCode")
        self._replay_section = self._section("historyReplaySection")
        self.replay = self._button("historyReplay")
        self.speed = self._named(QDoubleSpinBox(self), "historySpeed")
        self.speed.setRange(0.1, 100.0)
        self.speed.setValue(1.0)
        self.play_demo = self._button("historyPlayDemo")
        self.save_demo = self._button("historySaveDemo")
        self.open_demo = self._button("historyOpenDemo")
        self._storage_section = self._section("historyStorageSection")
        self.export_file = self._button("historyExportFile")
        self.import_file = self._button("historyImportFile")
        self.delete_all = self._button("historyDeleteAll")
        self.keep = self._named(QCheckBox(self), "historyKeep", labelled=False)
        # Its accessible name is the message shown, its text passes the redactor (a file name
        # or an error may hold a host or a key).
        self.status = self._named(StatusLabel(self), "historyStatus", labelled=False)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        """The combos that narrow the runs listed, in their row's order."""
        return (self.kind, self.endpoint, self.model_filter, self.outcome, self.date)

    def _lay_out(self) -> None:
        filters = QGridLayout()
        row = [
            ("historySearch", self.search),
            ("historyKind", self.kind),
            ("historyEndpoint", self.endpoint),
            ("historyModel", self.model_filter),
            ("historyOutcome", self.outcome),
            ("historyDate", self.date),
        ]
        for column, (name, widget) in enumerate(row):
            filters.addWidget(self._labels[name], 0, column)
            filters.addWidget(widget, 1, column)
        filters.setColumnStretch(0, 3)
        left, right = QWidget(self), QWidget(self)
        left_box, right_box = QVBoxLayout(left), QVBoxLayout(right)
        left_box.addWidget(self._labels["historyTable"])
        left_box.addWidget(self.table)
        right_box.addWidget(self._labels["historyTimeline"])
        right_box.addWidget(self.timeline)
        right_box.addWidget(self._labels["historyInspector"])
        right_box.addWidget(self.inspector)
        splitter = QSplitter(self)
        splitter.setObjectName("historySplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        notes = QHBoxLayout(self._notes_section)
        for name, widget in (
            ("historyLabelEdit", self.label_edit),
            ("historyNote", self.note_edit),
        ):
            notes.addWidget(self._labels[name])
            notes.addWidget(widget)
        notes.addWidget(self.save_notes)
        actions = FlowLayout()  # these rows wrap in a narrow window instead of widening it
        for widget in (
            self.pin,
            self.delete,
            self.open_run,
            self._labels["historyExportFormat"],
            self.export_as,
            self.copy_code,
        ):
            actions.addWidget(widget)
        replays = FlowLayout(self._replay_section)
        replays.addWidget(self.replay)
        replays.addWidget(self._labels["historySpeed"])
        for widget in (self.speed, self.play_demo, self.save_demo, self.open_demo):
            replays.addWidget(widget)
        storage = FlowLayout(self._storage_section)
        for widget in (self.export_file, self.import_file, self.delete_all, self.keep):
            storage.addWidget(widget)
        for inner in (notes, replays, storage):  # a narrow frame: the runs table keeps its rows
            inner.setContentsMargins(4, 4, 4, 4)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(splitter, 1)
        box.addWidget(self._notes_section)
        box.addLayout(actions)
        box.addWidget(self._replay_section)
        box.addWidget(self._storage_section)
        box.addWidget(self.status)
