"""History pane: search and filter recorded runs, inspect one, pin, label, note, delete, export."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.api.errors import InputError
from workbench.core.runs import demo, portable
from workbench.ui.common.demo import is_demo
from workbench.ui.common.error_text import error_line
from workbench.ui.common.keys import without_mnemonic
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.history.files import read_demo, read_runs, written
from workbench.ui.history.filters import clear_filters, refill_choices
from workbench.ui.history.listing import RunListing
from workbench.ui.history.live import RunView
from workbench.ui.history.model import kind_labels, outcome_labels
from workbench.ui.history.notes import RunNotes
from workbench.ui.history.questions import ask_delete_all, ask_mask_hosts, file_for
from workbench.ui.history.selection import RunSelection
from workbench.ui.history.widgets import HistoryWidgets

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.core.runs.store import RunRecord, RunStore
    from workbench.ui.services import Services


class HistoryPane(Retranslating, HistoryWidgets):
    """Recorded runs on the left, the selected run's inspector on the right."""

    run_open_requested = Signal(str, dict)
    """Open a run back in its pane: payload kind ("chat"/"rerank") and its stored inputs."""
    replay_requested = Signal(object, float)
    """Play a chat turn back in the Chat pane: payload the RunRecord and the speed factor."""
    demo_requested = Signal(object, float)
    """Step through a demo script in the Chat pane: payload the DemoScript and the speed."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPane")
        self._services = services
        self._listing = RunListing(widgets=self, store=self._store, parent=self)
        self.keep.setChecked(services.settings.settings.keep_history)
        self.view = RunView(
            store=self._store, inspector=self.inspector, timeline=self.timeline, parent=self
        )
        self._selection = RunSelection(table=self.table, model=self.model, store=self._store)
        self._notes = RunNotes(
            label=self.label_edit, note=self.note_edit, selection=self._selection, parent=self
        )
        self.retranslate_ui()
        self._connect_signals()

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (also on `LanguageChange`)."""
        self.setAccessibleName(self.tr("History"))
        for widget, accessible, label in (
            (self.search, self.tr("Search"), self.tr("&Search")),
            (self.kind, self.tr("Kind"), self.tr("&Kind")),
            (self.endpoint, self.tr("Endpoint"), self.tr("&Endpoint")),
            (self.model_filter, self.tr("Model"), self.tr("&Model")),
            (self.outcome, self.tr("Outcome"), self.tr("&Outcome")),
            (self.date, self.tr("Date"), self.tr("&When")),
            (self.table, self.tr("Recorded runs"), self.tr("R&uns")),
            (self.inspector, self.tr("Run inspector"), self.tr("&Inspector")),
            (self.timeline, self.tr("Timeline"), self.tr("&Timeline")),
            (self.export_as, self.tr("Export as"), self.tr("Export &as")),
            # In a section: the section's letter reaches them (the pane has more controls than
            # the alphabet has letters once the menu bar's are taken, in Italian fewer still).
            (self.label_edit, self.tr("Label"), self.tr("Label")),
            (self.note_edit, self.tr("Note"), self.tr("Note")),
            (self.speed, self.tr("Replay speed"), self.tr("Replay speed (times)")),
        ):
            widget.setAccessibleName(accessible)
            self._labels[widget.objectName()].setText(label)
        # Alt+letter focuses a section's first control, Tab the others.
        self._notes_section.setTitle(self.tr("&Label and note"))
        self._replay_section.setTitle(self.tr("Repla&y"))
        self._storage_section.setTitle(self.tr("Stora&ge"))
        for button, text in (
            (self.pin, self.tr("&Pin / unpin")),
            (self.delete, self.tr("&Delete")),
            (self.open_run, self.tr("Open &back in its pane")),
            (self.copy_code, self.tr("&Copy code")),
            (self.save_notes, self.tr("Save label and note")),
            (self.replay, self.tr("Replay in Chat")),
            (self.play_demo, self.tr("Play as demo")),
            (self.save_demo, self.tr("Save demo script…")),
            (self.open_demo, self.tr("Open demo script…")),
            (self.export_file, self.tr("Export file…")),
            (self.import_file, self.tr("Import file…")),
            (self.delete_all, self.tr("Delete all…")),
        ):
            button.setText(text)
            button.setAccessibleName(without_mnemonic(text).rstrip("…"))
        self.search.setPlaceholderText(self.tr("Words in queries, messages, answers and notes"))
        for combo in (self.kind, self.endpoint, self.model_filter, self.outcome):
            combo.setItemText(0, self.tr("Any"))
        for combo, labels in ((self.kind, kind_labels()), (self.outcome, outcome_labels())):
            for index in range(1, combo.count()):
                combo.setItemText(index, labels[combo.itemData(index)])
        for index, text in enumerate(
            (self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"))
        ):
            self.date.setItemText(index, text)
        self.keep.setText(self.tr("Keep a history of runs"))
        self.keep.setAccessibleName(self.tr("Keep a history of runs"))
        self.status.setAccessibleName(self.tr("History status"))
        self.status.say_again()
        self.model.retranslate()
        if hasattr(self, "view"):  # not yet while the pane is built
            self.view.redraw()  # the inspector's fixed words (core/runs/inspect), in the new language

    def _connect_signals(self) -> None:
        self._listing.reread_requested.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.save_notes.clicked.connect(self._on_save_notes_clicked)
        self.pin.clicked.connect(self._on_pin_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        self.open_run.clicked.connect(self._on_open_run_clicked)
        self.replay.clicked.connect(self._on_replay_clicked)
        self.copy_code.clicked.connect(self._on_copy_code_clicked)
        self.play_demo.clicked.connect(self._on_play_demo_clicked)
        self.save_demo.clicked.connect(self._on_save_demo_clicked)
        self.open_demo.clicked.connect(self._on_open_demo_clicked)
        self.export_file.clicked.connect(self._on_export_file_clicked)
        self.import_file.clicked.connect(self._on_import_file_clicked)
        self.delete_all.clicked.connect(self._on_delete_all_clicked)
        self.keep.toggled.connect(self._on_keep_toggled)
        self.view.run_finished.connect(self._on_view_run_finished)
        # Queued: a save on a row change comes while the table changes its selection, and
        # listing the runs again then would select the row left behind.
        self._notes.saved.connect(self._on_notes_saved, Qt.ConnectionType.QueuedConnection)

    # --- the Pane protocol ------------------------------------------------------------------

    def cancel(self) -> None:
        """Nothing runs in the background here; a pending search is dropped."""
        self._listing.drop_search()

    def showEvent(self, event: Any) -> None:
        """Show what was recorded since the pane was last seen."""
        super().showEvent(event)
        self.refresh(choices=True)
        self._listing.watch()

    def hideEvent(self, event: Any) -> None:
        """A running run is not followed while nobody sees it; a pending search waits too
        (showing the pane again refreshes with the search as typed)."""
        super().hideEvent(event)
        if "view" not in vars(self):
            return  # garbage collection cleared the pane before Qt destroyed (so hid) it
        self._notes.save()  # switching panes or quitting keeps what was typed
        self.view.stop()
        self._listing.rest()

    # --- reading ----------------------------------------------------------------------------

    def _store(self) -> RunStore | None:
        history = self._services.history
        return None if history is None else history.store

    def refresh(self, *, choices: bool = False) -> None:
        """Read the runs again with the current filter (what the writer committed so far).

        Args:
            choices: also read the endpoint and model names the filters offer.
        """
        store = self._store()
        if store is None:
            self.status.say(lambda: self.tr("The run history is off."))
            return
        if choices:
            refill_choices(self, store)
        shown = self.view.record()
        runs = self._listing.read(store)
        count = len(runs)
        self.status.say(lambda: self.tr("%n run(s)", "", count))
        # The run inspected stays selected (a live one keeps being followed).
        if not self._listing.reselect(runs, shown):
            self.view.show(None)

    def show_run(self, run_id: str) -> bool:
        """Select one run with every filter cleared, so the inspector shows it (a QA check's
        evidence links here); False when the record has no such run."""
        history = self._services.history
        if history is None:
            return False
        history.writer.flush()  # the run may still be queued for writing
        clear_filters(self)
        self.refresh(choices=True)
        return self._listing.select(run_id)

    def selected_runs(self) -> list[RunRecord]:
        """The selected runs, in table order."""
        return self._selection.runs()

    # --- slots ------------------------------------------------------------------------------

    def _on_table_selection_changed(self, *_args: Any) -> None:
        runs = self.selected_runs()
        members = self._selection.members(runs[:1])
        record = members[0] if members else None
        self.view.show_group(members)
        self._notes.show(runs, record)  # what was typed for the row left is saved first

    def apply_demo_mode(self, on: bool) -> None:
        """Inspect the selected run again, hosts masked or not."""
        self._on_table_selection_changed()

    def _on_save_notes_clicked(self) -> None:
        self._notes.save()
        self.refresh()

    def _on_notes_saved(self) -> None:
        if self.isVisible():  # a hidden pane lists the runs again when shown
            self.refresh()

    def _on_pin_clicked(self) -> None:
        selected = self.selected_runs()
        if selected:
            self._selection.annotate(pinned=not selected[0].pinned)
            self.refresh()

    def _on_delete_clicked(self) -> None:
        if self._selection.delete():
            self.refresh()

    def _on_open_run_clicked(self) -> None:
        selected = self.selected_runs()
        if selected:
            self.run_open_requested.emit(selected[0].kind, selected[0].inputs)

    def _on_replay_clicked(self) -> None:
        selected = self.selected_runs()
        record = self._selection.full(selected[0]) if selected else None
        if record is None or record.kind != "chat":
            self.status.say(lambda: self.tr("Choose a chat turn to replay."))
            return
        self.replay_requested.emit(record, self.speed.value())

    # --- demo scripts -------------------------------------------------------------------------

    def demo_of_selection(self) -> demo.DemoScript | None:
        """The selected chat turns as a demo script, oldest first (None, said, when there are
        none)."""
        full = [self._selection.full(run) for run in self.selected_runs()]
        try:
            return demo.script_of([r for r in full if r is not None])
        except InputError as exc:
            error = exc  # `exc` is unbound after the block; the line is made again later
            self.status.say(lambda: error_line(error))
            return None

    def _on_play_demo_clicked(self) -> None:
        script = self.demo_of_selection()
        if script is not None:
            self.demo_requested.emit(script, self.speed.value())

    def save_demo_script(self, path: Path) -> int:
        """Write the selected chat turns to a demo script file; returns how many turns."""
        script = self.demo_of_selection()
        if script is None:
            return 0
        script.title = path.stem
        if not written(path, demo.dumps(script, mask_hosts=is_demo()), self.status):
            return 0
        count = len(script.turns)
        self.status.say(lambda: self.tr("Demo script of %n turn(s) saved.", "", count))
        return count

    def open_demo_script(self, path: Path) -> demo.DemoScript | None:
        """Read a demo script file and ask for it in the Chat pane; a bad file is named."""
        script = read_demo(path, self.status)
        if script is not None:
            self.demo_requested.emit(script, self.speed.value())
        return script

    def _on_save_demo_clicked(self) -> None:
        path = file_for(self, "save demo")
        if path is not None:
            self.save_demo_script(path)

    def _on_open_demo_clicked(self) -> None:
        path = file_for(self, "open demo")
        if path is not None:
            self.open_demo_script(path)

    # --- code and files -----------------------------------------------------------------------

    def code_for_selection(self) -> str:
        """The selected run as code in the chosen format ('' when none is selected; hosts
        masked in demo mode)."""
        return self._selection.code(self.export_as.currentText())

    def _on_copy_code_clicked(self) -> None:
        try:
            code = self.code_for_selection()
        except InputError as exc:
            error = exc
            self.status.say(lambda: error_line(error))
            return
        if code:
            QGuiApplication.clipboard().setText(code)
            self.view.stop()  # the code stays in view; the run is not appended under it
            self.inspector.setPlainText(code)
            self.status.say(lambda: self.tr("Code copied to the clipboard."))

    def export_selection(self, path: Path, *, mask_hosts: bool = False) -> int:
        """Write the selected runs to a portable file (hosts always masked in demo mode);
        returns how many."""
        records = self._selection.members(self.selected_runs())
        text = portable.dumps(records, mask_hosts=mask_hosts or is_demo())
        if not written(path, text, self.status):
            return 0
        count = len(records)
        self.status.say(lambda: self.tr("%n run(s) exported.", "", count))
        return len(records)

    def import_from(self, path: Path) -> int:
        """Add the runs of a portable file; a malformed file is named in the status line."""
        store = self._store()
        records = read_runs(path, self.status)
        if records is None:
            return 0
        if store is not None:
            store.add(records)
        self.refresh(choices=True)
        count = len(records)
        self.status.say(lambda: self.tr("%n run(s) imported.", "", count))
        return len(records)

    def _on_export_file_clicked(self) -> None:
        path = file_for(self, "export runs")
        if path is None:
            return
        if is_demo():  # masked without asking: the answer would be on the projector
            self.export_selection(path, mask_hosts=True)
            return
        ask_mask_hosts(self, partial(self._on_mask_answered, path))

    def _on_mask_answered(self, path: Path, answer: QMessageBox.StandardButton) -> None:
        if answer != QMessageBox.StandardButton.Cancel:
            self.export_selection(path, mask_hosts=answer == QMessageBox.StandardButton.Yes)

    def _on_import_file_clicked(self) -> None:
        path = file_for(self, "import runs")
        if path is not None:
            self.import_from(path)

    def delete_everything(self) -> None:
        """Delete every recorded run and rewrite the file (no confirmation here)."""
        store = self._store()
        if store is not None:
            store.delete_all()
        self.refresh(choices=True)

    def _on_view_run_finished(self, _run_id: str) -> None:
        self.refresh()  # its row's outcome, and the filters' choices

    def _on_keep_toggled(self, keep: bool) -> None:
        # Read by the endpoint session at every call: the next run is (not) recorded at once.
        self._services.settings.update(keep_history=keep)
        if not keep:
            self.status.say(
                lambda: self.tr("New runs are not recorded; Delete all removes the rest.")
            )

    def _on_delete_all_clicked(self) -> None:
        ask_delete_all(self, self._on_delete_all_answered)

    def _on_delete_all_answered(self, answer: QMessageBox.StandardButton) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_everything()
